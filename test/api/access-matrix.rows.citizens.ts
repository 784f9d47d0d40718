import type { Req, Row } from './access-matrix.rows.js';
import type { CitizenRelation, Relation } from './access-matrix.rules.js';

// Rows of the access matrix for the citizen side (modules/citizens and modules/online). Records are
// the matrix citizen's own (citizenOwn → ok) or another citizen's (citizenOther → 404); every staff
// subject and the anonymous one get 401 (staff sessions are not read under /api/v1/citizen/).
const OWN_OR_OTHER: Relation[] = ['citizenOwn', 'citizenOther'];
const rel = (r: Relation | null) => r as CitizenRelation;
const get = (url: string): Req => ({ method: 'GET', url });

export const CITIZEN_ROWS: Row[] = [
  { op: 'GET /api/v1/citizen/me', rule: { kind: 'citizen', ok: 200 }, request: () => get('/api/v1/citizen/me') },
  {
    op: 'PATCH /api/v1/citizen/me', rule: { kind: 'citizen', ok: 200 },
    request: async (f) => ({ method: 'PATCH', url: '/api/v1/citizen/me', body: { version: await f.citizenVersion(), phone: '0912000111' } }),
  },
  // The e-ID sign-in's browser redirects: open to anyone; with no provider configured (as here) they
  // send the browser to the sign-in page with the reason, for every caller alike.
  { op: 'GET /api/v1/citizen/auth/start', rule: { kind: 'public', ok: 302 }, request: () => ({ method: 'GET', url: '/api/v1/citizen/auth/start?returnTo=/cong-dan/tai-khoan' }) },
  { op: 'GET /api/v1/citizen/auth/callback', rule: { kind: 'public', ok: 302 }, request: () => ({ method: 'GET', url: '/api/v1/citizen/auth/callback?code=c&state=s' }) },

  // ---- online filing, documents, my dossiers (modules/online) ------------------------------------
  { op: 'POST /api/v1/citizen/files', rule: { kind: 'citizen', ok: 201 }, request: (f) => ({ method: 'POST', url: '/api/v1/citizen/files', ...f.multipart(`${f.unique('giay-to')}.pdf`, Buffer.from(`%PDF-1.4\n% ${f.unique('m')}\n`), 'application/pdf') }) },
  { op: 'GET /api/v1/citizen/documents', rule: { kind: 'citizen', ok: 200 }, request: () => get('/api/v1/citizen/documents') },
  {
    op: 'GET /api/v1/citizen/documents/{id}/file', rule: { kind: 'citizen', ok: 200 }, targets: OWN_OR_OTHER,
    request: (f, _s, t) => get(`/api/v1/citizen/documents/${f.citizen.file[rel(t.relation)]}/file`),
  },
  { op: 'GET /api/v1/citizen/dossiers', rule: { kind: 'citizen', ok: 200 }, request: () => get('/api/v1/citizen/dossiers') },
  { op: 'POST /api/v1/citizen/dossiers', rule: { kind: 'citizen', ok: 201 }, request: () => ({ method: 'POST', url: '/api/v1/citizen/dossiers', body: { procedureCode: '1.001193' } }) },
  {
    op: 'GET /api/v1/citizen/dossiers/{id}', variant: 'dossier', rule: { kind: 'citizen', ok: 200 }, targets: OWN_OR_OTHER,
    request: (f, _s, t) => get(`/api/v1/citizen/dossiers/${f.citizen.dossier[rel(t.relation)]}`),
  },
  {
    op: 'GET /api/v1/citizen/dossiers/{id}', variant: 'draft', rule: { kind: 'citizen', ok: 200 }, targets: OWN_OR_OTHER,
    request: async (f, _s, t) => get(`/api/v1/citizen/dossiers/${(await f.citizen.draft(rel(t.relation))).id}`),
  },
  {
    op: 'PATCH /api/v1/citizen/dossiers/{id}', rule: { kind: 'citizen', ok: 200 }, targets: OWN_OR_OTHER,
    request: async (f, _s, t) => {
      const d = await f.citizen.draft(rel(t.relation));
      return { method: 'PATCH', url: `/api/v1/citizen/dossiers/${d.id}`, body: { version: d.version, request: 'Sửa nội dung' } };
    },
  },
  {
    op: 'DELETE /api/v1/citizen/dossiers/{id}', rule: { kind: 'citizen', ok: 204 }, targets: OWN_OR_OTHER,
    request: async (f, _s, t) => ({ method: 'DELETE', url: `/api/v1/citizen/dossiers/${(await f.citizen.draft(rel(t.relation))).id}` }),
  },
  {
    op: 'POST /api/v1/citizen/dossiers/{id}/submit', rule: { kind: 'citizen', ok: 201 }, targets: OWN_OR_OTHER,
    request: async (f, _s, t) => ({ method: 'POST', url: `/api/v1/citizen/dossiers/${await f.citizen.completeDraft(rel(t.relation))}/submit`, body: { idempotencyKey: f.unique('matrix-submit') } }),
  },
  {
    op: 'POST /api/v1/citizen/dossiers/{id}/supplement', rule: { kind: 'citizen', ok: 200 }, targets: OWN_OR_OTHER,
    request: async (f, _s, t) => ({
      method: 'POST', url: `/api/v1/citizen/dossiers/${await f.citizen.awaitingSupplement(rel(t.relation))}/supplement`,
      body: { documents: [{ name: 'Giấy chứng sinh', fileId: f.citizen.supplementFile(rel(t.relation)) }] },
    }),
  },
  // Paying online: the payments module opens an order at the (local) gateway and answers its address.
  {
    op: 'POST /api/v1/citizen/dossiers/{id}/pay', rule: { kind: 'citizen', ok: 200 }, targets: OWN_OR_OTHER,
    request: async (f, _s, t) => ({ method: 'POST', url: `/api/v1/citizen/dossiers/${await f.citizen.awaitingPayment(rel(t.relation))}/pay` }),
  },
  {
    op: 'POST /api/v1/citizen/dossiers/{id}/rating', rule: { kind: 'citizen', ok: 201 }, targets: OWN_OR_OTHER,
    request: async (f, _s, t) => ({ method: 'POST', url: `/api/v1/citizen/dossiers/${await f.citizen.resultReady(rel(t.relation))}/rating`, body: { level: 'satisfied' } }),
  },
  {
    op: 'GET /api/v1/citizen/dossiers/{id}/slips/{form}.pdf', rule: { kind: 'citizen', ok: 200 }, targets: OWN_OR_OTHER,
    request: (f, _s, t) => get(`/api/v1/citizen/dossiers/${f.citizen.dossier[rel(t.relation)]}/slips/01.pdf`),
  },
  // Last: it ends the citizen's session (the suite signs in afresh for it, and rows after it would reuse the ended one).
  { op: 'POST /api/v1/citizen/logout', rule: { kind: 'citizen', ok: 204 }, selfDestructive: true, request: () => ({ method: 'POST', url: '/api/v1/citizen/logout' }) },
];
