import type { ColumnType, Generated } from 'kysely';

/** Tables of migration 0042. bigint comes back as text from PostgreSQL; dates as YYYY-MM-DD strings are written as such. */
type Bigint = ColumnType<string, number | string | bigint, number | string | bigint>;
type Json<T> = ColumnType<T, string, string>;
type Day = ColumnType<string, string, string>;

export interface PrParametersTable {
  year: number;
  monthly_income_vnd: Bigint;
  working_days_per_month: number;
  hours_per_day: number;
  source: string;
  defaults: Json<Record<string, number>>;
  version: Generated<number>;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

export interface PrReviewPlansTable {
  id: Generated<number>;
  agency_unit_id: number;
  year: number;
  title: string;
  status: Generated<'draft' | 'approved'>;
  approved_by: number | null;
  approved_at: Date | null;
  created_by: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PrReviewPlanItemsTable {
  id: Generated<number>;
  plan_id: number;
  procedure_code: string;
  procedure_name: string;
  lead_unit_id: number | null;
  due_on: Day;
}

export type ReviewStatus = 'draft' | 'submitted' | 'approved';
export type Recommendation = 'keep' | 'simplify' | 'abolish';

export interface PrReviewsTable {
  id: Generated<number>;
  agency_unit_id: number;
  year: number;
  procedure_code: string;
  procedure_name: string;
  version_id: number;
  version_no: number;
  plan_item_id: number | null;
  status: Generated<ReviewStatus>;
  answers: ColumnType<Record<string, { choice?: 'yes' | 'no'; text?: string }>, string | undefined, string>;
  estimates: ColumnType<Record<string, { hours?: number; times?: number; cashVnd?: number; note?: string }>, string | undefined, string>;
  recommendation: Recommendation | null;
  conclusion: string | null;
  cost_snapshot: Json<unknown> | null;
  reviewer_staff_id: number | null;
  approved_by: number | null;
  approved_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type PlanStatus = 'draft' | 'proposed' | 'approved' | 'rejected';

export interface PrPlansTable {
  id: Generated<number>;
  agency_unit_id: number;
  year: number;
  procedure_code: string;
  procedure_name: string;
  base_version_id: number;
  base_version_no: number;
  review_id: number | null;
  title: string;
  rationale: string | null;
  changes: Json<unknown>;
  status: Generated<PlanStatus>;
  before_snapshot: Json<unknown> | null;
  after_snapshot: Json<unknown> | null;
  approved_by: number | null;
  approved_at: Date | null;
  created_by: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type PrEntity = 'parameters' | 'review_plan' | 'review' | 'plan';

export interface PrEventsTable {
  id: Generated<string>;
  entity: PrEntity;
  entity_id: number;
  at: Date;
  actor_staff_id: number | null;
  actor_name: string;
  action: string;
  note: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface ProcedureReviewTables {
  pr_parameters: PrParametersTable;
  pr_review_plans: PrReviewPlansTable;
  pr_review_plan_items: PrReviewPlanItemsTable;
  pr_reviews: PrReviewsTable;
  pr_plans: PrPlansTable;
  pr_events: PrEventsTable;
}
