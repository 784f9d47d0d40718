// Public holidays: the Labour Code defaults for a year, and the official notices that override them.
// Pure data in, data out; the calendar service stores the result with its history.

import { dayNumber, isoDateOf, viDate, weekday, type IsoDate } from './dates.js';
import { CalendarRuleError } from './errors.js';
import { lunarToSolar, solarToLunar, type LunarOptions } from './lunar.js';

export type DayKind = 'holiday' | 'compensatory' | 'swap_off' | 'makeup_workday';

export const DAY_KINDS: readonly DayKind[] = ['holiday', 'compensatory', 'swap_off', 'makeup_workday'];

/** The legal document a day rests on. */
export interface Basis {
  document: string;
  date: IsoDate;
}

/**
 * Which holiday a day belongs to. A notice that fixes an occasion replaces every default day of it,
 * including the compensatory days generated for it. Provinces may use their own keys.
 */
export type Occasion = 'new_year' | 'tet' | 'hung_kings' | 'victory' | 'labour' | 'national_day' | (string & {});

export interface CalendarDay {
  date: IsoDate;
  kind: DayKind;
  /** Vietnamese name shown to staff and citizens. */
  name: string;
  basis: Basis | null;
  occasion?: Occasion;
}

export const LABOUR_CODE_ART_112: Basis = { document: 'Bộ luật Lao động số 45/2019/QH14, Điều 112', date: '2019-11-20' };
export const LABOUR_CODE_ART_111_3: Basis = {
  document: 'Bộ luật Lao động số 45/2019/QH14, Điều 111 khoản 3',
  date: '2019-11-20',
};

export interface DefaultHolidayOptions {
  /**
   * Tết is 5 days (art. 112(1)(b)) whose placement the Prime Minister fixes each year (art. 112(3)).
   * Until a notice says otherwise: this many days before mùng 1, the rest from mùng 1. Default 1
   * (29 or 30 tháng Chạp + mùng 1–4), the pattern of 2026.
   */
  tetDaysBefore?: number;
  /** The day next to 2/9 (art. 112(1)(đ)); 'before' (1/9) as in 2023, 2025 and 2026. */
  nationalDayAdjacent?: 'before' | 'after';
  /** Saturdays are a weekly rest day unless the province works them. */
  saturdayWorking?: boolean;
  lunar?: LunarOptions;
}

export function isWeeklyRestDay(day: number, saturdayWorking: boolean): boolean {
  const wd = weekday(day);
  return wd === 0 || (wd === 6 && !saturdayWorking);
}

function holiday(day: number, name: string, occasion: Occasion): CalendarDay {
  return { date: isoDateOf(day), kind: 'holiday', name, basis: LABOUR_CODE_ART_112, occasion };
}

function tetDays(year: number, before: number, lunar: LunarOptions | undefined): CalendarDay[] {
  const mung1 = dayNumber(lunarToSolar({ day: 1, month: 1, year, leap: false }, lunar));
  const days: CalendarDay[] = [];
  for (let day = mung1 - before; day < mung1 - before + 5; day++) {
    const l = solarToLunar(isoDateOf(day), lunar);
    const label = day < mung1 ? `${l.day} tháng Chạp` : `mùng ${l.day} tháng Giêng`;
    days.push(holiday(day, `Tết Nguyên đán (${label})`, 'tet'));
  }
  return days;
}

/** The art. 112 holidays of `year` and the art. 111(3) compensatory days they give. */
export function defaultHolidays(year: number, options: DefaultHolidayOptions = {}): CalendarDay[] {
  const before = options.tetDaysBefore ?? 1;
  if (!Number.isInteger(before) || before < 0 || before > 4) {
    throw new CalendarRuleError('NOTICE_INVALID', `tetDaysBefore must be 0..4, got ${before}`);
  }
  if (!Number.isInteger(year) || year < 1900 || year > 2100) {
    throw new CalendarRuleError('DATE_OUT_OF_RANGE', `year must be 1900..2100, got ${year}`);
  }
  const saturdayWorking = options.saturdayWorking ?? false;
  const d = (month: number, day: number) => dayNumber(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  const adjacent = options.nationalDayAdjacent === 'after' ? d(9, 3) : d(9, 1);
  const hungKings = dayNumber(lunarToSolar({ day: 10, month: 3, year, leap: false }, options.lunar));

  const list = [
    holiday(d(1, 1), 'Tết Dương lịch', 'new_year'),
    ...tetDays(year, before, options.lunar),
    holiday(hungKings, 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'hung_kings'),
    holiday(d(4, 30), 'Ngày Chiến thắng (30/4)', 'victory'),
    holiday(d(5, 1), 'Ngày Quốc tế Lao động (1/5)', 'labour'),
    holiday(d(9, 2), 'Quốc khánh (2/9)', 'national_day'),
    holiday(adjacent, `Quốc khánh (ngày liền kề ${options.nationalDayAdjacent === 'after' ? '3/9' : '1/9'})`, 'national_day'),
  ];

  // Two holidays on one date are one day off: the Code grants no extra day for a coincidence,
  // only for a holiday on the weekly rest day (art. 111(3)).
  const byDate = new Map<string, CalendarDay>();
  for (const h of list) {
    const existing = byDate.get(h.date);
    byDate.set(h.date, existing ? { ...existing, name: `${existing.name}; ${h.name}` } : h);
  }
  const holidays = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));

  // Art. 111(3): a holiday on the weekly rest day is made up on the next working day. Walking in
  // date order and skipping days already taken gives chains their own days: 30/4 on a Saturday and
  // 1/5 on a Sunday are made up on Monday 2/5 and Tuesday 3/5.
  const taken = new Set(holidays.map((h) => dayNumber(h.date)));
  const compensatory: CalendarDay[] = [];
  for (const h of holidays) {
    const day = dayNumber(h.date);
    if (!isWeeklyRestDay(day, saturdayWorking)) continue;
    let off = day + 1;
    while (isWeeklyRestDay(off, saturdayWorking) || taken.has(off)) off++;
    taken.add(off);
    compensatory.push({
      date: isoDateOf(off),
      kind: 'compensatory',
      name: `Nghỉ bù ${h.name} (trùng ngày nghỉ hằng tuần ${viDate(day)})`,
      basis: LABOUR_CODE_ART_111_3,
      occasion: h.occasion as Occasion,
    });
  }
  return [...holidays, ...compensatory].sort((a, b) => a.date.localeCompare(b.date));
}

// ---------------------------------------------------------------------------------------------
// Notices

export interface NoticeDay {
  date: IsoDate;
  kind: DayKind;
  name: string;
  occasion?: Occasion;
}

/**
 * An official notice on days off (the Government Office's letter conveying the Prime Minister's
 * decision, or the province's letter republishing it). Its days override the defaults.
 */
export interface Notice {
  /** Number and type, e.g. "Công văn 6620/UBND-VX". */
  document: string;
  /** Date of issue, YYYY-MM-DD. */
  date: IsoDate;
  title: string;
  issuer?: string;
  /** Documents this notice implements, e.g. the Government Office letter a province republishes. */
  references?: Basis[];
  /** Occasions whose days this notice fixes: their default days (and compensatory days) are dropped. */
  covers?: Occasion[];
  days: NoticeDay[];
  /** Default days the notice cancels without a replacement. */
  removes?: IsoDate[];
  note?: string;
}

export type ChangeKind = 'added' | 'removed' | 'replaced' | 'confirmed';

/** One line of "what changed and why" against the calendar the notice was applied to. */
export interface CalendarChange {
  date: IsoDate;
  change: ChangeKind;
  before: CalendarDay | null;
  after: CalendarDay | null;
  basis: Basis;
  note: string;
}

export interface NoticeResult {
  days: CalendarDay[];
  changes: CalendarChange[];
}

export const DAY_KIND_VI: Record<DayKind, string> = {
  holiday: 'ngày nghỉ lễ, tết',
  compensatory: 'ngày nghỉ bù',
  swap_off: 'ngày nghỉ do hoán đổi',
  makeup_workday: 'ngày làm bù',
};

function invalid(notice: Pick<Notice, 'document'>, message: string): CalendarRuleError {
  return new CalendarRuleError('NOTICE_INVALID', `${notice.document || 'notice'}: ${message}`);
}

function checkDate(notice: Notice, value: unknown, what: string): void {
  try {
    dayNumber(String(value));
  } catch {
    throw invalid(notice, `${what} is not a YYYY-MM-DD date: ${String(value)}`);
  }
}

export function validateNotice(notice: Notice): void {
  if (!notice.document?.trim()) throw invalid(notice, 'document is required');
  if (!notice.title?.trim()) throw invalid(notice, 'title is required');
  checkDate(notice, notice.date, 'date');
  const seen = new Set<string>();
  for (const day of notice.days ?? []) {
    checkDate(notice, day.date, 'day');
    if (!DAY_KINDS.includes(day.kind)) throw invalid(notice, `unknown kind ${String(day.kind)} on ${day.date}`);
    if (!day.name?.trim()) throw invalid(notice, `day ${day.date} has no name`);
    if (seen.has(day.date)) throw invalid(notice, `day ${day.date} is listed twice`);
    seen.add(day.date);
  }
  for (const date of notice.removes ?? []) {
    checkDate(notice, date, 'removed day');
    if (seen.has(date)) throw invalid(notice, `day ${date} is both listed and removed`);
  }
}

function changeNote(change: ChangeKind, before: CalendarDay | null, after: CalendarDay | null, basis: Basis): string {
  const by = `theo ${basis.document} ngày ${viDate(dayNumber(basis.date))}`;
  const describe = (d: CalendarDay) => `${DAY_KIND_VI[d.kind]} "${d.name}"`;
  const on = viDate(dayNumber((after ?? before)?.date ?? basis.date));
  switch (change) {
    case 'added':
      return `${on}: thêm ${describe(after as CalendarDay)} ${by}.`;
    case 'removed':
      return `${on}: bỏ ${describe(before as CalendarDay)} (mặc định), trở lại ngày thường ${by}.`;
    case 'replaced':
      return `${on}: thay ${describe(before as CalendarDay)} bằng ${describe(after as CalendarDay)} ${by}.`;
    case 'confirmed':
      return `${on}: giữ ${describe(after as CalendarDay)}, được xác nhận ${by}.`;
  }
}

/**
 * Applies a notice to a calendar (the defaults, or the result of an earlier notice) and lists each
 * difference with the notice as its basis.
 */
export function applyNotice(calendar: readonly CalendarDay[], notice: Notice): NoticeResult {
  validateNotice(notice);
  const basis: Basis = { document: notice.document, date: notice.date };
  const before = new Map(calendar.map((d) => [d.date, d]));
  const after = new Map(before);
  const covers = new Set(notice.covers ?? []);
  const touched = new Set<string>();

  for (const day of calendar) {
    if (day.occasion !== undefined && covers.has(day.occasion)) {
      after.delete(day.date);
      touched.add(day.date);
    }
  }
  for (const date of notice.removes ?? []) {
    if (!before.has(date)) throw invalid(notice, `removes ${date}, which is not in the calendar`);
    after.delete(date);
    touched.add(date);
  }
  for (const day of notice.days) {
    const entry: CalendarDay = { date: day.date, kind: day.kind, name: day.name, basis };
    if (day.occasion !== undefined) entry.occasion = day.occasion;
    after.set(day.date, entry);
    touched.add(day.date);
  }

  const changes: CalendarChange[] = [];
  for (const date of [...touched].sort()) {
    const b = before.get(date) ?? null;
    const a = after.get(date) ?? null;
    const change: ChangeKind = !a ? 'removed' : !b ? 'added' : a.kind === b.kind ? 'confirmed' : 'replaced';
    changes.push({ date, change, before: b, after: a, basis, note: changeNote(change, b, a, basis) });
  }
  const days = [...after.values()].sort((x, y) => x.date.localeCompare(y.date));
  return { days, changes };
}
