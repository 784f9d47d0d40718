import type { RequestContext } from '../../platform/http/context.js';
import type { DossierRatingFacts } from '../dossiers/rating-facts.js';

/**
 * Where the satisfaction module meets the rest of motcua: the dossier it rates (no personal data,
 * modules/dossiers/rating-facts.ts) and the names of units. Wired in src/app.ts.
 */
export interface RatingDossiersPort {
  ratingFacts(ctx: RequestContext | null, code: string): Promise<DossierRatingFacts | undefined>;
}

export interface UnitsPort {
  unitNames(unitIds: number[]): Promise<Map<number, string>>;
  subtrees(unitIds: number[]): Promise<Map<number, number[]>>;
}

/** The keyed hash and sealing of platform/crypto (the same keys as ID numbers). */
export interface SecretsPort {
  blindIndex(value: string): string;
  blindIndexes(value: string): string[];
  sealText(plain: string): string;
  openText(sealed: string): string;
}

export type SatisfactionSettings = {
  /** A kiosk code stops working this many days after the result is returned. */
  codeDaysAfterReturn: number;
  /** Wrong kiosk codes an address may send per minute before it is refused (429) for the rest of the minute. */
  wrongCodesPerMinute: number;
  /** Where the kiosk page is (`${publicUrl}/danh-gia`), printed on the receipt. */
  publicUrl: string;
};
