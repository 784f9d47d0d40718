import type { Translate } from '../../shared/i18n';
import type { DossierKey } from './messages';

type Time = { amount: number; unit: string; cutoff?: string };

/** "1 ngày làm việc (nhận sau 15:00 tính từ ngày làm việc tiếp theo)". */
export function processingTimeText(t: Translate<DossierKey>, time: Time | null | undefined): string {
  if (!time) return '';
  const unit = time.unit === 'calendar_days' || time.unit === 'working_hours' ? time.unit : 'working_days';
  const text = t(`unit.${unit}`, { n: time.amount });
  return time.cutoff ? `${text} (${t('unit.cutoff', { time: time.cutoff })})` : text;
}

/**
 * A wall-clock date and time picked in the UI, read as Vietnam time (UTC+7, no daylight saving)
 * whatever the browser's own time zone, as an ISO 8601 instant with offset.
 */
export function vietnamInstant(value: { format(pattern: string): string }): string {
  return `${value.format('YYYY-MM-DDTHH:mm')}:00+07:00`;
}

/** A fresh idempotency key; randomUUID needs a secure context, getRandomValues does not. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Lower case without diacritics ("Phạm Văn Hải" → "pham van hai"), for searching names. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
}
