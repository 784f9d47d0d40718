import type { LineRow } from './reform-budget.repository.js';
import { FUNDING_LABELS } from './reform-budget.schema.js';
import { ACTIVITY_LABELS, ratePercent } from './rules/budget.js';

/**
 * bigint columns come back as text; an amount the API cannot carry as a JSON number exactly would be
 * a silent error in every total, so it stops here instead.
 */
export function amountOf(v: string | number | bigint): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`reform budget amount out of range: ${String(v)}`);
  return n;
}

/** The fields a change row and the rules read, in the API's names and units. */
export type LineFields = {
  activityKind: LineRow['activity_kind']; title: string; fundingSource: 'state_budget' | 'other';
  plannedVnd: number; allocatedVnd: number; spentVnd: number; overspendReason: string | null; allocationDecisionNo: string | null; note: string | null;
};

export const fieldsOf = (r: LineRow): LineFields => ({
  activityKind: r.activity_kind, title: r.title, fundingSource: r.funding_source,
  plannedVnd: amountOf(r.planned_vnd), allocatedVnd: amountOf(r.allocated_vnd), spentVnd: amountOf(r.spent_vnd),
  overspendReason: r.overspend_reason, allocationDecisionNo: r.allocation_decision_no, note: r.note,
});

export function lineView(r: LineRow, unitName: string) {
  const f = fieldsOf(r);
  return {
    id: r.id, unitId: r.unit_id, unitName, year: r.year,
    activityKind: f.activityKind, activityLabel: ACTIVITY_LABELS[f.activityKind], title: f.title,
    fundingSource: f.fundingSource, fundingLabel: FUNDING_LABELS[f.fundingSource],
    plannedVnd: f.plannedVnd, allocatedVnd: f.allocatedVnd, spentVnd: f.spentVnd,
    executionRate: ratePercent(f.spentVnd, f.allocatedVnd),
    overspent: f.spentVnd > f.allocatedVnd, overspendReason: f.overspendReason,
    allocationDecisionNo: f.allocationDecisionNo, note: f.note, version: r.version,
  };
}
export type LineView = ReturnType<typeof lineView>;

/** {field: [before, after]} for each field that differs. */
export function diff(before: Partial<LineFields>, after: LineFields): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after) as (keyof LineFields)[]) {
    const b = before[key] ?? null;
    if (b !== after[key]) out[key] = [b, after[key]];
  }
  return out;
}
