import type { App } from '../../platform/http/types.js';
import type { ProcedureReviewService } from './procedure-review.service.js';
import { PR_PREFIX } from './procedure-review.context.js';
import { parametersBody, yearParams } from './schema.js';

/** HTTP only (API.md Part A): parse, then hand the request context to the service. */
export async function parametersRoutes(app: App, pr: ProcedureReviewService): Promise<void> {
  const tags = ['procedure-review'];
  const { parameters } = pr;

  app.get(`${PR_PREFIX}/parameters`, { schema: { tags, summary: 'Tham số tính chi phí tuân thủ theo năm / compliance-cost parameters by year' } },
    async (req) => parameters.list(req.ctx));
  app.put(`${PR_PREFIX}/parameters/:year`, { schema: { tags, summary: 'Lưu tham số chi phí tuân thủ của một năm (quản trị danh mục toàn tỉnh) / save a year\'s parameters', params: yearParams, body: parametersBody } },
    async (req) => parameters.save(req.ctx, req.params.year, req.body));
}
