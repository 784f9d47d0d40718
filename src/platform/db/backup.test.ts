import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeProcedure, inMemoryCatalog } from '../../../test/support/procedure-factory.js';
import { adminQuery, TEST_DATABASE_URL, TEST_DB } from '../../../test/support/test-db.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createServices } from '../../app.js';
import { runCli } from '../../cli.js';
import '../../cli-commands.js';
import { loadConfig } from '../../config.js';
import { createDossierService } from '../../modules/dossiers/dossiers.service.js';
import { openDatabase, type DatabaseHandle } from './connection.js';
import { lockDataDir } from './data-dir-lock.js';

/**
 * Issue 10 item 14: a backup restored into a fresh instance gives back the same history — every
 * dossier's chain head, the verification of every chain, and a report-like total (dossiers by
 * status). On PGlite through `npx motcua backup` / `restore`; on PostgreSQL through pg_dump /
 * pg_restore as docs/OPERATIONS.md describes (each database mode tests its own path).
 */
const now = new Date('2026-03-02T09:00:00+07:00');
const work = mkdtempSync(join(tmpdir(), 'motcua-backup-'));
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    now: () => now,
    override: (services) => ({
      dossiers: createDossierService({ db: services.db, org: services.org, catalog: inMemoryCatalog([communeProcedure()]), deadlines: services.calendar.deadlines, keys: services.dataKeys, now: () => now, chain: services.chain }),
    }),
  });
  const desk = await t.login('motcua.tanphong');
  const applicant = { kind: 'citizen', fullName: 'Lò Thị Hương', idNumber: '012345678901', phone: '0912345678', address: 'Bản Sang Ngà, phường Tân Phong' };
  const receive = async (i: number, extra: Record<string, unknown> = {}) => (await t.request('POST', '/api/v1/dossiers', { session: desk, body: {
    procedureCode: '1.001193', channel: 'desk', resultDelivery: 'desk', idempotencyKey: `backup-${i}`, applicant, ...extra,
  } })).json().code as string;
  for (let i = 0; i < 3; i++) await receive(i);
  const moved = await receive(3);
  await t.request('POST', `/api/v1/dossiers/${moved}/actions`, { session: desk, body: { version: 1, action: 'transfer' } });
  await receive(4, { intake: 'refuse', reasons: ['Không thuộc thẩm quyền giải quyết'] });
}, 120_000);
afterAll(async () => {
  await t?.close();
  rmSync(work, { recursive: true, force: true });
});

type Summary = { heads: unknown[]; broken: unknown[]; checked: number; byStatus: unknown[] };

async function summary(handle: Pick<DatabaseHandle, 'db' | 'kind' | 'close'>): Promise<Summary> {
  const heads = await sql`select d.code, d.version, d.chain_mac, e.hash from dossiers d
    left join dossier_events e on e.dossier_id = d.id and e.seq = d.version order by d.code`.execute(handle.db);
  const byStatus = await sql`select status, count(*)::int as dossiers from dossiers group by status order by status`.execute(handle.db);
  const services = createServices(loadConfig({ MOTCUA_ENV: 'test', MOTCUA_DATA_DIR: work, MOTCUA_LOG_LEVEL: 'silent' }), handle as DatabaseHandle, { now: () => now });
  const v = await services.dossiers.verifyAll();
  return { heads: heads.rows, byStatus: byStatus.rows, checked: v.checked, broken: v.broken };
}

/** `npx motcua …` in this process, with the data directory given as the operator would. */
async function cli(dataDir: string, ...argv: string[]): Promise<number> {
  const saved = { dir: process.env.MOTCUA_DATA_DIR, url: process.env.DATABASE_URL };
  process.env.MOTCUA_DATA_DIR = dataDir;
  process.env.DATABASE_URL = '';
  try {
    return await runCli(argv);
  } finally {
    for (const [k, v] of [['MOTCUA_DATA_DIR', saved.dir], ['DATABASE_URL', saved.url]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

async function summaryOfDir(dataDir: string): Promise<Summary> {
  const handle = await openDatabase({ kind: 'pglite', dataDir });
  try {
    return await summary(handle);
  } finally {
    await handle.close();
  }
}

// Each database mode tests its own backup path; the other is not registered (rather than skipped).
if (TEST_DB === 'pglite') describe('backup and restore of the embedded database', () => {
  const original = join(work, 'original');
  const restored = join(work, 'restored');
  const file = join(work, 'motcua.tar.gz');
  let before: Summary;

  beforeAll(async () => {
    // The test app's database, put on disk where a server would keep it.
    const dump = await t.pglite!.dumpDataDir('gzip');
    const handle = await openDatabase({ kind: 'pglite', dataDir: original, loadDataDir: dump });
    await handle.close();
    before = await summaryOfDir(original);
    expect(before.checked).toBe(5);
    expect(before.broken).toEqual([]);
  }, 60_000);

  it('restores into a fresh directory the same chain heads, verification and totals by status', async () => {
    expect(await cli(original, 'backup', file)).toBe(0);
    expect(await cli(restored, 'restore', file)).toBe(0);
    const after = await summaryOfDir(restored);
    expect(after).toEqual(before);
    expect(after.byStatus).toEqual([{ status: 2, dossiers: 3 }, { status: 3, dossiers: 1 }, { status: 4, dossiers: 1 }]);
  }, 60_000);

  it('refuses to overwrite a database without --force, and keeps the old one aside with it', async () => {
    expect(await cli(restored, 'restore', file)).toBe(1);
    expect(await cli(restored, 'restore', file, '--force')).toBe(0);
    expect(readdirSync(restored).filter((f) => f.startsWith('pglite.before-restore-'))).toHaveLength(1);
    expect(await summaryOfDir(restored)).toEqual(before);
  }, 60_000);

  it('refuses while a server holds the data directory, and refuses a file that is not a backup', async () => {
    const lock = lockDataDir(restored);
    try {
      expect(await cli(restored, 'restore', file, '--force')).toBe(1);
      expect(await cli(restored, 'backup', join(work, 'busy.tar.gz'))).toBe(1);
    } finally {
      lock.release();
    }
    const junk = join(work, 'junk.tar.gz');
    writeFileSync(junk, 'không phải bản sao lưu');
    expect(await cli(restored, 'restore', junk, '--force')).toBe(1);
    expect(await cli(join(work, 'empty'), 'backup', join(work, 'nothing.tar.gz'))).toBe(1);
    expect(existsSync(join(work, 'nothing.tar.gz'))).toBe(false);
    // Nothing refused touched the restored database or left another copy aside.
    expect(readdirSync(restored).filter((f) => f.startsWith('pglite')).length).toBe(2);
  }, 60_000);
});

if (TEST_DB === 'postgresql' && hasPgDump()) describe('pg_dump and pg_restore of PostgreSQL', () => {
  it('restore into a fresh database the same chain heads, verification and totals by status', async () => {
    const before = await summary(t);
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.db);
    const source = urlOf(rows[0]!.name);
    const fresh = `${rows[0]!.name}_restored`;
    const file = join(work, 'motcua.dump');
    execFileSync('pg_dump', ['--format=custom', `--file=${file}`, source]);
    await adminQuery(`create database ${fresh}`);
    try {
      execFileSync('pg_restore', ['--no-owner', `--dbname=${urlOf(fresh)}`, file]);
      const handle = await openDatabase({ kind: 'postgresql', url: urlOf(fresh), poolSize: 2 });
      try {
        const after = await summary(handle);
        expect(after).toEqual(before);
        expect(after.checked).toBeGreaterThanOrEqual(5);
        expect(after.broken).toEqual([]);
      } finally {
        await handle.close();
      }
    } finally {
      await adminQuery(`drop database if exists ${fresh} with (force)`);
    }
  }, 120_000);
});

function hasPgDump(): boolean {
  try {
    execFileSync('pg_dump', ['--version']);
    return true;
  } catch {
    return false;
  }
}

function urlOf(database: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

