/**
 * Vietnamese date, time and money wording for printed documents.
 *
 * Instants (Date, ISO strings with a time) are shown in the province's civil time, Asia/Ho_Chi_Minh,
 * whatever the server's own time zone is. Calendar dates written as `YYYY-MM-DD` (how `date` columns
 * are read) are taken as they are, so a date never moves a day because of a time-zone shift.
 */

export const DOCUMENT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export type DateInput = Date | string;

export interface CalendarParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: DOCUMENT_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/** Year, month, day, hour and minute of a value as a clock in Vietnam shows them. */
export function calendarParts(value: DateInput): CalendarParts {
  if (typeof value === 'string') {
    const dateOnly = DATE_ONLY.exec(value);
    if (dateOnly) {
      const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
      const check = new Date(Date.UTC(year, month - 1, day));
      if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
        throw new RangeError(`Not a calendar date: ${value}`);
      }
      return { year, month, day, hour: 0, minute: 0 };
    }
  }
  const instant = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  const parts: Record<string, number> = {};
  for (const part of partsFormatter.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? NaN,
    month: parts.month ?? NaN,
    day: parts.day ?? NaN,
    hour: parts.hour ?? NaN,
    minute: parts.minute ?? NaN,
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Decree 30/2020/NĐ-CP, Appendix I, Part I, II.5(b): days below 10 and the months 1 and 2 are written
 * with a leading 0 (so "ngày 05 tháng 01", "tháng 02"), the other months without ("tháng 3").
 */
function officialDay(day: number): string {
  return pad2(day);
}
function officialMonth(month: number): string {
  return month <= 2 ? pad2(month) : String(month);
}

/** "ngày 05 tháng 01 năm 2026", the date wording of an official document. */
export function officialDate(value: DateInput): string {
  const { year, month, day } = calendarParts(value);
  return `ngày ${officialDay(day)} tháng ${officialMonth(month)} năm ${year}`;
}

/** "Lai Châu, ngày 05 tháng 01 năm 2026": the place and date line (Decree 30, Appendix I, II.5). */
export function officialPlaceDate(place: string, value: DateInput): string {
  return `${place.trim()}, ${officialDate(value)}`;
}

/**
 * "09 giờ 10 phút, ngày 13 tháng 02 năm 2026": how reception and appointment times are written on the
 * one-stop-shop slips. The date part follows the Decree 30 rule above; hours and minutes take two digits.
 */
export function formatViDateTime(value: DateInput): string {
  const { hour, minute } = calendarParts(value);
  return `${pad2(hour)} giờ ${pad2(minute)} phút, ${officialDate(value)}`;
}

/** "05/01/2026" (dd/mm/yyyy), the short form used in tables and lists. */
export function formatViDate(value: DateInput): string {
  const { year, month, day } = calendarParts(value);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** "05/01/2026 09:10" (dd/mm/yyyy HH:mm). */
export function formatViDateTimeShort(value: DateInput): string {
  const { hour, minute } = calendarParts(value);
  return `${formatViDate(value)} ${pad2(hour)}:${pad2(minute)}`;
}

/** "1.250.000": thousands grouped with dots, as Vietnamese writes numbers. */
export function formatViInteger(value: number | bigint | string): string {
  let digits: string;
  if (typeof value === 'bigint') digits = value.toString();
  else {
    const n = typeof value === 'string' ? Number(value.trim()) : value;
    if (typeof value === 'string' && value.trim() === '') throw new RangeError('Not an amount: empty string');
    if (!Number.isFinite(n)) throw new RangeError(`Not an amount: ${String(value)}`);
    // The đồng has no subunit in use, so amounts are shown rounded to whole đồng.
    digits = Math.round(n).toString();
    if (digits === '-0') digits = '0';
  }
  const negative = digits.startsWith('-');
  const body = negative ? digits.slice(1) : digits;
  const grouped = body.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return negative ? `-${grouped}` : grouped;
}

/** "50.000 đồng". */
export function formatDong(value: number | bigint | string): string {
  return `${formatViInteger(value)} đồng`;
}
