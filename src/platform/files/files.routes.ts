import { hasAnywhere, requireActor } from '../access/policy.js';
import { errors } from '../http/app-error.js';
import type { App } from '../http/types.js';
import type { FileStore } from './file-store.js';

// Scans of dossier documents (Circular 01/2023 digitisation) and templates: PDF or images.
const ACCEPTED: Record<string, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString() === '%PDF-',
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8,
  'image/png': (b) => b[0] === 0x89 && b.subarray(1, 4).toString() === 'PNG',
};

/**
 * Staff upload a scanned document and get its key, which a dossier then references. The content
 * must really be what its type says: a renamed executable is refused.
 */
export async function fileRoutes(app: App, files: FileStore): Promise<void> {
  app.post('/api/v1/files', { schema: { tags: ['files'], summary: 'Tải lên bản quét (PDF/JPEG/PNG, multipart "file") / upload a scan' } }, async (req, reply) => {
    const actor = requireActor(req.ctx.actor);
    if (!hasAnywhere(actor, 'dossier.receive') && !hasAnywhere(actor, 'dossier.process')) throw errors.forbidden();
    const file = await req.file({ limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
    if (!file) throw errors.badRequest('Chưa chọn tệp.', 'No file was sent.');
    const content = await file.toBuffer();
    const check = ACCEPTED[file.mimetype];
    if (!check || !check(content)) throw errors.badRequest('Chỉ nhận tệp PDF, JPEG hoặc PNG.', 'Only PDF, JPEG or PNG files are accepted.');
    const key = await files.put(content);
    return reply.status(201).send({ key, size: content.length, type: file.mimetype, name: file.filename });
  });
}
