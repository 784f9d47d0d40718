import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { App } from './types.js';

const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/**
 * Serves the built React app; every non-API path that is not a file gets index.html so the
 * browser router can handle deep links like /quan-tri/don-vi.
 */
export async function installWebApp(app: App): Promise<boolean> {
  if (!existsSync(WEB_DIST + 'index.html')) {
    app.log.warn('web/dist is missing: run `npm run build:web` (npm install does it) to serve the web app');
    return false;
  }
  await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false, maxAge: '1h' });
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const path = req.url.split('?')[0]!;
    if (path.startsWith('/api/') || path === '/health') return reply.callNotFound();
    if (/\.[a-z0-9]{2,5}$/i.test(path)) {
      return reply.sendFile(path.slice(1), { maxAge: path.startsWith('/assets/') ? 31_536_000_000 : 3_600_000, immutable: path.startsWith('/assets/') });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return true;
}
