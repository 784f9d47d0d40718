/**
 * Rule sets keyed by the day they take effect. A law that changes a period does not reach back:
 * each clock takes the set in force on the day the clock starts (see the callers for which event
 * starts which clock), so a case keeps the periods it began under even after the law changes.
 */
import type { IsoDay } from './calendar.js';

/** [V] checked against the text itself, [S] secondary source, [?] unverified (DOMAIN-MANAGEMENT §0). */
export type Confidence = 'V' | 'S' | '?';

export type RuleVersion<T> = {
  /** First day this set applies to. */
  readonly effectiveFrom: IsoDay;
  /** The legal text the set comes from, and where we read it. */
  readonly source: string;
  readonly confidence: Confidence;
  /** False when the content is a placeholder we could not confirm (the caller may show a warning). */
  readonly verified: boolean;
  readonly note?: string;
  readonly rules: T;
};

/** A table must be ordered by date with no two sets on one day, or the lookup below would be ambiguous. */
export function checkVersions<T>(table: readonly RuleVersion<T>[]): readonly RuleVersion<T>[] {
  if (table.length === 0) throw new Error('a rule table needs at least one version');
  for (let i = 1; i < table.length; i++) {
    if (table[i]!.effectiveFrom <= table[i - 1]!.effectiveFrom) throw new Error(`rule versions out of order at ${table[i]!.effectiveFrom}`);
  }
  return table;
}

/** The set in force on `day`; a day before the first set is an error, not a silent fallback. */
export function versionOn<T>(table: readonly RuleVersion<T>[], day: IsoDay): RuleVersion<T> {
  let found: RuleVersion<T> | undefined;
  for (const v of table) if (v.effectiveFrom <= day) found = v;
  if (!found) throw new Error(`no rule set in force on ${day} (the first takes effect ${table[0]?.effectiveFrom ?? 'never'})`);
  return found;
}
