import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CriteriaTree, type CriterionNode, type ScoringKind, applicable, isExtra, isLeaf, validateTree, walk } from './rules/criteria.js';
import { validateBands } from './rules/index.js';
import { validateWeights } from './rules/survey.js';
import { BLOCKS, COMPUTED_SOURCES, bandsInput, treeInput, weightsInput } from './schema.js';

/**
 * The demo criteria sets (demo/par/*.json) are configuration read by the demo loader; these checks are
 * what the loader relies on: they map to valid trees on the 100-point scale, with known units.
 */
const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, unknown>;
const units = (read('../../../demo/org/units.json').units as { code: string; name: string }[]);
/** Stand-in ids for the loader's mapping: the position of the unit in units.json. */
const idOf = new Map(units.map((u, i) => [u.code, i + 1]));

type RawNode = Record<string, unknown> & { code: string; children?: RawNode[] };
const unknownCodes: string[] = [];
function mapUnits(n: RawNode): RawNode {
  const { appraisingUnitCode, children, ...rest } = n;
  const out: RawNode = { ...rest };
  if (appraisingUnitCode !== undefined) {
    const id = idOf.get(String(appraisingUnitCode));
    if (id === undefined) unknownCodes.push(`${n.code}: ${String(appraisingUnitCode)}`);
    out.appraisingUnitId = id ?? -1;
  }
  if (children) out.children = children.map(mapUnits);
  return out;
}

const SETS = ['2025-so', '2025-xa'].map((name) => {
  const raw = read(`../../../demo/par/${name}.json`);
  const rawTree = raw.tree as { caps: unknown; areas: RawNode[] };
  const parsed = treeInput.safeParse({ caps: rawTree.caps, areas: rawTree.areas.map(mapUnits) });
  return { name, raw, parsed, tree: (parsed.success ? parsed.data : null) as CriteriaTree | null };
});
const leaves = (tree: CriteriaTree) => [...walk(tree.areas)].map((w) => w.node).filter(isLeaf);
const node = (tree: CriteriaTree, code: string) => [...walk(tree.areas)].find((w) => w.node.code === code)?.node as CriterionNode;

describe.each(SETS)('demo set $name', ({ raw, parsed, tree }) => {
  it('parses with treeInput once unit codes are mapped, every code known in demo/org/units.json', () => {
    expect(unknownCodes).toEqual([]);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('passes validateTree with no problems', () => {
    expect(validateTree(tree!)).toEqual([]);
  });

  it('is 8 scored areas on exactly 100 points, then area 9 of bonus and penalty outside the scale', () => {
    const scored = tree!.areas.filter((a) => !isExtra(a));
    expect(scored.map((a) => a.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(scored.reduce((s, a) => s + a.maxPoints, 0)).toBe(100);
    const extra = tree!.areas.filter(isExtra);
    expect(extra.map((a) => a.code)).toEqual(['9']);
    expect(leaves({ caps: tree!.caps, areas: extra }).map((l) => l.scoring!.kind).sort()).toEqual(['bonus', 'bonus', 'penalty', 'penalty']);
  });

  it('has every parent equal to the sum of its children (no capped parents in the demo)', () => {
    for (const { node: n } of walk(tree!.areas)) {
      if (isLeaf(n) || isExtra(n)) continue;
      expect(n.maxNotSumOfChildren, n.code).toBeUndefined();
      expect(n.children!.reduce((s, c) => s + c.maxPoints, 0), n.code).toBeCloseTo(n.maxPoints, 9);
    }
  });

  it('has 25 to 40 leaves, each with an evidence sentence and an appraising unit', () => {
    const ls = leaves(tree!);
    expect(ls.length).toBeGreaterThanOrEqual(25);
    expect(ls.length).toBeLessThanOrEqual(40);
    for (const l of ls) {
      expect(l.evidence?.length ?? 0, l.code).toBeGreaterThan(20);
      expect(l.appraisingUnitId, l.code).toBeGreaterThan(0);
    }
  });

  it('drops the survey area in a year without a survey, and scores it with survey leaves only', () => {
    const area8 = node(tree!, '8');
    expect(area8.applicability).toEqual({ kind: 'fact', fact: 'surveyHeld', equals: true });
    expect(leaves({ caps: tree!.caps, areas: [area8] }).every((l) => l.scoring!.kind === 'survey')).toBe(true);
    const noSurvey = applicable(tree!, { surveyHeld: false, hasProcedures: true, hasPublicServiceUnits: true });
    expect(noSurvey.applicable.has('8')).toBe(false);
    expect(noSurvey.applicable.has('3')).toBe(true);
  });

  it('computes only from the known sources, rates by ratio and the 766 percentage by tiers', () => {
    for (const l of leaves(tree!)) {
      if (l.scoring?.kind !== 'computed') continue;
      expect(COMPUTED_SOURCES).toContain(l.scoring.source);
      // A rate is a share 0–1 and a ratio refuses anything above 1; the 766 figure is 0–100.
      expect(l.scoring.conversion.kind, l.code).toBe(l.scoring.source === 'service_index.percent' ? 'tiered' : 'ratio');
    }
    const sources = leaves(tree!).flatMap((l) => (l.scoring?.kind === 'computed' ? [l.scoring.source] : []));
    expect(sources).toEqual(expect.arrayContaining(['dossiers.on_time_rate', 'directives.tasks_completed_on_time_rate']));
    const onTime = leaves(tree!).find((l) => l.scoring?.kind === 'computed' && l.scoring.source === 'dossiers.on_time_rate')!;
    expect(onTime.scoring).toMatchObject({ conversion: { kind: 'ratio', target: 0.95 } });
    const tasks = leaves(tree!).find((l) => l.scoring?.kind === 'computed' && l.scoring.source === 'directives.tasks_completed_on_time_rate')!;
    expect(tasks.scoring).toMatchObject({ conversion: { kind: 'ratio', target: 0.9 } });
  });

  it('carries valid blocks, bands, answer weights and an illustrative note, for 2025', () => {
    expect(raw.year).toBe(2025);
    expect(raw.illustrative).toBe(true);
    expect(String(raw.illustrativeNote)).toMatch(/Chưa kiểm chứng/);
    for (const b of raw.blocks as string[]) expect(BLOCKS).toContain(b);
    expect(bandsInput.safeParse(raw.bands).success).toBe(true);
    expect(validateBands(raw.bands as never)).toEqual([]);
    expect(raw.answerWeights).toEqual({ A: 100, B: 60, C: 20, D: 0 });
    expect(weightsInput.safeParse(raw.answerWeights).success).toBe(true);
    expect(validateWeights(raw.answerWeights as never)).toEqual([]);
  });

  it('writes "Ủy" with the mark on the U, never on the y', () => {
    expect(JSON.stringify(raw)).not.toMatch(/u\u1ef7/i);
  });
});

describe('demo sets together', () => {
  const [so, xa] = SETS.map((s) => s.tree!) as [CriteriaTree, CriteriaTree];

  it('use every scoring type', () => {
    const kinds = new Set([...leaves(so), ...leaves(xa)].map((l) => l.scoring!.kind));
    const all: ScoringKind[] = ['manual', 'binary', 'tiered', 'ratio', 'survey', 'bonus', 'penalty', 'computed'];
    expect([...kinds].sort()).toEqual([...all].sort());
  });

  it('departments: area 3 is 20 points and 7.3 is 7 points, both only for units with procedures (Hà Nam 2023)', () => {
    expect(SETS[0]!.raw.blocks).toEqual(['so']);
    const procedures = { kind: 'fact', fact: 'hasProcedures', equals: true };
    expect(node(so, '3')).toMatchObject({ maxPoints: 20, applicability: procedures });
    expect(node(so, '7.3')).toMatchObject({ maxPoints: 7, applicability: procedures });
    expect(node(so, '7.5').applicability).toEqual(procedures);
    // Văn phòng UBND tỉnh has no procedures of its own: those criteria leave its denominator.
    const office = applicable(so, { hasProcedures: false, surveyHeld: true });
    for (const code of ['3', '3.2', '7.3', '7.5']) expect(office.applicable.has(code), code).toBe(false);
    expect(office.applicable.has('7')).toBe(true);
  });

  it('communes and wards: one set for both blocks; a commune without public service units is not scored on 4.3', () => {
    expect(SETS[1]!.raw.blocks).toEqual(['phuong', 'xa']);
    const commune = applicable(xa, { hasPublicServiceUnits: false, surveyHeld: true });
    expect(commune.applicable.has('4.3')).toBe(false);
    expect(commune.applicable.has('4')).toBe(true);
    expect(commune.missingFacts).toEqual([]);
  });
});
