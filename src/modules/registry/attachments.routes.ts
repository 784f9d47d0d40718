import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { beforeBody } from '../../platform/access/before-body.js';
import { readUpload } from '../../platform/files/upload.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import type { App } from '../../platform/http/types.js';
import type { RegistryService } from './registry.service.js';
import { idParam, version } from './schema.js';

/** A signed official document with its appendices can be large; as large as a dossier's scan. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const idParams = z.object({ id: idParam });
const fileParams = z.object({ id: idParam, attachmentId: idParam });
const uploadQuery = z.object({
  /** The document's main file (one per document): the incoming document's electronic copy, or what an outgoing one is released as. */
  main: z.enum(['true', 'false'], { message: 'Tệp chính (main): true hoặc false.' }).optional().transform((v) => v === 'true'),
  /** The version of the document the caller saw (optional: an upload adds, it does not overwrite). */
  version: z.coerce.number().pipe(version).optional(),
}).strict();

/** The one file of the request; a broken multipart body is the sender's fault (400), never ours. */
async function theFile(req: FastifyRequest) {
  let file;
  try {
    file = await readUpload(req, MAX_ATTACHMENT_BYTES);
  } catch (err) {
    if (err instanceof AppError || (err as { statusCode?: number }).statusCode) throw err;
    throw errors.badRequest('Nội dung tải lên (multipart) không đọc được. Hãy chọn lại tệp rồi gửi lại.', 'The multipart body could not be read.');
  }
  if (!file) throw errors.badRequest('Chưa chọn tệp.', 'No file was sent.');
  return file;
}

/** HTTP only (issue 19 scope 3, attachments): who may upload is decided before the body is read. */
export async function attachmentRoutes(app: App, registry: RegistryService): Promise<void> {
  const tags = ['registry'];
  const P = '/api/v1/registry';
  const { attachments } = registry;

  app.post(`${P}/documents/:id/attachments`, {
    schema: { tags, summary: 'Đính kèm tệp vào văn bản (multipart "file", tối đa 20 MB; PDF được kiểm tra chữ ký số) / attach a file; a PDF\'s signatures are checked', params: idParams, querystring: uploadQuery },
    // Params are not validated yet at onRequest: a malformed id goes on to validation (400).
    onRequest: beforeBody(async (req) => {
      const id = idParam.safeParse((req.params as { id?: string }).id);
      if (id.success) await attachments.assertMayUpload(req.ctx, id.data);
    }),
  }, async (req, reply) => reply.status(201).send(await attachments.upload(req.ctx, req.params.id, await theFile(req), req.query)));

  app.get(`${P}/documents/:id/attachments/:attachmentId`, { schema: { tags, summary: 'Tải tệp đính kèm của văn bản (lần tải được ghi vào lịch sử) / download an attachment', params: fileParams } },
    async (req, reply) => {
      const f = await attachments.download(req.ctx, req.params.id, req.params.attachmentId);
      return reply.type(f.type).header('content-disposition', contentDisposition('attachment', f.name)).header('cache-control', 'no-store').send(f.content);
    });
}
