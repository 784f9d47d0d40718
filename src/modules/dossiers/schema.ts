import { z } from 'zod';
import { dbId, dbPositiveInt, dbVersion } from '../../platform/http/bounds.js';
import { registerFieldLabels } from '../../platform/i18n/field-labels.js';
import { applicantProblems, PHONE_PATTERN, type ApplicantCheck } from './rules/applicant.js';
import { ACTIONS } from './rules/transitions.js';

/** API schemas of the dossier module (shared with the web app). */
const idSchema = dbId();
const version = dbVersion(0);
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : undefined));

/**
 * The applicant: a person, or an organisation acting through its representative. The rules that
 * depend on the kind (which field is missing, how it is named in the message) are in
 * rules/applicant.ts; at the desk (`intake`) an organisation must name its representative, while
 * imported history (`record`) is taken as it was recorded. Fields are only ever added here.
 */
function applicantSchemaFor(check: ApplicantCheck) {
  return z.strictObject({
    kind: z.enum(['citizen', 'organisation'], { message: 'Loại người nộp phải là citizen (công dân) hoặc organisation (tổ chức)' }),
    /** A person's full name, or the organisation's name. */
    fullName: z.string({ error: 'Họ và tên người nộp hoặc tên tổ chức phải là chuỗi ký tự' }).trim().optional(),
    /** A person's ID number (CCCD); for an organisation, kept as older clients sent it. */
    idNumber: z.string({ error: 'Số định danh phải là chuỗi ký tự' }).trim().nullish().transform((v) => v || undefined),
    /** Mã số doanh nghiệp/mã số thuế of an organisation (or of a household business). */
    taxCode: z.string({ error: 'Mã số doanh nghiệp/mã số thuế phải là chuỗi ký tự' }).trim().nullish().transform((v) => v || undefined),
    phone: z.string().trim().regex(PHONE_PATTERN, 'Số điện thoại không hợp lệ').nullish().transform((v) => v ?? undefined),
    email: z.email({ message: 'Thư điện tử không hợp lệ' }).nullish().transform((v) => v ?? undefined),
    address: optionalText(500),
    /** Where the result is posted when it goes by post and the applicant named another address (online filing). */
    deliveryAddress: optionalText(500),
    /** The organisation's representative, or the person a citizen authorised to submit (người được ủy quyền). */
    representative: z.strictObject({
      fullName: z.string({ error: 'Họ và tên người đại diện phải là chuỗi ký tự' }).trim().optional(),
      idNumber: z.string({ error: 'Số định danh người đại diện phải là chuỗi ký tự' }).trim().nullish().transform((v) => v || undefined),
      position: optionalText(200),
      authorisation: optionalText(300),
    }).nullish().transform((v) => v ?? undefined),
  }).superRefine((a, ctx) => {
    for (const p of applicantProblems(a, check)) ctx.addIssue({ code: 'custom', path: p.path, message: p.vi, params: { en: p.en } });
  }).transform((a) => ({ ...a, fullName: a.fullName ?? '', representative: a.representative ? { ...a.representative, fullName: a.representative.fullName ?? '' } : undefined }));
}
export const applicantSchema = applicantSchemaFor('record');
export const intakeApplicantSchema = applicantSchemaFor('intake');
export type ApplicantInput = z.output<typeof applicantSchema>;

registerFieldLabels({
  'applicant.address': { vi: 'Địa chỉ', en: 'Address' },
  'applicant.representative.position': { vi: 'Chức vụ của người đại diện', en: 'Representative’s position' },
  'applicant.representative.authorisation': { vi: 'Giấy ủy quyền', en: 'Letter of authorisation' },
});

const FILE_KEY = /^[0-9a-f]{64}$/;
const fileKeySchema = z.string().regex(FILE_KEY, 'Mã tệp không hợp lệ (64 ký tự 0-9, a-f, như khi tải tệp lên)');

export const receivedDocumentSchema = z.strictObject({
  name: text(1000),
  originals: z.number().int().min(0).max(100).default(0),
  copies: z.number().int().min(0).max(100).default(0),
  certifiedCopies: z.number().int().min(0).max(100).default(0),
  /** The scan of this document, uploaded first (POST /api/v1/files): the document is then digitised. */
  fileKey: fileKeySchema.nullish().transform((v) => v ?? undefined),
  /** The scan's file name, shown and used on download (else the document's name). */
  fileName: optionalText(255),
});

/** A stored file a request attaches: its key from the upload and its name. */
export const attachedFileSchema = z.strictObject({ key: fileKeySchema, name: text(255) });

/**
 * A scan of a received document (its index in the dossier's list), or of a paper handed in with a
 * supplement that is not on the list (named by `documentName`).
 */
export const scanInputSchema = z.strictObject({
  documentIndex: z.number().int().min(0).max(99).nullish().transform((v) => v ?? undefined),
  documentName: optionalText(1000),
  file: attachedFileSchema,
}).refine((x) => x.documentIndex !== undefined || x.documentName, { message: 'Cần chọn giấy tờ (documentIndex) hoặc ghi tên giấy tờ (documentName) của bản quét', path: ['documentName'] });

registerFieldLabels({
  'documents.fileKey': { vi: 'Bản quét của giấy tờ', en: 'Scan of the document' },
  'documents.fileName': { vi: 'Tên tệp bản quét', en: 'Scan file name' },
  scans: { vi: 'Bản quét', en: 'Scans' },
  resultFile: { vi: 'Tệp kết quả giải quyết', en: 'Result document file' },
  file: { vi: 'Tệp đính kèm', en: 'Attached file' },
  address: { vi: 'Địa chỉ nhận kết quả', en: 'Delivery address' },
});

export const createDossierBody = z.strictObject({
  procedureCode: z.string().trim().min(1, 'Chưa chọn thủ tục').max(60),
  caseCode: z.string().trim().max(60).nullish().transform((v) => v ?? undefined),
  channel: z.enum(['desk', 'post', 'online'], { message: 'Kênh nộp phải là desk, post hoặc online' }),
  applicant: intakeApplicantSchema,
  documents: z.array(receivedDocumentSchema).max(100).default([]),
  resultDelivery: z.enum(['desk', 'post', 'online'], { message: 'Hình thức nhận kết quả phải là desk, post hoặc online' }),
  idempotencyKey: z.string().trim().min(8, 'Mã chống trùng phải có ít nhất 8 ký tự').max(100),
  /** For procedures received regardless of boundary: which commune or department decides. */
  competentUnitId: idSchema.nullish().transform((v) => v ?? undefined),
  /** desk decision at reception: receive (default), refuse (form 03) or guide to supplement (form 02). */
  intake: z.enum(['receive', 'refuse', 'supplement']).default('receive'),
  reasons: z.array(text(1000)).max(20).optional(),
  supplementItems: z.array(z.strictObject({ name: text(500), reason: text(1000), legalBasis: optionalText(300) })).max(50).optional(),
  receivedCopies: z.number().int().min(1).max(50).default(1),
});
export type CreateDossierInput = z.output<typeof createDossierBody>;

const supplementItem = z.strictObject({ name: text(500), reason: text(1000), legalBasis: optionalText(300) });

export const actionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('receive'), version }),
  z.strictObject({ action: z.literal('refuse'), version, reasons: z.array(text(1000)).min(1, 'Phải nêu lý do từ chối') }),
  z.strictObject({ action: z.literal('request_reception_supplement'), version, items: z.array(supplementItem).min(1) }),
  z.strictObject({ action: z.literal('transfer'), version, toStep: dbPositiveInt().optional(), toStaffId: idSchema.optional(), note: optionalText(1000) }),
  z.strictObject({ action: z.literal('take'), version }),
  z.strictObject({ action: z.literal('assign'), version, staffId: idSchema, reason: optionalText(1000) }),
  z.strictObject({ action: z.literal('return_to_step'), version, toStep: dbPositiveInt(), reason: text(1000) }),
  z.strictObject({ action: z.literal('request_supplement'), version, items: z.array(supplementItem).min(1, 'Phải nêu ít nhất một giấy tờ cần bổ sung'), note: optionalText(1000) }),
  z.strictObject({ action: z.literal('supplement_received'), version, note: optionalText(1000), scans: z.array(scanInputSchema).max(100).optional() }),
  z.strictObject({ action: z.literal('request_payment'), version, items: z.array(z.strictObject({ name: text(300), amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) })).min(1) }),
  z.strictObject({ action: z.literal('confirm_payment'), version, amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER), method: z.enum(['cash', 'bank_transfer', 'online']), reference: optionalText(100) }),
  z.strictObject({ action: z.literal('extend'), version, newDueAt: z.iso.datetime({ offset: true, message: 'Ngày hẹn mới phải là thời điểm ISO 8601' }), reason: text(2000), signer: text(200) }),
  z.strictObject({ action: z.literal('stop'), version, reason: text(2000) }),
  z.strictObject({ action: z.literal('withdraw'), version, reason: text(2000), requestedAt: z.iso.datetime({ offset: true }).optional() }),
  z.strictObject({ action: z.literal('record_result'), version, summary: text(2000), resultNumber: optionalText(100), resultFile: attachedFileSchema.optional() }),
  z.strictObject({
    action: z.literal('return_result'), version, receiverName: text(200), method: z.enum(['desk', 'post', 'online']), note: optionalText(1000),
    /** Postal delivery (bưu chính công ích): where it was sent; the applicant's address when left out. */
    address: optionalText(500),
    /** The issued result scanned at the return, when it was not recorded as a file. */
    resultFile: attachedFileSchema.optional(),
  }),
  z.strictObject({ action: z.literal('attach_scans'), version, scans: z.array(scanInputSchema).min(1, 'Chưa có bản quét nào').max(100) }),
  z.strictObject({ action: z.literal('attach_draft'), version, file: attachedFileSchema, note: optionalText(1000) }),
]);
export type ActionInput = z.output<typeof actionBody>;
export const actionNames = ACTIONS;

/** A yes/no filter in a query string: `true` or `false`, nothing else. */
const queryBoolean = z.enum(['true', 'false'], { message: 'Giá trị lọc phải là true hoặc false' }).optional().transform((v) => (v === undefined ? undefined : v === 'true'));

export const QUEUE_NAMES = ['mine', 'awaiting_reception', 'unassigned', 'near_due', 'overdue', 'step_overdue', 'supplement', 'all_open', 'received_here', 'done'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export const queueQuery = z.strictObject({
  queue: z.enum(QUEUE_NAMES).default('mine'),
  q: z.string().trim().max(100).optional(),
  procedureCode: z.string().max(60).optional(),
  status: z.coerce.number().int().min(1).max(10).optional(),
  sort: z.enum(['due', 'received']).default('due'),
  /** Filters on the digital flags (rules/digital.ts): `digitised=false` lists the papers still to scan. */
  digitised: queryBoolean,
  resultDigitised: queryBoolean,
  paidOnline: queryBoolean,
  fullyOnline: queryBoolean,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  /** Why the caller searches by a personal identifier (required for an ID or phone search, logged). */
  reason: z.string().max(500).optional(),
});
export type QueueQuery = z.output<typeof queueQuery>;

/** Reading a dossier: `reason` when the caller is not working on it (see personal-data.ts). */
export const readQuery = z.strictObject({ reason: z.string().max(500).optional() });

/** The public lookup: `key` is the documented name of the receipt's secret; `secret` is still read. */
export const lookupQuery = z.strictObject({
  key: z.string().trim().max(20).optional(),
  secret: z.string().trim().max(20).optional(),
});
