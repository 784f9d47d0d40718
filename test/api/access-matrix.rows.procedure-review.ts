import { can, hasProvinceWide, type Actor, type Permission } from '../../src/platform/access/policy.js';
import { PARAMETERS_YEAR, type ProcedureReviewFixture } from './access-matrix.procedure-review-fixture.js';
import type { Relation, Rule, Subject, Target, UnitRelation } from './access-matrix.rules.js';
import type { Fixture, Req, Row } from './access-matrix.rows.js';

const get = (url: string): Req => ({ method: 'GET', url });
const UNITS: Relation[] = ['own', 'child', 'sibling', 'other'];
const P = '/api/v1/procedure-review';

// Rows of the access matrix for reviewing and simplifying procedures (issue 21; src/modules/procedure-review/
// API.md "Who"): an agency's reviews, review plans, simplification plans and compliance costs are read with
// review.read where one works (at the agency or a unit inside it), else 404 (the agency is not revealed);
// drafted, edited, submitted and proposed with review.manage; approved, returned and rejected with
// review.approve; a reader without the right gets 403. Lists across agencies answer every signed-in caller
// with what it reads. The parameters are read by anyone with review.read anywhere and written only with
// catalog.manage granted province-wide. The fixture (access-matrix.procedure-review-fixture.ts) makes every
// record as the root administrator at each relation's agency, or at an office under the relation's unit.
const reads: Rule = { kind: 'listAtUnit', perm: 'review.read', ok: 200 };
const by = (perm: Permission, ok = 200): Rule => ({ kind: 'atUnit', perm, visibleWith: 'review.read', ok });
const rel = (t: Target) => t.relation as UnitRelation;
/** The module's fixture, made in the suite's setup after the quality fixture (whose agencies it uses). */
const pr = (f: Fixture): ProcedureReviewFixture => {
  const made = (f as Fixture & { procedureReview?: ProcedureReviewFixture }).procedureReview;
  if (!made) throw new Error('access-matrix.api.test.ts setUp must make f.procedureReview = await procedureReviewFixture(t, asRoot, unit, f.quality.agency)');
  return made;
};
/** The record (or agency) of the relation a list must show: set by the row's request, read by its check. */
let expectedId = 0;

/** A list across agencies shows the relation's record exactly when the caller reads there. */
const listsWithin = (ids: (body: unknown) => number[]) => (body: unknown, s: Subject, t: Target) => {
  const listed = ids(body).includes(expectedId);
  if (listed !== can(s.actor as Actor, 'review.read', t.unitId!)) throw new Error(`record ${expectedId} of ${t.relation} ${listed ? 'listed' : 'not listed'} to ${s.name}`);
};
const items = (body: unknown) => (body as { items: { id: number }[] }).items.map((i) => i.id);

const reviewAction = (action: 'submit' | 'approve' | 'return', perm: Permission, state: 'ready' | 'submitted'): Row => ({
  op: `POST ${P}/reviews/{id}/actions`, variant: action, rule: by(perm), targets: UNITS,
  request: async (f, _s, t) => {
    const r = await pr(f).review(rel(t), state);
    return { method: 'POST', url: `${P}/reviews/${r.id}/actions`, body: { action, version: r.version, ...(action === 'return' ? { note: 'Đề nghị bổ sung số liệu về chi phí đi lại.' } : {}) } };
  },
});

const planAction = (action: 'propose' | 'approve' | 'reject' | 'return', perm: Permission): Row => ({
  op: `POST ${P}/plans/{id}/actions`, variant: action, rule: by(perm), targets: UNITS,
  request: async (f, _s, t) => {
    const p = await pr(f).plan(rel(t), action === 'propose' ? 'draft' : 'proposed');
    return { method: 'POST', url: `${P}/plans/${p.id}/actions`, body: { action, version: p.version, ...(action === 'propose' ? {} : { note: 'Ý kiến của lãnh đạo cơ quan.' }) } };
  },
});

export const PROCEDURE_REVIEW_ROWS: Row[] = [
  // ---- parameters (part A) ---------------------------------------------------------------------------
  {
    op: `GET ${P}/parameters`, rule: { kind: 'anywhere', perms: ['review.read'], ok: 200 }, request: () => get(`${P}/parameters`),
    check: (body, s) => {
      const b = body as { mayEdit: boolean; items: { year: number }[] };
      if (b.mayEdit !== hasProvinceWide(s.actor as Actor, 'catalog.manage')) throw new Error(`mayEdit ${b.mayEdit} for ${s.name}`);
      if (!b.items.some((i) => i.year === PARAMETERS_YEAR)) throw new Error(`the fixture's parameters year ${PARAMETERS_YEAR} is not listed`);
    },
  },
  {
    op: `PUT ${P}/parameters/{year}`, rule: { kind: 'provinceWide', perm: 'catalog.manage', ok: 200 },
    request: async (f) => {
      const p = await pr(f).parameters();
      return { method: 'PUT', url: `${P}/parameters/${p.year}`, body: {
        monthlyIncomeVnd: 5_400_000 + pr(f).unique(), workingDaysPerMonth: 22, hoursPerDay: 8, source: 'Thu nhập bình quân đầu người một tháng (ma trận quyền, sửa)', version: p.version,
        defaults: { informationHours: 1, formHours: 1, documentHours: 0.5, certifyHours: 0.5, certifyVndPerCopy: 2000, copyVndPerCopy: 500, travelHours: 1, waitingHours: 0.5, travelVnd: 30_000, supplementHours: 1 },
      } };
    },
  },

  // ---- costs and the ranking (part B) ------------------------------------------------------------------
  {
    op: `GET ${P}/units`, rule: { kind: 'signedIn', ok: 200 }, targets: UNITS,
    request: (f, _s, t) => { expectedId = pr(f).agency[rel(t)]; return get(`${P}/units`); },
    check: (body, s, t) => {
      listsWithin(items)(body, s, t);
      const row = (body as { items: { id: number; manage: boolean; approve: boolean }[] }).items.find((i) => i.id === expectedId);
      const a = s.actor as Actor;
      if (row && (row.manage !== can(a, 'review.manage', t.unitId!) || row.approve !== can(a, 'review.approve', t.unitId!))) {
        throw new Error(`${s.name} at ${t.relation}: manage ${row.manage}, approve ${row.approve}`);
      }
    },
  },
  { op: `GET ${P}/costs`, rule: reads, targets: UNITS, request: (f, _s, t) => get(`${P}/costs?unitId=${pr(f).agency[rel(t)]}`) },
  { op: `GET ${P}/costs/{code}`, rule: reads, targets: UNITS, request: (f, _s, t) => get(`${P}/costs/${pr(f).procedureCode}?unitId=${pr(f).agency[rel(t)]}`) },

  // ---- review forms (part C) ----------------------------------------------------------------------------
  {
    op: `GET ${P}/reviews`, rule: { kind: 'signedIn', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => { expectedId = (await pr(f).keptReview(rel(t))).id; return get(`${P}/reviews?year=${pr(f).year}`); },
    check: listsWithin(items),
  },
  {
    op: `POST ${P}/reviews`, rule: by('review.manage', 201), targets: UNITS,
    request: async (f, _s, t) => ({ method: 'POST', url: `${P}/reviews`, body: { procedureCode: pr(f).procedureCode, agencyUnitId: await pr(f).reviewAgency(rel(t)), year: pr(f).year } }),
  },
  { op: `GET ${P}/reviews/{id}`, rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${P}/reviews/${(await pr(f).keptReview(rel(t))).id}`) },
  {
    op: `PUT ${P}/reviews/{id}`, rule: by('review.manage'), targets: UNITS,
    request: async (f, _s, t) => {
      const r = await pr(f).keptReview(rel(t));
      return { method: 'PUT', url: `${P}/reviews/${r.id}`, body: { answers: {}, estimates: {}, recommendation: null, conclusion: `Đang rà soát (lần ${pr(f).unique()}).`, version: r.version } };
    },
  },
  reviewAction('submit', 'review.manage', 'ready'),
  reviewAction('approve', 'review.approve', 'submitted'),
  reviewAction('return', 'review.approve', 'submitted'),
  { op: `GET ${P}/reviews/{id}/form.docx`, rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${P}/reviews/${(await pr(f).keptReview(rel(t))).id}/form.docx`) },
  { op: `GET ${P}/reviews/{id}/form.pdf`, rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${P}/reviews/${(await pr(f).keptReview(rel(t))).id}/form.pdf`) },

  // ---- yearly review plans (part D) ---------------------------------------------------------------------
  {
    op: `GET ${P}/review-plans`, rule: { kind: 'signedIn', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => { expectedId = (await pr(f).keptReviewPlan(rel(t))).id; return get(`${P}/review-plans?year=${pr(f).year}`); },
    check: listsWithin(items),
  },
  {
    op: `POST ${P}/review-plans`, rule: by('review.manage', 201), targets: UNITS,
    request: async (f, _s, t) => ({ method: 'POST', url: `${P}/review-plans`, body: {
      agencyUnitId: await pr(f).reviewPlanAgency(rel(t)), year: pr(f).year, title: 'Kế hoạch rà soát, đánh giá TTHC năm 2026', items: [{ procedureCode: pr(f).procedureCode, dueOn: '2026-09-30' }],
    } }),
  },
  { op: `GET ${P}/review-plans/{id}`, rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${P}/review-plans/${(await pr(f).keptReviewPlan(rel(t))).id}`) },
  {
    op: `PUT ${P}/review-plans/{id}`, rule: by('review.manage'), targets: UNITS,
    request: async (f, _s, t) => {
      const p = await pr(f).keptReviewPlan(rel(t));
      return { method: 'PUT', url: `${P}/review-plans/${p.id}`, body: {
        title: `Kế hoạch rà soát TTHC năm 2026 (sửa lần ${pr(f).unique()})`, items: [{ procedureCode: pr(f).procedureCode, dueOn: '2026-07-31' }], version: p.version,
      } };
    },
  },
  {
    op: `POST ${P}/review-plans/{id}/actions`, rule: by('review.approve'), targets: UNITS,
    request: async (f, _s, t) => {
      const p = await pr(f).draftReviewPlan(rel(t));
      return { method: 'POST', url: `${P}/review-plans/${p.id}/actions`, body: { action: 'approve', version: p.version } };
    },
  },

  // ---- simplification plans (part E) --------------------------------------------------------------------
  {
    op: `GET ${P}/plans`, rule: { kind: 'signedIn', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => { expectedId = (await pr(f).keptPlan(rel(t))).id; return get(`${P}/plans?year=${pr(f).year}`); },
    check: listsWithin(items),
  },
  {
    op: `POST ${P}/plans`, rule: by('review.manage', 201), targets: UNITS,
    request: (f, _s, t) => ({ method: 'POST', url: `${P}/plans`, body: {
      procedureCode: pr(f).procedureCode, agencyUnitId: pr(f).agency[rel(t)], year: pr(f).year, title: 'Phương án đơn giản hóa thủ tục đăng ký khai sinh',
      changes: { removeDocuments: [pr(f).document], reuseDocuments: [], fees: [] },
    } }),
  },
  { op: `GET ${P}/plans/{id}`, rule: reads, targets: UNITS, request: async (f, _s, t) => get(`${P}/plans/${(await pr(f).keptPlan(rel(t))).id}`) },
  {
    op: `PUT ${P}/plans/{id}`, rule: by('review.manage'), targets: UNITS,
    request: async (f, _s, t) => {
      const p = await pr(f).keptPlan(rel(t));
      return { method: 'PUT', url: `${P}/plans/${p.id}`, body: {
        title: `Phương án đơn giản hóa đăng ký khai sinh (sửa lần ${pr(f).unique()})`, rationale: null, changes: { removeDocuments: [pr(f).document], reuseDocuments: [], fees: [] }, version: p.version,
      } };
    },
  },
  planAction('propose', 'review.manage'),
  planAction('approve', 'review.approve'),
  planAction('reject', 'review.approve'),
  planAction('return', 'review.approve'),
  {
    op: `GET ${P}/plans/summary`, rule: { kind: 'signedIn', ok: 200 }, targets: UNITS,
    request: async (f, _s, t) => { await pr(f).keptPlan(rel(t)); expectedId = pr(f).agency[rel(t)]; return get(`${P}/plans/summary?year=${pr(f).year}`); },
    check: listsWithin((b) => (b as { agencies: { agencyUnitId: number }[] }).agencies.map((a) => a.agencyUnitId)),
  },
];
