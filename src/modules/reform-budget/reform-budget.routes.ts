import type { App } from '../../platform/http/types.js';
import type { ReformBudgetService } from './reform-budget.service.js';

/** HTTP only: parse, then hand the request context to the service. Stub until built. */
export async function reformBudgetRoutes(_app: App, _budget: ReformBudgetService): Promise<void> {}
