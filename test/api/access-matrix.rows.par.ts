import type { Relation } from './access-matrix.rules.js';
import type { Row } from './access-matrix.rows.js';

const get = (url: string) => ({ method: 'GET', url });
const UNITS: Relation[] = ['own', 'child', 'sibling', 'other'];

// Rows of the access matrix for the PAR index (issue 16). Sets, rounds, stages, the council and publication
// are the organiser's (par.manage at the Department of Home Affairs; 403 to anyone else). A unit's sheet is
// seen with par.read at the unit (or by the organiser, the council, the appraisers of its criteria — in these
// rounds the organiser appraises every criterion), else 404; self-scoring and evidence need par.score there,
// submitting par.submit. The rows' rounds are at the stage each action belongs to (access-matrix.par-fixture.ts).
const sheetUrl = (roundId: number, unitId: number) => `/api/v1/par/rounds/${roundId}/units/${unitId}`;
export const PAR_ROWS: Row[] = [
  { op: 'GET /api/v1/par/sets', rule: { kind: 'signedIn', ok: 200 }, request: () => get('/api/v1/par/sets') },
  {
    op: 'POST /api/v1/par/sets', rule: { kind: 'parManager', ok: 201 },
    request: (f, _s, t) => {
      t.organiserUnitId = f.par.organiserUnitId;
      return { method: 'POST', url: '/api/v1/par/sets', body: { year: 2039, name: f.unique('Bộ tiêu chí'), blocks: ['so'], copyFromSetId: undefined, tree: { caps: { bonus: 0, penalty: 0 }, areas: [{ code: '1', text: 'Lĩnh vực', maxPoints: 1, scoring: { kind: 'manual' } }] } } };
    },
  },
  { op: 'GET /api/v1/par/sets/{id}', rule: { kind: 'signedIn', ok: 200 }, request: async (f) => get(`/api/v1/par/sets/${(await f.par.draftSet(true)).id}`) },
  {
    op: 'PATCH /api/v1/par/sets/{id}', rule: { kind: 'parManager', ok: 200 },
    request: async (f, _s, t) => {
      t.organiserUnitId = f.par.organiserUnitId;
      const s = await f.par.draftSet(true);
      return { method: 'PATCH', url: `/api/v1/par/sets/${s.id}`, body: { version: s.version, name: f.unique('Bộ tiêu chí sửa') } };
    },
  },
  {
    op: 'POST /api/v1/par/sets/{id}/issue', rule: { kind: 'parManager', ok: 200 },
    request: async (f, _s, t) => {
      t.organiserUnitId = f.par.organiserUnitId;
      const s = await f.par.draftSet(true);
      return { method: 'POST', url: `/api/v1/par/sets/${s.id}/issue`, body: { version: s.version, decisionNumber: '9/QĐ-UBND', decisionDate: '2026-01-05', decisionSigner: 'Chủ tịch UBND tỉnh' } };
    },
  },
  { op: 'GET /api/v1/par/sets/{id}/xlsx', rule: { kind: 'signedIn', ok: 200 }, request: async (f) => get(`/api/v1/par/sets/${(await f.par.draftSet(true)).id}/xlsx`) },
  {
    // The gate refuses a caller without par.manage anywhere before the upload is read; the service then wants it at the organiser.
    op: 'POST /api/v1/par/sets/{id}/import', rule: { kind: 'parManager', ok: 200 },
    request: async (f, _s, t) => {
      t.organiserUnitId = f.par.organiserUnitId;
      const set = await f.par.draftSet(true);
      const xlsx = (await f.par.xlsx(set.id));
      const m = f.multipart('bo-tieu-chi.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return { method: 'POST', url: `/api/v1/par/sets/${set.id}/import`, raw: m.raw, headers: m.headers };
    },
  },
  { op: 'GET /api/v1/par/rounds', rule: { kind: 'signedIn', ok: 200 }, request: () => get('/api/v1/par/rounds') },
  {
    op: 'POST /api/v1/par/rounds', rule: { kind: 'parManager', ok: 201 }, targets: ['own'],
    request: async (f, _s, t) => {
      t.organiserUnitId = f.par.organiserUnitId;
      const s = await f.par.freshIssuedSet();
      return { method: 'POST', url: '/api/v1/par/rounds', body: { year: s.year, name: 'Đợt đánh giá', selfDeadlineWorkingDays: 5, surveyHeld: false, setIds: [s.id], participants: [{ unitId: t.unitId, setId: s.id, block: 'xa' }] } };
    },
  },
  // Every subject takes part (a sheet at its unit), appraises (par.appraise) or runs the round.
  { op: 'GET /api/v1/par/rounds/{id}', rule: { kind: 'signedIn', ok: 200 }, request: async (f) => get(`/api/v1/par/rounds/${await f.par.round('self_assessment')}`) },
  {
    op: 'POST /api/v1/par/rounds/{id}/stage', rule: { kind: 'parManager', ok: 200 },
    request: async (f, _s, t) => {
      t.organiserUnitId = f.par.organiserUnitId;
      const id = await f.par.round('appraisal2', {});
      return { method: 'POST', url: `/api/v1/par/rounds/${id}/stage`, body: { version: await f.par.roundVersion(id), stage: 'council' } };
    },
  },
  {
    op: 'PUT /api/v1/par/rounds/{id}/units/{unitId}/facts', rule: { kind: 'parManager', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      t.organiserUnitId = f.par.organiserUnitId;
      return { method: 'PUT', url: `${sheetUrl(await f.par.round('self_assessment'), t.unitId!)}/facts`, body: { facts: { hasProcedures: true } } };
    },
  },
  {
    op: 'PUT /api/v1/par/rounds/{id}/council', rule: { kind: 'parManager', ok: 200 },
    request: async (f, _s, t) => {
      t.organiserUnitId = f.par.organiserUnitId;
      const id = await f.par.round('appraisal2');
      return { method: 'PUT', url: `/api/v1/par/rounds/${id}/council`, body: { version: await f.par.roundVersion(id), members: f.par.councilMembers } };
    },
  },
  {
    op: 'GET /api/v1/par/rounds/{id}/council/candidates', rule: { kind: 'parManager', ok: 200 },
    request: async (f, _s, t) => { t.organiserUnitId = f.par.organiserUnitId; return get(`/api/v1/par/rounds/${await f.par.round('self_assessment')}/council/candidates?q=${encodeURIComponent('Lò')}`); },
  },
  // Only the council's members vote, and no subject sits on it.
  { op: 'POST /api/v1/par/rounds/{id}/votes', rule: { kind: 'anywhere', perms: [], ok: 200 }, request: async (f) => ({ method: 'POST', url: `/api/v1/par/rounds/${await f.par.round('council')}/votes`, body: { vote: 'approve' } }) },
  {
    op: 'GET /api/v1/par/rounds/{id}/results', rule: { kind: 'parManager', ok: 200, otherwise: 404 },
    request: async (f, _s, t) => { t.organiserUnitId = f.par.organiserUnitId; return get(`/api/v1/par/rounds/${await f.par.round('council')}/results`); },
  },
  {
    op: 'POST /api/v1/par/rounds/{id}/publish', rule: { kind: 'parManager', ok: 200 },
    request: async (f, _s, t) => {
      t.organiserUnitId = f.par.organiserUnitId;
      const id = await f.par.round('approved', {});
      return { method: 'POST', url: `/api/v1/par/rounds/${id}/publish`, body: { version: await f.par.roundVersion(id), decisionNumber: '15/QĐ-UBND', decisionDate: '2026-03-01', signer: 'Chủ tịch UBND tỉnh' } };
    },
  },
  { op: 'GET /api/v1/par/rounds/{id}/corrections', rule: { kind: 'signedIn', ok: 200 }, request: async (f) => get(`/api/v1/par/rounds/${await f.par.round('published')}/corrections`) },
  {
    op: 'POST /api/v1/par/rounds/{id}/corrections', rule: { kind: 'parManager', ok: 201 }, targets: UNITS,
    request: async (f, _s, t) => {
      t.organiserUnitId = f.par.organiserUnitId;
      return { method: 'POST', url: `/api/v1/par/rounds/${await f.par.round('published')}/corrections`, body: { decisionNumber: '16/QĐ-UBND', decisionDate: '2026-03-01', reason: 'Sai sót khi tổng hợp', unitId: t.unitId, code: '1.1', points: 9 } };
    },
  },

  { op: 'GET /api/v1/par/rounds/{id}/units/{unitId}', rule: { kind: 'listAtUnit', perm: 'par.read', ok: 200 }, targets: UNITS, request: async (f, _s, t) => get(sheetUrl(await f.par.round('self_assessment'), t.unitId!)) },
  {
    op: 'PUT /api/v1/par/rounds/{id}/units/{unitId}/leaves/{code}/self', rule: { kind: 'atUnit', perm: 'par.score', visibleWith: 'par.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      const id = await f.par.round('self_assessment');
      return { method: 'PUT', url: `${sheetUrl(id, t.unitId!)}/leaves/1.1/self`, body: { version: await f.par.version(id, t.unitId!), input: 7, explanation: 'Kế hoạch số 12/KH-UBND' } };
    },
  },
  {
    op: 'PUT /api/v1/par/rounds/{id}/units/{unitId}/leaves/{code}/layers/{layer}', rule: { kind: 'parManager', ok: 200, visibleWith: 'par.read' }, targets: UNITS,
    request: async (f, _s, t) => {
      t.organiserUnitId = f.par.organiserUnitId;
      const id = await f.par.round('appraisal1');
      return { method: 'PUT', url: `${sheetUrl(id, t.unitId!)}/leaves/1.1/layers/appraisal1`, body: { version: await f.par.version(id, t.unitId!), points: 6, reason: 'Thiếu báo cáo quý' } };
    },
  },
  { op: 'GET /api/v1/par/rounds/{id}/units/{unitId}/leaves/{code}/history', rule: { kind: 'listAtUnit', perm: 'par.read', ok: 200 }, targets: UNITS, request: async (f, _s, t) => get(`${sheetUrl(await f.par.round('self_assessment'), t.unitId!)}/leaves/1.1/history`) },
  {
    op: 'POST /api/v1/par/rounds/{id}/units/{unitId}/leaves/{code}/evidence', rule: { kind: 'atUnit', perm: 'par.score', visibleWith: 'par.read', ok: 201 }, targets: UNITS,
    request: async (f, _s, t) => ({ method: 'POST', url: `${sheetUrl(await f.par.round('self_assessment'), t.unitId!)}/leaves/1.1/evidence`, body: { kind: 'record', title: 'Nhiệm vụ đã hoàn thành', recordKind: 'directive_task', recordRef: '12' } }),
  },
  {
    op: 'DELETE /api/v1/par/rounds/{id}/units/{unitId}/evidence/{evidenceId}', rule: { kind: 'atUnit', perm: 'par.score', visibleWith: 'par.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      const id = await f.par.round('self_assessment');
      return { method: 'DELETE', url: `${sheetUrl(id, t.unitId!)}/evidence/${await f.par.evidence(id, t.unitId!)}` };
    },
  },
  {
    op: 'GET /api/v1/par/rounds/{id}/units/{unitId}/evidence/{evidenceId}/file', rule: { kind: 'listAtUnit', perm: 'par.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      const id = await f.par.round('self_assessment');
      return get(`${sheetUrl(id, t.unitId!)}/evidence/${await f.par.evidence(id, t.unitId!, await f.par.fileKey())}/file`);
    },
  },
  {
    op: 'POST /api/v1/par/rounds/{id}/units/{unitId}/leaves/{code}/explanation-request', rule: { kind: 'parManager', ok: 200, visibleWith: 'par.read' }, targets: UNITS,
    request: async (f, _s, t) => {
      t.organiserUnitId = f.par.organiserUnitId;
      return { method: 'POST', url: `${sheetUrl(await f.par.round('appraisal1'), t.unitId!)}/leaves/1.1/explanation-request`, body: { request: 'Đề nghị bổ sung báo cáo quý' } };
    },
  },
  {
    op: 'PUT /api/v1/par/rounds/{id}/units/{unitId}/leaves/{code}/explanation', rule: { kind: 'atUnit', perm: 'par.score', visibleWith: 'par.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      const id = await f.par.round('explanation');
      return { method: 'PUT', url: `${sheetUrl(id, t.unitId!)}/leaves/1.1/explanation`, body: { version: await f.par.version(id, t.unitId!), answer: 'Đã bổ sung báo cáo quý III', points: 9 } };
    },
  },
  {
    op: 'POST /api/v1/par/rounds/{id}/units/{unitId}/submit', rule: { kind: 'atUnit', perm: 'par.submit', visibleWith: 'par.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      const id = await f.par.round('self_assessment', { unitId: t.unitId! });
      return { method: 'POST', url: `${sheetUrl(id, t.unitId!)}/submit`, body: { version: await f.par.version(id, t.unitId!) } };
    },
  },
  {
    op: 'POST /api/v1/par/rounds/{id}/units/{unitId}/submit-explanation', rule: { kind: 'atUnit', perm: 'par.submit', visibleWith: 'par.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      const id = await f.par.round('explanation', { unitId: t.unitId! });
      return { method: 'POST', url: `${sheetUrl(id, t.unitId!)}/submit-explanation`, body: { version: await f.par.version(id, t.unitId!) } };
    },
  },
  { op: 'GET /api/v1/public/par/results', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/public/par/results') },

  // The survey is run by the organiser; anyone answers a form by its one-time code.
  {
    op: 'GET /api/v1/par/rounds/{id}/survey/forms', rule: { kind: 'parManager', ok: 200 },
    request: async (f, _s, t) => { t.organiserUnitId = f.par.organiserUnitId; return get(`/api/v1/par/rounds/${await f.par.round('self_assessment')}/survey/forms`); },
  },
  {
    op: 'POST /api/v1/par/rounds/{id}/survey/forms', rule: { kind: 'parManager', ok: 201 },
    request: async (f, _s, t) => {
      t.organiserUnitId = f.par.organiserUnitId;
      return { method: 'POST', url: `/api/v1/par/rounds/${await f.par.round('self_assessment')}/survey/forms`, body: {
        code: f.unique('P').replace(/[^A-Za-z0-9]/g, '').slice(-12), name: 'Phiếu lấy ý kiến người dân', respondentGroup: 'Người dân, doanh nghiệp', blocks: ['xa'],
        questions: [{ id: 'q1', text: 'Thái độ của công chức?', criterionCode: '2.1', options: [{ key: 'A', text: 'Hài lòng' }, { key: 'B', text: 'Chưa hài lòng' }] }],
      } };
    },
  },
  {
    op: 'PUT /api/v1/par/survey/forms/{formId}', rule: { kind: 'parManager', ok: 200 },
    request: async (f, _s, t) => {
      t.organiserUnitId = f.par.organiserUnitId;
      const form = await f.par.surveyForm(true);
      return { method: 'PUT', url: `/api/v1/par/survey/forms/${form.id}`, body: {
        version: form.version, code: `E${form.id}`, name: 'Phiếu lấy ý kiến lãnh đạo xã (sửa)', respondentGroup: 'Lãnh đạo UBND xã', blocks: ['xa'],
        questions: [{ id: 'c1', text: 'Việc công khai thủ tục hành chính?', criterionCode: '2.1', options: [{ key: 'A', text: 'Tốt' }, { key: 'B', text: 'Chưa tốt' }] }],
      } };
    },
  },
  {
    op: 'POST /api/v1/par/survey/forms/{formId}/invitations', rule: { kind: 'parManager', ok: 201 },
    request: async (f, _s, t) => { t.organiserUnitId = f.par.organiserUnitId; return { method: 'POST', url: `/api/v1/par/survey/forms/${(await f.par.surveyForm()).id}/invitations`, body: { unitId: f.unit.own.id, count: 2 } }; },
  },
  {
    op: 'POST /api/v1/par/survey/forms/{formId}/responses', rule: { kind: 'parManager', ok: 201 },
    request: async (f, _s, t) => { t.organiserUnitId = f.par.organiserUnitId; return { method: 'POST', url: `/api/v1/par/survey/forms/${(await f.par.surveyForm()).id}/responses`, body: { unitId: f.unit.own.id, answers: { c1: 'B' } } }; },
  },
  {
    op: 'GET /api/v1/par/rounds/{id}/survey/results', rule: { kind: 'parManager', ok: 200 },
    request: async (f, _s, t) => { t.organiserUnitId = f.par.organiserUnitId; return get(`/api/v1/par/rounds/${await f.par.round('self_assessment')}/survey/results`); },
  },
  { op: 'GET /api/v1/public/par/survey/{code}', rule: { kind: 'public', ok: 200 }, request: async (f) => get(`/api/v1/public/par/survey/${await f.par.surveyCode()}`) },
  { op: 'POST /api/v1/public/par/survey/{code}', rule: { kind: 'public', ok: 201 }, request: async (f) => ({ method: 'POST', url: `/api/v1/public/par/survey/${await f.par.surveyCode()}`, body: { respondent: { sex: 'female' }, answers: { c1: 'A' } } }) },
];
