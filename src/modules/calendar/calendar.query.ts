// Parsing of the public endpoints' query strings and the CLI's arguments. Each problem becomes a
// field error whose Vietnamese message names the field, so a wrong link answers 400 with a
// sentence a citizen can act on, never a 500.

import { errors, type FieldError } from '../../platform/http/app-error.js';
import type { CountingRule, DeadlineUnit, LunarDate } from './rules/index.js';
import { COUNTING_RULES, DEADLINE_UNITS, EDITABLE_YEARS, MAX_AMOUNT, VIEW_YEARS } from './schema.js';

export type DeadlineQuery = { from: Date; amount: number; unit: DeadlineUnit; cutoff?: string; counting?: CountingRule };

type Raw = Record<string, unknown>;

const UNIT_VI: Record<DeadlineUnit, string> = { working_days: 'ngày làm việc', calendar_days: 'ngày', working_hours: 'giờ làm việc' };
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

class Fields {
  readonly list: FieldError[] = [];
  constructor(private readonly prefix: string) {}
  add(field: string, vi: string, en: string): undefined {
    this.list.push({ path: this.prefix ? `${this.prefix}.${field}` : field, message: vi, messageEn: en });
    return undefined;
  }
  throwIfAny(): void {
    if (this.list.length) throw errors.validation(this.list);
  }
}

function single(raw: Raw, key: string): string | undefined {
  const v = raw[key];
  if (Array.isArray(v)) return v.length ? String(v[v.length - 1]) : undefined;
  return v === undefined || v === null ? undefined : String(v).trim();
}

function validCalendarDate(y: number, m: number, d: number): boolean {
  const back = new Date(Date.UTC(y, m - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d;
}

/**
 * An ISO 8601 instant. Without an offset it is Vietnam's civil time (+07:00, Decision 121/1967 and
 * no daylight saving since 1975): that is what an officer typing "2026-02-13T10:00" means. A '+'
 * sent unencoded in a URL arrives as a space; "10:00:00 07:00" is read as "10:00:00+07:00".
 */
export function parseInstant(value: string): Date | null {
  const repaired = value.replace(/^(.+T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:?\d{2})$/, '$1+$2');
  const m = INSTANT.exec(repaired);
  if (!m) return null;
  const [y, mo, d, h = 0, mi = 0, s = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => (x === undefined ? undefined : Number(x))) as number[];
  if (!validCalendarDate(y!, mo!, d!) || h > 23 || mi > 59 || s > 59) return null;
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  let offsetMin = 7 * 60;
  const zone = m[8];
  if (zone === 'Z') offsetMin = 0;
  else if (zone) {
    const digits = zone.replace(':', '');
    const oh = Number(digits.slice(1, 3));
    const om = Number(digits.slice(3, 5));
    if (oh > 14 || om > 59) return null;
    offsetMin = (digits[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return new Date(Date.UTC(y!, mo! - 1, d!, h, mi, s, ms) - offsetMin * 60_000);
}

export function parseDeadlineQuery(raw: Raw, prefix = 'querystring'): DeadlineQuery {
  const f = new Fields(prefix);
  const fromText = single(raw, 'from');
  const amountText = single(raw, 'amount');
  const unitText = single(raw, 'unit');
  const cutoff = single(raw, 'cutoff') || undefined;
  const countingText = single(raw, 'counting') || undefined;

  let from: Date | undefined;
  if (!fromText) f.add('from', 'Thời điểm tiếp nhận (from): bắt buộc phải nhập, ví dụ 2026-02-13T10:00:00+07:00.', 'Receipt instant (from): required, e.g. 2026-02-13T10:00:00+07:00.');
  else {
    from = parseInstant(fromText) ?? undefined;
    if (!from) f.add('from', `Thời điểm tiếp nhận (from) "${fromText}" không phải thời điểm ISO 8601 hợp lệ, ví dụ 2026-02-13T10:00:00+07:00.`, `Receipt instant (from) "${fromText}" is not a valid ISO 8601 instant, e.g. 2026-02-13T10:00:00+07:00.`);
    else {
      const year = new Date(from.getTime() + 7 * 3_600_000).getUTCFullYear();
      if (year < EDITABLE_YEARS.min || year > EDITABLE_YEARS.max) {
        from = undefined;
        f.add('from', `Thời điểm tiếp nhận (from) phải trong các năm ${EDITABLE_YEARS.min}–${EDITABLE_YEARS.max}.`, `Receipt instant (from) must be within ${EDITABLE_YEARS.min}–${EDITABLE_YEARS.max}.`);
      }
    }
  }

  let unit: DeadlineUnit | undefined;
  if (!unitText) f.add('unit', 'Đơn vị tính thời hạn (unit): bắt buộc phải nhập (working_days, calendar_days hoặc working_hours).', 'Unit: required (working_days, calendar_days or working_hours).');
  else if (!(DEADLINE_UNITS as readonly string[]).includes(unitText)) {
    f.add('unit', `Đơn vị tính thời hạn (unit) "${unitText}" không hợp lệ: chỉ nhận working_days (ngày làm việc), calendar_days (ngày) hoặc working_hours (giờ làm việc).`, `Unit "${unitText}" is not valid: working_days, calendar_days or working_hours.`);
  } else unit = unitText as DeadlineUnit;

  let amount: number | undefined;
  if (!amountText) f.add('amount', 'Thời hạn (amount): bắt buộc phải nhập.', 'Amount: required.');
  else if (!/^\d+(\.\d{1,4})?$/.test(amountText)) f.add('amount', `Thời hạn (amount) "${amountText}" phải là số không âm, ví dụ 3 hoặc 0.5.`, `Amount "${amountText}" must be a non-negative number.`);
  else {
    amount = Number(amountText);
    if (unit) {
      const max = MAX_AMOUNT[unit];
      if (amount > max) amount = f.add('amount', `Thời hạn (amount) phải từ 0 đến ${max} ${UNIT_VI[unit]}.`, `Amount must be between 0 and ${max} ${unit}.`);
      else if (unit === 'calendar_days' && !Number.isInteger(amount)) amount = f.add('amount', 'Thời hạn (amount) tính theo ngày phải là số nguyên.', 'Calendar days must be a whole number.');
    }
  }

  if (cutoff !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(cutoff)) f.add('cutoff', `Giờ chốt tiếp nhận (cutoff) "${cutoff}" phải có dạng HH:mm, ví dụ 15:00.`, `Cut-off "${cutoff}" must be HH:mm, e.g. 15:00.`);
  if (countingText !== undefined && !(COUNTING_RULES as readonly string[]).includes(countingText)) {
    f.add('counting', 'Cách tính (counting) chỉ nhận from_receipt (tính từ lúc nhận) hoặc next_day (từ ngày làm việc tiếp theo, Điều 147 Bộ luật Dân sự).', 'Counting must be from_receipt or next_day.');
  }
  f.throwIfAny();
  return { from: from!, amount: amount!, unit: unit!, ...(cutoff ? { cutoff } : {}), ...(countingText ? { counting: countingText as CountingRule } : {}) };
}

/** 'YYYY-MM-DD' within the lunar tables' range (1900–2100). */
export function parseSolarDate(raw: Raw, key = 'date', prefix = 'querystring'): string {
  const f = new Fields(prefix);
  const value = single(raw, key);
  const m = value ? DATE.exec(value) : null;
  if (!value) f.add(key, `Ngày dương lịch (${key}): bắt buộc phải nhập, dạng YYYY-MM-DD.`, `Solar date (${key}): required, YYYY-MM-DD.`);
  else if (!m || !validCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) f.add(key, `Ngày dương lịch (${key}) "${value}" không phải ngày hợp lệ dạng YYYY-MM-DD.`, `Solar date (${key}) "${value}" is not a valid YYYY-MM-DD date.`);
  else if (Number(m[1]) < VIEW_YEARS.min || Number(m[1]) > VIEW_YEARS.max) f.add(key, `Ngày dương lịch (${key}) phải trong các năm ${VIEW_YEARS.min}–${VIEW_YEARS.max}.`, `Solar date (${key}) must be within ${VIEW_YEARS.min}–${VIEW_YEARS.max}.`);
  f.throwIfAny();
  return value!;
}

/** 'D-M-YYYY' plus leap=1|true for a leap month (tháng nhuận). */
export function parseLunarQuery(raw: Raw, prefix = 'querystring'): LunarDate {
  const f = new Fields(prefix);
  const value = single(raw, 'lunar');
  const leapText = single(raw, 'leap');
  const m = value ? /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(value) : null;
  if (!value) f.add('lunar', 'Ngày âm lịch (lunar): bắt buộc phải nhập, dạng D-M-YYYY, ví dụ 10-3-2026.', 'Lunar date (lunar): required, D-M-YYYY, e.g. 10-3-2026.');
  else if (!m) f.add('lunar', `Ngày âm lịch (lunar) "${value}" phải có dạng D-M-YYYY, ví dụ 10-3-2026.`, `Lunar date (lunar) "${value}" must be D-M-YYYY, e.g. 10-3-2026.`);
  else {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (d < 1 || d > 30) f.add('lunar', `Ngày âm lịch (lunar): ngày phải từ 1 đến 30, nhận được ${d}.`, `Lunar date (lunar): the day must be 1–30, got ${d}.`);
    if (mo < 1 || mo > 12) f.add('lunar', `Ngày âm lịch (lunar): tháng phải từ 1 đến 12, nhận được ${mo}.`, `Lunar date (lunar): the month must be 1–12, got ${mo}.`);
    if (y < VIEW_YEARS.min || y > VIEW_YEARS.max) f.add('lunar', `Ngày âm lịch (lunar): năm phải từ ${VIEW_YEARS.min} đến ${VIEW_YEARS.max}.`, `Lunar date (lunar): the year must be ${VIEW_YEARS.min}–${VIEW_YEARS.max}.`);
  }
  let leap = false;
  if (leapText !== undefined && leapText !== '') {
    if (['1', 'true'].includes(leapText)) leap = true;
    else if (!['0', 'false'].includes(leapText)) f.add('leap', 'Tháng nhuận (leap) chỉ nhận 1 hoặc 0.', 'Leap month (leap) must be 1 or 0.');
  }
  f.throwIfAny();
  return { day: Number(m![1]), month: Number(m![2]), year: Number(m![3]), leap };
}

export function parseYear(value: unknown, range: { min: number; max: number } = VIEW_YEARS, path = 'params.year'): number {
  const text = String(value ?? '').trim();
  if (!/^\d{4}$/.test(text) || Number(text) < range.min || Number(text) > range.max) {
    throw errors.validation([{ path, message: `Năm "${text}" phải là số từ ${range.min} đến ${range.max}.`, messageEn: `Year "${text}" must be ${range.min}–${range.max}.` }]);
  }
  return Number(text);
}
