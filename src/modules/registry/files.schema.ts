import { z } from 'zod';
import { dbId, idParam, isoDay, optText, text, version } from './schema.js';

/**
 * Inputs of the files part (issue 19 scope 4), checked at the edge. Which action fits which state and
 * who may take it is the service's (rules/retention.ts, rules/filing.ts).
 */
const year = z.number({ message: 'Năm của danh mục hồ sơ phải là một số.' }).int('Năm phải là số nguyên.').min(2000, 'Năm từ 2000.').max(2100, 'Năm đến 2100.');
const queryYear = z.coerce.number({ message: 'Năm phải là một số.' }).int().min(2000, 'Năm từ 2000.').max(2100, 'Năm đến 2100.');

/** Số và ký hiệu hồ sơ (Appendix VI FileNotation, String 20), e.g. "01.TCCB" (Appendix V §I.2). */
const code = z.string().trim().min(1, 'Số và ký hiệu hồ sơ: bắt buộc.').max(20, 'Số và ký hiệu hồ sơ: tối đa 20 ký tự.')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}.\-/_]*$/u, 'Số và ký hiệu hồ sơ: chỉ gồm chữ, số và các dấu . - / _ (ví dụ 01.TCCB).');

/** 'permanent' (vĩnh viễn) or a number of years (Appendix V §I.4). */
const retention = z.union([
  z.literal('permanent'),
  z.number({ message: 'Thời hạn bảo quản: "permanent" (vĩnh viễn) hoặc số năm.' }).int('Thời hạn bảo quản là số năm nguyên.').min(1, 'Thời hạn bảo quản ít nhất 1 năm.').max(100, 'Thời hạn bảo quản tối đa 100 năm; dài hơn thì chọn vĩnh viễn.'),
], { message: 'Thời hạn bảo quản: "permanent" (vĩnh viễn) hoặc số năm.' });

const reason = text('Lý do', 2000, 3);
const fileFields = {
  code,
  title: text('Tiêu đề hồ sơ', 500, 3),
  retention,
  heading: optText('Đề mục', 200).optional(),
  responsibleStaffId: dbId.optional(),
  responsibleUnitId: dbId.optional(),
  note: optText('Ghi chú', 2000).optional(),
};

export const fileCreateBody = z.object({
  unitId: dbId,
  year,
  ...fileFields,
  /** Needed once the year's list is approved (art. 28: the approved list changes only with a reason). */
  reason: reason.optional(),
}).strict();
export type FileCreateInput = z.infer<typeof fileCreateBody>;

export const fileListQuery = z.object({
  unitId: idParam,
  year: queryYear.optional(),
  /** Files needing the records office across the years: handover due soon or overdue, or disposable now. */
  due: z.enum(['handover', 'disposal'], { message: 'Lọc: handover (sắp đến hạn, quá hạn nộp lưu) hoặc disposal (hết thời hạn bảo quản).' }).optional(),
}).strict().refine((q) => q.year !== undefined || q.due !== undefined, { message: 'Chọn năm của danh mục hồ sơ.', path: ['year'] });
export type FileListQuery = z.infer<typeof fileListQuery>;

export const fileListParams = z.object({ unitId: idParam, year: queryYear });

export const fileListAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), version, decisionNo: text('Số quyết định ban hành danh mục', 60), decisionDate: isoDay('Ngày quyết định') }).strict(),
], { message: 'Thao tác không hợp lệ.' });
export type FileListActionInput = z.infer<typeof fileListAction>;

export const fileAction = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('edit'), version,
    code: code.optional(), title: text('Tiêu đề hồ sơ', 500, 3).optional(), retention: retention.optional(),
    heading: optText('Đề mục', 200).nullable().optional(), responsibleStaffId: dbId.nullable().optional(), responsibleUnitId: dbId.nullable().optional(),
    note: optText('Ghi chú', 2000).nullable().optional(), reason: reason.optional(),
  }).strict().refine((b) => ['code', 'title', 'retention', 'heading', 'responsibleStaffId', 'responsibleUnitId', 'note'].some((k) => (b as Record<string, unknown>)[k] !== undefined), { message: 'Không có gì thay đổi.', path: ['title'] }),
  z.object({ action: z.literal('remove'), version }).strict(),
  /** The day the work ended (art. 29.4); today when not given. */
  z.object({ action: z.literal('close'), version, endedOn: isoDay('Ngày kết thúc công việc').optional() }).strict(),
  z.object({ action: z.literal('hand_over'), version, on: isoDay('Ngày nộp lưu').optional(), note: optText('Ghi chú', 2000).optional() }).strict(),
  z.object({ action: z.literal('keep'), version, reason, until: isoDay('Giữ lại đến ngày').optional() }).strict(),
], { message: 'Thao tác không hợp lệ.' });
export type FileActionInput = z.infer<typeof fileAction>;

export const fileDocumentBody = z.object({ documentId: dbId, version }).strict();
export const fileDocumentParams = z.object({ id: idParam, documentId: idParam });
export const versionQuery = z.object({ version: z.coerce.number({ message: 'Thiếu phiên bản (version) của hồ sơ.' }).int().positive().max(2_147_483_647) }).strict();

const fileIds = z.array(dbId).min(1, 'Chọn ít nhất một hồ sơ.').max(500, 'Một danh mục hủy có tối đa 500 hồ sơ.')
  .refine((ids) => new Set(ids).size === ids.length, 'Mỗi hồ sơ chỉ chọn một lần.');

export const disposalCreateBody = z.object({
  unitId: dbId,
  title: text('Tên danh mục hồ sơ, tài liệu hết giá trị', 300, 3),
  fileIds,
  note: optText('Ghi chú', 4000).optional(),
}).strict();
export type DisposalCreateInput = z.infer<typeof disposalCreateBody>;

export const disposalListQuery = z.object({ unitId: idParam }).strict();

export const disposalAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('add_files'), version, fileIds }).strict(),
  z.object({ action: z.literal('remove_files'), version, fileIds }).strict(),
  z.object({ action: z.literal('approve'), version, decisionNo: text('Số quyết định hủy tài liệu', 60), decisionDate: isoDay('Ngày quyết định') }).strict(),
  z.object({ action: z.literal('cancel'), version, reason }).strict(),
], { message: 'Thao tác không hợp lệ.' });
export type DisposalActionInput = z.infer<typeof disposalAction>;
