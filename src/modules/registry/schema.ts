import { z } from 'zod';
import { CONFIDENTIALITIES, SIGNING_PREFIXES, STATUSES, URGENCIES } from './registry-labels.js';

/**
 * Inputs shared by the parts of the registry module (issue 19), checked at the edge. Messages name the
 * field in Vietnamese. Each part keeps its own bodies in `<part>.schema.ts` built from these pieces.
 */
export const idParam = z.coerce.number().int().positive().max(2_147_483_647);
export const dbId = z.number().int().positive().max(2_147_483_647);
export const version = z.number({ message: 'Thiếu phiên bản (version) của văn bản.' }).int().positive().max(2_147_483_647);
export const text = (label: string, max: number, min = 1) =>
  z.string().trim().min(min, `${label}: bắt buộc phải nhập (ít nhất ${min} ký tự).`).max(max, `${label}: tối đa ${max.toLocaleString('vi-VN')} ký tự.`);
export const optText = (label: string, max: number) => z.string().trim().max(max, `${label}: tối đa ${max.toLocaleString('vi-VN')} ký tự.`);
export const isoDay = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: ngày phải có dạng YYYY-MM-DD.`)
  .refine((d) => d >= '1975-01-01' && d <= '2100-12-31' && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), `${label}: ngày không tồn tại hoặc ngoài khoảng 1975–2100.`);
export const urgency = z.enum(URGENCIES, { message: 'Độ khẩn: thường, khẩn, thượng khẩn hoặc hỏa tốc.' });
export const confidentiality = z.enum(CONFIDENTIALITIES, { message: 'Độ mật: thường, mật, tối mật hoặc tuyệt mật.' });
export const signingPrefix = z.enum(SIGNING_PREFIXES, { message: 'Quyền hạn ký: TM., Q., KT., TL. hoặc TUQ.' });
export const docType = z.string().trim().min(1, 'Chọn loại văn bản.').max(10, 'Loại văn bản không hợp lệ.');
export const listLimit = z.coerce.number().int().min(1).max(200).default(50);

export const documentListQuery = z.object({
  direction: z.enum(['out', 'in'], { message: 'Chiều văn bản: đi (out) hoặc đến (in).' }).optional(),
  unitId: idParam.optional(),
  status: z.enum(STATUSES, { message: 'Trạng thái không hợp lệ.' }).optional(),
  /** Any field, without diacritics or case: number and symbol, subject, issuer, signer, arrival number. */
  q: z.string().trim().max(200, 'Từ khóa tối đa 200 ký tự.').optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** Only documents the caller drafts, approves or handles. */
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** Documents issued from a dossier (its code). */
  dossier: z.string().trim().min(1).max(40).optional(),
  limit: listLimit,
  /** The last id of the previous page (newest first). */
  before: idParam.optional(),
}).strict();
export type DocumentListQuery = z.infer<typeof documentListQuery>;

export const peopleQuery = z.object({
  q: z.string().trim().max(100, 'Từ khóa tối đa 100 ký tự.').optional(),
  /** Only those who may sign for the agency (an outgoing document's approver). */
  signers: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
}).strict();

export const settingsBody = z.object({
  symbol: z.string().trim().regex(/^[A-ZĐ0-9]{1,12}(-[A-ZĐ0-9]{1,12})?$/u, 'Ký hiệu cơ quan: chữ in hoa không dấu (có thể có Đ) hoặc số, tối đa 12 ký tự, ví dụ SNV hoặc UBND.'),
  placeName: text('Địa danh', 60, 2),
  managingBody: z.union([z.literal(''), text('Cơ quan chủ quản', 200, 2)]).optional(),
  numbering: z.enum(['per_type', 'single'], { message: 'Cách đánh số: theo từng loại văn bản hoặc một dãy chung.' }),
  version: version.optional(),
}).strict();
export type SettingsInput = z.infer<typeof settingsBody>;
