import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/transaction.js';
import { syncOf, type CatalogReader, type Link, type Sync } from './documents.sync.js';
import type { QmsDocumentsTable, QmsDocumentVersionsTable, QmsProcessesTable } from './quality.tables.js';

/** The SQL of part B's reads (processes and controlled documents), outside any transaction. */
export type ProcessRow = Selectable<QmsProcessesTable>;
export type DocumentRow = Selectable<QmsDocumentsTable>;
export type VersionRow = Selectable<QmsDocumentVersionsTable>;

export const processesOfSystem = (db: Db, qmsId: number) =>
  db.selectFrom('qms_processes').selectAll().where('qms_id', '=', qmsId).orderBy('code').execute();
export const findProcess = (db: Db, id: number) => db.selectFrom('qms_processes').selectAll().where('id', '=', id).executeTakeFirst();

export const documentsOfSystem = (db: Db, qmsId: number) =>
  db.selectFrom('qms_documents').selectAll().where('qms_id', '=', qmsId).orderBy('code').execute();
export const findDocument = (db: Db, id: number) => db.selectFrom('qms_documents').selectAll().where('id', '=', id).executeTakeFirst();
export const findVersion = (db: Db, id: number) => db.selectFrom('qms_document_versions').selectAll().where('id', '=', id).executeTakeFirst();

/** Every issue of the documents, newest first. */
export async function versionsOf(db: Db, documentIds: number[]): Promise<Map<number, VersionRow[]>> {
  const out = new Map<number, VersionRow[]>(documentIds.map((id) => [id, []]));
  if (documentIds.length === 0) return out;
  const rows = await db.selectFrom('qms_document_versions').selectAll().where('document_id', 'in', documentIds).orderBy('issue_no', 'desc').execute();
  for (const r of rows) out.get(r.document_id)!.push(r);
  return out;
}

/** The issue in force (approved) and the one being drafted; at most one of each (migration 0040, and the service). */
export function currentAndDraft(versions: readonly VersionRow[]) {
  return { current: versions.find((v) => v.status === 'approved') ?? null, draft: versions.find((v) => v.status === 'draft') ?? null };
}

/** The sync a document shows in lists: its approved issue's, else its draft's. */
export async function documentSync(reader: CatalogReader, link: Link | undefined, versions: readonly VersionRow[]): Promise<Sync | null> {
  const { current, draft } = currentAndDraft(versions);
  const shown = current ?? draft;
  return shown ? syncOf(reader, link, shown) : null;
}
