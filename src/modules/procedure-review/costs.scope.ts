import { can, reachable, type Actor } from '../../platform/access/policy.js';
import { errors } from '../../platform/http/app-error.js';
import type { UnitView } from '../org/schema.js';
import { defaultPeriod, invalid, notFound, type Period, type ProcedureReviewDeps } from './procedure-review.context.js';
import { readableAgencies, subtreeOf, type OrgBasis } from './agency-access.js';
import type { Ratio } from './rules/types.js';

const unitNotFound = () => notFound('đơn vị', 'Unit');

/**
 * Whether the caller reads the figures of a unit's subtree: `review.read` reaches the unit, or the unit
 * is an agency they work at (a section's specialist reads their department's costs, as they read its
 * reviews, whose cost sheets are the same figures).
 */
function readsUnit(actor: Actor, unitId: number, agencies: ReadonlySet<number>): boolean {
  return can(actor, 'review.read', unitId) || agencies.has(unitId);
}

/**
 * The unit whose subtree the figures cover (API.md Part B): the one asked for when the caller reads it
 * (else 404, its existence not revealed), by default the highest unit the caller reads — a root of the
 * org tree when they hold one — ties in the tree's order.
 */
export function unitFor(actor: Actor, basis: OrgBasis, unitId: number | undefined): { unit: UnitView; unitIds: number[] } {
  const agencies = new Set(readableAgencies(actor, basis));
  let unit: UnitView | undefined;
  if (unitId !== undefined) {
    unit = basis.byId.get(unitId);
    if (!unit || !readsUnit(actor, unit.id, agencies)) throw unitNotFound();
  } else {
    const candidates = new Set([...reachable(actor, 'review.read'), ...agencies]);
    if (candidates.size === 0) throw errors.forbidden();
    const depth = (u: UnitView) => {
      let d = 0;
      for (let at = u.parentId; at !== null && d < 64; at = basis.byId.get(at)?.parentId ?? null) d++;
      return d;
    };
    let best = Infinity;
    for (const u of basis.units) {
      if (!candidates.has(u.id)) continue;
      const d = depth(u);
      if (d < best) { best = d; unit = u; }
    }
    if (!unit) throw errors.forbidden();
  }
  return { unit, unitIds: subtreeOf(unit.id, basis.units) };
}

const DAY_MS = 86_400_000;
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
/** Longest period the figures are computed over: five years of dossiers is already more than a review looks at. */
const MAX_DAYS = 5 * 366;

/** The period asked for, each end defaulting to the default period's (the 365 days ending yesterday). */
export function periodOf(deps: Pick<ProcedureReviewDeps, 'now'>, q: { from?: string | undefined; to?: string | undefined }): Period {
  const d = defaultPeriod(deps);
  const period = { from: q.from ?? d.from, to: q.to ?? d.to };
  if (period.from > period.to) throw invalid('from', 'Từ ngày phải không sau đến ngày.', 'The start of the period must not be after its end.');
  if (dayNumber(period.to) - dayNumber(period.from) + 1 > MAX_DAYS) throw invalid('from', 'Khoảng thời gian tối đa là 5 năm.', 'The period may span at most 5 years.');
  return period;
}

/** The parameters' year of a period: its end's (API.md "Shared shapes"). */
export const yearOf = (period: Period): number => Number(period.to.slice(0, 4));

/** An exact share with its value rounded half-up to 4 decimals in integer arithmetic; null when nothing to divide by. */
export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : Math.floor((numerator * 20_000 + denominator) / (2 * denominator)) / 10_000 };
}
