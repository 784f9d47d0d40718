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
  /** Blind indexes of the encrypted ID numbers (migration 0013, personal-data.ts). */
  applicant_id_index: ColumnType<string | null, string | null | undefined, string | null>;
  representative_id_index: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** Migration 0017, rules/digital.ts: every received document scanned; the result issued as a file; paid online; fully online (DOMAIN §4). */
  digitised: Generated<boolean>;
  result_digitised: Generated<boolean>;
  paid_online: Generated<boolean>;
  fully_online: Generated<boolean>;
  version: Generated<number>;
  /** Keyed HMAC of the chain's head (rules/hash-chain.ts `headMac`); null until anchored. */
  chain_mac: Generated<string | null>;
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
  /** Which fields the hash covers (rules/hash-chain.ts): 1 before migration 0011, 2 since. */
  hash_version: number;
  /** HMAC of `hash` under the chain key; null for version 1. */
  mac: string | null;
  /** The dossier's `created_at` (migration 0030): the partition key, the same on every event of a dossier. */
  dossier_created_at: Date;
}

/** An archived dossier (migration 0030): the row as it was in `dossiers`, and when it moved. */
export interface DossiersArchiveTable extends Omit<DossiersTable, 'id'> {
  id: string;
  archived_at: Date;
}

/** `dossier_records`: every dossier, live (`archived_at` null) or archived. A view: read only. */
export interface DossierRecordsTable extends Omit<DossiersTable, 'id'> {
  id: string;
  archived_at: Date | null;
}

export interface DossierSettingsTable {
  key: string;
  value: Json<unknown>;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: number | null;
}

export interface DossierCountersTable {
  agency_code: string;
  day: string;
  last_value: number;
}

export interface DossierTables {
  dossiers: DossiersTable;
  dossier_events: DossierEventsTable;
  /** The events of archived dossiers (migration 0030), moved unchanged. */
  dossier_events_archive: DossierEventsTable;
  /** A view (migration 0030): dossier_events and dossier_events_archive together. Read from it; write to dossier_events. */
  dossier_history: DossierEventsTable;
  dossiers_archive: DossiersArchiveTable;
  /** A view (migration 0030): dossiers and dossiers_archive together. */
  dossier_records: DossierRecordsTable;
  dossier_settings: DossierSettingsTable;
  dossier_daily_counters: DossierCountersTable;
}
