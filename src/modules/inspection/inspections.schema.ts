import { z } from 'zod';
import { CHECKLIST_CODES } from './checklist-rules.js';
import { FINDING_KINDS, INSPECTION_KINDS, INSPECTION_STATUSES, VERDICTS } from './inspection-labels.js';
import { dbId, listLimit, optText, text, topicList, version } from './plans.schema.js';
import { idParam, isoDay } from './schema.js';

/** Inputs of inspections, their record and their recommendations (issue 18 scope 1), checked at the edge. */
const teamList = z.array(z.object({ staffId: dbId, role: z.enum(['lead', 'member'], { message: 'Vai trò trong đoàn: trưởng đoàn hoặc thành viên.' }) }).strict())
  .min(1, 'Đoàn cần ít nhất một người.').max(20, 'Đoàn tối đa 20 người.')
  .refine((ms) => ms.filter((m) => m.role === 'lead').length === 1, 'Đoàn có đúng một trưởng đoàn.')
  .refine((ms) => new Set(ms.map((m) => m.staffId)).size === ms.length, 'Một người chỉ có một vai trò trong đoàn.');

const checklistCode = z.string().refine((c) => CHECKLIST_CODES.includes(c), 'Mục kiểm tra không có trong danh mục.');
const findingKind = z.enum(FINDING_KINDS, { message: 'Loại vi phạm, tồn tại không hợp lệ.' });

const decision = { decisionNo: text('Số quyết định thanh tra, kiểm tra', 60).optional(), decisionDate: isoDay('Ngày quyết định').optional() };
const periods = {
  onSiteFrom: isoDay('Làm việc tại đơn vị từ ngày'), onSiteTo: isoDay('Làm việc tại đơn vị đến ngày'),
  coversFrom: isoDay('Thời kỳ thanh tra, kiểm tra từ ngày'), coversTo: isoDay('Thời kỳ thanh tra, kiểm tra đến ngày'),
};
type Dated = { decisionNo?: string | undefined; decisionDate?: string | undefined; onSiteFrom?: string | undefined; onSiteTo?: string | undefined; coversFrom?: string | undefined; coversTo?: string | undefined };
/** Refinements every shape with these fields shares: a decision has both its number and date; periods run forward. */
const datesHold = <T extends z.ZodType<Dated>>(s: T) => s
  .refine((b) => (b.decisionNo === undefined) === (b.decisionDate === undefined), { message: 'Số và ngày quyết định đi cùng nhau.', path: ['decisionDate'] })
  .refine((b) => !b.onSiteFrom || !b.onSiteTo || b.onSiteTo >= b.onSiteFrom, { message: 'Ngày kết thúc trước ngày bắt đầu.', path: ['onSiteTo'] })
  .refine((b) => !b.coversFrom || !b.coversTo || b.coversTo >= b.coversFrom, { message: 'Ngày kết thúc trước ngày bắt đầu.', path: ['coversTo'] });

export const inspectionCreateBody = z.discriminatedUnion('kind', [
  datesHold(z.object({
    kind: z.literal('planned'), planItemId: dbId, topics: topicList.optional(), ...decision,
    // The plan's period is indicative: the days at the unit default to it.
    onSiteFrom: periods.onSiteFrom.optional(), onSiteTo: periods.onSiteTo.optional(), coversFrom: periods.coversFrom, coversTo: periods.coversTo, team: teamList,
  }).strict()),
  datesHold(z.object({
    kind: z.literal('surprise'), inspectingUnitId: dbId, targetUnitId: dbId, topics: topicList, surpriseReason: text('Lý do thanh tra, kiểm tra đột xuất', 2000, 3),
    triggerRef: optText('Số tham chiếu nguồn', 100).optional(), ...decision, ...periods, team: teamList,
  }).strict()),
]);
export type InspectionCreateInput = z.infer<typeof inspectionCreateBody>;

export const inspectionListQuery = z.object({
  status: z.enum(INSPECTION_STATUSES, { message: 'Trạng thái không hợp lệ.' }).optional(),
  kind: z.enum(INSPECTION_KINDS, { message: 'Loại không hợp lệ.' }).optional(),
  unitId: idParam.optional(),
  targetUnitId: idParam.optional(),
  planId: idParam.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** `team`: those one is on; `inspecting`: of the units one reads as inspector; `inspected`: concluded ones about one's units. */
  scope: z.enum(['team', 'inspecting', 'inspected'], { message: 'Phạm vi không hợp lệ.' }).optional(),
  cursor: idParam.optional(),
  limit: listLimit,
});
export type InspectionListQuery = z.infer<typeof inspectionListQuery>;

const recommendation = z.object({
  text: text('Nội dung kiến nghị', 4000, 3),
  responsibleUnitId: dbId.optional(),
  dueOn: isoDay('Hạn thực hiện').optional(),
  dueWorkingDays: z.number({ message: 'Số ngày làm việc phải là một số.' }).int().min(1, 'Ít nhất 1 ngày làm việc.').max(365, 'Tối đa 365 ngày làm việc.').optional(),
}).strict().refine((r) => (r.dueOn === undefined) !== (r.dueWorkingDays === undefined), { message: 'Nêu hạn thực hiện: một ngày cụ thể hoặc số ngày làm việc kể từ ngày kết luận.', path: ['dueOn'] });

export const inspectionAction = z.discriminatedUnion('action', [
  datesHold(z.object({
    action: z.literal('edit'), version, ...decision, onSiteFrom: periods.onSiteFrom.optional(), onSiteTo: periods.onSiteTo.optional(),
    coversFrom: periods.coversFrom.optional(), coversTo: periods.coversTo.optional(), topics: topicList.optional(),
  }).strict()),
  z.object({ action: z.literal('set_team'), version, members: teamList }).strict(),
  z.object({ action: z.literal('start'), version, on: isoDay('Ngày công bố quyết định, bắt đầu làm việc') }).strict(),
  z.object({ action: z.literal('refresh_checklist'), version }).strict(),
  z.object({
    action: z.literal('set_verdicts'), version,
    items: z.array(z.object({ code: checklistCode, verdict: z.enum(VERDICTS, { message: 'Đánh giá: đạt, có vi phạm hoặc chưa kiểm tra.' }), note: optText('Ghi chú', 4000).nullable().optional() }).strict())
      .min(1).max(CHECKLIST_CODES.length).refine((is) => new Set(is.map((i) => i.code)).size === is.length, 'Mỗi mục chỉ đánh giá một lần.'),
  }).strict(),
  z.object({ action: z.literal('add_finding'), version, kind: findingKind, description: text('Nội dung vi phạm, tồn tại', 8000, 3), staffId: dbId.optional(), checklistCode: checklistCode.optional() }).strict(),
  z.object({
    action: z.literal('update_finding'), version, findingId: dbId, kind: findingKind.optional(), description: text('Nội dung vi phạm, tồn tại', 8000, 3).optional(),
    staffId: dbId.nullable().optional(), checklistCode: checklistCode.nullable().optional(),
  }).strict(),
  z.object({ action: z.literal('remove_finding'), version, findingId: dbId }).strict(),
  z.object({
    action: z.literal('conclude'), version, conclusionNo: text('Số kết luận', 60), conclusionDate: isoDay('Ngày kết luận'), signer: text('Người ký kết luận', 200, 2).optional(),
    summary: text('Nội dung kết luận', 20_000, 5), recommendations: z.array(recommendation).max(50, 'Tối đa 50 kiến nghị.').default([]),
  }).strict(),
  z.object({ action: z.literal('cancel'), version, reason: text('Lý do hủy', 2000, 3) }).strict(),
]);
export type InspectionActionInput = z.infer<typeof inspectionAction>;

export const recommendationAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('report'), version, text: text('Kết quả thực hiện', 4000, 3), on: isoDay('Ngày báo cáo').optional() }).strict(),
  z.object({ action: z.literal('accept'), version, on: isoDay('Ngày đánh giá hoàn thành'), note: optText('Ghi chú', 4000).optional() }).strict(),
  z.object({ action: z.literal('return'), version, reason: text('Lý do trả lại', 4000, 3) }).strict(),
]);
export type RecommendationActionInput = z.infer<typeof recommendationAction>;
