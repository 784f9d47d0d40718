import { beforeBody } from '../access/before-body.js';
import { errors } from '../http/app-error.js';
import type { App } from '../http/types.js';
import type { FileStore } from './file-store.js';
import { SCAN_TYPES } from './file-types.js';
import { readUpload } from './upload.js';

const MAX_SCAN_BYTES = 20 * 1024 * 1024;

// Scans of dossier documents (Circular 01/2023 digitisation) and templates: PDF or images.
const ACCEPTED: Record<string, (b: Buffer) => boolean> = SCAN_TYPES;

/**
 * Staff upload a scanned document and get its key, which a dossier then references. The content
 * must really be what its type says: a renamed executable is refused.
 */
export async function fileRoutes(app: App, files: FileStore): Promise<void> {
  app.post('/api/v1/files', {
    schema: { tags: ['files'], summary: 'Tải lên bản quét (PDF/JPEG/PNG, multipart "file", tối đa 20 MB) / upload a scan' },
    onRequest: beforeBody(['dossier.receive', 'dossier.process']),
  }, async (req, reply) => {
    const file = await readUpload(req, MAX_SCAN_BYTES);
    if (!file) throw errors.badRequest('Chưa chọn tệp.', 'No file was sent.');
    const { content } = file;
    const check = ACCEPTED[file.mimetype];
    if (!check || !check(content)) throw errors.badRequest('Chỉ nhận tệp PDF, JPEG hoặc PNG.', 'Only PDF, JPEG or PNG files are accepted.');
    const key = await files.put(content);
    return reply.status(201).send({ key, size: content.length, type: file.mimetype, name: file.filename });
  });
}
