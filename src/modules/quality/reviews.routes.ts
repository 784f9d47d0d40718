import type { App } from '../../platform/http/types.js';
import type { QualityService } from './quality.service.js';
import { assignBody, idParams, reviewCreateBody, reviewUpdateBody, versionBody } from './reviews.schema.js';

/** HTTP only (issue 20, management reviews): parse, then hand the request context to the service. */
export async function reviewsRoutes(app: App, quality: QualityService): Promise<void> {
  const tags = ['quality'];
  const P = '/api/v1/quality';
  const { reviews } = quality;

  app.get(`${P}/systems/:id/reviews`, { schema: { tags, summary: 'Các cuộc họp xem xét của lãnh đạo / management reviews of a QMS', params: idParams } },
    async (req) => reviews.list(req.ctx, req.params.id));
  app.post(`${P}/systems/:id/reviews`, { schema: { tags, summary: 'Chuẩn bị cuộc họp xem xét của lãnh đạo / draft a management review', params: idParams, body: reviewCreateBody } },
    async (req, reply) => reply.status(201).send(await reviews.create(req.ctx, req.params.id, req.body)));
  app.get(`${P}/reviews/:id`, { schema: { tags, summary: 'Một cuộc họp xem xét: đầu vào, biên bản, kết luận, nhiệm vụ / one management review', params: idParams } },
    async (req) => reviews.detail(req.ctx, req.params.id));
  app.put(`${P}/reviews/:id`, { schema: { tags, summary: 'Sửa thành phần, biên bản, kết luận (khi chưa họp) / edit a draft review', params: idParams, body: reviewUpdateBody } },
    async (req) => reviews.update(req.ctx, req.params.id, req.body));
  app.post(`${P}/reviews/:id/hold`, { schema: { tags, summary: 'Xác nhận đã họp: chốt số liệu đầu vào / hold the review, freezing its inputs', params: idParams, body: versionBody } },
    async (req) => reviews.hold(req.ctx, req.params.id, req.body.version));
  app.post(`${P}/reviews/:id/assign`, { schema: { tags, summary: 'Giao các kết luận thành nhiệm vụ theo thông báo kết luận / assign the decisions as tasks', params: idParams, body: assignBody } },
    async (req) => reviews.assign(req.ctx, req.params.id, req.body));
}
