import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createServices, type Services } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/connection.js';
import { migrate, MIGRATIONS_DIR } from '../../src/platform/db/migrate.js';
import { seedDemoIfEmpty } from '../../src/seed/demo-seed.js';
import { postgresTemplatePrefix, TEST_DATABASE_URL, TEST_DB } from './test-db-env.js';

/**
 * Every test file gets its own database: an in-memory PGlite (TEST_DB=pglite, the default) or a
 * fresh database on the PostgreSQL server (TEST_DB=postgresql), dropped at the end. Runs never
 * see each other's data.
 */
export { TEST_DATABASE_URL, TEST_DB };

declare module 'vitest' {
  interface ProvidedContext {
    /** Names this run's PostgreSQL template databases (postgres-setup.ts); '' on PGlite. */
    postgresRunId: string;
  }
}

export type TestDatabase = DatabaseHandle & { config: Config; services: Services };

/**
 * The instant tests live at unless they say otherwise: Monday 2 March 2026, 9:00 in Hà Nội. Nothing
 * a test checks may depend on the day the suite happens to run.
 */
export const TEST_NOW = new Date('2026-03-02T09:00:00+07:00');

export type TestDatabaseOptions = {
  demo?: boolean;
  /** Also the generated demo dossiers (slow to load; off unless a test is about them): `true` for the real count, or a count. */
  demoDossiers?: boolean | number;
  env?: Record<string, string>;
  /** The services' clock and the instant the demo data is seeded at: a fixed instant, or a clock the test moves (default TEST_NOW). */
  now?: Date | (() => Date);
  /** PostgreSQL only: the app reaches the server at this address instead (e.g. through a proxy a test can cut). */
  connectThrough?: { host: string; port: number };
};

export async function createTestDatabase(opts: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const demo = opts.demo ?? true;
  const dossiers = opts.demoDossiers ?? false;
  const pinned = opts.now ?? TEST_NOW;
  const now = typeof pinned === 'function' ? pinned : () => pinned;
  const dataDir = join(tmpdir(), `motcua-test-files-${process.pid}`);
  const settings = { MOTCUA_ENV: 'test', MOTCUA_LOG_LEVEL: 'silent', MOTCUA_LOGIN_RATE_PER_MINUTE: '1000', MOTCUA_LOGIN_RATE_PER_ACCOUNT: '1000', ...opts.env };
  const config = loadConfig({ ...settings, MOTCUA_DATA_DIR: dataDir }, '0.0.0-test');
  // The demo seed stores files (result PDFs) while a template is built, maybe in another worker
  // process: templates keep their files in a directory of their own, copied into this database's.
  const { kind, hash } = templateKey(demo, dossiers, now());
  const templateDir = join(tmpdir(), `motcua-test-template-files-${kind}-${hash}`);
  const templateConfig = loadConfig({ ...settings, MOTCUA_DATA_DIR: templateDir }, '0.0.0-test');
  const withTemplateFiles = () => { if (existsSync(join(templateDir, 'files'))) cpSync(join(templateDir, 'files'), join(dataDir, 'files'), { recursive: true, force: false }); };
  if (TEST_DB === 'postgresql') {
    const name = `motcua_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const template = await postgresTemplate(demo, dossiers, templateConfig, now);
    withTemplateFiles();
    await adminQuery(`create database ${name} template ${template}`);
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    if (opts.connectThrough) { url.hostname = opts.connectThrough.host; url.port = String(opts.connectThrough.port); }
    const handle = await openDatabase({ kind: 'postgresql', url: url.toString(), poolSize: 8, connectTimeoutMs: 2000 });
    const services = createServices(config, handle, { now });
    return {
      ...handle, config, services,
      async close() {
        await handle.close();
        await adminQuery(`drop database if exists ${name} with (force)`);
      },
    };
  }
  const template = await pgliteTemplate(demo, dossiers, templateConfig, now);
  withTemplateFiles();
  const handle = await openDatabase({ kind: 'pglite', loadDataDir: new Blob([new Uint8Array(template)]) });
  return { ...handle, config, services: createServices(config, handle, { now }) };
}

function seedDemo(services: Services, dossiers: boolean | number): Promise<boolean> {
  return seedDemoIfEmpty(services, { demo: 'on' }, undefined, { dossiers: dossiers !== false, ...(typeof dossiers === 'number' ? { dossierCount: dossiers } : {}) });
}

/** A statement on the PostgreSQL server's maintenance connection (create or drop a test database). */
export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * What a migrated (and seeded) test database holds depends on the migrations, the demo files, every
 * module's seeding code, and the instant it was seeded at (demo data is relative to "now": a database
 * seeded on one day is never reused on another). The key of both back ends' templates.
 */
function templateKey(demo: boolean, dossiers: boolean | number, seededAt: Date): { kind: string; hash: string } {
  const hash = createHash('sha256').update('template files in their own directory');
  if (demo) hash.update(`seeded at ${seededAt.toISOString()}`);
  for (const f of readdirSync(MIGRATIONS_DIR).sort()) hash.update(f).update(readFileSync(join(MIGRATIONS_DIR, f)));
  // The snapshot depends on the demo files and on every module's seeding code: hash both.
  if (demo) hashDir(hash, join(import.meta.dirname, '../../demo'));
  hashDir(hash, join(import.meta.dirname, '../../src'), (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
  const kind = !demo ? 'empty' : dossiers === false ? 'demo' : `demo-dossiers${typeof dossiers === 'number' ? `-${dossiers}` : ''}`;
  return { kind, hash: hash.digest('hex').slice(0, 16) };
}

/**
 * Creating and migrating a PGlite takes seconds; a snapshot of a migrated (and seeded) database,
 * keyed by templateKey, is made once and loaded by every test file.
 */
async function pgliteTemplate(demo: boolean, dossiers: boolean | number, config: Config, now: () => Date): Promise<Buffer> {
  const seededAt = now();
  const { kind, hash } = templateKey(demo, dossiers, seededAt);
  const file = join(tmpdir(), `motcua-pglite-${kind}-${hash}.tar.gz`);
  if (existsSync(file)) return readFileSync(file);
  const handle = await openDatabase({ kind: 'pglite' });
  try {
    await migrate(handle.db);
    if (demo) await seedDemo(createServices(config, handle, { now: () => seededAt }), dossiers);
    const dump = Buffer.from(await (await handle.pglite!.dumpDataDir('gzip')).arrayBuffer());
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, dump);
    renameSync(tmp, file);
    return dump;
  } finally {
    await handle.close();
  }
}

/**
 * The same on the PostgreSQL server: the first test file of a run that needs a kind of database
 * migrates and seeds it as a template (under an advisory lock, so parallel files build it once), and
 * every file gets its own `CREATE DATABASE … TEMPLATE` copy — a file copy on the server, a fraction
 * of a second. Templates are named after the run (postgres-setup.ts provides the id and drops them at
 * the end), so runs of other checkouts on the same server never share or drop each other's.
 */
async function postgresTemplate(demo: boolean, dossiers: boolean | number, config: Config, now: () => Date): Promise<string> {
  const seededAt = now();
  const { kind, hash } = templateKey(demo, dossiers, seededAt);
  const name = `${postgresTemplatePrefix(postgresRunId())}${kind.replace(/-/g, '_')}_${hash}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return name;
    const building = `${name}_b`;
    await admin.query(`drop database if exists ${building} with (force)`);
    await admin.query(`create database ${building}`);
    try {
      const url = new URL(TEST_DATABASE_URL);
      url.pathname = `/${building}`;
      const handle = await openDatabase({ kind: 'postgresql', url: url.toString(), poolSize: 8, connectTimeoutMs: 2000 });
      try {
        await migrate(handle.db);
        if (demo) await seedDemo(createServices(config, handle, { now: () => seededAt }), dossiers);
      } finally {
        await handle.close();
      }
      // Only a complete template gets its name; nobody connects to it, it is only copied.
      await admin.query(`alter database ${building} rename to ${name}`);
      await admin.query(`alter database ${name} with allow_connections false`);
    } catch (err) {
      await admin.query(`drop database if exists ${building} with (force)`);
      throw err;
    }
    return name;
  } finally {
    await admin.end(); // also releases the advisory lock
  }
}

/** The run's id comes from postgres-setup.ts (the global setup of the unit config). */
function postgresRunId(): string {
  try {
    const run = inject('postgresRunId');
    if (run) return run;
  } catch { /* not inside a vitest worker with the global setup */ }
  return `p${process.pid}`;
}

function hashDir(hash: ReturnType<typeof createHash>, dir: string, keep: (name: string) => boolean = () => true): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) hashDir(hash, p, keep);
    else if (keep(entry.name)) hash.update(entry.name).update(readFileSync(p));
  }
}
