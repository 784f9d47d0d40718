import { formatViDate, formatViDateTimeShort } from '../../../platform/documents/vi-format.js';
import type { DeadlineCalculator } from '../ports.js';
import { vnDay } from '../rules/statuses.js';

/** Pure timing rules of the reminders; the calendar engine supplies working time. */
const VN_OFFSET_MS = 7 * 3_600_000;
export const WORKING_DAY_HOURS = 8;

/** The Vietnamese midnight that starts the calendar day of `at`. */
export function vnDayStart(at: Date): Date {
  return new Date(`${vnDay(at)}T00:00:00+07:00`);
}

/** A day counts when the province calendar gives it any working time (weekends, holidays and swapped days off give none). */
export function isWorkingDay(calc: Pick<DeadlineCalculator, 'workingHoursBetween'>, at: Date): boolean {
  const start = vnDayStart(at);
  return calc.workingHoursBetween(start, new Date(start.getTime() + 24 * 3_600_000)) > 0;
}

/** The next `hh:mm` Vietnamese time strictly after `after`. */
export function nextDailyAt(after: Date, hour: number, minute: number): Date {
  const start = vnDayStart(after).getTime();
  const today = start + (hour * 60 + minute) * 60_000;
  return new Date(today > after.getTime() ? today : today + 24 * 3_600_000);
}

/** The next scan slot: the clock rounded up to the interval, so every worker agrees on the slots. */
export function nextSlot(after: Date, everyMs: number): Date {
  return new Date((Math.floor((after.getTime() + VN_OFFSET_MS) / everyMs) + 1) * everyMs - VN_OFFSET_MS);
}

/**
 * "One working day before the deadline" (QĐ 88/2025 art. 3(6)): the apology must be issued at the
 * latest then, so the prompt comes when the due instant is within one working day of now.
 */
export function isNearDue(calc: Pick<DeadlineCalculator, 'addWorkingHours'>, now: Date, dueAt: Date): boolean {
  return dueAt.getTime() > now.getTime() && dueAt.getTime() <= calc.addWorkingHours(now, WORKING_DAY_HOURS).getTime();
}

export type OverdueLine = { code: string; procedureName: string; applicantName: string; dueAt: Date; unitName: string | null };

/** The lines of a daily overdue list, oldest deadline first, with how many working days late. */
export function digestLines(rows: OverdueLine[], now: Date, calc: Pick<DeadlineCalculator, 'workingHoursBetween'>, max = 30): { list: string; more: string } {
  const sorted = [...rows].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const lines = sorted.slice(0, max).map((r, i) => {
    const lateDays = Math.ceil(calc.workingHoursBetween(r.dueAt, now) / WORKING_DAY_HOURS);
    const late = lateDays > 0 ? `quá ${lateDays} ngày làm việc` : 'quá hạn trong ngày';
    return `${i + 1}. ${r.code} — ${r.procedureName} — ${r.applicantName} — hạn ${formatViDateTimeShort(r.dueAt)} (${late})${r.unitName ? ` — đang ở ${r.unitName}` : ''}`;
  });
  const rest = sorted.length - lines.length;
  return { list: lines.join('\n'), more: rest > 0 ? `… và ${rest} hồ sơ khác.` : '' };
}

export const digestDay = (now: Date) => formatViDate(now);
