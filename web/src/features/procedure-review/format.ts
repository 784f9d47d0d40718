import { formatDate } from '../../shared/format';
import type { Ratio } from './types';

/**
 * How the review pages write figures, the same in both languages (the forms they mirror are Vietnamese):
 * đồng grouped with dots ("1.234.567 đ"), large sums in billions ("12,35 tỷ đồng"), shares with a decimal
 * comma ("12,5 %"), hours with up to 2 decimals ("0,25"), days dd/mm/yyyy.
 */
const whole = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const upTo = (digits: number) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: digits });
const two = upTo(2);
const four = upTo(4);
const billions = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 1234567 → "1.234.567 đ". */
export const vnd = (n: number): string => `${whole.format(n)} đ`;

/** A whole number with dot thousands ("12.345"). */
export const count = (n: number): string => whole.format(n);

/** An hour's value with its 2 decimals ("28.409,09 đ"). */
export const rateVnd = (n: number): string => `${two.format(n)} đ`;

/** 12 345 678 901 → "12,35 tỷ đồng"; below a billion the amount in đồng. */
export const bigVnd = (n: number): string => (Math.abs(n) >= 1_000_000_000 ? `${billions.format(n / 1_000_000_000)} tỷ đồng` : vnd(n));

/** Hours as the cost sheet writes them ("1,5"), times likewise with up to 4 decimals. */
export const hours = (h: number): string => two.format(h);
export const times = (n: number): string => four.format(n);

/** A share (0…1) as "12,5 %"; null when there is nothing to divide by (the caller says "no data"). */
export const share = (value: number | null | undefined): string | null => (value === null || value === undefined ? null : `${oneDecimal.format(value * 100)} %`);
export const ratio = (r: Ratio | null | undefined): string | null => share(r?.value);

/** A percentage already in percent (a plan's saving, 2 decimals) as "12,5 %". */
export const percent = (p: number | null | undefined): string | null => (p === null || p === undefined ? null : `${two.format(p)} %`);

/** "2025-03-01" → "01/03/2025". */
export const day = (iso: string | null | undefined): string => (iso ? formatDate(iso) : '');

/** "01/03/2025 – 28/02/2026". */
export const period = (p: { from: string; to: string }): string => `${day(p.from)} – ${day(p.to)}`;

/** The đồng inputs group thousands with dots as typed and read them back without. */
export const groupDigits = (value: string | number | undefined): string => (value === undefined || value === '' ? '' : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.'));
export const ungroupDigits = (text: string | undefined): number => Number((text ?? '').replace(/[^\d]/g, '') || 0);
