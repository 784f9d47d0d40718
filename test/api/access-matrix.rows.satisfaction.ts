import type { Req, Row } from './access-matrix.rows.js';
import type { Relation } from './access-matrix.rules.js';

// Rows of the access matrix for the satisfaction module (issue 12 item 3): the desk's kiosk code and
// paper slips (whoever moves the dossier on: its desk, the unit holding it), the reach-limited report,
// and the kiosk's public endpoints (bound by a one-time code, not by a session).
const DOSSIERS: Relation[] = ['child', 'sibling', 'other'];
const UNITS: Relation[] = ['own', 'child', 'sibling', 'other'];
const get = (url: string): Req => ({ method: 'GET', url });
const today = '2026-03-02';

export const SATISFACTION_ROWS: Row[] = [
  // Shown again without `renew`: the same live code each time, so every subject can ask.
  {
    op: 'POST /api/v1/dossiers/{code}/rating-code', rule: { kind: 'dossierActOn', ok: 200 }, targets: DOSSIERS,
    request: (f, _s, t) => ({ method: 'POST', url: `/api/v1/dossiers/${f.dossierAt[t.relation as 'child']}/rating-code`, body: {} }),
  },
  // One rating per dossier: each request rates a dossier freshly received at the relation's desk.
  {
    op: 'POST /api/v1/dossiers/{code}/rating', rule: { kind: 'dossierActOn', ok: 201 }, targets: DOSSIERS,
    request: async (f, _s, t) => ({ method: 'POST', url: `/api/v1/dossiers/${await f.freshDossier(t.relation as 'child')}/rating`, body: { level: 'satisfied' } }),
  },
  { op: 'GET /api/v1/satisfaction', rule: { kind: 'anywhere', perms: ['dossier.read'], ok: 200 }, request: () => get(`/api/v1/satisfaction?from=${today}&to=${today}&groupBy=official`) },
  {
    op: 'GET /api/v1/satisfaction', variant: 'unit', rule: { kind: 'listAtUnit', perm: 'dossier.read', ok: 200 }, targets: UNITS,
    request: (_f, _s, t) => get(`/api/v1/satisfaction?from=${today}&to=${today}&unitId=${t.unitId}`),
  },
  // The kiosk: no session is read; the code is what binds it to a dossier.
  { op: 'POST /api/v1/public/ratings/check', rule: { kind: 'public', ok: 200 }, request: async (f) => ({ method: 'POST', url: '/api/v1/public/ratings/check', body: { code: await f.ratingCode(false) } }) },
  { op: 'POST /api/v1/public/ratings', rule: { kind: 'public', ok: 201 }, request: async (f) => ({ method: 'POST', url: '/api/v1/public/ratings', body: { code: await f.ratingCode(true), level: 'very_satisfied' } }) },
  { op: 'GET /api/v1/public/satisfaction', rule: { kind: 'public', ok: 200 }, request: () => get(`/api/v1/public/satisfaction?from=${today}&to=${today}`) },
];
