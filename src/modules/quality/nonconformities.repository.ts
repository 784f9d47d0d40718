import { sql, type Selectable, type Updateable } from 'kysely';
import type { Db, Tx } from '../../platform/db/transaction.js';
import type { NcSourceColumn, NcStatusColumn, QmsActionsTable, QmsNonconformitiesTable, QmsVerificationsTable } from './quality.tables.js';

/** SQL of the nonconformities part; the service decides who may call what. */
export type NcRow = Selectable<QmsNonconformitiesTable>;
export type ActionRow = Selectable<QmsActionsTable>;
export type VerificationRow = Selectable<QmsVerificationsTable>;

export const findNc = (db: Db, id: number): Promise<NcRow | undefined> =>
  db.selectFrom('qms_nonconformities').selectAll().where('id', '=', id).executeTakeFirst();

export async function ncsOf(db: Db, qmsIds: number[], f: { status?: NcStatusColumn; source?: NcSourceColumn } = {}): Promise<NcRow[]> {
  if (qmsIds.length === 0) return [];
  let q = db.selectFrom('qms_nonconformities').selectAll().where('qms_id', 'in', qmsIds);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.source) q = q.where('source', '=', f.source);
  return q.orderBy('year', 'desc').orderBy('seq', 'desc').execute();
}

export async function actionsOf(db: Db | Tx, ncIds: number[]): Promise<ActionRow[]> {
  if (ncIds.length === 0) return [];
  return db.selectFrom('qms_actions').selectAll().where('nc_id', 'in', ncIds).orderBy('nc_id').orderBy('seq').execute();
}

export const verificationsOf = (db: Db, ncId: number): Promise<VerificationRow[]> =>
  db.selectFrom('qms_verifications').selectAll().where('nc_id', '=', ncId).orderBy('id').execute();

/** The audit and finding that raised nonconformities, and the audit's team (its members are the NC's auditors). */
export async function findingsOf(db: Db, findingIds: number[]) {
  if (findingIds.length === 0) return [];
  return db.selectFrom('qms_findings as f').innerJoin('qms_audits as a', 'a.id', 'f.audit_id')
    .select(['f.id', 'f.audit_id', 'a.title as audit_title', 'a.team']).where('f.id', 'in', findingIds).execute();
}

/** Source keys of a QMS's signal nonconformities, with their status and the count in their evidence. */
export async function sourceKeysOf(db: Db, qmsId: number) {
  const rows = await db.selectFrom('qms_nonconformities').select(['source_key', 'status', 'evidence'])
    .where('qms_id', '=', qmsId).where('source_key', 'is not', null).execute();
  return rows.map((r) => ({ sourceKey: r.source_key!, status: r.status, count: typeof r.evidence?.count === 'number' ? r.evidence.count : 0 }));
}

/**
 * The next KPH number of a QMS and year. The QMS row is locked first, so two nonconformities raised at
 * the same moment queue on it instead of reading the same max(seq); the lock ends with the transaction.
 */
export async function nextSeq(trx: Tx, qmsId: number, year: number): Promise<number> {
  await sql`select id from qms_systems where id = ${qmsId} for update`.execute(trx);
  const row = await trx.selectFrom('qms_nonconformities').select((eb) => eb.fn.max('seq').as('seq'))
    .where('qms_id', '=', qmsId).where('year', '=', year).executeTakeFirst();
  return Number(row?.seq ?? 0) + 1;
}

export const ncCode = (year: number, seq: number): string => `KPH-${year}-${String(seq).padStart(3, '0')}`;

export type NcInsert = {
  qms_id: number; source: NcSourceColumn; source_key: string | null; finding_id: number | null; process_id: number | null;
  procedure_code: string | null; title: string; description: string; evidence: Record<string, unknown>;
  owner_unit_id: number; raised_by: number | null; raised_on: string;
};

export async function insertNc(trx: Tx, v: NcInsert, year: number, seq: number): Promise<number> {
  const row = await trx.insertInto('qms_nonconformities').values({ ...v, evidence: JSON.stringify(v.evidence), year, seq, code: ncCode(year, seq) })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a nonconformity under the version the caller read; false when it moved on. */
export async function updateNc(trx: Tx, id: number, version: number, values: Updateable<QmsNonconformitiesTable>): Promise<boolean> {
  const r = await trx.updateTable('qms_nonconformities').set({ ...values, version: version + 1 })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function replaceOpenActions(trx: Tx, ncId: number, actions: { text: string; ownerStaffId: number | null; dueOn: string }[]): Promise<void> {
  await trx.deleteFrom('qms_actions').where('nc_id', '=', ncId).where('done_on', 'is', null).execute();
  const last = await trx.selectFrom('qms_actions').select((eb) => eb.fn.max('seq').as('seq')).where('nc_id', '=', ncId).executeTakeFirst();
  const start = Number(last?.seq ?? 0);
  await trx.insertInto('qms_actions').values(actions.map((a, i) => ({ nc_id: ncId, seq: start + i + 1, text: a.text, owner_staff_id: a.ownerStaffId, due_on: a.dueOn }))).execute();
}

export async function markActionDone(trx: Tx, ncId: number, seq: number, on: string, note: string | null): Promise<void> {
  await trx.updateTable('qms_actions').set({ done_on: on, done_note: note }).where('nc_id', '=', ncId).where('seq', '=', seq).execute();
}

export async function insertVerification(trx: Tx, v: { nc_id: number; result: 'effective' | 'not_effective'; measured: Record<string, unknown> | null; note: string | null; verified_by: number; verified_on: string }): Promise<void> {
  await trx.insertInto('qms_verifications').values({ ...v, measured: v.measured === null ? null : JSON.stringify(v.measured) }).execute();
}
