import { describe, expect, it } from 'vitest';
import { costSheet, hourlyRate, rollUp, saving } from './cost.js';
import { round } from './fraction.js';
import type { CostLine, WageRate } from './types.js';

const GSO_2024: WageRate = { year: 2024, monthlyIncomeVnd: 5_400_000, workingDaysPerMonth: 22, hoursPerDay: 8, source: 'TCTK, KSMS 2024' };
const GSO_2022: WageRate = { year: 2022, monthlyIncomeVnd: 4_670_000, workingDaysPerMonth: 22, hoursPerDay: 8, source: 'TCTK, KSMS 2022' };
const BN = 1_000_000_000;

const src = { kind: 'estimate', label: 'thử' } as const;
function line(key: string, hours: number, times = 1, cashVnd = 0): CostLine {
  return { key, group: 'documents', label: key, hours, times, cashVnd, sources: { hours: src, times: src, cash: src }, editable: { hours: true, times: false, cash: true } };
}

/**
 * docs/research/compliance-cost-method.md, "Synthetic example for unit tests": the research author's own
 * numbers on the verified art. 27 formula and the unverified 22 × 8 convention. NOT an official figure.
 */
const BEFORE = [
  line('information', 1), line('prepare', 2), line('travel-and-wait', 2), line('receive', 1),
  line('fee', 0, 1, 50_000), line('certified-copies', 0, 1, 20_000), line('trips', 0, 2, 30_000),
];
const AFTER = [line('online', 2), line('fee', 0, 1, 50_000)];

describe('the compliance-cost formula (art. 27), synthetic example', () => {
  const before = costSheet(GSO_2024, BEFORE, 1_200);
  const after = costSheet(GSO_2024, AFTER, 1_200);

  it('values an hour at income / (22 × 8)', () => {
    expect(before.wage).toEqual({ ...GSO_2024, hourlyRateVnd: 30_681.82 });
  });

  it('costs a dossier at 314,090.91 đ, shown 314,091', () => {
    expect(before.perDossier).toEqual({ hours: 6, workVnd: 184_091, directVnd: 130_000, totalVnd: 314_091 });
    expect(round(hourlyRate(GSO_2024), 2) * 6 + 130_000).toBeCloseTo(314_090.92, 2); // the note's 314,090.91 is the exact 6 h, not 6 × the rounded rate
    expect(costSheet(GSO_2024, BEFORE, 100).yearly.totalVnd).toBe(31_409_091); // 100 × 314,090.909…
  });

  it('costs a year of 1,200 dossiers from the exact dossier, not the rounded one', () => {
    expect(before.yearly).toEqual({ workVnd: 220_909_091, directVnd: 156_000_000, totalVnd: 376_909_091 });
    expect(before.yearly.totalVnd).not.toBe(before.perDossier.totalVnd * 1_200); // 376,909,200 had the dossier been rounded first
    expect(after.perDossier.totalVnd).toBe(111_364);
    expect(after.yearly.totalVnd).toBe(133_636_364);
  });

  it('saves 243,272,727 đ a year, 64.54 %', () => {
    expect(saving(before.yearly.totalVnd, after.yearly.totalVnd)).toEqual({ beforeVnd: 376_909_091, afterVnd: 133_636_364, savingVnd: 243_272_727, percent: 64.54 });
  });

  it('shows each line rounded on its own, with the unrounded figures kept', () => {
    const trips = before.lines.find((l) => l.key === 'trips')!;
    expect(trips).toMatchObject({ hours: 0, times: 2, cashVnd: 30_000, workVnd: 0, directVnd: 60_000, totalVnd: 60_000 });
    expect(before.lines.find((l) => l.key === 'information')).toMatchObject({ workVnd: 30_682, directVnd: 0, totalVnd: 30_682 });
    expect(before.yearlyDossiers).toBe(1_200);
  });
});

describe('rounding half-up at the end, not per step', () => {
  it('totals the exact lines: four quarter-hours are one hour (30,682 đ), not 4 × 7,670', () => {
    const s = costSheet(GSO_2024, [line('a', 0.25), line('b', 0.25), line('c', 0.25), line('d', 0.25)], 10);
    expect(s.lines.map((l) => l.totalVnd)).toEqual([7_670, 7_670, 7_670, 7_670]);
    expect(s.perDossier.totalVnd).toBe(30_682);
    expect(s.lines.reduce((t, l) => t + l.totalVnd, 0)).toBe(30_680);
    expect(s.yearly.totalVnd).toBe(306_818); // 10 × 30,681.8181…, not 10 × 30,682
  });

  it('rounds a half up', () => {
    const wage: WageRate = { year: 2024, monthlyIncomeVnd: 1, workingDaysPerMonth: 1, hoursPerDay: 1, source: '1 đ/giờ' };
    const s = costSheet(wage, [line('a', 0.5), line('b', 0.25), line('c', 0.25)], 3);
    expect(s.lines.map((l) => l.workVnd)).toEqual([1, 0, 0]);
    expect(s.perDossier).toEqual({ hours: 1, workVnd: 1, directVnd: 0, totalVnd: 1 });
    expect(costSheet(wage, [line('a', 0.5)], 1).perDossier.totalVnd).toBe(1);
    expect(costSheet(wage, [line('a', 0.5)], 5).yearly.totalVnd).toBe(3); // 2.5 → 3
  });

  it('multiplies frequencies exactly: 0.1 + 0.2 of an hour at 10 đ is 3 đ, a data ratio is used as given', () => {
    const wage: WageRate = { year: 2024, monthlyIncomeVnd: 10, workingDaysPerMonth: 1, hoursPerDay: 1, source: '10 đ/giờ' };
    expect(costSheet(wage, [line('a', 0.1), line('b', 0.2)], 1).perDossier).toEqual({ hours: 0.3, workVnd: 3, directVnd: 0, totalVnd: 3 });
    const s = costSheet(wage, [line('trip', 1, 37 / 412, 30_000)], 412);
    expect(s.yearly.directVnd).toBe(1_110_000); // 37 trips × 30,000
    expect(s.yearly.workVnd).toBe(370);
  });

  it('sums the hours per dossier and rounds them to 2 decimals', () => {
    expect(costSheet(GSO_2024, [line('a', 0.33, 1 / 3), line('b', 1.25, 2)], 1).perDossier.hours).toBe(2.61); // 0.11 + 2.5
  });
});

describe('the wage rate by year', () => {
  it('gives 26,534.09 đ/h for 4,670,000 đ a month and scales the work, not the cash', () => {
    const lines = [line('work', 3), line('fee', 0, 1, 50_000)];
    const y2022 = costSheet(GSO_2022, lines, 100);
    const y2024 = costSheet(GSO_2024, lines, 100);
    expect(y2022.wage.hourlyRateVnd).toBe(26_534.09);
    expect(y2024.wage.hourlyRateVnd).toBe(30_681.82);
    expect(y2022.perDossier.workVnd).toBe(79_602); // 3 × 4,670,000 / 176 = 79,602.27
    expect(y2024.perDossier.workVnd).toBe(92_045); // 3 × 5,400,000 / 176 = 92,045.45
    expect(y2022.perDossier.directVnd).toBe(y2024.perDossier.directVnd);
    expect(y2022.yearly.totalVnd).toBe(12_960_227); // 100 × (79,602.27… + 50,000)
  });

  it('costs no work when the month has no hours (no parameters set)', () => {
    const none: WageRate = { year: 2024, monthlyIncomeVnd: 0, workingDaysPerMonth: 0, hoursPerDay: 0, source: '' };
    expect(costSheet(none, [line('work', 3), line('fee', 0, 1, 50_000)], 2).yearly).toEqual({ workVnd: 0, directVnd: 100_000, totalVnd: 100_000 });
    expect(costSheet(none, [], 2).perDossier).toEqual({ hours: 0, workVnd: 0, directVnd: 0, totalVnd: 0 });
  });
});

describe('savings and roll-ups', () => {
  it('reproduces Hà Nội 2025: 2,306 → 654 billion đ a year, 71.64 % (Dân trí 25/12/2025)', () => {
    expect(saving(2_306 * BN, 654 * BN)).toEqual({ beforeVnd: 2_306 * BN, afterVnd: 654 * BN, savingVnd: 1_652 * BN, percent: 71.64 });
  });

  it('reproduces the Ministry of Construction: 393.4 → 201 billion đ, a 192.4 billion saving, exactly', () => {
    expect(saving(393_400_000_000, 201 * BN)).toMatchObject({ savingVnd: 192_400_000_000, percent: 48.91 });
    expect(393.4 - 201).not.toBe(192.4); // floating point
    expect(saving(393.4, 201).savingVnd).toBe(192.4); // in billions, still exact
  });

  it('reproduces E1 of compliance-cost-form.md (monthly tax filing, PLO; art. 27(3)(b)): 975 → 325 billion, 650 saved, 66.67 %', () => {
    const filings = (perYear: number) => costSheet(GSO_2024, [line('filing', 0, perYear, 250_000)], 325_000).yearly.totalVnd;
    expect(filings(12)).toBe(975 * BN);
    expect(filings(4)).toBe(325 * BN);
    expect(saving(filings(12), filings(4))).toEqual({ beforeVnd: 975 * BN, afterVnd: 325 * BN, savingVnd: 650 * BN, percent: 66.67 });
  });

  it('rounds the percentage half-up on the exact ratio, and has none without a before', () => {
    expect(saving(20_000, 19_799).percent).toBe(1.01); // 1.005 %
    expect(saving(20_000, 20_201)).toEqual({ beforeVnd: 20_000, afterVnd: 20_201, savingVnd: -201, percent: -1.01 });
    expect(saving(0, 0)).toEqual({ beforeVnd: 0, afterVnd: 0, savingVnd: 0, percent: null });
    expect(saving(0, 5).percent).toBeNull();
  });

  it('rolls up by summing first: the percentage of the sums, not the mean of percentages', () => {
    const hanoi = saving(2_306 * BN, 654 * BN);
    const moc = saving(393_400_000_000, 201 * BN);
    const both = rollUp([hanoi, moc]);
    expect(both).toEqual({ beforeVnd: 2_699_400_000_000, afterVnd: 855 * BN, savingVnd: 1_844_400_000_000, percent: 68.33 });
    expect(both.percent).not.toBe(Math.round(((hanoi.percent! + moc.percent!) / 2) * 100) / 100);
    expect(rollUp([])).toEqual({ beforeVnd: 0, afterVnd: 0, savingVnd: 0, percent: null });
  });
});
