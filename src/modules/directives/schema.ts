import { z } from 'zod';

/** A pasted directive: up to ~200,000 characters (a long plan is ~60,000). */
export const outlineBody = z.object({
  text: z.string({ message: 'Nội dung văn bản: bắt buộc phải nhập.' })
    .max(200_000, 'Nội dung văn bản quá dài (tối đa 200.000 ký tự).')
    .refine((t) => t.trim().length >= 20, 'Nội dung văn bản quá ngắn để đề xuất nhiệm vụ (ít nhất 20 ký tự).'),
});
export type OutlineBody = z.infer<typeof outlineBody>;

export const aliasBody = z.object({
  unitId: z.number().int().positive(),
  alias: z.string().trim().min(2, 'Tên gọi khác: ít nhất 2 ký tự.').max(300, 'Tên gọi khác: tối đa 300 ký tự.'),
  note: z.string().trim().max(500, 'Ghi chú: tối đa 500 ký tự.').nullish(),
});
export type AliasBody = z.infer<typeof aliasBody>;

export const aliasParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

// ---- documents and tasks (issue 15 items 1–3) ---------------------------------------------------
/** Decree 30/2020 Appendix III abbreviations of the types this module tracks; CV = công văn (no abbreviation in its number). */
export const DOC_TYPES = ['CT', 'KH', 'QĐ', 'CV', 'TB', 'NQ', 'CTr', 'CĐ', 'HD', 'ĐA'] as const;
export const DOC_TYPE_LABELS: Record<(typeof DOC_TYPES)[number], { vi: string; en: string }> = {
  CT: { vi: 'Chỉ thị', en: 'Directive' }, KH: { vi: 'Kế hoạch', en: 'Plan' }, QĐ: { vi: 'Quyết định', en: 'Decision' },
  CV: { vi: 'Công văn', en: 'Official letter' }, TB: { vi: 'Thông báo', en: 'Notice' }, NQ: { vi: 'Nghị quyết', en: 'Resolution' },
  CTr: { vi: 'Chương trình', en: 'Programme' }, CĐ: { vi: 'Công điện', en: 'Official dispatch' }, HD: { vi: 'Hướng dẫn', en: 'Guidance' },
  ĐA: { vi: 'Đề án', en: 'Scheme' },
};
export const RECURRENCES = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export const PRIORITIES = ['normal', 'high', 'urgent'] as const;

const isoDay = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: ngày phải có dạng YYYY-MM-DD.`)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), `${label}: ngày không tồn tại.`);
const id = z.number().int().positive().max(2_147_483_647);
const text = (label: string, max: number, min = 1) => z.string().trim().min(min, `${label}: bắt buộc phải nhập.`).max(max, `${label}: tối đa ${max.toLocaleString('vi-VN')} ký tự.`);
const fileRef = z.object({ key: z.string().regex(/^[0-9a-f]{64}$/, 'Mã tệp không hợp lệ.'), name: text('Tên tệp', 200) });

export const leadInput = z.union([
  z.object({ unitId: id }).strict(),
  z.object({ group: z.string().regex(/^[a-z][a-z_]{1,39}$/), unitIds: z.array(id).max(1000) }).strict(),
]);

export const taskDraft = z.object({
  ref: z.string().trim().max(20, 'Mục: tối đa 20 ký tự.').default(''),
  content: text('Nội dung nhiệm vụ', 20_000, 2),
  leads: z.array(leadInput).max(200),
  coordinatingUnitIds: z.array(id).max(200).default([]),
  /** A deadline day, or a number of working days from the day the document is registered. */
  dueOn: isoDay('Hạn hoàn thành').nullish(),
  dueInWorkingDays: z.number().int().min(1, 'Số ngày làm việc phải từ 1 trở lên.').max(365, 'Số ngày làm việc tối đa 365.').nullish(),
  recurrence: z.enum(RECURRENCES).nullish(),
  expectedOutput: z.string().trim().max(2000, 'Sản phẩm đầu ra: tối đa 2.000 ký tự.').nullish(),
  priority: z.enum(PRIORITIES).default('normal'),
}).refine((t) => !(t.dueOn && t.dueInWorkingDays), { message: 'Chỉ nhập hạn theo ngày hoặc theo số ngày làm việc, không nhập cả hai.', path: ['dueInWorkingDays'] })
  .refine((t) => !t.recurrence || t.dueOn, { message: 'Nhiệm vụ định kỳ cần hạn của lần đầu tiên.', path: ['dueOn'] });
export type TaskDraft = z.infer<typeof taskDraft>;

export const registerBody = z.object({
  docType: z.enum(DOC_TYPES, { message: 'Loại văn bản không hợp lệ.' }),
  number: text('Số, ký hiệu', 60).regex(/^[0-9]+\/[\p{L}0-9/.-]+$/u, 'Số, ký hiệu phải có dạng như 16/CT-UBND.'),
  issuer: text('Cơ quan ban hành', 300, 2),
  signer: z.string().trim().max(200, 'Người ký: tối đa 200 ký tự.').nullish(),
  signedOn: isoDay('Ngày ban hành'),
  subject: text('Trích yếu', 1000, 2),
  fields: z.array(text('Lĩnh vực', 100)).max(10).default([]),
  fullText: z.string().max(200_000, 'Nội dung văn bản quá dài (tối đa 200.000 ký tự).').default(''),
  ownerUnitId: id,
  /** The document of an agency's register (modules/registry) this one is registered from. */
  registryDocumentId: id.optional(),
  files: z.array(fileRef).max(20).default([]),
  tasks: z.array(taskDraft).max(500, 'Tối đa 500 mục nhiệm vụ mỗi lần.'),
});
export type RegisterBody = z.infer<typeof registerBody>;

export const addTasksBody = z.object({ version: z.number().int().min(1), tasks: z.array(taskDraft).min(1).max(500) });
export const editDocumentBody = z.object({
  version: z.number().int().min(1),
  subject: text('Trích yếu', 1000, 2).optional(),
  signer: z.string().trim().max(200).nullish(),
  fields: z.array(text('Lĩnh vực', 100)).max(10).optional(),
  status: z.enum(['active', 'closed']).optional(),
});
export type EditDocumentBody = z.infer<typeof editDocumentBody>;

export const documentParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const fileParams = documentParams.extend({ key: z.string().regex(/^[0-9a-f]{64}$/) });
export const boardQuery = z.object({ status: z.enum(['active', 'closed']).optional(), q: z.string().trim().max(200).optional() });

const version = z.number().int().min(1);
export const taskAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), version, staffId: id, note: z.string().trim().max(2000).nullish() }),
  z.object({ action: z.literal('progress'), version, percent: z.number().int().min(0, 'Tiến độ từ 0 đến 100%.').max(100, 'Tiến độ từ 0 đến 100%.'), note: text('Nội dung báo cáo', 5000), files: z.array(fileRef).max(10).default([]) }),
  z.object({ action: z.literal('request_completion'), version, note: text('Kết quả thực hiện', 5000), files: z.array(fileRef).max(10).default([]) }),
  z.object({ action: z.literal('approve'), version, note: z.string().trim().max(2000).nullish() }),
  z.object({ action: z.literal('return'), version, reason: text('Lý do trả lại', 2000) }),
  z.object({ action: z.literal('cancel'), version, reason: text('Lý do hủy', 2000) }),
  z.object({ action: z.literal('change_lead'), version, unitId: id, reason: text('Lý do chuyển đơn vị chủ trì', 2000) }),
  z.object({
    action: z.literal('edit'), version, reason: z.string().trim().max(2000).nullish(),
    content: text('Nội dung nhiệm vụ', 20_000, 2).optional(), dueOn: isoDay('Hạn hoàn thành').nullish(), recurrence: z.enum(RECURRENCES).nullish(),
    priority: z.enum(PRIORITIES).optional(), expectedOutput: z.string().trim().max(2000).nullish(), coordinatingUnitIds: z.array(id).max(200).optional(),
  }),
  z.object({ action: z.literal('note'), version, text: text('Ghi chú', 5000) }),
], { message: 'Thao tác không hợp lệ.' });
export type TaskActionInput = z.infer<typeof taskAction>;

export const taskParams = documentParams;
export const taskFileParams = fileParams;
export const taskListQuery = z.object({
  scope: z.enum(['mine', 'unit', 'all']).default('all'),
  documentId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  unitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  status: z.enum(['new', 'assigned', 'in_progress', 'completion_requested', 'completed', 'cancelled', 'open']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
export type TaskListQuery = z.infer<typeof taskListQuery>;
export const assigneesQuery = z.object({ unitId: z.coerce.number().int().positive().max(2_147_483_647) });

// ---- periodic implementation reports (issue 15 item 4) -----------------------------------------
export const PERIOD_KINDS = ['half', 'year', 'nine_months', 'quarter', 'month'] as const;
export const periodBody = z.object({
  kind: z.enum(PERIOD_KINDS, { message: 'Kỳ báo cáo không hợp lệ.' }),
  year: z.number().int().min(2000).max(2100),
  /** The quarter (1–4) or the month (1–12). */
  number: z.number().int().min(1).max(12).nullish(),
  dueOn: isoDay('Hạn gửi báo cáo').nullish(),
}).refine((p) => p.kind !== 'quarter' || (p.number != null && p.number <= 4), { message: 'Chọn quý từ 1 đến 4.', path: ['number'] })
  .refine((p) => p.kind !== 'month' || p.number != null, { message: 'Chọn tháng từ 1 đến 12.', path: ['number'] });
export type PeriodBody = z.infer<typeof periodBody>;
export const periodParams = z.object({ periodId: z.coerce.number().int().positive().max(2_147_483_647) });
export const unitReportParams = periodParams.extend({ unitId: z.coerce.number().int().positive().max(2_147_483_647) });
export const exportParams = periodParams.extend({ format: z.enum(['docx', 'pdf', 'xlsx']) });
export const unitReportBody = z.object({
  version: z.number().int().min(0),
  narrative: z.string().trim().max(20_000, 'Đánh giá chung: tối đa 20.000 ký tự.').default(''),
  difficulties: z.string().trim().max(10_000, 'Khó khăn, vướng mắc: tối đa 10.000 ký tự.').default(''),
  proposals: z.string().trim().max(10_000, 'Đề xuất, kiến nghị: tối đa 10.000 ký tự.').default(''),
  results: z.array(z.object({ taskId: id, result: z.string().trim().max(5000, 'Kết quả thực hiện: tối đa 5.000 ký tự.') })).max(2000).default([]),
  submit: z.boolean().default(false),
}).refine((r) => !r.submit || r.narrative.length > 0, { message: 'Đánh giá chung: bắt buộc khi gửi báo cáo.', path: ['narrative'] });
export type UnitReportBody = z.infer<typeof unitReportBody>;

export const groupParams = z.object({ key: z.string().regex(/^[a-z][a-z_]{1,39}$/) });
export const groupBody = z.object({
  label: text('Tên nhóm', 200, 2),
  unitKinds: z.array(z.string().regex(/^[a-z_]{2,40}$/)).min(1, 'Chọn ít nhất một loại đơn vị.').max(10),
  phrases: z.array(text('Cụm từ', 300, 2)).min(1, 'Nhập ít nhất một cụm từ.').max(30),
});
export type GroupBody = z.infer<typeof groupBody>;
