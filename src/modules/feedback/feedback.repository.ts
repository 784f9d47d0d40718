import type { Selectable } from 'kysely';
import type { Db, Tx } from '../../platform/db/transaction.js';
import type { FeedbackAttachmentsTable, FeedbackCategoriesTable, FeedbackEventsTable, FeedbackItemsTable } from './feedback.tables.js';
import type { Category } from './schema.js';

export type ItemRow = Selectable<FeedbackItemsTable>;
export type EventRow = Selectable<FeedbackEventsTable>;
export type AttachmentRow = Selectable<FeedbackAttachmentsTable>;
type CategoryRow = Selectable<FeedbackCategoriesTable>;

export const toCategory = (r: CategoryRow): Category => ({
  code: r.code, name: r.name, description: r.description, deadlineDays: r.deadline_days, coordinationDeadlineDays: r.coordination_deadline_days,
  conduct: r.conduct, active: r.active, sortOrder: r.sort_order, version: r.version,
});

export async function categories(db: Db | Tx, activeOnly: boolean): Promise<Category[]> {
  let q = db.selectFrom('feedback_categories').selectAll();
  if (activeOnly) q = q.where('active', '=', true);
  return (await q.orderBy('sort_order').orderBy('code').execute()).map(toCategory);
}

export async function findCategory(db: Db | Tx, code: string): Promise<Category | undefined> {
  const r = await db.selectFrom('feedback_categories').selectAll().where('code', '=', code).executeTakeFirst();
  return r && toCategory(r);
}

export async function setting(db: Db | Tx, key: 'receiving_unit_id' | 'conduct_oversight_unit_id'): Promise<number | null> {
  const r = await db.selectFrom('feedback_settings').select('value').where('key', '=', key).executeTakeFirst();
  return typeof r?.value === 'number' ? r.value : null;
}

/** The next number of the day's sequence, in the caller's transaction (the row lock serialises receipts). */
export async function nextSequence(trx: Tx, day: string): Promise<number> {
  const r = await trx.insertInto('feedback_code_counters').values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet((eb) => ({ last: eb('feedback_code_counters.last', '+', 1) })))
    .returning('last').executeTakeFirstOrThrow();
  return r.last;
}

export function findByCode(db: Db | Tx, code: string): Promise<ItemRow | undefined> {
  return db.selectFrom('feedback_items').selectAll().where('code', '=', code).executeTakeFirst();
}

export function eventsOf(db: Db | Tx, id: number): Promise<EventRow[]> {
  return db.selectFrom('feedback_events').selectAll().where('feedback_id', '=', id).orderBy('id').execute();
}

export function attachmentsOf(db: Db | Tx, id: number): Promise<AttachmentRow[]> {
  return db.selectFrom('feedback_attachments').selectAll().where('feedback_id', '=', id).orderBy('id').execute();
}

export async function addEvent(trx: Tx, e: { feedbackId: number; at: Date; action: string; actorStaffId: number | null; actorName: string; unitId: number | null; note?: string | null; details?: Record<string, unknown> }): Promise<void> {
  await trx.insertInto('feedback_events').values({
    feedback_id: e.feedbackId, at: e.at, action: e.action, actor_staff_id: e.actorStaffId, actor_name: e.actorName, unit_id: e.unitId, note: e.note ?? null,
    details: JSON.stringify(e.details ?? {}),
  }).execute();
}

/** Updates under the version guard; false when someone else changed the item first. */
export async function updateVersioned(trx: Tx, id: number, version: number, values: Partial<Omit<ItemRow, 'id' | 'version' | 'about' | 'submitter'>>, now: Date): Promise<boolean> {
  const r = await trx.updateTable('feedback_items').set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** `self`: the caller's staff id — feedback about one's own conduct is never shown to oneself. */
export type Reach = { read: number[]; conductUnits: number[]; oversight: boolean; self?: number | null };

export type ListFilter = {
  status?: string; unitId?: number; categoryCode?: string; conduct?: boolean; assigneeId?: number; overdueAt?: Date; notOverdueAt?: Date;
  citizenId?: number; cursor?: number; limit: number;
};

export async function list(db: Db, reach: Reach | null, f: ListFilter): Promise<{ rows: ItemRow[]; total: number }> {
  let q = db.selectFrom('feedback_items');
  if (reach) {
    q = q.where((eb) => {
      const ors = [];
      if (reach.read.length) ors.push(eb('unit_id', 'in', reach.read));
      if (reach.oversight) ors.push(eb('conduct', '=', true));
      else if (reach.conductUnits.length) ors.push(eb.and([eb('conduct', '=', true), eb('conduct_unit_id', 'in', reach.conductUnits)]));
      return ors.length ? eb.or(ors) : eb.val(false);
    });
    if (reach.self) q = q.where((eb) => eb.or([eb('about_staff_id', 'is', null), eb('about_staff_id', '<>', reach.self!)]));
  }
  if (f.citizenId) q = q.where('citizen_id', '=', f.citizenId);
  if (f.status) q = q.where('status', '=', f.status as ItemRow['status']);
  if (f.unitId) q = q.where('unit_id', '=', f.unitId);
  if (f.categoryCode) q = q.where('category_code', '=', f.categoryCode);
  if (f.conduct !== undefined) q = q.where('conduct', '=', f.conduct);
  if (f.assigneeId) q = q.where('assignee_id', '=', f.assigneeId);
  if (f.overdueAt) q = q.where('status', 'in', ['received', 'in_progress', 'awaiting_approval']).where('due_at', '<', f.overdueAt);
  if (f.notOverdueAt) q = q.where((eb) => eb.or([eb('status', 'not in', ['received', 'in_progress', 'awaiting_approval']), eb('due_at', 'is', null), eb('due_at', '>=', f.notOverdueAt!)]));
  const total = Number((await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  let page = q.selectAll();
  if (f.cursor) page = page.where('id', '<', f.cursor);
  const rows = await page.orderBy('id', 'desc').limit(f.limit + 1).execute();
  return { rows, total };
}

export type PublishedFilter = { categoryCode?: string; unitId?: number; q?: string; from?: Date; to?: Date; cursor?: number; limit: number; code?: string };

export function published(db: Db, f: PublishedFilter): Promise<ItemRow[]> {
  let q = db.selectFrom('feedback_items').selectAll().where('status', '=', 'published');
  if (f.code) q = q.where('code', '=', f.code);
  if (f.categoryCode) q = q.where('category_code', '=', f.categoryCode);
  if (f.unitId) q = q.where('unit_id', '=', f.unitId);
  if (f.from) q = q.where('received_at', '>=', f.from);
  if (f.to) q = q.where('received_at', '<', f.to);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('published_title', 'ilike', like), eb('published_question', 'ilike', like), eb('published_answer', 'ilike', like)]));
  }
  if (f.cursor) q = q.where('id', '<', f.cursor);
  return q.orderBy('id', 'desc').limit(f.limit + 1).execute();
}

export function receivedBetween(db: Db, from: Date, to: Date) {
  return db.selectFrom('feedback_items').select(['unit_id', 'category_code', 'status', 'received_at', 'due_at', 'answered_at', 'published_at', 'conduct', 'conduct_unit_id'])
    .where('received_at', '>=', from).where('received_at', '<', to).where('status', '<>', 'withdrawn').execute();
}

/** Open items with a due date before `horizon`: the reminder job's candidates. */
export function dueBefore(db: Db, horizon: Date) {
  return db.selectFrom('feedback_items').select(['id', 'code', 'title', 'unit_id', 'assignee_id', 'due_at', 'status'])
    .where('status', 'in', ['received', 'in_progress', 'awaiting_approval']).where('due_at', '<=', horizon)
    .orderBy('due_at').limit(2000).execute();
}

