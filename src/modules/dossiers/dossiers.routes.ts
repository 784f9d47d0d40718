import { z } from 'zod';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import type { App } from '../../platform/http/types.js';
import type { DossierService } from './dossiers.service.js';
import { actionBody, createDossierBody, lookupQuery, queueQuery, readQuery } from './schema.js';
import { routeStaffQuery, routeStaffView } from './route-staff.js';

const codeParams = z.object({ code: z.string().trim().min(5).max(60) });
const fileParams = codeParams.extend({ key: z.string().regex(/^[0-9a-f]{64}$/, 'Mã tệp không hợp lệ') });

export async function dossierRoutes(app: App, dossiers: DossierService, lookupRatePerMinute: number): Promise<void> {
  const tags = ['dossiers'];
  app.post('/api/v1/dossiers', { schema: { tags, summary: 'Tiếp nhận hồ sơ / receive a dossier', body: createDossierBody } }, async (req, reply) => {
    const { dossier, created } = await dossiers.create(req.ctx, req.body);
    return reply.status(created ? 201 : 200).send(dossier);
  });
  app.get('/api/v1/dossiers', { schema: { tags, summary: 'Hàng đợi hồ sơ / work queues (tìm theo số định danh/điện thoại: kèm ?reason= hoặc X-Access-Reason)', querystring: queueQuery } },
    async (req) => dossiers.queue(req.ctx, { ...req.query, reason: req.query.reason ?? headerReason(req.headers['x-access-reason']) }));
  app.get('/api/v1/dossiers/counts', { schema: { tags, summary: 'Số hồ sơ của từng hàng đợi / size of each work queue' } }, async (req) => dossiers.counts(req.ctx));
  app.get('/api/v1/dossiers/:code', {
    schema: { tags, summary: 'Hồ sơ (ngoài phần việc của mình: kèm ?reason= hoặc X-Access-Reason, được ghi nhật ký) / a dossier', params: codeParams, querystring: readQuery },
  }, async (req) => dossiers.get(req.ctx, req.params.code, { reason: req.query.reason ?? headerReason(req.headers['x-access-reason']) }));
  app.post('/api/v1/dossiers/:code/actions', { schema: { tags, summary: 'Thao tác xử lý hồ sơ / act on a dossier', params: codeParams, body: actionBody } },
    async (req) => dossiers.act(req.ctx, req.params.code, req.body));
  app.get('/api/v1/dossiers/:code/files/:key', {
    schema: {
      tags, params: fileParams, querystring: readQuery,
      summary: 'Tải tệp của hồ sơ (bản quét, dự thảo, kết quả; ngoài phần việc của mình: kèm ?reason= hoặc X-Access-Reason) / download a file of a dossier',
    },
  }, async (req, reply) => {
    const file = await dossiers.file(req.ctx, req.params.code, req.params.key, { reason: req.query.reason ?? headerReason(req.headers['x-access-reason']) });
    return reply.type(file.type).header('content-disposition', contentDisposition(file.inline ? 'inline' : 'attachment', file.name))
      .header('cache-control', 'private, no-store').send(file.content);
  });
  app.get('/api/v1/dossiers/:code/verify', { schema: { tags, summary: 'Kiểm tra chuỗi băm lịch sử / verify the hash chain', params: codeParams } },
    async (req) => dossiers.verify(req.ctx, req.params.code));
  app.get('/api/v1/dossiers/:code/route-staff', {
    schema: { tags, summary: 'Cán bộ của các đơn vị trên quy trình hồ sơ (họ tên, chức vụ) / staff of the units on the route', params: codeParams, querystring: routeStaffQuery, response: { 200: routeStaffView } },
  }, async (req) => dossiers.routeStaff(req.ctx, req.params.code, req.query.step));

  app.get('/api/v1/public/dossiers/:code', {
    schema: { tags: ['public'], summary: 'Tra cứu hồ sơ / public lookup: ?key= the secret printed on the receipt (?secret= also accepted)', params: codeParams, querystring: lookupQuery },
    config: { rateLimit: { max: lookupRatePerMinute, timeWindow: '1 minute' } },
  }, async (req) => dossiers.lookup(req.params.code, req.query.key || req.query.secret || ''));
}

/** A header carries only Latin-1, so the web app sends a Vietnamese reason percent-encoded. */
function headerReason(h: string | string[] | undefined): string | undefined {
  const v = Array.isArray(h) ? h[0] : h;
  if (!v) return undefined;
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
