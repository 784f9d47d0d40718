import { z } from 'zod';
import { dbDate, dbPositiveInt } from '../../platform/http/bounds.js';
import { definitionSchema } from './rules/service-index.js';
import { unitPeriodQuery } from './schema.js';

/** Query and body shapes of the service-index API (issue 13 contract; docs/reports.md "Chỉ số phục vụ"). */
export const serviceIndexQuery = unitPeriodQuery;
export type ServiceIndexQuery = z.infer<typeof serviceIndexQuery>;

export const serviceIndexDossiersQuery = serviceIndexQuery.extend({
  indicator: z.string().trim().min(1, 'Thiếu mã chỉ tiêu').max(20, 'Mã chỉ tiêu dài tối đa 20 ký tự'),
  /** Only the dossiers in the numerator (true) or only those outside it (false); both when absent. */
  counted: z.enum(['true', 'false'], { error: 'counted phải là true hoặc false' }).transform((v) => v === 'true').optional(),
  page: dbPositiveInt('Trang phải là số nguyên dương').default(1),
  limit: z.coerce.number({ error: 'Số dòng mỗi trang phải là số' }).int('Số dòng mỗi trang phải là số nguyên').min(1, 'Số dòng mỗi trang từ 1 đến 200').max(200, 'Số dòng mỗi trang từ 1 đến 200').default(50),
});
export type ServiceIndexDossiersQuery = z.infer<typeof serviceIndexDossiersQuery>;

export const versionParams = z.strictObject({ effectiveFrom: dbDate('Ngày hiệu lực phải có dạng YYYY-MM-DD') });

/** A new version, or the replacement of the version with the same effective date (`revision`: the one replaced). */
export const versionBody = z.strictObject({
  revision: z.number({ error: 'revision phải là số (phiên bản đang thay thế) hoặc null khi thêm mới' }).int().min(1).max(2_147_483_647).nullable().default(null),
  definition: definitionSchema,
});
export type VersionBody = z.infer<typeof versionBody>;
