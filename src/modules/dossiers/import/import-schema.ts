import { z } from 'zod';
import { MAX_INT4 } from '../../../platform/http/bounds.js';
import { processingTimeSchema } from '../../catalog/schema.js';
import { DOSSIER_CODE_PATTERN } from '../rules/dossier-code.js';
import { applicantSchema, receivedDocumentSchema } from '../schema.js';

/**
 * One line of a historical dossier file (NDJSON, documented in docs/IMPORT-DOSSIERS.md): the dossier
 * as `createDossierBody` describes it, its code and receiving desk, and its history as events. The
 * events carry what happened and when; values the live system computes (due dates, the route, step
 * budgets) may be given as the old system recorded them, or are computed exactly as live actions do.
 */
const text = (max: number, label: string) => z.string({ error: `${label} phải là chuỗi ký tự` }).trim().min(1, `${label} không được để trống`).max(max, `${label} quá dài (tối đa ${max} ký tự)`);
const optionalText = (max: number, label: string) => z.string({ error: `${label} phải là chuỗi ký tự` }).trim().max(max, `${label} quá dài`).optional().transform((v) => (v ? v : undefined));
const unitCode = z.string({ error: 'Mã định danh đơn vị phải là chuỗi ký tự' }).trim().regex(/^[A-Y]\d{2}(\.[0-9A-Z]{2,3})*$/, 'Mã định danh đơn vị không đúng định dạng (ví dụ H30.501.01)');
const instant = (label: string) => z.iso.datetime({ offset: true, error: `${label} phải là thời điểm ISO 8601 có múi giờ, ví dụ 2026-03-02T09:15:00+07:00` });

/** A person as an old system knows them: a name, and the badge number (số thẻ) if they are staff here. */
export const importPersonSchema = z.strictObject({
  name: optionalText(200, 'Họ tên'),
  badge: z.string({ error: 'Số thẻ phải là chuỗi ký tự' }).trim().min(1).max(40, 'Số thẻ quá dài').optional(),
}).refine((p) => p.name || p.badge, { message: 'Người thực hiện cần có họ tên (name) hoặc số thẻ cán bộ (badge)' });
export type ImportPerson = z.output<typeof importPersonSchema>;

const supplementItem = z.strictObject({ name: text(500, 'Tên giấy tờ'), reason: text(1000, 'Lý do'), legalBasis: optionalText(300, 'Căn cứ') });

const routeStep = z.strictObject({
  order: z.int().positive('Thứ tự bước phải lớn hơn 0'),
  name: text(300, 'Tên bước'),
  /** A unit of this province by e-ID; absent for a body outside it (then `unitName` names it). */
  unitCode: unitCode.optional(),
  unitName: optionalText(300, 'Tên đơn vị'),
  role: z.enum(['desk_officer', 'specialist', 'unit_head'], { error: 'Vai trò phải là desk_officer, specialist hoặc unit_head' }),
  budgetHours: z.number().min(0).max(16000),
  interAgency: z.boolean().default(false),
}).refine((s) => s.unitCode || s.unitName, { message: 'Bước phải có mã đơn vị (unitCode) hoặc tên cơ quan ngoài (unitName)' });
export type ImportRouteStep = z.output<typeof routeStep>;

const base = { at: instant('Thời điểm (at)'), actor: importPersonSchema.optional(), unitCode: unitCode.optional() };
const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.strictObject({ type: z.literal(type), ...base, ...shape });

export const importEventSchema = z.discriminatedUnion('type', [
  ev('submitted', { channel: z.enum(['online', 'post'], { error: 'Kênh nộp phải là online hoặc post' }) }),
  ev('received', {
    dueAt: instant('Hạn trả kết quả (dueAt)').optional(),
    route: z.array(routeStep).min(1).max(30).optional(),
    deskStaff: importPersonSchema.optional(),
    stepDueAt: instant('Hạn của bước (stepDueAt)').optional(),
  }),
  ev('refused', { reasons: z.array(text(1000, 'Lý do từ chối')).min(1, 'Phải nêu lý do từ chối').max(20) }),
  ev('reception_supplement_requested', { items: z.array(supplementItem).min(1, 'Phải nêu giấy tờ cần bổ sung').max(50) }),
  ev('transferred', { toStep: z.int().positive().max(MAX_INT4).optional(), toStaff: importPersonSchema.nullish(), stepDueAt: instant('Hạn của bước (stepDueAt)').optional(), note: optionalText(1000, 'Ghi chú') }),
  ev('taken', { staff: importPersonSchema.optional() }),
  ev('assigned', { staff: importPersonSchema, reason: optionalText(1000, 'Lý do') }),
  ev('returned_to_step', { toStep: z.int().positive().max(MAX_INT4), reason: text(1000, 'Lý do trả lại'), toStaff: importPersonSchema.nullish(), stepDueAt: instant('Hạn của bước (stepDueAt)').optional() }),
  ev('supplement_requested', { items: z.array(supplementItem).min(1, 'Phải nêu ít nhất một giấy tờ cần bổ sung').max(50), note: optionalText(1000, 'Ghi chú') }),
  ev('supplement_received', { newDueAt: instant('Hạn mới (newDueAt)').optional(), note: optionalText(1000, 'Ghi chú') }),
  ev('payment_requested', { items: z.array(z.strictObject({ name: text(300, 'Khoản thu'), amount: z.int().positive('Số tiền phải lớn hơn 0') })).min(1).max(20) }),
  ev('payment_confirmed', { amount: z.int().positive('Số tiền phải lớn hơn 0'), method: z.enum(['cash', 'bank_transfer', 'online'], { error: 'Hình thức nộp phải là cash, bank_transfer hoặc online' }), reference: optionalText(100, 'Số chứng từ') }),
  ev('extended', { newDueAt: instant('Ngày hẹn mới (newDueAt)'), reason: text(2000, 'Lý do gia hạn'), signer: text(200, 'Người ký') }),
  ev('stopped', { reason: text(2000, 'Lý do dừng') }),
  ev('withdrawn', { reason: text(2000, 'Lý do rút'), requestedAt: instant('Thời điểm yêu cầu (requestedAt)').optional() }),
  ev('result_recorded', { summary: text(2000, 'Tóm tắt kết quả'), resultNumber: optionalText(100, 'Số kết quả') }),
  ev('result_returned', { receiverName: text(200, 'Người nhận'), method: z.enum(['desk', 'post', 'online'], { error: 'Hình thức trả phải là desk, post hoặc online' }), note: optionalText(1000, 'Ghi chú') }),
], { error: 'Loại sự kiện (type) không hợp lệ' });
export type ImportEvent = z.output<typeof importEventSchema>;

export const importLineSchema = z.strictObject({
  code: z.string({ error: 'Mã hồ sơ phải là chuỗi ký tự' }).trim().regex(DOSSIER_CODE_PATTERN, 'Mã hồ sơ phải có dạng <mã định danh cơ quan>-YYMMDD-<số thứ tự ≥ 4 chữ số>'),
  receivingUnitCode: unitCode,
  competentUnitCode: unitCode.optional(),
  procedureCode: z.string().trim().min(1, 'Chưa có mã thủ tục').max(60),
  /** Used when the catalogue has no version of the procedure in force at receipt. */
  procedureName: optionalText(1000, 'Tên thủ tục'),
  field: z.strictObject({ code: text(50, 'Mã lĩnh vực'), name: text(300, 'Tên lĩnh vực') }).optional(),
  processingTime: processingTimeSchema.optional(),
  caseCode: z.string().trim().max(60).optional(),
  channel: z.enum(['desk', 'post', 'online'], { error: 'Kênh nộp phải là desk, post hoặc online' }),
  applicant: applicantSchema,
  documents: z.array(receivedDocumentSchema).max(100).default([]),
  resultDelivery: z.enum(['desk', 'post', 'online'], { error: 'Hình thức nhận kết quả phải là desk, post hoặc online' }),
  receivedCopies: z.int().min(1).max(50).default(1),
  events: z.array(importEventSchema).min(1, 'Hồ sơ phải có ít nhất một sự kiện').max(300, 'Quá 300 sự kiện cho một hồ sơ'),
});
export type ImportLine = z.output<typeof importLineSchema>;

export type ImportLineError = { line: number; code: string | null; error: string; message: string; messageEn: string };

export const importDossiersResult = z.object({
  lines: z.number(),
  imported: z.number(),
  skipped: z.number(),
  failed: z.number(),
  events: z.number(),
  ms: z.number(),
  dossiersPerMinute: z.number(),
  errors: z.array(z.object({ line: z.number(), code: z.string().nullable(), error: z.string(), message: z.string(), messageEn: z.string() })),
  errorsTruncated: z.boolean(),
});
export type ImportDossiersResult = z.infer<typeof importDossiersResult>;
