import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/transaction.js';
import type { DirectiveDocumentsTable, DirectiveTasksTable, TaskStatus } from './directives.tables.js';
import type { Selectable } from 'kysely';

/** SQL of the directives module; the service decides who may see and change what. */
export type DocumentRow = Selectable<DirectiveDocumentsTable>;
export type TaskRow = Selectable<DirectiveTasksTable>;

/** What a caller reaches with `directive.read`: the units, and themselves as a person in charge. */
export type Reach = { units: number[]; staffId: number };

/** Documents owned by a reached unit, or with a task led or coordinated by one, or given to the caller. */
export function visibleDocuments(db: Db, reach: Reach) {
  const units = reach.units.length ? reach.units : [0];
  return db.selectFrom('directive_documents as d').selectAll('d').where((eb) => eb.or([
    eb('d.owner_unit_id', 'in', units),
    eb.exists(eb.selectFrom('directive_tasks as t').select('t.id').whereRef('t.document_id', '=', 'd.id').where((e) => e.or([
      e('t.lead_unit_id', 'in', units),
      e('t.assignee_staff_id', '=', reach.staffId),
      sql<boolean>`t.coordinating_unit_ids && ${sql.val(units)}::int[]`,
    ]))),
  ]));
}

/** The document, when the caller reaches it (one query: the row and its visibility). */
export const findVisibleDocument = (db: Db, reach: Reach, id: number) => visibleDocuments(db, reach).where('d.id', '=', id).executeTakeFirst();

export const findDocument = (db: Db | Tx, id: number) => db.selectFrom('directive_documents').selectAll().where('id', '=', id).executeTakeFirst();

export async function documentFiles(db: Db | Tx, documentId: number) {
  return db.selectFrom('directive_document_files').selectAll().where('document_id', '=', documentId).orderBy('id').execute();
}

/** The facts the board and the reports count with, for many documents at once. */
export async function taskFacts(db: Db | Tx, documentIds: number[]) {
  if (!documentIds.length) return [];
  return db.selectFrom('directive_tasks').select(['id', 'document_id', 'lead_unit_id', 'status', 'due_on', 'done_on', 'created_at'])
    .where('document_id', 'in', documentIds).execute();
}

export async function tasksOfDocument(db: Db | Tx, documentId: number): Promise<TaskRow[]> {
  return db.selectFrom('directive_tasks').selectAll().where('document_id', '=', documentId).orderBy('id').execute();
}

export const findTask = (db: Db | Tx, id: number) => db.selectFrom('directive_tasks').selectAll().where('id', '=', id).executeTakeFirst();

/** Tasks the caller reaches (led, coordinated, owned or given to them), filtered, in id order from a cursor. */
export async function listTasks(db: Db, reach: Reach, q: { scope: 'mine' | 'unit' | 'all'; documentId?: number; unitId?: number; statuses?: TaskStatus[]; ids?: number[]; cursor?: number; limit: number; dueBefore?: string }): Promise<TaskRow[]> {
  const units = reach.units.length ? reach.units : [0];
  let query = db.selectFrom('directive_tasks as t').innerJoin('directive_documents as d', 'd.id', 't.document_id').selectAll('t');
  if (q.scope === 'mine') query = query.where('t.assignee_staff_id', '=', reach.staffId);
  else if (q.scope === 'unit') query = query.where('t.lead_unit_id', 'in', units);
  else {
    query = query.where((eb) => eb.or([
      eb('t.lead_unit_id', 'in', units), eb('d.owner_unit_id', 'in', units), eb('t.assignee_staff_id', '=', reach.staffId),
      sql<boolean>`t.coordinating_unit_ids && ${sql.val(units)}::int[]`,
    ]));
  }
  if (q.documentId) query = query.where('t.document_id', '=', q.documentId);
  if (q.unitId) query = query.where('t.lead_unit_id', '=', q.unitId);
  if (q.statuses) query = query.where('t.status', 'in', q.statuses);
  if (q.ids) query = query.where('t.id', 'in', q.ids.length ? q.ids : [0]);
  if (q.dueBefore) query = query.where('t.due_on', '<', q.dueBefore);
  if (q.cursor) query = query.where('t.id', '>', q.cursor);
  return query.orderBy('t.id').limit(q.limit).execute();
}

export async function eventsOf(db: Db | Tx, taskId: number) {
  return db.selectFrom('directive_task_events').selectAll().where('task_id', '=', taskId).orderBy('id').execute();
}

export async function filesOf(db: Db | Tx, taskId: number) {
  return db.selectFrom('directive_task_files').selectAll().where('task_id', '=', taskId).orderBy('id').execute();
}

export type NewEvent = { taskId: number; at: Date; action: string; actorStaffId: number | null; actorName: string; unitId: number | null; progress?: number | null; note?: string | null; details?: Record<string, unknown> };

export async function addEvent(trx: Tx, e: NewEvent): Promise<string> {
  const row = await trx.insertInto('directive_task_events').values({
    task_id: e.taskId, at: e.at, action: e.action, actor_staff_id: e.actorStaffId, actor_name: e.actorName, unit_id: e.unitId,
    progress: e.progress ?? null, note: e.note ?? null, details: JSON.stringify(e.details ?? {}),
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The same event for many tasks in one INSERT (a confirmed document's tasks). */
export async function addEvents(trx: Tx, events: NewEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 500) {
    await trx.insertInto('directive_task_events').values(events.slice(i, i + 500).map((e) => ({
      task_id: e.taskId, at: e.at, action: e.action, actor_staff_id: e.actorStaffId, actor_name: e.actorName, unit_id: e.unitId,
      progress: e.progress ?? null, note: e.note ?? null, details: JSON.stringify(e.details ?? {}),
    }))).execute();
  }
}

/** Updates a task under its version; false when someone else changed it first. */
export async function updateTask(trx: Tx, id: number, version: number, values: Partial<Omit<TaskRow, 'id' | 'version'>>, at: Date): Promise<boolean> {
  const r = await trx.updateTable('directive_tasks').set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function periodsOf(db: Db | Tx, documentId: number) {
  return db.selectFrom('directive_report_periods').selectAll().where('document_id', '=', documentId).orderBy('starts_on', 'desc').orderBy('id').execute();
}

export const findPeriod = (db: Db | Tx, id: number) => db.selectFrom('directive_report_periods').selectAll().where('id', '=', id).executeTakeFirst();

export async function unitReports(db: Db | Tx, periodId: number) {
  return db.selectFrom('directive_unit_reports').selectAll().where('period_id', '=', periodId).orderBy('unit_id').execute();
}

export const findUnitReport = (db: Db | Tx, periodId: number, unitId: number) =>
  db.selectFrom('directive_unit_reports').selectAll().where('period_id', '=', periodId).where('unit_id', '=', unitId).executeTakeFirst();

/** Open tasks with a deadline up to `day` (reminders), with their document's owner. */
export async function dueUpTo(db: Db, day: string) {
  return db.selectFrom('directive_tasks as t').innerJoin('directive_documents as d', 'd.id', 't.document_id')
    .select(['t.id', 't.ref', 't.content', 't.lead_unit_id', 't.assignee_staff_id', 't.due_on', 't.status', 't.done_on', 'd.number', 'd.owner_unit_id', 'd.id as document_id'])
    .where('t.status', 'in', ['new', 'assigned', 'in_progress']).where('d.status', '=', 'active')
    .where('t.due_on', 'is not', null).where('t.due_on', '<=', day).orderBy('t.id').execute();
}

export type PeriodRow = Selectable<import('./directives.tables.js').DirectiveReportPeriodsTable>;
