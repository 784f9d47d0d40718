// Working days and working hours of a province: which days are worked, and when the office is open.
// Built once per calendar version and queried millions of times, so day lookups are array reads.

import { DAY_MS, dayNumber, isoDateOf, parseClock, weekday, type IsoDate } from './dates.js';
import { CalendarRuleError } from './errors.js';
import type { Basis, CalendarDay } from './holidays.js';

export interface WorkingInterval {
  /** 'HH:mm', local time */
  start: string;
  end: string;
}

/**
 * Office hours per DOMAIN §3.1 (the Thanh Hóa system and most provinces): 07:00–11:30 and
 * 13:30–17:00, 8 hours. One working day is the total of the intervals, so that a time limit in
 * working days keeps the time of day of receipt.
 */
export const DEFAULT_HOURS: readonly WorkingInterval[] = [
  { start: '07:00', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

export interface WorkCalendarConfig {
  days: readonly CalendarDay[];
  hours?: readonly WorkingInterval[];
  /** Saturday is a weekly rest day for civil servants (40-hour week) unless the province says so. */
  saturdayWorking?: boolean;
}

export type DayReason =
  | 'working_day'
  | 'makeup_workday'
  | 'saturday'
  | 'sunday'
  | 'holiday'
  | 'compensatory'
  | 'swap_off';

export interface DayStatus {
  date: IsoDate;
  working: boolean;
  reason: DayReason;
  /** Name of the holiday, swap or make-up day, when the calendar has one. */
  name?: string;
  basis: Basis | null;
}

const CODE_REASON: readonly DayReason[] = [
  'working_day',
  'makeup_workday',
  'saturday',
  'sunday',
  'holiday',
  'compensatory',
  'swap_off',
];
const KIND_CODE = { makeup_workday: 1, holiday: 4, compensatory: 5, swap_off: 6 } as const;

// Days with a precomputed status: 1900-01-01 up to 2200-12-31. Outside, the status is computed.
const TABLE_FIRST = dayNumber('1900-01-01');
const TABLE_LAST = dayNumber('2200-12-31');

export class WorkCalendar {
  /** Working intervals as [start, end] milliseconds after local midnight, in order. */
  readonly intervals: readonly (readonly [number, number])[];
  readonly dayLengthMs: number;
  readonly openMs: number;
  readonly closeMs: number;
  readonly saturdayWorking: boolean;
  private readonly codes: Int8Array;
  private readonly entries = new Map<number, CalendarDay>();

  constructor(config: WorkCalendarConfig) {
    const hours = config.hours ?? DEFAULT_HOURS;
    this.saturdayWorking = config.saturdayWorking ?? false;
    this.intervals = parseIntervals(hours);
    this.dayLengthMs = this.intervals.reduce((sum, [s, e]) => sum + (e - s), 0);
    this.openMs = (this.intervals[0] as readonly [number, number])[0];
    this.closeMs = (this.intervals.at(-1) as readonly [number, number])[1];

    for (const day of config.days) {
      const n = dayNumber(day.date);
      if (this.entries.has(n)) {
        throw new CalendarRuleError('NOTICE_INVALID', `the calendar lists ${day.date} twice`);
      }
      this.entries.set(n, day);
    }
    this.codes = new Int8Array(TABLE_LAST - TABLE_FIRST + 1);
    for (let n = TABLE_FIRST; n <= TABLE_LAST; n++) this.codes[n - TABLE_FIRST] = this.weekCode(n);
    for (const [n, day] of this.entries) {
      if (n >= TABLE_FIRST && n <= TABLE_LAST) this.codes[n - TABLE_FIRST] = KIND_CODE[day.kind];
    }
  }

  private weekCode(day: number): number {
    const wd = weekday(day);
    return wd === 0 ? 3 : wd === 6 && !this.saturdayWorking ? 2 : 0;
  }

  /** Status code of a day number: 0 ordinary working day, 1 make-up day, ≥ 2 a day off. */
  code(day: number): number {
    if (day >= TABLE_FIRST && day <= TABLE_LAST) return this.codes[day - TABLE_FIRST] as number;
    const entry = this.entries.get(day);
    return entry ? KIND_CODE[entry.kind] : this.weekCode(day);
  }

  isWorkingDayNumber(day: number): boolean {
    return this.code(day) <= 1;
  }

  /** Whether a date is worked, and the reason when it is not (or when it is a make-up day). */
  isWorkingDay(date: IsoDate): DayStatus {
    return this.status(dayNumber(date));
  }

  status(day: number): DayStatus {
    const code = this.code(day);
    const entry = this.entries.get(day);
    const status: DayStatus = {
      date: isoDateOf(day),
      working: code <= 1,
      reason: CODE_REASON[code] as DayReason,
      basis: code === 1 || code >= 4 ? (entry?.basis ?? null) : null,
    };
    if (entry && (code === 1 || code >= 4)) status.name = entry.name;
    return status;
  }

  /** The first working day after `day`. */
  nextWorkingDay(day: number): number {
    // A year has far fewer than 60 consecutive days off; the bound turns a broken calendar into
    // an error instead of a hang.
    for (let n = day + 1; n <= day + 60; n++) if (this.code(n) <= 1) return n;
    throw new CalendarRuleError('DEADLINE_INVALID', `no working day within 60 days after ${isoDateOf(day)}`);
  }

  /** Working time in [fromMs, toMs) on one local day, given as milliseconds after midnight. */
  workingMsWithin(fromMs: number, toMs: number): number {
    let total = 0;
    for (const [s, e] of this.intervals) {
      const a = Math.max(s, fromMs);
      const b = Math.min(e, toMs);
      if (b > a) total += b - a;
    }
    return total;
  }
}

function parseIntervals(hours: readonly WorkingInterval[]): [number, number][] {
  if (hours.length === 0) throw new CalendarRuleError('HOURS_INVALID', 'at least one working interval is needed');
  const parsed: [number, number][] = [];
  for (const { start, end } of hours) {
    let s: number;
    let e: number;
    try {
      s = parseClock(start);
      e = parseClock(end);
    } catch {
      throw new CalendarRuleError('HOURS_INVALID', `working interval ${start}–${end} is not HH:mm–HH:mm`);
    }
    if (e <= s) throw new CalendarRuleError('HOURS_INVALID', `working interval ${start}–${end} ends before it starts`);
    const prev = parsed.at(-1);
    if (prev && s < prev[1]) {
      throw new CalendarRuleError('HOURS_INVALID', `working intervals must be in order without overlap (${start})`);
    }
    parsed.push([s, e]);
  }
  if ((parsed.at(-1) as [number, number])[1] > DAY_MS) throw new CalendarRuleError('HOURS_INVALID', 'past midnight');
  return parsed;
}
