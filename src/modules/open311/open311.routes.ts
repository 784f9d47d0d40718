import type { App } from '../../platform/http/types.js';
import type { Open311Service } from './open311.service.js';
import { appParams, createAppBody, revokeAppBody } from './schema.js';

/** The administrator's side: applications allowed to post Open311 requests, and their keys. */
export async function open311AdminRoutes(app: App, open311: Open311Service): Promise<void> {
  const tags = ['open311'];
  app.get('/api/v1/open311/apps', { schema: { tags, summary: 'Ứng dụng Open311 đã đăng ký / registered Open311 applications' } },
    async (req) => open311.listApps(req.ctx));
  app.post('/api/v1/open311/apps', {
    schema: { tags, summary: 'Đăng ký ứng dụng Open311 và cấp khóa API (chỉ hiện một lần) / register an application and issue its key (shown once)', body: createAppBody },
  }, async (req, reply) => reply.status(201).header('cache-control', 'no-store').send(await open311.createApp(req.ctx, req.body)));
  app.post('/api/v1/open311/apps/:id/revoke', {
    schema: { tags, summary: 'Thu hồi khóa API của ứng dụng Open311 / revoke an application\'s key', params: appParams, body: revokeAppBody },
  }, async (req) => open311.revokeApp(req.ctx, req.params.id, req.body.version));
}
