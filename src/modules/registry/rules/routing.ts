/**
 * Deadlines of incoming documents (issue 19 scope 2), pure: the province calendar comes in as an
 * `IsWorkingDay` predicate on 'YYYY-MM-DD' (modules/calendar decides weekends, holidays, compensatory
 * days and make-up Saturdays); nothing here reads a clock or a database.
 *
 * Decree 30/2020 art. 24 has the leader who routes an incoming document set its handling deadline
 * ("thời hạn giải quyết"); the tracking register (Appendix IV) records it and art. 24(3) has the
 * records office remind the handlers. The Decree does not say how the deadline is counted, so:
 * - "within n working days" counts from the day after the routing day (the routing day itself never
 *   counts, whatever hour it was routed), skipping every day the calendar does not work;
 * - an explicit day may not be in the past, and a day off moves to the next working day (Civil Code
 *   2015 art. 148(5): a period whose last day is a weekly rest day or a holiday ends at the end of the
 *   next working day). The moved day is what is stored, so every list compares the same day.
 */
import type { Confidentiality } from '../registry.tables.js';

export type IsoDay = string;
export type IsWorkingDay = (day: IsoDay) => boolean;

/** "Due soon": this many working days or fewer left until the due day (the due day itself is 0 left). */
export const DUE_SOON_WORKING_DAYS = 2;
/** Longest stretch of days off any real calendar has (Tết with its weekends is 9); more means a broken calendar. */
const MAX_DAYS_OFF = 60;
const DAY_MS = 86_400_000;
/** A handling deadline more than a year ahead is a slip of the keyboard, not a decision (and the calendar may not know the year yet). */
const MAX_AHEAD_DAYS = 366;

const dayNumber = (d: IsoDay): number => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
const fromNumber = (n: number): IsoDay => new Date(n * DAY_MS).toISOString().slice(0, 10);
export const shiftDay = (d: IsoDay, days: number): IsoDay => fromNumber(dayNumber(d) + days);

/** The first working day after `day` (or `day` itself when `orSame` and it is worked). */
export function nextWorkingDay(day: IsoDay, isWorking: IsWorkingDay, orSame = false): IsoDay {
  for (let step = orSame ? 0 : 1; step <= MAX_DAYS_OFF; step++) {
    const candidate = shiftDay(day, step);
    if (isWorking(candidate)) return candidate;
  }
  throw new Error(`the calendar has no working day within ${MAX_DAYS_OFF} days after ${day}`);
}

/** The day `n` working days after `from`, `from` not counted ("trong n ngày làm việc"). */
export function dueAfterWorkingDays(from: IsoDay, n: number, isWorking: IsWorkingDay): IsoDay {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('a number of working days is a whole number from 1');
  let day = from;
  for (let i = 0; i < n; i++) day = nextWorkingDay(day, isWorking);
  return day;
}

/** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function workingDaysBetween(from: IsoDay, to: IsoDay, isWorking: IsWorkingDay): number {
  let count = 0;
  for (let n = dayNumber(from) + 1, end = dayNumber(to); n <= end; n++) if (isWorking(fromNumber(n))) count++;
  return count;
}

export type DeadlineInput = { dueOn?: IsoDay | undefined; dueInWorkingDays?: number | undefined };
export type DeadlineProblem = { path: string; vi: string; en: string };
export type Deadline = { dueOn: IsoDay | null; movedFrom: IsoDay | null } | { problem: DeadlineProblem };

/**
 * The deadline of a routing decision made on `today`: none, n working days after today, or the day
 * given (moved off a day off). Both at once is refused, as is a day already past.
 */
export function routingDeadline(input: DeadlineInput, today: IsoDay, isWorking: IsWorkingDay): Deadline {
  if (input.dueOn !== undefined && input.dueInWorkingDays !== undefined) {
    return { problem: { path: 'dueOn', vi: 'Chỉ chọn một cách ghi thời hạn: một ngày cụ thể hoặc số ngày làm việc.', en: 'Give either a due day or a number of working days, not both.' } };
  }
  if (input.dueInWorkingDays !== undefined) return { dueOn: dueAfterWorkingDays(today, input.dueInWorkingDays, isWorking), movedFrom: null };
  if (input.dueOn === undefined) return { dueOn: null, movedFrom: null };
  if (input.dueOn < today) {
    return { problem: { path: 'dueOn', vi: 'Thời hạn giải quyết không được trước ngày hôm nay.', en: 'The due day is in the past.' } };
  }
  if (input.dueOn > shiftDay(today, MAX_AHEAD_DAYS)) {
    return { problem: { path: 'dueOn', vi: 'Thời hạn giải quyết không quá một năm kể từ hôm nay.', en: 'The due day is more than a year ahead.' } };
  }
  const dueOn = nextWorkingDay(input.dueOn, isWorking, true);
  return { dueOn, movedFrom: dueOn === input.dueOn ? null : input.dueOn };
}

export type DeadlineState = 'none' | 'on_track' | 'due_soon' | 'overdue' | 'closed';
export type DeadlineStatus = { state: DeadlineState; daysLate: number; workingDaysLate: number; workingDaysLeft: number | null };

/**
 * Where a routed document (or one handler's assignment) stands on `today`. Overdue is derived, never
 * stored: still open and `today` after the due day; lateness in calendar days (what the tracking
 * register prints) and in working days. Due soon: open, not late, at most DUE_SOON_WORKING_DAYS
 * working days left (due today counts as 0 left).
 */
export function deadlineStatus(facts: { open: boolean; dueOn: IsoDay | null }, today: IsoDay, isWorking: IsWorkingDay): DeadlineStatus {
  if (!facts.open) return { state: 'closed', daysLate: 0, workingDaysLate: 0, workingDaysLeft: null };
  if (!facts.dueOn) return { state: 'none', daysLate: 0, workingDaysLate: 0, workingDaysLeft: null };
  if (today > facts.dueOn) {
    return { state: 'overdue', daysLate: dayNumber(today) - dayNumber(facts.dueOn), workingDaysLate: workingDaysBetween(facts.dueOn, today, isWorking), workingDaysLeft: 0 };
  }
  const left = workingDaysBetween(today, facts.dueOn, isWorking);
  return { state: left <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'on_track', daysLate: 0, workingDaysLate: 0, workingDaysLeft: left };
}

/** Calendar days a document handled on `doneOn` was late (0 when on time or without a deadline). */
export const daysLateAt = (dueOn: IsoDay | null, doneOn: IsoDay): number => (dueOn && doneOn > dueOn ? dayNumber(doneOn) - dayNumber(dueOn) : 0);

/**
 * The series an arrival number is taken from: per agency and per year of the arrival day (Decree 30
 * art. 22(2): numbers run in order of reception through the year, one series for paper and electronic).
 *
 * Confidential documents share the series. State-secret rules may keep a separate register of
 * confidential arrivals (not verified against the Law on Protection of State Secrets 2018 and its
 * guidance), but migration 0036 makes the arrival number unique per agency and year across all
 * incoming documents (reg_documents_arrival_uidx), so a second series would collide with the first.
 * What keeps a confidential document apart is who may read it (mayRead) and the registers hiding its
 * subject from readers without the right; its number stays in the one sequence, with no gap.
 */
export function arrivalSeries(agencyId: number, arrivalOn: IsoDay, _confidentiality: Confidentiality = 'normal'): { unitId: number; year: number; series: 'in' } {
  return { unitId: agencyId, year: Number(arrivalOn.slice(0, 4)), series: 'in' };
}
