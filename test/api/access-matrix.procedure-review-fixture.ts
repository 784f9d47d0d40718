import type { TestApp } from '../support/test-app.js';
import type { UnitRelation } from './access-matrix.rules.js';

type Req = { method: string; url: string; body?: unknown };
export type Rec = { id: number; version: number };

const P = '/api/v1/procedure-review';
/** The matrix's year (TEST_NOW is 2 March 2026) and the procedure every fixture record is about. */
const YEAR = 2026;
const PROCEDURE = '1.001193';
/** A document of 1.001193 a simplification plan drops (optional, so the change is plausible). */
const DOCUMENT = 'Giấy tờ chứng minh nơi cư trú';
/** A year no other test or the demo writes parameters for: the row that edits them edits this one. */
export const PARAMETERS_YEAR = 2091;

export type PlanStatus = 'draft' | 'proposed';

/**
 * Reviewing and simplifying procedures (issue 21; src/modules/procedure-review/API.md) at each relation's
 * agency, for the access matrix. The agency of a relation is the quality fixture's (`f.quality.agency`: the
 * relation's unit, the child's an office under the child section, every one of them an agency — a unit that
 * is not a section). Everything is made by the root administrator through the API. A review is one per
 * (agency, year, procedure) and a review plan one per (agency, year), so the records a row moves on are made
 * at a fresh office under the relation's unit: every subject's grant reaches it exactly as it reaches the
 * relation's unit, the target the rule reads. `kept*` records are made once per relation for the rows that
 * only read or leave them as they found them (an edit of a draft); the others stay the same record until an
 * action moved it out of the state asked for, then a new one is made.
 */
export type ProcedureReviewFixture = {
  agency: Record<UnitRelation, number>;
  procedureCode: string;
  document: string;
  year: number;
  unique(): number;
  /** An office under the relation's unit where the fixture's procedure has no review this year yet. */
  reviewAgency(r: UnitRelation): Promise<number>;
  /** An office under the relation's unit with no review plan this year yet. */
  reviewPlanAgency(r: UnitRelation): Promise<number>;
  /** The fixture's own parameters year, with its current version. */
  parameters(): Promise<Rec & { year: number }>;
  /** A draft review of the relation's agency, kept for the rows that read it or edit its draft. */
  keptReview(r: UnitRelation): Promise<Rec>;
  /** `ready`: a draft with every yes/no question answered and a recommendation (it may be submitted); `submitted`. */
  review(r: UnitRelation, state: 'ready' | 'submitted'): Promise<Rec>;
  /** A draft review plan kept per relation (at an office of its own). */
  keptReviewPlan(r: UnitRelation): Promise<Rec>;
  /** A draft review plan to approve. */
  draftReviewPlan(r: UnitRelation): Promise<Rec>;
  /** A draft simplification plan of the relation's agency, kept per relation. */
  keptPlan(r: UnitRelation): Promise<Rec>;
  plan(r: UnitRelation, status: PlanStatus): Promise<Rec>;
};

type Question = { key: string; kind: 'yesno' | 'text' | 'yesno_text' };
type ReviewView = { id: number; version: number; form: { sections: { questions: Question[] }[] } };

export async function procedureReviewFixture(t: TestApp, asRoot: (req: Req) => Promise<any>, unit: Record<UnitRelation, { id: number }>, agency: Record<UnitRelation, number>): Promise<ProcedureReviewFixture> {
  const { db } = t;
  let n = 0;
  const post = (url: string, body: unknown) => asRoot({ method: 'POST', url, body });
  const put = (url: string, body: unknown) => asRoot({ method: 'PUT', url, body });

  const kept = new Map<string, unknown>();
  const once = async <T>(key: string, make: () => Promise<T>): Promise<T> => {
    if (!kept.has(key)) kept.set(key, await make());
    return kept.get(key) as T;
  };
  /** The record kept under `key` while `usable` says so, else a new one. */
  const pool = new Map<string, unknown>();
  const pooled = async <T>(key: string, usable: (v: T) => Promise<boolean>, make: () => Promise<T>): Promise<T> => {
    const v = pool.get(key) as T | undefined;
    if (v !== undefined && (await usable(v))) return v;
    const made = await make();
    pool.set(key, made);
    return made;
  };

  const office = async (r: UnitRelation): Promise<number> =>
    (await post('/api/v1/org/units', { parentId: unit[r].id, name: `Đơn vị rà soát TTHC của ma trận quyền số ${++n}`, kind: 'office' })).id;
  const hasReview = async (agencyId: number) =>
    !!(await db.selectFrom('pr_reviews').select('id').where('agency_unit_id', '=', agencyId).where('year', '=', YEAR).where('procedure_code', '=', PROCEDURE).executeTakeFirst());
  const hasReviewPlan = async (agencyId: number) =>
    !!(await db.selectFrom('pr_review_plans').select('id').where('agency_unit_id', '=', agencyId).where('year', '=', YEAR).executeTakeFirst());

  const reviewRow = (id: number) => db.selectFrom('pr_reviews').select(['id', 'version', 'status', 'recommendation']).where('id', '=', id).executeTakeFirstOrThrow();
  const reviewPlanRow = (id: number) => db.selectFrom('pr_review_plans').select(['id', 'version', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
  const planRow = (id: number) => db.selectFrom('pr_plans').select(['id', 'version', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
  const rec = async (row: Promise<{ id: number; version: number }>): Promise<Rec> => { const { id, version } = await row; return { id, version }; };

  const openReview = async (agencyId: number): Promise<number> => (await post(`${P}/reviews`, { procedureCode: PROCEDURE, agencyUnitId: agencyId, year: YEAR })).id;
  /** Every yes/no question answered (with a word where the form asks for one) and a recommendation: what submitting needs. */
  const fill = async (id: number): Promise<ReviewView> => {
    const review = await asRoot({ method: 'GET', url: `${P}/reviews/${id}` }) as ReviewView;
    const answers: Record<string, { choice?: 'yes' | 'no'; text?: string }> = {};
    for (const q of review.form.sections.flatMap((s) => s.questions)) {
      answers[q.key] = q.kind === 'text' ? { text: 'Đã rà soát, không có vướng mắc.' } : q.kind === 'yesno' ? { choice: 'yes' } : { choice: 'yes', text: 'Phù hợp với quy định hiện hành.' };
    }
    return put(`${P}/reviews/${id}`, { answers, estimates: {}, recommendation: 'simplify', conclusion: 'Đề nghị đơn giản hóa thành phần hồ sơ.', version: review.version });
  };
  const makeReview = async (r: UnitRelation, state: 'ready' | 'submitted'): Promise<number> => {
    const id = await openReview(await office(r));
    const filled = await fill(id);
    if (state === 'submitted') await post(`${P}/reviews/${id}/actions`, { action: 'submit', version: filled.version });
    return id;
  };

  const makeReviewPlan = async (r: UnitRelation): Promise<number> => (await post(`${P}/review-plans`, {
    agencyUnitId: await office(r), year: YEAR, title: `Kế hoạch rà soát TTHC năm ${YEAR} (ma trận quyền số ${++n})`,
    items: [{ procedureCode: PROCEDURE, dueOn: `${YEAR}-06-30` }],
  })).id;

  const makePlan = async (r: UnitRelation, status: PlanStatus): Promise<number> => {
    const plan = await post(`${P}/plans`, {
      procedureCode: PROCEDURE, agencyUnitId: agency[r], year: YEAR, title: `Phương án đơn giản hóa đăng ký khai sinh (ma trận quyền số ${++n})`,
      rationale: 'Thông tin cư trú đã có trong Cơ sở dữ liệu quốc gia về dân cư.', changes: { removeDocuments: [DOCUMENT], reuseDocuments: [], fees: [] },
    });
    if (status === 'proposed') await post(`${P}/plans/${plan.id}/actions`, { action: 'propose', version: plan.version });
    return plan.id;
  };

  // The parameters year the PUT row edits, made once (as the catalogue's administrators keep them).
  const parametersBody = {
    monthlyIncomeVnd: 5_400_000, workingDaysPerMonth: 22, hoursPerDay: 8, source: 'Thu nhập bình quân đầu người một tháng (ma trận quyền)',
    defaults: { informationHours: 1, formHours: 1, documentHours: 0.5, certifyHours: 0.5, certifyVndPerCopy: 2000, copyVndPerCopy: 500, travelHours: 1, waitingHours: 0.5, travelVnd: 30_000, supplementHours: 1 },
  };
  await put(`${P}/parameters/${PARAMETERS_YEAR}`, parametersBody);

  return {
    agency, procedureCode: PROCEDURE, document: DOCUMENT, year: YEAR,
    unique: () => ++n,
    reviewAgency: (r) => pooled(`review-agency-${r}`, async (id: number) => !(await hasReview(id)), () => office(r)),
    reviewPlanAgency: (r) => pooled(`review-plan-agency-${r}`, async (id: number) => !(await hasReviewPlan(id)), () => office(r)),
    parameters: async () => {
      const row = await db.selectFrom('pr_parameters').select(['year', 'version']).where('year', '=', PARAMETERS_YEAR).executeTakeFirstOrThrow();
      return { id: row.year, year: row.year, version: row.version };
    },
    keptReview: (r) => once(`review-${r}`, () => openReview(agency[r])).then((id) => rec(reviewRow(id))),
    review: async (r, state) => rec(reviewRow(await pooled(`review-${r}-${state}`, async (id: number) => {
      const row = await reviewRow(id);
      return state === 'ready' ? row.status === 'draft' && row.recommendation !== null : row.status === 'submitted';
    }, () => makeReview(r, state)))),
    keptReviewPlan: (r) => once(`review-plan-${r}`, () => makeReviewPlan(r)).then((id) => rec(reviewPlanRow(id))),
    draftReviewPlan: async (r) => rec(reviewPlanRow(await pooled(`review-plan-${r}-draft`, async (id: number) => (await reviewPlanRow(id)).status === 'draft', () => makeReviewPlan(r)))),
    keptPlan: (r) => once(`plan-${r}`, () => makePlan(r, 'draft')).then((id) => rec(planRow(id))),
    plan: async (r, status) => rec(planRow(await pooled(`plan-${r}-${status}`, async (id: number) => (await planRow(id)).status === status, () => makePlan(r, status)))),
  };
}
