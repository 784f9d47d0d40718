import type { ProcedureReviewDeps } from './procedure-review.context.js';
import type { CostOf } from './costs.service.js';

/** Part E (API.md): simplification plans. (stub) */
export function createPlansService(_deps: ProcedureReviewDeps, _needs: { costOf: CostOf }) {
  return {};
}
