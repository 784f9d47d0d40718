import { z } from 'zod';

/**
 * Inputs of management reviews (ISO 9001 §9.3; API.md Part D), checked at the edge. Which owner unit
 * and chair fit the agency, and which state allows what, is the service's.
 */
const MAX_ID = 2_147_483_647;
export const idParams = z.object({ id: z.coerce.number().int().positive().max(MAX_ID) });
const dbId = (label: string) => z.number({ message: `${label}: phải là mã số.` }).int(`${label}: phải là số nguyên.`).positive(`${label}: không hợp lệ.`).max(MAX_ID, `${label}: không hợp lệ.`);
const version = z.number({ message: 'Thiếu phiên bản (version) của bản ghi.' }).int().positive().max(MAX_ID);
const text = (label: string, max: number, min = 1) =>
  z.string({ message: `${label}: phải là chuỗi ký tự.` }).trim().min(min, `${label}: bắt buộc phải nhập (ít nhất ${min} ký tự).`).max(max, `${label}: tối đa ${max} ký tự.`);
const optText = (label: string, max: number) => z.string({ message: `${label}: phải là chuỗi ký tự.` }).trim().max(max, `${label}: tối đa ${max} ký tự.`);
const isoDay = (label: string) => z.string({ message: `${label}: ngày phải có dạng YYYY-MM-DD.` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: ngày phải có dạng YYYY-MM-DD.`)
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31' && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), `${label}: ngày không tồn tại hoặc ngoài khoảng 2000–2100.`);

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

export const versionBody = z.object({ version }).strict();

/** A steering notice's number and symbol, as the directives module registers it (e.g. "12/TB-SNV"). */
export const assignBody = z.object({
  version,
  number: text('Số, ký hiệu thông báo kết luận', 60).regex(/^[0-9]+\/[\p{L}0-9/.-]+$/u, 'Số, ký hiệu thông báo kết luận phải có dạng như 12/TB-SNV.'),
}).strict();
export type AssignInput = z.infer<typeof assignBody>;
