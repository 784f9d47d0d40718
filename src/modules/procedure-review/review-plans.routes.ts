import type { App } from '../../platform/http/types.js';
import type { ProcedureReviewService } from './procedure-review.service.js';

/** HTTP only (API.md). (stub) */
export async function reviewPlansRoutes(_app: App, _pr: ProcedureReviewService): Promise<void> {}
