import { z } from 'zod';
import { dbBigId, dbId, dbVersion } from '../../platform/http/bounds.js';
import { registerFieldLabels } from '../../platform/i18n/field-labels.js';

/**
 * API schemas of the online public services (shared with the web app: no Node-only imports).
 *
 * The catalogue defines no e-form fields beyond the case, the documents and the applicant kinds, so
 * the form a procedure generates is: the case (when it has cases), the applicant (from the e-ID,
 * read-only; an organisation's name and tax code when it files through its representative), what is
 * requested ("Nội dung đề nghị"), a document per required document, and how the result is delivered.
 */
export const MAX_DRAFT_DOCUMENTS = 30;

const text = (max: number, label: string) => z.string({ error: `${label} phải là chuỗi ký tự` }).trim().max(max, `${label} dài quá ${max} ký tự`);
const optional = (max: number, label: string) => text(max, label).nullish().transform((v) => v || null);

export const organisationSchema = z.strictObject({
  name: text(300, 'Tên tổ chức'),
  taxCode: text(20, 'Mã số doanh nghiệp/mã số thuế'),
  address: optional(500, 'Địa chỉ tổ chức'),
  position: optional(200, 'Chức vụ người đại diện'),
});

export const draftDocumentSchema = z.strictObject({
  /** The required document this file answers (its name in the catalogue). */
  name: text(1000, 'Tên giấy tờ').min(1, 'Tên giấy tờ không được để trống'),
  /** A document of the citizen's store (`GET /citizen/documents`): an upload or an earlier result. */
  fileId: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), dbBigId('Mã tệp không hợp lệ')),
});

export const deliverySchema = z.strictObject({
  method: z.enum(['online', 'post'], { message: 'Hình thức nhận kết quả phải là online (trực tuyến) hoặc post (bưu chính)' }),
  address: optional(500, 'Địa chỉ nhận kết quả'),
});

const contentShape = {
  caseCode: z.string().trim().max(60).nullish().transform((v) => v || null),
  receivingUnitId: dbId('Nơi tiếp nhận không hợp lệ').nullish().transform((v) => v ?? null),
  applicantKind: z.enum(['citizen', 'organisation'], { message: 'Người nộp phải là citizen (cá nhân) hoặc organisation (tổ chức)' }),
  organisation: organisationSchema.nullish().transform((v) => v ?? null),
  request: optional(2000, 'Nội dung đề nghị'),
  documents: z.array(draftDocumentSchema).max(MAX_DRAFT_DOCUMENTS, `Tối đa ${MAX_DRAFT_DOCUMENTS} giấy tờ cho một hồ sơ`),
  delivery: deliverySchema,
};

export const draftContentSchema = z.strictObject(contentShape);
export type DraftContent = z.output<typeof draftContentSchema>;

export const createDraftBody = z.strictObject({
  procedureCode: z.string().trim().min(1, 'Chưa chọn thủ tục').max(60),
  ...Object.fromEntries(Object.entries(contentShape).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof contentShape]: z.ZodOptional<(typeof contentShape)[K]> },
});
export type CreateDraftInput = z.output<typeof createDraftBody>;

export const patchDraftBody = z.strictObject({
  version: dbVersion(1),
  ...Object.fromEntries(Object.entries(contentShape).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof contentShape]: z.ZodOptional<(typeof contentShape)[K]> },
});
export type PatchDraftInput = z.output<typeof patchDraftBody>;

export const submitBody = z.strictObject({
  /** A fresh key per filing, kept by the browser: pressing "Nộp" twice (or a retry) files one dossier. */
  idempotencyKey: z.string().trim().min(8, 'Mã chống trùng phải có ít nhất 8 ký tự').max(100),
});

export const supplementBody = z.strictObject({
  documents: z.array(draftDocumentSchema).min(1, 'Hãy chọn ít nhất một giấy tờ bổ sung').max(MAX_DRAFT_DOCUMENTS),
  note: optional(1000, 'Ghi chú'),
});
export type SupplementInput = z.output<typeof supplementBody>;

// The rating belongs to the satisfaction module; the citizen's route keeps its body (modules/online/online.routes.ts).
export { RATING_LABELS, RATING_LEVELS, ratingBody, type RatingInput, type RatingLevel } from '../satisfaction/schema.js';

/** A draft is addressed by its number; a submitted dossier by its code (never all digits). */
export const draftParams = z.object({ id: z.string().regex(/^\d{1,18}$/, 'Mã bản nháp không hợp lệ') });
export const dossierParams = z.object({ id: z.string().trim().min(1).max(60) });
export const documentParams = z.object({ id: z.string().regex(/^\d{1,18}$/, 'Mã giấy tờ không hợp lệ') });
export const uploadQuery = z.strictObject({ draftId: z.string().regex(/^\d{1,18}$/, 'Mã bản nháp không hợp lệ').optional() });

registerFieldLabels({
  caseCode: { vi: 'Trường hợp', en: 'Case' },
  receivingUnitId: { vi: 'Nơi tiếp nhận', en: 'Receiving office' },
  applicantKind: { vi: 'Người nộp', en: 'Applicant' },
  'delivery.method': { vi: 'Hình thức nhận kết quả', en: 'Result delivery' },
  'delivery.address': { vi: 'Địa chỉ nhận kết quả', en: 'Delivery address' },
  'organisation.name': { vi: 'Tên tổ chức', en: 'Organisation name' },
  'organisation.taxCode': { vi: 'Mã số doanh nghiệp/mã số thuế', en: 'Tax code' },
  idempotencyKey: { vi: 'Mã chống trùng', en: 'Idempotency key' },
});
