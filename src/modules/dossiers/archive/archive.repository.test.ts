import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeProcedure, inMemoryCatalog } from '../../../../test/support/procedure-factory.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/support/test-app.js';
import { TEST_DB } from '../../../../test/support/test-db-env.js';
import { createDataProtection, DEVELOPMENT_DATA_KEY } from '../../../platform/crypto/data-protection.js';
import { systemContext } from '../../../platform/http/context.js';
import { createDossierService } from '../dossiers.service.js';
import { existingCodes } from '../import/batch-writer.js';
import { sealStoredDossiers } from '../personal-data.js';
import { ensureComingYears, ensureYear } from './partitions.js';

// The history partitioned by the dossier's year and the move to the archive, table by table
// (migration 0030). The dossier module's clock is pinned in 2025 and 2026, years the demo calendar covers.
let now = new Date('2025-03-03T09:00:00+07:00');
let t: TestApp;
const s = {} as Record<string, Session>;
const ID_NUMBER = '001199004455';

beforeAll(async () => {
  t = await createTestApp({
    now: () => now,
    override: (services) => ({
      dossiers: createDossierService({ db: services.db, org: services.org, catalog: inMemoryCatalog([communeProcedure()]), deadlines: services.calendar.deadlines, keys: services.dataKeys, now: () => now }),
    }),
  });
  for (const u of ['motcua.tanphong', 'chuyenvien.tanphong', 'lanhdao.tanphong', 'admin']) s[u] = await t.login(u);
}, 300_000);
afterAll(async () => { await t?.close(); });

let keys = 0;
async function receive(idNumber = '012345678901'): Promise<string> {
  const res = await t.request('POST', '/api/v1/dossiers', { session: s['motcua.tanphong'], body: {
    procedureCode: '1.001193', channel: 'desk', applicant: { kind: 'citizen', fullName: 'Lò Thị Hương', idNumber },
    resultDelivery: 'desk', idempotencyKey: `archive-${++keys}`,
  } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().code;
}
async function act(session: Session, code: string, body: Record<string, unknown>) {
  const current = await t.request('GET', `/api/v1/dossiers/${code}`, { session: s.admin });
  const res = await t.request('POST', `/api/v1/dossiers/${code}/actions`, { session, body: { version: current.json().version, ...body } });
  expect(res.statusCode, res.body).toBe(200);
}
async function finish(code: string) {
  await act(s['motcua.tanphong']!, code, { action: 'transfer' });
  await act(s['chuyenvien.tanphong']!, code, { action: 'take' });
  await act(s['chuyenvien.tanphong']!, code, { action: 'transfer' });
  await act(s['lanhdao.tanphong']!, code, { action: 'record_result', summary: 'Cấp Giấy khai sinh' });
  await act(s['motcua.tanphong']!, code, { action: 'return_result', receiverName: 'Lò Thị Hương', method: 'desk' });
}
const idOf = async (code: string) => (await t.db.selectFrom('dossier_records').select(['id', 'created_at']).where('code', '=', code).executeTakeFirstOrThrow());
const partitionsOf = async (table: 'dossier_events' | 'dossier_events_archive', code: string) => {
  const { id } = await idOf(code);
  return (await sql<{ part: string }>`select distinct tableoid::regclass::text as part from ${sql.table(table)} where dossier_id = ${id}`.execute(t.db)).rows.map((r) => r.part);
};
const columns = async (table: string) => (await sql<{ name: string; type: string }>`
  select a.attname as name, format_type(a.atttypid, a.atttypmod) as type from pg_attribute a
  where a.attrelid = ${table}::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum`.execute(t.db)).rows;

describe('the archive tables', () => {
  it('have the columns of the live tables, in the same order, so a row moves as it is (a new column must go to both)', async () => {
    for (const [live, archive] of [['dossiers', 'dossiers_archive'], ['dossier_events', 'dossier_events_archive'], ['dossier_reminders', 'dossier_reminders_archive']] as const) {
      const cold = await columns(archive);
      expect(cold.slice(0, (await columns(live)).length), archive).toEqual(await columns(live));
      expect(cold.length - (await columns(live)).length, archive).toBe(archive === 'dossiers_archive' ? 1 : 0);
    }
    expect((await columns('dossiers_archive')).at(-1)).toEqual({ name: 'archived_at', type: 'timestamp with time zone' });
    expect(await columns('dossier_records')).toEqual(await columns('dossiers_archive'));
    expect(await columns('dossier_history')).toEqual(await columns('dossier_events'));
  });
});

describe('dossier history partitioned by the dossier\'s year', () => {
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    // The template database was migrated in whatever year the tests run: this file's years get their
    // partitions first (made now, or by the migration if it ran in one of them).
    for (const y of [2025, 2026]) {
      expect(['created', 'exists']).toContain(await ensureYear(t.db, y));
      expect(await ensureYear(t.db, y)).toBe('exists');
    }
    codes.a = await receive(ID_NUMBER);
    codes.b = await receive();
    codes.open = await receive();
    // Received on the last evening of 2025 (Vietnamese time) and finished in 2026: one partition, its year's.
    now = new Date('2025-12-31T16:00:00.000Z');
    codes.c = await receive();
    now = new Date('2026-01-05T09:00:00+07:00');
    await finish(codes.a);
    await finish(codes.b);
    await finish(codes.c);
    now = new Date('2026-03-02T09:00:00+07:00');
    codes.d = await receive();
    await finish(codes.d);
  }, 120_000);

  it('keeps every event of a dossier in the partition of the year it was created, whenever the event happened', async () => {
    expect(await partitionsOf('dossier_events', codes.a!)).toEqual(['dossier_events_y2025']);
    expect(await partitionsOf('dossier_events', codes.c!)).toEqual(['dossier_events_y2025']);
    expect(await partitionsOf('dossier_events', codes.d!)).toEqual(['dossier_events_y2026']);
    const { id } = await idOf(codes.c!);
    const years = await sql<{ y: number }>`select distinct extract(year from at at time zone 'Asia/Ho_Chi_Minh')::int as y from dossier_events where dossier_id = ${id} order by 1`.execute(t.db);
    expect(years.rows.map((r) => r.y)).toEqual([2025, 2026]);
  });

  it('refuses a second event with the same number for a dossier, whatever instant it names', async () => {
    const { id, created_at } = await idOf(codes.open!);
    const copy = (createdAt: Date) => sql`insert into dossier_events (dossier_id, seq, type, at, actor_staff_id, actor_name, unit_id, payload, request_id, prev_hash, hash, hash_version, mac, dossier_created_at)
      select dossier_id, seq, type, at, actor_staff_id, actor_name, unit_id, payload, request_id, prev_hash, hash, hash_version, mac, ${createdAt}::timestamptz
      from dossier_events where dossier_id = ${id} and seq = 1`.execute(t.db);
    await expect(copy(created_at)).rejects.toThrow(/dossier_events.*seq_key|duplicate key/);
    // Another year's instant would put it in another partition: the foreign key to (id, created_at) refuses it.
    await expect(copy(new Date('2026-06-01T00:00:00Z'))).rejects.toThrow(/dossier_events_dossier_fk|foreign key/);
  });

  it('makes the coming years\' partitions ahead of time, once, on the Vietnamese calendar; a year already in the default partition stays there', async () => {
    expect(await ensureComingYears(t.db, new Date('2040-12-31T20:00:00+07:00'))).toEqual({ 2040: 'created', 2041: 'created' });
    expect(await ensureComingYears(t.db, new Date('2040-12-31T20:00:00+07:00'))).toEqual({ 2040: 'exists', 2041: 'exists' });
    // 31/12/2041 17:30 UTC is already 1/1/2042 in Hà Nội.
    expect(Object.keys(await ensureComingYears(t.db, new Date('2041-12-31T17:30:00Z')))).toEqual(['2042', '2043']);
    for (const y of [2040, 2041]) {
      expect((await sql`select to_regclass(${`dossier_events_archive_y${y}`})::text as r`.execute(t.db)).rows[0]).toEqual({ r: `dossier_events_archive_y${y}` });
    }
    // A dossier from 1990 (as an import of old records writes it) has no year's partition: the default takes it.
    const source = await idOf(codes.open!);
    const old = await sql<{ id: string; code: string }>`insert into dossiers (code, lookup_secret, procedure_code, procedure_name, channel, receiving_unit_id, applicant, applicant_name, result_delivery, status, version, created_at)
      select 'H30.501.02-900601-0001', lookup_secret, procedure_code, procedure_name, channel, receiving_unit_id, applicant, applicant_name, result_delivery, status, 1, '1990-06-01 09:00:00+07'
      from dossiers where id = ${source.id} returning id, code`.execute(t.db);
    await sql`insert into dossier_events (dossier_id, seq, type, at, actor_staff_id, actor_name, unit_id, payload, request_id, prev_hash, hash, hash_version, mac, dossier_created_at)
      select ${old.rows[0]!.id}, seq, type, '1990-06-01 09:00:00+07', actor_staff_id, actor_name, unit_id, payload, request_id, prev_hash, hash, hash_version, mac, '1990-06-01 09:00:00+07'
      from dossier_events where dossier_id = ${source.id} and seq = 1`.execute(t.db);
    expect(await partitionsOf('dossier_events', old.rows[0]!.code)).toEqual(['dossier_events_default']);
    expect(await ensureYear(t.db, 1990)).toBe('in_default');
  });

  it.runIf(TEST_DB === 'postgresql')('makes a year once when several processes ask at the same moment', async () => {
    const results = await Promise.all([2051, 2051, 2051, 2052].map((y) => ensureYear(t.db, y)));
    expect(results.filter((r) => r === 'created')).toHaveLength(2);
    expect(results.filter((r) => r === 'exists')).toHaveLength(2);
  });

  it('moves nothing when a dossier\'s events are not all there, and then moves its closed dossiers with every event into the archive\'s partitions', async () => {
    const ctx = systemContext('test');
    const { id } = await idOf(codes.b!);
    // An event deleted behind the guard (as tamper-evidence.api.test.ts does): the dossier's version no
    // longer counts its events, and the whole batch stops before anything moves.
    const gone = await t.db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', id).where('seq', '=', 2).executeTakeFirstOrThrow();
    await sql`alter table dossier_events disable trigger dossier_events_no_update`.execute(t.db);
    try {
      await sql`delete from dossier_events where dossier_id = ${id} and seq = 2`.execute(t.db);
    } finally {
      await sql`alter table dossier_events enable trigger dossier_events_no_update`.execute(t.db);
    }
    await expect(t.services.archive.run(ctx, { now: new Date('2031-06-01T01:30:00+07:00') })).rejects.toThrow(/nothing moved/);
    expect(Number((await sql<{ n: string }>`select count(*) as n from dossiers_archive`.execute(t.db)).rows[0]!.n)).toBe(0);
    await t.db.insertInto('dossier_events').values({ ...gone, payload: JSON.stringify(gone.payload) }).execute();

    const run = await t.services.archive.run(ctx, { now: new Date('2031-06-01T01:30:00+07:00') });
    // a, b, c and d closed before 1/6/2026; the open one stays, and so does the 1990 one (open, unanchored).
    expect(run.dossiers).toBe(4);
    const archived = (await t.db.selectFrom('dossiers_archive').select('code').orderBy('code').execute()).map((r) => r.code);
    expect(archived).toEqual([codes.a, codes.b, codes.c, codes.d].sort());
    expect(await partitionsOf('dossier_events_archive', codes.a!)).toEqual(['dossier_events_archive_y2025']);
    expect(await partitionsOf('dossier_events_archive', codes.d!)).toEqual(['dossier_events_archive_y2026']);
    expect(await partitionsOf('dossier_events', codes.a!)).toEqual([]);
    expect(await partitionsOf('dossier_events', codes.open!)).toEqual(['dossier_events_y2025']);
  });

  it('keeps archived dossiers in what reads a person\'s dossiers, retention and a re-import', async () => {
    const a = codes.a!;
    const mine = await t.services.dossiers.forApplicant({ codes: [a], idNumber: null, limit: 10 });
    expect(mine).toEqual([expect.objectContaining({ code: a, archived: true })]);
    expect((await t.services.dossiers.exportForSubject(systemContext(), ID_NUMBER)).map((d) => [d.code, d.archived])).toEqual([[a, true]]);
    const closed = await t.services.dossiers.closedBefore(new Date('2030-01-01T00:00:00Z'), '0', 100);
    expect(closed.map((c) => c.code)).toEqual(expect.arrayContaining([codes.a, codes.b, codes.c, codes.d]));
    expect(await existingCodes(t.db, [a, 'H30.999-260101-0001'])).toEqual(new Set([a]));
  });

  it('re-seals an archived applicant\'s ID number at a key rotation, so it stays readable once the old key is gone', async () => {
    const newKey = Buffer.alloc(32, 9);
    const rotated = createDataProtection(newKey, [DEVELOPMENT_DATA_KEY]);
    expect(await sealStoredDossiers(t.db, rotated)).toBeGreaterThanOrEqual(4);
    const row = await t.db.selectFrom('dossiers_archive').select(['applicant', 'applicant_id_index']).where('code', '=', codes.a!).executeTakeFirstOrThrow();
    expect((row.applicant as { idNumber: string }).idNumber).toMatch(new RegExp(`^enc1:${rotated.currentKeyId}:`));
    expect(createDataProtection(newKey).openText((row.applicant as { idNumber: string }).idNumber)).toBe(ID_NUMBER);
    expect(row.applicant_id_index).toBe(rotated.blindIndex(ID_NUMBER));
    // Back to the configured key for the rest of the file.
    await sealStoredDossiers(t.db, createDataProtection(DEVELOPMENT_DATA_KEY, [newKey]));
  });

  it.runIf(TEST_DB === 'postgresql')('passes over a dossier someone holds, without waiting, and takes it on the next run', async () => {
    now = new Date('2025-04-01T09:00:00+07:00');
    const held = await receive();
    await finish(held);
    const other = await receive();
    await finish(other);
    now = new Date('2026-03-02T09:00:00+07:00');
    const writer = await t.db.startTransaction().execute();
    try {
      await sql`select id from dossiers where code = ${held} for update`.execute(writer);
      const started = Date.now();
      const run = await t.services.archive.run(systemContext('test'), { now: new Date('2031-06-01T01:30:00+07:00') });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(run.dossiers).toBe(1);
      expect((await t.db.selectFrom('dossiers_archive').select('code').where('code', 'in', [held, other]).execute()).map((r) => r.code)).toEqual([other]);
    } finally {
      await writer.rollback().execute();
    }
    expect((await t.services.archive.run(systemContext('test'), { now: new Date('2031-06-01T01:30:00+07:00') })).dossiers).toBe(1);
  });
});
