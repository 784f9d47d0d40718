import { z } from 'zod';
import { percentRatio } from './rules/objectives.js';
import { dbId, text, version } from './systems.schema.js';

/** Inputs of the objectives (Part A, API.md), checked at the edge; which measure allows what is checked here too. */
export const MEASURES = ['dossiers.on_time_rate', 'dossiers.overdue_rate', 'satisfaction.rate', 'feedback.answered_on_time_rate', 'manual'] as const;
export const MEASURE_LABELS: Record<(typeof MEASURES)[number], string> = {
  'dossiers.on_time_rate': 'Tỷ lệ hồ sơ giải quyết đúng hạn',
  'dossiers.overdue_rate': 'Tỷ lệ hồ sơ quá hạn',
  'satisfaction.rate': 'Tỷ lệ người dân hài lòng',
  'feedback.answered_on_time_rate': 'Tỷ lệ phản ánh, kiến nghị trả lời đúng hạn',
  manual: 'Nhập tay',
};

const year = z.number({ message: 'Năm của mục tiêu phải là một số.' }).int('Năm phải là số nguyên.').min(2000, 'Năm từ 2000.').max(2100, 'Năm đến 2100.');
export const objectivesQuery = z.object({
  year: z.coerce.number({ message: 'Năm phải là một số.' }).int('Năm phải là số nguyên.').min(2000, 'Năm từ 2000.').max(2100, 'Năm đến 2100.').optional(),
}).strict();

const code = z.string({ message: 'Mã mục tiêu: phải là chuỗi ký tự.' }).trim().min(1, 'Mã mục tiêu: bắt buộc.').max(20, 'Mã mục tiêu: tối đa 20 ký tự.')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}.\-/_]*$/u, 'Mã mục tiêu: chỉ gồm chữ, số và các dấu . - / _ (ví dụ MT-01).');
const measure = z.enum(MEASURES, { message: 'Cách đo: tỷ lệ hồ sơ đúng hạn, quá hạn, người dân hài lòng, phản ánh trả lời đúng hạn, hoặc nhập tay.' });
const direction = z.enum(['at_least', 'at_most'], { message: 'Chiều chỉ tiêu: không thấp hơn (at_least) hoặc không cao hơn (at_most).' });
const yearBasis = z.enum(['statutory', 'calendar'], { message: 'Năm tính: kỳ báo cáo (statutory, 15/12–14/12) hoặc năm dương lịch (calendar).' });
/** As typed, 0–100 with at most two decimals: the rule compares the exact fraction (rules/objectives.ts). */
const targetPercent = z.number({ message: 'Chỉ tiêu (%): phải là một số.' }).min(0, 'Chỉ tiêu (%): từ 0 đến 100.').max(100, 'Chỉ tiêu (%): từ 0 đến 100.')
  .refine((p) => { try { percentRatio(p); return true; } catch { return false; } }, 'Chỉ tiêu (%): tối đa hai chữ số thập phân.');
const count = (label: string) => z.number({ message: `${label}: phải là một số.` }).int(`${label}: phải là số nguyên.`).min(0, `${label}: không âm.`).max(2_000_000_000, `${label}: quá lớn.`);
const manualNumerator = count('Tử số (nhập tay)');
const manualDenominator = count('Mẫu số (nhập tay)');
const objectiveText = text('Nội dung mục tiêu', 1000, 3);

const numeratorAboveDenominator = { message: 'Tử số không được lớn hơn mẫu số.', path: ['manualNumerator'] };

export const objectiveCreateBody = z.object({
  year, code, text: objectiveText, measure,
  direction: direction.optional(),
  targetPercent,
  yearBasis: yearBasis.optional(),
  manualNumerator: manualNumerator.optional(),
  manualDenominator: manualDenominator.optional(),
  ownerUnitId: dbId('Đơn vị chủ trì').optional(),
}).strict()
  .refine((b) => b.measure === 'manual' || (b.manualNumerator === undefined && b.manualDenominator === undefined), { message: 'Chỉ mục tiêu nhập tay mới có tử số, mẫu số nhập tay; các mục tiêu khác đo từ dữ liệu của hệ thống.', path: ['manualNumerator'] })
  .refine((b) => b.manualNumerator === undefined || b.manualNumerator <= (b.manualDenominator ?? 0), numeratorAboveDenominator);
export type ObjectiveCreateInput = z.infer<typeof objectiveCreateBody>;

export const objectiveUpdateBody = z.object({
  version,
  text: objectiveText.optional(),
  direction: direction.optional(),
  targetPercent: targetPercent.optional(),
  manualNumerator: manualNumerator.nullable().optional(),
  manualDenominator: manualDenominator.nullable().optional(),
  ownerUnitId: dbId('Đơn vị chủ trì').nullable().optional(),
  active: z.boolean({ message: 'Còn áp dụng: đúng (true) hoặc sai (false).' }).optional(),
}).strict();
export type ObjectiveUpdateInput = z.infer<typeof objectiveUpdateBody>;
