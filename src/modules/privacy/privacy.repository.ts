import type { Selectable } from 'kysely';
import type { Db, Tx } from '../../platform/db/transaction.js';
import type { PrivacyRequestsTable, RetentionPeriodsTable } from './privacy.tables.js';

export type RequestRow = Selectable<PrivacyRequestsTable>;
export type RetentionRow = Selectable<RetentionPeriodsTable>;

export function findRequest(db: Db, id: number, forUpdate = false): Promise<RequestRow | undefined> {
  let q = db.selectFrom('privacy_requests').selectAll().where('id', '=', String(id));
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function listRequests(db: Db, unitIds: number[], q: { status?: string; overdueAt?: Date; limit: number }): Promise<RequestRow[]> {
  let query = db.selectFrom('privacy_requests').selectAll().where('unit_id', 'in', unitIds.length ? unitIds : [-1]);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.overdueAt) {
    const at = q.overdueAt;
    query = query.where((eb) => eb.or([
      eb.and([eb('status', '=', 'received'), eb('acknowledge_due_at', '<', at)]),
      eb.and([eb('status', 'in', ['received', 'acknowledged']), eb('resolve_due_at', '<', at)]),
    ]));
  }
  return query.orderBy('acknowledge_due_at').orderBy('id').limit(q.limit).execute();
}

export function limits(db: Db) {
  return db.selectFrom('privacy_request_limits').selectAll().orderBy('kind').execute();
}

export function retentionPeriods(db: Db): Promise<RetentionRow[]> {
  return db.selectFrom('retention_periods').selectAll().orderBy('record_type').execute();
}

export function findRetention(db: Db, recordType: string): Promise<RetentionRow | undefined> {
  return db.selectFrom('retention_periods').selectAll().where('record_type', '=', recordType).executeTakeFirst();
}

export async function recordErasure(trx: Tx, fileKey: string, recordType: string, dossierCodes: string[]): Promise<void> {
  await trx.insertInto('retention_erasures').values({ file_key: fileKey, record_type: recordType, dossier_codes: dossierCodes })
    .onConflict((oc) => oc.column('file_key').doNothing()).execute();
}

export async function erasedKeys(db: Db, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db.selectFrom('retention_erasures').select('file_key').where('file_key', 'in', keys).execute();
  return new Set(rows.map((r) => r.file_key));
}
