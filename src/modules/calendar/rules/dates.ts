// Date arithmetic in Vietnam's civil time. Asia/Ho_Chi_Minh has been UTC+7 without daylight
// saving since 1975, so a fixed offset is exact for every date the engine deals with and the result
// never depends on the server's TZ setting.

import { CalendarRuleError } from './errors.js';

export const VN_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** 'YYYY-MM-DD' in the Gregorian calendar. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Days since 1970-01-01 for a calendar date; throws DATE_INVALID for 2026-02-30 and the like. */
export function dayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new CalendarRuleError('DATE_INVALID', `not a YYYY-MM-DD date: ${date}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new CalendarRuleError('DATE_INVALID', `no such date: ${date}`);
  }
  return ms / DAY_MS;
}

export function isoDateOf(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Local (UTC+7) day number of an instant. */
export function localDay(instantMs: number): number {
  return Math.floor((instantMs + VN_OFFSET_MS) / DAY_MS);
}

/** Milliseconds since local midnight of an instant. */
export function localTimeOfDay(instantMs: number): number {
  const local = instantMs + VN_OFFSET_MS;
  return local - Math.floor(local / DAY_MS) * DAY_MS;
}

/** The instant of local midnight starting `day`. */
export function dayStart(day: number): number {
  return day * DAY_MS - VN_OFFSET_MS;
}

/** 'HH:mm' → milliseconds after midnight. */
export function parseClock(value: string): number {
  const m = HH_MM.exec(value);
  if (!m) throw new CalendarRuleError('TIME_INVALID', `not a HH:mm time: ${value}`);
  return Number(m[1]) * HOUR_MS + Number(m[2]) * MINUTE_MS;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** ISO 8601 with the +07:00 offset, e.g. 2026-02-25T10:00:00+07:00 (milliseconds only if any). */
export function toVnIso(instantMs: number): string {
  const d = new Date(instantMs + VN_OFFSET_MS);
  const ms = d.getUTCMilliseconds();
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    (ms ? `.${pad(ms, 3)}` : '') +
    '+07:00'
  );
}

/** 'HH:mm' local clock of an instant, as officers read it. */
export function clockOf(instantMs: number): string {
  const t = localTimeOfDay(instantMs);
  return `${pad(Math.floor(t / HOUR_MS))}:${pad(Math.floor((t % HOUR_MS) / MINUTE_MS))}`;
}

/** dd/mm/yyyy, the display form required for Vietnamese documents. */
export function viDate(day: number): string {
  const iso = isoDateOf(day);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

const WEEKDAY_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

export function viWeekday(day: number): string {
  return WEEKDAY_VI[weekday(day)] ?? '';
}
