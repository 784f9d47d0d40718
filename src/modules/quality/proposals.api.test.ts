import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';

// The Department of Construction (Sở Xây dựng, H30.105) keeps a QMS. The provincial centre (H30.002,
// motcua.tinh) receives its dossiers: on Wednesday 1/4/2026 four for extending a building permit
// (1.009976, 5 working days) and two for a construction capability certificate (1.009984, 20 days),
// none of them handled since; on Tuesday 28/4 one more of each, still within their time at the end of
// April. So in April 4 of 5 dossiers of 1.009976 are overdue (crossing ≥ 3 and ≥ 10 %), and 2 of 3 of
// 1.009984 (fewer than 3: no proposal). chuyenvien.sxd (a specialist of H30.105.01, who keeps the QMS)
// reads the proposals on 11/5/2026, opens one, dismisses another; lanhdao.sxd (the head) verifies.
// The clock starts at TEST_NOW (2/3/2026, the day the demo is seeded) and moves to each day of the story.
const EXTEND = '1.009976';
const CERTIFICATE = '1.009984';
const APRIL = { from: '2026-04-01', to: '2026-04-30' };
const SINCE_MID_MARCH = { from: '2026-03-15', to: '2026-04-30' };
let t: TestApp;
let clock = TEST_NOW;
const at = (instant: string) => { clock = new Date(instant); sessions.clear(); };
const sessions = new Map<string, Session>();
const u = {} as Record<string, number>;
let qmsId: number;
let ncId: number;
/** KPH-2026-001 on a QMS with no nonconformity yet this year. */
let firstCode: string;
const codes = { extendLate: [] as string[], extendWithin: [] as string[], certificateLate: [] as string[] };
const P = '/api/v1/quality';
const NOW = '2026-05-11T10:00:00+07:00';

async function as(who: string): Promise<Session> {
  if (!sessions.has(who)) sessions.set(who, await t.login(who));
  return sessions.get(who)!;
}
const api = async (method: string, url: string, who: string, body?: unknown) => t.request(method, `${P}${url}`, { session: await as(who), body });
const err = (res: { statusCode: number; json(): { error?: { code: string } } }) => [res.statusCode, res.json().error?.code];
const proposals = async (p: { from: string; to: string }, who = 'chuyenvien.sxd') => {
  const res = await api('GET', `/systems/${qmsId}/proposals?from=${p.from}&to=${p.to}`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { period: { from: string; to: string }; asOf: string; items: { source: string; sourceKey: string; procedureCode: string; title: string; figure: number; evidence: Record<string, any> }[] };
};

let received = 0;
/** Dossiers received at the provincial centre at an instant, left unhandled; their codes. */
async function receive(procedureCode: string, instant: string, n: number): Promise<string[]> {
  const back = clock;
  at(instant);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await t.request('POST', '/api/v1/dossiers', { session: await as('motcua.tinh'), body: {
      procedureCode, channel: 'desk', resultDelivery: 'desk', idempotencyKey: `quality-proposals-${++received}`,
      applicant: { kind: 'citizen', fullName: `Lò Văn Thợ ${received}`, phone: '0912345678' },
    } });
    expect(res.statusCode, res.body).toBe(201);
    out.push(res.json().code);
  }
  at(back.toISOString());
  return out;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  for (const code of ['H30.105', 'H30.105.01', 'H30.102']) u[code] = await t.unitId(code);
  // The QMS is part A's; a row as it leaves one is all this part needs.
  // The demo may already keep one for the department: its thresholds are set back to the defaults here.
  const existing = await t.db.selectFrom('qms_systems').select('id').where('agency_unit_id', '=', u['H30.105']!).executeTakeFirst();
  if (existing) await t.db.updateTable('qms_systems').set({ settings: '{}' }).where('id', '=', existing.id).execute();
  qmsId = existing?.id ?? (await t.db.insertInto('qms_systems').values({ agency_unit_id: u['H30.105']!, exclusions: '[]', settings: '{}' }).returning('id').executeTakeFirstOrThrow()).id;
  const taken = await t.db.selectFrom('qms_nonconformities').select((eb) => eb.fn.max('seq').as('seq')).where('qms_id', '=', qmsId).where('year', '=', 2026).executeTakeFirst();
  firstCode = `KPH-2026-${String(Number(taken?.seq ?? 0) + 1).padStart(3, '0')}`;
  codes.extendLate = await receive(EXTEND, '2026-04-01T09:00:00+07:00', 4);
  codes.certificateLate = await receive(CERTIFICATE, '2026-04-01T09:30:00+07:00', 2);
  codes.extendWithin = await receive(EXTEND, '2026-04-28T09:00:00+07:00', 1);
  await receive(CERTIFICATE, '2026-04-28T09:30:00+07:00', 1);
  at(NOW);
  // Building the seeded template database (when the sources changed since the last one) happens here.
}, 240_000);
afterAll(async () => { await t?.close(); });

describe('nonconformities proposed from the dossiers\' signals', () => {
  it('an automatically proposed nonconformity from overdue dossiers of one procedure, with its evidence', async () => {
    const body = await proposals(APRIL);
    expect(body.period).toEqual(APRIL);
    expect(body.asOf).toBe('2026-05-11');
    expect(body.items).toHaveLength(1);
    const [p] = body.items;
    expect(p).toMatchObject({ source: 'overdue', sourceLabel: 'Hồ sơ quá hạn', procedureCode: EXTEND, sourceKey: `overdue:${EXTEND}:2026-04-01..2026-04-30`, figure: 4 });
    expect(p!.title).toContain('4/5 hồ sơ quá hạn (80,0%)');
    expect(p!.evidence).toMatchObject({
      procedureCode: EXTEND, period: APRIL, asOf: '2026-05-11', count: 4, total: 5, percent: 80,
      figures: { dossiers: 5, dossiersDone: 0, overdue: 4, apologies: 0, supplementsRequested: 0 },
      dossierCodesTotal: 4,
    });
    expect([...p!.evidence.dossierCodes].sort()).toEqual([...codes.extendLate].sort());
    expect(p!.evidence.dossierCodes).not.toContain(codes.extendWithin[0]);
    // Two late of three: below the minimum count, so nothing for the certificate.
    expect(body.items.some((i) => i.procedureCode === CERTIFICATE)).toBe(false);
  });

  it('is read by who keeps the QMS only; another department does not see it', async () => {
    expect((await api('GET', `/systems/${qmsId}/proposals?from=2026-04-01&to=2026-04-30`, 'vanthu.sxd')).statusCode).toBe(403);
    expect((await api('GET', `/systems/${qmsId}/proposals?from=2026-04-01&to=2026-04-30`, 'chuyenvien.stp')).statusCode).toBe(404);
    for (const q of ['from=2026-04-30&to=2026-04-01', 'from=2026-04-01', 'from=2025-01-01&to=2026-04-30', 'from=2026-13-01&to=2026-04-30', 'from=2026-06-01&to=2026-06-30', 'year=2026']) {
      const res = await api('GET', `/systems/${qmsId}/proposals?${q}`, 'chuyenvien.sxd');
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.fields[0].message).toMatch(/[ạảãâầấậẩẫăằắặẳẵẹẻẽêềếệểễịỉĩọỏõôồốộổỗơờớợởỡụủũưừứựửữỳýỵỷỹđ]/i);
    }
  });

  it('reads the last whole quarter when no period is given', async () => {
    const res = await api('GET', `/systems/${qmsId}/proposals`, 'chuyenvien.sxd');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ period: { from: '2026-01-01', to: '2026-03-31' }, items: [] });
  });

  it('is opened as a nonconformity recomputed on the server, its evidence frozen; it is then no longer proposed', async () => {
    const key = `overdue:${EXTEND}:2026-04-01..2026-04-30`;
    expect((await api('POST', `/systems/${qmsId}/proposals/accept`, 'vanthu.sxd', { sourceKey: key, ownerUnitId: u['H30.105.01'] })).statusCode).toBe(403);
    for (const [body, path] of [
      [{ sourceKey: key, ownerUnitId: u['H30.102'] }, 'ownerUnitId'],
      [{ sourceKey: 'overdue:1.009976:April', ownerUnitId: u['H30.105.01'] }, 'sourceKey'],
      [{ sourceKey: key }, 'ownerUnitId'],
    ] as const) {
      const res = await api('POST', `/systems/${qmsId}/proposals/accept`, 'chuyenvien.sxd', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields[0].path).toBe(path);
    }
    // Not proposed: the certificate's late dossiers stay below the threshold; a key of no signal at all.
    for (const sourceKey of [`overdue:${CERTIFICATE}:2026-04-01..2026-04-30`, `apology:${EXTEND}:2026-04-01..2026-04-30`]) {
      expect(err(await api('POST', `/systems/${qmsId}/proposals/accept`, 'chuyenvien.sxd', { sourceKey, ownerUnitId: u['H30.105.01'] }))).toEqual([404, 'QMS_PROPOSAL_NOT_FOUND']);
    }
    const proposed = (await proposals(APRIL)).items[0]!;
    const res = await api('POST', `/systems/${qmsId}/proposals/accept`, 'chuyenvien.sxd', { sourceKey: key, ownerUnitId: u['H30.105.01'] });
    expect(res.statusCode, res.body).toBe(201);
    ncId = res.json().id;
    expect(res.json()).toMatchObject({
      code: firstCode, source: 'overdue', sourceLabel: 'Hồ sơ quá hạn', sourceKey: key, procedureCode: EXTEND, title: proposed.title,
      ownerUnitId: u['H30.105.01'], status: 'open', raisedOn: '2026-05-11', evidence: { ...proposed.evidence, source: 'overdue', threshold: { minCount: 3, minSharePercent: 10 } },
    });
    expect((await proposals(APRIL)).items).toEqual([]);
    expect(err(await api('POST', `/systems/${qmsId}/proposals/accept`, 'chuyenvien.sxd', { sourceKey: key, ownerUnitId: u['H30.105.01'] }))).toEqual([404, 'QMS_PROPOSAL_NOT_FOUND']);

    // One more late dossier of April: the signal moves on, the nonconformity's evidence does not.
    codes.extendLate.push(...await receive(EXTEND, '2026-04-02T09:00:00+07:00', 1));
    const nc = (await api('GET', `/nonconformities/${ncId}`, 'chuyenvien.sxd')).json();
    expect(nc.evidence.count).toBe(4);
    expect([...nc.evidence.dossierCodes].sort()).toEqual([...proposed.evidence.dossierCodes].sort());
    expect((await proposals(APRIL)).items).toEqual([]);
  });

  it('a dismissed proposal does not come back unless its figure worsens (≥ 1.5 × and more)', async () => {
    const key = `overdue:${EXTEND}:2026-03-15..2026-04-30`;
    let items = (await proposals(SINCE_MID_MARCH)).items;
    expect(items.map((i) => [i.sourceKey, i.figure])).toEqual([[key, 5]]);
    expect((await api('POST', `/systems/${qmsId}/proposals/dismiss`, 'chuyenvien.sxd', { sourceKey: key, reason: '' })).statusCode).toBe(400);
    expect((await api('POST', `/systems/${qmsId}/proposals/dismiss`, 'vanthu.sxd', { sourceKey: key, reason: 'Đã có phiếu cho tháng 4.' })).statusCode).toBe(403);
    const res = await api('POST', `/systems/${qmsId}/proposals/dismiss`, 'chuyenvien.sxd', { sourceKey: key, reason: 'Đã mở phiếu sự không phù hợp cho cùng các hồ sơ này.' });
    expect(res.statusCode, res.body).toBe(204);
    expect((await proposals(SINCE_MID_MARCH)).items).toEqual([]);
    expect(err(await api('POST', `/systems/${qmsId}/proposals/dismiss`, 'chuyenvien.sxd', { sourceKey: key, reason: 'Lần nữa' }))).toEqual([404, 'QMS_PROPOSAL_NOT_FOUND']);

    // 7 late is more, but under 1.5 × 5: still not proposed.
    codes.extendLate.push(...await receive(EXTEND, '2026-04-02T10:00:00+07:00', 2));
    expect((await proposals(SINCE_MID_MARCH)).items).toEqual([]);
    // 8 late reaches 7.5: it comes back, with today's figure.
    codes.extendLate.push(...await receive(EXTEND, '2026-04-03T09:00:00+07:00', 1));
    items = (await proposals(SINCE_MID_MARCH)).items;
    expect(items.map((i) => [i.sourceKey, i.figure])).toEqual([[key, 8]]);
    expect([...items[0]!.evidence.dossierCodes].sort()).toEqual([...codes.extendLate].sort());
    const logged = await t.db.selectFrom('audit_events').select(['action', 'summary']).where('action', '=', 'quality.proposal_dismissed').execute();
    expect(logged).toHaveLength(1);
  });

  it('thresholds come from the QMS\'s settings when it has them', async () => {
    await t.db.updateTable('qms_systems').set({ settings: JSON.stringify({ thresholds: { overdue: { minCount: 2, minSharePercent: 50 } } }) }).where('id', '=', qmsId).execute();
    const items = (await proposals(APRIL)).items;
    expect(items.map((i) => [i.procedureCode, i.figure])).toEqual([[CERTIFICATE, 2]]);
    expect([...items[0]!.evidence.dossierCodes].sort()).toEqual([...codes.certificateLate].sort());
    await t.db.updateTable('qms_systems').set({ settings: '{}' }).where('id', '=', qmsId).execute();
  });

  it('is verified on figures re-measured over a window as long as April, from the day after the last action', async () => {
    let nc = (await api('GET', `/nonconformities/${ncId}`, 'chuyenvien.sxd')).json();
    nc = (await api('POST', `/nonconformities/${ncId}/plan`, 'chuyenvien.sxd', {
      version: nc.version, rootCause: 'Hồ sơ gia hạn không được chuyển từ Trung tâm sang phòng chuyên môn trong ngày.',
      actions: [{ text: 'Phân công người nhận hồ sơ liên thông hằng ngày', dueOn: '2026-05-15' }],
    })).json();
    expect(nc.status).toBe('action_planned');
    at('2026-05-12T09:00:00+07:00');
    nc = (await api('POST', `/nonconformities/${ncId}/actions/1/done`, 'chuyenvien.sxd', { version: nc.version })).json();
    // Window 13/5–11/6 (30 days, as April); verification from 12/6, due 30 days later.
    expect(nc).toMatchObject({ status: 'actions_done', verification: { state: 'not_yet', opensOn: '2026-06-12', dueOn: '2026-07-12', remeasure: { from: '2026-05-13', to: '2026-06-11' } } });
    expect(err(await api('POST', `/nonconformities/${ncId}/verify`, 'lanhdao.sxd', { version: nc.version, result: 'effective', note: 'Đã cải thiện' }))).toEqual([409, 'NC_TOO_EARLY']);
    expect(err(await api('POST', `/nonconformities/${ncId}/verify`, 'chuyenvien.sxd', { version: nc.version, result: 'effective', note: 'Đã cải thiện' }))).toEqual([403, 'NC_OWN_ACTION']);

    // In the window three more dossiers of the procedure are left past their time, and April's are still
    // unhandled (carried over, overdue): the figures still cross the threshold.
    const again = await receive(EXTEND, '2026-05-13T09:00:00+07:00', 3);
    const stillLate = [...codes.extendLate, ...codes.extendWithin, ...again];
    expect(stillLate).toHaveLength(12);
    at('2026-06-15T09:00:00+07:00');
    const refused = await api('POST', `/nonconformities/${ncId}/verify`, 'lanhdao.sxd', { version: nc.version, result: 'effective', note: 'Đã cải thiện' });
    expect(err(refused)).toEqual([409, 'NC_MEASUREMENT_DIFFERS']);
    expect(refused.json().error.message).toContain('12/12');
    const res = await api('POST', `/nonconformities/${ncId}/verify`, 'lanhdao.sxd', { version: nc.version, result: 'not_effective', note: 'Vẫn còn hồ sơ quá hạn.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'action_planned', verifications: [{ result: 'not_effective', measured: { judged: 'not_effective', period: { from: '2026-05-13', to: '2026-06-11' }, count: 12, total: 12 } }] });
    expect([...res.json().verifications[0].measured.dossierCodes].sort()).toEqual(stillLate.sort());
  });

  it('once its nonconformity is closed, a period\'s signal comes back only when worse than it was raised on', async () => {
    // As if it had been raised on 6 late dossiers and closed since (the verification above found it not effective).
    const nc = await t.db.selectFrom('qms_nonconformities').select('evidence').where('id', '=', ncId).executeTakeFirstOrThrow();
    await t.db.updateTable('qms_nonconformities').set({ status: 'closed', closed_on: '2026-06-15', evidence: JSON.stringify({ ...nc.evidence, count: 6 }) }).where('id', '=', ncId).execute();
    const key = `overdue:${EXTEND}:2026-04-01..2026-04-30`;
    // April has 8 late now: more than 6, under 1.5 × 6.
    expect((await proposals(APRIL)).items).toEqual([]);
    await receive(EXTEND, '2026-04-06T09:00:00+07:00', 1);
    expect((await proposals(APRIL)).items.map((i) => [i.sourceKey, i.figure])).toEqual([[key, 9]]);
  });
});
