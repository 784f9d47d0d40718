import { z } from 'zod';
export { idParams } from './schema.js';
import { dbId, isoDay, optText, text, version } from './schema.js';

/**
 * Inputs of management reviews (ISO 9001 §9.3; API.md Part D), checked at the edge. Which owner unit
 * and chair fit the agency, and which state allows what, is the service's.
 */

export const reviewCreateBody = z.object({
  heldOn: isoDay('Ngày họp xem xét'),
  chairStaffId: dbId('Người chủ trì').optional(),
  attendees: optText('Thành phần tham dự', 4000).optional(),
  /** The year whose objectives, audits and nonconformities the meeting reviews; by default the meeting's. */
  year: z.number({ message: 'Năm được xem xét phải là một số.' }).int('Năm được xem xét phải là số nguyên.').min(2000, 'Năm được xem xét từ 2000.').max(2100, 'Năm được xem xét đến 2100.').optional(),
}).strict();
export type ReviewCreateInput = z.infer<typeof reviewCreateBody>;

/** ISO 9001 §9.3.3: each decision is a task with one owner unit and a due day. */
const decision = z.object({
  text: text('Nội dung kết luận', 2000, 3),
  ownerUnitId: dbId('Đơn vị thực hiện'),
  dueOn: isoDay('Hạn hoàn thành'),
}, { message: 'Mỗi kết luận gồm nội dung (text), đơn vị thực hiện (ownerUnitId) và hạn (dueOn).' }).strict();

export const reviewUpdateBody = z.object({
  version,
  attendees: optText('Thành phần tham dự', 4000).optional(),
  minutes: optText('Biên bản cuộc họp', 50_000).optional(),
  decisions: z.array(decision, { message: 'Các kết luận phải là một danh sách.' }).max(100, 'Tối đa 100 kết luận.').optional(),
  chairStaffId: dbId('Người chủ trì').nullable().optional(),
}).strict();
export type ReviewUpdateInput = z.infer<typeof reviewUpdateBody>;

export { versionBody } from './schema.js';

/** A steering notice's number and symbol, as the directives module registers it (e.g. "12/TB-SNV"). */
export const assignBody = z.object({
  version,
  number: text('Số, ký hiệu thông báo kết luận', 60).regex(/^[0-9]+\/[\p{L}0-9/.-]+$/u, 'Số, ký hiệu thông báo kết luận phải có dạng như 12/TB-SNV.'),
}).strict();
export type AssignInput = z.infer<typeof assignBody>;
