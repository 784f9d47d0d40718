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
  {
    op: 'GET /api/v1/reports/dashboard', rule: { kind: 'listAtUnit', perm: 'report.read', ok: 200 }, targets: UNITS,
    request: (_f, _s, t) => get(`/api/v1/reports/dashboard?from=2025-12-15&to=2026-06-14&unit=${t.unit!.code}`),
  },
  // The province's published figures: counts only, for anyone.
  { op: 'GET /api/v1/public/statistics', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/public/statistics?year=2026') },
  { op: 'GET /api/v1/reports/archive', rule: { kind: 'anywhere', perms: ['report.read'], ok: 200 }, request: () => get('/api/v1/reports/archive') },
  {
    // The matrix's database has no kept report yet (the daily job has not run): a kept report is
    // 404 to everyone signed in, as one outside reach is. Reach itself: archive.api.test.ts.
    op: 'GET /api/v1/reports/archive/{id}/{format}', rule: { kind: 'ownRecord', ok: 200 }, targets: ['another'],
    request: () => get('/api/v1/reports/archive/2147483000/xlsx'),
  },
  { op: 'GET /api/v1/reports/ii07b', rule: { kind: 'anywhere', perms: ['report.read'], ok: 200 }, request: () => get('/api/v1/reports/ii07b?from=2025-12-15&to=2026-06-14') },
  { op: 'GET /api/v1/reports/periods', rule: { kind: 'signedIn', ok: 200 }, request: () => get('/api/v1/reports/periods?year=2026') },
  {
    op: 'GET /api/v1/reports/service-index', rule: { kind: 'listAtUnit', perm: 'report.read', ok: 200 }, targets: UNITS,
    request: (_f, _s, t) => get(`/api/v1/reports/service-index?from=2025-12-15&to=2026-06-14&unit=${t.unit!.code}`),
  },
  {
    op: 'GET /api/v1/reports/ii06a/dossiers', rule: { kind: 'listAtUnit', perm: 'report.read', ok: 200 }, targets: UNITS,
    request: (_f, _s, t) => get(`/api/v1/reports/ii06a/dossiers?from=2025-12-15&to=2026-06-14&unit=${t.unit!.code}&groupBy=unit&column=received.total&limit=5`),
  },
  {
    op: 'GET /api/v1/reports/service-index/dossiers', rule: { kind: 'listAtUnit', perm: 'report.read', ok: 200 }, targets: UNITS,
    request: (_f, _s, t) => get(`/api/v1/reports/service-index/dossiers?from=2025-12-15&to=2026-06-14&unit=${t.unit!.code}&indicator=2.1&limit=5`),
  },
  { op: 'GET /api/v1/reports/service-index/versions', rule: { kind: 'anywhere', perms: ['report.read', 'report.manage'], ok: 200 }, request: () => get('/api/v1/reports/service-index/versions') },
  {
    // Replaces the demo version with itself (the revision read just before): the province's configuration.
    op: 'PUT /api/v1/reports/service-index/versions/{effectiveFrom}', rule: { kind: 'provinceWide', perm: 'report.manage', ok: 200 },
    request: async (f) => {
      const { items } = (await f.json('/api/v1/reports/service-index/versions')) as { items: { effectiveFrom: string; revision: number; definition: unknown }[] };
      const v = items[0]!;
      return { method: 'PUT', url: `/api/v1/reports/service-index/versions/${v.effectiveFrom}`, body: { revision: v.revision, definition: v.definition } };
    },
  },
];
