import { describe, expect, it } from 'vitest';
import {
  combineFigures, compareRatio, formatPercent, formatTarget, measureObjective, measurementPeriod, meetsTarget, objectiveYear,
  percentOneDecimal, percentRatio, type Figure,
} from './objectives.js';

const atLeast95 = { direction: 'at_least', targetPercent: 95 } as const;
const atMost5 = { direction: 'at_most', targetPercent: 5 } as const;
const fig = (numerator: number, denominator: number): Figure => ({ numerator, denominator });

describe('no data is null, never 0', () => {
  it('gives no value, no met and the Vietnamese "no data" when nothing was counted', () => {
    expect(measureObjective(atLeast95, fig(0, 0))).toEqual({
      numerator: 0, denominator: 0, value: null, percent: null, display: 'Chưa có dữ liệu', met: null, status: 'no_data', statusVi: 'Chưa có dữ liệu',
    });
    expect(meetsTarget(fig(0, 0), atMost5)).toBeNull();
  });

  it('keeps a real 0 % apart from no data', () => {
    expect(measureObjective(atLeast95, fig(0, 12))).toMatchObject({ value: 0, percent: 0, display: '0,0%', met: false, status: 'not_met' });
    expect(measureObjective(atMost5, fig(0, 12))).toMatchObject({ value: 0, met: true, statusVi: 'Đạt' });
  });
});

describe('met / not met on exact fractions, display rounded to one decimal', () => {
  it.each([
    // numerator, denominator, target, met, display
    [95, 100, atLeast95, true, '95,0%'],
    [9496, 10000, atLeast95, false, '95,0%'], // prints 95,0 % yet is below 95 %
    [9495, 10000, atLeast95, false, '95,0%'],
    [19, 20, atLeast95, true, '95,0%'],
    [18, 20, atLeast95, false, '90,0%'],
    [1, 20, atMost5, true, '5,0%'],
    [504, 10000, atMost5, false, '5,0%'], // 5,04 % prints 5,0 % yet exceeds 5 %
    [2, 3, { direction: 'at_least', targetPercent: 66.67 }, false, '66,7%'], // 66,666… < 66,67
    [2, 3, { direction: 'at_least', targetPercent: 66.66 }, true, '66,7%'],
  ] as const)('%i/%i against %o → met %s, shown %s', (n, d, target, met, display) => {
    expect(measureObjective(target, fig(n, d))).toMatchObject({ met, display });
  });

  it('compares a decimal target as typed, not as a binary float', () => {
    expect(percentRatio(97.5)).toEqual({ num: 975n, den: 1000n });
    expect(compareRatio({ num: 39n, den: 40n }, percentRatio(97.5))).toBe(0);
    expect(meetsTarget(fig(39, 40), { direction: 'at_least', targetPercent: 97.5 })).toBe(true);
    expect(meetsTarget(fig(39, 40), { direction: 'at_most', targetPercent: 97.5 })).toBe(true);
    expect(meetsTarget(fig(38, 40), { direction: 'at_least', targetPercent: 97.5 })).toBe(false);
    expect(() => percentRatio(101)).toThrow(RangeError);
    expect(() => percentRatio(95.123)).toThrow(RangeError);
    expect(() => percentRatio(-1)).toThrow(RangeError);
  });

  it('rounds half up on integers: 1/8 = 12,5 %, 1/16 = 6,25 % → 6,3 %, 1/3 → 33,3 %', () => {
    expect(percentOneDecimal(fig(1, 8))).toBe(12.5);
    expect(percentOneDecimal(fig(1, 16))).toBe(6.3);
    expect(percentOneDecimal(fig(1, 3))).toBe(33.3);
    expect(percentOneDecimal(fig(2, 3))).toBe(66.7);
    expect(percentOneDecimal(fig(7, 7))).toBe(100);
    expect(formatPercent(100)).toBe('100,0%');
    expect(formatTarget({ direction: 'at_least', targetPercent: 97.5 })).toBe('≥ 97,5%');
    expect(formatTarget(atMost5)).toBe('≤ 5%');
  });

  it('refuses counts that are not a share', () => {
    expect(() => measureObjective(atLeast95, fig(5, 4))).toThrow(RangeError);
    expect(() => measureObjective(atLeast95, fig(-1, 4))).toThrow(RangeError);
    expect(() => measureObjective(atLeast95, fig(1.5, 4))).toThrow(RangeError);
  });
});

describe('a year\'s objective over any sub-period', () => {
  it('spans the statutory report year by default, the calendar year on request', () => {
    expect(objectiveYear(2026)).toEqual({ from: '2025-12-15', to: '2026-12-14' });
    expect(objectiveYear(2026, 'calendar')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('accepts a quarter inside the year, clips a running period to the as-of day, refuses one outside', () => {
    const q2 = { from: '2026-03-15', to: '2026-06-14' };
    expect(measurementPeriod(2026, '2026-12-31', q2)).toEqual({ period: q2, partial: false });
    expect(measurementPeriod(2026, '2026-05-02', q2)).toEqual({ period: { from: '2026-03-15', to: '2026-05-02' }, partial: true });
    expect(measurementPeriod(2026, '2026-05-02')).toEqual({ period: { from: '2025-12-15', to: '2026-05-02' }, partial: true });
    expect(measurementPeriod(2026, '2026-03-14', q2)).toMatchObject({ problem: { code: 'PERIOD_NOT_STARTED' } });
    expect(measurementPeriod(2026, '2027-01-01', { from: '2026-12-01', to: '2026-12-31' })).toMatchObject({ problem: { code: 'PERIOD_OUTSIDE_YEAR', vi: expect.stringContaining('14/12/2026') } });
    expect(measurementPeriod(2026, '2027-01-01', { from: '2026-12-01', to: '2026-12-31' }, 'calendar')).toMatchObject({ partial: false });
    expect(measurementPeriod(2026, '2027-01-01', { from: '2026-06-01', to: '2026-05-01' })).toMatchObject({ problem: { code: 'PERIOD_INVERTED' } });
  });

  it('measures the year as summed counts of its quarters, not the mean of their rates', () => {
    // Dossiers done: [day done, on time?]. The test counts each period itself.
    const done: [string, boolean][] = [
      ['2025-12-20', true], ['2026-01-10', true], ['2026-02-01', false], ['2026-03-14', true],       // Q1 3/4
      ['2026-03-15', true], ['2026-05-05', true], ['2026-06-14', true], ['2026-06-01', true],        // Q2 4/4
      ['2026-07-01', false], ['2026-08-08', false],                                                    // Q3 0/2
      ['2026-10-30', true], ['2026-12-14', true], ['2026-12-15', false],                               // Q4 2/2; 15/12 is next year
    ];
    const count = (from: string, to: string): Figure => {
      const inside = done.filter(([d]) => d >= from && d <= to);
      return fig(inside.filter(([, ok]) => ok).length, inside.length);
    };
    const quarters = [['2025-12-15', '2026-03-14'], ['2026-03-15', '2026-06-14'], ['2026-06-15', '2026-09-14'], ['2026-09-15', '2026-12-14']]
      .map(([from, to]) => count(from!, to!));
    expect(quarters).toEqual([fig(3, 4), fig(4, 4), fig(0, 2), fig(2, 2)]);
    const year = combineFigures(quarters);
    expect(year).toEqual(count(objectiveYear(2026).from, objectiveYear(2026).to));
    expect(measureObjective({ direction: 'at_least', targetPercent: 75 }, year)).toMatchObject({ numerator: 9, denominator: 12, display: '75,0%', met: true });
    // The mean of the quarters' rates (0.75 + 1 + 0 + 1) / 4 = 68.75 % would have said "not met".
    expect(combineFigures([])).toEqual(fig(0, 0));
  });
});
