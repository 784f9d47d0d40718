import { monthPeriod, nineMonthsPeriod, halfYearPeriod, quarterPeriod, periodBounds, yearPeriod, type Period } from './periods.js';

/**
 * Which statutory periods are due to be kept at `now` (docs/reports.md "Báo cáo lưu theo kỳ"): those
 * whose last day has ended (Vietnamese time) within the last `lookBackDays` days. A job that was
 * down for a while still catches up on what ended during the outage; older periods are not drawn
 * after the fact (their figures would no longer be "as they stood").
 */
export function periodsToKeep(now: Date, lookBackDays = 40): Period[] {
  const vnYear = Number(new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 4));
  const candidates: Period[] = [];
  for (const y of [vnYear - 1, vnYear, vnYear + 1]) {
    candidates.push(yearPeriod(y), nineMonthsPeriod(y), halfYearPeriod(y));
    for (const q of [1, 2, 3, 4] as const) candidates.push(quarterPeriod(y, q));
    for (let m = 1; m <= 12; m++) candidates.push(monthPeriod(y, m));
  }
  const earliest = now.getTime() - lookBackDays * 86_400_000;
  return candidates
    .filter((p) => { const end = periodBounds(p).end.getTime(); return end <= now.getTime() && end > earliest; })
    .sort((a, b) => a.to.localeCompare(b.to) || a.from.localeCompare(b.from));
}
