import type { App } from '../../platform/http/types.js';
import type { PrivacyService } from './privacy.service.js';
import { createRequestBody, requestActionBody, requestLimitBody, requestLimitParams, requestListQuery, requestParams, retentionBody, retentionParams } from './schema.js';

export async function privacyRoutes(app: App, privacy: PrivacyService): Promise<void> {
  const tags = ['privacy'];
  app.post('/api/v1/privacy/requests', { schema: { tags, summary: 'Tiếp nhận yêu cầu của chủ thể dữ liệu / record a data-subject request', body: createRequestBody } },
    async (req, reply) => reply.status(201).send(await privacy.create(req.ctx, req.body)));
  app.get('/api/v1/privacy/requests', { schema: { tags, summary: 'Yêu cầu về dữ liệu cá nhân / data-subject requests', querystring: requestListQuery } },
    async (req) => privacy.list(req.ctx, req.query));
  app.get('/api/v1/privacy/requests/:id', { schema: { tags, params: requestParams } }, async (req) => privacy.get(req.ctx, req.params.id));
  app.post('/api/v1/privacy/requests/:id/actions', { schema: { tags, summary: 'Xác nhận / giải quyết / từ chối / act on a request', params: requestParams, body: requestActionBody } },
    async (req) => privacy.act(req.ctx, req.params.id, req.body));
  app.get('/api/v1/privacy/requests/:id/export', { schema: { tags, summary: 'Dữ liệu cá nhân của chủ thể (JSON) / the subject’s data export', params: requestParams } },
    async (req, reply) => reply.header('content-disposition', `attachment; filename="du-lieu-ca-nhan-${req.params.id}.json"`).header('cache-control', 'no-store')
      .send(await privacy.exportData(req.ctx, req.params.id)));
  app.get('/api/v1/privacy/time-limits', { schema: { tags, summary: 'Thời hạn giải quyết yêu cầu / request time limits' } },
    async (req) => ({ items: await privacy.timeLimits(req.ctx) }));
  app.put('/api/v1/privacy/time-limits/:kind', { schema: { tags, params: requestLimitParams, body: requestLimitBody } },
    async (req) => privacy.setTimeLimit(req.ctx, req.params.kind, req.body));
  app.get('/api/v1/privacy/retention', { schema: { tags, summary: 'Thời hạn lưu trữ theo loại bản ghi / retention periods' } },
    async (req) => ({ items: await privacy.retentionPeriods(req.ctx) }));
  app.put('/api/v1/privacy/retention/:recordType', { schema: { tags, params: retentionParams, body: retentionBody } },
    async (req) => privacy.setRetention(req.ctx, req.params.recordType, req.body));
}
