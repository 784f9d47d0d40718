import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

export interface DossiersTable {
  id: Generated<string>;
  code: string;
  lookup_secret: string;
  idempotency_key: string | null;
  procedure_code: string;
  procedure_version_id: number | null;
  procedure_name: string;
  field_code: string | null;
  field_name: string | null;
  case_code: string | null;
  channel: string;
  receiving_unit_id: number;
  competent_unit_id: number | null;
  applicant: Json<Record<string, unknown>>;
  applicant_name: string;
  documents: Json<unknown[]>;
  fees: Json<unknown[]>;
  result_delivery: string;
  processing_time: Json<Record<string, unknown> | null>;
  supplement_restarts: Generated<boolean>;
  origin_code: string | null;
  status: number;
  received_at: Date | null;
  due_at: Date | null;
  completed_at: Date | null;
  returned_at: Date | null;
  current_step: number | null;
  current_unit_id: number | null;
  current_staff_id: number | null;
  step_due_at: Date | null;
  /** While waiting for a supplement (status 5): when the clock was paused. */
  paused_at: Date | null;
  involved_unit_ids: number[];
  extended: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DossierEventsTable {
  id: Generated<string>;
  dossier_id: string;
  seq: number;
  type: string;
  at: Date;
  actor_staff_id: number | null;
  actor_name: string;
  unit_id: number | null;
  payload: Json<Record<string, unknown>>;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface DossierCountersTable {
  agency_code: string;
  day: string;
  last_value: number;
}

export interface DossierTables {
  dossiers: DossiersTable;
  dossier_events: DossierEventsTable;
  dossier_daily_counters: DossierCountersTable;
}
