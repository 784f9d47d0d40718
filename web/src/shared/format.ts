/**
 * Display formats fixed by the house rules: dates dd/mm/yyyy and dd/mm/yyyy HH:mm in
 * Asia/Ho_Chi_Minh whatever the browser's time zone, money in đồng with dot thousands.
 */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

type DateInput = Date | string | number | null | undefined;

function parts(value: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of dateParts.formatToParts(value)) out[part.type] = part.value;
  return out;
}

function toDate(value: DateInput): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** 28/11/2025. A plain calendar date ("2025-11-28") is shown as is, without time-zone shifts. */
export function formatDate(value: DateInput): string {
  if (typeof value === 'string') {
    const match = DATE_ONLY.exec(value);
    if (match) return `${match[3]}/${match[2]}/${match[1]}`;
  }
  const date = toDate(value);
  if (!date) return '';
  const p = parts(date);
  return `${p.day}/${p.month}/${p.year}`;
}

/** 28/11/2025 14:05 in Vietnam time. */
export function formatDateTime(value: DateInput): string {
  const date = toDate(value);
  if (!date) return '';
  const p = parts(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

const integerVi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** 50.000 */
export function formatNumber(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const n = typeof value === 'string' ? Number(value) : value;
  return Number.isFinite(n) ? integerVi.format(n) : '';
}

/** 50.000 ₫, or 50.000 đồng with { words: true } (receipts and slips spell the unit out). */
export function formatMoney(value: number | string | null | undefined, options?: { words?: boolean }): string {
  const amount = formatNumber(value);
  if (!amount) return '';
  return `${amount} ${options?.words ? 'đồng' : '₫'}`;
}

/** YYYY-MM-DD for a calendar date picked in the UI (what the API expects for date fields). */
export function toIsoDate(value: { format(pattern: string): string } | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

export const DATE_PATTERN = 'DD/MM/YYYY';
export const DATE_TIME_PATTERN = 'DD/MM/YYYY HH:mm';
