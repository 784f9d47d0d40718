import { readFileSync } from 'node:fs';
import { buildApp, createServices } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './platform/db/connection.js';
import { DataDirLockedError } from './platform/db/data-dir-lock.js';
import { migrate } from './platform/db/migrate.js';
import { loadWorkerSettings } from './platform/jobs/settings.js';
import { seedDemoIfEmpty } from './seed/demo-seed.js';

export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgresql', url: config.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir });
}

/** config → database → migrations → demo data → app → listen. */
async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig(process.env, VERSION);
  const workerSettings = loadWorkerSettings(process.env);
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database.db);
    const services = createServices(config, database);
    if (config.demo !== 'off') await seedDemoIfEmpty(services, config, (msg) => console.log(msg));
    if (config.env === 'production') {
      const demo = await services.auth.countDemoPasswords();
      if (demo > 0) {
        throw new ConfigError(`Từ chối khởi động ở chế độ production: còn ${demo} tài khoản dùng mật khẩu mẫu. Đổi mật khẩu các tài khoản này trước. / Refusing to start in production: ${demo} account(s) still have the demo password.`);
      }
    }
    const app = await buildApp({ config, database, services });
    await app.listen({ port: config.port, host: config.host });
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
      await app.close();
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

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
  } else {
    console.error('motcua failed to start:', err);
  }
  process.exit(1);
});
