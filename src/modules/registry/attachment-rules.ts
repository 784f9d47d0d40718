import { can, type Actor } from '../../platform/access/policy.js';
import { SCAN_TYPES } from '../../platform/files/file-types.js';
import type { DocumentRow } from './registry.context.js';

/**
 * Who may attach files to a document and what a file may be (issue 19 scope 3). Pure: the service and
 * the route's before-body hook ask the same questions.
 */

const BEFORE_RELEASE = new Set<DocumentRow['status']>(['draft', 'submitted', 'approved']);
const INCOMING_OPEN = new Set<DocumentRow['status']>(['arrived', 'registered', 'routed', 'done']);

/**
 * An outgoing document takes files until it is released (Decree 30 art. 14: what is numbered and issued
 * is what was signed; after release the electronic original stays as issued): its drafter's, and the
 * records office's, who attaches the signed PDF. An incoming document takes the records office's files
 * (the scan of a paper arrival, art. 21) unless it was recalled by its sender or returned to it.
 */
export function mayAttach(actor: Actor, doc: Pick<DocumentRow, 'direction' | 'status' | 'unit_id' | 'drafted_by_staff_id'>): boolean {
  const office = can(actor, 'document.register', doc.unit_id);
  if (doc.direction === 'out') return BEFORE_RELEASE.has(doc.status) && (office || doc.drafted_by_staff_id === actor.staffId);
  return INCOMING_OPEN.has(doc.status) && office;
}

/** Why no file may be attached now (the document's state), for a 409 the person can act on. */
export function closedReason(doc: Pick<DocumentRow, 'direction' | 'status'>): string | null {
  if (doc.direction === 'out' && !BEFORE_RELEASE.has(doc.status)) {
    return doc.status === 'cancelled' ? 'Văn bản đi đã bị hủy, không đính kèm thêm tệp.' : 'Văn bản đi đã phát hành: tệp của văn bản giữ nguyên như khi ban hành, không đính kèm thêm.';
  }
  if (doc.direction === 'in' && !INCOMING_OPEN.has(doc.status)) {
    return doc.status === 'recalled' ? 'Văn bản đến đã bị nơi gửi thu hồi, không đính kèm thêm tệp.' : 'Văn bản đến đã được trả lại nơi gửi, không đính kèm thêm tệp.';
  }
  return null;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZIP_TYPE = 'application/zip';

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06);

/**
 * The type of an attachment from its content: PDF, JPEG, PNG by their first bytes (the platform's scan
 * types); DOCX, XLSX and ZIP are zip archives, told apart by the part names an Office file must have
 * (names are stored uncompressed in a zip) and by the extension. A renamed program is none of these.
 */
export function attachmentType(fileName: string, content: Buffer): string | null {
  for (const [type, check] of Object.entries(SCAN_TYPES)) if (check(content)) return type;
  if (!isZip(content)) return null;
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (ext === 'docx') return content.includes('word/document.xml', 0, 'latin1') ? DOCX_TYPE : null;
  if (ext === 'xlsx') return content.includes('xl/workbook.xml', 0, 'latin1') ? XLSX_TYPE : null;
  return ext === 'zip' ? ZIP_TYPE : null;
}

/** A file name shown back to readers: no control characters, no directories, 1–255 characters. */
export function fileNameProblem(name: string): string | null {
  if (!name.trim()) return 'Tệp không có tên. Hãy đặt tên cho tệp rồi tải lên lại.';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return 'Tên tệp chứa ký tự điều khiển không hợp lệ. Hãy đổi tên tệp rồi tải lên lại.';
  if (/[\\/]/.test(name) || name.startsWith('..')) return 'Tên tệp không được chứa đường dẫn thư mục (“/”, “\\” hoặc “..”).';
  if ([...name].length > 255) return 'Tên tệp dài quá 255 ký tự. Hãy đặt tên ngắn hơn.';
  return null;
}
