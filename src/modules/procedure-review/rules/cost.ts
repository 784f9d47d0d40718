import { type Fraction, ZERO, add, div, fromNumber, isZero, mul, round, sub, sum, toNumber } from './fraction.js';
import type { CostLine, CostLineView, CostSheet, Saving, WageRate } from './types.js';

/** The value of one hour of the applicant's time: monthly income / (working days × hours a day); 0 when the month has no hours. */
export function hourlyRate(wage: WageRate): Fraction {
  const hours = mul(fromNumber(wage.workingDaysPerMonth), fromNumber(wage.hoursPerDay));
  return isZero(hours) ? ZERO : div(fromNumber(wage.monthlyIncomeVnd), hours);
}

/** One line per dossier, exact: hours spent (times × hours), work (× rate), direct cost (times × cash). */
function exactLine(line: CostLine, rate: Fraction) {
  const times = fromNumber(line.times);
  const hours = mul(times, fromNumber(line.hours));
  const work = mul(hours, rate);
  const direct = mul(times, fromNumber(line.cashVnd));
  return { hours, work, direct, total: add(work, direct) };
}

/**
 * The compliance-cost formula of Circular 02/2017/TT-VPCP art. 27 in exact arithmetic (RULES.md
 * "Formula"): hourly rate = monthly income / (working days × hours a day); a line per dossier = times ×
 * (hours × rate + cash); a dossier = Σ lines; a year = a dossier × yearly dossiers. Computed as exact
 * fractions and rounded half-up to whole đồng only when shown, never per step: each line is rounded for
 * its own display, the totals are the rounding of the exact sums (not the sum of rounded lines).
 */
export function costSheet(wage: WageRate, lines: CostLine[], yearlyDossiers: number): CostSheet {
  const rate = hourlyRate(wage);
  const exact = lines.map((l) => exactLine(l, rate));
  const per = {
    hours: sum(exact.map((e) => e.hours)),
    work: sum(exact.map((e) => e.work)),
    direct: sum(exact.map((e) => e.direct)),
    total: sum(exact.map((e) => e.total)),
  };
  const year = fromNumber(yearlyDossiers);
  return {
    wage: { ...wage, hourlyRateVnd: round(rate, 2) },
    lines: lines.map((l, i) => ({ ...l, workVnd: round(exact[i]!.work), directVnd: round(exact[i]!.direct), totalVnd: round(exact[i]!.total) }) satisfies CostLineView),
    perDossier: { hours: round(per.hours, 2), workVnd: round(per.work), directVnd: round(per.direct), totalVnd: round(per.total) },
    yearlyDossiers,
    yearly: { workVnd: round(mul(per.work, year)), directVnd: round(mul(per.direct, year)), totalVnd: round(mul(per.total, year)) },
  };
}

function savingOf(before: Fraction, after: Fraction): Saving {
  const saved = sub(before, after);
  return {
    beforeVnd: toNumber(before),
    afterVnd: toNumber(after),
    savingVnd: toNumber(saved),
    percent: isZero(before) ? null : round(mul(div(saved, before), fromNumber(100)), 2),
  };
}

/** Saving before → after in đồng and as a percentage with 2 decimals (half-up); percent null when before is 0. */
export function saving(beforeVnd: number, afterVnd: number): Saving {
  return savingOf(fromNumber(beforeVnd), fromNumber(afterVnd));
}

/** Roll-up of several savings (per agency, per province): sums, then the percentage of the sums (not the mean of percentages). */
export function rollUp(items: readonly { beforeVnd: number; afterVnd: number }[]): Saving {
  return savingOf(sum(items.map((i) => fromNumber(i.beforeVnd))), sum(items.map((i) => fromNumber(i.afterVnd))));
}
