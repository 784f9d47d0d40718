import { describe, expect, it } from 'vitest';
import { calendarDays, excludedDaysBetween, inTime, monthsEnd, overdueOn, periodEnd, workingDays, workingDaysBefore } from './calendar.js';
import { checkVersions, versionOn } from './versions.js';
import { isWorking } from './test-calendar.js';

// Days off assumed in test-calendar.ts: weekends, 1/1/2027, and Tết 2027 from Fri 5/2 to Thu 11/2.

describe('calendar-day periods', () => {
  it('does not count the day of the event and ends on day N', () => {
    expect(periodEnd('2026-06-30', calendarDays(10), isWorking)).toBe('2026-07-10');
    expect(periodEnd('2026-06-30', calendarDays(1), isWorking)).toBe('2026-07-01');
  });

  it('moves a last day that is a weekend to the next working day (Civil Code art. 148(5))', () => {
    expect(periodEnd('2026-07-01', calendarDays(10), isWorking)).toBe('2026-07-13'); // Sat 11/7 → Mon 13/7
    expect(periodEnd('2026-07-01', calendarDays(10), isWorking, { offDayEnd: 'as_counted' })).toBe('2026-07-11');
  });

  it('moves a last day inside Tết 2027 to the first working day after it', () => {
    expect(periodEnd('2027-01-06', calendarDays(30), isWorking)).toBe('2027-02-12'); // Fri 5/2 is Tết
    expect(periodEnd('2027-01-12', calendarDays(30), isWorking)).toBe('2027-02-12'); // Thu 11/2, made-up day off
    expect(periodEnd('2026-12-22', calendarDays(10), isWorking)).toBe('2027-01-04'); // Fri 1/1, then the weekend
  });

  it('counts calendar days through Tết but working days around it', () => {
    expect(periodEnd('2027-02-02', calendarDays(10), isWorking)).toBe('2027-02-12');
    expect(periodEnd('2027-02-02', workingDays(10), isWorking)).toBe('2027-02-23'); // 3, 4, 12, 15–19, 22, 23
    expect(periodEnd('2027-02-02', workingDays(7), isWorking)).toBe('2027-02-18');
  });

  it('rejects a period that is not a whole number of days', () => {
    expect(() => periodEnd('2026-06-30', calendarDays(0), isWorking)).toThrow();
    expect(() => periodEnd('2026-06-30', workingDays(2.5), isWorking)).toThrow();
  });
});

describe('excluded intervals stop the clock', () => {
  it('pushes a calendar-day end later by the excluded days inside the period', () => {
    const excluded = [{ from: '2026-07-10', to: '2026-07-19' }];
    expect(periodEnd('2026-06-30', calendarDays(90), isWorking)).toBe('2026-09-28');
    expect(periodEnd('2026-06-30', calendarDays(90), isWorking, { excluded })).toBe('2026-10-08');
  });

  it('ignores excluded days before the start and counts overlapping intervals once', () => {
    expect(periodEnd('2026-06-30', calendarDays(30), isWorking, { excluded: [{ from: '2026-06-01', to: '2026-06-30' }] })).toBe('2026-07-30');
    const overlapping = [{ from: '2026-07-01', to: '2026-07-05' }, { from: '2026-07-04', to: '2026-07-06' }];
    expect(excludedDaysBetween('2026-06-30', '2026-07-31', overlapping)).toBe(6);
    expect(periodEnd('2026-06-30', calendarDays(30), isWorking, { excluded: overlapping })).toBe('2026-08-05');
  });

  it('skips excluded working days too', () => {
    expect(periodEnd('2026-07-01', workingDays(3), isWorking)).toBe('2026-07-06');
    expect(periodEnd('2026-07-01', workingDays(3), isWorking, { excluded: [{ from: '2026-07-02', to: '2026-07-02' }] })).toBe('2026-07-07');
  });

  it('refuses an interval that ends before it starts', () => {
    expect(() => periodEnd('2026-06-30', calendarDays(5), isWorking, { excluded: [{ from: '2026-07-05', to: '2026-07-01' }] })).toThrow();
  });
});

describe('periods in months', () => {
  it('ends on the same date, or the month\'s last day when there is none (art. 148(3))', () => {
    expect(monthsEnd('2026-03-18', 12, isWorking)).toBe('2027-03-18');
    expect(monthsEnd('2026-08-31', 6, isWorking, { offDayEnd: 'as_counted' })).toBe('2027-02-28');
  });

  it('moves a weekend end to Monday unless told not to', () => {
    expect(monthsEnd('2026-03-13', 12, isWorking)).toBe('2027-03-15'); // Sat 13/3/2027
    expect(monthsEnd('2026-03-13', 12, isWorking, { offDayEnd: 'as_counted' })).toBe('2027-03-13');
  });

  it('re-extends when the longer window reaches another excluded interval', () => {
    // 10 days excluded in March push the end from 18/4 to 28/4, which reaches 5 more excluded days.
    const excluded = [{ from: '2026-03-01', to: '2026-03-10' }, { from: '2026-04-20', to: '2026-04-24' }];
    expect(monthsEnd('2026-02-18', 2, isWorking, { excluded })).toBe('2026-05-04'); // Sun 3/5 → Mon 4/5
  });
});

describe('counting backwards and comparing', () => {
  it('finds the n-th working day before a day, skipping Tết', () => {
    expect(workingDaysBefore('2027-02-16', 5, isWorking)).toBe('2027-02-02');
    expect(workingDaysBefore('2026-07-10', 1, isWorking)).toBe('2026-07-09');
  });

  it('treats the due day itself as in time', () => {
    expect(inTime('2026-07-10', '2026-07-10')).toBe(true);
    expect(inTime('2026-07-11', '2026-07-10')).toBe(false);
    expect(overdueOn('2026-07-10', '2026-07-10')).toBe(false);
    expect(overdueOn('2026-07-11', '2026-07-10')).toBe(true);
  });
});

describe('rule versions', () => {
  const table = checkVersions([
    { effectiveFrom: '2012-07-01', source: 'old', confidence: 'V' as const, verified: true, rules: 1 },
    { effectiveFrom: '2026-07-01', source: 'new', confidence: '?' as const, verified: false, rules: 2 },
  ]);

  it('returns the set in force on the day, switching on the effective day itself', () => {
    expect(versionOn(table, '2026-06-30').rules).toBe(1);
    expect(versionOn(table, '2026-07-01').rules).toBe(2);
    expect(() => versionOn(table, '2012-06-30')).toThrow(/no rule set/);
  });

  it('refuses a table out of order', () => {
    expect(() => checkVersions([table[1]!, table[0]!])).toThrow();
    expect(() => checkVersions([])).toThrow();
  });
});
