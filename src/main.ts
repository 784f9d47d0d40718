import { readFileSync } from 'node:fs';
import { buildApp, createServices } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './platform/db/connection.js';
import { DataDirLockedError } from './platform/db/data-dir-lock.js';
import { migrate } from './platform/db/migrate.js';
import { loadWorkerSettings } from './platform/jobs/settings.js';
import { seedDemoIfEmpty } from './seed/demo-seed.js';
import { sealStoredDossiers } from './modules/dossiers/personal-data.js';
import { createLocalGateway, type LocalGateway } from './modules/payments/local-gateway/server.js';
import { demoEidWanted, startDemoEid, type DemoEid } from './modules/citizens/demo-eid/demo-eid.server.js';

export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgresql', url: config.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir });
}

/** config → database → migrations → demo data → app → listen. */
async function main(): Promise<void> {
  const started = performance.now();
  let config = loadConfig(process.env, VERSION);
  const workerSettings = loadWorkerSettings(process.env);
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database.db);
    // No e-ID provider configured, outside production: the local demo one, so citizens can sign in.
    const demoEid = demoEidWanted(config) ? await startLocalEid(config) : undefined;
    if (demoEid) config = { ...config, oidc: demoEid.settings };
    const services = createServices(config, database);
    if (config.demo !== 'off') await seedDemoIfEmpty(services, config, (msg) => console.log(msg));
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
    const app = await buildApp({ config, database, services });
    await app.listen({ port: config.port, host: config.host });
    // Demo and development without a configured gateway: the local gateway serves payments on its own
    // port (config.payments.localGateway is never set in production).
    let gateway: LocalGateway | undefined;
    if (config.payments?.localGateway) {
      gateway = createLocalGateway({ merchantCode: config.payments.merchantCode, secret: config.payments.secret });
      const appAddress = app.server.address();
      const appPort = typeof appAddress === 'object' && appAddress ? appAddress.port : config.port;
      const loopback = ['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host;
      gateway.setNotifyUrl(`http://${loopback.includes(':') ? `[${loopback}]` : loopback}:${appPort}/api/v1/payments/vnpay/notify`);
      try {
        await gateway.listen(config.payments.localGateway.port, config.host);
        app.log.info({ gateway: config.payments.payUrl }, 'local payment gateway ready (demo; no money moves)');
      } catch (err) {
        // The app serves without it (only paying online in the demo needs it); the port is a setting.
        app.log.warn({ port: config.payments.localGateway.port, err: (err as Error).message }, 'local payment gateway not started: set MOTCUA_LOCAL_GATEWAY_PORT to a free port');
        gateway = undefined;
      }
    }
    app.log.info({ database: database.kind, publicUrl: config.publicUrl, readyMs: Math.round(performance.now() - started) }, 'motcua ready');
    // Background jobs (reminders, outbox delivery) start once the app serves; they are rows, so a restart resumes them.
    const worker = workerSettings.pollMs > 0 ? services.jobs.startWorker({ pollMs: workerSettings.pollMs, log: app.log }) : undefined;

    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down');
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      await worker?.stop();
      await gateway?.close();
      await app.close();
      await demoEid?.close();
      await database.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (err) {
    await database.close().catch(() => undefined);
    throw err;
  }
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
