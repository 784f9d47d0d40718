import { can, type Actor } from '../../src/platform/access/policy.js';
import type { Relation, Rule, Subject, Target, UnitRelation } from './access-matrix.rules.js';
import type { Req, Row } from './access-matrix.rows.js';

const get = (url: string): Req => ({ method: 'GET', url });
const UNITS: Relation[] = ['own', 'child', 'sibling', 'other'];
const P = '/api/v1/reform-budget';

// Rows of the access matrix for the reform budget (Directive 16 item 7e; issue 20 scope 5;
// reform-budget.service.ts): a unit's lines and their changes are read with budget.read at the unit, else 404
// (the unit is not revealed); kept with budget.manage there, else 403 to a reader. Lines belong to agencies,
// not sections: the child relation's lines are those of the office the quality fixture made under the child
// section, which every subject's grant reaches as it reaches the section. The unit picker and the yearly
// summary cover what the caller reads, whatever it is (signed in: 200).
const reads: Rule = { kind: 'listAtUnit', perm: 'budget.read', ok: 200 };
const manages = (ok: number): Rule => ({ kind: 'atUnit', perm: 'budget.manage', visibleWith: 'budget.read', ok });
const rel = (t: Target) => t.relation as UnitRelation;
/** The relation's agency a list row must show: set by the row's request, read by its check. */
let expectedUnit = 0;

/** The agency is in the answer exactly when budget.read reaches there. */
const within = (units: (body: unknown) => number[]) => (body: unknown, s: Subject, t: Target) => {
  const listed = units(body).includes(expectedUnit);
  if (listed !== can(s.actor as Actor, 'budget.read', t.unitId!)) throw new Error(`the budget of ${t.relation} ${listed ? 'shown' : 'not shown'} to ${s.name}`);
};

export const REFORM_BUDGET_ROWS: Row[] = [
  {
    op: `GET ${P}/units`, rule: { kind: 'signedIn', ok: 200 }, targets: UNITS,
    request: (f, _s, t) => { expectedUnit = f.quality.agency[rel(t)]; return get(`${P}/units`); },
    check: within((b) => (b as { items: { unitId: number }[] }).items.map((i) => i.unitId)),
  },
  { op: `GET ${P}/lines`, rule: reads, targets: UNITS, request: (f, _s, t) => get(`${P}/lines?unitId=${f.quality.agency[rel(t)]}&year=2026`) },
  {
    op: `POST ${P}/lines`, rule: manages(201), targets: UNITS,
    request: (f, _s, t) => ({ method: 'POST', url: `${P}/lines`, body: { unitId: f.quality.agency[rel(t)], year: 2026, activityKind: 'training', title: 'Tập huấn nghiệp vụ cải cách hành chính', plannedVnd: 20_000_000 } }),
  },
  { op: `GET ${P}/lines/{id}`, rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${P}/lines/${(await f.quality.budgetLine(rel(t))).id}`) },
  {
    op: `PUT ${P}/lines/{id}`, rule: manages(200), targets: UNITS,
    request: async (f, _s, t) => {
      const line = await f.quality.budgetLine(rel(t));
      return { method: 'PUT', url: `${P}/lines/${line.id}`, body: { version: line.version, note: `Ghi chú số ${f.quality.unique()}`, reason: 'Cập nhật theo báo cáo quý I' } };
    },
  },
  { op: `GET ${P}/lines/{id}/changes`, rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${P}/lines/${(await f.quality.budgetLine(rel(t))).id}/changes`) },
  {
    op: `GET ${P}/summary`, rule: { kind: 'signedIn', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => { await f.quality.budgetLine(rel(t)); expectedUnit = f.quality.agency[rel(t)]; return get(`${P}/summary?year=2026`); },
    check: within((b) => (b as { units: { unitId: number }[] }).units.map((u) => u.unitId)),
  },
  { op: `GET ${P}/summary.xlsx`, rule: { kind: 'signedIn', ok: 200 }, request: () => get(`${P}/summary.xlsx?year=2026`) },
];
