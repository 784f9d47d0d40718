import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, createTestDatabase, TEST_DATABASE_URL, TEST_DB, type TestDatabase } from '../../../../test/support/test-db.js';
import { createServices } from '../../../app.js';
import { openDatabase, type DatabaseHandle } from '../../../platform/db/connection.js';
import { migrate, MIGRATIONS_DIR } from '../../../platform/db/migrate.js';

// Migration 0030 on a POPULATED database (issue 14 item 5): a database at 0029 — events partitioned
// by their own instant (0027), one year of them moved whole to 0027's archive table — is migrated,
// and every event comes through unchanged, beside its dossier's instant, in its dossier's year, and
// every chain still verifies. The demo's dossiers (all statuses, imported and live) are the data.
// The demo covers the four months before NOW: November 2025 to March 2026, two years.
const NOW = new Date('2026-03-02T09:00:00+07:00');
let source: TestDatabase;
let target: DatabaseHandle;
let dropTarget = async () => {};
const before0030 = mkdtempSync(join(tmpdir(), 'motcua-0029-'));

const EVENT_COLUMNS = ['id', 'dossier_id', 'seq', 'type', 'at', 'actor_staff_id', 'actor_name', 'unit_id', 'payload', 'request_id', 'prev_hash', 'hash', 'hash_version', 'mac'] as const;

beforeAll(async () => {
  source = await createTestDatabase({ now: NOW, demoDossiers: 150 });
  for (const f of readdirSync(MIGRATIONS_DIR)) if (f < '0030') cpSync(join(MIGRATIONS_DIR, f), join(before0030, f));
  if (TEST_DB === 'postgresql') {
    const name = `motcua_m0030_${process.pid}_${Date.now()}`;
    await adminQuery(`create database ${name}`);
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    target = await openDatabase({ kind: 'postgresql', url: url.toString(), poolSize: 2, connectTimeoutMs: 2000 });
    dropTarget = () => adminQuery(`drop database if exists ${name} with (force)`);
  } else {
    target = await openDatabase({ kind: 'pglite' });
  }
  expect((await migrate(target.db, before0030)).applied.at(-1)).toBe('0029_catalog_search_layout.sql');

  // The demo's dossiers and events, written into the 0029 schema as they would have been.
  const dossiers = await sql<Record<string, unknown>>`select * from dossiers order by id`.execute(source.db);
  const columns = Object.keys(dossiers.rows[0]!);
  await sql`insert into dossiers (${sql.join(columns.map((c) => sql.ref(c)))}) overriding system value
    select * from json_populate_recordset(null::dossiers, ${JSON.stringify(dossiers.rows)}::json)`.execute(target.db);
  const events = await sql<Record<string, unknown>>`select ${sql.join(EVENT_COLUMNS.map((c) => sql.ref(c)))} from dossier_events order by id`.execute(source.db);
  await sql`insert into dossier_events (${sql.join(EVENT_COLUMNS.map((c) => sql.ref(c)))})
    select ${sql.join(EVENT_COLUMNS.map((c) => sql.ref(c)))} from json_populate_recordset(null::dossier_events, ${JSON.stringify(events.rows)}::json)`.execute(target.db);
  await sql`select setval('dossier_events_id_seq', (select max(id) from dossier_events))`.execute(target.db);
  // Migration 0027's archive: the year 2025 detached from the live table and attached to the archive, as it did.
  await sql`alter table dossier_events detach partition dossier_events_y2025`.execute(target.db);
  await sql`alter table dossier_events_archive attach partition dossier_events_y2025 for values from ('2025-01-01 00:00:00+07') to ('2026-01-01 00:00:00+07')`.execute(target.db);
}, 600_000);

afterAll(async () => {
  await target?.close();
  await dropTarget();
  await source?.close();
  rmSync(before0030, { recursive: true, force: true });
});

describe('migration 0030 on a populated database', () => {
  it('keeps every event as it was, beside its dossier\'s instant, in its dossier\'s year, and every chain verifies', async () => {
    const archivedIn0027 = Number((await sql<{ n: string }>`select count(*) as n from dossier_events_archive`.execute(target.db)).rows[0]!.n);
    expect(archivedIn0027).toBeGreaterThan(0);
    const expected = await sql`select ${sql.join(EVENT_COLUMNS.map((c) => sql.ref(c)))} from dossier_history order by id`.execute(target.db);
    expect(expected.rows.length).toBeGreaterThan(500);

    expect((await migrate(target.db)).applied).toEqual(readdirSync(MIGRATIONS_DIR).filter((f) => f >= '0030' && f.endsWith('.sql')).sort());

    // Every event, column for column (hashes, signatures, ids), all of them in the live table again.
    const after = await sql`select ${sql.join(EVENT_COLUMNS.map((c) => sql.ref(c)))} from dossier_history order by id`.execute(target.db);
    expect(after.rows).toEqual(expected.rows);
    expect(Number((await sql<{ n: string }>`select count(*) as n from dossier_events_archive`.execute(target.db)).rows[0]!.n)).toBe(0);
    // Each beside its dossier's created_at, in the partition of that year (Vietnamese calendar).
    const misplaced = await sql<{ n: string }>`select count(*) as n from dossier_events e join dossiers d on d.id = e.dossier_id
      where e.dossier_created_at <> d.created_at
        or e.tableoid::regclass::text <> 'dossier_events_y' || extract(year from d.created_at at time zone 'Asia/Ho_Chi_Minh')::int`.execute(target.db);
    expect(Number(misplaced.rows[0]!.n)).toBe(0);
    const years = await sql<{ part: string }>`select distinct tableoid::regclass::text as part from dossier_events order by 1`.execute(target.db);
    expect(years.rows.length).toBeGreaterThanOrEqual(2);

    const services = createServices(source.config, target as DatabaseHandle, { now: () => NOW });
    const verified = await services.dossiers.verifyAll();
    expect(verified.broken).toEqual([]);
    expect(verified.checked).toBe(Number((await sql<{ n: string }>`select count(*) as n from dossiers`.execute(target.db)).rows[0]!.n));

    // The id sequence carries on past the copied events, and the 0027 tables and their schema are gone.
    const next = await sql<{ id: string }>`select nextval('dossier_events_id_seq') as id`.execute(target.db);
    expect(BigInt(next.rows[0]!.id)).toBeGreaterThan(BigInt((after.rows.at(-1) as { id: string }).id));
    expect((await sql`select 1 from pg_namespace where nspname = 'migration_0030'`.execute(target.db)).rows).toEqual([]);
  });
});
