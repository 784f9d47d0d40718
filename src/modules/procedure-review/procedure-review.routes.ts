import type { App } from '../../platform/http/types.js';
import { costsRoutes } from './costs.routes.js';
import { parametersRoutes } from './parameters.routes.js';
import { plansRoutes } from './plans.routes.js';
import { reviewPlansRoutes } from './review-plans.routes.js';
import { reviewsRoutes } from './reviews.routes.js';
import type { ProcedureReviewService } from './procedure-review.service.js';

export { PR_PREFIX } from './procedure-review.context.js';

/** The module's routes (issue 21), under /api/v1/procedure-review; each part adds its own. */
export async function procedureReviewRoutes(app: App, pr: ProcedureReviewService): Promise<void> {
  await parametersRoutes(app, pr);
  await costsRoutes(app, pr);
  await reviewsRoutes(app, pr);
  await reviewPlansRoutes(app, pr);
  await plansRoutes(app, pr);
}
