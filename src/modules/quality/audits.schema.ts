import { z } from 'zod';
import { dbId, idParam, isoDay, optText, text, version } from './nonconformities.schema.js';

/** Inputs of the internal audits part (issue 20, API.md part C; ISO 9001 §9.2), checked at the edge. */
const year = z.number({ message: 'Năm đánh giá phải là một số.' }).int('Năm phải là số nguyên.').min(2000, 'Năm từ 2000.').max(2100, 'Năm đến 2100.');
const clause = optText('Điều khoản của tiêu chuẩn', 20);
const ids = (label: string, max: number) => z.array(dbId(label), { message: `${label}: danh sách mã không hợp lệ.` }).max(max, `${label}: tối đa ${max}.`)
  .refine((l) => new Set(l).size === l.length, `${label}: mỗi mã chỉ chọn một lần.`);

export const AUDIT_ITEM_RESULTS = ['conform', 'nonconformity', 'observation', 'na'] as const;
export const FINDING_KINDS = ['nonconformity', 'observation'] as const;

const itemBody = z.object({
  processId: dbId('Quy trình').optional(),
  clause: clause.optional(),
  question: text('Nội dung kiểm tra', 1000, 3),
}).strict();

export const auditListQuery = z.object({
  year: z.coerce.number({ message: 'Năm phải là một số.' }).int('Năm phải là số nguyên.').min(2000, 'Năm từ 2000.').max(2100, 'Năm đến 2100.').optional(),
}).strict();

export const auditCreateBody = z.object({
  year,
  title: text('Tên cuộc đánh giá', 300, 3),
  plannedFrom: isoDay('Ngày bắt đầu dự kiến'),
  plannedTo: isoDay('Ngày kết thúc dự kiến'),
  criteria: optText('Chuẩn mực đánh giá', 5000).optional(),
  processIds: ids('Quy trình được đánh giá', 200).refine((l) => l.length > 0, 'Chọn ít nhất một quy trình được đánh giá.'),
  leadStaffId: dbId('Trưởng đoàn đánh giá'),
  memberStaffIds: ids('Thành viên đoàn đánh giá', 30).optional(),
  items: z.array(itemBody, { message: 'Danh mục câu hỏi kiểm tra không hợp lệ.' }).max(300, 'Tối đa 300 câu hỏi kiểm tra.').optional(),
}).strict().refine((b) => b.plannedFrom <= b.plannedTo, { message: 'Ngày kết thúc dự kiến không được trước ngày bắt đầu.', path: ['plannedTo'] });
export type AuditCreateInput = z.infer<typeof auditCreateBody>;

export const auditItemBody = z.object({ version, question: text('Nội dung kiểm tra', 1000, 3), clause: clause.optional(), processId: dbId('Quy trình').optional() }).strict();
export type AuditItemInput = z.infer<typeof auditItemBody>;

export const auditItemParams = z.object({ id: idParam, seq: idParam });
export const auditItemResultBody = z.object({
  version,
  result: z.enum(AUDIT_ITEM_RESULTS, { message: 'Kết quả: conform (phù hợp), nonconformity (không phù hợp), observation (điểm lưu ý) hoặc na (không áp dụng).' }),
  evidenceNote: optText('Bằng chứng đánh giá', 5000).optional(),
}).strict();
export type AuditItemResultInput = z.infer<typeof auditItemResultBody>;

export const auditFindingBody = z.object({
  version,
  kind: z.enum(FINDING_KINDS, { message: 'Loại phát hiện: nonconformity (không phù hợp) hoặc observation (điểm lưu ý).' }),
  clause: clause.optional(),
  processId: dbId('Quy trình').optional(),
  description: text('Mô tả phát hiện', 5000, 3),
  evidence: optText('Bằng chứng', 5000).optional(),
  itemSeq: dbId('Câu hỏi kiểm tra').optional(),
  ownerUnitId: dbId('Đơn vị chịu trách nhiệm khắc phục').optional(),
}).strict().refine((b) => b.kind !== 'nonconformity' || b.ownerUnitId !== undefined, { message: 'Phát hiện không phù hợp phải chỉ định đơn vị chịu trách nhiệm khắc phục.', path: ['ownerUnitId'] });
export type AuditFindingInput = z.infer<typeof auditFindingBody>;

export const auditReportBody = z.object({ version, summary: text('Tóm tắt báo cáo đánh giá', 20000, 3) }).strict();
export type AuditReportInput = z.infer<typeof auditReportBody>;
