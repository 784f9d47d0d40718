/**
 * Statutory periods counted in calendar days, working days or months (pure; which days are worked
 * comes from the calendar module through the `IsWorkingDay` predicate the service passes in).
 *
 * Counting convention, used by every period of the inspection module:
 * - "within N days from X": the day of X is not counted, day 1 is the day after, and the period ends
 *   at the end of day N (Civil Code 2015 art. 147(2)–(3) and 148(1): "ngày đầu tiên của thời hạn
 *   không được tính"; "kết thúc tại thời điểm kết thúc ngày cuối cùng").
 * - A period in months ends on the same date of the last month, or on that month's last day when it
 *   has no such date (art. 148(3)) — `occurrenceDue` of the directives module does exactly that.
 * - When the last day of a calendar-day or month period is a weekend or holiday, the period ends at the
 *   end of the next working day (art. 148(5): "khi ngày cuối cùng của thời hạn là ngày nghỉ cuối tuần
 *   hoặc ngày nghỉ lễ thì thời hạn kết thúc tại thời điểm kết thúc ngày làm việc tiếp theo"). Art. 145(1)
 *   makes these rules apply unless another law says otherwise; neither the Complaints Law, the
 *   Denunciations Law nor Decree 172/2025 does, as far as we read them. The move is still a parameter
 *   (`offDayEnd`) because it is our reading of art. 145, not a sentence of those laws.
 *   Source checked: thuvienphapluat.vn Q&A quoting arts 147–148 (.../3896F-hd-thoi-diem-bat-dau-va-ket-
 *   thuc-thoi-han-duoc-xac-dinh-nhu-the-nao.html) and anslawfirm.com quoting art. 147 [S].
 * - A working-day period ends on a working day by construction ("within N working days": the N-th
 *   working day after X), the rule the directives module already applies (`addWorkingDays`).
 * - Excluded intervals (deferral of a discipline case, an obstacle that stops a complaint's limitation)
 *   stop the clock: their days are not counted, and the end moves later by as many days.
 */
import { addDays, addWorkingDays, effectiveDueDay, occurrenceDue, type IsoDay, type IsWorkingDay } from '../../directives/rules/deadlines.js';

export type { IsoDay, IsWorkingDay };

export type DayKind = 'calendar' | 'working';
/** A period as the law states it: a number of days and whether they are calendar or working days. */
export type Period = { readonly days: number; readonly kind: DayKind };
/** Days `from` to `to`, both included, during which a clock does not run. */
export type DayInterval = { readonly from: IsoDay; readonly to: IsoDay };
/** What happens when a calendar-day or month period's last day is a day off (see above). */
export type OffDayEnd = 'next_working_day' | 'as_counted';

export type CountOptions = { readonly excluded?: readonly DayInterval[]; readonly offDayEnd?: OffDayEnd };

export const calendarDays = (days: number): Period => ({ days, kind: 'calendar' });
export const workingDays = (days: number): Period => ({ days, kind: 'working' });

/** Counting past a decade of days means a broken interval list, not a real period. */
const MAX_STEPS = 20_000;

function checkDays(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 1) throw new Error(`${what} is a whole number of at least 1, got ${n}`);
}

function checkIntervals(intervals: readonly DayInterval[]): void {
  for (const i of intervals) if (i.to < i.from) throw new Error(`an excluded interval ends before it starts: ${i.from}..${i.to}`);
}

export function isExcluded(day: IsoDay, intervals: readonly DayInterval[]): boolean {
  return intervals.some((i) => day >= i.from && day <= i.to);
}

/** Distinct days strictly after `after` up to and including `through` that some interval covers. */
export function excludedDaysBetween(after: IsoDay, through: IsoDay, intervals: readonly DayInterval[]): number {
  let count = 0;
  for (let d = addDays(after, 1), steps = 0; d <= through; d = addDays(d, 1)) {
    if (++steps > MAX_STEPS * 2) throw new Error('interval too long to count');
    if (isExcluded(d, intervals)) count++;
  }
  return count;
}

function finish(last: IsoDay, isWorking: IsWorkingDay, offDayEnd: OffDayEnd): IsoDay {
  return offDayEnd === 'next_working_day' ? effectiveDueDay(last, isWorking) : last;
}

/** The last day of a period that starts with an event on `from` (the day `from` itself not counted). */
export function periodEnd(from: IsoDay, period: Period, isWorking: IsWorkingDay, options: CountOptions = {}): IsoDay {
  checkDays(period.days, 'a period');
  const excluded = options.excluded ?? [];
  checkIntervals(excluded);
  if (period.kind === 'working' && excluded.length === 0) return addWorkingDays(from, period.days, isWorking);
  let day = from;
  for (let counted = 0, steps = 0; counted < period.days; ) {
    day = addDays(day, 1);
    if (++steps > MAX_STEPS) throw new Error(`period from ${from} does not end within ${MAX_STEPS} days`);
    if (isExcluded(day, excluded)) continue;
    if (period.kind === 'working' && !isWorking(day)) continue;
    counted++;
  }
  return period.kind === 'working' ? day : finish(day, isWorking, options.offDayEnd ?? 'next_working_day');
}

/**
 * The last day of a period of `months` months from `from` (art. 148(3)), moved later by every excluded
 * day inside it. The move is repeated until stable, because the longer window may reach further
 * excluded days.
 */
export function monthsEnd(from: IsoDay, months: number, isWorking: IsWorkingDay, options: CountOptions = {}): IsoDay {
  checkDays(months, 'a number of months');
  const excluded = options.excluded ?? [];
  checkIntervals(excluded);
  const base = occurrenceDue(from, 'monthly', months);
  let end = base;
  for (;;) {
    const next = addDays(base, excludedDaysBetween(from, end, excluded));
    if (next === end) break;
    end = next;
  }
  return finish(end, isWorking, options.offDayEnd ?? 'next_working_day');
}

/**
 * The `n`-th working day before `day` (the day itself not counted): the latest day on which something
 * due "at least n working days before" `day` may still be done.
 */
export function workingDaysBefore(day: IsoDay, n: number, isWorking: IsWorkingDay): IsoDay {
  checkDays(n, 'a number of working days');
  let d = day;
  for (let counted = 0, steps = 0; counted < n; ) {
    d = addDays(d, -1);
    if (++steps > MAX_STEPS) throw new Error(`no ${n} working days before ${day}`);
    if (isWorking(d)) counted++;
  }
  return d;
}

/** Done in time when done on or before the due day (a period ends at the end of its last day). */
export const inTime = (doneOn: IsoDay, dueOn: IsoDay): boolean => doneOn <= dueOn;
/** Overdue on `day` when the due day has passed and nothing was done. */
export const overdueOn = (day: IsoDay, dueOn: IsoDay): boolean => day > dueOn;
