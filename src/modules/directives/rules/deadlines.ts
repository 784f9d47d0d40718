/**
 * Deadlines of assigned tasks, in days of the province's calendar (pure; the calendar module says
 * which days are worked, through the `IsWorkingDay` predicate the service passes in).
 *
 * - A deadline is a day. When it falls on a day off (weekend, holiday, compensatory day), it ends on
 *   the next working day instead — the rule of the Civil Code 2015, art. 148(5), for any period whose
 *   last day is a day off.
 * - A deadline may also be given as a number of working days from a day ("within 10 working days of
 *   the assignment"): the day after `from` is the first one counted.
 * - Overdue is derived, never stored: an open task is overdue from the day after its (moved) due day;
 *   how late is counted in working days. A completed task is on time when the day its lead unit
 *   reported it done is not after the due day.
 * - A recurring task (every month, quarter, six months, year) has one occurrence due after another;
 *   occurrence n is due n steps after the first, on the first's day of the month (the 31st becomes
 *   the month's last day), so that dates never drift.
 */
export type IsoDay = string;
export type IsWorkingDay = (day: IsoDay) => boolean;
export type Recurrence = 'monthly' | 'quarterly' | 'half_yearly' | 'yearly';

const DAY_MS = 86_400_000;
const toNum = (d: IsoDay) => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
const toDay = (n: number): IsoDay => new Date(n * DAY_MS).toISOString().slice(0, 10);
export const addDays = (d: IsoDay, n: number): IsoDay => toDay(toNum(d) + n);

/** The Vietnamese calendar day of an instant (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). */
export function vnDay(at: Date): IsoDay {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** A calendar with more than 60 days off in a row is broken: an error, not an endless loop. */
function nextWorking(day: IsoDay, isWorking: IsWorkingDay, includeSelf: boolean): IsoDay {
  for (let i = includeSelf ? 0 : 1; i <= 60; i++) {
    const d = addDays(day, i);
    if (isWorking(d)) return d;
  }
  throw new Error(`no working day within 60 days after ${day}`);
}

/** The day a deadline really ends: the day itself, or the next working day when it is a day off. */
export function effectiveDueDay(dueOn: IsoDay, isWorking: IsWorkingDay): IsoDay {
  return nextWorking(dueOn, isWorking, true);
}

/** `n` working days counted from the day after `from` ("within n working days of …"). */
export function addWorkingDays(from: IsoDay, n: number, isWorking: IsWorkingDay): IsoDay {
  if (!Number.isInteger(n) || n < 1) throw new Error('a number of working days is a whole number of at least 1');
  let d = from;
  for (let i = 0; i < n; i++) d = nextWorking(d, isWorking, false);
  return d;
}

/** Working days strictly after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysAfter(from: IsoDay, to: IsoDay, isWorking: IsWorkingDay): number {
  let count = 0;
  for (let n = toNum(from) + 1, end = toNum(to); n <= end; n++) if (isWorking(toDay(n))) count++;
  return count;
}

export type DeadlineState = 'none' | 'on_track' | 'near_due' | 'overdue' | 'done_on_time' | 'done_late' | 'cancelled';

export type DeadlineFacts = { status: string; dueOn: IsoDay | null; doneOn: IsoDay | null };

/**
 * Where a task stands against its deadline on `today`: near due within `nearDays` working days of the
 * due day (the due day itself included), overdue from the day after it.
 */
export function deadlineState(t: DeadlineFacts, today: IsoDay, isWorking: IsWorkingDay, nearDays = 3): { state: DeadlineState; dueDay: IsoDay | null; workingDaysLate: number } {
  if (t.status === 'cancelled') return { state: 'cancelled', dueDay: null, workingDaysLate: 0 };
  if (!t.dueOn) return { state: t.status === 'completed' ? 'done_on_time' : 'none', dueDay: null, workingDaysLate: 0 };
  const dueDay = effectiveDueDay(t.dueOn, isWorking);
  if (t.status === 'completed') {
    const done = t.doneOn ?? today;
    return done > dueDay ? { state: 'done_late', dueDay, workingDaysLate: workingDaysAfter(dueDay, done, isWorking) } : { state: 'done_on_time', dueDay, workingDaysLate: 0 };
  }
  if (today > dueDay) return { state: 'overdue', dueDay, workingDaysLate: workingDaysAfter(dueDay, today, isWorking) };
  const left = workingDaysAfter(today, dueDay, isWorking);
  return { state: left < nearDays ? 'near_due' : 'on_track', dueDay, workingDaysLate: 0 };
}

/** Overdue on `today`: open, with a deadline, and past its (moved) due day. */
export function isOverdue(t: DeadlineFacts, today: IsoDay, isWorking: IsWorkingDay): boolean {
  return deadlineState(t, today, isWorking).state === 'overdue';
}

const STEP_MONTHS: Record<Recurrence, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

/** The due day of occurrence `n` (0 = the first) of a recurring task first due on `first`. */
export function occurrenceDue(first: IsoDay, recurrence: Recurrence, n: number): IsoDay {
  const [y, m, d] = first.split('-').map(Number) as [number, number, number];
  const months = m - 1 + n * STEP_MONTHS[recurrence];
  const year = y + Math.floor(months / 12);
  const month = (months % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
