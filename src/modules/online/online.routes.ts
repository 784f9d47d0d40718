import { z } from 'zod';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { errors } from '../../platform/http/app-error.js';
import type { App } from '../../platform/http/types.js';
import { readUpload } from '../../platform/files/upload.js';
import { requireCitizen } from '../citizens/citizen-session.plugin.js';
import { MAX_CITIZEN_UPLOAD_BYTES } from './documents.service.js';
import type { OnlineService } from './online.service.js';
import { createDraftBody, documentParams, dossierParams, draftParams, patchDraftBody, ratingBody, submitBody, supplementBody, uploadQuery } from './schema.js';

const slipParams = z.object({ id: z.string().trim().min(1).max(60), form: z.enum(['01', '02', '03'], { message: 'Mẫu phiếu phải là 01, 02 hoặc 03' }) });
const isDraftId = (id: string) => /^\d{1,18}$/.test(id);

/** The citizen's side of the online public services. Every route is under /api/v1/citizen/ (citizen session only). */
export async function onlineRoutes(app: App, online: OnlineService): Promise<void> {
  const tags = ['citizen'];

  app.post('/api/v1/citizen/files', {
    schema: { tags, summary: 'Tải lên giấy tờ (PDF/JPEG/PNG nhận biết theo nội dung, tối đa 20 MB; multipart "file"; ?draftId=) / upload a document', querystring: uploadQuery },
    // Decided before a byte of the body is read: no citizen session, no upload.
    onRequest: async (req) => { requireCitizen(req); },
  }, async (req, reply) => {
    const c = requireCitizen(req);
    const file = await readUpload(req, MAX_CITIZEN_UPLOAD_BYTES, { preservePath: true });
    if (!file) throw errors.badRequest('Chưa chọn tệp.', 'No file was sent.');
    return reply.status(201).send(await online.documents.upload(req.ctx, c.id, file, req.query.draftId));
  });

  app.get('/api/v1/citizen/documents', { schema: { tags, summary: 'Kho giấy tờ của tôi (tệp đã tải lên và kết quả) / my document store' } },
    async (req) => online.documents.list(req.ctx, requireCitizen(req).id));
  app.get('/api/v1/citizen/documents/:id/file', { schema: { tags, summary: 'Tải về giấy tờ của tôi / download my document', params: documentParams } }, async (req, reply) => {
    const f = await online.documents.download(requireCitizen(req).id, req.params.id);
    return reply.type(f.type).header('content-disposition', contentDisposition('attachment', f.name)).header('cache-control', 'no-store').send(f.content);
  });

  app.get('/api/v1/citizen/dossiers', { schema: { tags, summary: 'Hồ sơ của tôi (bản nháp và hồ sơ đã nộp) / my dossiers' } },
    async (req) => online.mine.list(requireCitizen(req).id));
  app.post('/api/v1/citizen/dossiers', { schema: { tags, summary: 'Tạo bản nháp hồ sơ trực tuyến / start an online filing', body: createDraftBody } },
    async (req, reply) => reply.status(201).send(await online.filing.create(req.ctx, requireCitizen(req).id, req.body)));
  // A number is a draft; a dossier code (never all digits) a submitted dossier.
  app.get('/api/v1/citizen/dossiers/:id', { schema: { tags, summary: 'Bản nháp hoặc hồ sơ của tôi / a draft or a dossier of mine', params: dossierParams } }, async (req) => {
    const c = requireCitizen(req);
    return isDraftId(req.params.id) ? online.filing.get(c.id, req.params.id) : online.mine.detail(c.id, req.params.id);
  });
  app.patch('/api/v1/citizen/dossiers/:id', { schema: { tags, summary: 'Sửa bản nháp / edit a draft', params: draftParams, body: patchDraftBody } },
    async (req) => online.filing.update(req.ctx, requireCitizen(req).id, req.params.id, req.body));
  app.delete('/api/v1/citizen/dossiers/:id', { schema: { tags, summary: 'Xóa bản nháp / delete a draft', params: draftParams } }, async (req, reply) => {
    await online.filing.remove(req.ctx, requireCitizen(req).id, req.params.id);
    return reply.status(204).send();
  });
  app.post('/api/v1/citizen/dossiers/:id/submit', { schema: { tags, summary: 'Nộp hồ sơ (mã chống trùng) / submit a filing', params: draftParams, body: submitBody } }, async (req, reply) => {
    const r = await online.filing.submit(req.ctx, requireCitizen(req).id, req.params.id, req.body.idempotencyKey);
    return reply.status(r.created ? 201 : 200).send(r);
  });

  app.post('/api/v1/citizen/dossiers/:id/supplement', { schema: { tags, summary: 'Nộp bổ sung hồ sơ / supplement my dossier', params: dossierParams, body: supplementBody } },
    async (req) => online.mine.supplement(req.ctx, requireCitizen(req).id, req.params.id, req.body));
  app.post('/api/v1/citizen/dossiers/:id/rating', { schema: { tags, summary: 'Đánh giá mức độ hài lòng / rate the service', params: dossierParams, body: ratingBody } },
    async (req, reply) => reply.status(201).send(await online.mine.rate(req.ctx, requireCitizen(req).id, req.params.id, req.body)));
  app.get('/api/v1/citizen/dossiers/:id/slips/:form.pdf', { schema: { tags, summary: 'Phiếu của hồ sơ (01 tiếp nhận, 02 bổ sung, 03 từ chối) / a slip of my dossier', params: slipParams } }, async (req, reply) => {
    const pdf = await online.mine.slip(requireCitizen(req).id, req.params.id, req.params.form);
    return reply.type('application/pdf').header('content-disposition', contentDisposition('inline', `${req.params.id}-mau-${req.params.form}.pdf`)).header('cache-control', 'no-store').send(pdf);
  });
  if (online.paymentsWired()) {
    app.post('/api/v1/citizen/dossiers/:id/pay', { schema: { tags, summary: 'Thanh toán trực tuyến / pay online', params: dossierParams } },
      async (req) => online.mine.pay(req.ctx, requireCitizen(req).id, req.params.id));
  }
}
