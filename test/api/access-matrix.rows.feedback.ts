import type { Req, Row } from './access-matrix.rows.js';
import type { CitizenRelation, Relation, UnitRelation } from './access-matrix.rules.js';

// Rows of the access matrix for feedback (PAKN, modules/feedback). Items are held by a unit
// (its subtree reads with feedback.read, handles with feedback.handle); the configuration is the
// province's (feedback.manage at a root). Conduct visibility is tested in feedback.visibility.api.test.ts.
const UNITS: Relation[] = ['own', 'child', 'sibling', 'other'];
const OWN_OR_OTHER: Relation[] = ['citizenOwn', 'citizenOther'];
const get = (url: string): Req => ({ method: 'GET', url });
const u = (r: Relation | null) => r as UnitRelation;
const c = (r: Relation | null) => r as CitizenRelation;

export const FEEDBACK_ROWS: Row[] = [
  { op: 'GET /api/v1/public/feedback/categories', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/public/feedback/categories') },
  {
    op: 'POST /api/v1/public/feedback', rule: { kind: 'public', ok: 201 },
    request: () => ({ method: 'POST', url: '/api/v1/public/feedback', body: { categoryCode: 'hoi-dap', about: { kind: 'other' }, title: 'Hỏi', content: 'Nội dung', submitter: { name: 'Người hỏi', phone: '0912000333' }, consentToPublish: false } }),
  },
  { op: 'GET /api/v1/public/feedback/published', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/public/feedback/published?limit=5') },
  { op: 'GET /api/v1/public/feedback/published/{code}', rule: { kind: 'public', ok: 200 }, request: (f) => get(`/api/v1/public/feedback/published/${f.feedback.published}`) },
  { op: 'GET /api/v1/public/feedback/stats', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/public/feedback/stats?from=2026-01-01&to=2026-03-31') },
  { op: 'GET /api/v1/public/feedback/{code}', rule: { kind: 'public', ok: 200 }, request: (f) => get(`/api/v1/public/feedback/${f.feedback.at.other.code}?secret=${f.feedback.at.other.secret}`) },

  {
    op: 'POST /api/v1/citizen/feedback', rule: { kind: 'citizen', ok: 201 },
    request: () => ({ method: 'POST', url: '/api/v1/citizen/feedback', body: { categoryCode: 'thu-tuc', about: { kind: 'other' }, title: 'Hồ sơ chậm', content: 'Nội dung', consentToPublish: true } }),
  },
  { op: 'GET /api/v1/citizen/feedback', rule: { kind: 'citizen', ok: 200 }, request: () => get('/api/v1/citizen/feedback') },
  { op: 'GET /api/v1/citizen/feedback/{code}', rule: { kind: 'citizen', ok: 200 }, targets: OWN_OR_OTHER, request: (f, _s, t) => get(`/api/v1/citizen/feedback/${f.feedback.citizen[c(t.relation)]}`) },
  {
    op: 'POST /api/v1/citizen/feedback/{code}/withdraw', rule: { kind: 'citizen', ok: 200 }, targets: OWN_OR_OTHER,
    request: async (f, _s, t) => ({ method: 'POST', url: `/api/v1/citizen/feedback/${await f.feedback.freshOfCitizen(c(t.relation))}/withdraw`, body: {} }),
  },

  { op: 'GET /api/v1/feedback', rule: { kind: 'signedIn', ok: 200 }, request: () => get('/api/v1/feedback?limit=5') },
  {
    op: 'POST /api/v1/feedback', rule: { kind: 'anywhere', perms: ['feedback.handle'], ok: 201 },
    request: () => ({ method: 'POST', url: '/api/v1/feedback', body: { channel: 'phone', categoryCode: 'hoi-dap', about: { kind: 'other' }, title: 'Gọi điện hỏi', content: 'Nội dung', submitter: { name: 'Người gọi', phone: '0912000444' }, consentToPublish: false } }),
  },
  { op: 'GET /api/v1/feedback/categories', rule: { kind: 'anywhere', perms: ['feedback.read', 'feedback.manage'], ok: 200 }, request: () => get('/api/v1/feedback/categories') },
  {
    op: 'PUT /api/v1/feedback/categories/{code}', rule: { kind: 'provinceWide', perm: 'feedback.manage', ok: 200 },
    request: async (f) => {
      const { items } = (await f.json('/api/v1/feedback/categories')) as { items: { code: string; name: unknown; description: unknown; deadlineDays: number; coordinationDeadlineDays: number | null; conduct: boolean; active: boolean; sortOrder: number; version: number }[] };
      const { code, ...cat } = items.find((i) => i.code === 'phuc-vu')!;
      return { method: 'PUT', url: `/api/v1/feedback/categories/${code}`, body: cat };
    },
  },
  { op: 'GET /api/v1/feedback/settings', rule: { kind: 'anywhere', perms: ['feedback.read', 'feedback.manage'], ok: 200 }, request: () => get('/api/v1/feedback/settings') },
  {
    op: 'PUT /api/v1/feedback/settings', rule: { kind: 'provinceWide', perm: 'feedback.manage', ok: 200 },
    request: async (f) => {
      const s = (await f.json('/api/v1/feedback/settings')) as { receivingUnitId: number | null; conductOversightUnitId: number | null };
      return { method: 'PUT', url: '/api/v1/feedback/settings', body: { receivingUnitId: s.receivingUnitId, conductOversightUnitId: s.conductOversightUnitId } };
    },
  },
  {
    op: 'GET /api/v1/feedback/{code}', rule: { kind: 'atUnit', perm: 'feedback.read', visibleWith: 'feedback.read', ok: 200 }, targets: UNITS,
    request: (f, _s, t) => get(`/api/v1/feedback/${f.feedback.at[u(t.relation)].code}`),
  },
  {
    op: 'POST /api/v1/feedback/{code}/actions', rule: { kind: 'atUnit', perm: 'feedback.handle', visibleWith: 'feedback.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => {
      const code = await f.feedback.fresh(u(t.relation));
      return { method: 'POST', url: `/api/v1/feedback/${code}/actions`, body: { action: 'note', version: await f.version(`/api/v1/feedback/${code}`), text: 'Ghi chú của ma trận' } };
    },
  },
  {
    op: 'GET /api/v1/feedback/{code}/files/{key}', rule: { kind: 'atUnit', perm: 'feedback.read', visibleWith: 'feedback.read', ok: 200 }, targets: UNITS,
    request: (f, _s, t) => { const it = f.feedback.at[u(t.relation)]; return get(`/api/v1/feedback/${it.code}/files/${it.key}`); },
  },
];
