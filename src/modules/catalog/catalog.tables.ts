import type { ColumnType, Generated } from 'kysely';

/** Tables of the catalogue module (migration 0005_catalog.sql). */

/** `date` columns come back as 'YYYY-MM-DD' text (the pg type parser is set in connection.ts). */
type DateText = ColumnType<string | null, string | null | undefined, string | null>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;
/** Columns the derive trigger fills from `content`; the application never writes them. */
type Derived<T> = ColumnType<T, never, never>;

export interface CatalogProceduresTable {
  id: Generated<number>;
  code: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CatalogProcedureVersionsTable {
  id: Generated<number>;
  procedure_id: number;
  number: number;
  status: string;
  content: Json<Record<string, unknown>>;
  decision_number: string | null;
  decision_date: DateText;
  decision_signer: string | null;
  decision_title: string | null;
  effective_from: DateText;
  effective_to: DateText;
  change_note: string | null;
  closing_decision: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  replaced_by_code: string | null;
  revision: Generated<number>;
  name: Derived<string>;
  field_code: Derived<string>;
  field_name: Derived<string>;
  levels: Derived<string[]>;
  online_mode: Derived<string>;
  channels: Derived<unknown>;
  agency_code: Derived<string | null>;
  agency_name: Derived<string>;
  boundary_independent: Derived<boolean>;
  name_search: Derived<string>;
  keywords_search: Derived<string[]>;
  search_text: Derived<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  published_at: Date | null;
}

export interface CatalogFormFilesTable {
  procedure_id: number;
  file_name: string;
  content: Buffer;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_at: Generated<Date>;
  uploaded_by: number | null;
}

export interface CatalogTables {
  catalog_procedures: CatalogProceduresTable;
  catalog_procedure_versions: CatalogProcedureVersionsTable;
  catalog_form_files: CatalogFormFilesTable;
}
