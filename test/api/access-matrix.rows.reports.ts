import type { Req, Row } from './access-matrix.rows.js';
import type { Relation } from './access-matrix.rules.js';

// Rows of the access matrix for the reports module (issue 13): a report over a unit's subtree needs
// report.read there; a unit outside the caller's reach is not revealed (404).
const UNITS: Relation[] = ['own', 'child', 'sibling', 'other'];
const get = (url: string): Req => ({ method: 'GET', url });

export const REPORT_ROWS: Row[] = [
  {
    op: 'GET /api/v1/reports/ii06a', rule: { kind: 'listAtUnit', perm: 'report.read', ok: 200 }, targets: UNITS,
    request: (_f, _s, t) => get(`/api/v1/reports/ii06a?from=2025-12-15&to=2026-06-14&unit=${t.unit!.code}&groupBy=unit`),
  },
  { op: 'GET /api/v1/reports/ii07b', rule: { kind: 'anywhere', perms: ['report.read'], ok: 200 }, request: () => get('/api/v1/reports/ii07b?from=2025-12-15&to=2026-06-14') },
  { op: 'GET /api/v1/reports/periods', rule: { kind: 'signedIn', ok: 200 }, request: () => get('/api/v1/reports/periods?year=2026') },
];
