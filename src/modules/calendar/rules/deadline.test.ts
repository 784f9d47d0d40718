// Readable cases on the demo province calendar (demo/calendar: 2025–2027 as published).
import { describe, expect, it } from 'vitest';
import { applyPause, computeDue, computeDueInstant, extend, workingHoursBetween, type DeadlineRequest } from './deadline.js';
import { demoCalendar, vn } from './test-support.js';

const cal = demoCalendar();
const due = (req: DeadlineRequest) => computeDue(req, cal);
const counted = (r: ReturnType<typeof due>) =>
  r.explanation.filter((e) => e.kind === 'counted').map((e) => `${e.date} ${e.hours ?? e.days}`);
const skipped = (r: ReturnType<typeof due>) =>
  r.explanation.filter((e) => e.kind === 'skipped').map((e) => `${e.date} ${e.reason}`);

describe('working days across Tết 2026 (CV 6620/UBND-VX: off Sat 14/2 – Sun 22/2)', () => {
  it('Thu 12/2 09:00 + 5 working days → Thu 26/2 09:00 (hours-based, time of day kept)', () => {
    // Thu 12/2 09:00–17:00 = 6 h; Fri 13/2 = 8 h (14); 14/2–22/2 off; Mon 23/2 8 h (22);
    // Tue 24/2 8 h (30); Wed 25/2 8 h (38); Thu 26/2 07:00–09:00 = 2 h (40 = 5 × 8).
    const r = due({ from: vn('2026-02-12 09:00'), amount: 5, unit: 'working_days' });
    expect(r.dueIso).toBe('2026-02-26T09:00:00+07:00');
    expect(counted(r)).toEqual(['2026-02-12 6', '2026-02-13 8', '2026-02-23 8', '2026-02-24 8', '2026-02-25 8', '2026-02-26 2']);
    expect(skipped(r)).toEqual([
      '2026-02-14 saturday',
      '2026-02-15 sunday',
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-02-21 saturday',
      '2026-02-22 sunday',
    ]);
  });

  it('the same with Civil Code art. 147 counting (receipt day excluded) → end of Thu 26/2', () => {
    // Counted: Fri 13/2, Mon 23/2, Tue 24/2, Wed 25/2, Thu 26/2, whole days.
    const r = due({ from: vn('2026-02-12 09:00'), amount: 5, unit: 'working_days', counting: 'next_day' });
    expect(r.dueIso).toBe('2026-02-26T17:00:00+07:00');
    expect(counted(r)).toEqual(['2026-02-13 8', '2026-02-23 8', '2026-02-24 8', '2026-02-25 8', '2026-02-26 8']);
    expect(r.explanation[0]).toMatchObject({ kind: 'rule', reason: 'next_day', date: '2026-02-12' });
  });

  it('Fri 13/2 10:00 + 3 working days → Wed 25/2 10:00, naming the Tết days and their basis', () => {
    const r = due({ from: vn('2026-02-13 10:00'), amount: 3, unit: 'working_days' });
    expect(r.dueIso).toBe('2026-02-25T10:00:00+07:00');
    const tet = r.explanation.find((e) => e.date === '2026-02-17');
    expect(tet).toMatchObject({
      kind: 'skipped',
      reason: 'holiday',
      name: 'Tết Nguyên đán (mùng 1 tháng Giêng)',
      basis: { document: 'Công văn 6620/UBND-VX', date: '2025-10-24' },
    });
    expect(tet?.note).toBe(
      'Thứ Ba 17/02/2026: không tính, nghỉ Tết Nguyên đán (mùng 1 tháng Giêng) theo Công văn 6620/UBND-VX ngày 24/10/2025.',
    );
    expect(r.explanation.at(-1)).toMatchObject({ kind: 'due', at: '2026-02-25T10:00:00+07:00' });
  });
});

describe('swaps, make-up days and compensatory days', () => {
  it('make-up Saturday 22/8/2026 is counted, with its basis', () => {
    const r = due({ from: vn('2026-08-21 10:00'), amount: 1, unit: 'working_days' });
    expect(r.dueIso).toBe('2026-08-22T10:00:00+07:00');
    expect(r.explanation.find((e) => e.date === '2026-08-22')).toMatchObject({
      kind: 'counted',
      reason: 'makeup_workday',
      hours: 3,
      basis: { document: 'Công văn 6620/UBND-VX', date: '2025-10-24' },
    });
  });

  it('swap-off Monday 31/8/2026 and Quốc khánh 1–2/9 are skipped', () => {
    const r = due({ from: vn('2026-08-28 10:00'), amount: 1, unit: 'working_days' });
    expect(r.dueIso).toBe('2026-09-03T10:00:00+07:00');
    expect(skipped(r)).toEqual(['2026-08-29 saturday', '2026-08-30 sunday', '2026-08-31 swap_off', '2026-09-01 holiday', '2026-09-02 holiday']);
  });

  it('Giỗ Tổ on Sunday 26/4/2026 and the compensatory Monday 27/4', () => {
    const r = due({ from: vn('2026-04-24 10:00'), amount: 1, unit: 'working_days' });
    expect(r.dueIso).toBe('2026-04-28T10:00:00+07:00');
    expect(skipped(r)).toEqual(['2026-04-25 saturday', '2026-04-26 holiday', '2026-04-27 compensatory']);
  });

  it('Tết Dương lịch 2026: Friday 2/1 swapped, Saturday 10/1 worked (CV 12729/VPCP-KGVX)', () => {
    expect(due({ from: vn('2025-12-31 10:00'), amount: 1, unit: 'working_days' }).dueIso).toBe('2026-01-05T10:00:00+07:00');
    expect(due({ from: vn('2026-01-09 10:00'), amount: 1, unit: 'working_days' }).dueIso).toBe('2026-01-10T10:00:00+07:00');
  });
});

describe('receipt time', () => {
  it.each([
    ['Mon 09:10 + 1 working day keeps the time of day', '2026-03-02 09:10', 1, '2026-03-03T09:10:00+07:00'],
    ['at opening, 1 working day ends at the close the same day', '2026-03-02 07:00', 1, '2026-03-02T17:00:00+07:00'],
    ['after 17:00 counts from the next morning', '2026-03-02 18:00', 1, '2026-03-03T17:00:00+07:00'],
    ['in the lunch break counts from 13:30', '2026-03-02 12:00', 1, '2026-03-03T11:30:00+07:00'],
    ['on a Sunday counts from Monday 07:00', '2026-03-01 10:00', 1, '2026-03-02T17:00:00+07:00'],
  ])('%s', (_what, from, amount, expected) => {
    expect(due({ from: vn(from), amount, unit: 'working_days' }).dueIso).toBe(expected);
  });

  it('explains the snapping', () => {
    const r = due({ from: vn('2026-03-02 12:00'), amount: 1, unit: 'working_days' });
    expect(r.explanation[0]).toMatchObject({ kind: 'snapped', reason: 'lunch_break', at: '2026-03-02T13:30:00+07:00' });
    expect(r.explanation[0]?.note).toBe(
      'Nhận hồ sơ lúc 12:00 Thứ Hai 02/03/2026, ngoài giờ làm việc (giờ nghỉ trưa): bắt đầu tính từ 13:30 Thứ Hai 02/03/2026.',
    );
    const early = due({ from: vn('2026-03-02 06:30'), amount: 2, unit: 'working_hours' });
    expect(early.dueIso).toBe('2026-03-02T09:00:00+07:00');
    expect(early.explanation[0]).toMatchObject({ kind: 'snapped', reason: 'before_hours' });
    const sunday = due({ from: vn('2026-03-01 10:00'), amount: 1, unit: 'working_days' });
    expect(sunday.explanation[0]).toMatchObject({ kind: 'snapped', reason: 'sunday', date: '2026-03-01' });
  });

  it('working hours run across the lunch break', () => {
    expect(due({ from: vn('2026-03-02 10:00'), amount: 4, unit: 'working_hours' }).dueIso).toBe('2026-03-02T16:00:00+07:00');
    expect(due({ from: vn('2026-03-02 11:15'), amount: 0.5, unit: 'working_hours' }).dueIso).toBe('2026-03-02T13:45:00+07:00');
  });

  it('does not depend on the machine time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(due({ from: vn('2026-02-12 09:00'), amount: 5, unit: 'working_days' }).dueIso).toBe('2026-02-26T09:00:00+07:00');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('same-day procedures and the cut-off (DOMAIN §3.2)', () => {
  const sameDay = (from: string, cutoff?: string) =>
    due({ from: vn(from), amount: 0, unit: 'working_days', ...(cutoff ? { cutoff } : {}) });

  it.each([
    ['before the cut-off: the same day at the close', '2026-03-03 14:59', '15:00', '2026-03-03T17:00:00+07:00'],
    ['at the cut-off itself: still the same day', '2026-03-03 15:00', '15:00', '2026-03-03T17:00:00+07:00'],
    ['after the cut-off: the next working day at the close', '2026-03-03 15:20', '15:00', '2026-03-04T17:00:00+07:00'],
    ['after the cut-off on the Friday before Tết: Monday 23/2', '2026-02-13 15:30', '15:00', '2026-02-23T17:00:00+07:00'],
    ['no cut-off, received after hours: next working day', '2026-03-03 18:00', undefined, '2026-03-04T17:00:00+07:00'],
  ])('%s', (_what, from, cutoff, expected) => {
    expect(sameDay(from, cutoff).dueIso).toBe(expected);
  });

  it('explains the cut-off', () => {
    const r = sameDay('2026-03-03 15:20', '15:00');
    expect(r.explanation[0]).toMatchObject({ kind: 'cutoff', reason: 'after_cutoff', at: '2026-03-04T07:00:00+07:00' });
    expect(r.explanation[0]?.note).toContain('sau giờ chốt 15:00');
  });

  it('a cut-off also delays a limit of several days', () => {
    expect(due({ from: vn('2026-03-03 15:20'), amount: 1, unit: 'working_days', cutoff: '15:00' }).dueIso).toBe('2026-03-04T17:00:00+07:00');
  });
});

describe('calendar days', () => {
  it('counts every day and keeps the time of day', () => {
    const r = due({ from: vn('2026-03-02 09:30'), amount: 10, unit: 'calendar_days' });
    expect(r.dueIso).toBe('2026-03-12T09:30:00+07:00');
    expect(counted(r)).toHaveLength(10);
  });

  it('a due date on a day off moves to the opening of the next working day, and says why', () => {
    // Received Fri 6/2 after hours → Mon 9/2 07:00; + 10 days = Thu 19/2, mùng 3 Tết.
    const r = due({ from: vn('2026-02-06 18:00'), amount: 10, unit: 'calendar_days' });
    expect(r.dueIso).toBe('2026-02-23T07:00:00+07:00');
    expect(counted(r).at(-1)).toBe('2026-02-19 1');
    expect(skipped(r)).toEqual(['2026-02-07 saturday', '2026-02-08 sunday', '2026-02-20 holiday', '2026-02-21 saturday', '2026-02-22 sunday']);
    expect(r.explanation.find((e) => e.kind === 'moved')).toMatchObject({ date: '2026-02-19', at: '2026-02-23T07:00:00+07:00' });
  });

  it('with art. 147 counting the period ends at the close of its last day (art. 148(5) if a day off)', () => {
    expect(due({ from: vn('2026-03-02 09:30'), amount: 10, unit: 'calendar_days', counting: 'next_day' }).dueIso).toBe(
      '2026-03-12T17:00:00+07:00',
    );
    expect(due({ from: vn('2026-02-06 18:00'), amount: 10, unit: 'calendar_days', counting: 'next_day' }).dueIso).toBe(
      '2026-02-23T17:00:00+07:00',
    );
  });
});

describe('pauses for a supplement', () => {
  const base = due({ from: vn('2026-02-12 09:00'), amount: 5, unit: 'working_days' }); // due Thu 26/2 09:00
  const wait = { from: vn('2026-02-24 09:00'), to: vn('2026-02-25 09:00') }; // 6 h + 2 h of working time

  it("'shift' moves the due date by the paused working time", () => {
    const r = applyPause(base, [wait], 'shift', cal);
    expect(r.dueIso).toBe('2026-02-27T09:00:00+07:00');
    const paused = r.explanation.filter((e) => e.kind === 'paused').map((e) => `${e.date} ${e.hours}`);
    expect(paused).toEqual(['2026-02-24 6', '2026-02-25 2']);
    expect(r.explanation.filter((e) => e.kind === 'counted').reduce((s, e) => s + (e.hours ?? 0), 0)).toBe(40);
  });

  it("'restart' runs the full limit again from the resumption", () => {
    const r = applyPause(base, [wait], 'restart', cal);
    expect(r.dueIso).toBe('2026-03-04T09:00:00+07:00');
    expect(r.explanation[0]).toMatchObject({ kind: 'restarted', at: '2026-02-25T09:00:00+07:00' });
    expect(r.start.toISOString()).toBe(vn('2026-02-25 09:00').toISOString());
  });

  it('ignores a pause of no length or one that starts after the due date, and says so', () => {
    const zero = applyPause(base, [{ from: vn('2026-02-24 09:00'), to: vn('2026-02-24 09:00') }], 'restart', cal);
    expect(zero.dueIso).toBe(base.dueIso);
    expect(zero.explanation.find((e) => e.kind === 'ignored')?.reason).toBe('zero_length');
    const late = applyPause(base, [{ from: vn('2026-02-27 09:00'), to: vn('2026-03-02 09:00') }], 'shift', cal);
    expect(late.dueIso).toBe(base.dueIso);
    expect(late.explanation.find((e) => e.kind === 'ignored')?.reason).toBe('after_due');
  });

  it('calendar-day limits stand still for whole days', () => {
    // Due Thu 12/3 09:30 without the pause; Thu 5/3 and Fri 6/3 paused → Sat 14/3 → Mon 16/3 07:00.
    const r0 = due({ from: vn('2026-03-02 09:30'), amount: 10, unit: 'calendar_days' });
    const r = applyPause(r0, [{ from: vn('2026-03-04 10:00'), to: vn('2026-03-06 08:00') }], 'shift', cal);
    expect(r.dueIso).toBe('2026-03-16T07:00:00+07:00');
    expect(r.explanation.filter((e) => e.kind === 'paused').map((e) => e.date)).toEqual(['2026-03-05', '2026-03-06']);
  });

  it('pauses accumulate, but modes do not mix; a pause must end after it starts', () => {
    const once = applyPause(base, [wait], 'shift', cal);
    const twice = applyPause(once, [{ from: vn('2026-02-26 07:00'), to: vn('2026-02-26 09:00') }], 'shift', cal);
    expect(twice.dueIso).toBe('2026-02-27T11:00:00+07:00');
    expect(() => applyPause(once, [], 'restart', cal)).toThrow(/shift/);
    expect(() => applyPause(base, [{ from: wait.to, to: wait.from }], 'shift', cal)).toThrow(expect.objectContaining({ code: 'DEADLINE_INVALID' }));
  });
});

describe('extension and working time between instants', () => {
  it('extends by N working days from the current due instant', () => {
    const r = extend(vn('2026-02-26 09:00'), 2, cal);
    expect(r.dueIso).toBe('2026-03-02T09:00:00+07:00');
    expect(r.explanation[0]).toMatchObject({ kind: 'extended', days: 2 });
    expect(() => extend(vn('2026-02-26 09:00'), 0, cal)).toThrow(expect.objectContaining({ code: 'DEADLINE_INVALID' }));
  });

  it('measures working hours between two instants, signed', () => {
    expect(workingHoursBetween(vn('2026-02-12 09:00'), vn('2026-02-26 09:00'), cal)).toBe(40);
    expect(workingHoursBetween(vn('2026-02-26 09:00'), vn('2026-02-12 09:00'), cal)).toBe(-40);
    expect(workingHoursBetween(vn('2026-03-02 11:00'), vn('2026-03-02 14:00'), cal)).toBe(1);
  });
});

describe('input checks', () => {
  it.each([
    [{ amount: -1, unit: 'working_days' }],
    [{ amount: Number.NaN, unit: 'working_days' }],
    [{ amount: 2.5, unit: 'calendar_days' }],
    [{ amount: 5000, unit: 'working_days' }],
    [{ amount: 1, unit: 'weeks' }],
    [{ amount: 1, unit: 'working_days', cutoff: '3pm' }],
  ])('rejects %j', (partial) => {
    const req = { from: vn('2026-03-02 09:00'), ...partial } as DeadlineRequest;
    expect(() => computeDue(req, cal)).toThrow(expect.objectContaining({ code: 'DEADLINE_INVALID' }));
  });

  it('rejects an invalid instant; the fast path agrees with the explained one', () => {
    expect(() => computeDue({ from: new Date('nope'), amount: 1, unit: 'working_days' }, cal)).toThrow(/valid instant/);
    const req: DeadlineRequest = { from: vn('2026-02-12 09:00'), amount: 5, unit: 'working_days' };
    expect(computeDueInstant(req, cal)).toBe(computeDue(req, cal).due.getTime());
  });
});
