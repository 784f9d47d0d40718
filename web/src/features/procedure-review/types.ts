import type {
  CostGroup, CostLine, CostLineView, CostSheet, Defaults, PlanChanges, ProcedureFacts, Ratio, Saving, Source, SourceKind, WageRate,
} from '../../../../src/modules/procedure-review/rules/types';

/**
 * What the procedure-review API answers (src/modules/procedure-review/API.md), as the pages read them.
 * The shared shapes (cost sheet, facts, savings) are the server's own types from rules/types.ts.
 */
export type { CostGroup, CostLine, CostLineView, CostSheet, Defaults, PlanChanges, ProcedureFacts, Ratio, Saving, Source, SourceKind, WageRate };

export interface Period { from: string; to: string }
export interface HistoryEntry { at: string; actorName: string; action: string; label: string; note: string | null }

// ---- Part A: parameters
export type Parameters = WageRate & { hourlyRateVnd: number; defaults: Defaults; version: number; updatedAt: string };
export interface ParametersList { items: Parameters[]; mayEdit: boolean }
export interface ParametersBody {
  monthlyIncomeVnd: number; workingDaysPerMonth: number; hoursPerDay: number; source: string; defaults: Defaults; version?: number;
}

// ---- Part B: units, costs and ranking
export interface ReviewUnit { id: number; name: string; code: string; kind: string; parentId: number | null; manage: boolean; approve: boolean }
export interface UnitsAnswer { items: ReviewUnit[] }

export type RankingSort = 'yearly' | 'perDossier' | 'supplementShare' | 'lateRate';
export interface RankingRow {
  rank: number; procedureCode: string; procedureName: string; fieldName: string | null; versionNo: number;
  dossiers: number; perDossierVnd: number; yearlyVnd: number;
  supplementShare: Ratio; lateRate: Ratio; onlineShare: Ratio;
  reviewId: number | null; planCount: number;
}
export interface Ranking {
  unitId: number; unitName: string; period: Period;
  parameters: { year: number; hourlyRateVnd: number; source: string } | null;
  sort: RankingSort; items: RankingRow[];
  totals: { procedures: number; dossiers: number; yearlyVnd: number };
}
export interface RankingQuery { unitId?: number; from?: string; to?: string; sort?: RankingSort; limit?: number }

export type TimeLimitUnit = 'working_days' | 'calendar_days' | 'working_hours';
export interface TimeLimit { amount: number; unit: TimeLimitUnit }
export interface ProcedureCost {
  procedureCode: string; procedureName: string;
  version: { id: number; number: number; effectiveFrom: string | null };
  unitId: number; unitName: string; period: Period;
  facts: ProcedureFacts; sheet: CostSheet; timeLimit: TimeLimit | null;
  documents: { name: string; optional: boolean; reusable: boolean; certifiedCopies: number; copies: number; form: boolean }[];
  fees: { name: string; amountVnd: number | null }[];
  onlineMode: string | null;
  reviews: { id: number; agencyUnitName: string; year: number; status: ReviewStatus }[];
  plans: { id: number; title: string; status: PlanStatus; savingVnd: number }[];
}
export interface CostQuery { unitId?: number; from?: string; to?: string }

// ---- Part C: review forms
export type ReviewStatus = 'draft' | 'submitted' | 'approved';
export type Recommendation = 'keep' | 'simplify' | 'abolish';
export interface ReviewSummary {
  id: number; procedureCode: string; procedureName: string; agencyUnitId: number; agencyUnitName: string; year: number;
  status: ReviewStatus; statusLabel: string; recommendation: Recommendation | null; yearlyVnd: number; updatedAt: string;
}
export type QuestionKind = 'yesno' | 'text' | 'yesno_text';
export interface ReviewForm {
  code: string; title: string; basis: string;
  sections: { key: string; title: string; questions: { key: string; text: string; kind: QuestionKind; prefill: string | null }[] }[];
}
export type Answers = Record<string, { choice?: 'yes' | 'no'; text?: string }>;
export type Estimates = Record<string, { hours?: number; times?: number; cashVnd?: number; note?: string }>;
export interface Review {
  id: number; procedureCode: string; procedureName: string; versionId: number; versionNo: number;
  agencyUnitId: number; agencyUnitName: string; year: number; status: ReviewStatus; statusLabel: string;
  form: ReviewForm; answers: Answers; estimates: Estimates;
  recommendation: Recommendation | null; conclusion: string | null;
  cost: ProcedureCost;
  reviewerName: string | null; approvedByName: string | null; approvedAt: string | null;
  history: HistoryEntry[]; version: number;
  allowed: { edit: boolean; submit: boolean; approve: boolean; return: boolean };
}
export interface ReviewCreateBody { procedureCode: string; agencyUnitId: number; year: number; planItemId?: number }
export interface ReviewUpdateBody { answers: Answers; estimates: Estimates; recommendation: Recommendation | null; conclusion: string | null; version: number }
export interface ReviewActionBody { action: 'submit' | 'approve' | 'return'; note?: string; version: number }

// ---- Part D: yearly review plans
export type ReviewPlanStatus = 'draft' | 'approved';
export type ReviewPlanItemState = 'not_started' | 'in_progress' | 'done';
export interface ReviewPlanSummary {
  id: number; agencyUnitId: number; agencyUnitName: string; year: number; title: string; status: ReviewPlanStatus;
  items: number; done: number; overdue: number;
}
export interface ReviewPlanItem {
  id: number; procedureCode: string; procedureName: string; dueOn: string; leadUnitId: number | null; leadUnitName: string | null;
  reviewId: number | null; reviewStatus: ReviewStatus | null; state: ReviewPlanItemState; overdue: boolean;
}
export type ReviewPlan = Omit<ReviewPlanSummary, 'items'> & {
  items: ReviewPlanItem[]; history: HistoryEntry[]; version: number; allowed: { edit: boolean; approve: boolean };
};
export interface ReviewPlanItemBody { procedureCode: string; dueOn: string; leadUnitId?: number }
export interface ReviewPlanCreateBody { agencyUnitId: number; year: number; title: string; items: ReviewPlanItemBody[] }
export interface ReviewPlanUpdateBody { title: string; items: ReviewPlanItemBody[]; version: number }

// ---- Part E: simplification plans
export type PlanStatus = 'draft' | 'proposed' | 'approved' | 'rejected';
export interface PlanSummary {
  id: number; procedureCode: string; procedureName: string; agencyUnitId: number; agencyUnitName: string; year: number;
  title: string; status: PlanStatus; statusLabel: string; saving: Saving;
}
export interface Measured {
  versionNo: number; effectiveFrom: string | null; period: Period; dossiers: number;
  perDossierVnd: number; beforePerDossierVnd: number; yearlySavingVnd: number; percent: number | null;
}
export type Plan = PlanSummary & {
  baseVersionNo: number; reviewId: number | null; rationale: string | null; changes: PlanChanges;
  before: CostSheet; after: CostSheet;
  timeLimit: { before: TimeLimit | null; after: TimeLimit | null };
  documents: { name: string; removed: boolean; reused: boolean }[];
  fees: { name: string; beforeVnd: number | null; afterVnd: number | null }[];
  measured: Measured | null; history: HistoryEntry[]; version: number;
  allowed: { edit: boolean; propose: boolean; approve: boolean; reject: boolean };
};
export interface PlanCreateBody {
  procedureCode: string; agencyUnitId: number; year: number; reviewId?: number; title: string; rationale?: string; changes: PlanChanges;
}
export interface PlanUpdateBody { title: string; rationale: string | null; changes: PlanChanges; version: number }
export interface PlanActionBody { action: 'propose' | 'approve' | 'reject' | 'return'; note?: string; version: number }
export type PlansSummaryRow = Saving & { agencyUnitId: number; agencyUnitName: string; plans: number; approved: number };
export interface PlansSummary { year: number; agencies: PlansSummaryRow[]; province: Saving & { plans: number; approved: number } }

export interface ListAnswer<T> { items: T[] }
