import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, Tx } from '../../platform/db/transaction.js';
import type { InspCasePartiesTable, InspCasesTable } from './inspection.tables.js';

/** SQL of complaint and denunciation cases; the service decides who may run which. */
export type CaseRow = Selectable<InspCasesTable>;
export type PartyRow = Selectable<InspCasePartiesTable>;
export type TeamMember = { staffId: number; role: 'lead' | 'member' };
export type EventInput = { caseId: number; at: Date; action: string; actorStaffId: number; actorName: string; note?: string | null; details?: Record<string, unknown> };

export async function findCase(db: Db | Tx, id: number): Promise<CaseRow | undefined> {
  return db.selectFrom('insp_cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function teamOf(db: Db | Tx, caseId: number): Promise<TeamMember[]> {
  const rows = await db.selectFrom('insp_case_team').select(['staff_id', 'role']).where('case_id', '=', caseId).orderBy('role').orderBy('added_at').orderBy('staff_id').execute();
  return rows.map((r) => ({ staffId: r.staff_id, role: r.role }));
}

/** The identity row: read only after the service has found the caller on the team. */
export async function partyOf(db: Db, caseId: number): Promise<PartyRow | undefined> {
  return db.selectFrom('insp_case_parties').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

export async function eventsOf(db: Db, caseId: number) {
  return db.selectFrom('insp_case_events').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

export type CaseFilter = {
  /** Handling units the caller reads (complaint.read); empty: nothing. */
  units: number[];
  /** The caller: a case about them is not theirs to read unless they are on its team. */
  staffId: number;
  status?: string; kind?: string; unitId?: number; cursor?: number; limit: number;
};

/** Newest first, keyset-paged by id. No identity column is selected: lists never carry it. */
export async function listCases(db: Db, f: CaseFilter): Promise<CaseRow[]> {
  if (f.units.length === 0) return [];
  let q = db.selectFrom('insp_cases').selectAll().where('handling_unit_id', 'in', f.units)
    .where((eb) => eb.or([
      eb('subject_staff_id', 'is', null),
      eb('subject_staff_id', '<>', f.staffId),
      eb.exists(eb.selectFrom('insp_case_team').select('staff_id').whereRef('insp_case_team.case_id', '=', 'insp_cases.id').where('insp_case_team.staff_id', '=', f.staffId)),
    ]));
  if (f.status) q = q.where('status', '=', f.status as never);
  if (f.kind) q = q.where('kind', '=', f.kind as never);
  if (f.unitId) q = q.where('handling_unit_id', '=', f.unitId);
  if (f.cursor) q = q.where('id', '<', f.cursor);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

export async function insertCase(trx: Tx, values: Insertable<InspCasesTable>): Promise<number> {
  return (await trx.insertInto('insp_cases').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertParty(trx: Tx, values: Insertable<InspCasePartiesTable>): Promise<void> {
  await trx.insertInto('insp_case_parties').values(values).execute();
}

export async function replaceTeam(trx: Tx, caseId: number, members: TeamMember[], at: Date): Promise<void> {
  await trx.deleteFrom('insp_case_team').where('case_id', '=', caseId).execute();
  if (members.length) await trx.insertInto('insp_case_team').values(members.map((m) => ({ case_id: caseId, staff_id: m.staffId, role: m.role, added_at: at }))).execute();
}

/** The change under the version the caller read; false when someone changed the case since (409). */
export async function updateCase(trx: Tx, id: number, version: number, values: Updateable<InspCasesTable>, at: Date): Promise<boolean> {
  const r = await trx.updateTable('insp_cases').set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function addEvent(trx: Tx, e: EventInput): Promise<void> {
  await trx.insertInto('insp_case_events').values({
    case_id: e.caseId, at: e.at, action: e.action, actor_staff_id: e.actorStaffId, actor_name: e.actorName, note: e.note ?? null, details: JSON.stringify(e.details ?? {}),
  }).execute();
}
