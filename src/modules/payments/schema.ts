import { z } from 'zod';
import { dbDate } from '../../platform/http/bounds.js';

/** API schemas of the payments module. */
export const PROVIDERS = ['vnpay'] as const;
export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'cancelled', 'amount_mismatch'] as const;

export const providerParams = z.object({ provider: z.enum(PROVIDERS, { error: 'Cổng thanh toán không được hỗ trợ (chỉ có vnpay)' }) });

/**
 * The gateway's parameters, as it sends them (query string or form body). Each value is a short
 * string; a repeated name (an array) or an oversized value is not the protocol's.
 */
export const gatewayParams = z.record(
  z.string().max(64),
  z.string({ error: 'Tham số của cổng thanh toán phải là chuỗi ký tự' }).max(2000, 'Tham số của cổng thanh toán quá dài'),
).refine((p) => Object.keys(p).length <= 60, 'Quá nhiều tham số');

export const dossierCodeParams = z.object({ code: z.string().trim().min(5).max(60) });

export const listQuery = z.strictObject({
  date: dbDate('Ngày phải có dạng YYYY-MM-DD').optional(),
  status: z.enum(PAYMENT_STATUSES, { error: 'Trạng thái thanh toán không hợp lệ' }).optional(),
  dossierCode: z.string().trim().max(60).optional(),
  cursor: z.string().regex(/^\d{1,18}$/, 'Con trỏ trang không hợp lệ').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListQuery = z.output<typeof listQuery>;

export const reconciliationQuery = z.strictObject({ date: dbDate('Ngày đối soát phải có dạng YYYY-MM-DD') });
export const reconciliationBody = z.strictObject({ date: dbDate('Ngày đối soát phải có dạng YYYY-MM-DD') });
