import { z } from 'zod';
import { PLAN_STATUSES, TOPICS } from './inspection-labels.js';
import { idParam, isoDay } from './schema.js';

/**
 * Inputs of inspection plans (issue 18 scope 1), checked at the edge. What may be done in which state is
 * plan-rules.ts; the checks that need the database (units, staff) are the service's.
 */
export const dbId = z.number().int().positive().max(2_147_483_647);
export const version = z.number().int().positive().max(2_147_483_647);
export const text = (label: string, max: number, min = 1) =>
  z.string().trim().min(min, `${label}: bắt buộc phải nhập (ít nhất ${min} ký tự).`).max(max, `${label}: tối đa ${max.toLocaleString('vi-VN')} ký tự.`);
export const optText = (label: string, max: number) => z.string().trim().max(max, `${label}: tối đa ${max.toLocaleString('vi-VN')} ký tự.`);
export const topicList = z.array(z.enum(TOPICS, { message: 'Nội dung thanh tra, kiểm tra không hợp lệ.' }))
  .min(1, 'Chọn ít nhất một nội dung thanh tra, kiểm tra.').max(10)
  .refine((ts) => new Set(ts).size === ts.length, 'Mỗi nội dung chỉ chọn một lần.');
export const listLimit = z.coerce.number().int().min(1).max(200).default(50);

const itemFields = {
  targetUnitId: dbId,
  topics: topicList,
  plannedFrom: isoDay('Dự kiến từ ngày'),
  plannedTo: isoDay('Dự kiến đến ngày'),
  leadStaffId: dbId.optional(),
  note: optText('Ghi chú', 2000).optional(),
};
export const planItemBody = z.object(itemFields).strict()
  .refine((i) => i.plannedTo >= i.plannedFrom, { message: 'Ngày kết thúc trước ngày bắt đầu.', path: ['plannedTo'] });
export type PlanItemInput = z.infer<typeof planItemBody>;

export const planCreateBody = z.object({
  inspectingUnitId: dbId,
  year: z.number({ message: 'Năm kế hoạch phải là một số.' }).int().min(2000, 'Năm kế hoạch từ 2000.').max(2100, 'Năm kế hoạch đến 2100.'),
  title: text('Tên kế hoạch', 300, 3),
  note: optText('Ghi chú', 4000).optional(),
  items: z.array(planItemBody).max(200, 'Một kế hoạch có tối đa 200 cuộc thanh tra, kiểm tra.').default([]),
}).strict();
export type PlanCreateInput = z.infer<typeof planCreateBody>;

export const planListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unitId: idParam.optional(),
  status: z.enum(PLAN_STATUSES, { message: 'Trạng thái không hợp lệ.' }).optional(),
  cursor: idParam.optional(),
  limit: listLimit,
});
export type PlanListQuery = z.infer<typeof planListQuery>;

const reason = optText('Lý do điều chỉnh', 2000).optional();

export const planAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('edit'), version, title: text('Tên kế hoạch', 300, 3).optional(), note: optText('Ghi chú', 4000).nullable().optional() }).strict()
    .refine((b) => b.title !== undefined || b.note !== undefined, { message: 'Không có gì thay đổi.', path: ['title'] }),
  z.object({ action: z.literal('add_item'), version, item: planItemBody, reason }).strict(),
  z.object({
    action: z.literal('update_item'), version, itemId: dbId, reason,
    changes: z.object({
      targetUnitId: dbId.optional(), topics: topicList.optional(), plannedFrom: isoDay('Dự kiến từ ngày').optional(), plannedTo: isoDay('Dự kiến đến ngày').optional(),
      leadStaffId: dbId.nullable().optional(), note: optText('Ghi chú', 2000).nullable().optional(),
    }).strict().refine((c) => Object.keys(c).length > 0, 'Không có gì thay đổi.'),
  }).strict(),
  z.object({ action: z.literal('remove_item'), version, itemId: dbId, reason }).strict(),
  z.object({ action: z.literal('approve'), version, decisionNo: text('Số quyết định phê duyệt', 60), decisionDate: isoDay('Ngày quyết định'), signer: text('Người ký', 200, 2) }).strict(),
]);
export type PlanActionInput = z.infer<typeof planAction>;
