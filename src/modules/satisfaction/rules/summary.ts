import type { RatingLevel } from '../schema.js';

export type LevelCounts = Record<RatingLevel, number>;

/** Counts per level, the total and the share satisfied: (very satisfied + satisfied) / total, 0–1, null when nothing was rated. */
export function summarise(counts: LevelCounts) {
  const total = counts.very_satisfied + counts.satisfied + counts.not_satisfied;
  return { counts, total, satisfiedRate: total ? Math.round(((counts.very_satisfied + counts.satisfied) / total) * 10_000) / 10_000 : null };
}

export const emptyCounts = (): LevelCounts => ({ very_satisfied: 0, satisfied: 0, not_satisfied: 0 });
