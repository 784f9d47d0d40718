import type { App } from '../../platform/http/types.js';
import type { ProcedureReviewService } from './procedure-review.service.js';
import { idParams, reviewPlanActionBody, reviewPlanCreateBody, reviewPlansQuery, reviewPlanUpdateBody } from './schema.js';

/** HTTP only (API.md Part D): parse, then hand the request context to the service. */
export async function reviewPlansRoutes(app: App, pr: ProcedureReviewService): Promise<void> {
  const tags = ['procedure-review'];
  const P = '/api/v1/procedure-review/review-plans';
  const { reviewPlans } = pr;

  app.get(P, { schema: { tags, summary: 'Kế hoạch rà soát TTHC hằng năm của các cơ quan người dùng được xem / yearly review plans', querystring: reviewPlansQuery } },
    async (req) => reviewPlans.list(req.ctx, req.query));
  app.post(P, { schema: { tags, summary: 'Lập kế hoạch rà soát TTHC của cơ quan cho một năm / draft a yearly review plan', body: reviewPlanCreateBody } },
    async (req, reply) => reply.status(201).send(await reviewPlans.create(req.ctx, req.body)));
  app.get(`${P}/:id`, { schema: { tags, summary: 'Một kế hoạch rà soát và tiến độ từng thủ tục / one review plan with its progress', params: idParams } },
    async (req) => reviewPlans.get(req.ctx, req.params.id));
  app.put(`${P}/:id`, { schema: { tags, summary: 'Sửa kế hoạch rà soát khi còn dự thảo / edit a draft review plan', params: idParams, body: reviewPlanUpdateBody } },
    async (req) => reviewPlans.update(req.ctx, req.params.id, req.body));
  app.post(`${P}/:id/actions`, { schema: { tags, summary: 'Phê duyệt kế hoạch rà soát (lãnh đạo cơ quan) / approve a review plan', params: idParams, body: reviewPlanActionBody } },
    async (req) => reviewPlans.act(req.ctx, req.params.id, req.body));
}
