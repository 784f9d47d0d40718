import type { Selectable } from 'kysely';
import { ratio } from './costs.scope.js';
import type { AgencyAccess } from './agency-access.js';
import type { CatalogVersion, Period } from './procedure-review.context.js';
import type { PrReviewsTable, Recommendation, ReviewStatus } from './procedure-review.tables.js';
import type { Answers, ReviewForm } from './rules/review-form.js';
import type { CostSheet, ProcedureFacts, Ratio, WageRate } from './rules/types.js';

export type ReviewRow = Selectable<PrReviewsTable>;

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  draft: 'Đang rà soát',
  submitted: 'Đã trình, chờ phê duyệt',
  approved: 'Đã phê duyệt',
};

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  keep: 'Giữ nguyên thủ tục',
  simplify: 'Sửa đổi, bổ sung, đơn giản hóa thủ tục',
  abolish: 'Bãi bỏ thủ tục',
};

type TimeUnit = 'working_days' | 'calendar_days' | 'working_hours';

/** API.md Part B `ProcedureCost`: one procedure's cost over an agency's tree, as the review shows it. */
export type ProcedureCost = {
  procedureCode: string;
  procedureName: string;
  version: { id: number; number: number; effectiveFrom: string | null };
  unitId: number;
  unitName: string;
  period: Period;
  /** The year's parameters the sheet was costed with; null when none were set (every figure is then 0). */
  parameters: { year: number; hourlyRateVnd: number; source: string } | null;
  facts: ProcedureFacts;
  supplementShare: Ratio; lateRate: Ratio; onlineShare: Ratio;
  sheet: CostSheet;
  timeLimit: { amount: number; unit: TimeUnit } | null;
  documents: { name: string; optional: boolean; reusable: boolean; certifiedCopies: number; copies: number; form: boolean }[];
  fees: { name: string; amountVnd: number | null }[];
  onlineMode: 'full' | 'partial' | 'none';
  reviews: { id: number; agencyUnitName: string; year: number; status: ReviewStatus }[];
  plans: { id: number; title: string; status: string; savingVnd: number }[];
};

/** What the approval froze (pr_reviews.cost_snapshot): the cost and the form's figures as the head signed them. */
export type ReviewSnapshot = { cost: ProcedureCost; form: ReviewForm };

export function snapshotOf(row: Pick<ReviewRow, 'cost_snapshot'>): ReviewSnapshot | null {
  const s = row.cost_snapshot;
  if (s === null || s === undefined) return null;
  return (typeof s === 'string' ? JSON.parse(s) : s) as ReviewSnapshot;
}

/** Stored JSON columns come back parsed from PostgreSQL and PGlite alike; a string is parsed defensively. */
export const answersOf = (row: Pick<ReviewRow, 'answers'>): Answers => (typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers) as Answers;
export const estimatesOf = (row: Pick<ReviewRow, 'estimates'>): Record<string, { hours?: number; times?: number; cashVnd?: number; note?: string }> =>
  (typeof row.estimates === 'string' ? JSON.parse(row.estimates) : row.estimates) as Record<string, { hours?: number; times?: number; cashVnd?: number; note?: string }>;

/** The time limit a citizen is told: the desk channel's, else the first channel's. */
function timeLimitOf(content: CatalogVersion['content']): ProcedureCost['timeLimit'] {
  const channel = content.channels.find((c) => c.kind === 'desk') ?? content.channels[0];
  return channel ? { amount: channel.time.amount, unit: channel.time.unit } : null;
}

const noFacts = (code: string, name: string): ProcedureFacts => ({
  procedureCode: code, procedureName: name, dossiers: 0, online: 0, post: 0, desk: 0, supplementDossiers: 0, supplementTrips: 0, supplementOnline: 0,
  completed: 0, late: 0, resultsReturned: 0, resultsAtDesk: 0,
});

/** The same shape as GET /costs/:code (costs.service.ts), over the agency's tree with the review's estimates. */
export function procedureCostView(input: {
  version: CatalogVersion; facts: ProcedureFacts | null; sheet: CostSheet; parameters: { wage: WageRate } | null;
  unitId: number; unitName: string; period: Period; reviews: ProcedureCost['reviews']; plans: ProcedureCost['plans'];
}): ProcedureCost {
  const { version: v } = input;
  const c = v.content;
  const f = input.facts ?? noFacts(v.code, v.name);
  return {
    procedureCode: v.code, procedureName: v.name,
    version: { id: v.versionId, number: v.versionNo, effectiveFrom: v.effectiveFrom },
    unitId: input.unitId, unitName: input.unitName, period: input.period,
    parameters: input.parameters ? { year: input.parameters.wage.year, hourlyRateVnd: input.sheet.wage.hourlyRateVnd, source: input.parameters.wage.source } : null,
    facts: f,
    supplementShare: ratio(f.supplementDossiers, f.dossiers), lateRate: ratio(f.late, f.completed), onlineShare: ratio(f.online, f.dossiers),
    sheet: input.sheet, timeLimit: timeLimitOf(c),
    documents: c.documents.map((d) => ({ name: d.name, optional: d.optional, reusable: d.reusableFromNationalDb, certifiedCopies: d.certifiedCopies, copies: d.copies, form: !!d.formTemplate })),
    fees: c.fees.map((f) => ({ name: f.name, amountVnd: f.amount ?? null })),
    onlineMode: c.onlineMode,
    reviews: input.reviews, plans: input.plans,
  };
}

/** What the caller may do with a review in its status (API.md Part C). */
export function allowedOf(status: ReviewStatus, access: AgencyAccess) {
  const draft = status === 'draft';
  const submitted = status === 'submitted';
  return { edit: draft && access.manage, submit: draft && access.manage, approve: submitted && access.approve, return: submitted && access.approve };
}

export function summaryOf(row: ReviewRow, agencyUnitName: string, yearlyVnd: number) {
  return {
    id: row.id, procedureCode: row.procedure_code, procedureName: row.procedure_name, agencyUnitId: row.agency_unit_id, agencyUnitName,
    year: row.year, status: row.status, statusLabel: REVIEW_STATUS_LABELS[row.status],
    recommendation: row.recommendation, recommendationLabel: row.recommendation ? RECOMMENDATION_LABELS[row.recommendation] : null,
    yearlyVnd, updatedAt: row.updated_at.toISOString(),
  };
}
export type ReviewSummary = ReturnType<typeof summaryOf>;

export type Review = {
  id: number; procedureCode: string; procedureName: string; versionId: number; versionNo: number;
  agencyUnitId: number; agencyUnitName: string; year: number; status: ReviewStatus; statusLabel: string;
  form: ReviewForm; answers: Answers; estimates: ReturnType<typeof estimatesOf>;
  recommendation: Recommendation | null; recommendationLabel: string | null; conclusion: string | null;
  cost: ProcedureCost; frozen: boolean;
  reviewerName: string | null; approvedByName: string | null; approvedAt: string | null;
  planItemId: number | null;
  history: { at: string; actorName: string; action: string; label: string; note: string | null }[];
  version: number;
  allowed: ReturnType<typeof allowedOf>;
};
