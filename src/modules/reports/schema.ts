import { z } from 'zod';
import { dbDate } from '../../platform/http/bounds.js';
import { II06A_COLUMNS } from './rules/ii06a-columns.js';

/** Query and answer shapes of the reports API (issue 13 contract), shared with the web app. */
export const GROUP_BY = ['unit', 'field', 'procedure'] as const;

/** A unit's e-ID (mã định danh), as every report query names a unit. */
export const agencyCode = z.string().trim().min(1).max(35).regex(/^[0-9A-Z.]+$/, 'Mã định danh đơn vị chỉ gồm chữ in hoa, chữ số và dấu chấm');

export const ii06aQuery = z.strictObject({
  from: dbDate('Ngày bắt đầu kỳ báo cáo phải có dạng YYYY-MM-DD'),
  to: dbDate('Ngày kết thúc kỳ báo cáo phải có dạng YYYY-MM-DD'),
  unit: agencyCode.optional(),
  groupBy: z.enum(GROUP_BY, { error: 'Nhóm theo: unit (đơn vị), field (lĩnh vực) hoặc procedure (thủ tục)' }).default('unit'),
  format: z.enum(['json', 'xlsx', 'pdf'], { error: 'Định dạng: json, xlsx hoặc pdf' }).default('json'),
});
export type Ii06aQuery = z.infer<typeof ii06aQuery>;

/** A period and a unit subtree (the caller's reach when absent): the service index and the dashboard. */
export const unitPeriodQuery = z.strictObject({
  from: dbDate('Ngày bắt đầu kỳ báo cáo phải có dạng YYYY-MM-DD'),
  to: dbDate('Ngày kết thúc kỳ báo cáo phải có dạng YYYY-MM-DD'),
  unit: agencyCode.optional(),
});

export const periodsQuery = z.strictObject({
  year: z.coerce.number({ error: 'Năm phải là số' }).int('Năm phải là số nguyên').min(2000, 'Năm từ 2000 đến 2100').max(2100, 'Năm từ 2000 đến 2100'),
});

export type Ii06aFigures = {
  received: { total: number; online: number; direct: number; carriedOver: number };
  completed: { total: number; early: number; onTime: number; late: number };
  inProgress: { total: number; withinDeadline: number; overdue: number };
  /** In progress at the end of the period and paused for a supplement (included in inProgress). */
  awaitingSupplement: number;
  /** Withdrawn at the applicant's request during the period (included in completed and in onTime). */
  withdrawn: number;
  /** Ratings given in the period of the row's dossiers: % satisfied or very satisfied (docs/reports.md); null with no rating. */
  satisfactionRate: number | null;
};

export type Ii06aRow = Ii06aFigures & { key: string; name: string };

export type PeriodView = { kind: string; code: string; label: { vi: string; en: string }; from: string; to: string };

export type Ii06aReport = {
  form: 'II.06a';
  period: PeriodView;
  unit: { code: string | null; name: string };
  groupBy: (typeof GROUP_BY)[number];
  /** The read model is written in the events' own transaction: it is current as of the answer. */
  asOf: string;
  rows: Ii06aRow[];
  totals: Ii06aFigures;
};

/** Form II.07b: the catalogue as in force on the period's last day (`from` names the period only). */
export const ii07bQuery = z.strictObject({
  from: dbDate('Ngày bắt đầu kỳ báo cáo phải có dạng YYYY-MM-DD'),
  to: dbDate('Ngày kết thúc kỳ báo cáo phải có dạng YYYY-MM-DD'),
  format: z.enum(['json', 'xlsx', 'pdf'], { error: 'Định dạng: json, xlsx hoặc pdf' }).default('json'),
});
export type Ii07bQuery = z.infer<typeof ii07bQuery>;

/** The dossiers behind one figure of II.06a (`key`: the row; without it, the total). */
export const ii06aDossiersQuery = z.strictObject({
  from: dbDate('Ngày bắt đầu kỳ báo cáo phải có dạng YYYY-MM-DD'),
  to: dbDate('Ngày kết thúc kỳ báo cáo phải có dạng YYYY-MM-DD'),
  unit: agencyCode.optional(),
  groupBy: z.enum(GROUP_BY, { error: 'Nhóm theo: unit (đơn vị), field (lĩnh vực) hoặc procedure (thủ tục)' }).default('unit'),
  key: z.string().trim().max(60, 'Mã dòng tối đa 60 ký tự').optional(),
  column: z.enum(II06A_COLUMNS, { error: 'Cột không có trong biểu II.06a' }),
  page: z.coerce.number({ error: 'Trang phải là số' }).int('Trang phải là số nguyên').min(1, 'Trang từ 1').max(100_000, 'Trang tối đa 100.000').default(1),
  limit: z.coerce.number({ error: 'Số dòng phải là số' }).int('Số dòng phải là số nguyên').min(1, 'Ít nhất 1 dòng').max(200, 'Tối đa 200 dòng một trang').default(50),
});
export type Ii06aDossiersQuery = z.infer<typeof ii06aDossiersQuery>;

/** A kept report's file (GET /reports/archive/:id/:format). */
export const archiveFileParams = z.strictObject({
  id: z.coerce.number({ error: 'Mã báo cáo phải là số' }).int('Mã báo cáo phải là số nguyên').min(1, 'Mã báo cáo từ 1').max(2_147_483_647, 'Mã báo cáo quá lớn'),
  format: z.enum(['xlsx', 'pdf'], { error: 'Định dạng: xlsx hoặc pdf' }),
});
