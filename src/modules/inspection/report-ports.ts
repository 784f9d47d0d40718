import type { IsoDay } from './rules/calendar.js';

/**
 * What the inspection report (scope 4) reads of inspection plans and inspections (scope 1), for the
 * inspecting units `unitIds` (null = every unit) over [from, to]. The plans service provides it; the
 * report only counts.
 */
export type InspectionCounts = {
  /** Inspections in an approved plan whose planned period starts in the range. */
  planned: number;
  /** Of them and of surprise ones, those whose conclusion was issued in the range. */
  done: { planned: number; surprise: number };
  /** Findings of concluded inspections in the range, by kind (the finding kinds' own codes). */
  findingsByKind: Record<string, number>;
  /** Recommendations with a deadline in the range: closed by it, closed after it, open and overdue, open and not yet due. */
  recommendations: { total: number; closedOnTime: number; closedLate: number; overdue: number; open: number };
};
export type InspectionCountsPort = (q: { unitIds: number[] | null; from: IsoDay; to: IsoDay; today: IsoDay }) => Promise<InspectionCounts>;
