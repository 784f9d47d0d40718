import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/transaction.js';
import type { PaymentItem, PaymentStatus } from './payments.tables.js';

export type PaymentRow = {
  id: string; dossierCode: string; unitId: number; provider: string; orderRef: string; amount: number; items: PaymentItem[];
  status: PaymentStatus; providerTxnNo: string | null; bankCode: string | null; paidAt: Date | null; settledBy: 'notification' | 'reconciliation' | null;
  dossierRecordedAt: Date | null; dossierRecordError: string | null; createdAt: Date; updatedAt: Date; version: number;
};

const COLUMNS = ['id', 'dossier_code', 'unit_id', 'provider', 'order_ref', 'amount', 'items', 'status', 'provider_txn_no', 'bank_code', 'paid_at', 'settled_by',
  'dossier_recorded_at', 'dossier_record_error', 'created_at', 'updated_at', 'version'] as const;

type Raw = { id: string; dossier_code: string; unit_id: number; provider: string; order_ref: string; amount: string; items: PaymentItem[]; status: PaymentStatus;
  provider_txn_no: string | null; bank_code: string | null; paid_at: Date | null; settled_by: 'notification' | 'reconciliation' | null;
  dossier_recorded_at: Date | null; dossier_record_error: string | null; created_at: Date; updated_at: Date; version: number };

const toRow = (r: Raw): PaymentRow => ({
  id: r.id, dossierCode: r.dossier_code, unitId: r.unit_id, provider: r.provider, orderRef: r.order_ref, amount: Number(r.amount), items: r.items,
  status: r.status, providerTxnNo: r.provider_txn_no, bankCode: r.bank_code, paidAt: r.paid_at, settledBy: r.settled_by,
  dossierRecordedAt: r.dossier_recorded_at, dossierRecordError: r.dossier_record_error, createdAt: r.created_at, updatedAt: r.updated_at, version: r.version,
});

export async function insertPayment(trx: Tx, p: { dossierCode: string; unitId: number; provider: string; orderRef: string; amount: number; items: PaymentItem[]; createdBy: number | null; at: Date }): Promise<PaymentRow> {
  const r = await trx.insertInto('payments').values({
    dossier_code: p.dossierCode, unit_id: p.unitId, provider: p.provider, order_ref: p.orderRef, amount: p.amount, items: JSON.stringify(p.items),
    provider_txn_no: null, bank_code: null, paid_at: null, settled_by: null, dossier_recorded_at: null, dossier_record_error: null,
    created_by: p.createdBy, created_at: p.at, updated_at: p.at,
  }).returning(COLUMNS).executeTakeFirstOrThrow();
  return toRow(r as Raw);
}

export async function findByOrderRef(db: Db | Tx, orderRef: string, forUpdate = false): Promise<PaymentRow | undefined> {
  let q = db.selectFrom('payments').select(COLUMNS).where('order_ref', '=', orderRef);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? toRow(r as Raw) : undefined;
}

export async function findById(db: Db | Tx, id: string): Promise<PaymentRow | undefined> {
  const r = await db.selectFrom('payments').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return r ? toRow(r as Raw) : undefined;
}

export async function paymentsOfDossier(db: Db | Tx, code: string): Promise<PaymentRow[]> {
  const rows = await db.selectFrom('payments').select(COLUMNS).where('dossier_code', '=', code).orderBy('id').execute();
  return rows.map((r) => toRow(r as Raw));
}

/** A settled order's new state, written only if it is still in the status it was read in (version guard). */
export async function settle(trx: Tx, p: PaymentRow, change: { status: PaymentStatus; providerTxnNo?: string | null; bankCode?: string | null; paidAt?: Date | null; settledBy: 'notification' | 'reconciliation' }, at: Date): Promise<boolean> {
  const res = await trx.updateTable('payments').set({
    status: change.status, provider_txn_no: change.providerTxnNo ?? p.providerTxnNo, bank_code: change.bankCode ?? p.bankCode,
    paid_at: change.paidAt ?? p.paidAt, settled_by: change.settledBy, updated_at: at, version: p.version + 1,
  }).where('id', '=', p.id).where('version', '=', p.version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function markDossierRecord(db: Db | Tx, id: string, outcome: { at: Date } | { error: string }): Promise<void> {
  await db.updateTable('payments').set('at' in outcome
    ? { dossier_recorded_at: outcome.at, dossier_record_error: null }
    : { dossier_record_error: outcome.error }).where('id', '=', id).execute();
}

export async function unrecordedPaid(db: Db, limit: number): Promise<PaymentRow[]> {
  const rows = await db.selectFrom('payments').select(COLUMNS).where('status', '=', 'paid').where('dossier_recorded_at', 'is', null).orderBy('id').limit(limit).execute();
  return rows.map((r) => toRow(r as Raw));
}

export type ListFilter = { units: number[] | 'all'; from?: Date; to?: Date; status?: PaymentStatus; dossierCode?: string; afterId?: string; limit: number };

export async function listPayments(db: Db, f: ListFilter): Promise<PaymentRow[]> {
  if (f.units !== 'all' && f.units.length === 0) return [];
  let q = db.selectFrom('payments').select(COLUMNS);
  if (f.units !== 'all') q = q.where('unit_id', 'in', f.units);
  if (f.from) q = q.where('created_at', '>=', f.from);
  if (f.to) q = q.where('created_at', '<', f.to);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.dossierCode) q = q.where('dossier_code', '=', f.dossierCode);
  if (f.afterId) q = q.where(sql<boolean>`id < ${f.afterId}::bigint`);
  const rows = await q.orderBy('id', 'desc').limit(f.limit).execute();
  return rows.map((r) => toRow(r as Raw));
}

export async function insertNotification(db: Db | Tx, n: { provider: string; orderRef: string | undefined; params: Record<string, string>; signatureValid: boolean; responseCode: string; verdict: string; remoteIp: string | null; at: Date }): Promise<void> {
  await db.insertInto('payment_notifications').values({
    provider: n.provider, order_ref: n.orderRef?.slice(0, 100) ?? null, params: JSON.stringify(n.params), signature_valid: n.signatureValid,
    response_code: n.responseCode, verdict: n.verdict, remote_ip: n.remoteIp, received_at: n.at,
  }).execute();
}
