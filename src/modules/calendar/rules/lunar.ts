// Our interface over date-chinese's Vietnamese calendar. The rest of motcua sees only these two
// functions, so the library can be replaced without touching holidays or deadlines. Range 1900–2100.
//
// Meridian before 1968 — the decision and why:
// The Vietnamese lunar calendar is the Chinese one computed for the local meridian. North Vietnam
// switched from UTC+8 (the Chinese calendar then in use) to UTC+7 from 1968 on (the 1967 decision of
// the DRV Council of Government, as recounted in Hồ Ngọc Đức's "Âm lịch Việt Nam"); that is why Tết
// Mậu Thân fell on 29/1/1968 in the North and 30/1/1968 in the South, which kept UTC+8 until 1975.
// Hồ Ngọc Đức's published tables apply UTC+7 to every year, so before 1968 they show dates that no
// printed Vietnamese calendar showed (Tết 1965: tables 1/2/1965, calendars of the time 2/2/1965).
// A one-stop shop converts lunar dates written on real papers (an old person's birth date, a giỗ),
// so the default is 'historical': UTC+8 before 1968, UTC+7 from 1968 (date-chinese's own rule).
// 'utc7' reproduces Hồ Ngọc Đức's tables for anyone who must match them. Both agree from 1968 on;
// the South's 1968–1975 calendar and the Nguyễn court's pre-1945 calendar are not modelled.

import { CalendarChinese, CalendarVietnamese } from 'date-chinese';
import { dayNumber, isoDateOf, type IsoDate } from './dates.js';
import { CalendarRuleError } from './errors.js';

export interface LunarDate {
  day: number;
  month: number;
  /** Gregorian year in which this lunar year begins (Tết of 2026 starts lunar year 2026). */
  year: number;
  /** True inside a leap month (tháng nhuận), which repeats the number of the month before it. */
  leap: boolean;
}

export type LunarMeridian = 'historical' | 'utc7';

export interface LunarOptions {
  meridian?: LunarMeridian;
}

export const SOLAR_MIN: IsoDate = '1900-01-01';
export const SOLAR_MAX: IsoDate = '2100-12-31';
const DAY_MIN = dayNumber(SOLAR_MIN);
const DAY_MAX = dayNumber(SOLAR_MAX);

class Utc7Calendar extends CalendarChinese {
  override timeshiftUTC(): number {
    return 7 / 24;
  }
}

// Julian Day at 00:00 UT of 1970-01-01; date-chinese works in Julian days.
const JD_1970 = 2_440_587.5;
const MEAN_LUNATION = 29.530588853;

/**
 * One sui (tuế): the lunar months from the month holding the December solstice of `year` (month 11)
 * to the month before the one holding the next December solstice. Month starts are local day numbers.
 */
interface Sui {
  starts: number[]; // 13 or 14 entries: month starts plus the start of the next sui
  labels: { month: number; leap: boolean }[];
}

// Month numbering is ours, not date-chinese's: date-chinese 2.1.4 numbers the months of 2033 as
// …8, 8 leap, 9, 10, 11 leap (no ordinary 11th month) and those of 2052/53 as 11, 12 leap with no
// ordinary 12th. We take only its astronomy (new moons, solar longitude, local midnight) and apply
// the rule of the Vietnamese and Chinese calendars: month 11 contains the December solstice; when
// 13 months separate two such months, the first month after month 11 that contains no major solar
// term (trung khí) is the leap month and repeats the previous month's number.
class LunarEngine {
  private readonly suis = new Map<number, Sui>();
  private readonly month11s = new Map<number, number>();

  constructor(private readonly cal: CalendarChinese) {}

  private jd(day: number): number {
    return this.cal.midnight(day + JD_1970);
  }

  private dayOf(jd: number): number {
    // jd is a local midnight, i.e. day + JD_1970 − offset with an offset below half a day.
    return Math.round(jd - JD_1970);
  }

  private newMoonOnOrBefore(day: number): number {
    return this.dayOf(this.cal.previousNewMoon(this.jd(day)));
  }

  private newMoonAfter(day: number): number {
    return this.dayOf(this.cal.nextNewMoon(this.jd(day + 1)));
  }

  private majorTerm(day: number): number {
    return this.cal.inMajorSolarTerm(this.jd(day)).term;
  }

  private month11(year: number): number {
    let start = this.month11s.get(year);
    if (start === undefined) {
      start = this.newMoonOnOrBefore(this.dayOf(this.cal.majorSolarTerm(11, year)));
      this.month11s.set(year, start);
    }
    return start;
  }

  sui(year: number): Sui {
    const cached = this.suis.get(year);
    if (cached) return cached;
    const end = this.month11(year + 1);
    const starts = [this.month11(year)];
    while (starts.length < 15 && (starts.at(-1) as number) < end) {
      starts.push(this.newMoonAfter(starts.at(-1) as number));
    }
    const months = starts.length - 1;
    let leapIndex = -1;
    if (months === 13) {
      for (let i = 1; i < 13; i++) {
        if (this.majorTerm(starts[i] as number) === this.majorTerm(starts[i + 1] as number)) {
          leapIndex = i;
          break;
        }
      }
    }
    const labels = [];
    for (let i = 0; i < months; i++) {
      const ordinal = leapIndex >= 0 && i >= leapIndex ? i - 1 : i;
      labels.push({ month: ((10 + ordinal) % 12) + 1, leap: i === leapIndex });
    }
    const sui = { starts, labels };
    this.suis.set(year, sui);
    return sui;
  }

  toLunar(day: number): LunarDate {
    const monthStart = this.newMoonOnOrBefore(day);
    let suiYear = new Date(day * 86_400_000).getUTCFullYear();
    if (this.month11(suiYear) > monthStart) suiYear -= 1;
    const { starts, labels } = this.sui(suiYear);
    const i = Math.round((monthStart - (starts[0] as number)) / MEAN_LUNATION);
    const label = labels[i] as { month: number; leap: boolean };
    return {
      day: day - monthStart + 1,
      month: label.month,
      year: label.month >= 11 ? suiYear : suiYear + 1,
      leap: label.leap,
    };
  }

  /** The local day number, or null when the lunar date does not exist. */
  toSolar({ day, month, year, leap }: LunarDate): number | null {
    const { starts, labels } = this.sui(month >= 11 ? year : year - 1);
    const i = labels.findIndex((l) => l.month === month && l.leap === leap);
    if (i < 0) return null;
    const start = starts[i] as number;
    return day <= (starts[i + 1] as number) - start ? start + day - 1 : null;
  }
}

// One engine per meridian: date-chinese caches new moons and solstices per instance, and every
// call is synchronous, so sharing is safe and repeated years are cache hits.
const engines: Record<LunarMeridian, LunarEngine> = {
  historical: new LunarEngine(new CalendarVietnamese()),
  utc7: new LunarEngine(new Utc7Calendar()),
};

function engineFor(options: LunarOptions | undefined): LunarEngine {
  return engines[options?.meridian ?? 'historical'];
}

export function solarToLunar(date: IsoDate, options?: LunarOptions): LunarDate {
  const day = dayNumber(date);
  if (day < DAY_MIN || day > DAY_MAX) {
    throw new CalendarRuleError('DATE_OUT_OF_RANGE', `${date} is outside ${SOLAR_MIN}..${SOLAR_MAX}`);
  }
  return engineFor(options).toLunar(day);
}

function isIntIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/**
 * The solar date of a lunar date. Throws LUNAR_DATE_NOT_FOUND when the date does not exist: a leap
 * month that year does not have, or day 30 of a 29-day month.
 */
export function lunarToSolar(lunar: LunarDate, options?: LunarOptions): IsoDate {
  const { day, month, year, leap } = lunar;
  if (!isIntIn(day, 1, 30) || !isIntIn(month, 1, 12) || !isIntIn(year, 1899, 2100) || typeof leap !== 'boolean') {
    throw new CalendarRuleError('LUNAR_DATE_INVALID', `not a lunar date: ${JSON.stringify(lunar)}`);
  }
  const solar = engineFor(options).toSolar(lunar);
  if (solar === null) {
    throw new CalendarRuleError('LUNAR_DATE_NOT_FOUND', `lunar ${describe(lunar)} does not exist`);
  }
  if (solar < DAY_MIN || solar > DAY_MAX) {
    throw new CalendarRuleError('DATE_OUT_OF_RANGE', `lunar ${describe(lunar)} is outside ${SOLAR_MIN}..${SOLAR_MAX}`);
  }
  return isoDateOf(solar);
}

function describe(l: LunarDate): string {
  return `${l.day}/${l.month}${l.leap ? ' (nhuận)' : ''}/${l.year}`;
}
