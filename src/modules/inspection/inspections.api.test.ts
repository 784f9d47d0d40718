import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';

// The provincial inspectorate (H30.112) inspects the Department of Construction (H30.105) under its
// approved 2026 plan. Its team: specialist tt.cv1 (lead) and snv.doan, an official of the Department of
// Home Affairs (H30.101) holding no grant at all. tt.cv2 is an inspector of the same inspectorate not
// on the team; tt.nhansu works at the inspectorate with no inspection grant. The clock starts at
// TEST_NOW (Monday 2/3/2026) and moves on; the demo calendar has Giỗ Tổ (Monday 27/4) and 30/4–1/5 off.
let t: TestApp;
let clock = TEST_NOW;
const at = (day: string) => { clock = new Date(`${day}T09:00:00+07:00`); };
const s = {} as Record<string, Session>;
const u = {} as Record<string, number>;
const staff = {} as Record<string, number>;
const P = '/api/v1/inspection/inspections';
const api = (method: string, url: string, who: string, body?: unknown) => t.request(method, `${P}${url}`, { session: s[who]!, body });
const act = async (id: number, who: string, body: Record<string, unknown>) => {
  const version = (await api('GET', `/${id}`, 'tt.truong')).json().version as number;
  return api('POST', `/${id}/actions`, who, { version, ...body });
};
const recAct = async (id: number, seq: number, who: string, body: Record<string, unknown>) => {
  const rec = (await api('GET', `/${id}`, 'tt.truong')).json().recommendations.find((r: { seq: number }) => r.seq === seq);
  return api('POST', `/${id}/recommendations/${rec.id}/actions`, who, { version: rec.version, ...body });
};
const item = (body: { checklist: { items: { code: string }[] } }, code: string) => body.checklist.items.find((i) => i.code === code) as Record<string, any>;

async function makeStaff(username: string, unitCode: string, role: string | null) {
  const roles = role ? [{ role, unitId: await t.unitId(unitCode) }] : [];
  const res = await t.request('POST', '/api/v1/org/staff', { session: s.admin!, body: { fullName: `Cán bộ ${username}`, unitId: await t.unitId(unitCode), position: 'Thanh tra viên', username, password: 'Mat-khau-Lai-Chau-2026', roles } });
  expect(res.statusCode, res.body).toBe(201);
  await t.db.updateTable('auth_accounts').set({ must_change_password: false }).where('username', '=', username).execute();
  staff[username] = res.json().id;
  s[username] = await t.login(username, 'Mat-khau-Lai-Chau-2026');
}

let planItemId: number;

type Counts = Awaited<ReturnType<TestApp['services']['inspection']['plans']['counts']>>;
const YEAR_QUERY = () => ({ unitIds: [u['H30.112']!], from: '2026-01-01', to: '2026-12-31', today: '2026-05-08' });
const MAY_QUERY = () => ({ unitIds: null, from: '2026-05-01', to: '2026-05-31', today: '2026-05-07' });
const baseline = {} as Record<'year' | 'may', Counts>;
/** Counts added up field by field (the demo's and this file's). */
function plus(a: Counts, b: Counts): Counts {
  const kinds = { ...a.findingsByKind };
  for (const [k, n] of Object.entries(b.findingsByKind)) kinds[k] = (kinds[k] ?? 0) + n;
  const r = (k: keyof Counts['recommendations']) => a.recommendations[k] + b.recommendations[k];
  return {
    planned: a.planned + b.planned, done: { planned: a.done.planned + b.done.planned, surprise: a.done.surprise + b.done.surprise }, findingsByKind: kinds,
    recommendations: { total: r('total'), closedOnTime: r('closedOnTime'), closedLate: r('closedLate'), overdue: r('overdue'), open: r('open') },
  };
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  s.admin = await t.login('admin');
  for (const code of ['H30.112', 'H30.105', 'H30.105.01', 'H30.501']) u[code] = await t.unitId(code);
  baseline.year = await t.services.inspection.plans.counts(YEAR_QUERY());
  baseline.may = await t.services.inspection.plans.counts(MAY_QUERY());
  await makeStaff('tt.truong', 'H30.112', 'unit_head');
  await makeStaff('tt.cv1', 'H30.112', 'specialist');
  await makeStaff('tt.cv2', 'H30.112', 'specialist');
  await makeStaff('tt.nhansu', 'H30.112', 'hr_officer');
  await makeStaff('snv.doan', 'H30.101', null);
  for (const name of ['kiemtra', 'lanhdao.sxd', 'chuyenvien.sxd', 'lanhdao.stp', 'motcua.tinh']) s[name] = await t.login(name);
  staff['chuyenvien.sxd'] = (await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', 'chuyenvien.sxd').executeTakeFirstOrThrow()).staff_id;

  // A building permit received on 26/2 at the provincial centre for the Department of Construction: 20 days.
  at('2026-02-26');
  const dossier = await t.request('POST', '/api/v1/dossiers', { session: s['motcua.tinh']!, body: {
    procedureCode: '1.009972', channel: 'desk', resultDelivery: 'desk', idempotencyKey: 'inspection-checklist-1', applicant: { kind: 'citizen', fullName: 'Lò Văn Xây', phone: '0912345678' },
  } });
  expect(dossier.statusCode, dossier.body).toBe(201);
  // A citizen's feedback about the Department's specialist, the same day (a conduct item, not yet answered).
  const official = await t.db.selectFrom('org_staff').select('public_id').where('id', '=', staff['chuyenvien.sxd']!).executeTakeFirstOrThrow();
  const feedback = await t.request('POST', '/api/v1/public/feedback', { body: {
    categoryCode: 'phuc-vu', about: { kind: 'official', staffPublicId: official.public_id }, title: 'Thái độ cán bộ', content: 'Cán bộ trả lời thiếu tôn trọng.',
    submitter: { name: 'Lò Thị Góp Ý', phone: '0966111222' }, consentToPublish: false,
  } });
  expect(feedback.statusCode, feedback.body).toBe(201);
  clock = TEST_NOW;

  const plan = await t.request('POST', '/api/v1/inspection/plans', { session: s['tt.cv1']!, body: {
    inspectingUnitId: u['H30.112'], year: 2026, title: 'Kế hoạch thanh tra năm 2026',
    items: [{ targetUnitId: u['H30.105'], topics: ['admin_discipline', 'one_stop'], plannedFrom: '2026-04-06', plannedTo: '2026-04-17' }],
  } });
  const approved = await t.request('POST', `/api/v1/inspection/plans/${plan.json().id}/actions`, { session: s['tt.truong']!, body: {
    version: plan.json().version, action: 'approve', decisionNo: '15/QĐ-TTr', decisionDate: '2026-02-27', signer: 'Chánh Thanh tra tỉnh',
  } });
  expect(approved.statusCode, approved.body).toBe(200);
  planItemId = approved.json().items[0].id;
});
afterAll(async () => { await t?.close(); });

describe('an inspection from the plan, through the record and the conclusion, to its close', () => {
  let id: number;
  const TEAM = () => [{ staffId: staff['tt.cv1'], role: 'lead' }, { staffId: staff['snv.doan'], role: 'member' }];

  it('is opened from the plan\'s item by the inspectorate, once', async () => {
    const body = { kind: 'planned', planItemId, decisionNo: '20/QĐ-TTr', decisionDate: '2026-03-02', coversFrom: '2026-01-01', coversTo: '2026-03-31', team: TEAM() };
    expect((await api('POST', '', 'kiemtra', body)).statusCode).toBe(403);
    expect((await api('POST', '', 'lanhdao.sxd', body)).statusCode).toBe(404);
    const res = await api('POST', '', 'tt.cv1', body);
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      kind: 'planned', status: 'planned', targetUnitName: 'Sở Xây dựng', topics: ['admin_discipline', 'one_stop'], onSiteFrom: '2026-04-06', onSiteTo: '2026-04-17',
      checklist: null, view: 'inspecting', team: [{ staffId: staff['tt.cv1'], role: 'lead' }, { staffId: staff['snv.doan'], role: 'member', unitName: 'Sở Nội vụ' }],
    });
    expect((await api('POST', '', 'tt.cv1', body)).json().error.code).toBe('ITEM_HAS_INSPECTION');
    const plan = (await t.request('GET', `/api/v1/inspection/plans/${res.json().planId}`, { session: s['tt.cv1']! })).json();
    expect(plan.items[0].inspection).toEqual({ id, status: 'planned' });
    const remove = await t.request('POST', `/api/v1/inspection/plans/${plan.id}/actions`, { session: s['tt.truong']!, body: { version: plan.version, action: 'remove_item', itemId: planItemId, reason: 'Không còn cần thiết' } });
    expect(remove.json().error.code).toBe('ITEM_HAS_INSPECTION');
  });

  it('is started by a team member holding no grant, the checklist\'s figures taken from the modules at that moment', async () => {
    const res = await act(id, 'snv.doan', { action: 'start', on: '2026-03-02' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_progress', startedOn: '2026-03-02', onTeam: true, view: 'inspecting' });
    // The dossier received on 26/2 is in progress and within its 20 days.
    expect(item(res.json(), 'dossiers_overdue')).toMatchObject({ kind: 'system', figure: { value: 0, of: 1 }, verdict: 'not_checked' });
    expect(item(res.json(), 'dossiers_completed_late').figure).toMatchObject({ value: 0, of: 0 });
    // No apology letter yet; the feedback about the specialist counts, and is open.
    expect(item(res.json(), 'apology_letters')).toMatchObject({ kind: 'system', figure: { value: 0 } });
    expect(item(res.json(), 'conduct_feedback').figure).toMatchObject({ value: 1 });
    expect(item(res.json(), 'badge_worn')).toMatchObject({ kind: 'manual', figure: null });
    expect(res.json().checklist.takenAt).toBe(TEST_NOW.toISOString());
  });

  it('shows the team member the inspected unit\'s figures; an inspector not on the team reads but does not write; others get 404', async () => {
    expect((await api('GET', `/${id}`, 'snv.doan')).json().checklist.items).toHaveLength(10);
    expect((await api('GET', '?scope=team', 'snv.doan')).json().inspections.map((x: { id: number }) => x.id)).toEqual([id]);
    const other = await api('GET', `/${id}`, 'tt.cv2');
    expect(other.json()).toMatchObject({ view: 'inspecting', onTeam: false, allowedActions: ['edit', 'set_team'] });
    expect((await act(id, 'tt.cv2', { action: 'set_verdicts', items: [{ code: 'badge_worn', verdict: 'ok' }] })).statusCode).toBe(403);
    expect((await api('GET', `/${id}`, 'kiemtra')).statusCode).toBe(200);
    for (const who of ['tt.nhansu', 'lanhdao.sxd', 'chuyenvien.sxd', 'lanhdao.stp']) {
      expect((await api('GET', `/${id}`, who)).statusCode, who).toBe(404);
      expect((await api('GET', '', who)).json().inspections.map((x: { id: number }) => x.id), who).not.toContain(id);
      expect((await act(id, who, { action: 'set_verdicts', items: [{ code: 'badge_worn', verdict: 'ok' }] })).statusCode, who).toBe(404);
    }
  });

  it('keeps its figures when the data moves on, until the team refreshes them (verdicts and notes stay)', async () => {
    await act(id, 'snv.doan', { action: 'set_verdicts', items: [{ code: 'dossiers_overdue', verdict: 'finding', note: 'Hồ sơ cấp phép xây dựng chậm' }, { code: 'badge_worn', verdict: 'ok' }] });
    at('2026-04-15');
    const live = await t.request('GET', '/api/v1/reports/ii06a?unit=H30.105&from=2026-01-01&to=2026-03-31', { session: s.admin! });
    expect(live.json().totals.inProgress).toMatchObject({ total: 1, overdue: 1 });
    expect(item((await api('GET', `/${id}`, 'tt.cv1')).json(), 'dossiers_overdue').figure).toMatchObject({ value: 0, of: 1 });
    const res = await act(id, 'tt.cv1', { action: 'refresh_checklist' });
    expect(item(res.json(), 'dossiers_overdue')).toMatchObject({ figure: { value: 1, of: 1, text: { vi: '1/1 hồ sơ đang giải quyết đã quá hạn' } }, verdict: 'finding', note: 'Hồ sơ cấp phép xây dựng chậm' });
    expect(res.json().checklist.takenAt).toBe(clock.toISOString());
    expect(res.json().events.at(-1)).toMatchObject({ action: 'refresh_checklist', details: { changed: ['dossiers_overdue'] } });
  });

  it('takes findings from the team, and stops a team member taken off it', async () => {
    let res = await act(id, 'snv.doan', { action: 'add_finding', kind: 'late_processing', description: 'Hồ sơ cấp phép xây dựng quá hạn 17 ngày, không có văn bản xin lỗi', staffId: staff['chuyenvien.sxd'], checklistCode: 'dossiers_overdue' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().findings).toMatchObject([{ kind: 'late_processing', staff: { id: staff['chuyenvien.sxd'] }, checklistCode: 'dossiers_overdue' }]);
    expect((await act(id, 'snv.doan', { action: 'add_finding', kind: 'other', description: 'Mục không tồn tại', checklistCode: 'no_such_item' })).statusCode).toBe(400);
    res = await act(id, 'tt.cv1', { action: 'set_team', members: [{ staffId: staff['tt.cv1'], role: 'lead' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect((await api('GET', `/${id}`, 'snv.doan')).statusCode).toBe(404);
    await act(id, 'tt.cv1', { action: 'set_team', members: TEAM() });
    expect(res.json().checklist.rollup).toMatchObject({ finding: 1, ok: 1, findingItemsWithoutRecord: [] });
  });

  it('is concluded by the head only, once every item marked as a finding has its finding recorded', async () => {
    at('2026-04-24');
    await act(id, 'tt.cv1', { action: 'set_verdicts', items: [{ code: 'procedures_posted', verdict: 'finding' }] });
    const conclusion = {
      action: 'conclude', conclusionNo: '25/KL-TTr', conclusionDate: '2026-04-24', summary: 'Sở Xây dựng còn để hồ sơ quá hạn và chưa niêm yết đủ thủ tục hành chính.',
      recommendations: [
        { text: 'Kiểm điểm trách nhiệm cá nhân để hồ sơ quá hạn', dueWorkingDays: 5 },
        { text: 'Niêm yết đầy đủ thủ tục hành chính tại bộ phận tiếp nhận', responsibleUnitId: u['H30.105.01'], dueOn: '2026-05-15' },
      ],
    };
    expect((await act(id, 'tt.cv1', conclusion)).statusCode).toBe(403);
    const refused = await act(id, 'tt.truong', conclusion);
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'CHECKLIST_FINDING_UNRECORDED']);
    expect(refused.json().error.message).toContain('Niêm yết, công khai thủ tục hành chính');
    expect((await api('GET', `/${id}`, 'lanhdao.sxd')).statusCode).toBe(404);
    await act(id, 'tt.cv1', { action: 'add_finding', kind: 'procedure_not_posted', description: 'Thiếu 12 thủ tục lĩnh vực xây dựng tại quầy', checklistCode: 'procedures_posted' });
    const res = await act(id, 'tt.truong', conclusion);
    expect(res.statusCode, res.body).toBe(200);
    // Five working days from Friday 24/4: Giỗ Tổ (27/4), 30/4 and 1/5 off: 28, 29/4, 4, 5, 6/5.
    expect(res.json()).toMatchObject({
      status: 'concluded', conclusion: { no: '25/KL-TTr', date: '2026-04-24', signer: 'Cán bộ tt.truong' }, allowedActions: [],
      recommendations: [
        { seq: 1, responsibleUnitId: u['H30.105'], dueOn: '2026-05-06', dueWorkingDays: 5, status: 'open', clock: { state: 'on_track' } },
        { seq: 2, responsibleUnitName: 'Phòng Quản lý xây dựng', dueOn: '2026-05-15', dueWorkingDays: null },
      ],
    });
  });

  it('is read by the inspected unit once concluded: the conclusion and findings, not the team\'s notes or log', async () => {
    const res = await api('GET', `/${id}`, 'lanhdao.sxd');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ view: 'inspected', events: [], allowedActions: [], findings: [{ kind: 'late_processing' }, { kind: 'procedure_not_posted' }] });
    expect(item(res.json(), 'dossiers_overdue')).toMatchObject({ verdict: 'finding', note: null, figure: { value: 1 } });
    expect(res.body).not.toContain('Hồ sơ cấp phép xây dựng chậm');
    expect(res.json().recommendations.map((r: { allowedActions: string[] }) => r.allowedActions)).toEqual([['report'], ['report']]);
    // The section responsible for the second recommendation reads the conclusion through it, and reports on it alone.
    const section = (await api('GET', `/${id}`, 'chuyenvien.sxd')).json();
    expect(section).toMatchObject({ view: 'inspected' });
    expect(section.recommendations.map((r: { allowedActions: string[] }) => r.allowedActions)).toEqual([[], ['report']]);
    expect((await recAct(id, 1, 'chuyenvien.sxd', { action: 'report', text: 'Đã kiểm điểm' })).statusCode).toBe(403);
    expect((await api('GET', '?scope=inspected', 'lanhdao.sxd')).json().inspections.map((x: { id: number }) => x.id)).toEqual([id]);
    expect((await api('GET', `/${id}`, 'lanhdao.stp')).statusCode).toBe(404);
  });

  it('follows each recommendation until the head accepts it, and closes when the last one is', async () => {
    at('2026-05-05');
    let res = await recAct(id, 1, 'lanhdao.sxd', { action: 'report', text: 'Đã tổ chức kiểm điểm chuyên viên thụ lý' });
    expect(res.json().recommendations[0]).toMatchObject({ status: 'reported', updates: [{ kind: 'report', on: '2026-05-05' }] });
    expect((await recAct(id, 1, 'tt.cv1', { action: 'return', reason: 'Chưa có biên bản kiểm điểm' })).statusCode).toBe(403);
    res = await recAct(id, 1, 'tt.truong', { action: 'return', reason: 'Chưa có biên bản kiểm điểm' });
    expect(res.json().recommendations[0]).toMatchObject({ status: 'open', allowedActions: ['accept'] });
    at('2026-05-08');
    res = await recAct(id, 1, 'lanhdao.sxd', { action: 'report', text: 'Gửi kèm biên bản kiểm điểm ngày 7/5' });
    expect(res.json().recommendations[0].clock).toMatchObject({ state: 'overdue', workingDaysLate: 2 });
    res = await recAct(id, 1, 'tt.truong', { action: 'accept', on: '2026-05-08' });
    expect(res.json()).toMatchObject({ status: 'concluded', recommendations: [{ status: 'closed', closedOn: '2026-05-08', clock: { state: 'closed_late' } }, { status: 'open' }] });
    expect((await recAct(id, 1, 'tt.truong', { action: 'return', reason: 'Xem lại' })).json().error.code).toBe('RECOMMENDATION_STATE');

    await recAct(id, 2, 'chuyenvien.sxd', { action: 'report', text: 'Đã niêm yết đủ 12 thủ tục' });
    const rec = (await api('GET', `/${id}`, 'tt.truong')).json().recommendations[1];
    const stale = await api('POST', `/${id}/recommendations/${rec.id}/actions`, 'tt.truong', { version: rec.version - 1, action: 'accept', on: '2026-05-08' });
    expect(stale.json().error.code).toBe('STALE_VERSION');
    res = await recAct(id, 2, 'tt.truong', { action: 'accept', on: '2026-05-08' });
    expect(res.json()).toMatchObject({ status: 'closed', closedOn: '2026-05-08', recommendationCounts: { total: 2, closed: 2, overdue: 0 } });
    expect(res.json().events.at(-1)).toMatchObject({ action: 'closed', details: { closedOn: '2026-05-08' } });
    expect((await recAct(id, 2, 'chuyenvien.sxd', { action: 'report', text: 'Bổ sung' })).json().error.code).toBe('INSPECTION_STATE');

    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', 'in', ['insp_inspection', 'insp_recommendation']).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['inspection.inspection_opened', 'inspection.inspection_start', 'inspection.inspection_conclude', 'inspection.recommendation_return', 'inspection.inspection_closed']));
    const events = await t.db.selectFrom('insp_inspection_events').select('action').where('inspection_id', '=', id).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['opened', 'start', 'set_verdicts', 'refresh_checklist', 'add_finding', 'set_team', 'set_team', 'set_verdicts', 'add_finding', 'conclude', 'closed']);
  });

  it('counts for the report: planned and done, findings by kind, recommendations closed on time and late', async () => {
    // Over the demo's own plan and inspections (counted before this file added anything).
    const counts = await t.services.inspection.plans.counts(YEAR_QUERY());
    expect(counts).toEqual(plus(baseline.year!, {
      planned: 1, done: { planned: 1, surprise: 0 }, findingsByKind: { late_processing: 1, procedure_not_posted: 1 },
      recommendations: { total: 2, closedOnTime: 1, closedLate: 1, overdue: 0, open: 0 },
    }));
    // As things stood on 7/5, both were open, the first past its due day.
    expect((await t.services.inspection.plans.counts(MAY_QUERY())).recommendations)
      .toEqual(plus(baseline.may!, { planned: 0, done: { planned: 0, surprise: 0 }, findingsByKind: {}, recommendations: { total: 2, closedOnTime: 0, closedLate: 0, overdue: 1, open: 1 } }).recommendations);
  });
});

describe('a surprise inspection', () => {
  const body = () => ({
    kind: 'surprise', inspectingUnitId: u['H30.112'], targetUnitId: u['H30.501'], topics: ['public_duty'], triggerRef: 'PAKN-20260301-0001',
    decisionNo: '31/QĐ-TTr', decisionDate: '2026-05-08', onSiteFrom: '2026-05-11', onSiteTo: '2026-05-11', coversFrom: '2026-03-01', coversTo: '2026-05-08',
    team: [{ staffId: staff['tt.cv2'], role: 'lead' }],
  });

  it('needs its reason; one not started can be cancelled, and then nothing more', async () => {
    at('2026-05-08');
    const { surpriseReason: _r, ...withoutReason } = { ...body(), surpriseReason: '' };
    expect((await api('POST', '', 'tt.cv2', withoutReason)).statusCode).toBe(400);
    const res = await api('POST', '', 'tt.cv2', { ...body(), surpriseReason: 'Phản ánh về thái độ của công chức một cửa' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'surprise', surpriseReason: 'Phản ánh về thái độ của công chức một cửa', triggerRef: 'PAKN-20260301-0001', planId: null });
    const cancelled = await act(res.json().id, 'tt.cv2', { action: 'cancel', reason: 'Đơn vị đã tự khắc phục' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelledReason: 'Đơn vị đã tự khắc phục', allowedActions: [] });
    expect((await act(res.json().id, 'tt.cv2', { action: 'start', on: '2026-05-08' })).json().error.code).toBe('INSPECTION_STATE');
  });

  it('closes at its conclusion when it recommends nothing', async () => {
    const id = (await api('POST', '', 'tt.cv2', { ...body(), surpriseReason: 'Đường dây nóng phản ánh' })).json().id as number;
    expect((await act(id, 'tt.cv2', { action: 'start', on: '2026-05-09' })).statusCode).toBe(400); // tomorrow
    await act(id, 'tt.cv2', { action: 'start', on: '2026-05-08' });
    const res = await act(id, 'tt.truong', { action: 'conclude', conclusionNo: '32/KL-TTr', conclusionDate: '2026-05-08', summary: 'Không phát hiện vi phạm.' });
    expect(res.json()).toMatchObject({ status: 'closed', closedOn: '2026-05-08', recommendations: [] });
    const counts = await t.services.inspection.plans.counts({ unitIds: null, from: '2026-05-01', to: '2026-05-31', today: '2026-05-08' });
    expect(counts.done).toEqual({ planned: 0, surprise: 1 });
  });
});
