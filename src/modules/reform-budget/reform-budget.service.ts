import type { Db } from '../../platform/db/transaction.js';
import type { OrgService } from '../org/org.service.js';

export type ReformBudgetDeps = { db: Db; org: Pick<OrgService, 'allUnits' | 'subtrees' | 'staffNamesByIds'>; now: () => Date };

/** The reform budget (Directive 16 item 7e; issue 20 scope 5). Stub until built; see ../quality/API.md. */
export function createReformBudgetService(_deps: ReformBudgetDeps) {
  return {};
}
export type ReformBudgetService = ReturnType<typeof createReformBudgetService>;
