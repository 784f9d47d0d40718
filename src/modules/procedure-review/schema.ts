import { z } from 'zod';
import { idParam, idParams, isoDay, optText, text, version } from '../quality/schema.js';

/**
 * The inputs of every route of the module (issue 21; API.md), shared with the web app: keep this file
 * free of Node-only imports. The small pieces (ids, texts, days) are the quality module's, so a field
 * means the same everywhere.
 */
export { idParams };
const MAX_VND = 1_000_000_000_000; // a thousand billion đồng: above any fee, wage or yearly cost of one procedure
const year = z.coerce.number({ message: 'Năm không hợp lệ.' }).int('Năm phải là số nguyên.').min(2000, 'Năm phải từ 2000 đến 2100.').max(2100, 'Năm phải từ 2000 đến 2100.');
const vnd = (label: string) => z.number({ message: `${label}: phải là số tiền (đồng).` }).int(`${label}: phải là số đồng nguyên.`).min(0, `${label}: không được âm.`).max(MAX_VND, `${label}: quá lớn.`);
/** Hours with at most 2 decimals (0.25 h = 15 minutes), up to a working month. */
const hours = (label: string) => z.number({ message: `${label}: phải là số giờ.` }).min(0, `${label}: không được âm.`).max(744, `${label}: quá lớn.`)
  .refine((h) => Math.abs(Math.round(h * 100) - h * 100) < 1e-9, `${label}: tối đa 2 chữ số thập phân.`);
const times = (label: string) => z.number({ message: `${label}: phải là số lần.` }).min(0, `${label}: không được âm.`).max(1000, `${label}: quá lớn.`)
  .refine((h) => Math.abs(Math.round(h * 10000) - h * 10000) < 1e-9, `${label}: tối đa 4 chữ số thập phân.`);
const procedureCode = z.string({ message: 'Mã thủ tục phải là chuỗi ký tự.' }).trim().min(1, 'Chưa chọn thủ tục.').max(60, 'Mã thủ tục quá dài.');
const agencyUnitId = idParam;

export const defaultsSchema = z.strictObject({
  informationHours: hours('Thời gian tìm hiểu thủ tục'),
  formHours: hours('Thời gian điền một tờ khai, mẫu đơn'),
  documentHours: hours('Thời gian chuẩn bị một giấy tờ'),
  certifyHours: hours('Thời gian chứng thực một bản sao'),
  certifyVndPerCopy: vnd('Lệ phí chứng thực một bản sao'),
  copyVndPerCopy: vnd('Chi phí sao chụp một bản'),
  travelHours: hours('Thời gian đi lại một lượt'),
  waitingHours: hours('Thời gian chờ tại bộ phận một cửa'),
  travelVnd: vnd('Chi phí đi lại một lượt'),
  supplementHours: hours('Thời gian chuẩn bị hồ sơ bổ sung'),
});

export const yearParams = z.object({ year });
export const parametersBody = z.strictObject({
  monthlyIncomeVnd: vnd('Thu nhập bình quân một tháng').refine((v) => v > 0, 'Thu nhập bình quân một tháng: phải lớn hơn 0.'),
  workingDaysPerMonth: z.number({ message: 'Số ngày làm việc một tháng: phải là số.' }).int('Số ngày làm việc một tháng: phải là số nguyên.').min(1, 'Số ngày làm việc một tháng: từ 1 đến 31.').max(31, 'Số ngày làm việc một tháng: từ 1 đến 31.'),
  hoursPerDay: z.number({ message: 'Số giờ làm việc một ngày: phải là số.' }).int('Số giờ làm việc một ngày: phải là số nguyên.').min(1, 'Số giờ làm việc một ngày: từ 1 đến 24.').max(24, 'Số giờ làm việc một ngày: từ 1 đến 24.'),
  source: text('Nguồn số liệu thu nhập', 500),
  defaults: defaultsSchema,
  version: version.optional(),
});

const period = { from: isoDay('Từ ngày').optional(), to: isoDay('Đến ngày').optional() };
export const costsQuery = z.strictObject({
  unitId: idParam.optional(), ...period,
  sort: z.enum(['yearly', 'perDossier', 'supplementShare', 'lateRate'], { message: 'Tiêu chí xếp hạng phải là yearly, perDossier, supplementShare hoặc lateRate.' }).default('yearly'),
  limit: z.coerce.number().int().min(1, 'Số dòng tối thiểu là 1.').max(500, 'Tối đa 500 dòng.').default(100),
});
export const costParams = z.object({ code: procedureCode });
export const costQuery = z.strictObject({ unitId: idParam.optional(), ...period });

const estimate = z.strictObject({ hours: hours('Số giờ').optional(), times: times('Số lần').optional(), cashVnd: vnd('Chi phí').optional(), note: optText('Ghi chú ước tính', 1000).optional() });
const answer = z.strictObject({ choice: z.enum(['yes', 'no'], { message: 'Trả lời phải là Có hoặc Không.' }).optional(), text: optText('Nội dung trả lời', 4000).optional() });
const key = z.string().trim().min(1).max(100).regex(/^[a-z0-9_.:-]+$/i, 'Mã câu hỏi hoặc dòng chi phí không hợp lệ.');

export const reviewsQuery = z.strictObject({ unitId: idParam.optional(), year: year.optional(), status: z.enum(['draft', 'submitted', 'approved']).optional() });
export const reviewCreateBody = z.strictObject({ procedureCode, agencyUnitId, year, planItemId: idParam.optional() });
export const reviewUpdateBody = z.strictObject({
  answers: z.record(key, answer).refine((r) => Object.keys(r).length <= 100, 'Quá nhiều câu trả lời.'),
  estimates: z.record(key, estimate).refine((r) => Object.keys(r).length <= 300, 'Quá nhiều dòng ước tính.'),
  recommendation: z.enum(['keep', 'simplify', 'abolish'], { message: 'Kiến nghị phải là giữ nguyên, đơn giản hóa hoặc bãi bỏ.' }).nullable(),
  conclusion: optText('Kết luận', 8000).nullable(),
  version,
});
export const reviewActionBody = z.strictObject({ action: z.enum(['submit', 'approve', 'return'], { message: 'Thao tác phải là submit, approve hoặc return.' }), note: optText('Ghi chú', 2000).optional(), version });

const planItem = z.strictObject({ procedureCode, dueOn: isoDay('Hạn hoàn thành'), leadUnitId: idParam.optional() });
export const reviewPlansQuery = z.strictObject({ year: year.optional() });
export const reviewPlanCreateBody = z.strictObject({ agencyUnitId, year, title: text('Tên kế hoạch', 500, 3), items: z.array(planItem).max(500, 'Tối đa 500 thủ tục trong một kế hoạch.') });
export const reviewPlanUpdateBody = z.strictObject({ title: text('Tên kế hoạch', 500, 3), items: z.array(planItem).max(500, 'Tối đa 500 thủ tục trong một kế hoạch.'), version });
export const reviewPlanActionBody = z.strictObject({ action: z.literal('approve', { message: 'Thao tác phải là approve.' }), version });

export const planChangesSchema = z.strictObject({
  removeDocuments: z.array(text('Tên giấy tờ bỏ', 1000)).max(100).default([]),
  reuseDocuments: z.array(text('Tên giấy tờ khai thác dữ liệu', 1000)).max(100).default([]),
  onlineMode: z.enum(['full', 'partial'], { message: 'Mức trực tuyến phải là full hoặc partial.' }).optional(),
  timeLimit: z.strictObject({
    amount: z.number().int('Thời hạn phải là số nguyên.').positive('Thời hạn phải lớn hơn 0.').max(3650, 'Thời hạn quá dài.'),
    unit: z.enum(['working_days', 'calendar_days', 'working_hours'], { message: 'Đơn vị thời hạn không hợp lệ.' }),
  }).optional(),
  fees: z.array(z.strictObject({ name: text('Tên phí, lệ phí', 500), amountVnd: vnd('Mức thu mới') })).max(50).default([]),
});
export const plansQuery = z.strictObject({ unitId: idParam.optional(), year: year.optional(), status: z.enum(['draft', 'proposed', 'approved', 'rejected']).optional() });
export const planCreateBody = z.strictObject({ procedureCode, agencyUnitId, year, reviewId: idParam.optional(), title: text('Tên phương án', 500, 3), rationale: optText('Lý do, sự cần thiết', 8000).optional(), changes: planChangesSchema });
export const planUpdateBody = z.strictObject({ title: text('Tên phương án', 500, 3), rationale: optText('Lý do, sự cần thiết', 8000).nullable(), changes: planChangesSchema, version });
export const planActionBody = z.strictObject({ action: z.enum(['propose', 'approve', 'reject', 'return'], { message: 'Thao tác phải là propose, approve, reject hoặc return.' }), note: optText('Ghi chú', 2000).optional(), version });
export const planSummaryQuery = z.strictObject({ year });

export type ParametersBody = z.infer<typeof parametersBody>;
export type CostsQuery = z.infer<typeof costsQuery>;
export type CostQuery = z.infer<typeof costQuery>;
export type ReviewCreateBody = z.infer<typeof reviewCreateBody>;
export type ReviewUpdateBody = z.infer<typeof reviewUpdateBody>;
export type ReviewActionBody = z.infer<typeof reviewActionBody>;
export type ReviewPlanCreateBody = z.infer<typeof reviewPlanCreateBody>;
export type ReviewPlanUpdateBody = z.infer<typeof reviewPlanUpdateBody>;
export type PlanCreateBody = z.infer<typeof planCreateBody>;
export type PlanUpdateBody = z.infer<typeof planUpdateBody>;
export type PlanActionBody = z.infer<typeof planActionBody>;
