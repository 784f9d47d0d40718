import { describe, expect, it } from 'vitest';
import { daysIn, halfYearPeriod, monthPeriod, nineMonthsPeriod, periodBounds, periodFor, periodsOf, quarterPeriod, reportBounds, yearPeriod, yearPeriodOf } from './periods.js';

describe('statutory reporting periods (Decree 09/2019 art. 12, DOMAIN §6.2)', () => {
  it('six months run from 15/12 of the previous year to 14/6, a year to 14/12', () => {
    expect(halfYearPeriod(2026)).toMatchObject({ from: '2025-12-15', to: '2026-06-14', code: '2026-H1' });
    expect(yearPeriod(2026)).toMatchObject({ from: '2025-12-15', to: '2026-12-14', code: '2026-Y' });
    expect(nineMonthsPeriod(2026)).toMatchObject({ from: '2025-12-15', to: '2026-09-14' });
  });

  it('a quarter runs from the 15th of the month before it to the 14th of its last month', () => {
    expect(quarterPeriod(2026, 1)).toMatchObject({ from: '2025-12-15', to: '2026-03-14', label: { vi: 'Quý I năm 2026' } });
    expect(quarterPeriod(2026, 2)).toMatchObject({ from: '2026-03-15', to: '2026-06-14' });
    expect(quarterPeriod(2026, 4)).toMatchObject({ from: '2026-09-15', to: '2026-12-14' });
  });

  it('a month runs from the 15th of the previous month to the 14th; January starts in December', () => {
    expect(monthPeriod(2026, 1)).toMatchObject({ from: '2025-12-15', to: '2026-01-14' });
    expect(monthPeriod(2026, 3)).toMatchObject({ from: '2026-02-15', to: '2026-03-14' });
  });

  it('the months of a year tile it without gap or overlap, and so do the quarters', () => {
    const all = periodsOf(2028);
    for (const kind of ['month', 'quarter'] as const) {
      const list = all.filter((p) => p.kind === kind);
      expect(list[0]!.from).toBe(yearPeriod(2028).from);
      expect(list.at(-1)!.to).toBe(yearPeriod(2028).to);
      for (let i = 1; i < list.length; i++) expect(periodBounds(list[i]!).start.getTime()).toBe(periodBounds(list[i - 1]!).end.getTime());
      expect(list.reduce((n, p) => n + daysIn(p.from, p.to), 0)).toBe(daysIn(yearPeriod(2028).from, yearPeriod(2028).to));
    }
    // 2028 is a leap year: 15/2–14/3 holds 29 February.
    expect(daysIn(monthPeriod(2028, 3).from, monthPeriod(2028, 3).to)).toBe(29);
  });

  it('names a statutory range, and anything else is custom', () => {
    expect(periodFor('2025-12-15', '2026-06-14').code).toBe('2026-H1');
    expect(periodFor('2026-01-01', '2026-01-31')).toMatchObject({ kind: 'custom', label: { vi: 'Từ 01/01/2026 đến 31/01/2026' } });
  });

  it('cuts at midnight Vietnamese time (UTC+7)', () => {
    const b = periodBounds({ from: '2026-03-15', to: '2026-06-14' });
    expect(b.start.toISOString()).toBe('2026-03-14T17:00:00.000Z');
    expect(b.end.toISOString()).toBe('2026-06-14T17:00:00.000Z');
  });

  it('a period not yet over is counted up to now; one that is over, to its end; one not begun, not at all', () => {
    const q2 = quarterPeriod(2026, 2); // 15/03 – 14/06/2026
    const now = new Date('2026-05-11T10:00:00+07:00');
    expect(reportBounds(q2, now)).toEqual({ start: new Date('2026-03-15T00:00:00+07:00'), end: now });
    expect(reportBounds(quarterPeriod(2026, 1), now)).toEqual(periodBounds(quarterPeriod(2026, 1)));
    const q4 = reportBounds(quarterPeriod(2026, 4), now);
    expect(q4.end).toEqual(q4.start);
  });
});

describe('the statutory year of a day', () => {
  it('is the calendar year up to 14/12 and the next one from 15/12 (Vietnamese time)', () => {
    expect(yearPeriodOf(new Date('2026-12-14T16:59:59Z')).code).toBe('2026-Y'); // 23:59:59 on 14/12 in Hà Nội
    expect(yearPeriodOf(new Date('2026-12-14T17:00:00Z')).code).toBe('2027-Y'); // 00:00 on 15/12
    expect(yearPeriodOf(new Date('2027-01-02T03:00:00Z'))).toMatchObject({ from: '2026-12-15', to: '2027-12-14' });
  });
});
