import { z } from 'zod';

/**
 * The small pieces every part's inputs are built from (issue 20), so a field means the same everywhere:
 * ids within PostgreSQL's integer, texts trimmed with their length named in Vietnamese, and days that
 * exist on the calendar.
 */
const MAX_INT4 = 2_147_483_647;
export const idParam = z.coerce.number({ message: 'Mã bản ghi không hợp lệ.' }).int('Mã bản ghi không hợp lệ.').positive('Mã bản ghi không hợp lệ.').max(MAX_INT4, 'Mã bản ghi không hợp lệ.');
export const idParams = z.object({ id: idParam });
export const dbId = (label: string) => z.number({ message: `${label}: phải là mã số của bản ghi.` }).int(`${label}: mã không hợp lệ.`).positive(`${label}: mã không hợp lệ.`).max(MAX_INT4, `${label}: mã không hợp lệ.`);
export const version = z.number({ message: 'Thiếu phiên bản (version) của bản ghi đã đọc.' }).int('Phiên bản phải là số nguyên.').positive('Phiên bản phải là số dương.').max(MAX_INT4, 'Phiên bản không hợp lệ.');
export const versionBody = z.object({ version }).strict();
export const text = (label: string, max: number, min = 1) =>
  z.string({ message: `${label}: phải là chuỗi ký tự.` }).trim().min(min, `${label}: bắt buộc phải nhập (ít nhất ${min} ký tự).`).max(max, `${label}: tối đa ${max.toLocaleString('vi-VN')} ký tự.`);
export const optText = (label: string, max: number) => z.string({ message: `${label}: phải là chuỗi ký tự.` }).trim().max(max, `${label}: tối đa ${max.toLocaleString('vi-VN')} ký tự.`);

/** Whether 'YYYY-MM-DD' is a day of the calendar ("2087-55-32" is not, and must not reach Date and throw). */
function isCalendarDay(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}
export const isoDay = (label: string) => z.string({ message: `${label}: ngày phải có dạng YYYY-MM-DD.` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: ngày phải có dạng YYYY-MM-DD.`)
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31' && isCalendarDay(d), `${label}: ngày không tồn tại hoặc ngoài khoảng 2000–2100.`);
