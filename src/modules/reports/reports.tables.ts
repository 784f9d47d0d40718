import type { Generated } from 'kysely';

/** Read model of form II.06a (migration 0021, rules/facts.ts): one row per dossier. */
export interface ReportDossierFactsTable {
  dossier_id: string;
  code: string;
  unit_id: number;
  receiving_unit_id: number;
  competent_unit_id: number | null;
  procedure_code: string;
  procedure_name: string;
  field_code: string | null;
  field_name: string | null;
  channel: string;
  received_at: Date | null;
  original_due_at: Date | null;
  pause_started_at: Date | null;
  pause_ended_at: Date | null;
  due_after_pause: Date | null;
  paused_when_overdue: boolean;
  extended_at: Date | null;
  due_after_extension: Date | null;
  due_at: Date | null;
  completed_at: Date | null;
  outcome: string | null;
  timeliness: string | null;
  returned_at: Date | null;
  inter_agency: boolean;
  version: number;
  updated_at: Generated<Date>;
}

/** Versions of the service index (migration 0022, rules/service-index.ts). */
export interface ReportIndexVersionsTable {
  id: Generated<number>;
  effective_from: string;
  definition: unknown;
  revision: Generated<number>;
  created_at: Date;
  updated_at: Date;
  updated_by_staff_id: number | null;
}

/** Read model of the service index (migration 0022, service-index.read-model.ts): one row per dossier. */
export interface ReportIndexFactsTable {
  dossier_id: string;
  fee_charged: boolean;
  paid_online: boolean;
  digitised: boolean;
  result_digitised: boolean;
  fully_online: boolean;
  version: number;
}

/** Reports kept per period (migration 0023, archive.service.ts). */
export interface ReportArchiveTable {
  id: Generated<number>;
  form: string;
  period_code: string;
  period_from: string;
  period_to: string;
  unit_id: number;
  unit_code: string | null;
  unit_name: string;
  figures: unknown;
  xlsx_key: string;
  pdf_key: string;
  generated_at: Date;
}

/** Per-day and per-half-month counts (migration 0024, rules/counts.ts); both tables have these columns. */
export interface ReportCountsTable {
  unit_id: number;
  procedure_code: string;
  field_code: string;
  bucket: string;
  procedure_name: string;
  field_name: string;
  recv_online: number; recv_direct: number; recv_digitised: number; recv_fee: number; recv_fee_paid: number;
  completed: number; early: number; on_time: number; late: number; withdrawn: number; result: number; result_digitised: number;
  returned: number; returned_fully_online: number;
  d_open: number; d_overdue: number; d_awaiting: number;
}

export interface ReportTables {
  report_counts_day: ReportCountsTable;
  report_counts_half: ReportCountsTable;
  report_archive: ReportArchiveTable;
  report_dossier_facts: ReportDossierFactsTable;
  report_index_versions: ReportIndexVersionsTable;
  report_index_facts: ReportIndexFactsTable;
}
