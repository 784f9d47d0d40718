import { describe, expect, it } from 'vitest';
import { applyExcellentQuota, HAI_PHONG_2025, rate, type EvaluationFacts, type EvaluationRule } from './evaluation.js';

const facts = (over: Partial<EvaluationFacts> = {}): EvaluationFacts => ({
  generalPoints: 19, taskPoints: 75, tasks: { total: 10, done: 10, exceeded: 6 }, criteria: { total: 10, weak: 0, failed: 0 }, disciplined: false, ...over,
});
const ratingOf = (f: EvaluationFacts, rule: EvaluationRule = HAI_PHONG_2025) => {
  const r = rate(rule, f);
  if (!r.ok) throw new Error(r.message);
  return r.rating;
};

describe('the annual rating by points and conditions (Hải Phòng QĐ 212/2025)', () => {
  it('is excellent above 90 with every task done and half exceeded; 90 itself is not above 90', () => {
    expect(ratingOf(facts())).toBe('excellent');
    expect(ratingOf(facts({ generalPoints: 15, taskPoints: 75 }))).toBe('good');
  });

  it('falls to good when tasks were not exceeded enough, and to completed when a task is left undone', () => {
    expect(ratingOf(facts({ tasks: { total: 10, done: 10, exceeded: 4 } }))).toBe('good');
    const r = rate(HAI_PHONG_2025, facts({ tasks: { total: 10, done: 9, exceeded: 6 } }));
    expect(r).toMatchObject({ ok: true, rating: 'completed' });
    expect(r.ok && r.reasons.join(' ')).toContain('còn 1 nhiệm vụ chưa hoàn thành');
  });

  it('is completed from 50 with at most 20% weak criteria, else not completed', () => {
    expect(ratingOf(facts({ generalPoints: 10, taskPoints: 40, tasks: { total: 10, done: 8, exceeded: 0 }, criteria: { total: 10, weak: 2, failed: 0 } }))).toBe('completed');
    expect(ratingOf(facts({ generalPoints: 10, taskPoints: 40, tasks: { total: 10, done: 8, exceeded: 0 }, criteria: { total: 10, weak: 3, failed: 0 } }))).toBe('not_completed');
    expect(ratingOf(facts({ generalPoints: 10, taskPoints: 39.5 }))).toBe('not_completed');
  });

  it('is not completed with discipline in the year or more than half the criteria failed, whatever the points', () => {
    expect(ratingOf(facts({ disciplined: true }))).toBe('not_completed');
    expect(ratingOf(facts({ criteria: { total: 10, weak: 0, failed: 6 } }))).toBe('not_completed');
    expect(ratingOf(facts({ criteria: { total: 10, weak: 0, failed: 5 } }))).toBe('excellent');
  });

  it('refuses points outside their scale and impossible counts', () => {
    expect(rate(HAI_PHONG_2025, facts({ taskPoints: 81 }))).toMatchObject({ ok: false });
    expect(rate(HAI_PHONG_2025, facts({ tasks: { total: 3, done: 4, exceeded: 0 } }))).toMatchObject({ ok: false });
  });
});

describe('the quota on "excellent"', () => {
  const rule: EvaluationRule = { ...HAI_PHONG_2025, excellentQuota: { share: 0.2, of: 'good_or_better' } };
  const people = [
    { personId: 1, points: 97, rating: 'excellent' as const },
    { personId: 2, points: 95, rating: 'excellent' as const },
    { personId: 3, points: 93, rating: 'excellent' as const },
    ...[4, 5, 6, 7, 8, 9, 10].map((id) => ({ personId: id, points: 85, rating: 'good' as const })),
  ];

  it('keeps the best up to the cap (20% of the 10 rated good or better = 2) and demotes the rest to good', () => {
    const out = applyExcellentQuota(rule, people);
    expect(out.filter((p) => p.rating === 'excellent').map((p) => p.personId)).toEqual([1, 2]);
    expect(out.find((p) => p.personId === 3)).toMatchObject({ rating: 'good', demoted: true });
  });

  it('demotes everyone tied at the boundary rather than choose between them by order', () => {
    const tied = people.map((p) => (p.personId === 3 ? { ...p, points: 95 } : p));
    const out = applyExcellentQuota(rule, tied);
    expect(out.filter((p) => p.rating === 'excellent').map((p) => p.personId)).toEqual([1]);
    expect(out.filter((p) => p.demoted).map((p) => p.personId)).toEqual([2, 3]);
  });

  it('changes nothing without a quota or under it', () => {
    expect(applyExcellentQuota(HAI_PHONG_2025, people).every((p) => !p.demoted)).toBe(true);
    expect(applyExcellentQuota({ ...rule, excellentQuota: { share: 0.3, of: 'all' } }, people).every((p) => !p.demoted)).toBe(true);
  });
});
