import { z } from 'zod';
export { dbId, idParam, idParams, isoDay, optText, text, version } from './schema.js';
import { dbId, isoDay, optText, text, version } from './schema.js';

/**
 * Inputs of Part A (systems, declarations; API.md), checked at the edge. Every message names its field
 * in Vietnamese. The small pieces are exported for objectives.schema.ts.
 */

export const OBLIGATIONS = ['mandatory', 'encouraged'] as const;
export const OBLIGATION_LABELS: Record<(typeof OBLIGATIONS)[number], string> = {
  mandatory: 'Bắt buộc áp dụng (Quyết định 19/2014/QĐ-TTg)',
  encouraged: 'Khuyến khích áp dụng',
};
const obligation = z.enum(OBLIGATIONS, { message: 'Đối tượng áp dụng: bắt buộc (mandatory) hoặc khuyến khích (encouraged).' });
/** The migration's check: 3–60 characters, e.g. "TCVN ISO 9001:2015". */
const standard = text('Tiêu chuẩn áp dụng', 60, 3);

export const systemCreateBody = z.object({
  agencyUnitId: dbId('Cơ quan áp dụng'),
  obligation: obligation.optional(),
  standard: standard.optional(),
}).strict();
export type SystemCreateInput = z.infer<typeof systemCreateBody>;

/** ISO 9001 §4.3: a requirement that cannot be applied, with the reason. */
const exclusion = z.object({
  clause: text('Điều khoản không áp dụng', 20),
  reason: text('Lý do không áp dụng', 1000, 3),
}, { message: 'Mỗi điều khoản không áp dụng gồm điều khoản (clause) và lý do (reason).' }).strict();

export const systemUpdateBody = z.object({
  version,
  obligation: obligation.optional(),
  standard: standard.optional(),
  scopeText: optText('Phạm vi áp dụng', 20_000).optional(),
  exclusions: z.array(exclusion, { message: 'Các điều khoản không áp dụng phải là một danh sách.' }).max(30, 'Tối đa 30 điều khoản không áp dụng.')
    .refine((xs) => new Set(xs.map((x) => x.clause)).size === xs.length, 'Mỗi điều khoản không áp dụng chỉ ghi một lần.').optional(),
  policyText: optText('Chính sách chất lượng', 20_000).optional(),
  isoSecretaryStaffId: dbId('Thư ký ISO').nullable().optional(),
}).strict();
export type SystemUpdateInput = z.infer<typeof systemUpdateBody>;

export { versionBody } from './schema.js';

export const declarationCreateBody = z.object({
  decisionNo: text('Số quyết định công bố', 60),
  decisionDate: isoDay('Ngày quyết định công bố'),
  signerName: text('Người ký quyết định', 200, 2),
}).strict();
export type DeclarationCreateInput = z.infer<typeof declarationCreateBody>;
