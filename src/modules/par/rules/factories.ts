/**
 * Test data for the PAR rules: a small criteria set with every scoring type, built fresh for each test
 * so a test that edits it cannot leak into another. Illustrative points, not a province's set.
 */
import type { CriteriaTree, CriterionNode } from './criteria.js';

export const leaf = (code: string, maxPoints: number, scoring: CriterionNode['scoring'], extra: Partial<CriterionNode> = {}): CriterionNode => ({
  code,
  text: `Mục ${code}`,
  maxPoints,
  scoring,
  ...extra,
});

export const group = (code: string, maxPoints: number, children: CriterionNode[], extra: Partial<CriterionNode> = {}): CriterionNode => ({
  code,
  text: `Nhóm ${code}`,
  maxPoints,
  children,
  ...extra,
});

/**
 * 40 points on the scale: area 1 (10), area 2 procedures (20, only for units with procedures),
 * area 3 survey (10); area 9 bonus/penalty outside the scale, caps bonus 3 and penalty 2.
 */
export function sampleTree(): CriteriaTree {
  return {
    caps: { bonus: 3, penalty: 2 },
    areas: [
      group('1', 10, [
        leaf('1.1', 3, { kind: 'binary' }, { evidence: 'Kế hoạch CCHC năm', appraisingUnitId: 1 }),
        leaf('1.2', 4, { kind: 'tiered', better: 'higher', tiers: [{ threshold: 100, points: 4 }, { threshold: 80, points: 2 }, { threshold: 50, points: 1 }] }),
        leaf('1.3', 3, { kind: 'manual' }),
      ]),
      group('2', 20, [
        leaf('2.1', 8, { kind: 'computed', source: 'dossiers.on_time_rate', conversion: { kind: 'ratio', target: 0.8 } }),
        leaf('2.2', 6, { kind: 'ratio' }),
        group('2.3', 6, [leaf('2.3.1', 3, { kind: 'manual' }), leaf('2.3.2', 3, { kind: 'binary' })]),
      ], { applicability: { kind: 'fact', fact: 'hasProcedures', equals: true } }),
      group('3', 10, [leaf('3.1', 6, { kind: 'survey' }), leaf('3.2', 4, { kind: 'survey' })]),
      group('9', 0, [
        leaf('9.1', 2, { kind: 'bonus' }),
        leaf('9.2', 2, { kind: 'bonus' }),
        leaf('9.3', 2, { kind: 'penalty' }),
        leaf('9.4', 1, { kind: 'penalty' }),
      ]),
    ],
  };
}
