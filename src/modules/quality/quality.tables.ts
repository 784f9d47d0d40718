import type { ColumnType, Generated } from 'kysely';

/** Tables of migration 0040 (the QMS). `date` comes back as 'YYYY-MM-DD' text; jsonb is written as a JSON string. */
type DateOrNull = ColumnType<string | null, string | null | undefined, string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;
type JsonOrNull<T> = ColumnType<T | null, string | null | undefined, string | null>;
/** numeric comes back as text from PostgreSQL. */
type Numeric = ColumnType<string, number | string, number | string>;

export type Obligation = 'mandatory' | 'encouraged';
export type Exclusion = { clause: string; reason: string };
export type ObjectiveMeasure = 'dossiers.on_time_rate' | 'dossiers.overdue_rate' | 'satisfaction.rate' | 'feedback.answered_on_time_rate' | 'manual';
export type ProcessKind = 'tthc' | 'support' | 'management';
export type DocumentKind = 'policy' | 'manual' | 'process' | 'form' | 'external';
export type DocVersionStatus = 'draft' | 'approved' | 'obsolete';
export type AuditStatus = 'planned' | 'in_progress' | 'reported' | 'cancelled';
export type AuditItemResult = 'conform' | 'nonconformity' | 'observation' | 'na';
export type FindingKind = 'nonconformity' | 'observation';
export type NcSourceColumn = 'manual' | 'audit' | 'overdue' | 'apology' | 'supplement' | 'complaint' | 'inspection' | 'objective';
export type NcStatusColumn = 'open' | 'action_planned' | 'actions_done' | 'verified_effective' | 'closed';
export type AuditTeamMember = { staffId: number; role: 'lead' | 'member' };
export type ReviewDecision = { text: string; ownerUnitId: number; dueOn: string };

export interface QmsSystemsTable {
  id: Generated<number>;
  agency_unit_id: number;
  obligation: Generated<Obligation>;
  standard: Generated<string>;
  scope_text: Generated<string>;
  exclusions: Json<Exclusion[]>;
  policy_text: Generated<string>;
  policy_approved_by: number | null;
  policy_approved_on: DateOrNull;
  iso_secretary_staff_id: number | null;
  settings: Json<Record<string, unknown>>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface QmsObjectivesTable {
  id: Generated<number>;
  qms_id: number;
  year: number;
  code: string;
  text: string;
  measure: ObjectiveMeasure;
  direction: Generated<'at_least' | 'at_most'>;
  target_percent: Numeric;
  year_basis: Generated<'statutory' | 'calendar'>;
  manual_numerator: number | null;
  manual_denominator: number | null;
  owner_unit_id: number | null;
  active: Generated<boolean>;
  version: Generated<number>;
}

export interface QmsProcessesTable {
  id: Generated<number>;
  qms_id: number;
  code: string;
  name: string;
  kind: Generated<ProcessKind>;
  owner_unit_id: number | null;
  catalog_procedure_code: string | null;
  case_code: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
}

export interface QmsDocumentsTable {
  id: Generated<number>;
  qms_id: number;
  code: string;
  title: string;
  kind: DocumentKind;
  process_id: number | null;
}

export interface QmsDocumentVersionsTable {
  id: Generated<number>;
  document_id: number;
  issue_no: number;
  status: Generated<DocVersionStatus>;
  content: Generated<string>;
  file_key: string | null;
  change_log: string | null;
  drafted_by: number | null;
  approved_by: number | null;
  approved_on: DateOrNull;
  effective_from: DateOrNull;
  obsolete_on: DateOrNull;
  obsolete_reason: string | null;
  catalog_version_id: number | null;
  catalog_fingerprint: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface QmsDeclarationsTable {
  id: Generated<number>;
  qms_id: number;
  decision_no: string;
  decision_date: string;
  signer_name: string;
  standard: string;
  scope_snapshot: Json<string[]>;
  registry_document_id: number | null;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}

export interface QmsAuditsTable {
  id: Generated<number>;
  qms_id: number;
  year: number;
  title: string;
  planned_from: string;
  planned_to: string;
  criteria: Generated<string>;
  process_ids: Json<number[]>;
  team: Json<AuditTeamMember[]>;
  lead_staff_id: number;
  status: Generated<AuditStatus>;
  report_summary: string | null;
  reported_on: DateOrNull;
  version: Generated<number>;
}

export interface QmsAuditItemsTable {
  id: Generated<number>;
  audit_id: number;
  seq: number;
  process_id: number | null;
  clause: string | null;
  question: string;
  evidence_note: string | null;
  result: AuditItemResult | null;
}

export interface QmsFindingsTable {
  id: Generated<number>;
  audit_id: number;
  kind: FindingKind;
  clause: string | null;
  process_id: number | null;
  description: string;
  evidence: string | null;
  item_seq: number | null;
  nonconformity_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface QmsNonconformitiesTable {
  id: Generated<number>;
  qms_id: number;
  year: number;
  seq: number;
  code: string;
  source: NcSourceColumn;
  source_key: string | null;
  finding_id: number | null;
  process_id: number | null;
  procedure_code: string | null;
  title: string;
  description: Generated<string>;
  evidence: Json<Record<string, unknown>>;
  correction: string | null;
  root_cause: string | null;
  owner_unit_id: number;
  status: Generated<NcStatusColumn>;
  raised_by: number | null;
  raised_on: string;
  closed_by: number | null;
  closed_on: DateOrNull;
  version: Generated<number>;
}

export interface QmsActionsTable {
  id: Generated<number>;
  nc_id: number;
  seq: number;
  text: string;
  owner_staff_id: number | null;
  due_on: string;
  done_on: DateOrNull;
  done_note: string | null;
}

export interface QmsVerificationsTable {
  id: Generated<number>;
  nc_id: number;
  result: 'effective' | 'not_effective';
  measured: JsonOrNull<Record<string, unknown>>;
  note: string | null;
  verified_by: number;
  verified_on: string;
}

export interface QmsProposalDismissalsTable {
  qms_id: number;
  source_key: string;
  figure: number;
  reason: string;
  dismissed_by: number | null;
  dismissed_at: Date;
}

export interface QmsReviewsTable {
  id: Generated<number>;
  qms_id: number;
  held_on: string;
  chair_staff_id: number | null;
  attendees: Generated<string>;
  status: Generated<'draft' | 'held'>;
  inputs: Json<Record<string, unknown>>;
  minutes: Generated<string>;
  decisions: Json<ReviewDecision[]>;
  directive_document_id: number | null;
  version: Generated<number>;
}

export interface QmsEventsTable {
  id: Generated<string>;
  qms_id: number;
  entity: string;
  entity_id: number;
  at: Date;
  action: string;
  actor_staff_id: number | null;
  actor_name: string;
  details: Json<Record<string, unknown>>;
}

export interface QualityTables {
  qms_systems: QmsSystemsTable;
  qms_objectives: QmsObjectivesTable;
  qms_processes: QmsProcessesTable;
  qms_documents: QmsDocumentsTable;
  qms_document_versions: QmsDocumentVersionsTable;
  qms_declarations: QmsDeclarationsTable;
  qms_audits: QmsAuditsTable;
  qms_audit_items: QmsAuditItemsTable;
  qms_findings: QmsFindingsTable;
  qms_nonconformities: QmsNonconformitiesTable;
  qms_actions: QmsActionsTable;
  qms_verifications: QmsVerificationsTable;
  qms_proposal_dismissals: QmsProposalDismissalsTable;
  qms_reviews: QmsReviewsTable;
  qms_events: QmsEventsTable;
}
