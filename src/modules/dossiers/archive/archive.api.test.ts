import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/support/test-app.js';
import { pdfToText } from '../../../platform/documents/pdf-text.js';
import { systemContext } from '../../../platform/http/context.js';

// The archive of closed dossiers (issue 14 item 5) on the demo's dossiers — every status, imported
// and live, November 2025 to March 2026 (the four months before NOW). The service's clock stays at
// NOW; the archive is run "in 2031" with the default five years, so the dossiers closed before
// 15/1/2026 move and the rest stay.
const NOW = new Date('2026-03-02T09:00:00+07:00');
const ARCHIVE_AT = new Date('2031-01-15T01:30:00+07:00');
let t: TestApp;
const s = {} as Record<string, Session>;

beforeAll(async () => {
  t = await createTestApp({ now: NOW, demoDossiers: 400 });
  for (const u of ['admin', 'kiemtra', 'motcua.tanphong']) s[u] = await t.login(u);
}, 600_000);
afterAll(async () => { await t?.close(); });

async function get(path: string, session: Session | undefined = s.kiemtra) {
  const res = await t.request('GET', path, session ? { session } : {});
  expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
  return res;
}

/** Every figure the statistics give for several periods, minus the instant each answer was made. */
async function figures() {
  const out: Record<string, unknown> = {};
  const periods = [['2025-11-01', '2025-11-30'], ['2025-10-01', '2025-12-31'], ['2026-01-01', '2026-03-01'], ['2025-01-01', '2026-12-31']];
  for (const [from, to] of periods) {
    for (const groupBy of ['unit', 'procedure', 'field']) out[`ii06a ${from} ${to} ${groupBy}`] = (await get(`/api/v1/reports/ii06a?from=${from}&to=${to}&groupBy=${groupBy}`)).json();
    for (const column of ['received.total', 'completed.late', 'withdrawn', 'inProgress.overdue']) {
      out[`ii06a dossiers ${from} ${to} ${column}`] = (await get(`/api/v1/reports/ii06a/dossiers?from=${from}&to=${to}&column=${column}&limit=200`)).json();
    }
    out[`ii07b ${from} ${to}`] = (await get(`/api/v1/reports/ii07b?from=${from}&to=${to}`)).json();
    out[`index ${from} ${to}`] = (await get(`/api/v1/reports/service-index?from=${from}&to=${to}`)).json();
    out[`dashboard ${from} ${to}`] = (await get(`/api/v1/reports/dashboard?from=${from}&to=${to}`)).json();
  }
  return JSON.parse(JSON.stringify(out, (k, v) => (['asOf', 'generatedAt'].includes(k) ? undefined : v)));
}

const count = async (table: string) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.db)).rows[0]!.n);

/** What the staff page shows of a dossier, without what archiving changes on purpose. */
const staffView = (body: Record<string, unknown>) => {
  const { archived: _a, archivedAt: _at, allowedActions: _x, actionRefusals: _r, ...rest } = body;
  return rest;
};

describe('the archive of closed dossiers', () => {
  let before: Awaited<ReturnType<typeof figures>>;
  let movedCodes: string[] = [];
  const views = new Map<string, Record<string, unknown>>();
  let receiptBefore = '';
  let receiptCode = '';
  const closedLive = async () => Number((await sql<{ n: string }>`select count(*) as n from dossiers where status in (3, 7, 8, 10)`.execute(t.db)).rows[0]!.n);
  let closedBefore = 0;

  beforeAll(async () => {
    before = await figures();
    const due = await sql<{ code: string }>`select d.code from dossiers d where d.status in (3, 7, 8, 10)
      and (select max(e.at) from dossier_events e where e.dossier_id = d.id) < '2026-01-15 01:30:00+07' order by d.code`.execute(t.db);
    movedCodes = due.rows.map((r) => r.code);
    for (const code of movedCodes) views.set(code, (await get(`/api/v1/dossiers/${code}`, s.admin)).json());
    // A returned dossier's receipt (slip 01): its register number counts the desk's earlier dossiers, archived or not.
    receiptCode = movedCodes.find((c) => views.get(c)!.statusCode === 10)!;
    receiptBefore = await pdfToText((await get(`/api/v1/dossiers/${receiptCode}/slips/01.pdf`, s.admin)).rawPayload);
    closedBefore = await closedLive();
    expect((await get('/api/v1/dossiers/counts', s.admin)).json().done.n).toBe(Math.min(999, closedBefore));
  }, 600_000);

  it('moves the closed dossiers past the period, in batches each audited, and leaves the rest', async () => {
    expect(movedCodes.length).toBeGreaterThan(50);
    const live = await count('dossiers');
    const events = await count('dossier_events');
    const expectedEvents = Number((await sql<{ n: string }>`select coalesce(sum(version), 0) as n from dossiers where code = any(${movedCodes}::text[])`.execute(t.db)).rows[0]!.n);

    const run = await t.services.archive.run(systemContext('test'), { now: ARCHIVE_AT, batchSize: 20 });
    expect(run).toMatchObject({ afterYears: 5, cutoff: '2026-01-14T18:30:00.000Z', dossiers: movedCodes.length, events: expectedEvents, complete: true });
    expect(run.batches).toBe(Math.ceil(movedCodes.length / 20));

    expect(await count('dossiers')).toBe(live - movedCodes.length);
    expect(await count('dossiers_archive')).toBe(movedCodes.length);
    expect(await count('dossier_events')).toBe(events - expectedEvents);
    expect(await count('dossier_events_archive')).toBe(expectedEvents);
    const archived = await sql<{ code: string }>`select code from dossiers_archive order by code`.execute(t.db);
    expect(archived.rows.map((r) => r.code)).toEqual(movedCodes);
    // Open dossiers and those closed since the cutoff stay where the queues read them.
    expect(await count('dossiers')).toBeGreaterThan(20);
    const stayed = await sql<{ n: string }>`select count(*) as n from dossiers where status not in (3, 7, 8, 10)`.execute(t.db);
    expect(Number(stayed.rows[0]!.n)).toBeGreaterThan(0);

    const audit = await t.db.selectFrom('audit_events').select(['entity', 'summary']).where('action', '=', 'dossier.archived').orderBy('id').execute();
    expect(audit).toHaveLength(run.batches);
    const listed = audit.flatMap((a) => (a.summary as { after: { codes: string[] } }).after.codes);
    expect(listed.sort()).toEqual(movedCodes);
    expect(audit.every((a) => a.entity === 'dossier_archive')).toBe(true);

    // Nothing more is due: a second run moves nothing.
    expect(await t.services.archive.run(systemContext('test'), { now: ARCHIVE_AT })).toMatchObject({ dossiers: 0, batches: 0, complete: true });
  });

  it('gives exactly the same figures in every report, and again after the read models are rebuilt from the events', async () => {
    expect(await figures()).toEqual(before);
    await t.services.reports.rebuild();
    expect(await figures()).toEqual(before);
  });

  it('still shows each archived dossier by its code, read-only and marked, with the same history, slips and verified chain', async () => {
    for (const code of movedCodes) {
      const after = (await get(`/api/v1/dossiers/${code}`, s.admin)).json();
      expect(after).toMatchObject({ archived: true, archivedAt: ARCHIVE_AT.toISOString(), allowedActions: [], actionRefusals: {} });
      expect(staffView(after)).toEqual(staffView(views.get(code)!));
    }
    expect(await pdfToText((await get(`/api/v1/dossiers/${receiptCode}/slips/01.pdf`, s.admin)).rawPayload)).toBe(receiptBefore);
    const code = receiptCode;
    expect((await get(`/api/v1/dossiers/${code}/verify`, s.admin)).json()).toMatchObject({ valid: true, anchored: true, projectionMatches: true });
    const all = await t.services.dossiers.verifyAll();
    expect(all.broken).toEqual([]);
    expect(all.checked).toBe((await count('dossiers')) + movedCodes.length);

    // The public lookup with the receipt's key: the same answer, marked as archived.
    const row = await t.db.selectFrom('dossiers_archive').select(['code', 'lookup_secret']).where('code', '=', code).executeTakeFirstOrThrow();
    const pub = (await get(`/api/v1/public/dossiers/${encodeURIComponent(code)}?key=${row.lookup_secret}`, undefined)).json();
    expect(pub).toMatchObject({ code, archived: true, archivedAt: ARCHIVE_AT.toISOString(), status: views.get(code)!.status });
    expect((await t.request('GET', `/api/v1/public/dossiers/${encodeURIComponent(code)}?key=WRONG1`)).statusCode).toBe(404);
  });

  it('refuses any action on an archived dossier (409 with the reason), answers 404 to who cannot read it, and leaves the archive out of the work queues', async () => {
    const code = movedCodes[0]!;
    const version = views.get(code)!.version;
    const res = await t.request('POST', `/api/v1/dossiers/${code}/actions`, { session: s.admin, body: { version, action: 'take' } });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'DOSSIER_ARCHIVED', message: expect.stringContaining('kho lưu trữ') });
    // A commune's desk cannot read another commune's dossier: archived or not, it does not exist for them.
    let hidden: string | undefined;
    for (const c of movedCodes) {
      if ((await t.request('GET', `/api/v1/dossiers/${c}`, { session: s['motcua.tanphong'] })).statusCode === 404) { hidden = c; break; }
    }
    expect(hidden).toBeDefined();
    const refused = await t.request('POST', `/api/v1/dossiers/${hidden}/actions`, { session: s['motcua.tanphong'], body: { version: 1, action: 'take' } });
    expect(refused.statusCode).toBe(404);
    expect(await closedLive()).toBe(closedBefore - movedCodes.length);
    expect((await get('/api/v1/dossiers/counts', s.admin)).json().done.n).toBe(Math.min(999, closedBefore - movedCodes.length));
    const page = (await get(`/api/v1/dossiers?queue=done&limit=200`, s.admin)).json();
    expect(page.items.some((d: { code: string }) => movedCodes.includes(d.code))).toBe(false);
  });

  it('keeps the archive append-only, and lets a live event go only when its identical copy is archived', async () => {
    const live = await t.db.selectFrom('dossier_events').select(['id', 'dossier_id']).limit(1).executeTakeFirstOrThrow();
    await expect(sql`delete from dossier_events where id = ${live.id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`update dossier_events set actor_name = 'x' where id = ${live.id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from dossier_events_archive`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`update dossier_events_archive set actor_name = 'x'`.execute(t.db)).rejects.toThrow(/append-only/);
    const parts = await sql<{ part: string }>`select c.relname as part from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent in ('dossier_events'::regclass, 'dossier_events_archive'::regclass)`.execute(t.db);
    expect(parts.rows.length).toBeGreaterThanOrEqual(4);
    for (const p of parts.rows) await expect(sql`truncate ${sql.table(p.part)}`.execute(t.db)).rejects.toThrow(/append-only/);
  });
});

describe('the archive period, set by the province\'s administrator', () => {
  it('is read and changed by a province-wide administrator only, under a version check, audited, with Vietnamese messages for bad input', async () => {
    const status = (await get('/api/v1/admin/dossier-archive', s.admin)).json();
    expect(status).toMatchObject({ afterYears: 5, version: 1, due: { n: 0, more: false } });
    expect(status.archived).toBeGreaterThan(50);
    expect(status.partitions.map((p: { partition: string }) => p.partition)).toEqual(expect.arrayContaining(['dossier_events_default', 'dossier_events_archive_default']));

    for (const u of ['kiemtra', 'motcua.tanphong']) {
      expect((await t.request('GET', '/api/v1/admin/dossier-archive', { session: s[u] })).statusCode).toBe(403);
      expect((await t.request('PUT', '/api/v1/admin/dossier-archive', { session: s[u], body: { afterYears: 3, version: 1 } })).statusCode).toBe(403);
    }
    expect((await t.request('GET', '/api/v1/admin/dossier-archive')).statusCode).toBe(401);

    for (const bad of [{ afterYears: 0, version: 1 }, { afterYears: 51, version: 1 }, { afterYears: 2.5, version: 1 }, { afterYears: '3', version: 1 }, { afterYears: 3 }]) {
      const res = await t.request('PUT', '/api/v1/admin/dossier-archive', { session: s.admin, body: bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(JSON.stringify(res.json().error.fields ?? res.json().error.message)).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳý]/);
    }

    const changed = await t.request('PUT', '/api/v1/admin/dossier-archive', { session: s.admin, body: { afterYears: 3, version: 1 } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ afterYears: 3, version: 2 });
    // Three years before NOW (2/3/2026): nothing of the demo closed that long ago.
    expect(changed.json().cutoff).toBe('2023-03-02T02:00:00.000Z');
    const stale = await t.request('PUT', '/api/v1/admin/dossier-archive', { session: s.admin, body: { afterYears: 4, version: 1 } });
    expect(stale.statusCode).toBe(409);
    const audit = await t.db.selectFrom('audit_events').select('summary').where('action', '=', 'dossier.archive_settings_changed').execute();
    expect(audit.map((a) => a.summary)).toEqual([expect.objectContaining({ before: { afterYears: 5 }, after: { afterYears: 3 } })]);

    // The next run reads the new period: with 3 years, "in 2029" reaches the dossiers closed before March 2026.
    const run = await t.services.archive.run(systemContext('test'), { now: new Date('2029-03-02T09:00:00+07:00') });
    expect(run.afterYears).toBe(3);
    expect(run.dossiers).toBeGreaterThan(0);
  });
});
