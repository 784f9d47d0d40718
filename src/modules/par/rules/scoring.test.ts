import { describe, expect, it } from 'vitest';
import type { TieredRule } from './criteria.js';
import { round2 } from './numbers.js';
import {
  checkLayerPoints, ratioOf, scoreBinary, scoreBonus, scoreComputed, scoreLeaf, scoreManual, scorePenalty, scoreRatio,
  scoreSurvey, scoreThatCounts, scoreTiered, type ScoreResult,
} from './scoring.js';

const points = (r: ScoreResult) => (r.ok ? r.points : r.code);

describe('PAR scoring: manual within the max', () => {
  it('0 and max are accepted, over max and negative are refused', () => {
    expect(points(scoreManual(3, 0))).toBe(0);
    expect(points(scoreManual(3, 3))).toBe(3);
    expect(points(scoreManual(3, 1.25))).toBe(1.25);
    expect(points(scoreManual(3, 3.01))).toBe('OVER_MAX');
    expect(points(scoreManual(3, -0.5))).toBe('NEGATIVE');
  });
  it('missing, non-numeric and infinite inputs are refused, not read as 0', () => {
    expect(points(scoreManual(3, null))).toBe('MISSING_INPUT');
    expect(points(scoreManual(3, undefined))).toBe('MISSING_INPUT');
    expect(points(scoreManual(3, '2'))).toBe('WRONG_INPUT_TYPE');
    expect(points(scoreManual(3, Number.NaN))).toBe('NOT_A_NUMBER');
    expect(points(scoreManual(3, Infinity))).toBe('NOT_A_NUMBER');
  });
  it('explains in Vietnamese', () => {
    expect(scoreManual(3, 2.5)).toEqual({ ok: true, points: 2.5, explanation: 'Chấm 2,5/3 điểm' });
    const r = scoreManual(3, 4);
    expect(r.ok ? '' : r.message).toBe('Điểm (4) vượt điểm tối đa (3)');
  });
  it('a sum of decimals at the max is not "over" through float noise', () => {
    expect(points(scoreManual(0.3, 0.1 + 0.2))).toBe(0.3);
  });
});

describe('PAR scoring: done / not done', () => {
  it('done is the max, not done is 0, anything else is refused', () => {
    expect(points(scoreBinary(3, true))).toBe(3);
    expect(points(scoreBinary(3, false))).toBe(0);
    expect(points(scoreBinary(3, null))).toBe('MISSING_INPUT');
    expect(points(scoreBinary(3, 1))).toBe('WRONG_INPUT_TYPE');
  });
});

describe('PAR scoring: tiered thresholds', () => {
  const higher: TieredRule = { kind: 'tiered', better: 'higher', tiers: [{ threshold: 80, points: 2 }, { threshold: 100, points: 4 }, { threshold: 50, points: 1 }] };
  it('higher is better: the highest tier reached, exactly at a threshold included, whatever the order given', () => {
    expect(points(scoreTiered(4, higher, 100))).toBe(4);
    expect(points(scoreTiered(4, higher, 99.99))).toBe(2);
    expect(points(scoreTiered(4, higher, 80))).toBe(2);
    expect(points(scoreTiered(4, higher, 50))).toBe(1);
    expect(points(scoreTiered(4, higher, 49.99))).toBe(0);
    expect(points(scoreTiered(4, higher, 0))).toBe(0);
  });
  const lower: TieredRule = { kind: 'tiered', better: 'lower', tiers: [{ threshold: 0, points: 1 }, { threshold: 2, points: 0.5 }] };
  it('lower is better: the lowest tier reached (e.g. late reports)', () => {
    expect(points(scoreTiered(1, lower, 0))).toBe(1);
    expect(points(scoreTiered(1, lower, 1))).toBe(0.5);
    expect(points(scoreTiered(1, lower, 2))).toBe(0.5);
    expect(points(scoreTiered(1, lower, 3))).toBe(0);
  });
  it('refuses a missing or negative value and explains the tier reached', () => {
    expect(points(scoreTiered(4, higher, null))).toBe('MISSING_INPUT');
    expect(points(scoreTiered(4, higher, -1))).toBe('NEGATIVE');
    const r = scoreTiered(4, higher, 85);
    expect(r.ok && r.explanation).toBe('Giá trị 85 đạt mức ≥ 80: 2/4 điểm');
  });
});

describe('PAR scoring: ratio × max', () => {
  it('without a target: ratio × max, rounded to 2 decimals', () => {
    expect(points(scoreRatio(6, { kind: 'ratio' }, 0))).toBe(0);
    expect(points(scoreRatio(6, { kind: 'ratio' }, 1))).toBe(6);
    expect(points(scoreRatio(6, { kind: 'ratio' }, 2 / 3))).toBe(4); // 6 × 0.6667 = 4.0000…
    expect(points(scoreRatio(7, { kind: 'ratio' }, 1 / 3))).toBe(2.33); // 7 / 3 = 2.333…
  });
  it('with a target: full marks at or above it, proportional below (§B3)', () => {
    const r = { kind: 'ratio', target: 0.8 } as const;
    expect(points(scoreRatio(8, r, 0.8))).toBe(8);
    const at = scoreRatio(8, r, 0.8);
    expect(at.ok && at.explanation).toBe('Tỷ lệ 80% đạt chỉ tiêu 80%: 8/8 điểm');
    expect(points(scoreRatio(8, r, 0.95))).toBe(8);
    expect(points(scoreRatio(8, r, 0.6))).toBe(6); // 0.6 / 0.8 × 8
    expect(points(scoreRatio(8, r, 0))).toBe(0);
    const e = scoreRatio(8, r, 0.7);
    expect(e.ok && e.explanation).toBe('Tỷ lệ 70% chưa đạt chỉ tiêu 80%: 70% / 80% × 8 = 7 điểm');
  });
  it('refuses a ratio above 100 %, negative or missing; no denominator gives no ratio', () => {
    expect(points(scoreRatio(6, { kind: 'ratio' }, 1.01))).toBe('RATIO_OUT_OF_RANGE');
    expect(points(scoreRatio(6, { kind: 'ratio' }, -0.1))).toBe('NEGATIVE');
    expect(ratioOf(3, 0)).toBeNull();
    expect(points(scoreRatio(6, { kind: 'ratio' }, ratioOf(3, 0)))).toBe('MISSING_INPUT');
    expect(ratioOf(45, 50)).toBe(0.9);
  });
});

describe('PAR scoring: survey, bonus, penalty, computed', () => {
  it('survey: percent / 100 × max; over 100 % and missing refused', () => {
    expect(points(scoreSurvey(6, 0))).toBe(0);
    expect(points(scoreSurvey(6, 100))).toBe(6);
    expect(points(scoreSurvey(6, 75))).toBe(4.5);
    expect(points(scoreSurvey(6, 100.5))).toBe('RATIO_OUT_OF_RANGE');
    expect(points(scoreSurvey(6, null))).toBe('MISSING_INPUT');
  });
  it('bonus and penalty: 0 to the item max as positive amounts; negative and over max refused', () => {
    expect(points(scoreBonus(2, 2))).toBe(2);
    expect(points(scoreBonus(2, 2.5))).toBe('OVER_MAX');
    expect(points(scorePenalty(2, 0))).toBe(0);
    expect(points(scorePenalty(2, 1.5))).toBe(1.5);
    expect(points(scorePenalty(2, -1))).toBe('NEGATIVE');
    expect(points(scorePenalty(2, 3))).toBe('OVER_MAX');
    const p = scorePenalty(2, 1.5);
    expect(p.ok && p.explanation).toBe('Trừ 1,5 điểm (tối đa 2)');
  });
  it('computed: converts the fed value and shows where it came from', () => {
    const rule = { source: 'service_index.on_time_rate', conversion: { kind: 'ratio', target: 0.8 } } as const;
    const r = scoreComputed(8, rule, { value: 0.45, inputs: '45/100 hồ sơ đúng hạn' });
    expect(r).toEqual({
      ok: true,
      points: 4.5, // 0.45 / 0.8 × 8
      explanation: 'Tự động từ "service_index.on_time_rate" (45/100 hồ sơ đúng hạn). Tỷ lệ 45% chưa đạt chỉ tiêu 80%: 45% / 80% × 8 = 4,5 điểm',
    });
    expect(points(scoreComputed(8, rule, { value: null }))).toBe('MISSING_INPUT');
    expect(points(scoreComputed(8, rule, undefined))).toBe('MISSING_INPUT');
    const tiered = { source: 'directives.done_rate', conversion: { kind: 'tiered', better: 'higher', tiers: [{ threshold: 0.9, points: 2 }] } } as const;
    expect(points(scoreComputed(2, tiered, { value: 0.95 }))).toBe(2);
  });
  it('scoreLeaf dispatches on the type and refuses a typed number on a computed leaf', () => {
    expect(points(scoreLeaf({ kind: 'binary' }, 3, true))).toBe(3);
    expect(points(scoreLeaf({ kind: 'survey' }, 4, 50))).toBe(2);
    expect(points(scoreLeaf({ kind: 'penalty' }, 2, 1))).toBe(1);
    expect(points(scoreLeaf({ kind: 'computed', source: 'x', conversion: { kind: 'ratio' } }, 6, 0.5))).toBe('WRONG_INPUT_TYPE');
    expect(points(scoreLeaf({ kind: 'manual' }, 3, true))).toBe('WRONG_INPUT_TYPE');
  });
});

describe('PAR scoring: layers and the score that counts', () => {
  it('is the latest layer in process order that holds points', () => {
    expect(scoreThatCounts({})).toBeNull();
    expect(scoreThatCounts({ self: { points: 3 } })).toEqual({ layer: 'self', points: 3 });
    expect(scoreThatCounts({ self: { points: 3 }, appraisal1: { points: 2, reason: 'Thiếu tài liệu', author: 'Sở Nội vụ' } })).toEqual({ layer: 'appraisal1', points: 2 });
    expect(scoreThatCounts({ self: { points: 3 }, appraisal1: { points: 2 }, explanation: { points: 2.5 } })).toEqual({ layer: 'explanation', points: 2.5 });
    expect(scoreThatCounts({ self: { points: 3 }, appraisal1: { points: 2 }, explanation: { points: 2.5 }, appraisal2: { points: 2.25 }, council: { points: 2.5 } })).toEqual({ layer: 'council', points: 2.5 });
  });
  it('a blank layer does not hide the one before it; a 0 does', () => {
    expect(scoreThatCounts({ self: { points: 3 }, appraisal1: { points: null } })).toEqual({ layer: 'self', points: 3 });
    expect(scoreThatCounts({ self: { points: 3 }, appraisal1: { points: 0 } })).toEqual({ layer: 'appraisal1', points: 0 });
  });
  it('order, not insertion, decides', () => {
    expect(scoreThatCounts({ council: { points: 1 }, self: { points: 3 } })).toEqual({ layer: 'council', points: 1 });
  });
  it('layer points are checked against the leaf max', () => {
    expect(points(checkLayerPoints(3, 3.5))).toBe('OVER_MAX');
    expect(points(checkLayerPoints(3, 2))).toBe(2);
  });
});

describe('PAR numbers: rounding half-up to 2 decimals', () => {
  it('rounds x.xx5 up despite binary noise', () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2.675)).toBe(2.68);
    expect(round2(94.494)).toBe(94.49);
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(0)).toBe(0);
  });
});
