import type { ActivityKind } from '../../../../src/modules/reform-budget/rules/budget';

export type { ActivityKind };
export type FundingSource = 'state_budget' | 'other';

/** API.md Part D: the reform budget's answers as the page reads them (amounts in whole đồng). */
export interface BudgetUnit { unitId: number; name: string; mayManage: boolean }

export interface BudgetLine {
  id: number; unitId: number; unitName: string; year: number;
  activityKind: ActivityKind; activityLabel: string; title: string;
  fundingSource: FundingSource; fundingLabel: string;
  plannedVnd: number; allocatedVnd: number; spentVnd: number;
  executionRate: number | null; overspent: boolean; overspendReason: string | null;
  allocationDecisionNo: string | null; note: string | null; version: number;
}

export interface Totals {
  lines: number; plannedVnd: number; allocatedVnd: number; spentVnd: number;
  allocationRate: number | null; executionRate: number | null; overspentLines: number;
}

export interface UnitSummary { unitId: number; byKind: Record<ActivityKind, Totals>; total: Totals }

export interface LinesAnswer {
  unitId: number; unitName: string; year: number; items: BudgetLine[]; summary: UnitSummary; may: { manage: boolean };
}

export interface YearSummary {
  year: number; asOf: string;
  activities: { kind: ActivityKind; label: string }[];
  units: (UnitSummary & { unitName: string })[];
  byKind: Record<ActivityKind, Totals>; total: Totals;
  isoShareOfAllocated: number | null;
  overspentLines: BudgetLine[];
}

export interface LineChange { at: string; actorName: string; changes: Record<string, [unknown, unknown]>; reason: string | null }

export interface LineFieldsBody {
  activityKind: ActivityKind; title: string; fundingSource: FundingSource;
  plannedVnd: number; allocatedVnd: number; spentVnd: number;
  overspend: boolean; overspendReason: string | null; allocationDecisionNo: string | null; note: string | null;
}
export type LineCreateBody = LineFieldsBody & { unitId: number; year: number };
export type LineUpdateBody = Partial<LineFieldsBody> & { version: number; reason?: string };
