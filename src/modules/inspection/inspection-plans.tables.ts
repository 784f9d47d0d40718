import type { ColumnType, Generated } from 'kysely';
import type { ChecklistFigure, Label } from './checklist-rules.js';
import type { FindingKind, InspectionStatus, PlanStatus, RecommendationStatus, TopicCode, Verdict } from './inspection-labels.js';

/** Tables of migration 0034 (plans and inspections). `date` comes back as 'YYYY-MM-DD' text; jsonb is written as a JSON string. */
type DateText = ColumnType<string, string, string>;
type DateOrNull = ColumnType<string | null, string | null | undefined, string | null>;
type Json<T> = ColumnType<T, string, string>;
type JsonOrNull<T> = ColumnType<T | null, string | null | undefined, string | null>;
type Details = ColumnType<Record<string, unknown>, string | undefined, never>;

export interface InspPlansTable {
  id: Generated<number>;
  inspecting_unit_id: number;
  year: number;
  title: string;
  note: string | null;
  status: Generated<PlanStatus>;
  decision_no: string | null;
  decision_date: DateOrNull;
  signer: string | null;
  approved_by_staff_id: number | null;
  created_by_staff_id: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InspPlanItemsTable {
  id: Generated<number>;
  plan_id: number;
  target_unit_id: number;
  topics: TopicCode[];
  planned_from: DateText;
  planned_to: DateText;
  lead_staff_id: number | null;
  note: string | null;
  cancelled_on: DateOrNull;
  cancel_reason: string | null;
  created_at: Generated<Date>;
}

export interface InspHistoryTable {
  id: Generated<string>;
  at: Date;
  action: string;
  actor_staff_id: number | null;
  actor_name: string;
  note: string | null;
  details: Details;
}

export interface InspInspectionsTable {
  id: Generated<number>;
  kind: 'planned' | 'surprise';
  inspecting_unit_id: number;
  target_unit_id: number;
  plan_item_id: number | null;
  surprise_reason: string | null;
  trigger_ref: string | null;
  topics: TopicCode[];
  decision_no: string | null;
  decision_date: DateOrNull;
  on_site_from: DateText;
  on_site_to: DateText;
  covers_from: DateText;
  covers_to: DateText;
  status: Generated<InspectionStatus>;
  started_on: DateOrNull;
  checklist_taken_at: Date | null;
  conclusion_no: string | null;
  conclusion_date: DateOrNull;
  conclusion_signer: string | null;
  conclusion_summary: string | null;
  concluded_by_staff_id: number | null;
  closed_on: DateOrNull;
  cancelled_reason: string | null;
  created_by_staff_id: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InspInspectionTeamTable {
  inspection_id: number;
  staff_id: number;
  role: 'lead' | 'member';
}

export interface InspChecklistItemsTable {
  inspection_id: number;
  code: string;
  position: number;
  kind: 'system' | 'manual';
  label: Json<Label>;
  source: Json<Label>;
  figure: JsonOrNull<ChecklistFigure>;
  verdict: Generated<Verdict>;
  note: string | null;
}

export interface InspFindingsTable {
  id: Generated<number>;
  inspection_id: number;
  kind: FindingKind;
  description: string;
  staff_id: number | null;
  checklist_code: string | null;
  created_by_staff_id: number | null;
  created_at: Generated<Date>;
}

export interface InspRecommendationsTable {
  id: Generated<number>;
  inspection_id: number;
  seq: number;
  text: string;
  responsible_unit_id: number;
  due_on: DateText;
  due_working_days: number | null;
  status: Generated<RecommendationStatus>;
  closed_on: DateOrNull;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InspRecommendationUpdatesTable {
  id: Generated<string>;
  recommendation_id: number;
  at: Date;
  kind: 'report' | 'accept' | 'return';
  on_day: DateText;
  text: string | null;
  actor_staff_id: number | null;
  actor_name: string;
}

export interface InspectionPlanTables {
  insp_plans: InspPlansTable;
  insp_plan_items: InspPlanItemsTable;
  insp_plan_events: InspHistoryTable & { plan_id: number };
  insp_inspections: InspInspectionsTable;
  insp_inspection_team: InspInspectionTeamTable;
  insp_checklist_items: InspChecklistItemsTable;
  insp_findings: InspFindingsTable;
  insp_recommendations: InspRecommendationsTable;
  insp_recommendation_updates: InspRecommendationUpdatesTable;
  insp_inspection_events: InspHistoryTable & { inspection_id: number };
}
