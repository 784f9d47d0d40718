import { describe, expect, it } from 'vitest';
import { budgetLineProblems, formatVnd, ratePercent, yearSummary, type BudgetLine } from './budget.js';

const line = (over: Partial<BudgetLine> = {}): BudgetLine => ({
  unitId: 7, year: 2026, activityKind: 'iso', title: 'Duy trì HTQLCL', plannedVnd: 100_000_000, allocatedVnd: 80_000_000, spentVnd: 60_000_000, ...over,
});
const paths = (l: BudgetLine) => budgetLineProblems(l).map((p) => p.path);

describe('a budget line', () => {
  it('is valid with whole, non-negative đồng and spending within the allocation', () => {
    expect(budgetLineProblems(line())).toEqual([]);
    expect(budgetLineProblems(line({ plannedVnd: 0, allocatedVnd: 0, spentVnd: 0 }))).toEqual([]);
    expect(budgetLineProblems(line({ allocatedVnd: 120_000_000 }))).toEqual([]); // more than planned is allowed
  });

  it.each<[Partial<BudgetLine>, string[]]>([
    [{ plannedVnd: 1.5 }, ['plannedVnd']],
    [{ allocatedVnd: -1 }, ['allocatedVnd']],
    [{ spentVnd: Number.MAX_SAFE_INTEGER + 1 }, ['spentVnd']],
    [{ title: '  ' }, ['title']],
    [{ year: 1999 }, ['year']],
    [{ unitId: 0 }, ['unitId']],
    [{ activityKind: 'party' as never }, ['activityKind']],
    [{ spentVnd: 80_000_001 }, ['spentVnd']],
    [{ spentVnd: 90_000_000, overspend: true }, ['overspendReason']],
    [{ spentVnd: 90_000_000, overspend: true, overspendReason: 'Chờ quyết định bổ sung dự toán' }, []],
  ])('%o → problems at %j', (over, expected) => {
    expect(paths(line(over))).toEqual(expected);
  });

  it('says the amounts in Vietnamese', () => {
    expect(formatVnd(1_234_567)).toBe('1.234.567 đồng');
    expect(formatVnd(0)).toBe('0 đồng');
    expect(budgetLineProblems(line({ spentVnd: 80_000_001 }))[0]!.vi).toContain('80.000.001 đồng) vượt số được giao (80.000.000 đồng');
  });
});

describe('rates', () => {
  it('are null without a base, rounded half up to one decimal, and may pass 100 %', () => {
    expect(ratePercent(5, 0)).toBeNull();
    expect(ratePercent(0, 5)).toBe(0);
    expect(ratePercent(1, 3)).toBe(33.3);
    expect(ratePercent(1, 16)).toBe(6.3);
    expect(ratePercent(9, 8)).toBe(112.5);
  });
});

describe('the yearly summary', () => {
  const lines: BudgetLine[] = [
    line({ unitId: 7, activityKind: 'iso', plannedVnd: 100_000_000, allocatedVnd: 80_000_000, spentVnd: 60_000_000 }),
    line({ unitId: 7, activityKind: 'training', title: 'Tập huấn', plannedVnd: 50_000_000, allocatedVnd: 50_000_000, spentVnd: 55_000_000, overspend: true, overspendReason: 'Bổ sung lớp' }),
    line({ unitId: 3, activityKind: 'survey', title: 'Khảo sát SIPAS', plannedVnd: 30_000_000, allocatedVnd: 0, spentVnd: 0 }),
    line({ unitId: 3, activityKind: 'iso', title: 'Đánh giá nội bộ', plannedVnd: 20_000_000, allocatedVnd: 20_000_000, spentVnd: 5_000_000 }),
    line({ unitId: 7, year: 2025, activityKind: 'digitisation', plannedVnd: 999, allocatedVnd: 999, spentVnd: 999 }), // another year
  ];
  const s = yearSummary(lines, 2026);

  it('totals per unit (by id) and per activity kind, leaving other years out', () => {
    expect(s.units.map((u) => u.unitId)).toEqual([3, 7]);
    expect(s.units[1]!.total).toEqual({ lines: 2, plannedVnd: 150_000_000, allocatedVnd: 130_000_000, spentVnd: 115_000_000, allocationRate: 86.7, executionRate: 88.5, overspentLines: 1 });
    expect(s.units[0]!.byKind.survey).toMatchObject({ lines: 1, allocatedVnd: 0, executionRate: null, allocationRate: 0 });
    expect(s.byKind.iso).toMatchObject({ lines: 2, plannedVnd: 120_000_000, allocatedVnd: 100_000_000, spentVnd: 65_000_000, executionRate: 65 });
    expect(s.byKind.digitisation).toEqual({ lines: 0, plannedVnd: 0, allocatedVnd: 0, spentVnd: 0, allocationRate: null, executionRate: null, overspentLines: 0 });
    expect(s.total).toMatchObject({ lines: 4, plannedVnd: 200_000_000, allocatedVnd: 150_000_000, spentVnd: 120_000_000, executionRate: 80, overspentLines: 1 });
  });

  it('gives the ISO activity\'s share of the allocation', () => {
    expect(s.isoShareOfAllocated).toBe(66.7);
    expect(yearSummary([], 2026)).toMatchObject({ units: [], isoShareOfAllocated: null, total: { lines: 0, executionRate: null } });
  });

  it('refuses an invalid line of the year rather than summing it', () => {
    expect(() => yearSummary([line({ spentVnd: 90_000_000 })], 2026)).toThrow(RangeError);
    expect(yearSummary([line({ year: 2025, spentVnd: 90_000_000 })], 2026).total.lines).toBe(0);
  });
});
