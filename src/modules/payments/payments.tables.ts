import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

export type PaymentStatus = 'pending' | 'paid' | 'failed' | 'cancelled' | 'amount_mismatch';
export type PaymentItem = { name: string; amount: number };

export interface PaymentsTable {
  id: Generated<string>;
  dossier_code: string;
  unit_id: number;
  provider: string;
  order_ref: string;
  /** bigint: read back as a string by the driver; the repository converts it. */
  amount: ColumnType<string, number, number>;
  items: Json<PaymentItem[]>;
  status: Generated<PaymentStatus>;
  provider_txn_no: string | null;
  bank_code: string | null;
  paid_at: Date | null;
  settled_by: 'notification' | 'reconciliation' | null;
  dossier_recorded_at: Date | null;
  dossier_record_error: string | null;
  created_by: number | null;
  created_at: ColumnType<Date, Date | undefined, Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  version: Generated<number>;
}

export interface PaymentNotificationsTable {
  id: Generated<string>;
  provider: string;
  order_ref: string | null;
  params: Json<Record<string, string>>;
  signature_valid: boolean;
  response_code: string;
  verdict: string;
  received_at: ColumnType<Date, Date | undefined, never>;
  remote_ip: string | null;
}

export interface PaymentTables {
  payments: PaymentsTable;
  payment_notifications: PaymentNotificationsTable;
}
