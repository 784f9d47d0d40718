import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Actor } from '../../platform/access/policy.js';
import type { Db, Tx } from '../../platform/db/transaction.js';
import type { DocumentRow } from './registry.context.js';
import type { RegDisposalsTable, RegFileListsTable, RegFilesTable } from './files.tables.js';

/** SQL of the files part (lists, files, filing, disposal); the service decides who may run which. */
export type FileListRow = Selectable<RegFileListsTable>;
export type FileRow = Selectable<RegFilesTable>;
export type DisposalRow = Selectable<RegDisposalsTable>;
export type FiledDocument = DocumentRow & { file_id: number; filed_at: Date; filed_by_staff_id: number | null };
export type FileFacts = { count: number; pages: number; firstDay: string | null; lastDay: string | null };

/** The day a document entered the agency's work (rules/filing.ts `workDay`), in SQL. */
const workDay = sql<string | null>`to_char(case when d.direction = 'in' then coalesce(d.arrival_on, d.issued_on) else d.issued_on end, 'YYYY-MM-DD')`;

export const findList = (db: Db | Tx, unitId: number, year: number): Promise<FileListRow | undefined> =>
  db.selectFrom('reg_file_lists').selectAll().where('unit_id', '=', unitId).where('year', '=', year).executeTakeFirst();

export const findFile = (db: Db | Tx, id: number): Promise<FileRow | undefined> =>
  db.selectFrom('reg_files').selectAll().where('id', '=', id).executeTakeFirst();

export async function findFiles(db: Db | Tx, ids: number[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('reg_files').selectAll().where('id', 'in', ids).orderBy('id').execute();
}

const byCode = (q: ReturnType<typeof filesQuery>) => q.orderBy('year', 'desc').orderBy(sql`upper(code)`).orderBy('id');
const filesQuery = (db: Db | Tx, unitId: number) => db.selectFrom('reg_files').selectAll().where('unit_id', '=', unitId).where('status', '<>', 'removed');

/** A year's list (removed files left out), by code. */
export const filesOfYear = (db: Db, unitId: number, year: number): Promise<FileRow[]> => byCode(filesQuery(db, unitId).where('year', '=', year)).execute();

/** Closed files still with the unit (handover reminders), or closed files with a retention in years (disposal). */
export const filesDue = (db: Db, unitId: number, due: 'handover' | 'disposal'): Promise<FileRow[]> =>
  byCode(due === 'handover'
    ? filesQuery(db, unitId).where('status', '=', 'closed')
    : filesQuery(db, unitId).where('status', 'in', ['closed', 'handed_over']).where('retention_years', 'is not', null)).limit(2000).execute();

export async function fileWithCode(db: Db, unitId: number, year: number, code: string): Promise<FileRow | undefined> {
  return filesQuery(db, unitId).where('year', '=', year).where(sql`upper(code)`, '=', code.toUpperCase()).executeTakeFirst();
}

/** How many documents each file holds, their pages and the first and last day of its work. */
export async function factsOf(db: Db | Tx, fileIds: number[]): Promise<Map<number, FileFacts>> {
  if (fileIds.length === 0) return new Map();
  const rows = await db.selectFrom('reg_file_documents as fd').innerJoin('reg_documents as d', 'd.id', 'fd.document_id')
    .select((eb) => ['fd.file_id', eb.fn.countAll<string>().as('n'), eb.fn.sum<string | null>('d.pages').as('pages'), sql<string | null>`min(${workDay})`.as('first'), sql<string | null>`max(${workDay})`.as('last')])
    .where('fd.file_id', 'in', fileIds).groupBy('fd.file_id').execute();
  return new Map(rows.map((r) => [r.file_id, { count: Number(r.n), pages: Number(r.pages ?? 0), firstDay: r.first, lastDay: r.last }]));
}

/** A file's documents in the order they were made (Appendix VI §III.4.g): the document's date, then its arrival. */
export async function documentsOf(db: Db | Tx, fileId: number): Promise<FiledDocument[]> {
  return db.selectFrom('reg_file_documents as fd').innerJoin('reg_documents as d', 'd.id', 'fd.document_id')
    .selectAll('d').select(['fd.file_id', 'fd.filed_at', 'fd.filed_by_staff_id'])
    .where('fd.file_id', '=', fileId)
    .orderBy(sql`coalesce(d.issued_on, d.arrival_on)`).orderBy('d.arrival_on').orderBy('d.id').execute() as Promise<FiledDocument[]>;
}

export const fileOfDocument = (db: Db | Tx, documentId: number) =>
  db.selectFrom('reg_file_documents').selectAll().where('document_id', '=', documentId).executeTakeFirst();

/** The handlers of many documents at once (who may read them whatever their grants). */
export async function partiesOfMany(db: Db, documentIds: number[]) {
  const out = new Map<number, { staffIds: Set<number>; unitIds: Set<number> }>();
  for (const id of documentIds) out.set(id, { staffIds: new Set(), unitIds: new Set() });
  if (documentIds.length === 0) return out;
  const rows = await db.selectFrom('reg_assignments').select(['document_id', 'staff_id', 'unit_id']).where('document_id', 'in', documentIds).where('status', '<>', 'cancelled').execute();
  for (const r of rows) {
    const p = out.get(r.document_id)!;
    if (r.staff_id !== null) p.staffIds.add(r.staff_id);
    if (r.unit_id !== null) p.unitIds.add(r.unit_id);
  }
  return out;
}

export type EventSubject = { listId?: number; fileId?: number; disposalId?: number };

export async function insertFileEvent(trx: Tx | Db, subject: EventSubject, actor: Pick<Actor, 'staffId' | 'fullName'>, action: string, at: Date, note?: string | null, details: Record<string, unknown> = {}) {
  await trx.insertInto('reg_file_events').values({
    list_id: subject.listId ?? null, file_id: subject.fileId ?? null, disposal_id: subject.disposalId ?? null,
    at, action, actor_staff_id: actor.staffId, actor_name: actor.fullName, note: note ?? null, details: JSON.stringify(details),
  }).execute();
}

export function eventsOf(db: Db, subject: 'list_id' | 'file_id' | 'disposal_id', id: number) {
  return db.selectFrom('reg_file_events').selectAll().where(subject, '=', id).orderBy('id').execute();
}

/** The list of a year, made when its first file is added (one per agency and year: the unique key settles a race). */
export async function ensureList(trx: Tx, unitId: number, year: number, staffId: number, at: Date): Promise<{ id: number; created: boolean }> {
  const made = await trx.insertInto('reg_file_lists').values({ unit_id: unitId, year, created_by_staff_id: staffId, created_at: at, updated_at: at })
    .onConflict((oc) => oc.columns(['unit_id', 'year']).doNothing()).returning('id').executeTakeFirst();
  if (made) return { id: made.id, created: true };
  return { id: (await findList(trx, unitId, year))!.id, created: false };
}

export async function insertFile(trx: Tx, values: Insertable<RegFilesTable>): Promise<number> {
  return (await trx.insertInto('reg_files').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** The change under the version the caller read; false when someone changed the row since (409). */
export async function updateFile(trx: Tx, id: number, version: number, values: Updateable<RegFilesTable>, at: Date): Promise<boolean> {
  const r = await trx.updateTable('reg_files').set({ ...values, version: version + 1, updated_at: at }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateList(trx: Tx, id: number, version: number, values: Updateable<RegFileListsTable>, at: Date): Promise<boolean> {
  const r = await trx.updateTable('reg_file_lists').set({ ...values, version: version + 1, updated_at: at }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateDisposal(trx: Tx, id: number, version: number, values: Updateable<RegDisposalsTable>, at: Date): Promise<boolean> {
  const r = await trx.updateTable('reg_disposals').set({ ...values, version: version + 1, updated_at: at }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const findDisposal = (db: Db | Tx, id: number): Promise<DisposalRow | undefined> =>
  db.selectFrom('reg_disposals').selectAll().where('id', '=', id).executeTakeFirst();

export const disposalsOf = (db: Db, unitId: number): Promise<DisposalRow[]> =>
  db.selectFrom('reg_disposals').selectAll().where('unit_id', '=', unitId).orderBy('id', 'desc').limit(500).execute();

export async function disposalFileCounts(db: Db, disposalIds: number[]): Promise<Map<number, number>> {
  if (disposalIds.length === 0) return new Map();
  const rows = await db.selectFrom('reg_files').select((eb) => ['disposal_id', eb.fn.countAll<string>().as('n')]).where('disposal_id', 'in', disposalIds).groupBy('disposal_id').execute();
  return new Map(rows.map((r) => [r.disposal_id!, Number(r.n)]));
}

export const filesOnDisposal = (db: Db | Tx, disposalId: number): Promise<FileRow[]> =>
  db.selectFrom('reg_files').selectAll().where('disposal_id', '=', disposalId).orderBy('year').orderBy(sql`upper(code)`).orderBy('id').execute();

/**
 * The stored contents that disposing of these files frees: the keys of their documents' main copies and
 * attachments that no document outside a disposed file still holds — an exchanged copy at another agency
 * shares its sender's keys (API.md "Exchange"), and keeps them as long as it is not disposed of itself.
 * Run inside the approving transaction, after the files became 'disposed'.
 */
export async function keysFreedBy(trx: Tx, fileIds: number[]): Promise<string[]> {
  if (fileIds.length === 0) return [];
  const r = await sql<{ key: string }>`
    with gone as (
      select fd.document_id from reg_file_documents fd join reg_files f on f.id = fd.file_id where f.status = 'disposed'
    ), mine as (
      select document_id from reg_file_documents where file_id in (${sql.join(fileIds)})
    ), candidates as (
      select d.file_key as key from reg_documents d where d.id in (select document_id from mine) and d.file_key is not null
      union
      select a.file_key from reg_attachments a where a.document_id in (select document_id from mine)
    )
    select c.key from candidates c
    where not exists (select 1 from reg_documents d where d.file_key = c.key and d.id not in (select document_id from gone))
      and not exists (select 1 from reg_attachments a where a.file_key = c.key and a.document_id not in (select document_id from gone))
    order by c.key`.execute(trx);
  return r.rows.map((x) => x.key);
}
