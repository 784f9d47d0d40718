import type { ProcedureReviewDeps } from './procedure-review.context.js';
import type { CostOf } from './costs.service.js';

/** Part C (API.md): review forms. (stub) */
export function createReviewsService(_deps: ProcedureReviewDeps, _needs: { costOf: CostOf }) {
  return {};
}
