import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { DossierService } from './dossiers.service.js';
import { actionBody, createDossierBody, lookupQuery, queueQuery } from './schema.js';
import { routeStaffQuery, routeStaffView } from './route-staff.js';

const codeParams = z.object({ code: z.string().trim().min(5).max(60) });

export async function dossierRoutes(app: App, dossiers: DossierService): Promise<void> {
  const tags = ['dossiers'];
  app.post('/api/v1/dossiers', { schema: { tags, summary: 'Tiếp nhận hồ sơ / receive a dossier', body: createDossierBody } }, async (req, reply) => {
    const { dossier, created } = await dossiers.create(req.ctx, req.body);
    return reply.status(created ? 201 : 200).send(dossier);
  });
  app.get('/api/v1/dossiers', { schema: { tags, summary: 'Hàng đợi hồ sơ / work queues', querystring: queueQuery } }, async (req) => dossiers.queue(req.ctx, req.query));
  app.get('/api/v1/dossiers/counts', { schema: { tags, summary: 'Số hồ sơ của từng hàng đợi / size of each work queue' } }, async (req) => dossiers.counts(req.ctx));
  app.get('/api/v1/dossiers/:code', { schema: { tags, params: codeParams } }, async (req) => dossiers.get(req.ctx, req.params.code));
  app.post('/api/v1/dossiers/:code/actions', { schema: { tags, summary: 'Thao tác xử lý hồ sơ / act on a dossier', params: codeParams, body: actionBody } },
    async (req) => dossiers.act(req.ctx, req.params.code, req.body));
  app.get('/api/v1/dossiers/:code/verify', { schema: { tags, summary: 'Kiểm tra chuỗi băm lịch sử / verify the hash chain', params: codeParams } },
    async (req) => dossiers.verify(req.ctx, req.params.code));
  app.get('/api/v1/dossiers/:code/route-staff', {
    schema: { tags, summary: 'Cán bộ của các đơn vị trên quy trình hồ sơ (họ tên, chức vụ) / staff of the units on the route', params: codeParams, querystring: routeStaffQuery, response: { 200: routeStaffView } },
  }, async (req) => dossiers.routeStaff(req.ctx, req.params.code, req.query.step));

  app.get('/api/v1/public/dossiers/:code', {
    schema: { tags: ['public'], summary: 'Tra cứu hồ sơ / public lookup: ?key= the secret printed on the receipt (?secret= also accepted)', params: codeParams, querystring: lookupQuery },
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
  }, async (req) => dossiers.lookup(req.params.code, req.query.key || req.query.secret || ''));
}
