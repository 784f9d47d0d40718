import { authorize, can, reachable, type Actor } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { actorOf, invalid, loadNames, notAfterToday, requireStaff, requireUnit, todayOf, type InspectionDeps } from './inspection.context.js';
import type { InspectionView } from './inspection-labels.js';
import { createFollowUp } from './inspection-follow-up.js';
import { inspectionChanges } from './inspection-record.js';
import { allowedInspectionActions, allowedRecommendationActions, inspectionRefusal, mayAct } from './inspection-rules.js';
import { inspectionDetail, inspectionSummary } from './inspection-view.js';
import * as repo from './inspections.repository.js';
import type { InspectionActionInput, InspectionCreateInput, InspectionListQuery, RecommendationActionInput } from './inspections.schema.js';
import { planNotFound } from './plans.service.js';
import * as plans from './plans.repository.js';

export const inspectionNotFound = () => errors.notFound('cuộc thanh tra, kiểm tra', 'inspection');

/** How the caller stands to an inspection: which side reads it, and what they may do as the inspecting side. */
export type Standing = { row: repo.InspectionRow; team: repo.TeamMember[]; onTeam: boolean; view: InspectionView; manage: boolean; conclude: boolean };

/**
 * Inspections (issue 18 scope 1): opened from an approved plan's item or by surprise, started at the
 * unit (the checklist's figures taken then), the record kept by the team, concluded with
 * recommendations that the responsible unit reports on until the inspecting unit accepts each (the
 * inspection then closes). Who reads: inspection.read at the inspecting unit, the team, and — once
 * concluded — inspection.read at the inspected unit or at a recommendation's responsible unit; anyone
 * else gets 404. Each change is one transaction with its event and audit row under the version.
 */
export function createInspectionsService(deps: InspectionDeps) {
  const { db } = deps;

  async function standing(actor: Actor, id: number): Promise<Standing> {
    const row = await repo.findInspection(db, id);
    if (!row) throw inspectionNotFound();
    const team = (await repo.teamOf(db, [id])).get(id) ?? [];
    const onTeam = team.some((m) => m.staffId === actor.staffId);
    let view: InspectionView | null = onTeam || can(actor, 'inspection.read', row.inspecting_unit_id) ? 'inspecting' : null;
    // The inspected side reads the conclusion, never the team's work before it.
    if (!view && (row.status === 'concluded' || row.status === 'closed')) {
      const recs = await repo.recommendationsOf(db, [id]);
      if (can(actor, 'inspection.read', row.target_unit_id) || recs.some((r) => can(actor, 'inspection.read', r.responsible_unit_id))) view = 'inspected';
    }
    if (!view) throw inspectionNotFound();
    return { row, team, onTeam, view, manage: can(actor, 'inspection.manage', row.inspecting_unit_id), conclude: can(actor, 'inspection.conclude', row.inspecting_unit_id) };
  }

  async function get(ctx: RequestContext, id: number) {
    const actor = actorOf(ctx);
    const st = await standing(actor, id);
    const { row } = st;
    const checklist = await repo.checklistOf(db, id);
    const findings = await repo.findingsOf(db, id);
    const recs = await repo.recommendationsOf(db, [id]);
    const updates = await repo.updatesOf(db, recs.map((r) => r.id));
    const events = st.view === 'inspecting' ? await repo.eventsOf(db, id) : [];
    const planId = row.plan_item_id ? (await repo.planOfItems(db, [row.plan_item_id])).get(row.plan_item_id) ?? null : null;
    const names = await loadNames(deps, [...st.team.map((m) => m.staffId), ...findings.map((f) => f.staff_id)]);
    const live = row.status === 'concluded';
    return inspectionDetail(row, {
      names, view: st.view, onTeam: st.onTeam, planId, team: st.team, checklist, findings, recs, updates, events,
      today: todayOf(deps), isWorking: await deps.workingDays(),
      allowedActions: st.view === 'inspecting' ? allowedInspectionActions(row.status, st) : [],
      recommendationActions: (r) => (live ? allowedRecommendationActions(r.status, { report: can(actor, 'inspection.manage', r.responsible_unit_id), review: st.conclude }) : []),
    });
  }

  /** The plan item an inspection is opened from, with its plan: readable, approved, not cancelled, free. */
  async function planItem(actor: Actor, itemId: number) {
    const item = await plans.findItem(db, itemId);
    const plan = item ? await plans.findPlan(db, item.plan_id) : undefined;
    if (!item || !plan || !can(actor, 'inspection.read', plan.inspecting_unit_id)) throw planNotFound();
    authorize(actor, 'inspection.manage', plan.inspecting_unit_id, 'inspection.read', planNotFound);
    if (plan.status !== 'approved') throw errors.conflict('PLAN_NOT_APPROVED', 'Kế hoạch chưa được phê duyệt.', 'The plan is not approved.');
    if (item.cancelled_on) throw errors.conflict('PLAN_ITEM_CANCELLED', 'Cuộc thanh tra, kiểm tra này đã được đưa ra khỏi kế hoạch.', 'The item is cancelled.');
    if ((await plans.inspectionsOfItems(db, [itemId])).has(itemId)) throw itemTaken();
    return { item, plan };
  }
  const itemTaken = () => errors.conflict('ITEM_HAS_INSPECTION', 'Đã mở cuộc thanh tra, kiểm tra theo mục này của kế hoạch.', 'An inspection was already opened from this item.');

  const followUp = createFollowUp(deps, standing, get);

  return {
    get,
    standing,

    async open(ctx: RequestContext, input: InspectionCreateInput) {
      const actor = actorOf(ctx);
      let source: { inspecting: number; target: number; topics: string[]; onSiteFrom: string; onSiteTo: string; planItemId: number | null };
      if (input.kind === 'planned') {
        const { item, plan } = await planItem(actor, input.planItemId);
        source = { inspecting: plan.inspecting_unit_id, target: item.target_unit_id, topics: input.topics ?? item.topics, onSiteFrom: input.onSiteFrom ?? item.planned_from, onSiteTo: input.onSiteTo ?? item.planned_to, planItemId: item.id };
        if (source.onSiteTo < source.onSiteFrom) throw invalid('onSiteTo', 'Ngày kết thúc trước ngày bắt đầu.', 'The period ends before it starts.');
      } else {
        authorize(actor, 'inspection.manage', input.inspectingUnitId, 'inspection.read', () => errors.notFound('đơn vị', 'unit'));
        await requireUnit(deps, input.inspectingUnitId, 'inspectingUnitId');
        await requireUnit(deps, input.targetUnitId, 'targetUnitId');
        if (input.targetUnitId === input.inspectingUnitId) throw invalid('targetUnitId', 'Đơn vị được thanh tra, kiểm tra phải khác đơn vị tiến hành.', 'The inspected unit is the inspecting unit.');
        source = { inspecting: input.inspectingUnitId, target: input.targetUnitId, topics: input.topics, onSiteFrom: input.onSiteFrom, onSiteTo: input.onSiteTo, planItemId: null };
      }
      await requireStaff(deps, input.team.map((m) => m.staffId), 'team');
      notAfterToday(deps, 'decisionDate', input.decisionDate);
      const at = deps.now();
      const id = await inTransaction(db, async (trx) => {
        const newId = await repo.insertInspection(trx, {
          kind: input.kind, inspecting_unit_id: source.inspecting, target_unit_id: source.target, plan_item_id: source.planItemId,
          surprise_reason: input.kind === 'surprise' ? input.surpriseReason : null, trigger_ref: input.kind === 'surprise' ? input.triggerRef || null : null,
          topics: source.topics as never, decision_no: input.decisionNo ?? null, decision_date: input.decisionDate ?? null,
          on_site_from: source.onSiteFrom, on_site_to: source.onSiteTo, covers_from: input.coversFrom, covers_to: input.coversTo, created_by_staff_id: actor.staffId,
        });
        await repo.replaceTeam(trx, newId, input.team);
        await repo.addEvent(trx, newId, { at, action: 'opened', actorStaffId: actor.staffId, actorName: actor.fullName, details: { kind: input.kind, planItemId: source.planItemId, team: input.team } });
        await recordAudit(trx, ctx, { action: 'inspection.inspection_opened', entity: 'insp_inspection', entityId: newId, unitId: source.inspecting, after: { kind: input.kind, targetUnitId: source.target, planItemId: source.planItemId } });
        return newId;
      }).catch((err: unknown) => {
        // Two people opening an inspection from the same item at once: the second finds it taken.
        if (isUniqueViolation(err, 'insp_inspections_plan_item_key')) throw itemTaken();
        throw err;
      });
      return get(ctx, id);
    },

    async list(ctx: RequestContext, q: InspectionListQuery) {
      const actor = actorOf(ctx);
      const reach = reachable(actor, 'inspection.read');
      const rows = await repo.listInspections(db, { inspecting: reach, inspected: reach, staffId: actor.staffId, ...q });
      const ids = rows.map((r) => r.id);
      const teams = await repo.teamOf(db, ids);
      const recs = await repo.recommendationsOf(db, ids);
      const names = await loadNames(deps, []);
      const isWorking = await deps.workingDays();
      const today = todayOf(deps);
      return {
        inspections: rows.map((r) => {
          const onTeam = (teams.get(r.id) ?? []).some((m) => m.staffId === actor.staffId);
          const view: InspectionView = onTeam || can(actor, 'inspection.read', r.inspecting_unit_id) ? 'inspecting' : 'inspected';
          return inspectionSummary(r, { names, view, onTeam, recs: recs.filter((x) => x.inspection_id === r.id), today, isWorking });
        }),
        nextCursor: rows.length === q.limit ? rows[rows.length - 1]!.id : null,
      };
    },

    async act(ctx: RequestContext, id: number, input: InspectionActionInput) {
      const actor = actorOf(ctx);
      const st = await standing(actor, id);
      if (st.view !== 'inspecting' || !mayAct(input.action, st)) throw errors.forbidden();
      const refused = inspectionRefusal(st.row.status, input.action);
      if (refused) throw errors.conflict('INSPECTION_STATE', refused.vi, refused.en);
      if (input.version !== st.row.version) throw errors.stale();
      const change = await inspectionChanges(deps, actor, st.row, input);
      const at = deps.now();
      await inTransaction(db, async (trx) => {
        if (!(await repo.updateInspection(trx, id, input.version, change.values, at))) throw errors.stale();
        await change.write?.(trx);
        await repo.addEvent(trx, id, { at, action: input.action, actorStaffId: actor.staffId, actorName: actor.fullName, note: change.note ?? null, details: change.details });
        await recordAudit(trx, ctx, {
          action: `inspection.inspection_${input.action as 'edit' | 'set_team' | 'start' | 'refresh_checklist' | 'set_verdicts' | 'add_finding' | 'update_finding' | 'remove_finding' | 'conclude' | 'cancel'}`,
          entity: 'insp_inspection', entityId: id, unitId: st.row.inspecting_unit_id, before: { status: st.row.status }, after: { status: change.values.status ?? st.row.status },
        });
      });
      return get(ctx, id);
    },

    recommendationAct: (ctx: RequestContext, id: number, recId: number, input: RecommendationActionInput) => followUp.act(ctx, id, recId, input),
  };
}
export type InspectionsService = ReturnType<typeof createInspectionsService>;
