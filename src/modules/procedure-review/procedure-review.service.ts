import type { ProcedureReviewDeps } from './procedure-review.context.js';
import { createCostsService } from './costs.service.js';
import { createParametersService } from './parameters.service.js';
import { createPlansService } from './plans.service.js';
import { createReviewPlansService } from './review-plans.service.js';
import { createReviewsService } from './reviews.service.js';

/**
 * Reviewing and simplifying procedures (issue 21): one service composed of its parts (API.md). A part
 * that needs another gets the function it needs here; a part never imports another part's service.
 */
export function createProcedureReviewService(deps: ProcedureReviewDeps) {
  const parameters = createParametersService(deps);
  const costs = createCostsService(deps, { rateFor: parameters.rateFor });
  const reviews = createReviewsService(deps, { costOf: costs.costOf });
  const reviewPlans = createReviewPlansService(deps);
  const plans = createPlansService(deps, { costOf: costs.costOf });
  return { parameters, costs, reviews, reviewPlans, plans };
}
export type ProcedureReviewService = ReturnType<typeof createProcedureReviewService>;
