import type { Permission } from '../../src/platform/access/policy.js';
import type { Relation } from './access-matrix.rules.js';
import type { Fixture, Req, Row } from './access-matrix.rows.js';

const get = (url: string): Req => ({ method: 'GET', url });
const UNITS: Relation[] = ['own', 'child', 'sibling', 'other'];
const P = '/api/v1/inspection';
const today = '2026-03-02';

// Rows of the access matrix for inspection (issue 18). A complaint or denunciation case is read with
// complaint.read at its handling unit and acted on with complaint.handle (the team's steps) or
// complaint.decide (what the head signs); a discipline case is read with discipline.read at the
// disciplining unit and acted on with discipline.manage (HR's and the head's steps) or discipline.decide.
// Otherwise 403 when the caller reads the case, 404 when not. No matrix subject is on a case's team, so
// none of them may see the denouncer (checked on every 200), and none is the official under discipline,
// so every reader sees the council's deliberations.
const caseAction = (variant: string, perm: Permission, make: (f: Fixture, unitId: number) => Promise<{ id: number; version: number }>, body: (f: Fixture, unitId: number) => Promise<Record<string, unknown>> | Record<string, unknown>): Row => ({
  op: `POST ${P}/cases/{id}/actions`, variant, rule: { kind: 'atUnit', perm, visibleWith: 'complaint.read', ok: 200 }, targets: UNITS,
  request: async (f, _s, t) => {
    const c = await make(f, t.unitId!);
    return { method: 'POST', url: `${P}/cases/${c.id}/actions`, body: { version: c.version, ...(await body(f, t.unitId!)) } };
  },
});
const disciplineAction = (variant: string, perm: Permission, stage: Parameters<Fixture['inspection']['freshDiscipline']>[1], body: (f: Fixture, unitId: number) => Promise<Record<string, unknown>> | Record<string, unknown>): Row => ({
  op: `POST ${P}/discipline/{id}/actions`, variant, rule: { kind: 'atUnit', perm, visibleWith: 'discipline.read', ok: 200 }, targets: UNITS,
  request: async (f, _s, t) => {
    const c = await f.inspection.freshDiscipline(t.unitId!, stage);
    return { method: 'POST', url: `${P}/discipline/${c.id}/actions`, body: { version: c.version, ...(await body(f, t.unitId!)) } };
  },
});
const fresh = (status: 'received' | 'accepted' | 'verifying' | 'concluded', complexity?: 'complex') => (f: Fixture, unitId: number) => f.inspection.freshCase(unitId, status, { complexity });

export const INSPECTION_ROWS: Row[] = [
  { op: `GET ${P}/cases`, rule: { kind: 'signedIn', ok: 200 }, request: () => get(`${P}/cases?status=accepted`) },
  {
    op: `POST ${P}/cases`, rule: { kind: 'atUnit', perm: 'complaint.handle', visibleWith: 'complaint.read', ok: 201 }, targets: UNITS,
    request: (_f, _s, t) => ({ method: 'POST', url: `${P}/cases`, body: {
      kind: 'denunciation', handlingUnitId: t.unitId, receivedOn: today, channel: 'desk', subjectUnitId: t.unitId, summary: 'Tố cáo hành vi nhũng nhiễu', party: { fullName: 'Người tố cáo ma trận' },
    } }),
  },
  {
    // Feedback turned into a case: 403 for whoever handles no case anywhere, then the feedback item's own visibility (404).
    op: `GET ${P}/cases/draft-from-feedback/{code}`, rule: { kind: 'atUnit', perm: 'feedback.read', visibleWith: 'feedback.read', ok: 200, gate: ['complaint.handle'] }, targets: UNITS,
    request: (f, _s, t) => get(`${P}/cases/draft-from-feedback/${f.feedback.at[t.relation as 'own'].code}`),
  },
  {
    op: `GET ${P}/cases/{id}`, rule: { kind: 'listAtUnit', perm: 'complaint.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => get(`${P}/cases/${await f.inspection.keptCase(t.unitId!)}`),
    check: (body) => { if ((body as { party: unknown }).party !== null) throw new Error('the denouncer reached someone outside the team'); },
  },
  caseAction('classify', 'complaint.handle', fresh('received'), () => ({ action: 'classify', complexity: 'complex' })),
  caseAction('accept', 'complaint.handle', fresh('received'), () => ({ action: 'accept', on: today })),
  caseAction('refuse', 'complaint.handle', fresh('received'), () => ({ action: 'refuse', on: today, reason: 'Không đủ điều kiện thụ lý' })),
  caseAction('start_verification', 'complaint.handle', fresh('accepted'), () => ({ action: 'start_verification', note: 'Kế hoạch xác minh' })),
  caseAction('extend', 'complaint.decide', fresh('verifying', 'complex'), () => ({ action: 'extend', days: 30, decisionNo: '3/QĐ-GH', decidedOn: today })),
  caseAction('conclude', 'complaint.decide', fresh('verifying'), () => ({ action: 'conclude', outcome: 'unfounded', conclusion: 'Nội dung tố cáo không đúng.', decisionNo: '4/KL', decisionDate: today })),
  caseAction('publish', 'complaint.decide', fresh('concluded'), () => ({ action: 'publish', on: today })),
  caseAction('set_team', 'complaint.decide', fresh('received'), async (f, unitId) => ({ action: 'set_team', members: [{ staffId: (await f.inspection.council(unitId))[0], role: 'lead' }] })),

  { op: `GET ${P}/discipline`, rule: { kind: 'signedIn', ok: 200 }, request: () => get(`${P}/discipline?status=open`) },
  {
    op: `POST ${P}/discipline`, rule: { kind: 'atUnit', perm: 'discipline.manage', visibleWith: 'discipline.read', ok: 201 }, targets: UNITS,
    request: async (f, _s, t) => ({ method: 'POST', url: `${P}/discipline`, body: {
      unitId: t.unitId, subjectStaffId: await f.inspection.subject(t.unitId!), personKind: 'cong_chuc', offenceSummary: 'Chậm giải quyết hồ sơ',
      offenceEndedOn: '2025-12-01', limitationClass: 'reprimand_level', discoveredOn: '2026-02-02',
    } }),
  },
  {
    op: `GET ${P}/discipline/{id}`, rule: { kind: 'listAtUnit', perm: 'discipline.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => get(`${P}/discipline/${await f.inspection.keptDiscipline(t.unitId!)}`),
    check: (body) => { if ((body as { deliberations: unknown }).deliberations === null) throw new Error('a reader who is not the subject lost the deliberations'); },
  },
  disciplineAction('record_step', 'discipline.manage', 'opened', () => ({ action: 'record_step', step: 'notice', on: today })),
  disciplineAction('defer', 'discipline.manage', 'opened', () => ({ action: 'defer', from: today, reason: 'maternity' })),
  disciplineAction('resume', 'discipline.manage', 'deferred', () => ({ action: 'resume', lastDeferredDay: today })),
  disciplineAction('set_council', 'discipline.manage', 'reported', async (f, unitId) => {
    const [chair, leader, personnel] = await f.inspection.council(unitId);
    return { action: 'set_council', on: today, members: [{ staffId: chair, role: 'chair' }, { staffId: leader, role: 'employing_unit_leader' }, { staffId: personnel, role: 'personnel' }] };
  }),
  disciplineAction('record_ballot', 'discipline.manage', 'met', () => ({ action: 'record_ballot', yes: 2, no: 1, forms: { khien_trach: 3 }, recommendedForm: 'khien_trach', minutes: 'Biên bản họp hội đồng' })),
  disciplineAction('decide', 'discipline.decide', 'recommended', () => ({ action: 'decide', form: 'khien_trach', decisionNo: '9/QĐ-KL', decisionDate: today, effectiveOn: today })),
  disciplineAction('close', 'discipline.decide', 'opened', () => ({ action: 'close', reason: 'Miễn trách nhiệm kỷ luật' })),
];
