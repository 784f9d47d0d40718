import type { Relation } from './access-matrix.rules.js';
import type { Req, Row } from './access-matrix.rows.js';

// Rows of the access matrix for the inspection report and the case documents (issue 18 scope 4). A report
// over a unit's subtree needs report.read there; a unit outside reach is not revealed (404). A case document
// is printed from the case's own answer: complaint.read (discipline.read) at the handling (disciplining)
// unit, else 404. No matrix subject is on a case's team, so none of them gets the denouncer in the PDF
// (reports.api.test.ts reads the text); the public summary is for anyone.
const UNITS: Relation[] = ['own', 'child', 'sibling', 'other'];
const get = (url: string): Req => ({ method: 'GET', url });
const P = '/api/v1/inspection';
const PERIOD = 'from=2026-01-01&to=2026-03-02';

export const INSPECTION_REPORT_ROWS: Row[] = [
  ...['reports', 'reports.xlsx', 'reports.pdf'].map((path): Row => ({
    op: `GET ${P}/${path}`, rule: { kind: 'listAtUnit', perm: 'report.read', ok: 200 }, targets: UNITS,
    request: (_f, _s, t) => get(`${P}/${path}?${PERIOD}&unitId=${t.unitId}`),
  })),
  {
    op: `GET ${P}/cases/{id}/documents/{kind}.pdf`, variant: 'acceptance', rule: { kind: 'listAtUnit', perm: 'complaint.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => get(`${P}/cases/${await f.inspection.keptCase(t.unitId!)}/documents/acceptance.pdf`),
  },
  {
    op: `GET ${P}/cases/{id}/documents/{kind}.pdf`, variant: 'conclusion', rule: { kind: 'listAtUnit', perm: 'complaint.read', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => get(`${P}/cases/${(await f.inspection.freshCase(t.unitId!, 'concluded')).id}/documents/conclusion.pdf`),
  },
  {
    // The fixture keeps no decided discipline case: a reader passes the access check and is told the case
    // has no decision yet (409 DOCUMENT_NOT_READY); anyone else does not learn the case exists (404).
    // The decided case's 200 is in reports.api.test.ts.
    op: `GET ${P}/discipline/{id}/documents/decision.pdf`, rule: { kind: 'listAtUnit', perm: 'discipline.read', ok: 409 }, targets: UNITS,
    request: async (f, _s, t) => get(`${P}/discipline/${await f.inspection.keptDiscipline(t.unitId!)}/documents/decision.pdf`),
  },
  { op: 'GET /api/v1/public/inspection-summary', rule: { kind: 'public', ok: 200 }, request: () => get('/api/v1/public/inspection-summary?year=2026') },
];
