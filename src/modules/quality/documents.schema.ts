import { z } from 'zod';
import { dbDate } from '../../platform/http/bounds.js';
import { code, recordId, recordVersion, text } from './processes.schema.js';
import type { DocumentKind, DocVersionStatus } from './quality.tables.js';

/** Inputs of the controlled documents (issue 20, API.md part B; ISO 9001 §7.5), checked at the edge. */
export const DOCUMENT_KINDS = ['policy', 'manual', 'process', 'form', 'external'] as const satisfies readonly DocumentKind[];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  policy: 'Chính sách chất lượng',
  manual: 'Sổ tay chất lượng',
  process: 'Quy trình',
  form: 'Biểu mẫu',
  external: 'Tài liệu có nguồn gốc bên ngoài',
};
export const VERSION_STATUS_LABELS: Record<DocVersionStatus, string> = {
  draft: 'Dự thảo',
  approved: 'Đã ban hành',
  obsolete: 'Hết hiệu lực',
};

/** The column's own limit (migration 0040 qms_docver_content_check). */
export const CONTENT_MAX = 200_000;
const content = z.string({ message: 'Nội dung tài liệu: phải là chuỗi ký tự.' }).max(CONTENT_MAX, `Nội dung tài liệu: tối đa ${CONTENT_MAX.toLocaleString('vi-VN')} ký tự.`);

export const documentCreateBody = z.object({
  code: code('Mã tài liệu', 40),
  title: text('Tên tài liệu', 500, 3),
  kind: z.enum(DOCUMENT_KINDS, { message: 'Loại tài liệu: policy, manual, process, form hoặc external.' }),
  processId: recordId('Quy trình').optional(),
  /** Left empty, a process document linked to the catalogue starts from the internal process's steps. */
  content: content.optional(),
}).strict().refine((b) => b.kind !== 'process' || b.processId !== undefined, {
  message: 'Tài liệu loại quy trình phải gắn với một quy trình của hệ thống (processId).', path: ['processId'],
});
export type DocumentCreateInput = z.infer<typeof documentCreateBody>;

export const versionCreateBody = z.object({
  content,
  changeLog: text('Nội dung sửa đổi', 2000, 3),
}).strict();
export type VersionCreateInput = z.infer<typeof versionCreateBody>;

export const approveBody = z.object({
  version: recordVersion,
  effectiveFrom: dbDate('Ngày hiệu lực: ngày phải có dạng YYYY-MM-DD.').optional(),
}).strict();
export type ApproveInput = z.infer<typeof approveBody>;

export const obsoleteBody = z.object({
  version: recordVersion,
  reason: text('Lý do hủy bỏ', 1000, 3),
}).strict();
export type ObsoleteInput = z.infer<typeof obsoleteBody>;
