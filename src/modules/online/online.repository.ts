import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/transaction.js';
import type { CitizenFilesTable, OnlineDraftsTable } from './online.tables.js';

export type FileRow = Selectable<CitizenFilesTable>;
export type DraftRow = Selectable<OnlineDraftsTable>;

/** Every query names the citizen: a row of another citizen is never found, whatever its id. */
export function findFile(db: Db, citizenId: number, id: string): Promise<FileRow | undefined> {
  return db.selectFrom('citizen_files').selectAll().where('citizen_id', '=', citizenId).where('id', '=', id).executeTakeFirst();
}

export function filesOf(db: Db, citizenId: number, ids?: string[]): Promise<FileRow[]> {
  let q = db.selectFrom('citizen_files').selectAll().where('citizen_id', '=', citizenId);
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['0']);
  return q.orderBy('id', 'desc').limit(1000).execute();
}

export async function countFiles(db: Db, citizenId: number, draftId?: string): Promise<number> {
  let q = db.selectFrom('citizen_files').select((eb) => eb.fn.countAll<string>().as('n')).where('citizen_id', '=', citizenId).where('origin', '=', 'upload');
  if (draftId) q = q.where('draft_id', '=', draftId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export function findDraft(db: Db, citizenId: number, id: string, forUpdate = false): Promise<DraftRow | undefined> {
  let q = db.selectFrom('online_drafts').selectAll().where('citizen_id', '=', citizenId).where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function draftsOf(db: Db, citizenId: number): Promise<DraftRow[]> {
  return db.selectFrom('online_drafts').selectAll().where('citizen_id', '=', citizenId).orderBy('id', 'desc').limit(200).execute();
}

export async function submittedCodes(db: Db, citizenId: number): Promise<string[]> {
  const rows = await db.selectFrom('online_drafts').select('dossier_code').where('citizen_id', '=', citizenId).where('dossier_code', 'is not', null).execute();
  return rows.map((r) => r.dossier_code!);
}

export async function isSubmittedBy(db: Db, citizenId: number, code: string): Promise<boolean> {
  return !!(await db.selectFrom('online_drafts').select('id').where('citizen_id', '=', citizenId).where('dossier_code', '=', code).executeTakeFirst());
}
