import { z } from 'zod';

/**
 * Inputs of Part A (systems, declarations; API.md), checked at the edge. Every message names its field
 * in Vietnamese. The small pieces are exported for objectives.schema.ts.
 */
export const idParam = z.coerce.number({ message: 'Mã bản ghi phải là một số.' }).int('Mã bản ghi phải là số nguyên.').positive('Mã bản ghi không hợp lệ.').max(2_147_483_647, 'Mã bản ghi không hợp lệ.');
export const idParams = z.object({ id: idParam });
export const dbId = (label: string) => z.number({ message: `${label}: phải là mã số.` }).int(`${label}: phải là số nguyên.`).positive(`${label}: không hợp lệ.`).max(2_147_483_647, `${label}: không hợp lệ.`);
export const version = z.number({ message: 'Thiếu phiên bản (version) của bản ghi.' }).int('Phiên bản phải là số nguyên.').positive('Phiên bản không hợp lệ.').max(2_147_483_647, 'Phiên bản không hợp lệ.');
export const text = (label: string, max: number, min = 1) =>
  z.string({ message: `${label}: phải là chuỗi ký tự.` }).trim().min(min, `${label}: bắt buộc phải nhập (ít nhất ${min} ký tự).`).max(max, `${label}: tối đa ${max.toLocaleString('vi-VN')} ký tự.`);
export const optText = (label: string, max: number) =>
  z.string({ message: `${label}: phải là chuỗi ký tự.` }).trim().max(max, `${label}: tối đa ${max.toLocaleString('vi-VN')} ký tự.`);
export const isoDay = (label: string) => z.string({ message: `${label}: ngày phải có dạng YYYY-MM-DD.` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: ngày phải có dạng YYYY-MM-DD.`)
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31' && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), `${label}: ngày không tồn tại hoặc ngoài khoảng 2000–2100.`);

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

export const versionBody = z.object({ version }).strict();

export const declarationCreateBody = z.object({
  decisionNo: text('Số quyết định công bố', 60),
  decisionDate: isoDay('Ngày quyết định công bố'),
  signerName: text('Người ký quyết định', 200, 2),
}).strict();
export type DeclarationCreateInput = z.infer<typeof declarationCreateBody>;
