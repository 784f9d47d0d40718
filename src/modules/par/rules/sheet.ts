/**
 * A unit's scoring sheet as figures (pure): for every applicable leaf the layers of its score — the
 * self-score typed by the unit, or the figure a survey or another module gives —, the score that counts,
 * and the roll-up into the index (index.ts). The service reads the rows; this decides what they mean.
 */
import { applicable, isLeaf, walk, type CriteriaTree, type CriterionNode, type UnitFacts } from './criteria.js';
import { computeIndex, type IndexResult } from './index.js';
import { scoreComputed, scoreSurvey, scoreThatCounts, type ComputedInput, type LayerEntry, type LeafLayers, type ScoreLayer, type ScoreResult } from './scoring.js';

/** Leaves whose points no person types: the survey's and other modules' figures fill them. */
export const isDerived = (n: CriterionNode): boolean => n.scoring?.kind === 'survey' || n.scoring?.kind === 'computed';

/** The department that appraises a node: its own, else its nearest ancestor's; null = the organiser. */
export function appraisersOf(tree: CriteriaTree): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const visit = (n: CriterionNode, inherited: number | null) => {
    const own = n.appraisingUnitId ?? inherited;
    out.set(n.code, own);
    for (const c of n.children ?? []) visit(c, own);
  };
  for (const a of tree.areas) visit(a, null);
  return out;
}

export function findNode(tree: CriteriaTree, code: string): CriterionNode | undefined {
  for (const { node } of walk(tree.areas)) if (node.code === code) return node;
  return undefined;
}

export type StoredLayer = { layer: ScoreLayer; points: number | null; reason: string | null; author: string | null };

export type LeafFigures = {
  code: string;
  layers: LeafLayers;
  /** The derived self layer's explanation ("Điều tra xã hội học đạt 82% × 4 điểm…"), or its refusal. */
  derived: ScoreResult | null;
  counts: { layer: ScoreLayer; points: number } | null;
};

/**
 * The layers of one leaf. A derived leaf's self layer is its figure (survey % or fed value) turned into
 * points by the leaf's rule; a typed leaf's self layer is what the unit stored. Appraisal layers apply
 * to both.
 */
export function leafFigures(node: CriterionNode, stored: readonly StoredLayer[], derived: { surveyPercent?: number | null; computed?: ComputedInput | null }): LeafFigures {
  const layers: LeafLayers = {};
  for (const s of stored) {
    const entry: LayerEntry = { points: s.points };
    if (s.reason) entry.reason = s.reason;
    if (s.author) entry.author = s.author;
    layers[s.layer] = entry;
  }
  let result: ScoreResult | null = null;
  const scoring = node.scoring;
  // A derived leaf's figure is frozen into its stored self layer when the result is published: from then
  // on the live survey or feed no longer moves it (only a correction decision does, in the council layer).
  if (isDerived(node) && layers.self) return { code: node.code, layers, derived: null, counts: scoreThatCounts(layers) };
  if (scoring?.kind === 'survey') {
    result = derived.surveyPercent === null || derived.surveyPercent === undefined
      ? { ok: false, code: 'MISSING_INPUT', message: 'Chưa có kết quả điều tra xã hội học' }
      : scoreSurvey(node.maxPoints, derived.surveyPercent);
  } else if (scoring?.kind === 'computed') {
    result = scoreComputed(node.maxPoints, scoring, derived.computed);
  }
  if (result) layers.self = result.ok ? { points: result.points, reason: result.explanation } : { points: null, reason: result.message };
  return { code: node.code, layers, derived: result, counts: scoreThatCounts(layers) };
}

export type SheetFigures = {
  applicable: ReadonlySet<string>;
  excluded: ReadonlyMap<string, string>;
  missingFacts: readonly string[];
  leaves: Map<string, LeafFigures>;
  index: IndexResult;
};

/** The whole sheet: applicability from the unit's facts, every leaf's layers, and the index. */
export function sheetFigures(
  tree: CriteriaTree,
  facts: UnitFacts,
  stored: ReadonlyMap<string, readonly StoredLayer[]>,
  derived: { survey: ReadonlyMap<string, number | null>; computed: ReadonlyMap<string, ComputedInput | null> },
): SheetFigures {
  const app = applicable(tree, facts);
  const leaves = new Map<string, LeafFigures>();
  const points = new Map<string, number>();
  for (const { node } of walk(tree.areas)) {
    if (!isLeaf(node) || !app.applicable.has(node.code)) continue;
    const f = leafFigures(node, stored.get(node.code) ?? [], { surveyPercent: derived.survey.get(node.code), computed: derived.computed.get(node.code) });
    leaves.set(node.code, f);
    if (f.counts) points.set(node.code, f.counts.points);
  }
  return { applicable: app.applicable, excluded: app.excluded, missingFacts: app.missingFacts, leaves, index: computeIndex(tree, app.applicable, points) };
}
