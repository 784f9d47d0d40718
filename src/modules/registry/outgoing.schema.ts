import { z } from 'zod';
import { documentType } from './rules/document-types.js';
import { confidentiality, dbId, docType, idParam, isoDay, optText, signingPrefix, text, urgency, version } from './schema.js';

/**
 * Inputs of outgoing documents (API.md "Outgoing"), checked at the edge. What the database must confirm
 * (units, the approver's right to sign, the agency) is the service's.
 */
const knownType = docType.refine((code) => documentType(code) !== undefined, 'Loại văn bản không có trong danh mục của Nghị định 30/2020/NĐ-CP.');

/** A unit of the province (delivered through the exchange) or an addressee outside it, by name. */
const recipient = z.union([
  z.object({ unitId: dbId }).strict(),
  z.object({ name: text('Tên nơi nhận', 300, 2) }).strict(),
], { message: 'Nơi nhận: chọn một đơn vị (unitId) hoặc nhập tên nơi nhận (name).' });

const fields = {
  draftingUnitId: dbId,
  docType: knownType,
  /** A legal normative document (only the types Decree 30 issues so: NQ, QĐ); the year enters its symbol. */
  legal: z.boolean({ message: 'Văn bản quy phạm pháp luật: có (true) hoặc không (false).' }),
  subject: text('Trích yếu nội dung', 500, 3),
  body: text('Nội dung văn bản', 100_000),
  recipients: z.array(recipient, { message: 'Nơi nhận phải là một danh sách.' }).min(1, 'Nơi nhận: cần ít nhất một nơi nhận.').max(100, 'Nơi nhận: tối đa 100 nơi nhận.'),
  urgency,
  confidentiality,
  approverStaffId: dbId,
  signerTitle: text('Chức vụ người ký', 200, 2),
  signingPrefix,
  pages: z.number({ message: 'Số trang phải là một số.' }).int('Số trang phải là số nguyên.').min(1, 'Số trang: ít nhất 1.').max(100_000, 'Số trang: tối đa 100.000.'),
  copies: z.number({ message: 'Số bản phải là một số.' }).int('Số bản phải là số nguyên.').min(1, 'Số bản: ít nhất 1.').max(10_000, 'Số bản: tối đa 10.000.'),
  note: optText('Ghi chú', 4000),
};

const legalOnlyForLegalTypes = (b: { docType?: string | undefined; legal?: boolean | undefined }) => !b.legal || b.docType === undefined || documentType(b.docType)?.legal === true;
const legalMessage = { message: 'Chỉ nghị quyết và quyết định mới được ban hành là văn bản quy phạm pháp luật.', path: ['legal'] };

export const outgoingCreateBody = z.object({
  draftingUnitId: fields.draftingUnitId,
  docType: fields.docType,
  legal: fields.legal.optional(),
  subject: fields.subject,
  body: fields.body,
  recipients: fields.recipients,
  urgency: fields.urgency.optional(),
  confidentiality: fields.confidentiality.optional(),
  approverStaffId: fields.approverStaffId.optional(),
  signerTitle: fields.signerTitle.optional(),
  signingPrefix: fields.signingPrefix.optional(),
  pages: fields.pages.optional(),
  copies: fields.copies.optional(),
  note: fields.note.optional(),
}).strict().refine(legalOnlyForLegalTypes, legalMessage);
export type OutgoingCreateInput = z.infer<typeof outgoingCreateBody>;

/** Any field of the create body; `null` clears an optional one. */
const editFields = z.object({
  draftingUnitId: fields.draftingUnitId.optional(),
  docType: fields.docType.optional(),
  legal: fields.legal.optional(),
  subject: fields.subject.optional(),
  body: fields.body.optional(),
  recipients: fields.recipients.optional(),
  urgency: fields.urgency.optional(),
  confidentiality: fields.confidentiality.optional(),
  approverStaffId: fields.approverStaffId.nullable().optional(),
  signerTitle: fields.signerTitle.nullable().optional(),
  signingPrefix: fields.signingPrefix.nullable().optional(),
  pages: fields.pages.nullable().optional(),
  copies: fields.copies.nullable().optional(),
  note: fields.note.nullable().optional(),
});
export type OutgoingEditFields = z.infer<typeof editFields>;

const note = (label: string) => text(label, 4000, 3);

export const outgoingAction = z.discriminatedUnion('action', [
  editFields.extend({ action: z.literal('edit'), version }).strict()
    .refine((b) => Object.keys(b).some((k) => k !== 'action' && k !== 'version'), { message: 'Không có gì thay đổi.', path: ['subject'] }),
  z.object({ action: z.literal('submit'), version, approverStaffId: fields.approverStaffId.optional(), note: fields.note.optional() }).strict(),
  z.object({ action: z.literal('return'), version, note: note('Lý do trả lại') }).strict(),
  z.object({ action: z.literal('approve'), version, signerTitle: fields.signerTitle, signingPrefix: fields.signingPrefix.nullable().optional(), note: fields.note.optional() }).strict(),
  z.object({ action: z.literal('release'), version }).strict(),
  z.object({ action: z.literal('cancel'), version, note: note('Lý do hủy') }).strict(),
], { message: 'Thao tác không hợp lệ: edit, submit, return, approve, release hoặc cancel.' });
export type OutgoingActionInput = z.infer<typeof outgoingAction>;

export const outgoingParams = z.object({ id: idParam });

/** Sổ đăng ký văn bản đi of an agency over a period (by the documents' dates); this year so far by default. */
export const outgoingRegisterQuery = z.object({
  unitId: idParam,
  from: isoDay('Từ ngày').optional(),
  to: isoDay('Đến ngày').optional(),
  format: z.enum(['json', 'pdf'], { message: 'Định dạng: json hoặc pdf.' }).default('json'),
}).strict().refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'Đến ngày phải sau hoặc trùng Từ ngày.', path: ['to'] });
export type OutgoingRegisterQuery = z.infer<typeof outgoingRegisterQuery>;
