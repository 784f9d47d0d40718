import type { CostLine, CostSheet, Saving, WageRate } from './types.js';

/**
 * The compliance-cost formula of Circular 02/2017/TT-VPCP art. 27 in exact arithmetic (RULES.md
 * "Formula"): hourly rate = monthly income / (working days × hours a day); a line per dossier = times ×
 * (hours × rate + cash); a dossier = Σ lines; a year = a dossier × yearly dossiers. Computed as exact
 * fractions and rounded half-up to whole đồng only when shown, never per step.
 * (stub: implemented by the rules' author)
 */
export function costSheet(_wage: WageRate, _lines: CostLine[], _yearlyDossiers: number): CostSheet {
  throw new Error('not implemented');
}

/** Saving before → after in đồng and as a percentage with 2 decimals (half-up); percent null when before is 0. */
export function saving(_beforeVnd: number, _afterVnd: number): Saving {
  throw new Error('not implemented');
}

/** Roll-up of several savings (per agency, per province): sums, then the percentage of the sums. */
export function rollUp(_items: readonly { beforeVnd: number; afterVnd: number }[]): Saving {
  throw new Error('not implemented');
}
