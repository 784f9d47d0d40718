import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

export interface CitizenFilesTable {
  id: Generated<string>;
  citizen_id: number;
  file_key: string;
  name: string;
  type: string;
  size: number;
  origin: Generated<'upload' | 'result'>;
  draft_id: string | null;
  dossier_code: string | null;
  created_at: Generated<Date>;
}

export interface OnlineDraftsTable {
  id: Generated<string>;
  citizen_id: number;
  procedure_code: string;
  procedure_name: string;
  status: Generated<'draft' | 'submitted'>;
  content: Json<Record<string, unknown>>;
  idempotency_key: string | null;
  dossier_code: string | null;
  submitted_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface OnlineTables {
  citizen_files: CitizenFilesTable;
  online_drafts: OnlineDraftsTable;
}
