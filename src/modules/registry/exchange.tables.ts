import type { Generated } from 'kysely';

/** Tables of migration 0037 (electronic exchange between units: deliveries, receipts, recalls). */
export type DeliveryStatus = 'pending' | 'delivered' | 'received' | 'returned' | 'recalled' | 'failed';

/** 'internal' inside the province; otherwise the outside transport's name ('local'). */
export type DeliveryTransport = string;

export interface RegDeliveriesTable {
  id: Generated<number>;
  document_id: number;
  to_unit_id: number | null;
  to_name: string;
  transport: DeliveryTransport;
  status: DeliveryStatus;
  incoming_document_id: number | null;
  receipt_id: string | null;
  reason: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  recall_receipt_id: string | null;
  created_at: Generated<Date>;
  delivered_at: Date | null;
  received_at: Date | null;
  returned_at: Date | null;
  recalled_at: Date | null;
  failed_at: Date | null;
  updated_at: Generated<Date>;
}

export interface RegistryExchangeTables {
  reg_deliveries: RegDeliveriesTable;
}
