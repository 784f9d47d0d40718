import { describe, expect, it } from 'vitest';
import { CalendarRuleError } from './errors.js';
import { demoCalendar } from './test-support.js';
import { DEFAULT_HOURS, WorkCalendar } from './working-time.js';

const cal = demoCalendar();

describe('WorkCalendar.isWorkingDay (demo province, 2026 notices)', () => {
  it.each([
    ['2026-03-02', true, 'working_day'],
    ['2026-03-07', false, 'saturday'],
    ['2026-03-08', false, 'sunday'],
    ['2026-02-17', false, 'holiday'],
    ['2026-04-27', false, 'compensatory'],
    ['2026-08-31', false, 'swap_off'],
    ['2026-08-22', true, 'makeup_workday'],
    ['2026-01-10', true, 'makeup_workday'],
    ['2026-01-02', false, 'swap_off'],
  ])('%s → working %s (%s)', (date, working, reason) => {
    const status = cal.isWorkingDay(date);
    expect(status.working).toBe(working);
    expect(status.reason).toBe(reason);
  });

  it('gives the name and legal basis of a day off or make-up day, none for a weekend', () => {
    expect(cal.isWorkingDay('2026-08-22')).toEqual({
      date: '2026-08-22',
      working: true,
      reason: 'makeup_workday',
      name: 'Làm bù cho ngày nghỉ hoán đổi thứ Hai 31/8/2026',
      basis: { document: 'Công văn 6620/UBND-VX', date: '2025-10-24' },
    });
    expect(cal.isWorkingDay('2026-04-27').basis?.document).toBe('Bộ luật Lao động số 45/2019/QH14, Điều 111 khoản 3');
    expect(cal.isWorkingDay('2026-03-07')).toEqual({ date: '2026-03-07', working: false, reason: 'saturday', basis: null });
  });

  it('answers by the weekly rule outside the precomputed table (e.g. 2301)', () => {
    expect(cal.isWorkingDay('2301-01-05').reason).toBe('saturday');
    expect(cal.isWorkingDay('2301-01-06').reason).toBe('sunday');
    expect(cal.isWorkingDay('2301-01-08').working).toBe(true);
  });

  it('works Saturdays when the province does, never Sundays', () => {
    const sat = new WorkCalendar({ days: [], saturdayWorking: true });
    expect(sat.isWorkingDay('2026-03-07').working).toBe(true);
    expect(sat.isWorkingDay('2026-03-08').working).toBe(false);
  });

  it('finds the next working day across Tết', () => {
    const day = Date.UTC(2026, 1, 13) / 86_400_000;
    expect(new Date(cal.nextWorkingDay(day) * 86_400_000).toISOString().slice(0, 10)).toBe('2026-02-23');
  });
});

describe('working hours', () => {
  it('default 07:00–11:30 and 13:30–17:00 make an 8-hour day', () => {
    const c = new WorkCalendar({ days: [], hours: DEFAULT_HOURS });
    expect(c.dayLengthMs).toBe(8 * 3_600_000);
    expect(c.openMs).toBe(7 * 3_600_000);
    expect(c.closeMs).toBe(17 * 3_600_000);
    expect(c.workingMsWithin(10 * 3_600_000, 14 * 3_600_000)).toBe(2 * 3_600_000);
  });

  it('a province may configure other intervals', () => {
    const c = new WorkCalendar({ days: [], hours: [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }] });
    expect(c.dayLengthMs).toBe(8 * 3_600_000);
    expect(c.openMs).toBe(7.5 * 3_600_000);
  });

  it.each([
    [[]],
    [[{ start: '7:00', end: '11:30' }]],
    [[{ start: '11:30', end: '07:00' }]],
    [[{ start: '13:30', end: '17:00' }, { start: '07:00', end: '11:30' }]],
    [[{ start: '07:00', end: '12:00' }, { start: '11:30', end: '17:00' }]],
  ])('rejects %j', (hours) => {
    expect(() => new WorkCalendar({ days: [], hours })).toThrow(expect.objectContaining({ code: 'HOURS_INVALID' }));
  });

  it('rejects a calendar listing a date twice', () => {
    const day = { date: '2026-03-02', kind: 'holiday' as const, name: 'x', basis: null };
    expect(() => new WorkCalendar({ days: [day, day] })).toThrow(CalendarRuleError);
  });
});
