import { z } from 'zod';
import { ACTIVITY_KINDS, type ActivityKind } from './rules/budget.js';

/**
 * Inputs of the reform budget (issue 20 scope 5; ../quality/API.md Part D), checked at the edge. Amounts
 * are whole đồng sent as JSON numbers: a number past 2^53 would silently lose its last digits, so only
 * safe integers pass. Whether spending may pass the allocation is the rules' (rules/budget.ts).
 */
export const idParam = z.coerce.number().int().positive().max(2_147_483_647);
const dbId = z.number().int().positive().max(2_147_483_647);
const year = z.number({ message: 'Năm ngân sách phải là một số.' }).int('Năm ngân sách phải là số nguyên.').min(2000, 'Năm ngân sách từ 2000.').max(2100, 'Năm ngân sách đến 2100.');
const queryYear = z.coerce.number({ message: 'Năm phải là một số.' }).int('Năm phải là số nguyên.').min(2000, 'Năm từ 2000.').max(2100, 'Năm đến 2100.');
const text = (label: string, max: number, min = 1) =>
  z.string({ message: `${label}: phải là chữ.` }).trim().min(min, `${label}: bắt buộc phải nhập (ít nhất ${min} ký tự).`).max(max, `${label}: tối đa ${max} ký tự.`);
const optText = (label: string, max: number) => z.string({ message: `${label}: phải là chữ.` }).trim().max(max, `${label}: tối đa ${max} ký tự.`);
const amount = (label: string) => z.number({ message: `${label}: phải là một số (đồng).` })
  .int(`${label}: phải là số nguyên, tính bằng đồng.`).min(0, `${label}: không được âm.`)
  .max(Number.MAX_SAFE_INTEGER, `${label}: số quá lớn.`);

export const FUNDING_SOURCES = ['state_budget', 'other'] as const;
export const FUNDING_LABELS: Record<(typeof FUNDING_SOURCES)[number], string> = { state_budget: 'Ngân sách nhà nước', other: 'Nguồn khác' };

const activityKind = z.enum(ACTIVITY_KINDS as unknown as [ActivityKind, ...ActivityKind[]], { message: 'Loại hoạt động: khảo sát, đào tạo, số hóa, ISO hoặc khác.' });
const fundingSource = z.enum(FUNDING_SOURCES, { message: 'Nguồn kinh phí: ngân sách nhà nước hoặc nguồn khác.' });

const fields = {
  activityKind,
  title: text('Nội dung hoạt động', 500, 3),
  fundingSource: fundingSource.optional(),
  plannedVnd: amount('Kinh phí dự kiến'),
  allocatedVnd: amount('Kinh phí được giao').optional(),
  spentVnd: amount('Kinh phí đã chi').optional(),
  /** Spending above the allocation is accepted only when the officer says so, with the reason. */
  overspend: z.boolean({ message: 'Vượt chi: true hoặc false.' }).optional(),
  overspendReason: optText('Lý do vượt chi', 2000).nullable().optional(),
  allocationDecisionNo: optText('Số quyết định giao dự toán', 60).nullable().optional(),
  note: optText('Ghi chú', 2000).nullable().optional(),
};

export const lineCreateBody = z.object({ unitId: dbId, year, ...fields }).strict();
export type LineCreateInput = z.infer<typeof lineCreateBody>;

export const lineUpdateBody = z.object({
  version: z.number().int().positive().max(2_147_483_647),
  activityKind: fields.activityKind.optional(),
  title: fields.title.optional(),
  fundingSource: fields.fundingSource,
  plannedVnd: fields.plannedVnd.optional(),
  allocatedVnd: fields.allocatedVnd,
  spentVnd: fields.spentVnd,
  overspend: fields.overspend,
  overspendReason: fields.overspendReason,
  allocationDecisionNo: fields.allocationDecisionNo,
  note: fields.note,
  /** Why the line changed (an adjusted estimate, a supplementary allocation), kept with the change. */
  reason: optText('Lý do thay đổi', 2000).optional(),
}).strict();
export type LineUpdateInput = z.infer<typeof lineUpdateBody>;

export const linesQuery = z.object({ unitId: idParam, year: queryYear }).strict();
export const summaryQuery = z.object({ year: queryYear }).strict();
export const idParams = z.object({ id: idParam });
