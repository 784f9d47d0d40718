import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';

// The Department of Justice (H30.102) audits two of its processes in March 2026. chuyenvien.stp (a
// specialist who keeps the QMS) plans it; the team is nhansu.stp (lead; otherwise only a reader of the
// QMS) and lanhdao.stp. vanthu.stp, the records clerk, reads the QMS and is not on the team; staff of the
// Department of Construction see nothing. A nonconformity finding opens the year's first KPH for the
// judicial-support section (H30.102.02), and the lead — its auditor — later verifies it. Clock: TEST_NOW
// (Monday 2/3/2026), then a few days on.
let t: TestApp;
let clock = TEST_NOW;
const at = (day: string) => { clock = new Date(`${day}T09:00:00+07:00`); sessions.clear(); };
const sessions = new Map<string, Session>();
const u = {} as Record<string, number>;
const staff = {} as Record<string, number>;
const proc = {} as Record<string, number>;
let qmsId: number;
let auditId: number;
let firstSeq: number;
const P = '/api/v1/quality';
const kph = (seq: number) => `KPH-2026-${String(seq).padStart(3, '0')}`;

async function as(who: string): Promise<Session> {
  if (!sessions.has(who)) sessions.set(who, await t.login(who));
  return sessions.get(who)!;
}
const api = async (method: string, url: string, who: string, body?: unknown) => t.request(method, `${P}${url}`, { session: await as(who), body });
const audit = async (who = 'nhansu.stp') => (await api('GET', `/audits/${auditId}`, who)).json();
const err = (res: { statusCode: number; json(): { error?: { code: string } } }) => [res.statusCode, res.json().error?.code];

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  for (const code of ['H30.102', 'H30.102.02', 'H30.105']) u[code] = await t.unitId(code);
  for (const name of ['chuyenvien.stp', 'nhansu.stp', 'vanthu.stp', 'lanhdao.stp', 'chuyenvien.sxd']) {
    staff[name] = (await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', name).executeTakeFirstOrThrow()).staff_id!;
  }
  // The QMS and its processes are parts A and B's; rows as they leave them are all this part needs.
  const existing = await t.db.selectFrom('qms_systems').select('id').where('agency_unit_id', '=', u['H30.102']!).executeTakeFirst();
  qmsId = existing?.id ?? (await t.db.insertInto('qms_systems').values({ agency_unit_id: u['H30.102']!, exclusions: '[]', settings: '{}' }).returning('id').executeTakeFirstOrThrow()).id;
  for (const [code, name] of [['QT-AUD-01', 'Đăng ký hoạt động doanh nghiệp đấu giá tài sản'], ['QT-AUD-02', 'Kiểm soát tài liệu và hồ sơ']] as const) {
    proc[code] = (await t.db.insertInto('qms_processes').values({ qms_id: qmsId, code, name, owner_unit_id: u['H30.102.02']! }).returning('id').executeTakeFirstOrThrow()).id;
  }
  const taken = await t.db.selectFrom('qms_nonconformities').select((eb) => eb.fn.max('seq').as('seq')).where('qms_id', '=', qmsId).where('year', '=', 2026).executeTakeFirst();
  firstSeq = Number(taken?.seq ?? 0) + 1;
  // Building the seeded template database (when the sources changed since the last one) happens here.
}, 240_000);
afterAll(async () => { await t?.close(); });

const plan = (extra: Record<string, unknown> = {}) => ({
  year: 2026, title: 'Đánh giá nội bộ đợt 1 năm 2026', plannedFrom: '2026-03-09', plannedTo: '2026-03-11', criteria: 'TCVN ISO 9001:2015; quy trình đã ban hành',
  processIds: [proc['QT-AUD-01'], proc['QT-AUD-02']], leadStaffId: staff['nhansu.stp'], memberStaffIds: [staff['lanhdao.stp']],
  ...extra,
});

describe('planning an internal audit (ISO 9001 §9.2)', () => {
  it('is for who keeps the QMS; a reader may not; another department does not see it', async () => {
    expect((await api('POST', `/systems/${qmsId}/audits`, 'chuyenvien.sxd', plan())).statusCode).toBe(404);
    expect((await api('POST', `/systems/${qmsId}/audits`, 'vanthu.stp', plan())).statusCode).toBe(403);
  });

  it('refuses processes of no such QMS, a lead from another agency, dates in the wrong order, no process', async () => {
    for (const [body, path] of [
      [plan({ processIds: [proc['QT-AUD-01'], 2_000_000] }), 'processIds'],
      [plan({ processIds: [] }), 'processIds'],
      [plan({ leadStaffId: staff['chuyenvien.sxd'] }), 'leadStaffId'],
      [plan({ memberStaffIds: [staff['chuyenvien.sxd']] }), 'memberStaffIds.0'],
      [plan({ plannedTo: '2026-03-08' }), 'plannedTo'],
      [plan({ year: 1999 }), 'year'],
      [plan({ items: [{ processId: 2_000_000, question: 'Hồ sơ có đủ thành phần không?' }] }), 'items.0.processId'],
    ] as const) {
      const res = await api('POST', `/systems/${qmsId}/audits`, 'chuyenvien.stp', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields[0].path).toBe(path);
    }
  });

  it('starts a checklist of one question per process when none is given', async () => {
    const res = await api('POST', `/systems/${qmsId}/audits`, 'chuyenvien.stp', plan());
    expect(res.statusCode, res.body).toBe(201);
    auditId = res.json().id;
    expect(res.json()).toMatchObject({
      qmsId, year: 2026, status: 'planned', statusLabel: 'Đã lập kế hoạch', plannedFrom: '2026-03-09', plannedTo: '2026-03-11',
      processes: [{ id: proc['QT-AUD-01'], code: 'QT-AUD-01' }, { id: proc['QT-AUD-02'], code: 'QT-AUD-02' }],
      team: [{ staffId: staff['nhansu.stp'], role: 'lead' }, { staffId: staff['lanhdao.stp'], role: 'member' }],
      items: [{ seq: 1, processId: proc['QT-AUD-01'], clause: '8.5.1', result: null }, { seq: 2, processId: proc['QT-AUD-02'], result: null }],
      findings: [], reportSummary: null, version: 1, may: { edit: true, report: false },
    });
    expect(res.json().items[0].question).toContain('QT-AUD-01');
    expect((await audit('vanthu.stp')).may).toEqual({ edit: false, report: false });
    expect((await api('GET', `/audits/${auditId}`, 'chuyenvien.sxd')).statusCode).toBe(404);
    const list = (await api('GET', `/systems/${qmsId}/audits?year=2026`, 'vanthu.stp')).json();
    expect(list.items).toEqual([expect.objectContaining({ id: auditId, status: 'planned', leadStaffId: staff['nhansu.stp'], leadName: expect.any(String), findings: { nonconformity: 0, observation: 0 } })]);
    expect((await api('GET', `/systems/${qmsId}/audits?year=2025`, 'vanthu.stp')).json().items).toEqual([]);
  });
});

describe('carrying out the audit', () => {
  it('the team starts it, under the version read; a reader off the team may not', async () => {
    at('2026-03-09');
    expect(err(await api('POST', `/audits/${auditId}/start`, 'vanthu.stp', { version: 1 }))).toEqual([403, 'FORBIDDEN']);
    expect(err(await api('POST', `/audits/${auditId}/start`, 'nhansu.stp', { version: 2 }))).toEqual([409, 'VERSION_CONFLICT']);
    expect(err(await api('PUT', `/audits/${auditId}/items/1`, 'nhansu.stp', { version: 1, result: 'conform' }))).toEqual([409, 'AUDIT_WRONG_STATUS']);
    const res = await api('POST', `/audits/${auditId}/start`, 'nhansu.stp', { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_progress', statusLabel: 'Đang đánh giá', version: 2, may: { edit: true, report: true } });
    expect(err(await api('POST', `/audits/${auditId}/start`, 'nhansu.stp', { version: 2 }))).toEqual([409, 'AUDIT_WRONG_STATUS']);
  });

  it('adds questions and records results with their evidence', async () => {
    let res = await api('POST', `/audits/${auditId}/items`, 'lanhdao.stp', { version: 2, clause: '7.5.3', question: 'Hồ sơ lưu có được lập danh mục và thời hạn lưu không?', processId: proc['QT-AUD-02'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.at(-1)).toMatchObject({ seq: 3, clause: '7.5.3', processId: proc['QT-AUD-02'] });
    expect((await api('PUT', `/audits/${auditId}/items/1`, 'nhansu.stp', { version: 3, result: 'good' })).statusCode).toBe(400);
    expect((await api('PUT', `/audits/${auditId}/items/9`, 'nhansu.stp', { version: 3, result: 'conform' })).statusCode).toBe(404);
    expect((await api('PUT', `/audits/${auditId}/items/1`, 'vanthu.stp', { version: 3, result: 'conform' })).statusCode).toBe(403);
    res = await api('PUT', `/audits/${auditId}/items/1`, 'nhansu.stp', { version: 3, result: 'conform', evidenceNote: 'Kiểm tra 10 hồ sơ tháng 2: đủ thành phần.' });
    expect(res.statusCode, res.body).toBe(200);
    res = await api('PUT', `/audits/${auditId}/items/3`, 'nhansu.stp', { version: 4, result: 'nonconformity', evidenceNote: '3/10 hồ sơ lưu không có trong danh mục.' });
    expect(res.json().items.map((i: { seq: number; result: string | null }) => [i.seq, i.result])).toEqual([[1, 'conform'], [2, null], [3, 'nonconformity']]);
    expect(res.json().items[0].evidenceNote).toBe('Kiểm tra 10 hồ sơ tháng 2: đủ thành phần.');
    expect(res.json().version).toBe(5);
  });

  it('records an observation without a nonconformity', async () => {
    const res = await api('POST', `/audits/${auditId}/findings`, 'nhansu.stp', { version: 5, kind: 'observation', clause: '7.1.6', description: 'Nên lập danh sách các văn bản pháp luật mới cần cập nhật.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().findings).toEqual([expect.objectContaining({ kind: 'observation', kindLabel: expect.any(String), nonconformity: null })]);
  });

  it('a nonconformity finding needs its owner unit inside the agency, and opens the year\'s KPH for it', async () => {
    const finding = { version: 6, kind: 'nonconformity', description: 'Ba hồ sơ lưu năm 2025 không có trong danh mục hồ sơ.', evidence: 'Hồ sơ số 12, 15, 19 của năm 2025.', itemSeq: 3 };
    for (const [body, path] of [[finding, 'ownerUnitId'], [{ ...finding, ownerUnitId: u['H30.105'] }, 'ownerUnitId'], [{ ...finding, ownerUnitId: u['H30.102.02'], itemSeq: 12 }, 'itemSeq']] as const) {
      const res = await api('POST', `/audits/${auditId}/findings`, 'nhansu.stp', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields[0].path).toBe(path);
    }
    expect(err(await api('POST', `/audits/${auditId}/findings`, 'nhansu.stp', { ...finding, version: 5, ownerUnitId: u['H30.102.02'] }))).toEqual([409, 'VERSION_CONFLICT']);
    const res = await api('POST', `/audits/${auditId}/findings`, 'nhansu.stp', { ...finding, ownerUnitId: u['H30.102.02'] });
    expect(res.statusCode, res.body).toBe(201);
    const nc = res.json().findings.find((f: { kind: string }) => f.kind === 'nonconformity');
    expect(nc).toMatchObject({ clause: '7.5.3', processId: proc['QT-AUD-02'], itemSeq: 3, nonconformity: { code: kph(firstSeq), status: 'open' } });
    const detail = (await api('GET', `/nonconformities/${nc.nonconformity.id}`, 'vanthu.stp')).json();
    expect(detail).toMatchObject({
      code: kph(firstSeq), source: 'audit', sourceLabel: 'Đánh giá nội bộ', ownerUnitId: u['H30.102.02'], processId: proc['QT-AUD-02'],
      finding: { id: nc.id, auditId, auditTitle: 'Đánh giá nội bộ đợt 1 năm 2026' }, status: 'open', raisedOn: '2026-03-09',
      evidence: { auditId, clause: '7.5.3', evidence: 'Hồ sơ số 12, 15, 19 của năm 2025.' },
    });
    expect(detail.title).toContain('Ba hồ sơ lưu năm 2025');
    // A second one the same year takes the next number.
    const second = await api('POST', `/audits/${auditId}/findings`, 'lanhdao.stp', { version: 7, kind: 'nonconformity', description: 'Sổ theo dõi không ghi ngày trả kết quả.', ownerUnitId: u['H30.102'] });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().findings.at(-1).nonconformity.code).toBe(kph(firstSeq + 1));
  });

  it('the lead reports it; a member off the lead who does not keep the QMS may not; then it is closed to changes', async () => {
    const { version } = await audit();
    expect((await api('POST', `/audits/${auditId}/report`, 'vanthu.stp', { version, summary: 'Báo cáo' })).statusCode).toBe(403);
    expect((await api('POST', `/audits/${auditId}/report`, 'nhansu.stp', { version, summary: '' })).statusCode).toBe(400);
    at('2026-03-11');
    const res = await api('POST', `/audits/${auditId}/report`, 'nhansu.stp', { version, summary: 'Hai điểm không phù hợp, một điểm lưu ý; hệ thống được duy trì.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'reported', statusLabel: 'Đã báo cáo kết quả', reportedOn: '2026-03-11', reportSummary: 'Hai điểm không phù hợp, một điểm lưu ý; hệ thống được duy trì.', may: { edit: false, report: false } });
    expect(err(await api('POST', `/audits/${auditId}/items`, 'nhansu.stp', { version: res.json().version, question: 'Câu hỏi thêm sau báo cáo?' }))).toEqual([409, 'AUDIT_WRONG_STATUS']);
    expect((await api('GET', `/systems/${qmsId}/audits`, 'vanthu.stp')).json().items[0]).toMatchObject({ status: 'reported', findings: { nonconformity: 2, observation: 1 } });
    expect(res.json().history.map((h: { action: string }) => h.action)).toEqual(['planned', 'started', 'item_added', 'item_recorded', 'item_recorded', 'finding_added', 'finding_added', 'finding_added', 'reported']);
    const logged = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'qms_audit').where('entity_id', '=', String(auditId)).execute();
    expect(logged.map((r) => r.action)).toContain('quality.audit_reported');
  });

  it('the audit\'s lead verifies its nonconformity as its auditor, though he keeps nothing else', async () => {
    const ncId = (await audit()).findings.find((f: { nonconformity: { code: string } | null }) => f.nonconformity?.code === kph(firstSeq)).nonconformity.id;
    let nc = (await api('GET', `/nonconformities/${ncId}`, 'chuyenvien.stp')).json();
    nc = (await api('POST', `/nonconformities/${ncId}/plan`, 'chuyenvien.stp', { version: nc.version, rootCause: 'Chưa giao người cập nhật danh mục hồ sơ.', actions: [{ text: 'Cập nhật danh mục hồ sơ 2025', dueOn: '2026-03-20' }] })).json();
    nc = (await api('POST', `/nonconformities/${ncId}/actions/1/done`, 'chuyenvien.stp', { version: nc.version })).json();
    expect(nc.status).toBe('actions_done');
    expect((await api('GET', `/nonconformities/${ncId}`, 'nhansu.stp')).json().allowedSteps).toEqual(['verify_effective', 'verify_not_effective']);
    expect((await api('GET', `/nonconformities/${ncId}`, 'vanthu.stp')).json().allowedSteps).toEqual([]);
    const res = await api('POST', `/nonconformities/${ncId}/verify`, 'nhansu.stp', { version: nc.version, result: 'effective', note: 'Danh mục đã đủ ba hồ sơ.' });
    expect(res.statusCode, res.body).toBe(200);
    // An auditor verifies; closing is the secretary's or the head's.
    expect(res.json()).toMatchObject({ status: 'verified_effective', allowedSteps: [] });
  });
});
