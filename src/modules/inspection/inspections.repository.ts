import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, Tx } from '../../platform/db/transaction.js';
import type { ChecklistRow } from './checklist-rules.js';
import type { InspChecklistItemsTable, InspFindingsTable, InspInspectionsTable, InspRecommendationsTable } from './inspection-plans.tables.js';
import type { HistoryInput } from './plans.repository.js';

/** SQL of inspections, their record and their recommendations; the service decides who may run which. */
export type InspectionRow = Selectable<InspInspectionsTable>;
export type ChecklistItemRow = Selectable<InspChecklistItemsTable>;
export type FindingRow = Selectable<InspFindingsTable>;
export type RecommendationRow = Selectable<InspRecommendationsTable>;
export type TeamMember = { staffId: number; role: 'lead' | 'member' };

export async function findInspection(db: Db | Tx, id: number): Promise<InspectionRow | undefined> {
  return db.selectFrom('insp_inspections').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function teamOf(db: Db, ids: number[]): Promise<Map<number, TeamMember[]>> {
  const out = new Map<number, TeamMember[]>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('insp_inspection_team').select(['inspection_id', 'staff_id', 'role']).where('inspection_id', 'in', ids).orderBy('role').orderBy('staff_id').execute();
  for (const r of rows) out.set(r.inspection_id, [...(out.get(r.inspection_id) ?? []), { staffId: r.staff_id, role: r.role }]);
  return out;
}

export async function checklistOf(db: Db, id: number): Promise<ChecklistItemRow[]> {
  return db.selectFrom('insp_checklist_items').selectAll().where('inspection_id', '=', id).orderBy('position').execute();
}

export async function findingsOf(db: Db, id: number): Promise<FindingRow[]> {
  return db.selectFrom('insp_findings').selectAll().where('inspection_id', '=', id).orderBy('id').execute();
}

export async function recommendationsOf(db: Db | Tx, ids: number[]): Promise<RecommendationRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('insp_recommendations').selectAll().where('inspection_id', 'in', ids).orderBy('inspection_id').orderBy('seq').execute();
}

export async function findRecommendation(db: Db, id: number): Promise<RecommendationRow | undefined> {
  return db.selectFrom('insp_recommendations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updatesOf(db: Db, recIds: number[]) {
  if (recIds.length === 0) return [];
  return db.selectFrom('insp_recommendation_updates').selectAll().where('recommendation_id', 'in', recIds).orderBy('id').execute();
}

export async function eventsOf(db: Db, id: number) {
  return db.selectFrom('insp_inspection_events').selectAll().where('inspection_id', '=', id).orderBy('id').execute();
}

export type InspectionFilter = {
  /** Units where the caller reads inspections as the inspecting side, and where they read the inspected side. */
  inspecting: number[]; inspected: number[]; staffId: number;
  scope?: 'team' | 'inspecting' | 'inspected' | undefined;
  status?: string | undefined; kind?: string | undefined; unitId?: number | undefined; targetUnitId?: number | undefined; planId?: number | undefined; year?: number | undefined;
  cursor?: number | undefined; limit: number;
};

/**
 * The inspections the caller reads, newest first: those of the units they read as inspector, those
 * whose team they are on, and concluded ones whose inspected unit (or a recommendation's responsible
 * unit) they read. The same rule as the service's `standing`, written as SQL.
 */
export async function listInspections(db: Db, f: InspectionFilter): Promise<InspectionRow[]> {
  let q = db.selectFrom('insp_inspections').selectAll();
  q = q.where((eb) => {
    const onTeam = eb.exists(eb.selectFrom('insp_inspection_team').select('staff_id').whereRef('insp_inspection_team.inspection_id', '=', 'insp_inspections.id').where('insp_inspection_team.staff_id', '=', f.staffId));
    const asInspector = f.inspecting.length ? eb('inspecting_unit_id', 'in', f.inspecting) : eb.val(false);
    const asInspected = f.inspected.length
      ? eb.and([eb('status', 'in', ['concluded', 'closed']), eb.or([
        eb('target_unit_id', 'in', f.inspected),
        eb.exists(eb.selectFrom('insp_recommendations').select('id').whereRef('insp_recommendations.inspection_id', '=', 'insp_inspections.id').where('insp_recommendations.responsible_unit_id', 'in', f.inspected)),
      ])])
      : eb.val(false);
    if (f.scope === 'team') return onTeam;
    if (f.scope === 'inspecting') return asInspector;
    if (f.scope === 'inspected') return asInspected;
    return eb.or([asInspector, onTeam, asInspected]);
  });
  if (f.status) q = q.where('status', '=', f.status as never);
  if (f.kind) q = q.where('kind', '=', f.kind as never);
  if (f.unitId) q = q.where('inspecting_unit_id', '=', f.unitId);
  if (f.targetUnitId) q = q.where('target_unit_id', '=', f.targetUnitId);
  if (f.planId) q = q.where('plan_item_id', 'in', (eb) => eb.selectFrom('insp_plan_items').select('id').where('plan_id', '=', f.planId!));
  if (f.year) q = q.where('on_site_from', '>=', `${f.year}-01-01`).where('on_site_from', '<=', `${f.year}-12-31`);
  if (f.cursor) q = q.where('id', '<', f.cursor);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

export async function planOfItems(db: Db, itemIds: number[]): Promise<Map<number, number>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db.selectFrom('insp_plan_items').select(['id', 'plan_id']).where('id', 'in', itemIds).execute();
  return new Map(rows.map((r) => [r.id, r.plan_id]));
}

export async function insertInspection(trx: Tx, values: Insertable<InspInspectionsTable>): Promise<number> {
  return (await trx.insertInto('insp_inspections').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function replaceTeam(trx: Tx, id: number, members: TeamMember[]): Promise<void> {
  await trx.deleteFrom('insp_inspection_team').where('inspection_id', '=', id).execute();
  await trx.insertInto('insp_inspection_team').values(members.map((m) => ({ inspection_id: id, staff_id: m.staffId, role: m.role }))).execute();
}

/** The change under the version the caller read; false when someone changed the inspection since (409). */
export async function updateInspection(trx: Tx, id: number, version: number, values: Updateable<InspInspectionsTable>, at: Date): Promise<boolean> {
  const r = await trx.updateTable('insp_inspections').set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Writes the checklist rows (new or refreshed figures), keeping nothing else of what was there. */
export async function putChecklist(trx: Tx, id: number, rows: (ChecklistRow & { verdict: string; note: string | null })[]): Promise<void> {
  for (const r of rows) {
    const values = { label: JSON.stringify(r.label), source: JSON.stringify(r.source), figure: r.figure ? JSON.stringify(r.figure) : null, kind: r.kind, position: r.position };
    await trx.insertInto('insp_checklist_items').values({ inspection_id: id, code: r.code, verdict: r.verdict as never, note: r.note, ...values })
      .onConflict((oc) => oc.columns(['inspection_id', 'code']).doUpdateSet(values)).execute();
  }
}

export async function setVerdict(trx: Tx, id: number, code: string, verdict: string, note: string | null | undefined): Promise<void> {
  await trx.updateTable('insp_checklist_items').set({ verdict: verdict as never, ...(note !== undefined ? { note } : {}) }).where('inspection_id', '=', id).where('code', '=', code).execute();
}

export async function insertFinding(trx: Tx, values: Insertable<InspFindingsTable>): Promise<void> {
  await trx.insertInto('insp_findings').values(values).execute();
}

export async function updateFinding(trx: Tx, id: number, values: Updateable<InspFindingsTable>): Promise<void> {
  await trx.updateTable('insp_findings').set(values).where('id', '=', id).execute();
}

export async function deleteFinding(trx: Tx, id: number): Promise<void> {
  await trx.deleteFrom('insp_findings').where('id', '=', id).execute();
}

export async function insertRecommendations(trx: Tx, rows: Insertable<InspRecommendationsTable>[]): Promise<void> {
  if (rows.length) await trx.insertInto('insp_recommendations').values(rows).execute();
}

export async function addEvent(trx: Tx, inspectionId: number, e: HistoryInput): Promise<void> {
  await trx.insertInto('insp_inspection_events').values({
    inspection_id: inspectionId, at: e.at, action: e.action, actor_staff_id: e.actorStaffId, actor_name: e.actorName, note: e.note ?? null, details: JSON.stringify(e.details ?? {}),
  }).execute();
}

/** Takes the inspection's row lock: two acceptances of its last recommendations then see each other's. */
export async function lockInspection(trx: Tx, id: number): Promise<void> {
  await trx.selectFrom('insp_inspections').select('id').where('id', '=', id).forUpdate().execute();
}

export async function updateRecommendation(trx: Tx, id: number, version: number, values: Updateable<InspRecommendationsTable>, at: Date): Promise<boolean> {
  const r = await trx.updateTable('insp_recommendations').set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function addUpdate(trx: Tx, u: { recommendationId: number; at: Date; kind: 'report' | 'accept' | 'return'; on: string; text: string | null; actorStaffId: number; actorName: string }): Promise<void> {
  await trx.insertInto('insp_recommendation_updates').values({
    recommendation_id: u.recommendationId, at: u.at, kind: u.kind, on_day: u.on, text: u.text, actor_staff_id: u.actorStaffId, actor_name: u.actorName,
  }).execute();
}

/** Closes the inspection when it is concluded; false when it was not (closed already, or never concluded). */
export async function closeInspection(trx: Tx, id: number, on: string, at: Date): Promise<boolean> {
  const r = await trx.updateTable('insp_inspections').set((eb) => ({ status: 'closed', closed_on: on, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id).where('status', '=', 'concluded').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
