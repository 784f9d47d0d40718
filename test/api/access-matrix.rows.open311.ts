import type { Row } from './access-matrix.rows.js';

// Rows of the access matrix for the Open311 module's administration: registered applications and their
// keys belong to the province, so only an administrator granted at the root of the org tree manages them.
// (The GeoReport v2 endpoints under /open311 are outside the OpenAPI document; their own suite covers them.)
export const OPEN311_ROWS: Row[] = [
  { op: 'GET /api/v1/open311/apps', rule: { kind: 'provinceAdminGrant', ok: 200 }, request: () => ({ method: 'GET', url: '/api/v1/open311/apps' }) },
  {
    op: 'POST /api/v1/open311/apps', rule: { kind: 'provinceAdminGrant', ok: 201 },
    request: (f) => ({ method: 'POST', url: '/api/v1/open311/apps', body: { name: f.unique('Ứng dụng Open311 '), contact: 'dev@example.vn' } }),
  },
  {
    op: 'POST /api/v1/open311/apps/{id}/revoke', rule: { kind: 'provinceAdminGrant', ok: 200 },
    request: async (f) => {
      const app = await f.open311.freshApp();
      return { method: 'POST', url: `/api/v1/open311/apps/${app.id}/revoke`, body: { version: app.version } };
    },
  },
];
