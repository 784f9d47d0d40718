import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/app-error.js';

export type Upload = { content: Buffer; filename: string; mimetype: string };

const MIB = 1024 * 1024;

export function fileTooLarge(maxBytes: number): AppError {
  const limit = `${Math.round((maxBytes / MIB) * 10) / 10} MB`;
  return new AppError('FILE_TOO_LARGE', 413,
    `Tệp vượt quá giới hạn ${limit} nên không được lưu hay nhập dòng nào. Hãy giảm dung lượng (quét ở độ phân giải thấp hơn, hoặc tách thành nhiều tệp) rồi gửi lại.`,
    `The file exceeds the ${limit} limit; nothing was stored or imported. Make it smaller or split it, then send it again.`,
    undefined, { maxBytes });
}

/**
 * The one file of a multipart request, whole, or `undefined` when none was sent. A file over
 * `maxBytes` is refused with 413, never handed on cut short: busboy marks a file `truncated` after it
 * has passed on the last piece that fits, so `toBuffer()` can return the first `maxBytes` bytes without
 * an error (3 uploads in 10 of a 21 MB scan were stored cut at exactly 20 MiB, and a staff CSV lost
 * every row after the limit). The flag is read after the whole stream has ended.
 */
export async function readUpload(req: FastifyRequest, maxBytes: number, opts: { preservePath?: boolean } = {}): Promise<Upload | undefined> {
  // `preservePath`: the name as sent, directories included, so a caller can refuse "../x.pdf" instead of
  // receiving the "x.pdf" busboy would make of it.
  const file = await req.file({ limits: { fileSize: maxBytes, files: 1 }, ...(opts.preservePath ? { preservePath: true } : {}) });
  if (!file) return undefined;
  let content: Buffer;
  try {
    content = await file.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(maxBytes);
    throw err;
  }
  if (file.file.truncated || content.length > maxBytes) throw fileTooLarge(maxBytes);
  return { content, filename: file.filename, mimetype: file.mimetype };
}
