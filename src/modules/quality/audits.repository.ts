import type { Selectable, Updateable } from 'kysely';
import type { Db, Tx } from '../../platform/db/transaction.js';
import type { AuditTeamMember, QmsAuditItemsTable, QmsAuditsTable, QmsFindingsTable } from './quality.tables.js';

/** SQL of the internal audits part; the service decides who may call what. */
export type AuditRow = Selectable<QmsAuditsTable>;
export type AuditItemRow = Selectable<QmsAuditItemsTable>;
export type FindingRow = Selectable<QmsFindingsTable>;

export const findAudit = (db: Db, id: number): Promise<AuditRow | undefined> =>
  db.selectFrom('qms_audits').selectAll().where('id', '=', id).executeTakeFirst();

export async function auditsOf(db: Db, qmsId: number, year?: number): Promise<AuditRow[]> {
  let q = db.selectFrom('qms_audits').selectAll().where('qms_id', '=', qmsId);
  if (year !== undefined) q = q.where('year', '=', year);
  return q.orderBy('planned_from', 'desc').orderBy('id', 'desc').execute();
}

export const itemsOf = (db: Db, auditId: number): Promise<AuditItemRow[]> =>
  db.selectFrom('qms_audit_items').selectAll().where('audit_id', '=', auditId).orderBy('seq').execute();

/** The findings of audits, each with the nonconformity it opened. */
export async function findingsOf(db: Db, auditIds: number[]) {
  if (auditIds.length === 0) return [];
  return db.selectFrom('qms_findings as f').leftJoin('qms_nonconformities as n', 'n.id', 'f.nonconformity_id')
    .select(['f.id', 'f.audit_id', 'f.kind', 'f.clause', 'f.process_id', 'f.description', 'f.evidence', 'f.item_seq', 'f.nonconformity_id', 'n.code as nc_code', 'n.status as nc_status'])
    .where('f.audit_id', 'in', auditIds).orderBy('f.id').execute();
}

export async function processesOf(db: Db, qmsId: number, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('qms_processes').select(['id', 'code', 'name']).where('qms_id', '=', qmsId).where('id', 'in', ids).orderBy('code').execute();
}

export async function insertAudit(trx: Tx, v: {
  qms_id: number; year: number; title: string; planned_from: string; planned_to: string; criteria: string;
  process_ids: number[]; team: AuditTeamMember[]; lead_staff_id: number;
}): Promise<number> {
  const row = await trx.insertInto('qms_audits').values({ ...v, process_ids: JSON.stringify(v.process_ids), team: JSON.stringify(v.team) })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Changes an audit under the version the caller read (every change to its checklist or findings too); false when it moved on. */
export async function updateAudit(trx: Tx, id: number, version: number, values: Updateable<QmsAuditsTable> = {}): Promise<boolean> {
  const r = await trx.updateTable('qms_audits').set({ ...values, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertItems(trx: Tx, auditId: number, firstSeq: number, items: { processId: number | null; clause: string | null; question: string }[]): Promise<void> {
  if (items.length === 0) return;
  await trx.insertInto('qms_audit_items').values(items.map((i, n) => ({ audit_id: auditId, seq: firstSeq + n, process_id: i.processId, clause: i.clause, question: i.question }))).execute();
}

export async function setItemResult(trx: Tx, auditId: number, seq: number, result: AuditItemRow['result'], evidenceNote: string | null): Promise<void> {
  await trx.updateTable('qms_audit_items').set({ result, evidence_note: evidenceNote }).where('audit_id', '=', auditId).where('seq', '=', seq).execute();
}

export async function insertFinding(trx: Tx, v: {
  audit_id: number; kind: FindingRow['kind']; clause: string | null; process_id: number | null; description: string;
  evidence: string | null; item_seq: number | null; created_by: number; created_at: Date;
}): Promise<number> {
  const row = await trx.insertInto('qms_findings').values(v).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function linkFinding(trx: Tx, findingId: number, ncId: number): Promise<void> {
  await trx.updateTable('qms_findings').set({ nonconformity_id: ncId }).where('id', '=', findingId).execute();
}
