import type { App } from '../../platform/http/types.js';
import type { ProcedureReviewService } from './procedure-review.service.js';
import { idParams, planActionBody, planCreateBody, plansQuery, planSummaryQuery, planUpdateBody } from './schema.js';

/** HTTP only (API.md Part E): parse, then hand the request context to the service. */
export async function plansRoutes(app: App, pr: ProcedureReviewService): Promise<void> {
  const tags = ['procedure-review'];
  const P = '/api/v1/procedure-review/plans';
  const { plans } = pr;

  app.get(P, { schema: { tags, summary: 'Phương án đơn giản hóa TTHC của các cơ quan người dùng được xem / simplification plans', querystring: plansQuery } },
    async (req) => plans.list(req.ctx, req.query));
  // Before `/plans/:id`, so that "summary" is never read as an id.
  app.get(`${P}/summary`, { schema: { tags, summary: 'Tổng hợp chi phí tiết kiệm theo cơ quan và toàn tỉnh trong năm / the year\'s savings per agency and province', querystring: planSummaryQuery } },
    async (req) => plans.summary(req.ctx, req.query));
  app.post(P, { schema: { tags, summary: 'Lập phương án đơn giản hóa một thủ tục / draft a simplification plan', body: planCreateBody } },
    async (req, reply) => reply.status(201).send(await plans.create(req.ctx, req.body)));
  app.get(`${P}/:id`, { schema: { tags, summary: 'Một phương án: chi phí trước và sau, giấy tờ, phí, thời hạn, tiết kiệm thực tế / one plan', params: idParams } },
    async (req) => plans.get(req.ctx, req.params.id));
  app.put(`${P}/:id`, { schema: { tags, summary: 'Sửa phương án đang dự thảo / edit a draft plan', params: idParams, body: planUpdateBody } },
    async (req) => plans.update(req.ctx, req.params.id, req.body));
  app.post(`${P}/:id/actions`, { schema: { tags, summary: 'Trình, trả lại, phê duyệt, không phê duyệt phương án / propose, return, approve or reject', params: idParams, body: planActionBody } },
    async (req) => plans.act(req.ctx, req.params.id, req.body));
}
