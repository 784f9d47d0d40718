import { inTransaction } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { CostOf } from './costs.service.js';
import { accessAt, listScope, orgBasis, requireAccess, subtreeOf, type AgencyAccess, type OrgBasis } from './agency-access.js';
import { measuredSaving } from './plans.measured.js';
import { allowedOf, changedContent, changesOf, PLAN_STATUS_LABELS, sheetOf, summaryOf, type PlanRow } from './plans.view.js';
import { PR_ACTIONS, type PrAction } from './procedure-review.audit.js';
import {
  actorOf, addEvent, agencyOf, defaultPeriod, eventsOf, invalid, notFound, staleVersion, todayOf, type CatalogVersion, type ProcedureReviewDeps,
} from './procedure-review.context.js';
import type { PlanStatus } from './procedure-review.tables.js';
import { rollUp, saving } from './rules/cost.js';
import { planProblems } from './rules/plan-changes.js';
import type { CostSheet, PlanChanges } from './rules/types.js';
import type { PlanActionBody, PlanCreateBody, PlanUpdateBody } from './schema.js';

const planNotFound = () => notFound('phương án đơn giản hóa TTHC', 'simplification plan');
const unitNotFound = () => notFound('cơ quan', 'agency');
const notDraft = () => errors.conflict('PLAN_NOT_DRAFT', 'Chỉ sửa được phương án đang dự thảo.', 'Only a draft plan can be edited.');
const wrongStatus = (status: PlanStatus) => errors.conflict('PLAN_STATUS', `Phương án đang ở trạng thái "${PLAN_STATUS_LABELS[status]}", không thực hiện được thao tác này.`, `The plan's status (${status}) does not allow this action.`);

/** Each action: who may take it, from which status, to which, and whether it needs a note (a return or a refusal says why). */
const ACTIONS: Record<PlanActionBody['action'], { need: keyof AgencyAccess; from: PlanStatus; to: PlanStatus; event: PrAction; note: boolean }> = {
  propose: { need: 'manage', from: 'draft', to: 'proposed', event: 'plan_proposed', note: false },
  return: { need: 'approve', from: 'proposed', to: 'draft', event: 'plan_returned', note: true },
  approve: { need: 'approve', from: 'proposed', to: 'approved', event: 'plan_approved', note: false },
  reject: { need: 'approve', from: 'proposed', to: 'rejected', event: 'plan_rejected', note: true },
};

/**
 * Part E (API.md): simplification plans (phương án đơn giản hóa) of one procedure at one agency, costed
 * before and after the change by the same compliance-cost sheet (Circular 02/2017/TT-VPCP art. 27(3):
 * the benefit is the cost now minus the cost after). Live while they can change; frozen with the approval,
 * so the saving the head signed stays what was signed when the parameters or the dossiers move on.
 */
export function createPlansService(deps: ProcedureReviewDeps, needs: { costOf: CostOf }) {
  const { db } = deps;
  const { costOf } = needs;

  /** The agency's tree and the before/after sheets: the frozen ones once approved, else computed now. Reads only. */
  async function costed(row: PlanRow, basis: OrgBasis): Promise<{ before: CostSheet; after: CostSheet; frozen: boolean; unitIds: number[] }> {
    const unitIds = subtreeOf(row.agency_unit_id, basis.units);
    if (row.status === 'approved' && row.before_snapshot && row.after_snapshot) {
      return { before: sheetOf(row.before_snapshot), after: sheetOf(row.after_snapshot), frozen: true, unitIds };
    }
    // A plan drawn from a review costs the procedure with the reviewer's estimates, as the review does.
    const review = row.review_id === null ? undefined : await db.selectFrom('pr_reviews').select('estimates').where('id', '=', row.review_id).executeTakeFirst();
    const estimates = review?.estimates && Object.keys(review.estimates).length ? { estimates: review.estimates } : {};
    const r = await costOf({ code: row.procedure_code, unitIds, period: defaultPeriod(deps), changes: changesOf(row), versionId: row.base_version_id, ...estimates });
    return { before: r.sheet, after: r.after ?? r.sheet, frozen: false, unitIds };
  }

  const savingOf = (c: { before: CostSheet; after: CostSheet }) => saving(c.before.yearly.totalVnd, c.after.yearly.totalVnd);

  async function baseVersion(row: PlanRow): Promise<CatalogVersion> {
    const version = await deps.feeds.catalog.versionById(row.base_version_id);
    if (!version) throw new Error(`catalogue version ${row.base_version_id} of plan ${row.id} is missing`);
    return version;
  }

  async function load(ctx: RequestContext, id: number, need: keyof AgencyAccess) {
    const actor = actorOf(ctx);
    const row = await db.selectFrom('pr_plans').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw planNotFound();
    const basis = await orgBasis(deps);
    const access = accessAt(actor, row.agency_unit_id, basis);
    requireAccess(access, need, planNotFound);
    return { row, basis, access, actor };
  }

  async function get(ctx: RequestContext, id: number) {
    const { row, basis, access } = await load(ctx, id, 'read');
    const [version, c, history, approver] = await Promise.all([
      baseVersion(row), costed(row, basis), eventsOf(db, 'plan', id),
      row.approved_by === null ? Promise.resolve([]) : deps.org.staffNamesByIds([row.approved_by]),
    ]);
    const changes = changesOf(row);
    const measured = row.status === 'rejected' ? null : await measuredSaving(deps, costOf, row, c.unitIds, c.before);
    return {
      ...summaryOf(row, basis.byId.get(row.agency_unit_id)?.name ?? '', savingOf(c)),
      baseVersionId: row.base_version_id, baseVersionNo: row.base_version_no, reviewId: row.review_id, rationale: row.rationale, changes,
      before: c.before, after: c.after, frozen: c.frozen, ...changedContent(version.content, changes), measured,
      approvedAt: row.approved_at?.toISOString() ?? null, approvedByName: approver[0]?.fullName ?? null,
      history: history.map((e) => ({ ...e, label: PR_ACTIONS[e.action as PrAction]?.vi ?? e.action })),
      version: row.version, allowed: allowedOf(row.status, access),
    };
  }

  /** The agencies a list covers (agency-access.ts `listScope`); an unknown or unreadable unit answers 404. */
  function scope(ctx: RequestContext, basis: OrgBasis, unitId?: number): number[] {
    const agencies = listScope(actorOf(ctx), basis, unitId);
    if (!agencies) throw unitNotFound();
    return agencies;
  }

  async function rowsOf(agencies: number[], filter: { year?: number | undefined; status?: PlanStatus | undefined; notRejected?: boolean }) {
    if (agencies.length === 0) return [];
    let q = db.selectFrom('pr_plans').selectAll().where('agency_unit_id', 'in', agencies);
    if (filter.year !== undefined) q = q.where('year', '=', filter.year);
    if (filter.status !== undefined) q = q.where('status', '=', filter.status);
    if (filter.notRejected) q = q.where('status', '<>', 'rejected');
    const rows = await q.orderBy('year', 'desc').orderBy('id', 'desc').execute();
    const order = new Map(agencies.map((a, i) => [a, i]));
    return rows.sort((a, b) => b.year - a.year || order.get(a.agency_unit_id)! - order.get(b.agency_unit_id)! || b.id - a.id);
  }

  async function list(ctx: RequestContext, query: { unitId?: number | undefined; year?: number | undefined; status?: PlanStatus | undefined }) {
    const basis = await orgBasis(deps);
    const rows = await rowsOf(scope(ctx, basis, query.unitId), query);
    const items = [];
    for (const row of rows) items.push(summaryOf(row, basis.byId.get(row.agency_unit_id)?.name ?? '', savingOf(await costed(row, basis))));
    return { items };
  }

  /** Rolls up the year's plans that still stand (not rejected) per agency and for the province. */
  async function summary(ctx: RequestContext, query: { year: number }) {
    const basis = await orgBasis(deps);
    const rows = await rowsOf(scope(ctx, basis), { year: query.year, notRejected: true });
    const byAgency = new Map<number, { saving: { beforeVnd: number; afterVnd: number }; approved: boolean }[]>();
    for (const row of rows) {
      const s = savingOf(await costed(row, basis));
      byAgency.set(row.agency_unit_id, [...(byAgency.get(row.agency_unit_id) ?? []), { saving: s, approved: row.status === 'approved' }]);
    }
    const agencies = [...byAgency.entries()]
      .sort(([a], [b]) => basis.units.findIndex((u) => u.id === a) - basis.units.findIndex((u) => u.id === b))
      .map(([agencyUnitId, plans]) => ({
        agencyUnitId, agencyUnitName: basis.byId.get(agencyUnitId)?.name ?? '', ...rollUp(plans.map((p) => p.saving)),
        plans: plans.length, approved: plans.filter((p) => p.approved).length,
      }));
    const all = [...byAgency.values()].flat();
    return { year: query.year, agencies, province: { ...rollUp(all.map((p) => p.saving)), plans: all.length, approved: all.filter((p) => p.approved).length } };
  }

  /** 400 with every way the changes do not fit the version (a document or fee it lacks, a time limit not shorter). */
  function checkChanges(content: CatalogVersion['content'], changes: PlanChanges) {
    const problems = planProblems(content, changes);
    if (problems.length > 0) {
      throw errors.validation(problems.map((p) => ({ path: p.path.startsWith('changes') ? p.path : `changes.${p.path}`, message: p.vi, messageEn: p.en })));
    }
  }

  async function create(ctx: RequestContext, input: PlanCreateBody) {
    const actor = actorOf(ctx);
    const basis = await orgBasis(deps);
    const unit = basis.byId.get(input.agencyUnitId);
    if (!unit) throw unitNotFound();
    requireAccess(accessAt(actor, agencyOf(unit.id, basis.units, basis.agencies) ?? unit.id, basis), 'read', unitNotFound);
    if (!basis.agencies.has(unit.id)) throw invalid('agencyUnitId', 'Phương án đơn giản hóa được lập cho cả cơ quan, không cho riêng một phòng, ban.', 'A simplification plan belongs to an agency, not one of its sections.');
    requireAccess(accessAt(actor, unit.id, basis), 'manage', unitNotFound);
    const version = await deps.feeds.catalog.inForce(input.procedureCode, todayOf(deps));
    if (!version) throw invalid('procedureCode', `Thủ tục ${input.procedureCode} không có trong danh mục hoặc không còn hiệu lực.`, `Procedure ${input.procedureCode} is not in force in the catalogue.`);
    if (input.reviewId !== undefined) {
      const review = await db.selectFrom('pr_reviews').select(['agency_unit_id', 'procedure_code']).where('id', '=', input.reviewId).executeTakeFirst();
      if (!review || review.agency_unit_id !== unit.id || review.procedure_code !== input.procedureCode) {
        throw invalid('reviewId', 'Phiếu rà soát phải là phiếu của chính cơ quan này về cùng thủ tục.', 'The review must be this agency\'s review of the same procedure.');
      }
    }
    const changes = input.changes as PlanChanges;
    checkChanges(version.content, changes);
    const at = deps.now();
    const id = await inTransaction(db, async (trx) => {
      const row = await trx.insertInto('pr_plans').values({
        agency_unit_id: unit.id, year: input.year, procedure_code: input.procedureCode, procedure_name: version.name,
        base_version_id: version.versionId, base_version_no: version.versionNo, review_id: input.reviewId ?? null,
        title: input.title, rationale: input.rationale || null, changes: JSON.stringify(changes), created_by: actor.staffId, created_at: at, updated_at: at,
      }).returning('id').executeTakeFirstOrThrow();
      await addEvent(trx, ctx, at, {
        record: 'plan', entityId: row.id, action: 'plan_created', unitId: unit.id,
        data: { procedureCode: input.procedureCode, baseVersionNo: version.versionNo, year: input.year, title: input.title, changes },
      });
      return row.id;
    });
    return get(ctx, id);
  }

  async function update(ctx: RequestContext, id: number, input: PlanUpdateBody) {
    const { row } = await load(ctx, id, 'manage');
    if (row.status !== 'draft') throw notDraft();
    if (input.version !== row.version) throw staleVersion();
    const changes = input.changes as PlanChanges;
    checkChanges((await baseVersion(row)).content, changes);
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const updated = await trx.updateTable('pr_plans').set({ title: input.title, rationale: input.rationale || null, changes: JSON.stringify(changes), version: row.version + 1, updated_at: at })
        .where('id', '=', id).where('version', '=', input.version).where('status', '=', 'draft').returning('id').executeTakeFirst();
      if (!updated) throw staleVersion();
      await addEvent(trx, ctx, at, { record: 'plan', entityId: id, action: 'plan_updated', unitId: row.agency_unit_id, data: { title: input.title, before: changesOf(row), changes } });
    });
    return get(ctx, id);
  }

  async function act(ctx: RequestContext, id: number, input: PlanActionBody) {
    const rule = ACTIONS[input.action];
    const { row, basis, actor } = await load(ctx, id, rule.need);
    if (input.version !== row.version) throw staleVersion();
    if (row.status !== rule.from) throw wrongStatus(row.status);
    const note = input.note?.trim() || null;
    if (rule.note && !note) throw invalid('note', 'Cần ghi rõ lý do.', 'A note saying why is required.');
    // The approved figures are computed before the transaction (one connection on PGlite) and frozen in it.
    const frozen = input.action === 'approve' ? await costed(row, basis) : null;
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const updated = await trx.updateTable('pr_plans').set({
        status: rule.to, version: row.version + 1, updated_at: at,
        ...(frozen ? { before_snapshot: JSON.stringify(frozen.before), after_snapshot: JSON.stringify(frozen.after), approved_by: actor.staffId, approved_at: at } : {}),
      }).where('id', '=', id).where('version', '=', input.version).where('status', '=', rule.from).returning('id').executeTakeFirst();
      if (!updated) throw staleVersion();
      await addEvent(trx, ctx, at, {
        record: 'plan', entityId: id, action: rule.event, note, unitId: row.agency_unit_id,
        data: { from: row.status, to: rule.to, ...(frozen ? { saving: savingOf(frozen) } : {}) },
      });
    });
    return get(ctx, id);
  }

  return { list, summary, create, get, update, act };
}
export type PlansService = ReturnType<typeof createPlansService>;
