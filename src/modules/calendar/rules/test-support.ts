// Test support only: builds the demo province's working calendar (demo/calendar/) for the rule tests.
// Production code gets its calendar from the calendar service, never from these files.

import { readFileSync } from 'node:fs';
import type { CalendarDay } from './holidays.js';
import { buildYear, parseNoticeFile, type HoursFile } from './notice.js';
import { WorkCalendar } from './working-time.js';

function demoJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../../demo/calendar/${path}`, import.meta.url), 'utf8'));
}

export function demoHours(): HoursFile {
  return demoJson('hours.json') as HoursFile;
}

export function demoDays(years: readonly number[] = [2025, 2026, 2027]): CalendarDay[] {
  const hours = demoHours();
  return years.flatMap((year) => buildYear(year, hours.defaults, parseNoticeFile(demoJson(`notices/${year}.json`)).notices).days);
}

export function demoCalendar(): WorkCalendar {
  const hours = demoHours();
  return new WorkCalendar({ days: demoDays(), hours: hours.intervals, saturdayWorking: hours.saturdayWorking });
}

/** An instant written in Vietnam's civil time, e.g. vn('2026-02-13 10:00'). */
export function vn(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+07:00`);
}
