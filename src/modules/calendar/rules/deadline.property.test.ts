// Properties of the deadline engine on the demo calendar (2025–2027 as published), receipts spread
// over 2025-01-01 .. 2027-09-30 so that Tết, swaps and make-up Saturdays are all crossed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDay, localTimeOfDay } from './dates.js';
import {
  applyPause,
  computeDue,
  computeDueInstant,
  workingHoursBetween,
  type CountingRule,
  type DeadlineRequest,
  type DeadlineUnit,
} from './deadline.js';
import { demoCalendar, vn } from './test-support.js';

const cal = demoCalendar();
const FIRST_MINUTE = vn('2025-01-01 00:00').getTime() / 60_000;
const LAST_MINUTE = vn('2027-09-30 23:59').getTime() / 60_000;
const RUNS = { numRuns: 400 };

const instant = fc.integer({ min: FIRST_MINUTE, max: LAST_MINUTE }).map((m) => new Date(m * 60_000));
const cutoff = fc.option(fc.constantFrom('10:00', '15:00', '16:30'), { nil: undefined });
const counting = fc.constantFrom<CountingRule>('from_receipt', 'next_day');
const hours = fc.integer({ min: 0, max: 320 }).map((q) => q / 4); // quarter hours up to 80 h
const days = fc.integer({ min: 0, max: 60 }).map((h) => h / 2); // half days up to 30

/** Any request: every unit, with and without cut-off and art. 147 counting. */
const request: fc.Arbitrary<DeadlineRequest> = fc
  .record({
    from: instant,
    unit: fc.constantFrom<DeadlineUnit>('working_days', 'calendar_days', 'working_hours'),
    hours,
    days,
    calendarDays: fc.integer({ min: 0, max: 60 }),
    cutoff,
    counting,
  })
  .map(({ from, unit, hours: h, days: d, calendarDays, cutoff: c, counting: k }) => ({
    from,
    unit,
    amount: unit === 'working_hours' ? h : unit === 'working_days' ? d : calendarDays,
    counting: k,
    ...(c ? { cutoff: c } : {}),
  }));

function insideWorkingTime(ms: number): boolean {
  if (!cal.isWorkingDayNumber(localDay(ms))) return false;
  const tod = localTimeOfDay(ms);
  return cal.intervals.some(([s, e]) => tod >= s && tod <= e);
}

const countedHours = (r: ReturnType<typeof computeDue>) =>
  r.explanation.filter((e) => e.kind === 'counted').reduce((sum, e) => sum + (e.hours ?? 0), 0);
const countedDays = (r: ReturnType<typeof computeDue>) =>
  r.explanation.filter((e) => e.kind === 'counted').reduce((sum, e) => sum + (e.days ?? 0), 0);

describe('deadline properties', () => {
  it('the due instant falls inside working hours on a working day', () => {
    fc.assert(
      fc.property(request, (req) => {
        expect(insideWorkingTime(computeDueInstant(req, cal))).toBe(true);
      }),
      RUNS,
    );
  });

  it('adding a then b equals adding a + b (working hours)', () => {
    fc.assert(
      fc.property(instant, hours, hours, (from, a, b) => {
        const first = computeDue({ from, amount: a, unit: 'working_hours' }, cal);
        const chained = computeDueInstant({ from: first.due, amount: b, unit: 'working_hours' }, cal);
        expect(chained).toBe(computeDueInstant({ from, amount: a + b, unit: 'working_hours' }, cal));
      }),
      RUNS,
    );
  });

  it('adding a then b equals adding a + b (working days, counted from receipt)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 15 }), (from, a, b) => {
        const first = computeDueInstant({ from, amount: a, unit: 'working_days' }, cal);
        const chained = computeDueInstant({ from: new Date(first), amount: b, unit: 'working_days' }, cal);
        expect(chained).toBe(computeDueInstant({ from, amount: a + b, unit: 'working_days' }, cal));
      }),
      RUNS,
    );
  });

  it('is monotone in the receipt time, for every unit, cut-off and counting rule', () => {
    fc.assert(
      fc.property(request, fc.integer({ min: 0, max: 10 * 24 * 60 }), (req, laterBy) => {
        const later = { ...req, from: new Date(req.from.getTime() + laterBy * 60_000) };
        expect(computeDueInstant(later, cal)).toBeGreaterThanOrEqual(computeDueInstant(req, cal));
      }),
      { numRuns: 600 },
    );
  });

  it('pausing zero time changes nothing, in either mode', () => {
    fc.assert(
      fc.property(request, fc.integer({ min: 0, max: 20 * 24 * 60 }), fc.constantFrom('shift' as const, 'restart' as const), (req, at, mode) => {
        const r = computeDue(req, cal);
        const t = new Date(req.from.getTime() + at * 60_000);
        expect(applyPause(r, [{ from: t, to: t }], mode, cal).due.getTime()).toBe(r.due.getTime());
      }),
      RUNS,
    );
  });

  it('the counted days or hours in the explanation add up to the amount', () => {
    fc.assert(
      fc.property(request, (req) => {
        fc.pre(req.amount > 0 || req.unit === 'working_hours');
        const r = computeDue(req, cal);
        if (req.unit === 'calendar_days') expect(countedDays(r)).toBe(req.amount);
        else if (req.unit === 'working_hours') expect(countedHours(r)).toBeCloseTo(req.amount, 9);
        else expect(countedHours(r)).toBeCloseTo(req.amount * 8, 9);
      }),
      RUNS,
    );
  });

  it('…also after a pause in shift mode, and the pause moves the due date by exactly its working time', () => {
    fc.assert(
      fc.property(
        instant,
        fc.constantFrom<DeadlineUnit>('working_days', 'working_hours'),
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 5 * 24 * 60 }),
        (from, unit, amount, where, length) => {
          const r = computeDue({ from, amount, unit }, cal);
          // a pause that starts between the counting start and the due instant
          const pf = r.start.getTime() + Math.floor(where * (r.due.getTime() - r.start.getTime()) / 60_000) * 60_000;
          fc.pre(pf < r.due.getTime());
          const pause = { from: new Date(pf), to: new Date(pf + length * 60_000) };
          const shifted = applyPause(r, [pause], 'shift', cal);
          const paused = workingHoursBetween(pause.from, pause.to, cal);
          expect(countedHours(shifted)).toBeCloseTo(unit === 'working_days' ? amount * 8 : amount, 9);
          expect(workingHoursBetween(r.due, shifted.due, cal)).toBeCloseTo(paused, 9);
          expect(applyPause(r, [pause], 'restart', cal).due.getTime()).toBeGreaterThanOrEqual(shifted.due.getTime());
        },
      ),
      RUNS,
    );
  });

  it('the fast path and the explained path agree', () => {
    fc.assert(
      fc.property(request, (req) => {
        expect(computeDueInstant(req, cal)).toBe(computeDue(req, cal).due.getTime());
      }),
      RUNS,
    );
  });

  it('working days keep the time of day of a receipt inside working hours', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30 }), (from, amount) => {
        const tod = localTimeOfDay(from.getTime());
        // At an interval's start the same working moment is also the previous interval's end, which
        // is where the earliest-instant rule lands (13:30 + 1 day → 11:30 next day).
        fc.pre(insideWorkingTime(from.getTime()) && cal.intervals.every(([s]) => tod !== s));
        const dueMs = computeDueInstant({ from, amount, unit: 'working_days' }, cal);
        expect(localTimeOfDay(dueMs)).toBe(tod);
      }),
      RUNS,
    );
  });
});
