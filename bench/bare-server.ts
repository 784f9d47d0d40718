/**
 * The "bare Fastify route" baseline of `npm run bench`: the same framework, the same number of
 * processes (WEB_CONCURRENCY) and no application — what HTTP alone costs on this machine.
 *
 *   PORT=4000 WEB_CONCURRENCY=2 node --import tsx bench/bare-server.ts
 */
import cluster from 'node:cluster';
import Fastify from 'fastify';

const port = Number(process.env.PORT ?? 4000);
const workers = Number(process.env.WEB_CONCURRENCY ?? 1);

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  let listening = 0;
  cluster.on('listening', () => { if (++listening === workers) console.log('ready'); });
  process.on('SIGTERM', () => { for (const w of Object.values(cluster.workers ?? {})) w?.kill(); process.exit(0); });
} else {
  const app = Fastify({ logger: false });
  // A body the size of a small JSON answer, serialised as the app's routes are.
  app.get('/bare/:code', async (req) => ({ code: (req.params as { code: string }).code, status: 'ok', at: new Date().toISOString() }));
  await app.listen({ port, host: '127.0.0.1' });
  if (cluster.isPrimary) console.log('ready');
}
