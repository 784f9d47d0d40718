import type { Relation } from './access-matrix.rules.js';
import type { Row } from './access-matrix.rows.js';

const get = (url: string) => ({ method: 'GET', url });
const UNITS: Relation[] = ['own', 'child', 'sibling', 'other'];
const P = '/api/v1/personnel';
const REASON = `reason=${encodeURIComponent('Xem xét đề nghị khen thưởng')}`;
const HR = { perm: 'personnel.manage', visibleWith: 'personnel.read' } as const;

// Rows of the access matrix for personnel (issue 17). A unit's schemes and records are read with
// personnel.read there (a reader states a reason, given in every row here) and kept with personnel.manage
// (the HR officer): otherwise 403 when the caller reads them, 404 when not. The Department of Home Affairs'
// office appraises (personnel.manage) and approves (personnel.approve) every unit's scheme. Ratings are
// approved with personnel.approve at the unit; a self-assessment is the person's own.
export const PERSONNEL_ROWS: Row[] = [
  { op: `GET ${P}/schemes`, rule: { kind: 'signedIn', ok: 200 }, request: () => get(`${P}/schemes`) },
  {
    op: `POST ${P}/schemes`, rule: { kind: 'atUnit', ...HR, ok: 201 }, targets: UNITS,
    request: (f, _s, t) => ({ method: 'POST', url: `${P}/schemes`, body: { unitId: t.unitId, effectiveFrom: '2061-01-01', positions: [{ code: 'CV-01', name: 'Chuyên viên', category: 'professional', quota: 1 }] } }),
  },
  { op: `GET ${P}/schemes/{id}`, rule: { kind: 'listAtUnit', perm: 'personnel.read', ok: 200 }, targets: UNITS, request: async (f, _s, t) => get(`${P}/schemes/${await f.personnel.keptScheme(t.unitId!)}`) },
  {
    op: `PUT ${P}/schemes/{id}`, rule: { kind: 'atUnit', ...HR, ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      const s = await f.personnel.scheme(t.unitId!, 'draft');
      return { method: 'PUT', url: `${P}/schemes/${s.id}`, body: { version: s.version, positions: [{ code: 'CV-02', name: 'Chuyên viên pháp chế', category: 'professional', quota: 1 }] } };
    },
  },
  {
    op: `POST ${P}/schemes/{id}/submit`, rule: { kind: 'atUnit', ...HR, ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      const s = await f.personnel.scheme(t.unitId!, 'draft');
      return { method: 'POST', url: `${P}/schemes/${s.id}/submit`, body: { version: s.version } };
    },
  },
  {
    op: `POST ${P}/schemes/{id}/appraise`, rule: { kind: 'atOffice', perm: 'personnel.manage', visibleWith: 'personnel.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      t.organiserUnitId = f.personnel.officeUnitId;
      const s = await f.personnel.scheme(t.unitId!, 'submitted');
      return { method: 'POST', url: `${P}/schemes/${s.id}/appraise`, body: { version: s.version, outcome: 'agree', note: '' } };
    },
  },
  {
    op: `POST ${P}/schemes/{id}/approve`, rule: { kind: 'atOffice', perm: 'personnel.approve', visibleWith: 'personnel.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      t.organiserUnitId = f.personnel.officeUnitId;
      const s = await f.personnel.scheme(t.unitId!, 'appraised');
      return { method: 'POST', url: `${P}/schemes/${s.id}/approve`, body: { version: s.version, decisionNo: '15/QĐ-UBND', decisionDate: '2060-01-01', signer: 'Chủ tịch UBND tỉnh' } };
    },
  },
  { op: `GET ${P}/board`, rule: { kind: 'signedIn', ok: 200 }, request: () => get(`${P}/board?day=2026-12-01`) },
  { op: `GET ${P}/units/{unitId}/positions`, rule: { kind: 'listAtUnit', perm: 'personnel.read', ok: 200 }, targets: UNITS, request: (_f, _s, t) => get(`${P}/units/${t.unitId}/positions?day=2026-12-01`) },

  { op: `GET ${P}/people`, rule: { kind: 'signedIn', ok: 200 }, request: () => get(`${P}/people?q=ma tran`) },
  {
    op: `POST ${P}/people`, rule: { kind: 'atUnit', ...HR, ok: 201 }, targets: UNITS,
    request: async (f, _s, t) => ({ method: 'POST', url: `${P}/people`, body: { staffId: await f.personnel.staffWithoutRecord(t.unitId!), recruitedOn: '2016-08-01', record: { ethnicity: 'Mông' } } }),
  },
  {
    op: `GET ${P}/me`, rule: { kind: 'signedIn', ok: 200 },
    request: async (f, s) => { if (s.actor) await f.personnel.ownRecord(s.actor.staffId); return get(`${P}/me`); },
  },
  { op: `GET ${P}/people/{id}`, rule: { kind: 'listAtUnit', perm: 'personnel.read', ok: 200 }, targets: UNITS, request: async (f, _s, t) => get(`${P}/people/${(await f.personnel.person(t.unitId!)).id}?${REASON}`) },
  { op: `GET ${P}/people/{id}/form.pdf`, rule: { kind: 'listAtUnit', perm: 'personnel.read', ok: 200 }, targets: UNITS, request: async (f, _s, t) => get(`${P}/people/${(await f.personnel.person(t.unitId!)).id}/form.pdf?${REASON}`) },
  { op: `GET ${P}/people/{id}/form.docx`, rule: { kind: 'listAtUnit', perm: 'personnel.read', ok: 200 }, targets: UNITS, request: async (f, _s, t) => get(`${P}/people/${(await f.personnel.person(t.unitId!)).id}/form.docx?${REASON}`) },
  { op: `GET ${P}/people/{id}/views`, rule: { kind: 'atUnit', ...HR, ok: 200 }, targets: UNITS, request: async (f, _s, t) => get(`${P}/people/${(await f.personnel.person(t.unitId!)).id}/views`) },
  {
    op: `POST ${P}/people/{id}/changes`, rule: { kind: 'atUnit', ...HR, ok: 201 }, targets: UNITS,
    request: async (f, _s, t) => ({ method: 'POST', url: `${P}/people/${(await f.personnel.person(t.unitId!)).id}/changes`, body: { set: { strengths: f.unique('Sở trường') }, reason: 'Bổ sung sở trường công tác' } }),
  },
  { op: `GET ${P}/steps-due`, rule: { kind: 'signedIn', ok: 200 }, request: () => get(`${P}/steps-due?from=2026-12-01&to=2027-12-31`) },
  { op: `GET ${P}/changes`, rule: { kind: 'signedIn', ok: 200 }, request: () => get(`${P}/changes`) },
  {
    op: `POST ${P}/changes/{id}/decide`, rule: { kind: 'atUnit', ...HR, ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => ({ method: 'POST', url: `${P}/changes/${await f.personnel.change(t.unitId!)}/decide`, body: { decision: 'approve', note: '' } }),
  },
  {
    op: `POST ${P}/people/{id}/movements`, rule: { kind: 'atUnit', ...HR, ok: 201 }, targets: UNITS,
    request: async (f, _s, t) => {
      const p = await f.personnel.person(t.unitId!);
      return { method: 'POST', url: `${P}/people/${p.id}/movements`, body: { version: await f.personnel.personVersion(p.id), kind: 'secondment', on: '2026-03-01', until: '2027-02-28', toUnitId: t.unitId, decisionNo: '7/QĐ-UBND', decisionDate: '2026-02-20' } };
    },
  },
  {
    op: `PUT ${P}/people/{id}/grants`, rule: { kind: 'atUnit', ...HR, ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => ({ method: 'PUT', url: `${P}/people/${(await f.personnel.person(t.unitId!)).id}/grants`, body: { grants: [], reason: 'Rà soát quyền truy cập' } }),
  },

  { op: `GET ${P}/evaluations`, rule: { kind: 'listAtUnit', perm: 'personnel.read', ok: 200 }, targets: UNITS, request: (_f, _s, t) => get(`${P}/evaluations?unitId=${t.unitId}&year=2026`) },
  {
    // Each unit has a sheet reviewed by the root administrator, so there is something to approve.
    op: `POST ${P}/evaluations/approve`, rule: { kind: 'atUnit', perm: 'personnel.approve', visibleWith: 'personnel.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      await f.personnel.reviewedSheet(t.unitId!, 2027);
      return { method: 'POST', url: `${P}/evaluations/approve`, body: { unitId: t.unitId, year: 2027 } };
    },
  },
  { op: `GET ${P}/people/{id}/evaluations/{year}`, rule: { kind: 'listAtUnit', perm: 'personnel.read', ok: 200 }, targets: UNITS, request: async (f, _s, t) => get(`${P}/people/${(await f.personnel.person(t.unitId!)).id}/evaluations/2026`) },
  {
    op: `PUT ${P}/people/{id}/evaluations/{year}/self`, rule: { kind: 'personSelf', visibleWith: 'personnel.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => ({ method: 'PUT', url: `${P}/people/${(await f.personnel.person(t.unitId!)).id}/evaluations/2026/self`, body: { selfAssessment: 'Hoàn thành các nhiệm vụ được giao.', generalPoints: 18, taskPoints: 70, tasks: { total: 4, done: 4, exceeded: 1 }, criteria: { total: 5, weak: 0, failed: 0 } } }),
  },
  {
    op: `PUT ${P}/people/{id}/evaluations/{year}/review`, rule: { kind: 'atUnit', perm: 'personnel.approve', visibleWith: 'personnel.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      const s = await f.personnel.selfAssessed(t.unitId!, 2026);
      return { method: 'PUT', url: `${P}/people/${s.personId}/evaluations/2026/review`, body: { version: s.version, managerComment: 'Đồng ý với tự đánh giá.', meetingMinutes: 'Biên bản họp đơn vị.', generalPoints: 18, taskPoints: 70 } };
    },
  },
  { op: `GET ${P}/evaluation-rule`, rule: { kind: 'signedIn', ok: 200 }, request: () => get(`${P}/evaluation-rule?year=2026`) },
  {
    op: `PUT ${P}/evaluation-rule`, rule: { kind: 'provinceWide', perm: 'personnel.manage', ok: 200 },
    request: async (f) => ({ method: 'PUT', url: `${P}/evaluation-rule`, body: { version: await f.personnel.ruleVersion(2090), fromYear: 2090, name: 'Quy định thử', rule: {
      generalMax: 20, tasksMax: 80, excellent: { above: 90, allTasksDone: true, minShareExceeded: 0.5 }, good: { above: 80, allTasksDone: true },
      completed: { atLeast: 50, maxShareWeak: 0.2 }, notCompletedShareFailed: 0.5, excellentQuota: null } } }),
  },
  { op: `GET ${P}/stats`, rule: { kind: 'signedIn', ok: 200 }, request: () => get(`${P}/stats?day=2026-12-01`) },
  { op: `GET ${P}/stats.xlsx`, rule: { kind: 'signedIn', ok: 200 }, request: () => get(`${P}/stats.xlsx?day=2026-12-01`) },
];
