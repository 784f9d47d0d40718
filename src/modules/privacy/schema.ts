import { z } from 'zod';
import { registerFieldLabels } from '../../platform/i18n/field-labels.js';
import { PERSON_ID_PATTERN } from '../dossiers/rules/applicant.js';

/** API schemas of the privacy module (shared with the web app). */
export const REQUEST_KINDS = ['access', 'correction', 'deletion', 'restriction', 'objection'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_STATUSES = ['received', 'acknowledged', 'done', 'refused'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const RECORD_TYPES = ['dossier', 'identity_document_image', 'privacy_request', 'audit_event'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

const idSchema = z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v), z.number().int().positive().max(2 ** 31 - 1, { message: 'Mã bản ghi không hợp lệ' }));
export const requestParams = z.object({ id: idSchema });

export const createRequestBody = z.strictObject({
  kind: z.enum(REQUEST_KINDS, { message: 'Loại yêu cầu phải là access, correction, deletion, restriction hoặc objection' }),
  /** The person the request is about, by their personal ID number (CCCD). */
  idNumber: z.string().trim().transform((v) => v.replace(/[\s.-]/g, '').toUpperCase())
    .pipe(z.string().regex(PERSON_ID_PATTERN, 'Số định danh cá nhân/CCCD phải gồm 12 chữ số (CMND cũ: 9 chữ số; hộ chiếu: chữ in hoa và số)')),
  requesterName: z.string().trim().min(2, 'Chưa nhập họ và tên người yêu cầu').max(200),
  channel: z.enum(['desk', 'letter'], { message: 'Kênh nhận phải là desk (tại quầy) hoặc letter (qua thư)' }),
  details: z.string().trim().max(2000).nullish().transform((v) => v || undefined),
  /** A letter is received on the day it arrived, which may be before it is recorded. */
  receivedAt: z.iso.datetime({ offset: true, message: 'Thời điểm nhận phải có dạng ISO 8601' }).optional(),
});
export type CreateRequestInput = z.output<typeof createRequestBody>;

export const requestActionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('acknowledge'), version: z.number().int().min(0).max(2 ** 31 - 1) }),
  z.strictObject({ action: z.literal('complete'), version: z.number().int().min(0).max(2 ** 31 - 1), outcome: z.string().trim().min(3, 'Nêu kết quả giải quyết').max(2000) }),
  z.strictObject({ action: z.literal('refuse'), version: z.number().int().min(0).max(2 ** 31 - 1), outcome: z.string().trim().min(3, 'Phải nêu lý do từ chối').max(2000) }),
]);
export type RequestActionInput = z.output<typeof requestActionBody>;

export const requestListQuery = z.strictObject({
  status: z.enum(REQUEST_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const retentionParams = z.object({ recordType: z.enum(RECORD_TYPES, { message: 'Loại bản ghi không tồn tại' }) });
export const retentionBody = z.strictObject({
  months: z.number().int().min(1, 'Thời hạn lưu trữ ít nhất 1 tháng').max(1200),
  basis: z.string().trim().max(500).nullish().transform((v) => v || null),
  documentNamePattern: z.string().trim().max(300).nullish().transform((v) => v || null)
    .refine((v) => v === null || isRegex(v), 'Mẫu tên giấy tờ không phải biểu thức chính quy hợp lệ'),
});
export type RetentionInput = z.output<typeof retentionBody>;

export const requestLimitParams = z.object({ kind: z.enum(REQUEST_KINDS, { message: 'Loại yêu cầu không tồn tại' }) });
export const requestLimitBody = z.strictObject({
  acknowledgeWorkingDays: z.number().int().min(1).max(60),
  resolveWorkingDays: z.number().int().min(1).max(120),
  basis: z.string().trim().min(1).max(500),
});

function isRegex(v: string): boolean {
  try {
    new RegExp(v, 'i');
    return true;
  } catch {
    return false;
  }
}

registerFieldLabels({
  requesterName: { vi: 'Họ và tên người yêu cầu', en: 'Requester’s name' },
  documentNamePattern: { vi: 'Mẫu tên giấy tờ tùy thân', en: 'Identity document name pattern' },
});
