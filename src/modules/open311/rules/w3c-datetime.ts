/** Dates as GeoReport v2 writes them: the W3C profile of ISO 8601, always with an offset. */

/** Asia/Ho_Chi_Minh has no daylight saving: every time we send carries +07:00. */
export const OFFSET_MS = 7 * 3_600_000;

/** `2026-12-03T09:15:00+07:00`: the spec requires the offset (Z or ±hh:mm). */
export function w3cDateTime(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 19) + '+07:00';
}

const W3C = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** A W3C date-time with its offset, or null (no offset, impossible day or hour, anything else). */
export function parseW3cDateTime(text: string): Date | null {
  const m = W3C.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00', frac = '', zone, oh, om] = m;
  const year = Number(y), month = Number(mo), day = Number(d), hour = Number(h), minute = Number(mi), second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  let offset = 0;
  if (zone !== 'Z') {
    if (Number(oh) > 14 || Number(om) > 59) return null;
    offset = (Number(oh) * 60 + Number(om)) * 60_000 * (zone!.startsWith('-') ? -1 : 1);
  }
  const ms = Math.floor(Number(`0${frac || '.0'}`) * 1000);
  const at = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset;
  return Number.isFinite(at) ? new Date(at) : null;
}
