import { z } from 'zod';
import { dbId as dbIdParam, MAX_INT4 } from '../../platform/http/bounds.js';
import { procedureCodeSchema } from '../catalog/schema-parts.js';
import type { ProcessKind } from './quality.tables.js';

/**
 * Inputs of the QMS processes (issue 20, API.md part B), checked at the edge; each message names the
 * field in Vietnamese. The pieces at the top are shared with documents.schema.ts.
 */
export const idParams = z.object({ id: dbIdParam() });
export const recordId = (label: string) => z.number({ message: `${label}: phải là mã số bản ghi.` }).int(`${label}: phải là số nguyên.`).positive(`${label}: không hợp lệ.`).max(MAX_INT4, `${label}: không hợp lệ.`);
export const recordVersion = z.number({ message: 'Thiếu phiên bản (version) của bản ghi.' }).int('Phiên bản (version) phải là số nguyên.').positive('Phiên bản (version) không hợp lệ.').max(MAX_INT4, 'Phiên bản (version) không hợp lệ.');
export const text = (label: string, max: number, min = 1) =>
  z.string({ message: `${label}: phải là chuỗi ký tự.` }).trim().min(min, `${label}: bắt buộc phải nhập (ít nhất ${min} ký tự).`).max(max, `${label}: tối đa ${max.toLocaleString('vi-VN')} ký tự.`);
/** A record's code as people write it: "QT-01", "QT.TTHC.05", "STCL". */
export const code = (label: string, max: number) => text(label, max)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}.\-/_]*$/u, `${label}: chỉ gồm chữ, số và các dấu . - / _ (ví dụ QT-01).`);

export const PROCESS_KINDS = ['tthc', 'support', 'management'] as const satisfies readonly ProcessKind[];
export const PROCESS_KIND_LABELS: Record<ProcessKind, string> = {
  tthc: 'Quy trình giải quyết thủ tục hành chính',
  support: 'Quy trình hỗ trợ',
  management: 'Quy trình quản lý',
};
const kind = z.enum(PROCESS_KINDS, { message: 'Loại quy trình: tthc (giải quyết thủ tục hành chính), support (hỗ trợ) hoặc management (quản lý).' });
const caseCode = z.string({ message: 'Mã trường hợp: phải là chuỗi ký tự.' }).trim().max(60, 'Mã trường hợp: tối đa 60 ký tự.')
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'Mã trường hợp: chữ thường không dấu, số, "_" và "-" (như trong danh mục thủ tục).');

export const processCreateBody = z.object({
  code: code('Mã quy trình', 30),
  name: text('Tên quy trình', 500, 3),
  kind,
  ownerUnitId: recordId('Đơn vị chủ trì').optional(),
  catalogProcedureCode: procedureCodeSchema.optional(),
  /** A case of the procedure with its own internal process (the catalogue's `cases[].code`). */
  caseCode: caseCode.optional(),
}).strict().refine((b) => b.caseCode === undefined || b.catalogProcedureCode !== undefined, {
  message: 'Mã trường hợp chỉ dùng khi quy trình gắn với một thủ tục trong danh mục.', path: ['caseCode'],
});
export type ProcessCreateInput = z.infer<typeof processCreateBody>;

export const processUpdateBody = z.object({
  version: recordVersion,
  name: text('Tên quy trình', 500, 3).optional(),
  ownerUnitId: recordId('Đơn vị chủ trì').nullable().optional(),
  active: z.boolean({ message: 'Đang áp dụng: true hoặc false.' }).optional(),
}).strict().refine((b) => b.name !== undefined || b.ownerUnitId !== undefined || b.active !== undefined, {
  message: 'Không có gì thay đổi.', path: ['name'],
});
export type ProcessUpdateInput = z.infer<typeof processUpdateBody>;
