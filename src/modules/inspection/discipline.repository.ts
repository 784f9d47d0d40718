import type { Insertable, Updateable } from 'kysely';
import type { Db, Tx } from '../../platform/db/transaction.js';
import type { DisciplineRow } from './discipline-rules.js';
import type { InspDisciplineCasesTable, InspDisciplineDeferralsTable } from './inspection.tables.js';
import type { CouncilRole } from './rules/discipline.js';

/** SQL of discipline cases; the service decides who may run which. */
export type EventInput = { caseId: number; at: Date; action: string; actorStaffId: number; actorName: string; note?: string | null; details?: Record<string, unknown> };

export async function findCase(db: Db, id: number): Promise<DisciplineRow | undefined> {
  return db.selectFrom('insp_discipline_cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deferralsOf(db: Db, caseIds: number[]) {
  if (caseIds.length === 0) return [];
  return db.selectFrom('insp_discipline_deferrals').selectAll().where('case_id', 'in', caseIds).orderBy('from_date').orderBy('id').execute();
}

export async function councilOf(db: Db, caseId: number): Promise<{ staffId: number; role: CouncilRole }[]> {
  const rows = await db.selectFrom('insp_discipline_council').select(['staff_id', 'role']).where('case_id', '=', caseId).execute();
  const order: CouncilRole[] = ['chair', 'employing_unit_leader', 'personnel'];
  return rows.map((r) => ({ staffId: r.staff_id, role: r.role })).sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
}

export async function eventsOf(db: Db, caseId: number) {
  return db.selectFrom('insp_discipline_events').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

/** The person's decided cases (for the escalation rule and the supersession of an older decision). */
export async function decidedOf(db: Db, staffId: number): Promise<DisciplineRow[]> {
  return db.selectFrom('insp_discipline_cases').selectAll().where('subject_staff_id', '=', staffId).where('status', '=', 'decided').orderBy('effective_on').orderBy('id').execute();
}

/** Decided cases of several people whose decision took effect on or before `day` (the in-force flags). */
export async function decidedFor(db: Db, staffIds: number[], day: string): Promise<DisciplineRow[]> {
  if (staffIds.length === 0) return [];
  return db.selectFrom('insp_discipline_cases').selectAll().where('subject_staff_id', 'in', staffIds).where('status', '=', 'decided')
    .where('effective_on', '<=', day).orderBy('effective_on').orderBy('id').execute();
}

export type DisciplineFilter = { units: number[]; staffId: number; status?: string; unitId?: number; cursor?: number; limit: number };

/** Cases of the units the caller reads, and the caller's own case; newest first. */
export async function listCases(db: Db, f: DisciplineFilter): Promise<DisciplineRow[]> {
  let q = db.selectFrom('insp_discipline_cases').selectAll()
    .where((eb) => (f.units.length ? eb.or([eb('unit_id', 'in', f.units), eb('subject_staff_id', '=', f.staffId)]) : eb('subject_staff_id', '=', f.staffId)));
  if (f.status) q = q.where('status', '=', f.status as never);
  if (f.unitId) q = q.where('unit_id', '=', f.unitId);
  if (f.cursor) q = q.where('id', '<', f.cursor);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

export async function insertCase(trx: Tx, values: Insertable<InspDisciplineCasesTable>): Promise<number> {
  return (await trx.insertInto('insp_discipline_cases').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateCase(trx: Tx, id: number, version: number, values: Updateable<InspDisciplineCasesTable>, at: Date): Promise<boolean> {
  const r = await trx.updateTable('insp_discipline_cases').set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertDeferral(trx: Tx, values: Insertable<InspDisciplineDeferralsTable>): Promise<void> {
  await trx.insertInto('insp_discipline_deferrals').values(values).execute();
}

export async function closeDeferral(trx: Tx, caseId: number, to: string): Promise<void> {
  await trx.updateTable('insp_discipline_deferrals').set({ to_date: to }).where('case_id', '=', caseId).where('to_date', 'is', null).execute();
}

export async function setCouncil(trx: Tx, caseId: number, members: { staffId: number; role: CouncilRole }[]): Promise<void> {
  await trx.insertInto('insp_discipline_council').values(members.map((m) => ({ case_id: caseId, staff_id: m.staffId, role: m.role }))).execute();
}

export async function addEvent(trx: Tx, e: EventInput): Promise<void> {
  await trx.insertInto('insp_discipline_events').values({
    case_id: e.caseId, at: e.at, action: e.action, actor_staff_id: e.actorStaffId, actor_name: e.actorName, note: e.note ?? null, details: JSON.stringify(e.details ?? {}),
  }).execute();
}
