import type { Relation } from './access-matrix.rules.js';
import type { Row } from './access-matrix.rows.js';

const UNITS: Relation[] = ['own', 'child', 'sibling', 'other'];
const get = (url: string) => ({ method: 'GET', url });

// Rows of the access matrix for the directives module (issue 15). Any staff member may ask for an
// outline, read the alias table and the lists (filtered to what they reach); the province's organisation
// administrators keep the table. A document, its tasks and periods are seen by the units that track or
// lead them (directive.read there, else 404); registering needs directive.register at the tracking unit,
// assigning directive.assign at the lead unit, and a unit's report either of the two at that unit.
export const DIRECTIVE_ROWS: Row[] = [
  {
    op: 'POST /api/v1/directives/outline', rule: { kind: 'signedIn', ok: 200 },
    request: () => ({ method: 'POST', url: '/api/v1/directives/outline', body: { text: 'UBND tỉnh yêu cầu:\n1. Sở Nội vụ chủ trì rà soát.' } }),
  },
  { op: 'GET /api/v1/directives/aliases', rule: { kind: 'signedIn', ok: 200 }, request: () => get('/api/v1/directives/aliases') },
  {
    op: 'POST /api/v1/directives/aliases', rule: { kind: 'provinceWide', perm: 'org.manage', ok: 201 },
    request: (f) => ({ method: 'POST', url: '/api/v1/directives/aliases', body: { unitId: f.unit.own.id, alias: f.unique('Tên gọi khác') } }),
  },
  {
    op: 'DELETE /api/v1/directives/aliases/{id}', rule: { kind: 'provinceWide', perm: 'org.manage', ok: 204 },
    request: async (f) => ({ method: 'DELETE', url: `/api/v1/directives/aliases/${await f.directiveAlias()}` }),
  },
  { op: 'GET /api/v1/directives/meta', rule: { kind: 'signedIn', ok: 200 }, request: () => get('/api/v1/directives/meta') },
  { op: 'GET /api/v1/directives', rule: { kind: 'signedIn', ok: 200 }, request: () => get('/api/v1/directives?status=active') },
  { op: 'GET /api/v1/directives/tasks', rule: { kind: 'signedIn', ok: 200 }, request: () => get('/api/v1/directives/tasks?scope=all&status=open') },
  {
    op: 'POST /api/v1/directives', rule: { kind: 'atUnit', perm: 'directive.register', visibleWith: 'directive.read', ok: 201 }, targets: UNITS,
    request: (f, _s, t) => ({ method: 'POST', url: '/api/v1/directives', body: {
      docType: 'TB', number: `7/${f.unique('TB-UBND')}`, issuer: 'Ủy ban nhân dân tỉnh', signedOn: '2026-02-01', subject: 'Thông báo kết luận',
      ownerUnitId: t.unit!.id, tasks: [{ ref: '1', content: 'Thực hiện kết luận', leads: [{ unitId: t.unit!.id }] }],
    } }),
  },
  {
    op: 'GET /api/v1/directives/assignees', rule: { kind: 'atUnit', perm: 'directive.assign', visibleWith: 'directive.read', ok: 200 }, targets: UNITS,
    request: (_f, _s, t) => get(`/api/v1/directives/assignees?unitId=${t.unit!.id}`),
  },
  {
    op: 'GET /api/v1/directives/{id}', rule: { kind: 'atUnit', perm: 'directive.read', visibleWith: 'directive.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => get(`/api/v1/directives/${(await f.directiveAt(t.relation as 'own')).documentId}`),
  },
  {
    op: 'GET /api/v1/directives/{id}/files/{key}', rule: { kind: 'atUnit', perm: 'directive.read', visibleWith: 'directive.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      const d = await f.directiveAt(t.relation as 'own');
      return get(`/api/v1/directives/${d.documentId}/files/${d.file}`);
    },
  },
  {
    op: 'PATCH /api/v1/directives/{id}', rule: { kind: 'atUnit', perm: 'directive.register', visibleWith: 'directive.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      const d = await f.directiveAt(t.relation as 'own');
      const version = (await f.json(`/api/v1/directives/${d.documentId}`) as { document: { version: number } }).document.version;
      return { method: 'PATCH', url: `/api/v1/directives/${d.documentId}`, body: { version, fields: ['Cải cách hành chính'] } };
    },
  },
  {
    op: 'POST /api/v1/directives/{id}/tasks', rule: { kind: 'atUnit', perm: 'directive.register', visibleWith: 'directive.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      const d = await f.directiveAt(t.relation as 'own');
      const version = (await f.json(`/api/v1/directives/${d.documentId}`) as { document: { version: number } }).document.version;
      return { method: 'POST', url: `/api/v1/directives/${d.documentId}/tasks`, body: { version, tasks: [{ ref: '2', content: 'Nhiệm vụ bổ sung', leads: [{ unitId: t.unit!.id }] }] } };
    },
  },
  {
    op: 'POST /api/v1/directives/{id}/periods', rule: { kind: 'atUnit', perm: 'directive.register', visibleWith: 'directive.read', ok: 201 }, targets: UNITS,
    request: async (f, _s, t) => ({ method: 'POST', url: `/api/v1/directives/${(await f.directiveAt(t.relation as 'own', true)).documentId}/periods`, body: { kind: 'year', year: 2026 } }),
  },
  {
    op: 'GET /api/v1/directives/tasks/{id}', rule: { kind: 'atUnit', perm: 'directive.read', visibleWith: 'directive.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => get(`/api/v1/directives/tasks/${(await f.directiveAt(t.relation as 'own')).taskId}`),
  },
  {
    op: 'POST /api/v1/directives/tasks/{id}/actions', rule: { kind: 'atUnitAny', perms: ['directive.assign', 'directive.register', 'directive.approve'], visibleWith: 'directive.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      const { taskId } = await f.directiveAt(t.relation as 'own');
      const version = (await f.json(`/api/v1/directives/tasks/${taskId}`) as { task: { version: number } }).task.version;
      return { method: 'POST', url: `/api/v1/directives/tasks/${taskId}/actions`, body: { action: 'note', version, text: 'Ghi chú của ma trận quyền' } };
    },
  },
  {
    op: 'GET /api/v1/directives/tasks/{id}/files/{key}', rule: { kind: 'atUnit', perm: 'directive.read', visibleWith: 'directive.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      const d = await f.directiveAt(t.relation as 'own');
      return get(`/api/v1/directives/tasks/${d.taskId}/files/${d.file}`);
    },
  },
  {
    op: 'GET /api/v1/directives/periods/{periodId}', rule: { kind: 'atUnit', perm: 'directive.read', visibleWith: 'directive.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => get(`/api/v1/directives/periods/${(await f.directiveAt(t.relation as 'own')).periodId}`),
  },
  {
    op: 'GET /api/v1/directives/periods/{periodId}/units/{unitId}', rule: { kind: 'atUnit', perm: 'directive.read', visibleWith: 'directive.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => get(`/api/v1/directives/periods/${(await f.directiveAt(t.relation as 'own')).periodId}/units/${t.unit!.id}`),
  },
  {
    op: 'PUT /api/v1/directives/periods/{periodId}/units/{unitId}', rule: { kind: 'atUnitAny', perms: ['directive.assign', 'directive.register'], visibleWith: 'directive.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => ({
      method: 'PUT', url: `/api/v1/directives/periods/${(await f.directiveAt(t.relation as 'own', true)).periodId}/units/${t.unit!.id}`,
      body: { version: 0, narrative: 'Đánh giá chung', results: [], submit: false },
    }),
  },
  {
    op: 'GET /api/v1/directives/periods/{periodId}/export/{format}', rule: { kind: 'atUnit', perm: 'directive.read', visibleWith: 'directive.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => get(`/api/v1/directives/periods/${(await f.directiveAt(t.relation as 'own')).periodId}/export/xlsx`),
  },
];
