import { describe, expect, it } from 'vitest';
import { fillTrend, monthsOf, onTimeRate, onlineRate, rankUnits, rate } from './dashboard.js';

const counts = (o: { early?: number; onTime?: number; late?: number; within?: number; overdue?: number; online?: number; direct?: number; carried?: number }) => {
  const completed = { early: o.early ?? 0, onTime: o.onTime ?? 0, late: o.late ?? 0 };
  const inProgress = { withinDeadline: o.within ?? 0, overdue: o.overdue ?? 0 };
  const done = completed.early + completed.onTime + completed.late;
  const open = inProgress.withinDeadline + inProgress.overdue;
  return {
    received: { total: done + open, online: o.online ?? 0, direct: o.direct ?? 0, carriedOver: o.carried ?? 0 },
    completed: { total: done, ...completed },
    inProgress: { total: open, ...inProgress },
  };
};

describe('dashboard rates', () => {
  it('is a percentage with two decimals, and null when there is nothing to count', () => {
    expect(rate(1, 3)).toEqual({ numerator: 1, denominator: 3, value: 33.33 });
    expect(rate(2, 3).value).toBe(66.67);
    expect(rate(0, 0).value).toBeNull();
  });

  it('counts early, on time and open-within-deadline as on time, over every dossier in the report', () => {
    expect(onTimeRate(counts({ early: 2, onTime: 3, late: 1, within: 3, overdue: 1 }))).toEqual({ numerator: 8, denominator: 10, value: 80 });
  });

  it('takes the online share over dossiers received in the period only', () => {
    expect(onlineRate(counts({ online: 3, direct: 1, carried: 6 })).value).toBe(75);
  });
});

describe('ranking of units', () => {
  const row = (name: string, value: number | null, overdue = 0, handled = 10) => ({ name, onTime: { numerator: 0, denominator: value === null ? 0 : 1, value }, overdue, handled });

  it('puts the best on-time rate first, then fewer overdue, and units with nothing to count last without a rank', () => {
    const ranked = rankUnits([row('Xã C', 90, 2), row('Xã A', null, 0, 0), row('Xã B', 95), row('Xã D', 90, 1)]);
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([['Xã B', 1], ['Xã D', 2], ['Xã C', 3], ['Xã A', null]]);
  });

  it('gives equal rates and overdue counts the same rank, and the next one its position', () => {
    const ranked = rankUnits([row('Xã B', 90, 0, 5), row('Xã A', 90, 0, 9), row('Xã C', 80)]);
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([['Xã A', 1], ['Xã B', 1], ['Xã C', 3]]);
  });
});

describe('months of a period', () => {
  it('lists every month the statutory year touches, across the year boundary', () => {
    const m = monthsOf({ from: '2025-12-15', to: '2026-12-14' });
    expect(m[0]).toBe('2025-12');
    expect(m.at(-1)).toBe('2026-12');
    expect(m).toHaveLength(13);
  });

  it('is one month for days within it', () => {
    expect(monthsOf({ from: '2026-03-02', to: '2026-03-20' })).toEqual(['2026-03']);
  });

  it('fills months without work with zeros, in order', () => {
    const filled = fillTrend(['2026-01', '2026-02', '2026-03'], [{ month: '2026-02', received: 4, online: 1, completed: 2, late: 1 }]);
    expect(filled.map((p) => p.received)).toEqual([0, 4, 0]);
    expect(filled[0]).toEqual({ month: '2026-01', received: 0, online: 0, completed: 0, late: 0 });
  });
});
