import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createServices, type Services } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/connection.js';
import { migrate, MIGRATIONS_DIR } from '../../src/platform/db/migrate.js';
import { seedDemoIfEmpty } from '../../src/seed/demo-seed.js';

/**
 * Every test file gets its own database: an in-memory PGlite (TEST_DB=pglite, the default) or a
 * fresh database on the PostgreSQL server (TEST_DB=postgresql), dropped at the end. Runs never
 * see each other's data.
 */
export const TEST_DB = (process.env.TEST_DB ?? 'pglite') as 'pglite' | 'postgresql';
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

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
};

export async function createTestDatabase(opts: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const demo = opts.demo ?? true;
  const dossiers = opts.demoDossiers ?? false;
  const pinned = opts.now ?? TEST_NOW;
  const now = typeof pinned === 'function' ? pinned : () => pinned;
  const dataDir = join(tmpdir(), `motcua-test-files-${process.pid}`);
  const config = loadConfig({ MOTCUA_ENV: 'test', MOTCUA_DATA_DIR: dataDir, MOTCUA_LOG_LEVEL: 'silent', MOTCUA_LOGIN_RATE_PER_MINUTE: '1000', ...opts.env }, '0.0.0-test');
  if (TEST_DB === 'postgresql') {
    const name = `motcua_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ kind: 'postgresql', url: url.toString(), poolSize: 8 });
    await migrate(handle.db);
    const services = createServices(config, handle, { now });
    if (demo) await seedDemo(services, dossiers);
    return {
      ...handle, config, services,
      async close() {
        await handle.close();
        await adminQuery(`drop database if exists ${name} with (force)`);
      },
    };
  }
  const template = await pgliteTemplate(demo, dossiers, config, now);
  const handle = await openDatabase({ kind: 'pglite', loadDataDir: new Blob([new Uint8Array(template)]) });
  return { ...handle, config, services: createServices(config, handle, { now }) };
}

function seedDemo(services: Services, dossiers: boolean | number): Promise<boolean> {
  return seedDemoIfEmpty(services, { demo: 'on' }, undefined, { dossiers: dossiers !== false, ...(typeof dossiers === 'number' ? { dossierCount: dossiers } : {}) });
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Creating and migrating a PGlite takes seconds; a snapshot of a migrated (and seeded) database,
 * keyed by the migrations' and demo files' content and by the instant it was seeded at (demo data
 * is relative to "now": a snapshot seeded on one day is never reused on another), is made once and
 * loaded by every test file.
 */
async function pgliteTemplate(demo: boolean, dossiers: boolean | number, config: Config, now: () => Date): Promise<Buffer> {
  const hash = createHash('sha256');
  const seededAt = now();
  if (demo) hash.update(`seeded at ${seededAt.toISOString()}`);
  for (const f of readdirSync(MIGRATIONS_DIR).sort()) hash.update(f).update(readFileSync(join(MIGRATIONS_DIR, f)));
  // The snapshot depends on the demo files and on every module's seeding code: hash both.
  if (demo) hashDir(hash, join(import.meta.dirname, '../../demo'));
  hashDir(hash, join(import.meta.dirname, '../../src'), (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
  const kind = !demo ? 'empty' : dossiers === false ? 'demo' : `demo-dossiers${typeof dossiers === 'number' ? `-${dossiers}` : ''}`;
  const file = join(tmpdir(), `motcua-pglite-${kind}-${hash.digest('hex').slice(0, 16)}.tar.gz`);
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

function hashDir(hash: ReturnType<typeof createHash>, dir: string, keep: (name: string) => boolean = () => true): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) hashDir(hash, p, keep);
    else if (keep(entry.name)) hash.update(entry.name).update(readFileSync(p));
  }
}
