import type { ProcedureReviewDeps } from './procedure-review.context.js';
import type { Defaults, WageRate } from './rules/types.js';

/** Part A (API.md): the compliance-cost parameters by year. (stub) */
export function createParametersService(_deps: ProcedureReviewDeps) {
  return {
    /** The parameters in force for a year: that year's row, else the latest earlier year's; null when none. */
    async rateFor(_year: number): Promise<{ wage: WageRate; defaults: Defaults } | null> {
      return null;
    },
  };
}
