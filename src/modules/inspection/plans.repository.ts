import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, Tx } from '../../platform/db/transaction.js';
import type { InspPlanItemsTable, InspPlansTable } from './inspection-plans.tables.js';

/** SQL of inspection plans; the service decides who may run which. */
export type PlanRow = Selectable<InspPlansTable>;
export type PlanItemRow = Selectable<InspPlanItemsTable>;
export type HistoryInput = { at: Date; action: string; actorStaffId: number; actorName: string; note?: string | null; details?: Record<string, unknown> };

export async function findPlan(db: Db, id: number): Promise<PlanRow | undefined> {
  return db.selectFrom('insp_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function itemsOf(db: Db, planIds: number[]): Promise<PlanItemRow[]> {
  if (planIds.length === 0) return [];
  return db.selectFrom('insp_plan_items').selectAll().where('plan_id', 'in', planIds).orderBy('planned_from').orderBy('id').execute();
}

export async function findItem(db: Db, id: number): Promise<PlanItemRow | undefined> {
  return db.selectFrom('insp_plan_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function eventsOf(db: Db, planId: number) {
  return db.selectFrom('insp_plan_events').selectAll().where('plan_id', '=', planId).orderBy('id').execute();
}

/** The live (not cancelled) inspection opened from each item, if any. */
export async function inspectionsOfItems(db: Db, itemIds: number[]): Promise<Map<number, { id: number; status: string }>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db.selectFrom('insp_inspections').select(['id', 'status', 'plan_item_id']).where('plan_item_id', 'in', itemIds).where('status', '<>', 'cancelled').execute();
  return new Map(rows.map((r) => [r.plan_item_id!, { id: r.id, status: r.status }]));
}

export type PlanFilter = { units: number[]; year?: number | undefined; unitId?: number | undefined; status?: string | undefined; cursor?: number | undefined; limit: number };

/** Plans of the inspecting units the caller reads, newest first (keyset by id). */
export async function listPlans(db: Db, f: PlanFilter): Promise<PlanRow[]> {
  if (f.units.length === 0) return [];
  let q = db.selectFrom('insp_plans').selectAll().where('inspecting_unit_id', 'in', f.units);
  if (f.year) q = q.where('year', '=', f.year);
  if (f.unitId) q = q.where('inspecting_unit_id', '=', f.unitId);
  if (f.status) q = q.where('status', '=', f.status as never);
  if (f.cursor) q = q.where('id', '<', f.cursor);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

export async function insertPlan(trx: Tx, values: Insertable<InspPlansTable>): Promise<number> {
  return (await trx.insertInto('insp_plans').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertItem(trx: Tx, values: Insertable<InspPlanItemsTable>): Promise<number> {
  return (await trx.insertInto('insp_plan_items').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateItem(trx: Tx, id: number, values: Updateable<InspPlanItemsTable>): Promise<void> {
  await trx.updateTable('insp_plan_items').set(values).where('id', '=', id).execute();
}

export async function deleteItem(trx: Tx, id: number): Promise<void> {
  await trx.deleteFrom('insp_plan_items').where('id', '=', id).execute();
}

/** The change under the version the caller read; false when someone changed the plan since (409). */
export async function updatePlan(trx: Tx, id: number, version: number, values: Updateable<InspPlansTable>, at: Date): Promise<boolean> {
  const r = await trx.updateTable('insp_plans').set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function addEvent(trx: Tx, planId: number, e: HistoryInput): Promise<void> {
  await trx.insertInto('insp_plan_events').values({
    plan_id: planId, at: e.at, action: e.action, actor_staff_id: e.actorStaffId, actor_name: e.actorName, note: e.note ?? null, details: JSON.stringify(e.details ?? {}),
  }).execute();
}
