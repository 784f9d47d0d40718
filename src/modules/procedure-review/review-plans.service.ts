import type { Selectable } from 'kysely';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { accessAt, orgBasis, readableAgencies, requireAccess, subtreeOf, type AgencyAccess, type OrgBasis } from './agency-access.js';
import { PR_ACTIONS } from './procedure-review.audit.js';
import { actorOf, addEvent, agencyOf, eventsOf, invalid, notFound, staleVersion, todayOf, type IsoDay, type ProcedureReviewDeps } from './procedure-review.context.js';
import type { PrReviewPlanItemsTable, PrReviewPlansTable, ReviewStatus } from './procedure-review.tables.js';
import type { ReviewPlanCreateBody, ReviewPlanUpdateBody } from './schema.js';

type PlanRow = Selectable<PrReviewPlansTable>;
type ItemRow = Selectable<PrReviewPlanItemsTable>;
type ItemInput = ReviewPlanCreateBody['items'][number];
type ItemState = 'not_started' | 'in_progress' | 'done';

const planNotFound = () => notFound('kế hoạch rà soát TTHC', 'review plan');
const planExists = (id?: number) => errors.conflict('REVIEW_PLAN_EXISTS', 'Cơ quan đã có kế hoạch rà soát TTHC của năm này.', 'The agency already has a review plan for this year.', id === undefined ? undefined : { id });
const notDraft = () => errors.conflict('REVIEW_PLAN_NOT_DRAFT', 'Kế hoạch đã được phê duyệt, không sửa hoặc phê duyệt lại được.', 'The plan is approved; it can no longer be edited or approved again.');
const STATUS_LABELS = { draft: 'Dự thảo', approved: 'Đã phê duyệt' } as const;
const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = { draft: 'Đang rà soát', submitted: 'Đã trình', approved: 'Đã phê duyệt' };

/**
 * Part D (API.md): the yearly plan of an agency's procedure reviews (Decree 63/2010 art. 30; Circular
 * 02/2017/TT-VPCP art. 24). Progress is read from the reviews themselves — an item is done when the
 * agency's review of that procedure for the plan's year is approved — so no counter can drift.
 */
export function createReviewPlansService(deps: ProcedureReviewDeps) {
  const { db } = deps;

  /** Checks items against the catalogue and the agency's tree; returns them with the procedure's name. Reads only. */
  async function checkedItems(items: ItemInput[], agencyId: number, basis: OrgBasis, today: IsoDay) {
    const inside = new Set(subtreeOf(agencyId, basis.units));
    const seen = new Set<string>();
    const out: { procedure_code: string; procedure_name: string; lead_unit_id: number | null; due_on: string }[] = [];
    for (const [i, item] of items.entries()) {
      if (seen.has(item.procedureCode)) throw invalid(`items.${i}.procedureCode`, `Thủ tục ${item.procedureCode} bị lặp trong kế hoạch.`, `Procedure ${item.procedureCode} is listed twice.`);
      seen.add(item.procedureCode);
      const version = await deps.feeds.catalog.inForce(item.procedureCode, today);
      if (!version) throw invalid(`items.${i}.procedureCode`, `Thủ tục ${item.procedureCode} không có trong danh mục hoặc không còn hiệu lực.`, `Procedure ${item.procedureCode} is not in force in the catalogue.`);
      if (item.leadUnitId !== undefined && !inside.has(item.leadUnitId)) {
        throw invalid(`items.${i}.leadUnitId`, `Đơn vị chủ trì rà soát thủ tục ${item.procedureCode} phải thuộc cơ quan lập kế hoạch.`, `The lead unit for ${item.procedureCode} must be inside the planning agency.`);
      }
      out.push({ procedure_code: item.procedureCode, procedure_name: version.name, lead_unit_id: item.leadUnitId ?? null, due_on: item.dueOn });
    }
    return out;
  }

  /** Each item's review of the plan's agency and year: its progress from the review's status. */
  async function progressOf(plans: PlanRow[], today: IsoDay) {
    const ids = plans.map((p) => p.id);
    const items = ids.length === 0 ? [] : await db.selectFrom('pr_review_plan_items').selectAll().where('plan_id', 'in', ids).orderBy('due_on').orderBy('procedure_code').execute();
    const agencies = [...new Set(plans.map((p) => p.agency_unit_id))];
    const reviews = agencies.length === 0 ? [] : await db.selectFrom('pr_reviews').select(['id', 'agency_unit_id', 'year', 'procedure_code', 'status'])
      .where('agency_unit_id', 'in', agencies).where('year', 'in', [...new Set(plans.map((p) => p.year))]).execute();
    const reviewOf = new Map(reviews.map((r) => [`${r.agency_unit_id}|${r.year}|${r.procedure_code}`, r]));
    const byPlan = new Map<number, (ItemRow & { review: { id: number; status: ReviewStatus } | null; state: ItemState; overdue: boolean })[]>();
    const planById = new Map(plans.map((p) => [p.id, p]));
    for (const item of items) {
      const plan = planById.get(item.plan_id)!;
      const review = reviewOf.get(`${plan.agency_unit_id}|${plan.year}|${item.procedure_code}`) ?? null;
      const state: ItemState = review?.status === 'approved' ? 'done' : review ? 'in_progress' : 'not_started';
      const list = byPlan.get(item.plan_id) ?? [];
      list.push({ ...item, review: review && { id: review.id, status: review.status }, state, overdue: state !== 'done' && item.due_on < today });
      byPlan.set(item.plan_id, list);
    }
    return byPlan;
  }

  const summaryOf = (plan: PlanRow, basis: OrgBasis, items: { state: ItemState; overdue: boolean }[]) => ({
    id: plan.id, agencyUnitId: plan.agency_unit_id, agencyUnitName: basis.byId.get(plan.agency_unit_id)?.name ?? '', year: plan.year, title: plan.title,
    status: plan.status, statusLabel: STATUS_LABELS[plan.status], items: items.length, done: items.filter((i) => i.state === 'done').length, overdue: items.filter((i) => i.overdue).length,
  });

  async function load(ctx: RequestContext, id: number, need: keyof AgencyAccess) {
    const actor = actorOf(ctx);
    const plan = await db.selectFrom('pr_review_plans').selectAll().where('id', '=', id).executeTakeFirst();
    if (!plan) throw planNotFound();
    const basis = await orgBasis(deps);
    const access = accessAt(actor, plan.agency_unit_id, basis);
    requireAccess(access, need, planNotFound);
    return { plan, basis, access };
  }

  async function get(ctx: RequestContext, id: number) {
    const { plan, basis, access } = await load(ctx, id, 'read');
    const items = (await progressOf([plan], todayOf(deps))).get(plan.id) ?? [];
    const history = (await eventsOf(db, 'review_plan', plan.id)).map((e) => ({ ...e, label: PR_ACTIONS[e.action as keyof typeof PR_ACTIONS]?.vi ?? e.action }));
    const draft = plan.status === 'draft';
    return {
      ...summaryOf(plan, basis, items),
      items: items.map((i) => ({
        id: i.id, procedureCode: i.procedure_code, procedureName: i.procedure_name, dueOn: i.due_on,
        leadUnitId: i.lead_unit_id, leadUnitName: i.lead_unit_id === null ? null : basis.byId.get(i.lead_unit_id)?.name ?? null,
        reviewId: i.review?.id ?? null, reviewStatus: i.review?.status ?? null, reviewStatusLabel: i.review ? REVIEW_STATUS_LABELS[i.review.status] : null,
        state: i.state, overdue: i.overdue,
      })),
      approvedAt: plan.approved_at?.toISOString() ?? null,
      history, version: plan.version, allowed: { edit: draft && access.manage, approve: draft && access.approve },
    };
  }

  async function list(ctx: RequestContext, query: { year?: number | undefined }) {
    const actor = actorOf(ctx);
    const basis = await orgBasis(deps);
    const agencies = readableAgencies(actor, basis);
    if (agencies.length === 0) return { items: [] };
    let q = db.selectFrom('pr_review_plans').selectAll().where('agency_unit_id', 'in', agencies);
    if (query.year !== undefined) q = q.where('year', '=', query.year);
    const plans = await q.execute();
    const order = new Map(agencies.map((a, i) => [a, i]));
    plans.sort((a, b) => b.year - a.year || order.get(a.agency_unit_id)! - order.get(b.agency_unit_id)!);
    const progress = await progressOf(plans, todayOf(deps));
    return { items: plans.map((p) => summaryOf(p, basis, progress.get(p.id) ?? [])) };
  }

  async function create(ctx: RequestContext, input: ReviewPlanCreateBody) {
    const actor = actorOf(ctx);
    const basis = await orgBasis(deps);
    const unit = basis.byId.get(input.agencyUnitId);
    const unitNotFound = () => notFound('cơ quan', 'agency');
    if (!unit) throw unitNotFound();
    requireAccess(accessAt(actor, agencyOf(unit.id, basis.units, basis.agencies) ?? unit.id, basis), 'read', unitNotFound);
    if (!basis.agencies.has(unit.id)) throw invalid('agencyUnitId', 'Kế hoạch rà soát được lập cho cả cơ quan, không cho riêng một phòng, ban.', 'A review plan is drawn up for an agency, not one of its sections.');
    requireAccess(accessAt(actor, unit.id, basis), 'manage', unitNotFound);
    const existing = await db.selectFrom('pr_review_plans').select('id').where('agency_unit_id', '=', unit.id).where('year', '=', input.year).executeTakeFirst();
    if (existing) throw planExists(existing.id);
    const items = await checkedItems(input.items, unit.id, basis, todayOf(deps));
    const at = deps.now();
    const id = await inTransaction(db, async (trx) => {
      const row = await trx.insertInto('pr_review_plans').values({ agency_unit_id: unit.id, year: input.year, title: input.title, created_by: actor.staffId, created_at: at, updated_at: at })
        .returning('id').executeTakeFirstOrThrow()
        .catch((e) => { throw isUniqueViolation(e) ? planExists() : e; });
      if (items.length > 0) await trx.insertInto('pr_review_plan_items').values(items.map((i) => ({ ...i, plan_id: row.id }))).execute();
      await addEvent(trx, ctx, at, { record: 'review_plan', entityId: row.id, action: 'review_plan_created', unitId: unit.id, data: { year: input.year, title: input.title, items: items.map((i) => i.procedure_code) } });
      return row.id;
    });
    return get(ctx, id);
  }

  async function update(ctx: RequestContext, id: number, input: ReviewPlanUpdateBody) {
    const { plan, basis } = await load(ctx, id, 'manage');
    if (plan.status !== 'draft') throw notDraft();
    if (input.version !== plan.version) throw staleVersion();
    const items = await checkedItems(input.items, plan.agency_unit_id, basis, todayOf(deps));
    const current = await db.selectFrom('pr_review_plan_items').selectAll().where('plan_id', '=', id).execute();
    const next = new Map(items.map((i) => [i.procedure_code, i]));
    const removed = current.filter((c) => !next.has(c.procedure_code));
    // A review opened from an item points at it: the item stays while that review exists.
    const linked = removed.length === 0 ? [] : await db.selectFrom('pr_reviews').select('plan_item_id').where('plan_item_id', 'in', removed.map((r) => r.id)).execute();
    if (linked.length > 0) {
      const codes = removed.filter((r) => linked.some((l) => l.plan_item_id === r.id)).map((r) => r.procedure_code);
      throw invalid('items', `Không bỏ được thủ tục đã có phiếu rà soát lập theo kế hoạch: ${codes.join(', ')}.`, `Procedures with a review opened from the plan cannot be removed: ${codes.join(', ')}.`);
    }
    const kept = current.filter((c) => next.has(c.procedure_code));
    const added = items.filter((i) => !current.some((c) => c.procedure_code === i.procedure_code));
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const updated = await trx.updateTable('pr_review_plans').set({ title: input.title, version: plan.version + 1, updated_at: at })
        .where('id', '=', id).where('version', '=', input.version).where('status', '=', 'draft').returning('id').executeTakeFirst();
      if (!updated) throw staleVersion();
      if (removed.length > 0) await trx.deleteFrom('pr_review_plan_items').where('id', 'in', removed.map((r) => r.id)).execute();
      for (const k of kept) {
        const n = next.get(k.procedure_code)!;
        if (n.due_on !== k.due_on || n.lead_unit_id !== k.lead_unit_id || n.procedure_name !== k.procedure_name) {
          await trx.updateTable('pr_review_plan_items').set({ due_on: n.due_on, lead_unit_id: n.lead_unit_id, procedure_name: n.procedure_name }).where('id', '=', k.id).execute();
        }
      }
      if (added.length > 0) await trx.insertInto('pr_review_plan_items').values(added.map((i) => ({ ...i, plan_id: id }))).execute();
      await addEvent(trx, ctx, at, {
        record: 'review_plan', entityId: id, action: 'review_plan_updated', unitId: plan.agency_unit_id,
        data: { title: input.title, added: added.map((a) => a.procedure_code), removed: removed.map((r) => r.procedure_code), items: items.map((i) => i.procedure_code) },
      });
    });
    return get(ctx, id);
  }

  async function act(ctx: RequestContext, id: number, input: { action: 'approve'; version: number }) {
    const { plan } = await load(ctx, id, 'approve');
    if (plan.status !== 'draft') throw notDraft();
    if (input.version !== plan.version) throw staleVersion();
    const actor = actorOf(ctx);
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const updated = await trx.updateTable('pr_review_plans').set({ status: 'approved', approved_by: actor.staffId, approved_at: at, version: plan.version + 1, updated_at: at })
        .where('id', '=', id).where('version', '=', input.version).where('status', '=', 'draft').returning('id').executeTakeFirst();
      if (!updated) throw staleVersion();
      await addEvent(trx, ctx, at, { record: 'review_plan', entityId: id, action: 'review_plan_approved', unitId: plan.agency_unit_id, data: { year: plan.year } });
    });
    return get(ctx, id);
  }

  return { list, create, get, update, act };
}
export type ReviewPlansService = ReturnType<typeof createReviewPlansService>;
