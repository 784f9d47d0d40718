import { z } from 'zod';
import { ROLES } from '../../platform/access/policy.js';
import { POSITION_CATEGORIES } from './rules/positions.js';
import type { PersonRecord } from './record-fields.js';

/**
 * Inputs of the personnel module (issue 17), checked at the edge. Messages name the field in Vietnamese;
 * the meaning (who may do what, in which state) is the service's and the rules'.
 */
export const idParam = z.coerce.number().int().positive().max(2_147_483_647);
const id = z.number().int().positive().max(2_147_483_647);
const version = z.number().int().positive().max(2_147_483_647);
const text = (label: string, max: number, min = 1) =>
  z.string().trim().min(min, `${label}: bắt buộc phải nhập.`).max(max, `${label}: tối đa ${max.toLocaleString('vi-VN')} ký tự.`);
const optText = (label: string, max: number) => z.string().trim().max(max, `${label}: tối đa ${max.toLocaleString('vi-VN')} ký tự.`);
export const isoDay = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: ngày phải có dạng YYYY-MM-DD.`)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d) && d >= '1900-01-01' && d <= '2100-12-31', `${label}: ngày không tồn tại.`);
const month = (label: string) => z.string().regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, `${label}: tháng phải có dạng YYYY-MM.`);
const count = (label: string) => z.number({ message: `${label}: phải là một số.` }).int(`${label}: phải là số nguyên.`).min(0, `${label}: không được âm.`).max(10_000, `${label}: tối đa 10.000.`);
const points = (label: string) => z.number({ message: `${label}: phải là một số.` }).finite().min(0, `${label}: không được âm.`).max(1000, `${label}: tối đa 1.000.`);

// ---- job-position schemes ----
export const schemePosition = z.object({
  code: z.string().trim().regex(/^[\p{L}0-9._-]{1,20}$/u, 'Mã vị trí: 1–20 chữ, số, dấu chấm, gạch.'),
  name: text('Tên vị trí', 300, 2),
  category: z.enum(POSITION_CATEGORIES, { message: 'Nhóm vị trí không hợp lệ (lãnh đạo, chuyên môn, hỗ trợ).' }),
  gradeCode: optText('Mã ngạch', 20).default(''),
  gradeName: optText('Ngạch', 100).default(''),
  description: optText('Mô tả công việc', 4000).default(''),
  competencies: optText('Khung năng lực', 4000).default(''),
  quota: count('Số lượng người làm việc'),
}).strict();
export type SchemePosition = z.infer<typeof schemePosition>;
const positions = z.array(schemePosition).min(1, 'Đề án cần ít nhất một vị trí việc làm.').max(300, 'Tối đa 300 vị trí.')
  .refine((ps) => new Set(ps.map((p) => p.code.toLowerCase())).size === ps.length, 'Mã vị trí bị trùng trong đề án.');

export const schemeCreateBody = z.object({ unitId: id, effectiveFrom: isoDay('Ngày hiệu lực'), positions: positions.optional() }).strict();
export const schemeEditBody = z.object({ version, effectiveFrom: isoDay('Ngày hiệu lực').optional(), positions: positions.optional() }).strict();
export const versionBody = z.object({ version }).strict();
export const appraiseBody = z.object({ version, outcome: z.enum(['agree', 'return'], { message: 'Kết quả thẩm định: đồng ý hoặc trả lại.' }), note: optText('Ý kiến thẩm định', 4000).default('') }).strict()
  .refine((b) => b.outcome === 'agree' || b.note.length >= 3, { message: 'Trả lại đề án cần nêu lý do.', path: ['note'] });
export const approveBody = z.object({ version, decisionNo: text('Số quyết định', 60), decisionDate: isoDay('Ngày quyết định'), signer: text('Người ký', 200) }).strict();
export const dayQuery = z.object({ day: isoDay('Ngày').optional(), unitId: idParam.optional() });

// ---- the record ----
const t = (label: string, max = 300) => optText(label, max).optional();
const day = (label: string) => isoDay(label).optional();
const trainingRow = z.object({ institution: text('Cơ sở đào tạo', 300), major: optText('Chuyên ngành', 300).default(''), from: month('Từ tháng'), to: month('Đến tháng'), form: optText('Hình thức', 100).default(''), diploma: optText('Văn bằng', 200).default('') }).strict();
const careerRow = z.object({ from: month('Từ tháng'), to: month('Đến tháng').nullable().default(null), post: text('Chức danh, chức vụ', 300), unit: text('Đơn vị công tác', 300) }).strict();
const familyRow = z.object({
  side: z.enum(['own', 'spouse'], { message: 'Quan hệ: bên bản thân hoặc bên vợ/chồng.' }), relation: text('Quan hệ', 50), fullName: text('Họ và tên', 200),
  birthYear: z.number().int().min(1880, 'Năm sinh không hợp lệ.').max(2100, 'Năm sinh không hợp lệ.').nullable().default(null),
  occupation: optText('Nghề nghiệp', 300).default(''), workplace: optText('Nơi công tác', 300).default(''), address: optText('Nơi ở', 300).default(''),
}).strict();
const salaryRow = z.object({
  month: month('Tháng, năm'), gradeCode: text('Mã ngạch', 20), gradeName: optText('Ngạch', 100).default(''), step: z.number().int().min(1, 'Bậc lương từ 1.').max(20, 'Bậc lương tối đa 20.'),
  coefficient: z.number().finite().min(0.5, 'Hệ số lương không hợp lệ.').max(15, 'Hệ số lương không hợp lệ.'), positionAllowance: z.number().finite().min(0).max(5).nullable().default(null),
  otherAllowances: optText('Phụ cấp khác', 300).default(''), nextStepOn: isoDay('Ngày nâng bậc tiếp theo').nullable().default(null),
}).strict();
const awardRow = z.object({ on: isoDay('Ngày khen thưởng'), form: text('Hình thức khen thưởng', 300), decisionNo: optText('Số quyết định', 60).default('') }).strict();
const disciplineRow = z.object({ on: isoDay('Ngày kỷ luật'), form: text('Hình thức kỷ luật', 300), decisionNo: optText('Số quyết định', 60).default(''), until: isoDay('Thời hạn').nullable().default(null) }).strict();

const recordShape = {
  fullNameAtBirth: t('Họ và tên khai sinh', 200), otherNames: t('Tên gọi khác', 200), birthDate: day('Ngày sinh'),
  sex: z.enum(['male', 'female'], { message: 'Giới tính: nam hoặc nữ.' }).optional(), birthPlace: t('Nơi sinh'), homeTown: t('Quê quán'),
  ethnicity: t('Dân tộc', 50), religion: t('Tôn giáo', 100), permanentAddress: t('Nơi đăng ký thường trú'), currentAddress: t('Nơi ở hiện nay'),
  idNumber: z.string().trim().regex(/^\d{12}$/, 'Số CCCD gồm 12 chữ số.').optional(), idIssuedOn: day('Ngày cấp CCCD'), socialInsuranceNo: t('Số sổ BHXH', 20), phone: t('Điện thoại', 20),
  occupationWhenRecruited: t('Nghề nghiệp khi được tuyển dụng'), recruitingBody: t('Cơ quan tuyển dụng'), mainDuties: t('Công việc chính được giao', 2000),
  generalEducation: t('Giáo dục phổ thông', 20), highestQualification: t('Trình độ chuyên môn cao nhất'), politicalTheory: t('Lý luận chính trị', 100),
  stateManagement: t('Quản lý nhà nước', 100), foreignLanguage: t('Ngoại ngữ', 200), itSkill: t('Tin học', 200),
  partyJoinedOn: day('Ngày vào Đảng'), partyOfficialOn: day('Ngày chính thức'), organisationJoinedOn: day('Ngày tham gia tổ chức chính trị - xã hội'),
  militaryFrom: day('Ngày nhập ngũ'), militaryTo: day('Ngày xuất ngũ'), militaryRank: t('Quân hàm', 100), highestTitle: t('Danh hiệu', 200),
  strengths: t('Sở trường', 500), health: t('Sức khỏe', 200), policyFamily: t('Gia đình chính sách', 200), personalHistory: t('Đặc điểm lịch sử bản thân', 4000),
  training: z.array(trainingRow).max(50).optional(), career: z.array(careerRow).max(80).optional(), family: z.array(familyRow).max(40).optional(),
  salary: z.array(salaryRow).max(80).optional(), awards: z.array(awardRow).max(80).optional(), discipline: z.array(disciplineRow).max(40).optional(),
};
export const recordBody: z.ZodType<PersonRecord> = z.object(recordShape).strict() as never;
/** A change sets some fields; null clears one. */
export const changeSet = z.object(Object.fromEntries(Object.entries(recordShape).map(([k, v]) => [k, (v as z.ZodOptional<z.ZodType>).unwrap().nullable().optional()]))).strict()
  .refine((s) => Object.keys(s).length > 0, 'Đề nghị thay đổi cần ít nhất một trường.');

export const personCreateBody = z.object({ staffId: id, civilServantNo: optText('Số hiệu công chức', 30).optional(), recruitedOn: isoDay('Ngày tuyển dụng'), record: recordBody.default({}) }).strict();
export const peopleQuery = z.object({ unitId: idParam.optional(), q: optText('Từ khóa', 100).optional(), page: z.coerce.number().int().min(1).max(10_000).default(1) });
export const viewQuery = z.object({ reason: z.string().trim().min(5, 'Lý do xem hồ sơ: ít nhất 5 ký tự.').max(500, 'Lý do xem hồ sơ: tối đa 500 ký tự.').optional() });
export const changeBody = z.object({ set: changeSet, reason: text('Lý do thay đổi', 2000, 3) }).strict();
export const decideBody = z.object({ decision: z.enum(['approve', 'reject', 'withdraw'], { message: 'Quyết định: phê duyệt, từ chối hoặc rút.' }), note: optText('Ghi chú', 2000).default('') }).strict();
export const changesQuery = z.object({ status: z.enum(['proposed', 'approved', 'rejected', 'withdrawn']).default('proposed') });

export const movementBody = z.object({
  version,
  kind: z.enum(['appointment', 'secondment', 'transfer', 'retirement', 'leaving'], { message: 'Loại biến động không hợp lệ.' }),
  on: isoDay('Ngày có hiệu lực'), until: isoDay('Đến ngày').optional(), toUnitId: id.optional(), positionCode: z.string().trim().max(20).optional(),
  decisionNo: text('Số quyết định', 60), decisionDate: isoDay('Ngày quyết định'), signer: optText('Người ký', 200).default(''), note: optText('Ghi chú', 2000).default(''),
}).strict()
  .refine((b) => !(['appointment'].includes(b.kind)) || !!b.positionCode, { message: 'Bổ nhiệm cần chọn vị trí việc làm.', path: ['positionCode'] })
  .refine((b) => b.kind !== 'secondment' || (!!b.until && !!b.toUnitId), { message: 'Biệt phái cần đơn vị đến và thời hạn.', path: ['until'] })
  .refine((b) => b.kind !== 'transfer' || !!b.toUnitId, { message: 'Điều động cần đơn vị đến.', path: ['toUnitId'] })
  .refine((b) => !b.until || b.until >= b.on, { message: 'Thời hạn phải sau ngày có hiệu lực.', path: ['until'] });

export const grantsBody = z.object({
  grants: z.array(z.object({ role: z.enum(ROLES, { message: 'Vai trò không hợp lệ.' }), unitId: id }).strict()).max(20),
  reason: text('Lý do', 500, 5),
}).strict();

// ---- evaluation ----
export const yearParams = z.object({ id: idParam, year: z.coerce.number().int().min(2000).max(2100) });
export const selfBody = z.object({
  selfAssessment: text('Tự đánh giá', 8000, 10), generalPoints: points('Điểm tiêu chí chung'), taskPoints: points('Điểm kết quả nhiệm vụ'),
  tasks: z.object({ total: count('Số nhiệm vụ'), done: count('Số hoàn thành'), exceeded: count('Số vượt mức') }).strict(),
  criteria: z.object({ total: count('Số tiêu chí'), weak: count('Số tiêu chí yếu'), failed: count('Số tiêu chí không đạt') }).strict(),
}).strict();
export const reviewBody = z.object({
  version, managerComment: text('Nhận xét của người quản lý', 8000, 5), meetingMinutes: text('Biên bản họp', 20_000, 5),
  generalPoints: points('Điểm tiêu chí chung'), taskPoints: points('Điểm kết quả nhiệm vụ'),
}).strict();
export const evaluationsQuery = z.object({ unitId: idParam, year: z.coerce.number().int().min(2000).max(2100) });
export const approveEvaluationsBody = z.object({ unitId: id, year: z.number().int().min(2000).max(2100) }).strict();
const band = z.number().finite().min(0).max(100);
export const ruleBody = z.object({
  version: z.number().int().min(0).max(2_147_483_647), fromYear: z.number().int().min(2000).max(2100), name: text('Tên quy định', 300),
  rule: z.object({
    generalMax: band, tasksMax: band,
    excellent: z.object({ above: band, allTasksDone: z.boolean(), minShareExceeded: z.number().min(0).max(1) }).strict(),
    good: z.object({ above: band, allTasksDone: z.boolean() }).strict(),
    completed: z.object({ atLeast: band, maxShareWeak: z.number().min(0).max(1) }).strict(),
    notCompletedShareFailed: z.number().min(0).max(1),
    excellentQuota: z.object({ share: z.number().gt(0).max(1), of: z.enum(['all', 'good_or_better']) }).strict().nullable(),
  }).strict().refine((r) => r.excellent.above >= r.good.above && r.good.above >= r.completed.atLeast, 'Các ngưỡng phải giảm dần: xuất sắc ≥ tốt ≥ hoàn thành.'),
}).strict();
