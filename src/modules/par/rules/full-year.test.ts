/**
 * A full year for three departments, end to end through the rules (applicability → scoring of each
 * layer → survey → index → band → rank), checked against `referenceYear` below: a flat, independent
 * reading of the same inputs that shares no code with the rules but the tree and the facts. The
 * hand-computed figures are in the comments of each unit's inputs.
 */
import { describe, expect, it } from 'vitest';
import { applicable, type Applicability, type CriteriaTree, type CriterionNode, type UnitFacts } from './criteria.js';
import { sampleTree } from './factories.js';
import { bandOf, computeIndex, DEFAULT_BANDS, rankPerBlock } from './index.js';
import { scoreLeaf, scoreSurvey, scoreThatCounts, type LeafInput, type LeafLayers } from './scoring.js';
import { aggregateSurvey, type SurveyAnswer } from './survey.js';

type UnitYear = {
  unitId: number;
  name: string;
  facts: UnitFacts;
  /** The unit's own inputs per leaf (self-assessment). */
  self: Record<string, LeafInput>;
  /** Later layers' points per leaf (appraisal 1, explanation, appraisal 2, council). */
  layers: Record<string, LeafLayers>;
  /** Survey answers per question, one letter per slip, '-' blank. */
  slips: Record<string, string>;
};

const SURVEY_QUESTIONS: Record<string, string[]> = { '3.1': ['q1', 'q2'], '3.2': ['q3'] };

const units: UnitYear[] = [
  {
    // 1: 3 + 2 (85 ≥ 80) + 2.5 (appraisal 2) = 7.5; 2: 7.2 (0.72 / 0.8 × 8) + 5.4 + 2 (council) + 0 = 14.6;
    // 3: q1 70, q2 80 → 75 % × 6 = 4.5; q3 55 % × 4 = 2.2 → 6.7. Σ 28.8; bonus 3.5 capped at 3; penalty 0.5.
    // (28.8 + 3 − 0.5) / 40 = 78.25 → Khá.
    unitId: 11, name: 'Sở Tư pháp', facts: { block: 'so', hasProcedures: true },
    self: { '1.1': true, '1.2': 85, '1.3': 3, '2.1': { value: 0.72, inputs: '72/100 hồ sơ' }, '2.2': 0.9, '2.3.1': 3, '2.3.2': false, '9.1': 2, '9.2': 1.5, '9.3': 0.5 },
    layers: {
      '1.1': { appraisal1: { points: 3 } },
      '1.3': { appraisal1: { points: 2, reason: 'Thiếu tài liệu kiểm chứng' }, explanation: { points: 3 }, appraisal2: { points: 2.5 } },
      '2.3.1': { council: { points: 2, reason: 'Hội đồng điều chỉnh' } },
    },
    slips: { q1: 'AABC', q2: 'AB', q3: 'ABBD' },
  },
  {
    // No procedures: area 2 leaves the denominator (its inputs below are ignored). 1: 3 + 4 + 2.75 = 9.75;
    // 3: q1 90, q2 100 → 95 % × 6 = 5.7; q3 (100 + 100 + 60) / 3 = 86.67 % × 4 = 3.47 → 9.17. Σ 18.92;
    // bonus 1. (18.92 + 1) / 20 = 99.6 → Xuất sắc.
    unitId: 12, name: 'Văn phòng UBND tỉnh', facts: { block: 'so', hasProcedures: false },
    self: { '1.1': true, '1.2': 100, '1.3': 2.75, '2.1': { value: 0.1 }, '2.2': 0.1, '2.3.1': 0, '2.3.2': false, '9.2': 1 },
    layers: {},
    slips: { q1: 'AAAB', q2: 'A', q3: 'AAB-E' },
  },
  {
    // 1: 0 (appraisal 1) + 0 (45 < 50) + 1 = 1; 2: 8 (0.85 ≥ 0.8) + 3 + 2 + 3 = 16; 3: q1 10, q2 60 → 35 % × 6
    // = 2.1; q3 20 % × 4 = 0.8 → 2.9. Σ 19.9; penalty 3 capped at 2. (19.9 − 2) / 40 = 44.75 → Yếu.
    unitId: 13, name: 'Sở Y tế', facts: { block: 'so', hasProcedures: true },
    self: { '1.1': true, '1.2': 45, '1.3': 1, '2.1': { value: 0.85 }, '2.2': 0.5, '2.3.1': 2, '2.3.2': true, '9.3': 2, '9.4': 1 },
    layers: { '1.1': { appraisal1: { points: 0, reason: 'Kế hoạch ban hành muộn' } } },
    slips: { q1: 'CD', q2: 'BB', q3: 'BCDD' },
  },
];

const slipsOf = (u: UnitYear): SurveyAnswer[] =>
  Object.entries(u.slips).flatMap(([questionId, letters]) => [...letters].map((o) => ({ unitId: u.unitId, questionId, option: o === '-' ? null : o })));

/** The rules, as the service will chain them. */
function throughTheRules(tree: CriteriaTree) {
  const survey = aggregateSurvey(
    Object.entries(SURVEY_QUESTIONS).map(([code, qs]) => ({ code, questions: qs.map((questionId) => ({ questionId })) })),
    units.map((u) => u.unitId),
    units.flatMap(slipsOf),
  );
  const leaves = new Map<string, CriterionNode>();
  const collect = (ns: readonly CriterionNode[]) => ns.forEach((n) => (n.children?.length ? collect(n.children) : leaves.set(n.code, n)));
  collect(tree.areas);

  const results = units.map((u) => {
    const app = applicable(tree, u.facts).applicable;
    const points = new Map<string, number>();
    for (const [code, leaf] of leaves) {
      if (!app.has(code)) continue;
      const own = leaf.scoring!.kind === 'survey'
        ? scoreSurvey(leaf.maxPoints, survey.get(u.unitId)!.get(code)!.percent)
        : scoreLeaf(leaf.scoring!, leaf.maxPoints, u.self[code]);
      const counts = scoreThatCounts({ self: { points: own.ok ? own.points : null }, ...u.layers[code] });
      if (counts) points.set(code, counts.points);
    }
    const r = computeIndex(tree, app, points);
    return { unitId: u.unitId, name: u.name, block: String(u.facts.block), index: r.index, band: bandOf(r.index, DEFAULT_BANDS)?.label ?? null, unscored: r.unscored };
  });
  const ranks = rankPerBlock(results).get('so')!;
  return results.map((r) => ({ ...r, rank: ranks.find((x) => x.unitId === r.unitId)!.rank }));
}

/**
 * The same year read plainly: list the leaves with the rules of their ancestors, score each from its
 * inputs with the formula written out, take the last layer given, sum, cap, divide, band, rank by
 * counting better units. Values are chosen away from x.xx5 so plain Math.round agrees with half-up.
 */
function referenceYear(tree: CriteriaTree) {
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const flat: { leaf: CriterionNode; rules: Applicability[] }[] = [];
  const flatten = (n: CriterionNode, rules: Applicability[]) => {
    const here = n.applicability ? [...rules, n.applicability] : rules;
    if (n.children?.length) for (const c of n.children) flatten(c, here);
    else flat.push({ leaf: n, rules: here });
  };
  tree.areas.forEach((a) => flatten(a, []));
  const WEIGHT: Record<string, number> = { A: 100, B: 60, C: 20, D: 0 };
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  const rows = units.map((u) => {
    let earned = 0;
    let possible = 0;
    let bonus = 0;
    let penalty = 0;
    for (const { leaf, rules } of flat) {
      // The sample set only uses "fact equals" rules; an undeclared fact keeps the criterion.
      if (!rules.every((r) => r.kind !== 'fact' || !(r.fact in u.facts) || u.facts[r.fact] === r.equals)) continue;
      const s = leaf.scoring!;
      const input = u.self[leaf.code];
      let own = 0;
      if (s.kind === 'binary') own = input === true ? leaf.maxPoints : 0;
      if (s.kind === 'manual' || s.kind === 'bonus' || s.kind === 'penalty') own = typeof input === 'number' ? input : 0;
      if (s.kind === 'tiered') own = Math.max(0, ...s.tiers.filter((t) => (input as number) >= t.threshold).map((t) => t.points)); // points rise with thresholds here
      if (s.kind === 'ratio') own = (input as number) * leaf.maxPoints;
      if (s.kind === 'computed' && s.conversion.kind === 'ratio') own = Math.min(1, (input as { value: number }).value / s.conversion.target!) * leaf.maxPoints;
      if (s.kind === 'survey') {
        const perQuestion = SURVEY_QUESTIONS[leaf.code]!.map((q) => [...(u.slips[q] ?? '')].filter((o) => o in WEIGHT).map((o) => WEIGHT[o]!)).filter((ws) => ws.length).map(mean);
        own = (mean(perQuestion) / 100) * leaf.maxPoints;
      }
      const l = u.layers[leaf.code] ?? {};
      const final = l.council?.points ?? l.appraisal2?.points ?? l.explanation?.points ?? l.appraisal1?.points ?? r2(own);
      if (s.kind === 'bonus') bonus += final;
      else if (s.kind === 'penalty') penalty += final;
      else {
        earned += final;
        possible += leaf.maxPoints;
      }
    }
    const total = Math.max(0, earned + Math.min(bonus, tree.caps.bonus) - Math.min(penalty, tree.caps.penalty));
    return { unitId: u.unitId, index: r2((total / possible) * 100) };
  });
  return rows.map((row) => {
    const band = [...DEFAULT_BANDS].sort((a, b) => b.min - a.min).find((b) => row.index >= b.min)?.label ?? null;
    return { ...row, band, rank: 1 + rows.filter((o) => o.index > row.index).length };
  });
}

describe('PAR index: a full year for three departments', () => {
  const tree = sampleTree();
  const got = throughTheRules(tree);
  const expected = referenceYear(tree);

  it('agrees with the independent reading, unit by unit', () => {
    expect(got.map(({ unitId, index, band, rank }) => ({ unitId, index, band, rank }))).toEqual(expected);
  });

  it('matches the hand-computed figures', () => {
    expect(got.map((r) => [r.name, r.index, r.band, r.rank])).toEqual([
      ['Sở Tư pháp', 78.25, 'Khá', 2],
      ['Văn phòng UBND tỉnh', 99.6, 'Xuất sắc', 1],
      ['Sở Y tế', 44.75, 'Yếu', 3],
    ]);
    expect(got.every((r) => r.unscored.length === 0)).toBe(true);
  });
});
