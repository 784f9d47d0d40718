import { z } from 'zod';
import { DOCUMENT_TYPES } from './rules/document-types.js';
import { confidentiality, dbId, docType, idParam, isoDay, optText, text, urgency, version } from './schema.js';

/**
 * Inputs of incoming documents (issue 19 scope 2, API.md "Incoming"), checked at the edge. What may be
 * done in which status is incoming-rules.ts; what needs the database or today (agency, handlers, the
 * days against today) is the service's.
 */
const KNOWN_TYPES = new Set(DOCUMENT_TYPES.map((t) => t.code));
const knownType = docType.refine((c) => KNOWN_TYPES.has(c), 'Loại văn bản không có trong danh mục của Nghị định 30/2020.');

export const incomingCreateBody = z.object({
  unitId: dbId,
  channel: z.enum(['paper', 'electronic'], { message: 'Hình thức nhận: văn bản giấy (paper) hoặc điện tử (electronic).' }),
  docType: knownType,
  /** The number and symbol as printed on the document, e.g. "05/KH-UBND". */
  symbol: text('Số, ký hiệu văn bản', 60),
  issuedOn: isoDay('Ngày tháng văn bản'),
  issuerName: text('Cơ quan ban hành (tác giả)', 300, 2),
  subject: text('Trích yếu nội dung', 500, 3),
  urgency: urgency.optional(),
  confidentiality: confidentiality.optional(),
  pages: z.number({ message: 'Số trang phải là một số.' }).int('Số trang phải là số nguyên.').min(1, 'Số trang từ 1.').max(100_000, 'Số trang tối đa 100.000.').optional(),
  signerName: text('Người ký', 100, 2).optional(),
  /** The day it was received; today when not given (a paper document received yesterday is registered today, art. 4). */
  arrivalOn: isoDay('Ngày đến').optional(),
  note: optText('Ghi chú', 4000).optional(),
  /** The records office saw the duplicate warning and registers this copy anyway. */
  confirmDuplicate: z.boolean({ message: 'Xác nhận trùng văn bản: true hoặc false.' }).optional(),
}).strict();
export type IncomingCreateInput = z.infer<typeof incomingCreateBody>;

/** A handler: one person, or one unit (its staff handle it, its head answers for it). */
const handler = (label: string) => z.object({ staffId: dbId.optional(), unitId: dbId.optional() }, { message: `${label}: chọn một người hoặc một đơn vị.` }).strict()
  .refine((h) => (h.staffId === undefined) !== (h.unitId === undefined), `${label}: chọn đúng một người (staffId) hoặc một đơn vị (unitId).`);
export type HandlerInput = z.infer<ReturnType<typeof handler>>;

export const incomingAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('register'), version, confirmDuplicate: z.boolean({ message: 'Xác nhận trùng văn bản: true hoặc false.' }).optional(), note: optText('Ghi chú', 4000).optional() }).strict(),
  z.object({
    action: z.literal('route'), version,
    lead: handler('Đơn vị, cá nhân chủ trì'),
    coordinators: z.array(handler('Đơn vị, cá nhân phối hợp')).max(30, 'Tối đa 30 đơn vị, cá nhân phối hợp.').default([]),
    dueOn: isoDay('Thời hạn giải quyết').optional(),
    dueInWorkingDays: z.number({ message: 'Số ngày làm việc phải là một số.' }).int('Số ngày làm việc phải là số nguyên.').min(1, 'Thời hạn ít nhất 1 ngày làm việc.').max(250, 'Thời hạn tối đa 250 ngày làm việc.').optional(),
    instructions: optText('Ý kiến chỉ đạo', 4000).optional(),
  }).strict().refine((b) => b.dueOn === undefined || b.dueInWorkingDays === undefined, { message: 'Chỉ chọn một cách ghi thời hạn: một ngày cụ thể hoặc số ngày làm việc.', path: ['dueOn'] }),
  z.object({
    action: z.literal('report'), version,
    report: text('Nội dung báo cáo, đề xuất', 8000),
    /** The outgoing document that answers this one (Số, ký hiệu văn bản trả lời of the tracking register). */
    replyDocumentId: dbId.optional(),
    /** Which of the caller's assignments is reported; by default the lead's when the caller has it. */
    assignmentId: dbId.optional(),
  }).strict(),
], { message: 'Thao tác phải là register, route hoặc report.' });
export type IncomingActionInput = z.infer<typeof incomingAction>;
export type RouteInput = Extract<IncomingActionInput, { action: 'route' }>;
export type ReportInput = Extract<IncomingActionInput, { action: 'report' }>;

export const registerQuery = z.object({
  unitId: idParam,
  from: isoDay('Từ ngày'),
  to: isoDay('Đến ngày'),
  format: z.enum(['json', 'pdf'], { message: 'Định dạng: json hoặc pdf.' }).default('json'),
}).strict()
  .refine((q) => q.from <= q.to, { message: 'Từ ngày phải trước hoặc bằng đến ngày.', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { message: 'Một lần in sổ tối đa một năm.', path: ['to'] });
export type RegisterQuery = z.infer<typeof registerQuery>;
