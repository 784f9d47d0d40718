import type { ColumnType, Generated } from 'kysely';

/** Another name of an org unit in steering documents (migration 0028). */
export interface DirectiveAgencyAliasesTable {
  id: Generated<number>;
  unit_id: number;
  alias: string;
  note: string | null;
  created_at: Generated<Date>;
}

/** A phrase naming a set of units, and the unit kinds it fans out to (migration 0028). */
export interface DirectiveGroupPhrasesTable {
  id: Generated<number>;
  group_key: string;
  label: string;
  phrase: string;
  unit_kinds: string[];
  created_at: Generated<Date>;
}

export type DocType = 'CT' | 'KH' | 'QĐ' | 'CV' | 'TB' | 'NQ' | 'CTr' | 'CĐ' | 'HD' | 'ĐA';
export type TaskStatus = 'new' | 'assigned' | 'in_progress' | 'completion_requested' | 'completed' | 'cancelled';
export type Recurrence = 'monthly' | 'quarterly' | 'half_yearly' | 'yearly';
export type Priority = 'normal' | 'high' | 'urgent';

/** A steering document (migration 0028). Dates as 'YYYY-MM-DD' strings (the pg type parser returns dates as text). */
export interface DirectiveDocumentsTable {
  id: Generated<number>;
  doc_type: DocType;
  number: string;
  issuer: string;
  signer: string | null;
  signed_on: string;
  subject: string;
  fields: string[];
  full_text: string;
  owner_unit_id: number;
  /** The registry's document it was registered from (migration 0039), if any. */
  registry_document_id: ColumnType<number | null, number | null | undefined, number | null>;
  status: 'active' | 'closed';
  version: Generated<number>;
  created_by_staff_id: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DirectiveDocumentFilesTable {
  id: Generated<number>;
  document_id: number;
  file_key: string;
  name: string;
  type: string;
  size: number;
  added_at: Generated<Date>;
}

export interface DirectiveTasksTable {
  id: Generated<number>;
  document_id: number;
  ref: string;
  content: string;
  lead_unit_id: number;
  coordinating_unit_ids: number[];
  fan_out_key: string | null;
  assignee_staff_id: number | null;
  due_on: string | null;
  recurrence: Recurrence | null;
  first_due_on: string | null;
  occurrence: Generated<number>;
  expected_output: string | null;
  priority: Priority;
  status: TaskStatus;
  progress: Generated<number>;
  done_on: string | null;
  completed_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DirectiveTaskEventsTable {
  id: Generated<string>;
  task_id: number;
  at: Date;
  action: string;
  actor_staff_id: number | null;
  actor_name: string;
  unit_id: number | null;
  progress: number | null;
  note: string | null;
  details: unknown;
}

export interface DirectiveTaskFilesTable {
  id: Generated<number>;
  task_id: number;
  event_id: string;
  file_key: string;
  name: string;
  type: string;
  size: number;
  added_at: Date;
}

export interface DirectiveReportPeriodsTable {
  id: Generated<number>;
  document_id: number;
  kind: 'month' | 'quarter' | 'half' | 'nine_months' | 'year';
  code: string;
  label: string;
  starts_on: string;
  ends_on: string;
  due_on: string;
  created_at: Generated<Date>;
}

export interface DirectiveUnitReportsTable {
  id: Generated<number>;
  period_id: number;
  unit_id: number;
  status: 'draft' | 'submitted';
  narrative: string;
  difficulties: string;
  proposals: string;
  task_results: unknown;
  submitted_at: Date | null;
  submitted_by_staff_id: number | null;
  submitted_by_name: string | null;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface DirectiveTables {
  directive_agency_aliases: DirectiveAgencyAliasesTable;
  directive_group_phrases: DirectiveGroupPhrasesTable;
  directive_documents: DirectiveDocumentsTable;
  directive_document_files: DirectiveDocumentFilesTable;
  directive_tasks: DirectiveTasksTable;
  directive_task_events: DirectiveTaskEventsTable;
  directive_task_files: DirectiveTaskFilesTable;
  directive_report_periods: DirectiveReportPeriodsTable;
  directive_unit_reports: DirectiveUnitReportsTable;
}
