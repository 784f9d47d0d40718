import type { Db } from '../../platform/db/transaction.js';
import type { App } from '../../platform/http/types.js';
import type { DeadlineCalculator, DeadlinesPort } from '../dossiers/ports.js';
import { computeDue, workingHoursBetween } from './rules/deadline.js';
import { defaultHolidays } from './rules/holidays.js';
import { WorkCalendar } from './rules/working-time.js';

/**
 * The calendar module as the rest of the app sees it: its deadline calculator, its routes and its
 * demo data. (First cut: the calculator uses the Labour Code defaults; the province calendar
 * stored in the database replaces them.)
 */
export function createCalendarModule(_db: Db) {
  const deadlines: DeadlinesPort = {
    async calculator(): Promise<DeadlineCalculator> {
      const year = new Date().getUTCFullYear();
      const days = [year - 1, year, year + 1, year + 2].flatMap((y) => defaultHolidays(y));
      return calculatorFor(new WorkCalendar({ days }));
    },
  };
  return {
    deadlines,
    async routes(_app: App): Promise<void> {},
    async seedDemo(): Promise<void> {},
  };
}

export function calculatorFor(calendar: WorkCalendar): DeadlineCalculator {
  return {
    due: (from, time) => computeDue({ from, amount: time.amount, unit: time.unit, cutoff: time.cutoff }, calendar).due,
    addWorkingHours: (from, hours) => (hours <= 0 ? from : computeDue({ from, amount: hours, unit: 'working_hours' }, calendar).due),
    workingHoursBetween: (from, to) => workingHoursBetween(from, to, calendar),
  };
}

export type CalendarModule = ReturnType<typeof createCalendarModule>;
