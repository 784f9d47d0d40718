import type { App } from '../../platform/http/types.js';
import type { ProcedureReviewService } from './procedure-review.service.js';
import { PR_PREFIX } from './procedure-review.context.js';
import { costParams, costQuery, costsQuery } from './schema.js';

/** HTTP only (API.md Part B): parse, then hand the request context to the service. */
export async function costsRoutes(app: App, pr: ProcedureReviewService): Promise<void> {
  const tags = ['procedure-review'];
  const { costs } = pr;

  app.get(`${PR_PREFIX}/units`, { schema: { tags, summary: 'Cơ quan mà cán bộ được xem rà soát TTHC, và quyền tại đó / agencies whose reviews the caller reads' } },
    async (req) => costs.units(req.ctx));
  app.get(`${PR_PREFIX}/costs`, { schema: { tags, summary: 'Xếp hạng thủ tục theo chi phí tuân thủ, tỷ lệ bổ sung, trễ hạn / ranking of procedures by compliance cost', querystring: costsQuery } },
    async (req) => costs.ranking(req.ctx, req.query));
  app.get(`${PR_PREFIX}/costs/:code`, { schema: { tags, summary: 'Chi phí tuân thủ của một thủ tục trên địa bàn một đơn vị / the compliance cost of one procedure', params: costParams, querystring: costQuery } },
    async (req) => costs.cost(req.ctx, req.params.code, req.query));
}
