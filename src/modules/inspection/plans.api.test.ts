import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';

// The provincial inspectorate (Thanh tra tỉnh, H30.112) drafts its 2026 plan: an inspection of the
// Department of Construction (H30.105) and one of the Department of Justice (H30.102). Its specialist
// drafts, its head approves and later amends. The clock stays at TEST_NOW (Monday 2/3/2026).
let t: TestApp;
const s = {} as Record<string, Session>;
const u = {} as Record<string, number>;
const staff = {} as Record<string, number>;
const P = '/api/v1/inspection/plans';
const api = (method: string, url: string, who: string, body?: unknown) => t.request(method, `${P}${url}`, { session: s[who]!, body });
const act = async (id: number, who: string, body: Record<string, unknown>) => {
  const version = (await api('GET', `/${id}`, 'tt.truong')).json().version as number;
  return api('POST', `/${id}/actions`, who, { version, ...body });
};

async function makeStaff(username: string, unitCode: string, role: string | null) {
  const roles = role ? [{ role, unitId: await t.unitId(unitCode) }] : [];
  const res = await t.request('POST', '/api/v1/org/staff', { session: s.admin!, body: { fullName: `Thanh tra ${username}`, unitId: await t.unitId(unitCode), position: 'Thanh tra viên', username, password: 'Mat-khau-Lai-Chau-2026', roles } });
  expect(res.statusCode, res.body).toBe(201);
  await t.db.updateTable('auth_accounts').set({ must_change_password: false }).where('username', '=', username).execute();
  staff[username] = res.json().id;
  s[username] = await t.login(username, 'Mat-khau-Lai-Chau-2026');
}

const counts = (unitIds: number[] | null, from: string, to: string) => t.services.inspection.plans.counts({ unitIds, from, to, today: '2026-03-02' });
const QUERIES: [string, () => number[] | null, string, string][] = [
  ['inspectorate-year', () => [u['H30.112']!], '2026-01-01', '2026-12-31'], ['all-q2', () => null, '2026-04-01', '2026-06-30'],
  ['all-q1', () => null, '2026-01-01', '2026-03-31'], ['construction-year', () => [u['H30.105']!], '2026-01-01', '2026-12-31'],
];
const baseline = {} as Record<string, number>;
const item = (code: string, from: string, to: string, extra: Record<string, unknown> = {}) => ({ targetUnitId: u[code], topics: ['admin_discipline', 'one_stop'], plannedFrom: from, plannedTo: to, ...extra });

beforeAll(async () => {
  t = await createTestApp();
  s.admin = await t.login('admin');
  for (const code of ['H30.112', 'H30.105', 'H30.102']) u[code] = await t.unitId(code);
  await makeStaff('tt.truong', 'H30.112', 'unit_head');
  await makeStaff('tt.cv1', 'H30.112', 'specialist');
  await makeStaff('tt.nhansu', 'H30.112', 'hr_officer');
  for (const name of ['kiemtra', 'lanhdao.sxd']) s[name] = await t.login(name);
  // The demo's own plan of the Inspectorate counts too: what the tests add is measured against it.
  for (const [key, unitIds, from, to] of QUERIES) baseline[key] = (await counts(unitIds(), from, to)).planned;
});
afterAll(async () => { await t?.close(); });

describe('a yearly plan: drafted, approved by decision, amended with a reason', () => {
  let id: number;

  it('is drafted by the inspecting unit\'s specialist; a reader may not, a unit outside does not see it', async () => {
    const body = { inspectingUnitId: u['H30.112'], year: 2026, title: 'Kế hoạch thanh tra năm 2026', items: [item('H30.105', '2026-04-06', '2026-04-17', { leadStaffId: staff['tt.cv1'] })] };
    expect((await api('POST', '', 'kiemtra', body)).statusCode).toBe(403);
    expect((await api('POST', '', 'lanhdao.sxd', body)).statusCode).toBe(404);
    expect((await api('POST', '', 'tt.nhansu', body)).statusCode).toBe(404);
    const res = await api('POST', '', 'tt.cv1', body);
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      status: 'draft', year: 2026, inspectingUnitName: 'Thanh tra tỉnh', itemCount: 1, allowedActions: ['edit', 'add_item', 'update_item', 'remove_item'],
      items: [{ targetUnitName: 'Sở Xây dựng', topics: ['admin_discipline', 'one_stop'], plannedFrom: '2026-04-06', lead: { id: staff['tt.cv1'] }, inspection: null }],
    });
    expect((await api('GET', `/${id}`, 'tt.truong')).json().allowedActions).toContain('approve');
    expect((await api('GET', `/${id}`, 'kiemtra')).json().allowedActions).toEqual([]);
    for (const who of ['lanhdao.sxd', 'tt.nhansu']) expect((await api('GET', `/${id}`, who)).statusCode, who).toBe(404);
  });

  it('refuses an item outside the year, the inspecting unit itself, a unit or lead that does not exist', async () => {
    const bad = async (it: Record<string, unknown>, field: string) => {
      const res = await act(id, 'tt.cv1', { action: 'add_item', item: it });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.fields[0].path).toBe(field);
    };
    await bad(item('H30.102', '2026-12-28', '2027-01-08'), 'item.plannedFrom');
    await bad(item('H30.112', '2026-05-04', '2026-05-08'), 'item.targetUnitId');
    await bad({ ...item('H30.102', '2026-05-04', '2026-05-08'), targetUnitId: 999_999 }, 'item.targetUnitId');
    await bad(item('H30.102', '2026-05-04', '2026-05-08', { leadStaffId: 999_999 }), 'item.leadStaffId');
    expect((await act(id, 'tt.cv1', { action: 'add_item', item: item('H30.102', '2026-05-08', '2026-05-04') })).statusCode).toBe(400);
  });

  it('changes freely as a draft: an item removed from a draft is gone', async () => {
    let res = await act(id, 'tt.cv1', { action: 'add_item', item: item('H30.102', '2026-05-04', '2026-05-15') });
    expect(res.json().itemCount).toBe(2);
    res = await act(id, 'tt.cv1', { action: 'add_item', item: item('H30.102', '2026-09-07', '2026-09-11') });
    const extra = res.json().items.find((i: { plannedFrom: string }) => i.plannedFrom === '2026-09-07').id;
    res = await act(id, 'tt.cv1', { action: 'remove_item', itemId: extra });
    expect(res.json()).toMatchObject({ itemCount: 2, cancelledCount: 0 });
    res = await act(id, 'tt.cv1', { action: 'edit', title: 'Kế hoạch thanh tra, kiểm tra công vụ năm 2026' });
    expect(res.json().title).toBe('Kế hoạch thanh tra, kiểm tra công vụ năm 2026');
    const stale = await api('POST', `/${id}/actions`, 'tt.cv1', { version: res.json().version - 1, action: 'edit', title: 'Tên cũ' });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'STALE_VERSION']);
  });

  it('is approved by the head with the decision, not by the specialist nor with a decision dated tomorrow', async () => {
    const decision = { action: 'approve', decisionNo: '15/QĐ-TTr', decisionDate: '2026-02-27', signer: 'Chánh Thanh tra tỉnh Lò Văn Chiến' };
    expect((await act(id, 'tt.cv1', decision)).statusCode).toBe(403);
    expect((await act(id, 'tt.truong', { ...decision, decisionDate: '2026-03-03' })).statusCode).toBe(400);
    const res = await act(id, 'tt.truong', decision);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', decisionNo: '15/QĐ-TTr', decisionDate: '2026-02-27', signer: decision.signer, allowedActions: ['add_item', 'update_item', 'remove_item'] });
    expect((await act(id, 'tt.truong', { action: 'edit', title: 'Đổi tên' })).json().error.code).toBe('PLAN_APPROVED');
  });

  it('after approval is amended only by the head, with a reason kept in its history; a cancelled item stays', async () => {
    const plan = (await api('GET', `/${id}`, 'tt.truong')).json();
    const stp = plan.items.find((i: { targetUnitId: number }) => i.targetUnitId === u['H30.102']).id;
    expect((await act(id, 'tt.cv1', { action: 'remove_item', itemId: stp, reason: 'Trùng với cuộc kiểm tra của Sở Nội vụ' })).statusCode).toBe(403);
    const noReason = await act(id, 'tt.truong', { action: 'remove_item', itemId: stp });
    expect([noReason.statusCode, noReason.json().error.fields[0].path]).toEqual([400, 'reason']);
    let res = await act(id, 'tt.truong', { action: 'remove_item', itemId: stp, reason: 'Trùng với cuộc kiểm tra của Sở Nội vụ' });
    expect(res.json()).toMatchObject({ itemCount: 1, cancelledCount: 1 });
    expect(res.json().items.find((i: { id: number }) => i.id === stp)).toMatchObject({ cancelledOn: '2026-03-02', cancelReason: 'Trùng với cuộc kiểm tra của Sở Nội vụ' });
    expect((await act(id, 'tt.truong', { action: 'update_item', itemId: stp, changes: { plannedTo: '2026-05-20' }, reason: 'Lùi thời gian' })).json().error.code).toBe('PLAN_ITEM_CANCELLED');

    const sxd = plan.items.find((i: { targetUnitId: number }) => i.targetUnitId === u['H30.105']).id;
    res = await act(id, 'tt.truong', { action: 'update_item', itemId: sxd, changes: { plannedFrom: '2026-04-13', plannedTo: '2026-04-24' }, reason: 'Sở Xây dựng đề nghị lùi một tuần' });
    expect(res.json().items.find((i: { id: number }) => i.id === sxd)).toMatchObject({ plannedFrom: '2026-04-13', plannedTo: '2026-04-24' });
    const amended = res.json().events.filter((e: { details: { amendment?: boolean } }) => e.details.amendment);
    expect(amended.map((e: { action: string; note: string }) => [e.action, e.note])).toEqual([
      ['remove_item', 'Trùng với cuộc kiểm tra của Sở Nội vụ'], ['update_item', 'Sở Xây dựng đề nghị lùi một tuần'],
    ]);
    expect(amended[1].details.before).toMatchObject({ plannedFrom: '2026-04-06', plannedTo: '2026-04-17' });

    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'insp_plan').where('entity_id', '=', String(id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'inspection.plan_created', 'inspection.plan_add_item', 'inspection.plan_add_item', 'inspection.plan_remove_item', 'inspection.plan_edit',
      'inspection.plan_approve', 'inspection.plan_remove_item', 'inspection.plan_update_item',
    ]);
  });

  it('is listed to the inspectorate and to oversight, not to the units it plans to inspect', async () => {
    for (const who of ['tt.cv1', 'kiemtra']) expect((await api('GET', '?year=2026', who)).json().plans.map((p: { id: number }) => p.id), who).toContain(id);
    expect((await api('GET', '?year=2026', 'lanhdao.sxd')).json().plans).toEqual([]);
    expect((await api('GET', '?year=2025', 'tt.cv1')).json().plans).toEqual([]);
  });

  it('counts for the report the inspections planned in an approved plan, a cancelled one not', async () => {
    // The plan above keeps one item planned in the second quarter (the other was cancelled); the Department plans nothing.
    const added = { 'inspectorate-year': 1, 'all-q2': 1, 'all-q1': 0, 'construction-year': 0 } as Record<string, number>;
    for (const [key, unitIds, from, to] of QUERIES) expect((await counts(unitIds(), from, to)).planned, key).toBe(baseline[key]! + added[key]!);
    expect(baseline['construction-year']).toBe(0);
  });
});
