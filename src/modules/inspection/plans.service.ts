import type { Updateable } from 'kysely';
import { authorize, can, reachable, type Actor, type Permission } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { actorOf, invalid, loadNames, notAfterToday, requireStaff, requireUnit, todayOf, type InspectionDeps } from './inspection.context.js';
import type { InspPlanItemsTable, InspPlansTable } from './inspection-plans.tables.js';
import { planCounts } from './plan-counts.js';
import { allowedPlanActions, isAmendment, itemPeriodProblem, planActionPermission, planRefusal } from './plan-rules.js';
import { planDetail, planSummary } from './plan-view.js';
import * as repo from './plans.repository.js';
import type { PlanActionInput, PlanCreateInput, PlanItemInput, PlanListQuery } from './plans.schema.js';
import type { InspectionCountsPort } from './report-ports.js';

export const planNotFound = () => errors.notFound('kế hoạch thanh tra, kiểm tra', 'inspection plan');
const itemNotFound = () => errors.notFound('cuộc thanh tra, kiểm tra trong kế hoạch', 'plan item', 'PLAN_ITEM_NOT_FOUND');

/**
 * Yearly inspection plans (issue 18 scope 1): drafted by the inspecting unit, approved by a decision,
 * amended afterwards only with a reason. Each change is one transaction with its event and audit row
 * under the plan's version; other modules (org) are read before it.
 */
export function createPlansService(deps: InspectionDeps) {
  const { db } = deps;

  /** Readable with inspection.read at the inspecting unit (its subtree's readers above it included). */
  async function load(actor: Actor, id: number) {
    const row = await repo.findPlan(db, id);
    if (!row || !can(actor, 'inspection.read', row.inspecting_unit_id)) throw planNotFound();
    return row;
  }

  async function get(ctx: RequestContext, id: number) {
    const actor = actorOf(ctx);
    const row = await load(actor, id);
    const items = await repo.itemsOf(db, [id]);
    const inspections = await repo.inspectionsOfItems(db, items.map((i) => i.id));
    const events = await repo.eventsOf(db, id);
    const names = await loadNames(deps, items.map((i) => i.lead_staff_id));
    const may = (p: Permission) => can(actor, p, row.inspecting_unit_id);
    return planDetail(row, { items, names, inspections, events, allowedActions: allowedPlanActions(row.status, may) });
  }

  /** The checks an item needs against the database and the plan; throws a 400 naming the field. */
  async function checkItem(item: Omit<PlanItemInput, 'leadStaffId' | 'note'> & { leadStaffId?: number | null | undefined }, plan: { inspecting_unit_id: number; year: number }, prefix: string) {
    const period = itemPeriodProblem(plan.year, item.plannedFrom, item.plannedTo);
    if (period) throw invalid(`${prefix}${period.path}`, period.vi, period.en);
    await requireUnit(deps, item.targetUnitId, `${prefix}targetUnitId`);
    if (item.targetUnitId === plan.inspecting_unit_id) throw invalid(`${prefix}targetUnitId`, 'Đơn vị được thanh tra, kiểm tra phải khác đơn vị lập kế hoạch.', 'The inspected unit is the inspecting unit.');
    if (item.leadStaffId) await requireStaff(deps, [item.leadStaffId], `${prefix}leadStaffId`);
  }

  const itemValues = (i: PlanItemInput) => ({ target_unit_id: i.targetUnitId, topics: i.topics, planned_from: i.plannedFrom, planned_to: i.plannedTo, lead_staff_id: i.leadStaffId ?? null, note: i.note || null });

  type Change = { values: Updateable<InspPlansTable>; details: Record<string, unknown>; write?: (trx: Tx) => Promise<void> };

  /** What an action changes, after the checks that read the database; throws the refusal. */
  async function changes(actor: Actor, row: repo.PlanRow, input: PlanActionInput): Promise<Change> {
    const today = todayOf(deps);
    const amendment = isAmendment(row.status, input.action);
    const ownItem = async (itemId: number) => {
      const item = await repo.findItem(db, itemId);
      if (!item || item.plan_id !== row.id) throw itemNotFound();
      if (item.cancelled_on) throw errors.conflict('PLAN_ITEM_CANCELLED', 'Cuộc thanh tra, kiểm tra này đã được đưa ra khỏi kế hoạch.', 'The item is cancelled.');
      const inspection = (await repo.inspectionsOfItems(db, [itemId])).get(itemId);
      return { item, inspection };
    };
    switch (input.action) {
      case 'edit': {
        const values: Updateable<InspPlansTable> = {};
        if (input.title !== undefined) values.title = input.title;
        if (input.note !== undefined) values.note = input.note || null;
        return { values, details: { before: { title: row.title, note: row.note }, after: values } };
      }
      case 'add_item': {
        await checkItem(input.item, row, 'item.');
        const values = itemValues(input.item);
        return { values: {}, details: { item: values, amendment }, write: async (trx) => { await repo.insertItem(trx, { plan_id: row.id, ...values }); } };
      }
      case 'update_item': {
        const { item, inspection } = await ownItem(input.itemId);
        const c = input.changes;
        const merged = {
          targetUnitId: c.targetUnitId ?? item.target_unit_id, topics: c.topics ?? item.topics, plannedFrom: c.plannedFrom ?? item.planned_from, plannedTo: c.plannedTo ?? item.planned_to,
          leadStaffId: c.leadStaffId === undefined ? item.lead_staff_id : c.leadStaffId,
        };
        if (inspection && merged.targetUnitId !== item.target_unit_id) {
          throw errors.conflict('ITEM_HAS_INSPECTION', 'Đã mở cuộc thanh tra, kiểm tra theo mục này: không đổi được đơn vị.', 'An inspection was opened from this item: its unit cannot change.');
        }
        await checkItem(merged, row, 'changes.');
        const values: Updateable<InspPlanItemsTable> = {
          target_unit_id: merged.targetUnitId, topics: merged.topics, planned_from: merged.plannedFrom, planned_to: merged.plannedTo, lead_staff_id: merged.leadStaffId,
          ...(c.note !== undefined ? { note: c.note || null } : {}),
        };
        const before = { targetUnitId: item.target_unit_id, topics: item.topics, plannedFrom: item.planned_from, plannedTo: item.planned_to, leadStaffId: item.lead_staff_id, note: item.note };
        return { values: {}, details: { itemId: item.id, before, after: c, amendment }, write: (trx) => repo.updateItem(trx, item.id, values) };
      }
      case 'remove_item': {
        const { item, inspection } = await ownItem(input.itemId);
        if (inspection) throw errors.conflict('ITEM_HAS_INSPECTION', 'Đã mở cuộc thanh tra, kiểm tra theo mục này; hãy hủy cuộc thanh tra, kiểm tra đó trước.', 'Cancel the inspection opened from this item first.');
        const target = { itemId: item.id, targetUnitId: item.target_unit_id, plannedFrom: item.planned_from, amendment };
        // A draft's item simply goes; an approved plan keeps it, cancelled, with the reason.
        return amendment
          ? { values: {}, details: target, write: (trx) => repo.updateItem(trx, item.id, { cancelled_on: today, cancel_reason: input.reason!.trim() }) }
          : { values: {}, details: target, write: (trx) => repo.deleteItem(trx, item.id) };
      }
      case 'approve': {
        const live = (await repo.itemsOf(db, [row.id])).filter((i) => !i.cancelled_on);
        if (live.length === 0) throw errors.conflict('PLAN_EMPTY', 'Kế hoạch chưa có cuộc thanh tra, kiểm tra nào.', 'The plan has no item.');
        notAfterToday(deps, 'decisionDate', input.decisionDate);
        return {
          values: { status: 'approved', decision_no: input.decisionNo, decision_date: input.decisionDate, signer: input.signer, approved_by_staff_id: actor.staffId },
          details: { decisionNo: input.decisionNo, decisionDate: input.decisionDate, signer: input.signer, items: live.length },
        };
      }
    }
  }

  const counts: InspectionCountsPort = async (q) => planCounts(db, q, await deps.workingDays());

  return {
    get,
    counts,

    async create(ctx: RequestContext, input: PlanCreateInput) {
      const actor = actorOf(ctx);
      authorize(actor, 'inspection.manage', input.inspectingUnitId, 'inspection.read', () => errors.notFound('đơn vị', 'unit'));
      await requireUnit(deps, input.inspectingUnitId, 'inspectingUnitId');
      const plan = { inspecting_unit_id: input.inspectingUnitId, year: input.year };
      for (const [i, item] of input.items.entries()) await checkItem(item, plan, `items.${i}.`);
      const at = deps.now();
      const id = await inTransaction(db, async (trx) => {
        const planId = await repo.insertPlan(trx, { ...plan, title: input.title, note: input.note || null, created_by_staff_id: actor.staffId });
        for (const item of input.items) await repo.insertItem(trx, { plan_id: planId, ...itemValues(item) });
        await repo.addEvent(trx, planId, { at, action: 'created', actorStaffId: actor.staffId, actorName: actor.fullName, details: { year: input.year, items: input.items.length } });
        await recordAudit(trx, ctx, { action: 'inspection.plan_created', entity: 'insp_plan', entityId: planId, unitId: input.inspectingUnitId, after: { year: input.year, title: input.title, items: input.items.length } });
        return planId;
      });
      return get(ctx, id);
    },

    async list(ctx: RequestContext, q: PlanListQuery) {
      const actor = actorOf(ctx);
      const rows = await repo.listPlans(db, { units: reachable(actor, 'inspection.read'), ...q });
      const items = await repo.itemsOf(db, rows.map((r) => r.id));
      const names = await loadNames(deps, []);
      return { plans: rows.map((r) => planSummary(r, items.filter((i) => i.plan_id === r.id), names)), nextCursor: rows.length === q.limit ? rows[rows.length - 1]!.id : null };
    },

    async act(ctx: RequestContext, id: number, input: PlanActionInput) {
      const actor = actorOf(ctx);
      const row = await load(actor, id);
      if (!can(actor, planActionPermission(row.status, input.action), row.inspecting_unit_id)) throw errors.forbidden();
      const reason = 'reason' in input ? input.reason : undefined;
      const refused = planRefusal(row.status, input.action, reason);
      if (refused?.code === 'AMENDMENT_REASON_REQUIRED') throw invalid('reason', refused.vi, refused.en);
      if (refused) throw errors.conflict(refused.code, refused.vi, refused.en);
      if (input.version !== row.version) throw errors.stale();
      const change = await changes(actor, row, input);
      const at = deps.now();
      await inTransaction(db, async (trx) => {
        if (!(await repo.updatePlan(trx, id, input.version, change.values, at))) throw errors.stale();
        await change.write?.(trx);
        await repo.addEvent(trx, id, { at, action: input.action, actorStaffId: actor.staffId, actorName: actor.fullName, note: reason?.trim() || null, details: change.details });
        await recordAudit(trx, ctx, {
          action: `inspection.plan_${input.action as 'edit' | 'add_item' | 'update_item' | 'remove_item' | 'approve'}`,
          entity: 'insp_plan', entityId: id, unitId: row.inspecting_unit_id, before: { status: row.status }, after: { status: change.values.status ?? row.status, amendment: isAmendment(row.status, input.action) },
        });
      });
      return get(ctx, id);
    },
  };
}
export type PlansService = ReturnType<typeof createPlansService>;
