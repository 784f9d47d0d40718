import { describe, expect, it } from 'vitest';
import { arrivalSeries, daysLateAt, deadlineStatus, dueAfterWorkingDays, nextWorkingDay, routingDeadline, workingDaysBetween, type IsWorkingDay } from './routing.js';

/**
 * The calendar these rules run on: weekends off, plus the days below and nothing else (so that no other
 * holiday interferes). Tết Đinh Mùi 2027: mùng 1 is Saturday 6/2/2027; as the calendar module's Labour
 * Code default (art. 112, one day before and four after; art. 111(3) making up the two weekend days on
 * Wed 10/2 and Thu 11/2) the days off run Friday 5/2 to Thursday 11/2/2027 — no Prime Minister's notice
 * for 2027 was known when this was written. 30/4 and 1/5/2026 are a Thursday and a Friday.
 */
const DAYS_OFF = ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2026-04-30', '2026-05-01'];
const isWorking: IsWorkingDay = (day) => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !DAYS_OFF.includes(day);
};

describe('a deadline in working days from the routing day', () => {
  it('does not count the routing day and skips the whole of Tết 2027', () => {
    // Wed 3/2: Thu 4/2 is the first; 5–11/2 off; Fri 12/2 and Mon 15/2 follow.
    expect(dueAfterWorkingDays('2027-02-03', 3, isWorking)).toBe('2027-02-15');
    expect(dueAfterWorkingDays('2027-02-04', 1, isWorking)).toBe('2027-02-12');
    // Routed during Tết (a leader working on a holiday): the first working day after it is day 1.
    expect(dueAfterWorkingDays('2027-02-08', 1, isWorking)).toBe('2027-02-12');
  });

  it('skips a weekend, whether routed on Friday or on the weekend itself', () => {
    expect(dueAfterWorkingDays('2026-03-06', 2, isWorking)).toBe('2026-03-10');
    expect(dueAfterWorkingDays('2026-03-07', 1, isWorking)).toBe('2026-03-09');
    expect(dueAfterWorkingDays('2026-03-02', 5, isWorking)).toBe('2026-03-09');
  });

  it('skips 30/4 and 1/5 with the weekend after them', () => {
    expect(dueAfterWorkingDays('2026-04-29', 2, isWorking)).toBe('2026-05-05');
    expect(dueAfterWorkingDays('2026-04-28', 3, isWorking)).toBe('2026-05-05');
  });

  it('refuses a count that is not a whole number from 1, and a calendar without working days', () => {
    expect(() => dueAfterWorkingDays('2026-03-02', 0, isWorking)).toThrow(RangeError);
    expect(() => dueAfterWorkingDays('2026-03-02', 1.5, isWorking)).toThrow(RangeError);
    expect(() => nextWorkingDay('2026-03-02', () => false)).toThrow(/no working day/);
  });
});

describe('the deadline of a routing decision', () => {
  it('moves a due day on a Sunday to Monday and says from where', () => {
    expect(routingDeadline({ dueOn: '2026-03-08' }, '2026-03-02', isWorking)).toEqual({ dueOn: '2026-03-09', movedFrom: '2026-03-08' });
    expect(routingDeadline({ dueOn: '2026-03-09' }, '2026-03-02', isWorking)).toEqual({ dueOn: '2026-03-09', movedFrom: null });
  });

  it('moves a due day inside Tết 2027 or on 30/4 past the days off', () => {
    expect(routingDeadline({ dueOn: '2027-02-07' }, '2027-01-20', isWorking)).toEqual({ dueOn: '2027-02-12', movedFrom: '2027-02-07' });
    expect(routingDeadline({ dueOn: '2026-04-30' }, '2026-04-20', isWorking)).toEqual({ dueOn: '2026-05-04', movedFrom: '2026-04-30' });
  });

  it('accepts today, refuses a day past and both ways at once, and may have no deadline', () => {
    expect(routingDeadline({ dueOn: '2026-03-02' }, '2026-03-02', isWorking)).toEqual({ dueOn: '2026-03-02', movedFrom: null });
    expect(routingDeadline({ dueOn: '2026-03-01' }, '2026-03-02', isWorking)).toMatchObject({ problem: { path: 'dueOn', vi: expect.stringContaining('trước ngày hôm nay') } });
    expect(routingDeadline({ dueOn: '2026-03-10', dueInWorkingDays: 3 }, '2026-03-02', isWorking)).toMatchObject({ problem: { path: 'dueOn' } });
    expect(routingDeadline({ dueOn: '2027-03-05' }, '2026-03-02', isWorking)).toMatchObject({ problem: { path: 'dueOn', vi: expect.stringContaining('một năm') } });
    expect(routingDeadline({}, '2026-03-02', isWorking)).toEqual({ dueOn: null, movedFrom: null });
    expect(routingDeadline({ dueInWorkingDays: 3 }, '2027-02-03', isWorking)).toEqual({ dueOn: '2027-02-15', movedFrom: null });
  });
});

describe('overdue and due soon', () => {
  it('is due soon with two working days left or fewer, the holidays not counted', () => {
    // Due Tue 5/5/2026: from Tue 28/4 three working days remain (29/4, 4/5, 5/5); from Wed 29/4, two.
    expect(deadlineStatus({ open: true, dueOn: '2026-05-05' }, '2026-04-28', isWorking)).toMatchObject({ state: 'on_track', workingDaysLeft: 3 });
    expect(deadlineStatus({ open: true, dueOn: '2026-05-05' }, '2026-04-29', isWorking)).toMatchObject({ state: 'due_soon', workingDaysLeft: 2 });
    expect(deadlineStatus({ open: true, dueOn: '2026-05-05' }, '2026-05-05', isWorking)).toMatchObject({ state: 'due_soon', workingDaysLeft: 0 });
  });

  it('is overdue from the day after the due day, late in calendar and in working days', () => {
    expect(deadlineStatus({ open: true, dueOn: '2026-05-05' }, '2026-05-06', isWorking)).toEqual({ state: 'overdue', daysLate: 1, workingDaysLate: 1, workingDaysLeft: 0 });
    expect(deadlineStatus({ open: true, dueOn: '2026-05-05' }, '2026-05-09', isWorking)).toMatchObject({ state: 'overdue', daysLate: 4, workingDaysLate: 3 });
    // Due Thu 4/2/2027, still open on Fri 12/2: eight days late, one working day (Tết in between).
    expect(deadlineStatus({ open: true, dueOn: '2027-02-04' }, '2027-02-12', isWorking)).toMatchObject({ state: 'overdue', daysLate: 8, workingDaysLate: 1 });
  });

  it('is never late once handled or without a deadline', () => {
    expect(deadlineStatus({ open: false, dueOn: '2026-05-05' }, '2026-06-01', isWorking).state).toBe('closed');
    expect(deadlineStatus({ open: true, dueOn: null }, '2026-06-01', isWorking).state).toBe('none');
    expect(daysLateAt('2026-05-05', '2026-05-08')).toBe(3);
    expect(daysLateAt('2026-05-05', '2026-05-05')).toBe(0);
    expect(daysLateAt(null, '2026-05-08')).toBe(0);
  });

  it('counts working days strictly after the first day up to the last', () => {
    expect(workingDaysBetween('2027-02-03', '2027-02-15', isWorking)).toBe(3);
    expect(workingDaysBetween('2026-05-05', '2026-05-05', isWorking)).toBe(0);
    expect(workingDaysBetween('2026-05-06', '2026-05-05', isWorking)).toBe(0);
  });
});

describe('the arrival-number series', () => {
  it('runs per agency through the year of arrival, the same for confidential documents', () => {
    expect(arrivalSeries(7, '2026-12-31')).toEqual({ unitId: 7, year: 2026, series: 'in' });
    expect(arrivalSeries(7, '2027-01-04', 'mat')).toEqual({ unitId: 7, year: 2027, series: 'in' });
  });
});
