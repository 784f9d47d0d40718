/**
 * The PAR index of a unit, its band and the ranking per block (pure). DOMAIN-MANAGEMENT §A3 step 6 and
 * §F1: index = (appraised points + survey points) / applicable maximum × 100; non-applicable criteria
 * leave the denominator (Hà Nam 2023); bonus and penalty count within their caps.
 *
 * Decisions where DOMAIN-MANAGEMENT is silent (say so in the report to the lead):
 * - Bonus and penalty are points, added to / taken from the numerator like any other points, never to
 *   the denominator ("outside 100", §A5). So a unit with bonus may pass 100; the index is not capped
 *   above, but the numerator never goes below 0.
 * - Rounding: leaves and sums to 2 decimals (numbers.ts); the index is computed from the rounded sums
 *   and rounded once to 2 decimals, as published (94.49 %).
 * - Bands and ranks are decided on the rounded index, the figure people see: 89.996 is published as
 *   90.00 and is in the ≥ 90 band; two units shown as 91.20 share a rank.
 */
import { type CriteriaTree, type CriterionNode, isExtra, isLeaf, walk } from './criteria.js';
import { round2, sum2 } from './numbers.js';

export type NodeResult = {
  code: string;
  text: string;
  /** Points of the applicable leaves below (bonus/penalty not included). */
  points: number;
  /** Applicable maximum: what this node contributes to the denominator. */
  max: number;
  applicable: boolean;
  children: NodeResult[];
};

export type IndexResult = {
  /** Per area, for the breakdown the portal publishes; bonus/penalty groups appear with 0/0. */
  areas: NodeResult[];
  /** Σ points of applicable normal leaves (appraised and survey). */
  points: number;
  applicableMax: number;
  bonus: { awarded: number; counted: number };
  penalty: { awarded: number; counted: number };
  /** points + counted bonus − counted penalty, not below 0. */
  total: number;
  /** total / applicableMax × 100 rounded to 2 decimals; null when nothing applies. */
  index: number | null;
  /** Applicable leaves (bonus/penalty aside) with no points yet: they count 0, and the service refuses to publish. */
  unscored: string[];
};

/**
 * @param applicableCodes from `applicable(tree, facts).applicable`
 * @param points the score that counts per leaf code (scoring.ts), survey leaves included (survey.ts);
 *   penalties as positive amounts.
 */
export function computeIndex(tree: CriteriaTree, applicableCodes: ReadonlySet<string>, points: ReadonlyMap<string, number>): IndexResult {
  const unscored: string[] = [];
  let bonusAwarded = 0;
  let penaltyAwarded = 0;

  const roll = (n: CriterionNode): NodeResult => {
    const applicable = applicableCodes.has(n.code);
    if (isLeaf(n)) {
      const p = applicable ? points.get(n.code) : undefined;
      const got = p ?? 0;
      if (isExtra(n)) {
        // No entry on a bonus or penalty item means none was awarded: it is not a gap in the sheet.
        if (n.scoring?.kind === 'bonus') bonusAwarded += got;
        else penaltyAwarded += got;
        return { code: n.code, text: n.text, points: 0, max: 0, applicable, children: [] };
      }
      if (applicable && p === undefined) unscored.push(n.code);
      return { code: n.code, text: n.text, points: applicable ? round2(got) : 0, max: applicable ? n.maxPoints : 0, applicable, children: [] };
    }
    const children = n.children!.map(roll);
    if (!applicable || isExtra(n)) return { code: n.code, text: n.text, points: 0, max: 0, applicable, children };
    let p = sum2(children.map((c) => c.points));
    let max = sum2(children.map((c) => c.max));
    // A maximum the decision sets below the children's total caps both what is earned and what is
    // possible, so a unit is never judged against more than the decision offers.
    if (n.maxNotSumOfChildren) {
      p = Math.min(p, n.maxPoints);
      max = Math.min(max, n.maxPoints);
    }
    return { code: n.code, text: n.text, points: p, max, applicable, children };
  };

  const areas = tree.areas.map(roll);
  const sumPoints = sum2(areas.map((a) => a.points));
  const applicableMax = sum2(areas.map((a) => a.max));
  const bonus = { awarded: round2(bonusAwarded), counted: round2(Math.min(bonusAwarded, tree.caps.bonus)) };
  const penalty = { awarded: round2(penaltyAwarded), counted: round2(Math.min(penaltyAwarded, tree.caps.penalty)) };
  const total = Math.max(0, round2(sumPoints + bonus.counted - penalty.counted));
  const index = applicableMax > 0 ? round2((total / applicableMax) * 100) : null;
  return { areas, points: sumPoints, applicableMax, bonus, penalty, total, index, unscored };
}

/** Codes of the applicable leaves, in tree order: the rows of a unit's scoring sheet. */
export function applicableLeaves(tree: CriteriaTree, applicableCodes: ReadonlySet<string>): CriterionNode[] {
  return [...walk(tree.areas)].map((w) => w.node).filter((n) => isLeaf(n) && applicableCodes.has(n.code));
}

// ── bands ─────────────────────────────────────────────────────────────────────────────────────────

/** A band reached at `min` % and above, up to the next band. */
export type Band = { label: string; min: number };

/**
 * Illustrative default after Kiên Giang 2017 (Xuất sắc ≥ 90; Tốt ≥ 80) and the national A ≥ 90 /
 * B 80–<90 (§A4); the Khá and Trung bình thresholds are not verified. Each year × block sets its own.
 */
export const DEFAULT_BANDS: readonly Band[] = [
  { label: 'Xuất sắc', min: 90 },
  { label: 'Tốt', min: 80 },
  { label: 'Khá', min: 70 },
  { label: 'Trung bình', min: 50 },
  { label: 'Yếu', min: 0 },
];

export function validateBands(bands: readonly Band[]): string[] {
  const out: string[] = [];
  if (bands.length === 0) out.push('Phải có ít nhất một mức xếp loại');
  const seen = new Set<number>();
  for (const b of bands) {
    if (!b.label.trim()) out.push('Tên mức xếp loại không được để trống');
    if (!(Number.isFinite(b.min) && b.min >= 0 && b.min <= 100)) out.push(`Ngưỡng của mức "${b.label}" phải từ 0 đến 100`);
    else if (seen.has(b.min)) out.push(`Ngưỡng ${b.min} bị trùng`);
    seen.add(b.min);
  }
  return out;
}

/** The band of an index: the one with the highest threshold at or below it; null below all or no index. */
export function bandOf(index: number | null, bands: readonly Band[]): Band | null {
  if (index === null) return null;
  const shown = round2(index);
  let best: Band | null = null;
  for (const b of bands) if (shown >= b.min && (!best || b.min > best.min)) best = b;
  return best;
}

// ── ranking ───────────────────────────────────────────────────────────────────────────────────────

export type RankEntry = { unitId: number; name: string; block: string; index: number | null };
export type Ranked = RankEntry & { rank: number | null };

/**
 * Ranking per block (§A3 step 7: sở, phường, xã are published separately). Standard competition
 * ranking, DOMAIN-MANAGEMENT being silent: equal indexes share a rank and the next rank skips
 * (1, 2, 2, 4). Ties are listed by name so the published order does not depend on storage. Units
 * without an index come last with no rank.
 */
export function rankPerBlock(entries: readonly RankEntry[]): Map<string, Ranked[]> {
  const blocks = new Map<string, RankEntry[]>();
  for (const e of entries) blocks.set(e.block, [...(blocks.get(e.block) ?? []), e]);
  const out = new Map<string, Ranked[]>();
  for (const [block, list] of blocks) {
    const shown = (e: RankEntry) => (e.index === null ? null : round2(e.index));
    const sorted = [...list].sort((a, b) => {
      const ia = shown(a);
      const ib = shown(b);
      if (ia !== ib) return ia === null ? 1 : ib === null ? -1 : ib - ia;
      return a.name.localeCompare(b.name, 'vi') || a.unitId - b.unitId;
    });
    const ranked: Ranked[] = [];
    sorted.forEach((e, i) => {
      const prev = ranked[i - 1];
      const rank = shown(e) === null ? null : prev && prev.rank !== null && shown(prev) === shown(e) ? prev.rank : i + 1;
      ranked.push({ ...e, rank });
    });
    out.set(block, ranked);
  }
  return out;
}
