import { z } from 'zod';
import { dbId, isoDay, text } from './nonconformities.schema.js';
import type { Period } from './rules/objectives.js';
import type { SignalKind } from './rules/nonconformity-proposals.js';

/** Inputs of the proposals part (issue 20, API.md part C), checked at the edge. */
const DAY_MS = 86_400_000;
const MAX_DAYS = 366;
const daysIn = (p: Period) => Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / DAY_MS) + 1;

/** Why a period cannot be read, or null: in order, not longer than a year. */
export function periodProblem(p: Period): string | null {
  if (p.from > p.to) return 'Ngày cuối kỳ không được trước ngày đầu kỳ.';
  if (daysIn(p) > MAX_DAYS) return `Kỳ xét đề xuất dài tối đa ${MAX_DAYS} ngày.`;
  return null;
}

export const proposalsQuery = z.object({
  from: isoDay('Từ ngày').optional(),
  to: isoDay('Đến ngày').optional(),
}).strict()
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'Chọn cả ngày đầu kỳ và ngày cuối kỳ (hoặc bỏ trống cả hai để xem quý liền trước).', path: ['to'] })
  .refine((q) => q.from === undefined || q.to === undefined || periodProblem({ from: q.from, to: q.to }) === null, { message: 'Kỳ không hợp lệ: ngày cuối kỳ không trước ngày đầu kỳ, dài tối đa 366 ngày.', path: ['to'] });
export type ProposalsQuery = z.infer<typeof proposalsQuery>;

const KEY = /^(overdue|apology|supplement):([^:\s]{1,40}):(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/** `overdue:1.009976:2026-04-01..2026-04-30` read back (rules/nonconformity-proposals.ts `sourceKey`). */
export function parseSourceKey(key: string): { kind: SignalKind; procedureCode: string; period: Period } | null {
  const m = KEY.exec(key);
  if (!m) return null;
  const period = { from: m[3]!, to: m[4]! };
  const real = (d: string) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  if (!real(period.from) || !real(period.to) || periodProblem(period) !== null) return null;
  return { kind: m[1] as SignalKind, procedureCode: m[2]!, period };
}

const sourceKey = z.string({ message: 'Thiếu khóa của đề xuất (sourceKey).' }).trim()
  .refine((k) => parseSourceKey(k) !== null, 'Khóa đề xuất không hợp lệ: dạng <loại>:<mã thủ tục>:<từ ngày>..<đến ngày>.');

export const acceptBody = z.object({ sourceKey, ownerUnitId: dbId('Đơn vị chịu trách nhiệm khắc phục') }).strict();
export type AcceptInput = z.infer<typeof acceptBody>;
export const dismissBody = z.object({ sourceKey, reason: text('Lý do không mở phiếu', 2000, 3) }).strict();
export type DismissInput = z.infer<typeof dismissBody>;
