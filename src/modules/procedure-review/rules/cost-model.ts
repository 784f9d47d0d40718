import type { ProcedureContent } from '../../catalog/schema.js';
import type { CostLine, Defaults, ProcedureFacts } from './types.js';

export type Estimates = Record<string, { hours?: number; times?: number; cashVnd?: number; note?: string }>;

/**
 * The cost sheet's lines for one procedure version (RULES.md "Lines"): from the catalogue (documents,
 * copies and certifications, fees, channels), the dossiers' facts over the period (trips, supplements,
 * results at the desk) and the year's default estimates, with the reviewer's estimates applied where a
 * line is editable. Each figure carries its source.
 * (stub: implemented by the rules' author)
 */
export function costLines(_input: { content: ProcedureContent; facts: ProcedureFacts | null; defaults: Defaults; estimates?: Estimates }): CostLine[] {
  throw new Error('not implemented');
}

/** The yearly number of dossiers from a period's count: the count itself over 365 or 366 days, else scaled to 365 days (rounded half-up). */
export function yearlyDossiers(_facts: ProcedureFacts | null, _period: { from: string; to: string }): number {
  throw new Error('not implemented');
}
