import { inTransaction } from '../../platform/db/transaction.js';
import { errors, type FieldError } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { CostOf } from './costs.service.js';
import { accessAt, listScope, orgBasis, requireAccess, subtreeOf, type AgencyAccess, type OrgBasis } from './agency-access.js';
import { PR_ACTIONS, type PrAction } from './procedure-review.audit.js';
import { actorOf, addEvent, agencyOf, defaultPeriod, eventsOf, invalid, notFound, staleVersion, todayOf, type ProcedureReviewDeps } from './procedure-review.context.js';
import type { ReviewStatus } from './procedure-review.tables.js';
import type { Estimates } from './rules/cost-model.js';
import { missingAnswers, reviewForm, type Answers, type ReviewForm } from './rules/review-form.js';
import type { PlanChanges } from './rules/types.js';
import {
  RECOMMENDATION_LABELS, REVIEW_STATUS_LABELS, answersOf, allowedOf, estimatesOf, procedureCostView, snapshotOf, summaryOf,
  type ProcedureCost, type Review, type ReviewRow, type ReviewSnapshot,
} from './reviews.view.js';
import type { ReviewActionBody, ReviewCreateBody, ReviewUpdateBody } from './schema.js';

const reviewNotFound = () => notFound('phiếu rà soát thủ tục hành chính', 'procedure review');
const unitNotFound = () => notFound('cơ quan', 'agency');
const notDraft = () => errors.conflict('REVIEW_NOT_DRAFT', 'Chỉ sửa được phiếu rà soát đang soạn (chưa trình hoặc đã bị trả lại).', 'Only a draft review can be edited.');
const wrongStatus = (status: ReviewStatus) => errors.conflict('REVIEW_STATUS', `Phiếu rà soát đang ở trạng thái "${status}", không thực hiện được thao tác này.`, `The review's status (${status}) does not allow this action.`);
const reviewExists = (id: number) => errors.conflict('REVIEW_EXISTS', 'Cơ quan đã có phiếu rà soát thủ tục này trong năm. Hãy mở phiếu đã có.', 'The agency already has a review of this procedure for the year.', { id });

/** Each action: who may take it, from which status to which, and whether it must say why (a return does). */
const ACTIONS: Record<ReviewActionBody['action'], { need: keyof AgencyAccess; from: ReviewStatus; to: ReviewStatus; event: PrAction; note: boolean }> = {
  submit: { need: 'manage', from: 'draft', to: 'submitted', event: 'review_submitted', note: false },
  approve: { need: 'approve', from: 'submitted', to: 'approved', event: 'review_approved', note: false },
  return: { need: 'approve', from: 'submitted', to: 'draft', event: 'review_returned', note: true },
};

type Costed = { cost: ProcedureCost; form: ReviewForm; frozen: boolean };

/**
 * Part C (API.md): review forms (phiếu rà soát, đánh giá TTHC), one per agency, year and procedure.
 * Decree 63/2010 art. 28–31: the agency reviews its procedures against necessity, reasonableness,
 * legality and cost; the reviewer fills the form, the head approves it. While it can change, the form's
 * figures and the compliance cost are computed from today's data with the reviewer's estimates; the
 * approval freezes both, so what the head signed stays what was signed when parameters or dossiers move on.
 */
export function createReviewsService(deps: ProcedureReviewDeps, needs: { costOf: CostOf }) {
  const { db } = deps;
  const { costOf } = needs;

  async function load(ctx: RequestContext, id: number, need: keyof AgencyAccess) {
    const actor = actorOf(ctx);
    const row = await db.selectFrom('pr_reviews').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw reviewNotFound();
    const basis = await orgBasis(deps);
    const access = accessAt(actor, row.agency_unit_id, basis);
    requireAccess(access, need, reviewNotFound);
    return { row, basis, access, actor };
  }

  /** The other reviews and the plans of this procedure at the agency, as the cost view lists them. */
  async function related(row: ReviewRow, basis: OrgBasis, unitIds: number[]): Promise<Pick<ProcedureCost, 'reviews' | 'plans'>> {
    const reviews = await db.selectFrom('pr_reviews').select(['id', 'agency_unit_id', 'year', 'status'])
      .where('procedure_code', '=', row.procedure_code).where('agency_unit_id', '=', row.agency_unit_id).orderBy('year', 'desc').orderBy('id', 'desc').execute();
    const plans = await db.selectFrom('pr_plans').selectAll()
      .where('procedure_code', '=', row.procedure_code).where('agency_unit_id', '=', row.agency_unit_id).where('status', '<>', 'rejected')
      .orderBy('year', 'desc').orderBy('id', 'desc').execute();
    const planItems: ProcedureCost['plans'] = [];
    for (const p of plans) {
      let savingVnd: number;
      if (p.status === 'approved' && p.before_snapshot && p.after_snapshot) {
        const sheet = (s: unknown) => (typeof s === 'string' ? JSON.parse(s) : s) as { yearly: { totalVnd: number } };
        savingVnd = sheet(p.before_snapshot).yearly.totalVnd - sheet(p.after_snapshot).yearly.totalVnd;
      } else {
        const c = await costOf({ code: p.procedure_code, unitIds, period: defaultPeriod(deps), changes: (typeof p.changes === 'string' ? JSON.parse(p.changes) : p.changes) as PlanChanges, versionId: p.base_version_id });
        savingVnd = c.sheet.yearly.totalVnd - (c.after ?? c.sheet).yearly.totalVnd;
      }
      planItems.push({ id: p.id, title: p.title, status: p.status, savingVnd });
    }
    return {
      reviews: reviews.map((r) => ({ id: r.id, agencyUnitName: basis.byId.get(r.agency_unit_id)?.name ?? '', year: r.year, status: r.status })),
      plans: planItems,
    };
  }

  /** The cost and the form computed now, over the agency's tree, with the given estimates. Reads only. */
  async function computeLive(row: ReviewRow, basis: OrgBasis, estimates: Estimates, withRelated = true): Promise<Costed> {
    const unitIds = subtreeOf(row.agency_unit_id, basis.units);
    const period = defaultPeriod(deps);
    const r = await costOf({ code: row.procedure_code, unitIds, period, estimates, versionId: row.version_id });
    const others = withRelated ? await related(row, basis, unitIds) : { reviews: [], plans: [] };
    const cost = procedureCostView({ version: r.version, facts: r.facts, sheet: r.sheet, parameters: r.parameters, unitId: row.agency_unit_id, unitName: basis.byId.get(row.agency_unit_id)?.name ?? '', period, ...others });
    return { cost, form: reviewForm({ content: r.version.content, facts: r.facts, sheet: r.sheet, period }), frozen: false };
  }

  async function costed(row: ReviewRow, basis: OrgBasis, withRelated = true): Promise<Costed> {
    const snapshot = row.status === 'approved' ? snapshotOf(row) : null;
    // The figures stay as signed; the lists of the procedure's reviews and plans are today's.
    if (snapshot) return { cost: { ...snapshot.cost, ...(withRelated ? await related(row, basis, subtreeOf(row.agency_unit_id, basis.units)) : {}) }, form: snapshot.form, frozen: true };
    return computeLive(row, basis, estimatesOf(row), withRelated);
  }

  /** The form of the version reviewed, for what does not need its figures (which questions are asked). */
  async function formOf(row: ReviewRow): Promise<ReviewForm> {
    const version = await deps.feeds.catalog.versionById(row.version_id);
    if (!version) throw new Error(`catalogue version ${row.version_id} of review ${row.id} is missing`);
    return reviewForm({ content: version.content, facts: null, sheet: null });
  }

  async function names(ids: (number | null)[]): Promise<Map<number, string>> {
    const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
    return new Map((await deps.org.staffNamesByIds(wanted)).map((s) => [s.id, s.fullName]));
  }

  async function get(ctx: RequestContext, id: number): Promise<Review> {
    const { row, basis, access } = await load(ctx, id, 'read');
    const c = await costed(row, basis);
    const history = await eventsOf(db, 'review', id);
    const staff = await names([row.reviewer_staff_id, row.approved_by]);
    return {
      id: row.id, procedureCode: row.procedure_code, procedureName: row.procedure_name, versionId: row.version_id, versionNo: row.version_no,
      agencyUnitId: row.agency_unit_id, agencyUnitName: basis.byId.get(row.agency_unit_id)?.name ?? '', year: row.year,
      status: row.status, statusLabel: REVIEW_STATUS_LABELS[row.status],
      form: c.form, answers: answersOf(row), estimates: estimatesOf(row),
      recommendation: row.recommendation, recommendationLabel: row.recommendation ? RECOMMENDATION_LABELS[row.recommendation] : null, conclusion: row.conclusion,
      cost: c.cost, frozen: c.frozen,
      reviewerName: row.reviewer_staff_id === null ? null : staff.get(row.reviewer_staff_id) ?? null,
      approvedByName: row.approved_by === null ? null : staff.get(row.approved_by) ?? null,
      approvedAt: row.approved_at?.toISOString() ?? null,
      planItemId: row.plan_item_id,
      history: history.map((e) => ({ ...e, label: PR_ACTIONS[e.action as PrAction]?.vi ?? e.action })),
      version: row.version,
      allowed: allowedOf(row.status, access),
    };
  }

  /** The agencies a list covers (agency-access.ts `listScope`); an unknown or unreadable unit answers 404. */
  function scope(ctx: RequestContext, basis: OrgBasis, unitId?: number): number[] {
    const agencies = listScope(actorOf(ctx), basis, unitId);
    if (!agencies) throw unitNotFound();
    return agencies;
  }

  async function list(ctx: RequestContext, query: { unitId?: number | undefined; year?: number | undefined; status?: ReviewStatus | undefined }) {
    const basis = await orgBasis(deps);
    const agencies = scope(ctx, basis, query.unitId);
    if (agencies.length === 0) return { items: [] };
    let q = db.selectFrom('pr_reviews').selectAll().where('agency_unit_id', 'in', agencies);
    if (query.year !== undefined) q = q.where('year', '=', query.year);
    if (query.status !== undefined) q = q.where('status', '=', query.status);
    const rows = await q.orderBy('year', 'desc').orderBy('procedure_code').orderBy('id').execute();
    const order = new Map(agencies.map((a, i) => [a, i]));
    rows.sort((a, b) => b.year - a.year || order.get(a.agency_unit_id)! - order.get(b.agency_unit_id)! || a.procedure_code.localeCompare(b.procedure_code) || a.id - b.id);
    const items = [];
    // One at a time: the embedded database has one connection, and each draft's cost is a query of its own.
    for (const row of rows) items.push(summaryOf(row, basis.byId.get(row.agency_unit_id)?.name ?? '', (await costed(row, basis, false)).cost.sheet.yearly.totalVnd));
    return { items };
  }

  /** The version a review of `year` looks at: the one in force today, or on the year's last day for a past year. */
  function versionDay(year: number): string {
    const today = todayOf(deps);
    return year < Number(today.slice(0, 4)) ? `${year}-12-31` : today;
  }

  async function create(ctx: RequestContext, input: ReviewCreateBody) {
    const actor = actorOf(ctx);
    const basis = await orgBasis(deps);
    const unit = basis.byId.get(input.agencyUnitId);
    if (!unit) throw unitNotFound();
    requireAccess(accessAt(actor, agencyOf(unit.id, basis.units, basis.agencies) ?? unit.id, basis), 'read', unitNotFound);
    if (!basis.agencies.has(unit.id)) throw invalid('agencyUnitId', 'Phiếu rà soát được lập cho cả cơ quan, không cho riêng một phòng, ban.', 'A review belongs to an agency, not one of its sections.');
    requireAccess(accessAt(actor, unit.id, basis), 'manage', unitNotFound);
    if (input.year > Number(todayOf(deps).slice(0, 4)) + 1) throw invalid('year', 'Chỉ lập phiếu rà soát cho năm nay, các năm trước hoặc năm sau.', 'A review is for this year, an earlier one or the next.');
    const version = await deps.feeds.catalog.inForce(input.procedureCode, versionDay(input.year));
    if (!version) throw invalid('procedureCode', `Thủ tục ${input.procedureCode} không có trong danh mục hoặc không còn hiệu lực.`, `Procedure ${input.procedureCode} is not in force in the catalogue.`);
    const existing = await db.selectFrom('pr_reviews').select('id')
      .where('agency_unit_id', '=', unit.id).where('year', '=', input.year).where('procedure_code', '=', input.procedureCode).executeTakeFirst();
    if (existing) throw reviewExists(existing.id);
    if (input.planItemId !== undefined) {
      const item = await db.selectFrom('pr_review_plan_items as i').innerJoin('pr_review_plans as p', 'p.id', 'i.plan_id')
        .select(['p.agency_unit_id', 'p.year', 'i.procedure_code']).where('i.id', '=', input.planItemId).executeTakeFirst();
      if (!item || item.agency_unit_id !== unit.id || item.year !== input.year || item.procedure_code !== input.procedureCode) {
        throw invalid('planItemId', 'Mục kế hoạch phải thuộc kế hoạch rà soát của chính cơ quan trong năm đó và về cùng thủ tục.', 'The plan item must be in the agency\'s review plan of that year, for the same procedure.');
      }
    }
    const at = deps.now();
    const id = await inTransaction(db, async (trx) => {
      const row = await trx.insertInto('pr_reviews').values({
        agency_unit_id: unit.id, year: input.year, procedure_code: input.procedureCode, procedure_name: version.name,
        version_id: version.versionId, version_no: version.versionNo, plan_item_id: input.planItemId ?? null,
        reviewer_staff_id: actor.staffId, created_at: at, updated_at: at,
      }).returning('id').executeTakeFirstOrThrow();
      await addEvent(trx, ctx, at, {
        record: 'review', entityId: row.id, action: 'review_created', unitId: unit.id,
        data: { procedureCode: input.procedureCode, versionNo: version.versionNo, year: input.year, planItemId: input.planItemId ?? null },
      });
      return row.id;
    }).catch(async (e: unknown) => {
      // Two reviewers opening the same form at once: the unique key decides, the loser is pointed to the winner's.
      if ((e as { code?: string }).code !== '23505') throw e;
      const winner = await db.selectFrom('pr_reviews').select('id').where('agency_unit_id', '=', unit.id).where('year', '=', input.year).where('procedure_code', '=', input.procedureCode).executeTakeFirst();
      throw winner ? reviewExists(winner.id) : e;
    });
    return get(ctx, id);
  }

  /** 400 for answers to questions the form does not have, and a yes/no given to a question that asks only for text. */
  function checkAnswers(form: ReviewForm, answers: Answers): FieldError[] {
    const questions = new Map(form.sections.flatMap((s) => s.questions).map((q) => [q.key, q]));
    return Object.entries(answers).flatMap(([key, a]): FieldError[] => {
      const q = questions.get(key);
      if (!q) return [{ path: `answers.${key}`, message: `Phiếu không có câu hỏi "${key}".`, messageEn: `The form has no question "${key}".` }];
      if (q.kind === 'text' && a.choice !== undefined) return [{ path: `answers.${key}.choice`, message: `Câu ${q.number} không có lựa chọn Có/Không.`, messageEn: `Question ${q.number} takes text only.` }];
      return [];
    });
  }

  /** 400 for estimates of cost lines the sheet does not have, or of a figure the data gives (not the reviewer's to estimate). */
  function checkEstimates(cost: ProcedureCost, estimates: Estimates): FieldError[] {
    const lines = new Map(cost.sheet.lines.map((l) => [l.key, l]));
    return Object.entries(estimates).flatMap(([key, e]): FieldError[] => {
      const line = lines.get(key);
      if (!line) return [{ path: `estimates.${key}`, message: `Bảng chi phí không có dòng "${key}".`, messageEn: `The cost sheet has no line "${key}".` }];
      const fixed = (['hours', 'times', 'cash'] as const).filter((f) => e[f === 'cash' ? 'cashVnd' : f] !== undefined && !line.editable[f]);
      return fixed.map((f) => ({ path: `estimates.${key}.${f === 'cash' ? 'cashVnd' : f}`, message: `Dòng "${line.label}": số liệu này lấy từ dữ liệu, không ước tính được.`, messageEn: `Line "${line.label}": this figure comes from the data and cannot be estimated.` }));
    });
  }

  async function update(ctx: RequestContext, id: number, input: ReviewUpdateBody) {
    const { row, basis } = await load(ctx, id, 'manage');
    if (input.version !== row.version) throw staleVersion();
    if (row.status !== 'draft') throw notDraft();
    const answers = input.answers as Answers;
    const estimates = input.estimates as Estimates;
    const live = await computeLive(row, basis, estimates, false);
    const problems = [...checkAnswers(live.form, answers), ...checkEstimates(live.cost, estimates)];
    if (problems.length) throw errors.validation(problems);
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const updated = await trx.updateTable('pr_reviews').set({
        // Generated<Json<…>> in procedure-review.tables.ts nests two column types, so Kysely misreads the update type: the value is JSON text.
        answers: JSON.stringify(answers) as never, estimates: JSON.stringify(estimates) as never, recommendation: input.recommendation, conclusion: input.conclusion || null,
        version: row.version + 1, updated_at: at,
      }).where('id', '=', id).where('version', '=', input.version).where('status', '=', 'draft').returning('id').executeTakeFirst();
      if (!updated) throw staleVersion();
      await addEvent(trx, ctx, at, {
        record: 'review', entityId: id, action: 'review_updated', unitId: row.agency_unit_id,
        data: { answered: Object.keys(answers).length, estimates: Object.keys(estimates), recommendation: input.recommendation },
      });
    });
    return get(ctx, id);
  }

  /** 400 listing every yes/no question still unanswered (in the form's order) and a missing recommendation. */
  function checkComplete(form: ReviewForm, row: ReviewRow) {
    const fields: FieldError[] = missingAnswers(form, answersOf(row)).map((q) => ({
      path: `answers.${q.key}`, message: `Câu ${q.number}: chưa chọn Có hoặc Không.`, messageEn: `Question ${q.number}: no yes/no answer.`,
    }));
    if (!row.recommendation) fields.push({ path: 'recommendation', message: 'Chưa chọn kiến nghị (giữ nguyên, đơn giản hóa hoặc bãi bỏ).', messageEn: 'No recommendation chosen.' });
    if (fields.length) throw errors.validation(fields);
  }

  async function act(ctx: RequestContext, id: number, input: ReviewActionBody) {
    const rule = ACTIONS[input.action];
    const { row, basis, actor } = await load(ctx, id, rule.need);
    if (input.version !== row.version) throw staleVersion();
    if (row.status !== rule.from) throw wrongStatus(row.status);
    const note = input.note?.trim() || null;
    if (rule.note && !note) throw invalid('note', 'Cần ghi rõ lý do trả lại phiếu.', 'A note saying why is required.');
    if (input.action === 'submit') checkComplete(await formOf(row), row);
    // The approved figures are computed before the transaction (one connection on PGlite) and frozen in it.
    let snapshot: ReviewSnapshot | null = null;
    if (input.action === 'approve') {
      const live = await computeLive(row, basis, estimatesOf(row));
      snapshot = { cost: { ...live.cost, reviews: [], plans: [] }, form: live.form };
    }
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const updated = await trx.updateTable('pr_reviews').set({
        status: rule.to, version: row.version + 1, updated_at: at,
        ...(snapshot ? { cost_snapshot: JSON.stringify(snapshot), approved_by: actor.staffId, approved_at: at } : {}),
      }).where('id', '=', id).where('version', '=', input.version).where('status', '=', rule.from).returning('id').executeTakeFirst();
      if (!updated) throw staleVersion();
      await addEvent(trx, ctx, at, {
        record: 'review', entityId: id, action: rule.event, note, unitId: row.agency_unit_id,
        data: {
          from: row.status, to: rule.to,
          ...(snapshot ? { perDossierVnd: snapshot.cost.sheet.perDossier.totalVnd, yearlyVnd: snapshot.cost.sheet.yearly.totalVnd, wageYear: snapshot.cost.sheet.wage.year } : {}),
        },
      });
    });
    return get(ctx, id);
  }

  /** The form in its official layout, with the agency's heading (modules/org/agency-heading.ts). */
  async function formFile(ctx: RequestContext, id: number, format: 'docx' | 'pdf') {
    const review = await get(ctx, id);
    const { reviewFile } = await import('./exports/review-file.js');
    return reviewFile(review, await deps.org.allUnits(), todayOf(deps), format);
  }

  return { list, create, get, update, act, formFile };
}
export type ReviewsService = ReturnType<typeof createReviewsService>;
