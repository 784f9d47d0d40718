import type { DeadlineCalculator } from '../dossiers/ports.js';
import { isWorkingDay } from '../dossiers/reminders/reminder-rules.js';
import { halfYearPeriod, monthPeriod, nineMonthsPeriod, quarterPeriod, yearPeriod } from '../reports/rules/periods.js';
import type { PeriodsPort } from './periods.service.js';
import type { IsWorkingDay } from './rules/deadlines.js';

/**
 * Adapters from the modules directives lean on (calendar, reports) to its ports; src/app.ts wires them.
 */

/** A day is worked as the dossier reminders decide it (any working time that day), remembered per day for one request. */
export function workingDayPredicate(calc: Pick<DeadlineCalculator, 'workingHoursBetween'>): IsWorkingDay {
  const memo = new Map<string, boolean>();
  return (day) => {
    let worked = memo.get(day);
    if (worked === undefined) {
      worked = isWorkingDay(calc, new Date(`${day}T12:00:00+07:00`));
      memo.set(day, worked);
    }
    return worked;
  };
}

/** The statutory cut-offs of DOMAIN §6.2 (e.g. 6 months: 15/12 of the year before to 14/6). */
export const statutoryPeriod: PeriodsPort = (kind, year, number) => {
  switch (kind) {
    case 'month': return monthPeriod(year, number ?? 1);
    case 'quarter': return quarterPeriod(year, (number ?? 1) as 1 | 2 | 3 | 4);
    case 'half': return halfYearPeriod(year);
    case 'nine_months': return nineMonthsPeriod(year);
    case 'year': return yearPeriod(year);
  }
};
