import type { Period, ProcedureReviewDeps, CatalogVersion } from './procedure-review.context.js';
import type { Estimates } from './rules/cost-model.js';
import type { CostSheet, Defaults, PlanChanges, ProcedureFacts, WageRate } from './rules/types.js';

export type CostOf = (input: { code: string; unitIds: number[]; period: Period; estimates?: Estimates; changes?: PlanChanges; versionId?: number }) => Promise<{
  version: CatalogVersion; facts: ProcedureFacts | null; sheet: CostSheet; after: CostSheet | null; parameters: { wage: WageRate; defaults: Defaults } | null;
}>;

/** Part B (API.md): costs and the ranking. (stub) */
export function createCostsService(_deps: ProcedureReviewDeps, _needs: { rateFor: (year: number) => Promise<{ wage: WageRate; defaults: Defaults } | null> }) {
  const costOf: CostOf = async () => { throw new Error('not implemented'); };
  return { costOf };
}
