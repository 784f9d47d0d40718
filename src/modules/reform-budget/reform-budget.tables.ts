import type { ColumnType, Generated } from 'kysely';
import type { ActivityKind } from './rules/budget.js';

/** Tables of migration 0041. bigint comes back as text from PostgreSQL; amounts are whole đồng. */
type Bigint = ColumnType<string, number | string | bigint, number | string | bigint>;
type Json<T> = ColumnType<T, string, never>;

export interface ReformBudgetLinesTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  activity_kind: ActivityKind;
  title: string;
  funding_source: Generated<'state_budget' | 'other'>;
  planned_vnd: Bigint;
  allocated_vnd: Bigint;
  spent_vnd: Bigint;
  overspend_reason: string | null;
  allocation_decision_no: string | null;
  note: string | null;
  created_by: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ReformBudgetChangesTable {
  id: Generated<string>;
  line_id: number;
  at: Date;
  actor_staff_id: number | null;
  actor_name: string;
  changes: Json<Record<string, unknown>>;
  reason: string | null;
}

export interface ReformBudgetTables {
  reform_budget_lines: ReformBudgetLinesTable;
  reform_budget_changes: ReformBudgetChangesTable;
}
