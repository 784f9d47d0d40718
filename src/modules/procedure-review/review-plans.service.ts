import type { ProcedureReviewDeps } from './procedure-review.context.js';

/** Part D (API.md): yearly review plans. (stub) */
export function createReviewPlansService(_deps: ProcedureReviewDeps) {
  return {};
}
