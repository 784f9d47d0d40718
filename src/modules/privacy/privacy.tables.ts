import type { ColumnType, Generated } from 'kysely';

export interface PrivacyRequestLimitsTable {
  kind: string;
  acknowledge_working_days: number;
  resolve_working_days: number;
  basis: string;
}

export interface PrivacyRequestsTable {
  id: Generated<string>;
  kind: string;
  id_number_sealed: string;
  id_number_index: string;
  requester_name: string;
  channel: string;
  details: string | null;
  unit_id: number;
  received_at: Date;
  acknowledge_due_at: Date;
  resolve_due_at: Date;
  status: string;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
  outcome: string | null;
  recorded_by: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface RetentionPeriodsTable {
  record_type: string;
  label_vi: string;
  label_en: string;
  months: number;
  basis: string | null;
  document_name_pattern: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  updated_by: number | null;
}

export interface RetentionErasuresTable {
  id: Generated<string>;
  file_key: string;
  record_type: string;
  dossier_codes: string[];
  erased_at: Generated<Date>;
}

export interface PrivacyTables {
  privacy_request_limits: PrivacyRequestLimitsTable;
  privacy_requests: PrivacyRequestsTable;
  retention_periods: RetentionPeriodsTable;
  retention_erasures: RetentionErasuresTable;
}
