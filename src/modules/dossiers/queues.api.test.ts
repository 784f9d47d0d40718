import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeProcedure, inMemoryCatalog } from '../../../test/support/procedure-factory.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { createDossierService } from './dossiers.service.js';

// The clock of the dossier module, pinned: Monday 02/03/2026 09:00 (+07:00), an ordinary week.
const MONDAY = new Date('2026-03-02T09:00:00+07:00');
let now = MONDAY;
let t: TestApp;
const s = {} as Record<string, Session>;
const ROLES = ['motcua.tanphong', 'chuyenvien.tanphong', 'lanhdao.tanphong', 'motcua.doanket', 'kiemtra', 'admin'];
const COUNTED = ['mine', 'awaiting_reception', 'unassigned', 'near_due', 'overdue', 'step_overdue', 'supplement', 'all_open', 'done'] as const;

beforeAll(async () => {
  t = await createTestApp({
    override: (services) => ({
      dossiers: createDossierService({ db: services.db, org: services.org, catalog: inMemoryCatalog([communeProcedure()]), deadlines: services.calendar.deadlines, keys: services.dataKeys, now: () => now }),
    }),
  });
  for (const u of ROLES) s[u] = await t.login(u);
});
afterAll(async () => { await t?.close(); });

type Row = { code: string; timeliness: string | null; pausedSince: string | null; statusCode: number };
let keys = 0;
const person = { kind: 'citizen', fullName: 'Lò Thị Hương', idNumber: '012345678901', phone: '0912345678' };
async function receive(session: Session, body: Record<string, unknown> = {}): Promise<string> {
  const res = await t.request('POST', '/api/v1/dossiers', { session, body: { procedureCode: '1.001193', channel: 'desk', applicant: person, resultDelivery: 'desk', idempotencyKey: `queues-${++keys}-${Date.now()}`, ...body } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().code;
}
async function act(session: Session, code: string, body: Record<string, unknown>) {
  const current = await t.request('GET', `/api/v1/dossiers/${code}`, { session: s.admin });
  const res = await t.request('POST', `/api/v1/dossiers/${code}/actions`, { session, body: { version: current.json().version, ...body } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
/** Every row of a queue, following the cursor page by page. */
async function all(session: Session, query: string): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | null = null;
  do {
    const res = await t.request('GET', `/api/v1/dossiers?${query}&limit=7${cursor ? `&cursor=${cursor}` : ''}`, { session });
    expect(res.statusCode, res.body).toBe(200);
    rows.push(...res.json().items);
    cursor = res.json().nextCursor;
  } while (cursor);
  return rows;
}
const supplementItems = [{ name: 'Giấy chứng sinh', reason: 'Bản chụp không rõ' }];

describe('work queues: counts, overdue and the paused clock', () => {
  const codes = {} as Record<'deskOverdue' | 'sectionOverdue' | 'pausedInTime' | 'pausedLate' | 'finishedLate' | 'doanket' | 'notReceived', string>;

  beforeAll(async () => {
    // Monday 09:00: each due Thursday 05/03 09:00 (3 working days).
    codes.deskOverdue = await receive(s['motcua.tanphong']!);
    codes.sectionOverdue = await receive(s['motcua.tanphong']!);
    await act(s['motcua.tanphong']!, codes.sectionOverdue, { action: 'transfer' });
    codes.pausedInTime = await receive(s['motcua.tanphong']!);
    await act(s['motcua.tanphong']!, codes.pausedInTime, { action: 'transfer' });
    await act(s['chuyenvien.tanphong']!, codes.pausedInTime, { action: 'take' });
    codes.finishedLate = await receive(s['motcua.tanphong']!);
    await act(s['motcua.tanphong']!, codes.finishedLate, { action: 'transfer' });
    await act(s['chuyenvien.tanphong']!, codes.finishedLate, { action: 'take' });
    codes.pausedLate = await receive(s['motcua.tanphong']!);
    await act(s['motcua.tanphong']!, codes.pausedLate, { action: 'transfer' });
    await act(s['chuyenvien.tanphong']!, codes.pausedLate, { action: 'take' });
    codes.doanket = await receive(s['motcua.doanket']!);
    // Held at reception for a supplement: no due date yet.
    codes.notReceived = await receive(s['motcua.tanphong']!, { intake: 'supplement', supplementItems });
    // Tuesday: a supplement asked for two days before the deadline — the clock stops in time.
    now = new Date('2026-03-03T09:00:00+07:00');
    await act(s['chuyenvien.tanphong']!, codes.pausedInTime, { action: 'request_supplement', items: supplementItems });
    // The next Monday, past the deadline: one decided late, one paused only after the deadline.
    now = new Date('2026-03-09T10:00:00+07:00');
    await act(s['chuyenvien.tanphong']!, codes.finishedLate, { action: 'transfer' });
    await act(s['lanhdao.tanphong']!, codes.finishedLate, { action: 'record_result', summary: 'Cấp Giấy khai sinh' });
    await act(s['chuyenvien.tanphong']!, codes.pausedLate, { action: 'request_supplement', items: supplementItems });
    // Friday 20/03: long past every deadline.
    now = new Date('2026-03-20T09:00:00+07:00');
  });

  it('each tab’s count is the number of rows the tab lists, for every role and both sort orders', async () => {
    for (const user of ROLES) {
      const res = await t.request('GET', '/api/v1/dossiers/counts', { session: s[user] });
      expect(res.statusCode, res.body).toBe(200);
      const counts = res.json() as Record<string, { n: number; more: boolean }>;
      expect(Object.keys(counts).sort()).toEqual([...COUNTED].sort());
      for (const queue of COUNTED) {
        for (const sort of ['due', 'received']) {
          const rows = await all(s[user]!, `queue=${queue}&sort=${sort}`);
          expect({ user, queue, sort, n: rows.length }).toEqual({ user, queue, sort, n: counts[queue]!.n });
          expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
        }
      }
    }
  });

  it('lists a dossier without a due date under either sort order, after the dated ones', async () => {
    const byDue = await all(s['motcua.tanphong']!, 'queue=all_open&sort=due');
    const byReceipt = await all(s['motcua.tanphong']!, 'queue=all_open&sort=received');
    expect(byDue.map((r) => r.code).sort()).toEqual(byReceipt.map((r) => r.code).sort());
    expect(byDue.map((r) => r.code)).toContain(codes.notReceived);
    expect(byDue.findIndex((r) => r.code === codes.notReceived)).toBe(byDue.length - 1);
  });

  it('overdue: open work past its deadline, not work paused in time, and every row tagged "overdue"', async () => {
    const overdue = await all(s['lanhdao.tanphong']!, 'queue=overdue');
    const found = overdue.map((r) => r.code);
    expect(found).toEqual(expect.arrayContaining([codes.deskOverdue, codes.sectionOverdue, codes.pausedLate]));
    expect(found).not.toContain(codes.pausedInTime);
    expect(found).not.toContain(codes.finishedLate);
    expect(found).not.toContain(codes.doanket);
    for (const r of overdue) expect(r.timeliness).toBe('overdue');

    const open = await all(s['lanhdao.tanphong']!, 'queue=all_open');
    const paused = open.find((r) => r.code === codes.pausedInTime)!;
    expect(paused).toMatchObject({ statusCode: 5, timeliness: 'paused', pausedSince: new Date('2026-03-03T09:00:00+07:00').toISOString() });
    // Finished late and still open past the deadline are told apart.
    const byReceipt = await all(s['lanhdao.tanphong']!, 'queue=all_open&sort=received');
    expect(byReceipt.find((r) => r.code === codes.finishedLate)?.timeliness).toBe('late');
  });

  it('step overdue: work stuck at a step past the step’s budget, though the dossier itself is in time', async () => {
    const before = now;
    try {
      // Monday 23/03 08:00: received; the desk's step has 4 working hours, the dossier 3 working days.
      now = new Date('2026-03-23T08:00:00+07:00');
      const stuck = await receive(s['motcua.tanphong']!);
      now = new Date('2026-03-23T16:00:00+07:00');
      const steps = (await all(s['lanhdao.tanphong']!, 'queue=step_overdue')).map((r) => r.code);
      expect(steps).toContain(stuck);
      expect((await all(s['lanhdao.tanphong']!, 'queue=overdue')).map((r) => r.code)).not.toContain(stuck);
      // Paused for a supplement: the step's clock stops with the dossier's.
      expect(steps).not.toContain(codes.pausedInTime);
      // Another ward's head does not see it.
      expect((await all(s['motcua.doanket']!, 'queue=step_overdue')).map((r) => r.code)).not.toContain(stuck);
      // Handed on: the next step starts with its own budget.
      await act(s['motcua.tanphong']!, stuck, { action: 'transfer' });
      expect((await all(s['lanhdao.tanphong']!, 'queue=step_overdue')).map((r) => r.code)).not.toContain(stuck);
    } finally {
      now = before;
    }
  });

  it('the province-wide auditor sees overdue and near-due work across the province', async () => {
    const counts = (await t.request('GET', '/api/v1/dossiers/counts', { session: s.kiemtra })).json();
    const overdue = (await all(s.kiemtra!, 'queue=overdue')).map((r) => r.code);
    expect(overdue).toEqual(expect.arrayContaining([codes.deskOverdue, codes.sectionOverdue, codes.pausedLate, codes.doanket]));
    expect(counts.overdue.n).toBe(overdue.length);
    expect(counts.overdue.n).toBeGreaterThanOrEqual(4);
    // Read-only: nothing is the auditor's to take.
    expect(counts.unassigned.n).toBe(0);
    // A ward's desk watches its own ward only.
    expect((await all(s['motcua.doanket']!, 'queue=overdue')).map((r) => r.code)).toEqual([codes.doanket]);
  });
});

describe('queue search by ID number and phone', () => {
  const other = { kind: 'citizen', fullName: 'Tòng Văn Khánh', idNumber: '001099012345', phone: '0987 654 321', representative: { fullName: 'Tòng Thị Xuân', idNumber: '012987654321' } };
  let code = '';
  let elsewhere = '';
  beforeAll(async () => {
    now = MONDAY;
    code = await receive(s['motcua.tanphong']!, { applicant: other });
    elsewhere = await receive(s['motcua.doanket']!, { applicant: { ...person, fullName: 'Lường Văn Sơn', idNumber: '034567890123', phone: '0977111222' } });
  });
  const auditRows = () => t.db.selectFrom('audit_events').selectAll().where('action', '=', 'dossier.search_personal').orderBy('id').execute();
  const REASON = encodeURIComponent('Công dân hỏi tình trạng hồ sơ tại quầy');
  const search = async (session: Session, q: string) => (await all(session, `queue=received_here&q=${encodeURIComponent(q)}&reason=${REASON}`)).map((r) => r.code);

  it('finds by the exact ID number (applicant or representative) and by phone however it is written', async () => {
    expect(await search(s['motcua.tanphong']!, '001099012345')).toEqual([code]);
    expect(await search(s['motcua.tanphong']!, '012987654321')).toEqual([code]);
    expect(await search(s['motcua.tanphong']!, '0987654321')).toEqual([code]);
    expect(await search(s['motcua.tanphong']!, '+84 987 654 321')).toEqual([code]);
    expect(await search(s['motcua.tanphong']!, '0987.654.321')).toEqual([code]);
  });

  it('never by a fragment of a number', async () => {
    expect(await search(s['motcua.tanphong']!, '001099012')).toEqual([]);
    expect(await search(s['motcua.tanphong']!, '99012345')).toEqual([]);
    expect(await search(s['motcua.tanphong']!, '098765432')).toEqual([]);
  });

  it('writes one audit row per personal search — who, what, why, when — without the number in clear, and none for a name search', async () => {
    const before = (await auditRows()).length;
    const res = await t.request('GET', `/api/v1/dossiers?queue=received_here&q=001099012345&reason=${REASON}`, { session: s['motcua.tanphong'] });
    expect(res.json().items).toHaveLength(1);
    // The reason may come in a header too, percent-encoded (a header carries only Latin-1).
    await t.request('GET', `/api/v1/dossiers?queue=received_here&q=${encodeURIComponent('0987 654 321')}`, { session: s['motcua.tanphong'], headers: { 'x-access-reason': REASON } });
    await t.request('GET', `/api/v1/dossiers?queue=received_here&q=${encodeURIComponent('Tòng Văn')}`, { session: s['motcua.tanphong'] });
    const rows = (await auditRows()).slice(before);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actor_name: expect.stringContaining('motcua.tanphong'), entity: 'dossier' });
    expect(rows[0]!.summary).toMatchObject({ after: { kind: 'id_number', term: '********2345', termIndex: expect.stringMatching(/^[0-9a-f]{64}$/), reason: 'Công dân hỏi tình trạng hồ sơ tại quầy', queue: 'received_here', results: [code] } });
    expect(rows[1]!.summary).toMatchObject({ after: { kind: 'phone', term: '******4321', reason: 'Công dân hỏi tình trạng hồ sơ tại quầy' } });
    expect(JSON.stringify(rows)).not.toContain('001099012345');
    expect(rows[0]!.at).toBeInstanceOf(Date);
  });

  it('refuses a search by ID or phone number without a reason, and records nothing', async () => {
    const before = (await auditRows()).length;
    for (const q of ['001099012345', '0987654321']) {
      const res = await t.request('GET', `/api/v1/dossiers?queue=received_here&q=${q}`, { session: s['motcua.tanphong'] });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'PERSONAL_DATA_REASON_REQUIRED', message: expect.stringContaining('lý do') });
    }
    expect((await t.request('GET', `/api/v1/dossiers?queue=received_here&q=001099012345&reason=abc`, { session: s['motcua.tanphong'] })).statusCode).toBe(403);
    expect((await auditRows()).length).toBe(before);
  });

  it('respects reach: another ward finds nothing, and the attempt is still recorded', async () => {
    const before = (await auditRows()).length;
    expect(await search(s['motcua.doanket']!, '001099012345')).toEqual([]);
    expect(await search(s['motcua.doanket']!, '034567890123')).toEqual([elsewhere]);
    expect(await search(s['motcua.tanphong']!, '034567890123')).toEqual([]);
    expect((await auditRows()).length - before).toBe(3);
  });
});
