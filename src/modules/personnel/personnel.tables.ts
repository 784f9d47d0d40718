import type { ColumnType, Generated } from 'kysely';

/** `numeric` comes back as text from both databases; `date` as 'YYYY-MM-DD' text; jsonb is written as a JSON string. */
type NumOrNull = ColumnType<string | null, number | null | undefined, number | null>;
type DateText = ColumnType<string, string, string>;
type DateOrNull = ColumnType<string | null, string | null | undefined, string | null>;
type Json<T> = ColumnType<T, string, string>;
type JsonOrNull<T> = ColumnType<T | null, string | null | undefined, string | null>;

export type SchemeStatus = 'draft' | 'submitted' | 'returned' | 'appraised' | 'approved';
export type MovementKind = 'appointment' | 'secondment' | 'transfer' | 'retirement' | 'leaving';

export interface HrSchemesTable {
  id: Generated<number>;
  unit_id: number;
  version_no: number;
  status: Generated<SchemeStatus>;
  effective_from: DateText;
  positions: Json<unknown>;
  appraisal_note: string | null;
  decision_no: string | null;
  decision_date: DateOrNull;
  signer: string | null;
  submitted_at: Date | null;
  appraised_at: Date | null;
  appraised_by_staff_id: number | null;
  approved_at: Date | null;
  approved_by_staff_id: number | null;
  created_by_staff_id: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface HrPeopleTable {
  id: Generated<number>;
  staff_id: number;
  civil_servant_no: string | null;
  recruited_on: DateText;
  record: Json<unknown>;
  status: Generated<'serving' | 'left'>;
  left_on: DateOrNull;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface HrRecordChangesTable {
  id: Generated<number>;
  person_id: number;
  set_fields: Json<unknown>;
  reason: string;
  status: Generated<'proposed' | 'approved' | 'rejected' | 'withdrawn'>;
  proposed_by_staff_id: number;
  proposed_at: Date;
  decided_by_staff_id: number | null;
  decided_at: Date | null;
  decision_note: string | null;
  before_fields: JsonOrNull<unknown>;
}

export interface HrMovementsTable {
  id: Generated<number>;
  person_id: number;
  kind: MovementKind;
  on_date: DateText;
  until_date: DateOrNull;
  from_unit_id: number | null;
  to_unit_id: number | null;
  position_code: string | null;
  position_name: string | null;
  decision_no: string;
  decision_date: DateText;
  signer: string | null;
  note: string | null;
  created_by_staff_id: number | null;
  created_at: Generated<Date>;
}

export interface HrPlacementsTable {
  id: Generated<number>;
  person_id: number;
  unit_id: number;
  position_code: string;
  position_name: string;
  from_date: DateText;
  to_date: DateOrNull;
  movement_id: number;
}

export interface HrRecordViewsTable {
  id: Generated<number>;
  person_id: number;
  viewer_staff_id: number;
  reason: string;
  what: string;
  viewed_at: Date;
}

export interface HrEvaluationRulesTable {
  from_year: number;
  name: string;
  rule: Json<unknown>;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface HrEvaluationsTable {
  id: Generated<number>;
  person_id: number;
  year: number;
  unit_id: number;
  status: Generated<'self' | 'reviewed' | 'approved'>;
  self_assessment: string | null;
  self_facts: JsonOrNull<unknown>;
  manager_comment: string | null;
  meeting_minutes: string | null;
  facts: JsonOrNull<unknown>;
  reviewed_by_staff_id: number | null;
  reviewed_at: Date | null;
  points: NumOrNull;
  rating: string | null;
  proposed_rating: string | null;
  demoted: Generated<boolean>;
  reasons: JsonOrNull<unknown>;
  approved_by_staff_id: number | null;
  approved_at: Date | null;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface PersonnelTables {
  hr_schemes: HrSchemesTable;
  hr_people: HrPeopleTable;
  hr_record_changes: HrRecordChangesTable;
  hr_movements: HrMovementsTable;
  hr_placements: HrPlacementsTable;
  hr_record_views: HrRecordViewsTable;
  hr_evaluation_rules: HrEvaluationRulesTable;
  hr_evaluations: HrEvaluationsTable;
}
