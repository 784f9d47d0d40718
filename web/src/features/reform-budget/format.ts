import { formatVnd } from '../../../../src/modules/reform-budget/rules/budget';

/** Whole đồng the way the rules write them ("1.234.567 đồng"), the same on the page and in messages. */
export const money = (n: number): string => formatVnd(n);

/** 97.8 → "97,8%"; null stays null so the caller says "no data" in its own words. */
export const percent = (rate: number | null): string | null => (rate === null ? null : `${rate.toFixed(1).replace('.', ',')}%`);

/** The amount inputs group thousands with dots as typed, and read them back without. */
export const groupDigits = (value: string | number | undefined): string => (value === undefined || value === '' ? '' : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.'));
export const ungroupDigits = (text: string | undefined): number => Number((text ?? '').replace(/[^\d]/g, '') || 0);
