import { describe, expect, it } from 'vitest';
import { applicable, factsUsed, isExtra, validateTree, walk, type CriteriaTree, type CriterionNode } from './criteria.js';
import { group, leaf, sampleTree } from './factories.js';

const problems = (t: CriteriaTree) => validateTree(t).map((p) => `${p.problem}:${p.code ?? ''}`);

describe('PAR criteria: validation of a set', () => {
  it('accepts the sample set', () => {
    expect(validateTree(sampleTree())).toEqual([]);
  });

  it('refuses a duplicate code at any level', () => {
    const t = sampleTree();
    t.areas[2]!.children![1]!.code = '1.2';
    expect(problems(t)).toContain('DUPLICATE_CODE:1.2');
  });

  it("refuses a parent whose max is not the sum of its children's, bonus/penalty left out of the sum", () => {
    const t = sampleTree();
    (t.areas[0] as { maxPoints: number }).maxPoints = 11;
    expect(problems(t)).toEqual(['MAX_NOT_SUM:1']);
    // A bonus leaf inside a normal area does not change what the area must add up to.
    const u = sampleTree();
    (u.areas[0]!.children as unknown[]).push(leaf('1.9', 1, { kind: 'bonus' }));
    expect(validateTree(u)).toEqual([]);
  });

  it('accepts a max below the children when marked, refuses one above them', () => {
    const t: CriteriaTree = { caps: { bonus: 0, penalty: 0 }, areas: [group('1', 2, [leaf('1.1', 2, { kind: 'binary' }), leaf('1.2', 2, { kind: 'binary' })], { maxNotSumOfChildren: true })] };
    expect(validateTree(t)).toEqual([]);
    (t.areas[0] as { maxPoints: number }).maxPoints = 5;
    expect(problems(t)).toEqual(['MAX_NOT_SUM:1']);
  });

  it('refuses leaves without a scoring type or a positive max, and scoring on a parent', () => {
    const t: CriteriaTree = {
      caps: { bonus: 0, penalty: 0 },
      areas: [group('1', 3, [leaf('1.1', 3, undefined), leaf('1.2', 0, { kind: 'manual' })], { scoring: { kind: 'manual' } })],
    };
    expect(problems(t).sort()).toEqual(['BAD_MAX:1.2', 'LEAF_WITHOUT_SCORING:1.1', 'PARENT_WITH_SCORING:1'].sort());
  });

  it('refuses a fourth level', () => {
    const t: CriteriaTree = { caps: { bonus: 0, penalty: 0 }, areas: [group('1', 1, [group('1.1', 1, [group('1.1.1', 1, [leaf('1.1.1.1', 1, { kind: 'manual' })])])])] };
    expect(problems(t)).toEqual(['TOO_DEEP:1.1.1.1']);
  });

  it('refuses bad tiers and targets', () => {
    const t: CriteriaTree = {
      caps: { bonus: 0, penalty: 0 },
      areas: [group('1', 9, [
        leaf('1.1', 3, { kind: 'tiered', better: 'higher', tiers: [] }),
        leaf('1.2', 3, { kind: 'tiered', better: 'higher', tiers: [{ threshold: 50, points: 1 }, { threshold: 50, points: 2 }, { threshold: 90, points: 4 }] }),
        leaf('1.3', 3, { kind: 'ratio', target: 1.2 }),
      ])],
    };
    expect(problems(t)).toEqual(['BAD_TIERS:1.1', 'BAD_TIERS:1.2', 'BAD_TIERS:1.2', 'BAD_TARGET:1.3']);
  });

  it('caps: a bonus or penalty item above the set-wide cap, or a negative cap, is refused', () => {
    const t = sampleTree();
    t.caps = { bonus: 1.5, penalty: 1 };
    expect(problems(t)).toEqual(['BONUS_OVER_CAP:9.1', 'BONUS_OVER_CAP:9.2', 'PENALTY_OVER_CAP:9.3']);
    t.caps = { bonus: -1, penalty: 2 };
    expect(problems(t)).toContain('BAD_CAP:');
    // No cap at all while the set has bonus items: every bonus item is over it.
    t.caps = { bonus: 0, penalty: 2 };
    expect(problems(t)).toEqual(['BONUS_OVER_CAP:9.1', 'BONUS_OVER_CAP:9.2']);
  });

  it('messages are in Vietnamese and name the level', () => {
    const t = sampleTree();
    (t.areas[0] as { maxPoints: number }).maxPoints = 11;
    expect(validateTree(t)[0]!.message).toBe('Lĩnh vực 1: điểm tối đa (11) khác tổng điểm các mục con (10)');
  });

  it('an area of only bonus/penalty items is outside the scale', () => {
    const t = sampleTree();
    expect(isExtra(t.areas[3]!)).toBe(true);
    expect(isExtra(t.areas[0]!)).toBe(false);
    expect(problems({ caps: { bonus: 3, penalty: 0 }, areas: [t.areas[3]!.children![0]!] })).toContain('EMPTY_SET:');
  });
});

describe('PAR criteria: applicability', () => {
  it('a unit without procedures is not scored on area 2 nor anything in it (Hà Nam 2023)', () => {
    const r = applicable(sampleTree(), { block: 'so', hasProcedures: false });
    for (const c of ['2', '2.1', '2.2', '2.3', '2.3.1', '2.3.2']) expect(r.applicable.has(c)).toBe(false);
    for (const c of ['1', '1.1', '3.2', '9.1']) expect(r.applicable.has(c)).toBe(true);
    expect(r.excluded.get('2.3.1')).toBe('Không áp dụng với đơn vị (2)');
    expect(r.missingFacts).toEqual([]);
  });

  it('an undeclared fact keeps the criterion and is reported', () => {
    const r = applicable(sampleTree(), { block: 'so' });
    expect(r.applicable.has('2.1')).toBe(true);
    expect(r.missingFacts).toEqual(['hasProcedures']);
  });

  it('a parent whose children all drop out drops out too', () => {
    const t: CriteriaTree = {
      caps: { bonus: 0, penalty: 0 },
      areas: [group('1', 2, [
        leaf('1.1', 1, { kind: 'binary' }, { applicability: { kind: 'fact', fact: 'block', equals: 'xa' } }),
        leaf('1.2', 1, { kind: 'binary' }, { applicability: { kind: 'not', rule: { kind: 'fact', fact: 'block', equals: 'so' } } }),
      ])],
    };
    const so = applicable(t, { block: 'so' });
    expect([...so.applicable]).toEqual([]);
    expect(so.excluded.get('1')).toBe('Không có mục con nào áp dụng với đơn vị');
    expect([...applicable(t, { block: 'phuong' }).applicable].sort()).toEqual(['1', '1.2']);
  });

  it('all / any combine facts with unknowns three-valued', () => {
    const rule = { kind: 'any', rules: [{ kind: 'fact', fact: 'hasProcedures', equals: true }, { kind: 'fact', fact: 'hasPublicServiceUnits', equals: true }] } as const;
    const t: CriteriaTree = { caps: { bonus: 0, penalty: 0 }, areas: [leaf('1', 1, { kind: 'binary' }, { applicability: rule })] };
    expect(applicable(t, { hasProcedures: false, hasPublicServiceUnits: false }).applicable.has('1')).toBe(false);
    expect(applicable(t, { hasProcedures: false, hasPublicServiceUnits: true }).applicable.has('1')).toBe(true);
    // One false and one unknown: unknown, so kept.
    expect(applicable(t, { hasProcedures: false }).applicable.has('1')).toBe(true);
    const all: CriteriaTree = { caps: { bonus: 0, penalty: 0 }, areas: [leaf('1', 1, { kind: 'binary' }, { applicability: { ...rule, kind: 'all' } })] };
    // One false decides "all" even when the other is unknown.
    expect(applicable(all, { hasProcedures: false }).applicable.has('1')).toBe(false);
  });
});

describe('codes and computed sources', () => {
  it('wants a child\'s code to continue its parent\'s', () => {
    const t = sampleTree();
    (t.areas[0]!.children as CriterionNode[])[0] = { ...t.areas[0]!.children![0]!, code: '2.9' };
    expect(validateTree(t).map((p) => p.problem)).toContain('CODE_NOT_UNDER_PARENT');
    expect(validateTree(sampleTree()).map((p) => p.problem)).not.toContain('CODE_NOT_UNDER_PARENT');
  });

  it('refuses a ratio on a percentage source and tiers above 1 on a share', () => {
    const t = sampleTree();
    const leafOf = (code: string) => [...walk(t.areas)].find((w) => w.node.code === code)!.node as { scoring: unknown };
    leafOf('2.1').scoring = { kind: 'computed', source: 'service_index.percent', conversion: { kind: 'ratio' } };
    expect(validateTree(t).filter((p) => p.problem === 'SOURCE_UNIT')).toHaveLength(1);
    leafOf('2.1').scoring = { kind: 'computed', source: 'dossiers.on_time_rate', conversion: { kind: 'tiered', better: 'higher', tiers: [{ threshold: 95, points: 8 }] } };
    expect(validateTree(t).filter((p) => p.problem === 'SOURCE_UNIT')).toHaveLength(1);
    leafOf('2.1').scoring = { kind: 'computed', source: 'dossiers.on_time_rate', conversion: { kind: 'tiered', better: 'higher', tiers: [{ threshold: 0.95, points: 8 }] } };
    expect(validateTree(t).filter((p) => p.problem === 'SOURCE_UNIT')).toHaveLength(0);
  });
});

describe('the facts a set asks units to declare', () => {
  it('lists every fact its rules read, nested ones too, but not the round-wide surveyHeld', () => {
    const t = sampleTree();
    (t.areas[2] as { applicability?: unknown }).applicability = { kind: 'all', rules: [{ kind: 'fact', fact: 'surveyHeld', equals: true }, { kind: 'not', rule: { kind: 'fact', fact: 'isWard', equals: true } }] };
    expect(factsUsed(t)).toEqual(['hasProcedures', 'isWard']);
  });
});
