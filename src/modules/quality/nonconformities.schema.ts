import { z } from 'zod';
export { dbId, idParam, isoDay, optText, text, version } from './schema.js';
import { dbId, idParam, isoDay, optText, text, version } from './schema.js';
import type { NcSourceColumn, NcStatusColumn } from './quality.tables.js';

/**
 * Inputs of the nonconformities part (issue 20, API.md part C), checked at the edge, and the pieces the
 * audits and proposals parts build their bodies from. Which step fits which status and who may take it is
 * rules/corrective-actions.ts, applied by the service.
 */
export const boolQuery = z.enum(['true', 'false'], { message: 'Chỉ nhận true hoặc false.' }).transform((v) => v === 'true');

export const NC_STATUSES = ['open', 'action_planned', 'actions_done', 'verified_effective', 'closed'] as const satisfies readonly NcStatusColumn[];
export const NC_SOURCES = ['manual', 'audit', 'overdue', 'apology', 'supplement', 'complaint', 'inspection', 'objective'] as const satisfies readonly NcSourceColumn[];

export const ncListQuery = z.object({
  status: z.enum(NC_STATUSES, { message: 'Trạng thái: open, action_planned, actions_done, verified_effective hoặc closed.' }).optional(),
  source: z.enum(NC_SOURCES, { message: 'Nguồn phát hiện không hợp lệ.' }).optional(),
  /** What waits on the caller: what their unit owns or an action they own, or what they verify or close. */
  mine: boolQuery.optional(),
}).strict();
export type NcListQuery = z.infer<typeof ncListQuery>;

export const ncCreateBody = z.object({
  title: text('Tiêu đề sự không phù hợp', 500, 3),
  description: optText('Mô tả', 5000).optional(),
  ownerUnitId: dbId('Đơn vị chịu trách nhiệm khắc phục'),
  processId: dbId('Quy trình liên quan').optional(),
  procedureCode: z.string({ message: 'Phải là mã thủ tục hành chính.' }).trim().min(1, 'Bắt buộc nếu đã gửi.').max(40, 'Tối đa 40 ký tự.').optional(),
}).strict();
export type NcCreateInput = z.infer<typeof ncCreateBody>;

const actionBody = z.object({
  text: text('Nội dung hành động khắc phục', 2000, 3),
  ownerStaffId: dbId('Người thực hiện').optional(),
  dueOn: isoDay('Thời hạn hoàn thành'),
}).strict();

export const ncPlanBody = z.object({
  version,
  correction: optText('Biện pháp xử lý tức thời (khắc phục)', 5000).optional(),
  rootCause: text('Nguyên nhân', 5000, 3),
  actions: z.array(actionBody, { message: 'Danh sách hành động khắc phục không hợp lệ.' }).min(1, 'Phải có ít nhất một hành động khắc phục.').max(30, 'Tối đa 30 hành động khắc phục.'),
}).strict();
export type NcPlanInput = z.infer<typeof ncPlanBody>;

export const ncActionParams = z.object({ id: idParam, seq: idParam });
export const ncActionDoneBody = z.object({ version, note: optText('Kết quả thực hiện', 5000).optional() }).strict();
export type NcActionDoneInput = z.infer<typeof ncActionDoneBody>;

export const ncVerifyBody = z.object({
  version,
  result: z.enum(['effective', 'not_effective'], { message: 'Kết luận: effective (có hiệu lực) hoặc not_effective (không hiệu lực).' }),
  note: text('Nhận xét khi xác nhận hiệu lực', 5000, 3),
}).strict();
export type NcVerifyInput = z.infer<typeof ncVerifyBody>;

export { versionBody } from './schema.js';
