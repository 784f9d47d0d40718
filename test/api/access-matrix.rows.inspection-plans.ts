import type { Permission } from '../../src/platform/access/policy.js';
import type { Relation } from './access-matrix.rules.js';
import type { Fixture, Req, Row } from './access-matrix.rows.js';

const get = (url: string): Req => ({ method: 'GET', url });
const UNITS: Relation[] = ['own', 'child', 'sibling', 'other'];
const P = '/api/v1/inspection';
const today = '2026-03-02';

// Rows of the access matrix for inspection plans and inspections (issue 18 scope 1), held by the
// relation's unit as the inspecting unit (access-matrix.inspection-fixture.ts). Read with inspection.read
// there; a plan's draft is changed with inspection.manage, its approval and every amendment after it need
// inspection.conclude. An inspection is organised (details, team, start, cancel) with inspection.manage,
// its record kept by the team or the head who signs (inspection.conclude, no matrix subject is on a team),
// concluded and its recommendations accepted or returned with inspection.conclude; a recommendation
// addressed to the unit is reported on with inspection.manage there. Otherwise 403 when the caller reads
// the record, 404 when not.
/** A unit to inspect that is not the inspecting one. */
const otherThan = (f: Fixture, unitId: number) => (f.unit.other.id === unitId ? f.unit.own.id : f.unit.other.id);
type Plan = Awaited<ReturnType<Fixture['inspection']['freshPlan']>>;
type Inspection = Awaited<ReturnType<Fixture['inspection']['freshInspection']>>;

const planAction = (variant: string, perm: Permission, status: 'draft' | 'approved', body: (p: Plan, other: number) => Record<string, unknown>): Row => ({
  op: `POST ${P}/plans/{id}/actions`, variant, rule: { kind: 'atUnit', perm, visibleWith: 'inspection.read', ok: 200 }, targets: UNITS,
  request: async (f, _s, t) => {
    const plan = await f.inspection.freshPlan(t.unitId!, status);
    return { method: 'POST', url: `${P}/plans/${plan.id}/actions`, body: { version: plan.version, ...body(plan, otherThan(f, t.unitId!)) } };
  },
});

const inspectionAction = (variant: string, perm: Permission, status: 'planned' | 'in_progress', body: (x: Inspection, f: Fixture, unitId: number) => Promise<Record<string, unknown>> | Record<string, unknown>): Row => ({
  op: `POST ${P}/inspections/{id}/actions`, variant, rule: { kind: 'atUnit', perm, visibleWith: 'inspection.read', ok: 200 }, targets: UNITS,
  request: async (f, _s, t) => {
    const x = await f.inspection.freshInspection(t.unitId!, status);
    return { method: 'POST', url: `${P}/inspections/${x.id}/actions`, body: { version: x.version, ...(await body(x, f, t.unitId!)) } };
  },
});

const recommendationAction = (variant: string, perm: Permission, recStatus: 'open' | 'reported', body: Record<string, unknown>): Row => ({
  op: `POST ${P}/inspections/{id}/recommendations/{recId}/actions`, variant, rule: { kind: 'atUnit', perm, visibleWith: 'inspection.read', ok: 200 }, targets: UNITS,
  request: async (f, _s, t) => {
    const x = await f.inspection.freshInspection(t.unitId!, 'concluded', recStatus);
    return { method: 'POST', url: `${P}/inspections/${x.id}/recommendations/${x.recommendation!.id}/actions`, body: { version: x.recommendation!.version, ...body } };
  },
});

export const INSPECTION_PLAN_ROWS: Row[] = [
  { op: `GET ${P}/plans`, rule: { kind: 'signedIn', ok: 200 }, request: () => get(`${P}/plans?year=2026`) },
  {
    op: `POST ${P}/plans`, rule: { kind: 'atUnit', perm: 'inspection.manage', visibleWith: 'inspection.read', ok: 201 }, targets: UNITS,
    request: (_f, _s, t) => ({ method: 'POST', url: `${P}/plans`, body: { inspectingUnitId: t.unitId, year: 2026, title: 'Kế hoạch kiểm tra công vụ của ma trận' } }),
  },
  { op: `GET ${P}/plans/{id}`, rule: { kind: 'listAtUnit', perm: 'inspection.read', ok: 200 }, targets: UNITS, request: async (f, _s, t) => get(`${P}/plans/${await f.inspection.keptPlan(t.unitId!)}`) },
  planAction('edit', 'inspection.manage', 'draft', () => ({ action: 'edit', title: 'Kế hoạch đã sửa của ma trận' })),
  planAction('add_item', 'inspection.manage', 'draft', (_p, other) => ({ action: 'add_item', item: { targetUnitId: other, topics: ['one_stop'], plannedFrom: '2026-07-06', plannedTo: '2026-07-10' } })),
  planAction('update_item', 'inspection.manage', 'draft', (p) => ({ action: 'update_item', itemId: p.itemId, changes: { plannedTo: '2026-06-10' } })),
  planAction('remove_item', 'inspection.manage', 'draft', (p) => ({ action: 'remove_item', itemId: p.itemId })),
  planAction('approve', 'inspection.conclude', 'draft', () => ({ action: 'approve', decisionNo: '9/QĐ-KH', decisionDate: today, signer: 'Người ký ma trận' })),
  planAction('update_item (amendment)', 'inspection.conclude', 'approved', (p) => ({ action: 'update_item', itemId: p.itemId, changes: { plannedTo: '2026-06-10' }, reason: 'Điều chỉnh của ma trận quyền' })),

  { op: `GET ${P}/inspections`, rule: { kind: 'signedIn', ok: 200 }, request: () => get(`${P}/inspections?status=in_progress`) },
  {
    op: `POST ${P}/inspections`, variant: 'surprise', rule: { kind: 'atUnit', perm: 'inspection.manage', visibleWith: 'inspection.read', ok: 201 }, targets: UNITS,
    request: async (f, _s, t) => ({ method: 'POST', url: `${P}/inspections`, body: {
      kind: 'surprise', inspectingUnitId: t.unitId, targetUnitId: otherThan(f, t.unitId!), topics: ['public_duty'], surpriseReason: 'Phản ánh qua đường dây nóng',
      onSiteFrom: '2026-03-09', onSiteTo: '2026-03-10', coversFrom: '2026-01-01', coversTo: '2026-02-28', team: [{ staffId: (await f.inspection.council(t.unitId!))[0], role: 'lead' }],
    } }),
  },
  {
    op: `POST ${P}/inspections`, variant: 'from a plan item', rule: { kind: 'atUnit', perm: 'inspection.manage', visibleWith: 'inspection.read', ok: 201 }, targets: UNITS,
    request: async (f, _s, t) => {
      const plan = await f.inspection.freshPlan(t.unitId!, 'approved');
      return { method: 'POST', url: `${P}/inspections`, body: { kind: 'planned', planItemId: plan.itemId, coversFrom: '2026-01-01', coversTo: '2026-05-31', team: [{ staffId: (await f.inspection.council(t.unitId!))[0], role: 'lead' }] } };
    },
  },
  {
    op: `GET ${P}/inspections/{id}`, rule: { kind: 'listAtUnit', perm: 'inspection.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => get(`${P}/inspections/${await f.inspection.keptInspection(t.unitId!)}`),
    check: (body) => { if ((body as { view: string }).view !== 'inspecting') throw new Error('a reader of the inspecting unit got the inspected side\'s view'); },
  },
  inspectionAction('edit', 'inspection.manage', 'planned', () => ({ action: 'edit', topics: ['other'] })),
  inspectionAction('set_team', 'inspection.manage', 'planned', async (_x, f, unitId) => ({ action: 'set_team', members: [{ staffId: (await f.inspection.council(unitId))[1], role: 'lead' }] })),
  inspectionAction('start', 'inspection.manage', 'planned', () => ({ action: 'start', on: today })),
  inspectionAction('cancel', 'inspection.manage', 'planned', () => ({ action: 'cancel', reason: 'Hủy của ma trận quyền' })),
  inspectionAction('refresh_checklist', 'inspection.conclude', 'in_progress', () => ({ action: 'refresh_checklist' })),
  inspectionAction('set_verdicts', 'inspection.conclude', 'in_progress', () => ({ action: 'set_verdicts', items: [{ code: 'badge_worn', verdict: 'ok' }] })),
  inspectionAction('add_finding', 'inspection.conclude', 'in_progress', () => ({ action: 'add_finding', kind: 'badge_not_worn', description: 'Không đeo thẻ', checklistCode: 'badge_worn' })),
  inspectionAction('update_finding', 'inspection.conclude', 'in_progress', (x) => ({ action: 'update_finding', findingId: x.findingId, description: 'Đã sửa nội dung' })),
  inspectionAction('remove_finding', 'inspection.conclude', 'in_progress', (x) => ({ action: 'remove_finding', findingId: x.findingId })),
  inspectionAction('conclude', 'inspection.conclude', 'in_progress', () => ({ action: 'conclude', conclusionNo: '4/KL-KT', conclusionDate: today, summary: 'Kết luận của ma trận quyền' })),
  recommendationAction('report', 'inspection.manage', 'open', { action: 'report', text: 'Đã thực hiện kiến nghị' }),
  recommendationAction('accept', 'inspection.conclude', 'open', { action: 'accept', on: today }),
  recommendationAction('return', 'inspection.conclude', 'reported', { action: 'return', reason: 'Chưa đủ minh chứng' }),
];
