/**
 * Calendar-date arithmetic on 'YYYY-MM-DD' strings in UTC, so the grid never shifts a day with
 * the browser's time zone; "today" is today in Vietnam (UTC+7, no daylight saving).
 */
import type { CalendarDay, DayKind } from './api';

export type DayStatus = DayKind | 'weekend' | 'ordinary';

export function isoOf(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Monday … 6 = Sunday (Vietnamese calendars start the week on Monday). */
export function mondayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export function vnToday(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function statusOf(date: string, entry: CalendarDay | undefined, saturdayWorking: boolean): DayStatus {
  if (entry) return entry.kind;
  const wd = mondayIndex(date);
  return wd === 6 || (wd === 5 && !saturdayWorking) ? 'weekend' : 'ordinary';
}

/** A picked wall-clock time read as Vietnam time, whatever the browser's time zone. */
export function vnInstant(local: { format(pattern: string): string }): string {
  return `${local.format('YYYY-MM-DDTHH:mm')}:00+07:00`;
}
