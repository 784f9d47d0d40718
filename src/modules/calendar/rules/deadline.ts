// The deadline engine (DOMAIN §3.1). Pure and allocation-light: computeDueInstant is the hot path
// (no explanation), computeDue the same walk with the explanation recorded.
//
// Conventions, each chosen so the required properties hold:
// - Receipt outside working time counts from the next working moment (after 17:00 → next working
//   morning, lunch break → 13:30, day off → next working day's opening).
// - Working time is counted in milliseconds; 1 working day = the length of the office day (8 h by
//   default), so a limit in working days keeps the time of day of receipt (Mon 09:10 + 1 → Tue 09:10).
// - The due instant is the earliest moment at which the limit is used up, working intervals being
//   closed: received Mon 07:00 + 1 working day → Mon 17:00 (not Tue 07:00, the same working time).
// - amount 0 in (working or calendar) days means "trong ngày": due at the close of the day of receipt,
//   or of the next working day when received after the cut-off or outside working time.
// - Calendar days keep the time of day of receipt; a due date on a day off moves to the opening of
//   the next working day, so two receipts in order never get due dates in reverse order.
// - counting 'next_day' applies Civil Code 2015 art. 147(2) (the first day of a period in days is
//   not counted) and art. 148(5) (a period ending on a day off ends with the next working day): the
//   limit runs from the opening of the working day after receipt and ends at the close of the last
//   day, the office's close standing in for art. 148(6)'s midnight.

import { DAY_MS, HOUR_MS, dayStart, localDay, localTimeOfDay, parseClock, toVnIso, viDate } from './dates.js';
import { CalendarRuleError } from './errors.js';
import * as ex from './explain.js';
import type { ExplanationEntry } from './explain.js';
import type { WorkCalendar } from './working-time.js';

export type DeadlineUnit = 'working_days' | 'calendar_days' | 'working_hours';
export type CountingRule = 'from_receipt' | 'next_day';

export interface DeadlineRequest {
  from: Date;
  amount: number;
  unit: DeadlineUnit;
  /** Per-procedure same-day cut-off 'HH:mm' (DOMAIN §3.2): received later → next working day. */
  cutoff?: string;
  /** Ignored for working_hours, which always count from receipt (Civil Code art. 147(1)). */
  counting?: CountingRule;
}

export interface Pause {
  from: Date;
  to: Date;
}

/** 'shift': the waiting time does not count; 'restart': the full limit runs again from resumption. */
export type PauseMode = 'shift' | 'restart';

export interface DeadlineResult {
  due: Date;
  dueIso: string;
  explanation: ExplanationEntry[];
  request: DeadlineRequest;
  /** When counting started, after snapping and cut-off (of the last restart, if any). */
  start: Date;
  pauses: Pause[];
  pauseMode: PauseMode | null;
}

// Bounds keep a typo (amount 3000 instead of 30) from walking through decades of calendar.
const MAX_AMOUNT: Record<DeadlineUnit, number> = { working_days: 2000, calendar_days: 3650, working_hours: 16000 };
const UNITS = new Set<DeadlineUnit>(['working_days', 'calendar_days', 'working_hours']);

type Span = readonly [number, number];

interface Recorder {
  entries: ExplanationEntry[];
}

function invalid(message: string): CalendarRuleError {
  return new CalendarRuleError('DEADLINE_INVALID', message);
}

function validate(req: DeadlineRequest): number | null {
  if (!(req.from instanceof Date) || Number.isNaN(req.from.getTime())) throw invalid('from must be a valid instant');
  if (!UNITS.has(req.unit)) throw invalid(`unknown unit ${String(req.unit)}`);
  const max = MAX_AMOUNT[req.unit];
  if (typeof req.amount !== 'number' || !Number.isFinite(req.amount) || req.amount < 0 || req.amount > max) {
    throw invalid(`amount must be between 0 and ${max} ${req.unit}`);
  }
  if (req.unit === 'calendar_days' && !Number.isInteger(req.amount)) throw invalid('calendar days must be whole');
  if (req.cutoff === undefined) return null;
  try {
    return parseClock(req.cutoff);
  } catch {
    throw invalid(`cutoff must be HH:mm, got ${req.cutoff}`);
  }
}

/**
 * Walks working time from `startMs`, leaving out days off and paused spans, until `amountMs` has
 * been counted. With amount 0 it returns the first working instant at or after `startMs`.
 */
function walk(
  cal: WorkCalendar,
  startMs: number,
  amountMs: number,
  pauses: readonly Span[],
  rec: Recorder | null,
): number {
  let day = localDay(startMs);
  let tod = startMs - dayStart(day);
  let remaining = amountMs;
  for (let guard = 0; guard < 200_000; guard++) {
    if (!cal.isWorkingDayNumber(day)) {
      if (rec) rec.entries.push(ex.skippedEntry(cal, day));
      day++;
      tod = 0;
      continue;
    }
    const base = dayStart(day);
    let counted = 0;
    let paused = 0;
    for (const [s, e] of cal.intervals) {
      if (tod > e) continue;
      let a = base + (tod > s ? tod : s);
      const b = base + e;
      let blocked = false;
      for (const [pf, pt] of pauses) {
        if (pt <= a || pf >= b) continue;
        if (pf > a) {
          if (remaining <= pf - a) return finish(rec, cal, day, counted + remaining, paused, a + remaining);
          remaining -= pf - a;
          counted += pf - a;
        }
        paused += Math.min(b, pt) - Math.max(a, pf);
        a = Math.min(b, pt);
        if (pt > b) blocked = true;
      }
      if (blocked) continue;
      if (remaining <= b - a) return finish(rec, cal, day, counted + remaining, paused, a + remaining);
      remaining -= b - a;
      counted += b - a;
    }
    record(rec, cal, day, counted, paused);
    day++;
    tod = 0;
  }
  throw invalid('the time limit does not end within the calendar');
}

function record(rec: Recorder | null, cal: WorkCalendar, day: number, counted: number, paused: number): void {
  if (!rec) return;
  if (paused > 0) rec.entries.push(ex.pausedEntry(day, paused));
  if (counted > 0) rec.entries.push(ex.countedEntry(cal, day, counted));
}

function finish(rec: Recorder | null, cal: WorkCalendar, day: number, counted: number, paused: number, due: number): number {
  record(rec, cal, day, counted, paused);
  return due;
}

/** Counting start after snapping to working time and applying the cut-off. */
function startOf(
  cal: WorkCalendar,
  fromMs: number,
  cutoffMs: number | null,
  cutoff: string | undefined,
  rec: Recorder | null,
): number {
  const mark = rec?.entries.length ?? 0;
  let start = walk(cal, fromMs, 0, [], rec);
  if (rec && start !== fromMs) rec.entries.splice(mark, 0, ex.snappedEntry(cal, fromMs, start));
  if (cutoffMs !== null && localTimeOfDay(start) > cutoffMs) {
    const mark2 = rec?.entries.length ?? 0;
    const next = walk(cal, dayStart(localDay(start) + 1), 0, [], rec);
    if (rec) rec.entries.splice(mark2, 0, ex.cutoffEntry(start, next, cutoff as string));
    start = next;
  }
  return start;
}

/** Calendar-day limits: whole days after the day of receipt, paused days left out. */
function calendarWalk(
  cal: WorkCalendar,
  receiptMs: number,
  amount: number,
  counting: CountingRule,
  pausedDays: ReadonlySet<number>,
  rec: Recorder | null,
): number {
  let day = localDay(receiptMs);
  for (let counted = 0; counted < amount; ) {
    day++;
    if (pausedDays.has(day)) {
      if (rec) rec.entries.push(ex.pausedEntry(day, null));
    } else {
      counted++;
      if (rec) rec.entries.push(ex.countedCalendarDay(cal, day));
    }
  }
  const time = counting === 'next_day' ? cal.closeMs : localTimeOfDay(receiptMs);
  if (cal.isWorkingDayNumber(day)) return dayStart(day) + time;
  const raw = day;
  const next = cal.nextWorkingDay(day);
  if (rec) for (let d = raw + 1; d < next; d++) rec.entries.push(ex.skippedEntry(cal, d));
  const due = dayStart(next) + (counting === 'next_day' ? cal.closeMs : cal.openMs);
  if (rec) rec.entries.push(ex.movedEntry(raw, due));
  return due;
}

/** Days a calendar-day limit stands still: from the day after a pause starts to the day it ends. */
function pausedDaysOf(pauses: readonly Span[], startMs: number): Set<number> {
  const days = new Set<number>();
  for (const [pf, pt] of pauses) {
    const from = localDay(Math.max(pf, startMs));
    for (let d = from + 1; d <= localDay(pt); d++) days.add(d);
  }
  return days;
}

function run(
  req: DeadlineRequest,
  cal: WorkCalendar,
  pauses: readonly Span[],
  rec: Recorder | null,
): { due: number; start: number } {
  const cutoffMs = validate(req);
  const start = startOf(cal, req.from.getTime(), cutoffMs, req.cutoff, rec);
  const receiptDay = localDay(start);
  if (req.amount === 0 && req.unit !== 'working_hours') {
    // "Trong ngày": the rest of the day of (deemed) receipt.
    if (rec) {
      const note = `Thủ tục giải quyết trong ngày: hẹn trả trước khi hết giờ làm việc ngày ${viDate(receiptDay)}.`;
      rec.entries.push(ex.ruleEntry('same_day', receiptDay, note));
    }
    const rest = cal.workingMsWithin(localTimeOfDay(start), DAY_MS);
    return { due: walk(cal, start, rest, pauses, rec), start };
  }
  const counting = req.counting ?? 'from_receipt';
  if (req.unit === 'calendar_days') {
    return { due: calendarWalk(cal, start, req.amount, counting, pausedDaysOf(pauses, start), rec), start };
  }
  if (req.unit === 'working_hours') {
    return { due: walk(cal, start, Math.round(req.amount * HOUR_MS), pauses, rec), start };
  }
  const amountMs = Math.round(req.amount * cal.dayLengthMs);
  if (counting === 'next_day') {
    if (rec) {
      const note =
        `Không tính ngày nhận hồ sơ ${viDate(receiptDay)} (Điều 147 Bộ luật Dân sự 2015): ` +
        'bắt đầu tính từ ngày làm việc tiếp theo.';
      rec.entries.push(ex.ruleEntry('next_day', receiptDay, note));
    }
    const first = walk(cal, dayStart(receiptDay + 1), 0, [], rec);
    return { due: walk(cal, first, amountMs, pauses, rec), start: first };
  }
  return { due: walk(cal, start, amountMs, pauses, rec), start };
}

/** The hot path: the due instant in epoch milliseconds, without an explanation. */
export function computeDueInstant(req: DeadlineRequest, calendar: WorkCalendar): number {
  return run(req, calendar, [], null).due;
}

function makeResult(
  req: DeadlineRequest,
  due: number,
  start: number,
  entries: ExplanationEntry[],
  pauses: Pause[],
  mode: PauseMode | null,
): DeadlineResult {
  entries.push(ex.dueEntry(due));
  return {
    due: new Date(due),
    dueIso: toVnIso(due),
    explanation: entries,
    request: req,
    start: new Date(start),
    pauses,
    pauseMode: mode,
  };
}

export function computeDue(req: DeadlineRequest, calendar: WorkCalendar): DeadlineResult {
  const rec: Recorder = { entries: [] };
  const { due, start } = run(req, calendar, [], rec);
  return makeResult(req, due, start, rec.entries, [], null);
}

function spansOf(pauses: readonly Pause[]): Span[] {
  const spans: Span[] = pauses.map((p) => {
    const f = p.from instanceof Date ? p.from.getTime() : NaN;
    const t = p.to instanceof Date ? p.to.getTime() : NaN;
    if (Number.isNaN(f) || Number.isNaN(t) || t < f) throw invalid('a pause needs valid from ≤ to');
    return [f, t] as const;
  });
  spans.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [f, t] of spans) {
    const last = merged.at(-1);
    if (last && f <= last[1]) last[1] = Math.max(last[1], t);
    else merged.push([f, t]);
  }
  return merged;
}

/**
 * Applies the time spent waiting for a supplement. Pauses of zero length, and pauses that start at
 * or after the due instant (the dossier was already due), change nothing and are listed as ignored.
 */
export function applyPause(
  result: DeadlineResult,
  pauses: readonly Pause[],
  mode: PauseMode,
  calendar: WorkCalendar,
): DeadlineResult {
  if (result.pauseMode !== null && result.pauseMode !== mode) {
    throw invalid(`pauses were applied as ${result.pauseMode}, not ${mode}`);
  }
  const all = [...result.pauses, ...pauses];
  const spans = spansOf(all);
  const req = result.request;
  const rec: Recorder = { entries: [] };
  const notes: ExplanationEntry[] = [];
  if (mode === 'shift') {
    const effective = spans.filter(([f, t]) => t > f);
    const { due, start } = run(req, calendar, effective, rec);
    for (const [f, t] of spans) {
      if (t === f) notes.push(ex.pauseSummary(f, t, 'ignored', 'zero_length'));
      else if (f >= due) notes.push(ex.pauseSummary(f, t, 'ignored', 'after_due'));
      else if (t <= start) notes.push(ex.pauseSummary(f, t, 'ignored', 'before_start'));
    }
    return makeResult(req, due, start, [...rec.entries, ...notes], all, mode);
  }
  let current = run(req, calendar, [], null);
  let restartFrom: number | null = null;
  for (const [f, t] of spans) {
    if (t === f) notes.push(ex.pauseSummary(f, t, 'ignored', 'zero_length'));
    else if (f >= current.due) notes.push(ex.pauseSummary(f, t, 'ignored', 'after_due'));
    else if (t <= current.start) notes.push(ex.pauseSummary(f, t, 'ignored', 'before_start'));
    else {
      notes.push(ex.pauseSummary(f, t, 'restarted', 'supplement_wait'));
      current = run({ ...req, from: new Date(t) }, calendar, [], null);
      restartFrom = t;
    }
  }
  const final = run(restartFrom === null ? req : { ...req, from: new Date(restartFrom) }, calendar, [], rec);
  return makeResult(req, final.due, final.start, [...notes, ...rec.entries], all, mode);
}

/** An extension by `days` working days from the current due instant (form 04, once per dossier). */
export function extend(due: Date, days: number, calendar: WorkCalendar): DeadlineResult {
  const req: DeadlineRequest = { from: due, amount: days, unit: 'working_days' };
  validate(req);
  if (days === 0) throw invalid('an extension needs at least part of a working day');
  const rec: Recorder = { entries: [ex.extendedEntry(due.getTime(), days)] };
  const end = walk(calendar, due.getTime(), Math.round(days * calendar.dayLengthMs), [], rec);
  return makeResult(req, end, due.getTime(), rec.entries, [], null);
}

/** Working hours between two instants (negative when `to` is earlier): for early/late per step. */
export function workingHoursBetween(from: Date, to: Date, calendar: WorkCalendar): number {
  const [a, b, sign] = from <= to ? [from.getTime(), to.getTime(), 1] : [to.getTime(), from.getTime(), -1];
  let total = 0;
  for (let day = localDay(a); day <= localDay(b); day++) {
    if (!calendar.isWorkingDayNumber(day)) continue;
    const base = dayStart(day);
    total += calendar.workingMsWithin(Math.max(a, base) - base, Math.min(b, base + DAY_MS) - base);
  }
  return (sign * total) / HOUR_MS;
}
