import type { ColumnType, Generated } from 'kysely';

/** Tables of migration 0038 (file lists, filing, retention, archive handover, disposal). `date` comes back as 'YYYY-MM-DD' text. */
type DateOrNull = ColumnType<string | null, string | null | undefined, string | null>;
type Details = ColumnType<Record<string, unknown>, string | undefined, never>;

export type FileListStatus = 'draft' | 'approved';
export type FileStatus = 'open' | 'closed' | 'handed_over' | 'disposed' | 'removed';
export type DisposalStatus = 'draft' | 'approved' | 'cancelled';

export interface RegFileListsTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  status: Generated<FileListStatus>;
  decision_no: string | null;
  decision_date: DateOrNull;
  approved_by_staff_id: number | null;
  approved_at: Date | null;
  created_by_staff_id: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RegDisposalsTable {
  id: Generated<number>;
  unit_id: number;
  title: string;
  status: Generated<DisposalStatus>;
  decision_no: string | null;
  decision_date: DateOrNull;
  approved_by_staff_id: number | null;
  approved_at: Date | null;
  cancel_reason: string | null;
  erased_files: number | null;
  note: string | null;
  created_by_staff_id: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RegFilesTable {
  id: Generated<number>;
  list_id: number;
  unit_id: number;
  year: number;
  code: string;
  title: string;
  heading: string | null;
  /** Null: permanent (vĩnh viễn). */
  retention_years: number | null;
  responsible_staff_id: number | null;
  responsible_unit_id: number | null;
  status: Generated<FileStatus>;
  added_after_approval: Generated<boolean>;
  ended_on: DateOrNull;
  closed_at: Date | null;
  closed_by_staff_id: number | null;
  handed_over_on: DateOrNull;
  handed_over_by_staff_id: number | null;
  kept_until: DateOrNull;
  keep_reason: string | null;
  kept_by_staff_id: number | null;
  disposal_id: number | null;
  disposed_at: Date | null;
  note: string | null;
  created_by_staff_id: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RegFileDocumentsTable {
  document_id: number;
  file_id: number;
  filed_at: Date;
  filed_by_staff_id: number | null;
}

export interface RegFileEventsTable {
  id: Generated<string>;
  list_id: number | null;
  file_id: number | null;
  disposal_id: number | null;
  at: Date;
  action: string;
  actor_staff_id: number | null;
  actor_name: string;
  note: string | null;
  details: Details;
}

export interface RegistryFilesTables {
  reg_file_lists: RegFileListsTable;
  reg_disposals: RegDisposalsTable;
  reg_files: RegFilesTable;
  reg_file_documents: RegFileDocumentsTable;
  reg_file_events: RegFileEventsTable;
}
