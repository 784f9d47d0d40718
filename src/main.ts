import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { buildApp, createServices } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './platform/db/connection.js';
import { DataDirLockedError } from './platform/db/data-dir-lock.js';
import { migrate } from './platform/db/migrate.js';
import { loadWorkerSettings } from './platform/jobs/settings.js';
import { loadClusterSettings, type ClusterSettings } from './platform/cluster-settings.js';
import { seedDemoIfEmpty } from './seed/demo-seed.js';
import { sealStoredDossiers } from './modules/dossiers/personal-data.js';
import { createLocalGateway, type LocalGateway } from './modules/payments/local-gateway/server.js';
import { demoEidWanted, startDemoEid, type DemoEid } from './modules/citizens/demo-eid/demo-eid.server.js';

export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgresql', url: config.databaseUrl, replicas: { urls: config.replicaUrls, maxLagMs: config.replicaMaxLagMs } })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir });
}

/** The settings a primary hands its workers that `loadConfig` cannot read from the environment. */
const WORKER_OIDC_ENV = 'MOTCUA_WORKER_OIDC';

/**
 * config → database → migrations → demo data → app → listen. With several processes (PostgreSQL,
 * WEB_CONCURRENCY > 1) this process prepares the database once, runs the demo's side servers, and
 * forks the workers that serve the port together (node:cluster); each runs the job worker too, whose
 * claims (`FOR UPDATE SKIP LOCKED`) make every job run once whichever process takes it.
 */
async function main(): Promise<void> {
  if (cluster.isWorker) return worker();
  const started = performance.now();
  let config = loadConfig(process.env, VERSION);
  for (const note of config.notes) console.warn(note);
  const workerSettings = loadWorkerSettings(process.env);
  const database = await openConfiguredDatabase(config);
  let processes: ClusterSettings;
  try {
    processes = loadClusterSettings(process.env, database.kind);
    if (processes.note) console.warn(processes.note);
    await migrate(database.db);
    // No e-ID provider configured, outside production: the local demo one, so citizens can sign in.
    const demoEid = demoEidWanted(config) ? await startLocalEid(config) : undefined;
    if (demoEid) config = { ...config, oidc: demoEid.settings };
    const services = createServices(config, database);
    if (config.demo !== 'off') await seedDemoIfEmpty(services, config, (msg) => console.log(msg));
    const counted = await services.reports.fillCounts();
    if (counted) console.log(`report counts filled at start-up from ${counted} dossiers`);
    // ID numbers and files stored before encryption (or under a previous key) are sealed now:
    // a migration cannot, SQL holds no key. Nothing to do costs one scan.
    const sealed = await sealStoredDossiers(services.db, services.dataKeys);
    const sealedFiles = await services.files.sealAll();
    if (sealed || sealedFiles) console.log(`personal data sealed at start-up: ${sealed} dossiers, ${sealedFiles} files`);
    if (config.env === 'production') {
      const demo = await services.auth.countDemoPasswords();
      if (demo > 0) {
        throw new ConfigError(`Từ chối khởi động ở chế độ production: còn ${demo} tài khoản dùng mật khẩu mẫu. Đổi mật khẩu các tài khoản này trước. / Refusing to start in production: ${demo} account(s) still have the demo password.`);
      }
    }
    if (processes.workers > 1) {
      await database.close();
      return await primary(config, processes.workers, demoEid, started);
    }
    const app = await buildApp({ config, database, services });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const gateway = await startGateway(config, typeof address === 'object' && address ? address.port : config.port, app);
    app.log.info({ database: database.kind, publicUrl: config.publicUrl, readyMs: Math.round(performance.now() - started) }, 'motcua ready');
    // Background jobs (reminders, outbox delivery) start once the app serves; they are rows, so a restart resumes them.
    const jobs = workerSettings.pollMs > 0 ? services.jobs.startWorker({ pollMs: workerSettings.pollMs, log: app.log }) : undefined;
    onSignals(async () => {
      await jobs?.stop();
      await gateway?.close();
      await app.close();
      await demoEid?.close();
      await database.close();
    }, app.log);
  } catch (err) {
    await database.close().catch(() => undefined);
    throw err;
  }
}

/** One of several serving processes: the database is ready; it serves and runs jobs. */
async function worker(): Promise<void> {
  const started = performance.now();
  let config = loadConfig(process.env, VERSION);
  const oidc = process.env[WORKER_OIDC_ENV];
  if (oidc) config = { ...config, oidc: JSON.parse(oidc) as Config['oidc'] };
  const workerSettings = loadWorkerSettings(process.env);
  const database = await openConfiguredDatabase(config);
  const services = createServices(config, database);
  const app = await buildApp({ config, database, services });
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ worker: cluster.worker?.id, readyMs: Math.round(performance.now() - started) }, 'motcua worker ready');
  const jobs = workerSettings.pollMs > 0 ? services.jobs.startWorker({ pollMs: workerSettings.pollMs, log: app.log }) : undefined;
  onSignals(async () => {
    await jobs?.stop();
    await app.close();
    await database.close();
  }, app.log);
}

/** Forks the workers, replaces one that dies, and stops them all on a signal. */
async function primary(config: Config, count: number, demoEid: DemoEid | undefined, started: number): Promise<void> {
  const env = config.oidc ? { [WORKER_OIDC_ENV]: JSON.stringify(config.oidc) } : {};
  let closing = false;
  const fork = () => cluster.fork(env);
  cluster.on('exit', (w, code, signal) => {
    if (closing) return;
    console.error(`motcua worker ${w.id} exited (${signal ?? code}); starting another`);
    fork();
  });
  const ports = await Promise.all(Array.from({ length: count }, () => new Promise<number>((resolve, reject) => {
    const w = fork();
    w.once('listening', (address) => resolve(address.port));
    w.once('exit', (code) => reject(new Error(`a worker exited with ${code} before it served`)));
  })));
  const gateway = await startGateway(config, ports[0]!, undefined);
  console.log(`motcua ready: ${count} processes on port ${ports[0]} (PostgreSQL) in ${Math.round(performance.now() - started)} ms`);
  const stopWorkers = () => Promise.all(Object.values(cluster.workers ?? {}).map((w) => new Promise<void>((resolve) => {
    if (!w || w.isDead()) return resolve();
    w.once('exit', () => resolve());
    w.process.kill('SIGTERM');
  })));
  onSignals(async () => {
    closing = true;
    await stopWorkers();
    await gateway?.close();
    await demoEid?.close();
  });
}

/**
 * Demo and development without a configured gateway: the local gateway serves payments on its own
 * port (config.payments.localGateway is never set in production).
 */
async function startGateway(config: Config, appPort: number, app: { log: { info: (o: object, m: string) => void; warn: (o: object, m: string) => void } } | undefined): Promise<LocalGateway | undefined> {
  if (!config.payments?.localGateway) return undefined;
  const log = app?.log ?? { info: (_o: object, m: string) => console.log(m), warn: (o: object, m: string) => console.warn(m, o) };
  const gateway = createLocalGateway({ merchantCode: config.payments.merchantCode, secret: config.payments.secret });
  const loopback = ['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host;
  gateway.setNotifyUrl(`http://${loopback.includes(':') ? `[${loopback}]` : loopback}:${appPort}/api/v1/payments/vnpay/notify`);
  try {
    await gateway.listen(config.payments.localGateway.port, config.host);
    log.info({ gateway: config.payments.payUrl }, 'local payment gateway ready (demo; no money moves)');
    return gateway;
  } catch (err) {
    // The app serves without it (only paying online in the demo needs it); the port is a setting.
    log.warn({ port: config.payments.localGateway.port, err: (err as Error).message }, 'local payment gateway not started: set MOTCUA_LOCAL_GATEWAY_PORT to a free port');
    return undefined;
  }
}

function onSignals(close: () => Promise<void>, log?: { info: (o: object, m: string) => void }): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log?.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * The demo provider listens on MOTCUA_DEMO_EID_PORT, else PORT+2 (PORT+1 is the local payment
 * gateway's); when that default is taken (two demos on one machine) any free port will do, since
 * the portal learns the address here. A port set on purpose that is taken stops the start.
 */
async function startLocalEid(config: Config): Promise<DemoEid> {
  const chosen = config.demoEidPort ?? (config.port && config.port + 2 <= 65_535 ? config.port + 2 : 0);
  const start = (port: number) => startDemoEid({ env: config.env, publicUrl: config.publicUrl, host: config.host, port });
  let eid: DemoEid;
  try {
    eid = await start(chosen);
  } catch (err) {
    if (config.demoEidPort !== undefined || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') {
      throw new ConfigError(`Không mở được cổng ${chosen} cho máy chủ định danh mô phỏng (MOTCUA_DEMO_EID_PORT): ${(err as Error).message} / cannot open the demo e-ID provider's port`);
    }
    eid = await start(0);
  }
  console.log(`demo e-ID provider (local, not VNeID): ${eid.issuer} — demo citizens in README`);
  return eid;
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
  } else {
    console.error('motcua failed to start:', err);
  }
  process.exit(1);
});
