import type { ReportFacts } from './facts.js';

/**
 * What one dossier adds to the per-day counts (migration 0024, docs/reports.md "Sổ đếm theo ngày").
 * Flows are counted on the Vietnamese day they happened; the three stocks a report reads at an instant
 * — in progress, overdue, awaiting a supplement — as +1/−1 on the day the dossier enters or leaves each,
 * so that a stock at midnight is the sum of the deltas of the days before it. The stock rules are those
 * of form II.06a "at the end of the period" (`stateAt`, the same as reports.repository.ts columnRule).
 */
export const FLOWS = [
  'recv_online', 'recv_direct', 'recv_digitised', 'recv_fee', 'recv_fee_paid',
  'completed', 'early', 'on_time', 'late', 'withdrawn', 'result', 'result_digitised',
  'returned', 'returned_fully_online',
] as const;
export const STOCKS = ['d_open', 'd_overdue', 'd_awaiting'] as const;
export const COUNTERS = [...FLOWS, ...STOCKS] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;

export const zeroCounters = (): Counters => Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counters;

/** The service index's flags of one dossier (report_index_facts). */
export type CountFlags = { feeCharged: boolean; paidOnline: boolean; digitised: boolean; resultDigitised: boolean; fullyOnline: boolean };
export const noFlags: CountFlags = { feeCharged: false, paidOnline: false, digitised: false, resultDigitised: false, fullyOnline: false };

const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Vietnamese calendar day (UTC+7, no daylight saving) of an instant, YYYY-MM-DD. */
export const vnDay = (ms: number): string => new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
/** The instant a Vietnamese day begins. */
export const dayStart = (day: string): number => Date.parse(`${day}T00:00:00+07:00`);
/** Whether an instant is a Vietnamese midnight (where the per-day sums can answer exactly). */
export const isMidnight = (ms: number): boolean => (ms + VN_OFFSET_MS) % DAY_MS === 0;

/** The half month a day lies in: its first day, the 1st or the 15th. */
export const halfOf = (day: string): string => `${day.slice(0, 8)}${Number(day.slice(8, 10)) < 15 ? '01' : '15'}`;
const addDays = (day: string, n: number): string => vnDay(dayStart(day) + n * DAY_MS);
/** The first half-month start on or after a day. */
export function halfOnOrAfter(day: string): string {
  const h = halfOf(day);
  if (h === day) return day;
  return h.endsWith('01') ? `${day.slice(0, 8)}15` : halfOf(addDays(`${day.slice(0, 8)}28`, 7));
}

/** Days [from, to) as whole half months (from the half-month rows) and the days around them (from the day rows). */
export type DaySpan = { halves: [string, string] | null; days: [string, string][] };
export function spanOf(from: string, to: string): DaySpan {
  if (from >= to) return { halves: null, days: [] };
  const a = halfOnOrAfter(from);
  const b = halfOf(to);
  if (a >= b) return { halves: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < a) days.push([from, a]);
  if (b < to) days.push([b, to]);
  return { halves: [a, b], days };
}

const ms = (s: string | null) => (s === null ? null : Date.parse(s));

/** A dossier's stocks at instant `at`, as form II.06a reads them at the end of a period (docs/reports.md). */
export function stateAt(f: ReportFacts, at: number): { open: boolean; overdue: boolean; awaiting: boolean } {
  const received = ms(f.receivedAt);
  const completed = ms(f.completedAt);
  if (received === null || received >= at || (completed !== null && completed < at)) return { open: false, overdue: false, awaiting: false };
  const before = (x: number | null) => x !== null && x < at;
  const pauseStarted = ms(f.pauseStartedAt);
  const pauseEnded = ms(f.pauseEndedAt);
  const extended = ms(f.extendedAt);
  const paused = before(pauseStarted) && (pauseEnded === null || pauseEnded >= at);
  // The due date in force at `at`: an extension counts unless a later end of the pause moved the date again.
  const due = before(extended) && (pauseEnded === null || pauseEnded >= at || extended! >= pauseEnded)
    ? ms(f.dueAfterExtension)
    : before(pauseEnded) ? ms(f.dueAfterPause) : ms(f.originalDueAt);
  const overdue = paused ? f.pausedWhenOverdue : due !== null && due < at;
  return { open: true, overdue, awaiting: paused };
}

/** The flows and stock deltas of one dossier per day. A dossier never received counts nowhere. */
export function contributions(f: ReportFacts, channel: string, flags: CountFlags): Map<string, Partial<Counters>> {
  const out = new Map<string, Partial<Counters>>();
  const add = (instant: number, counter: Counter, n = 1) => {
    if (n === 0) return;
    const day = vnDay(instant);
    const c = out.get(day) ?? {};
    c[counter] = (c[counter] ?? 0) + n;
    out.set(day, c);
  };
  const received = ms(f.receivedAt);
  if (received === null) return out;
  add(received, channel === 'online' ? 'recv_online' : 'recv_direct');
  if (flags.digitised) add(received, 'recv_digitised');
  if (flags.feeCharged) add(received, 'recv_fee');
  if (flags.feeCharged && flags.paidOnline) add(received, 'recv_fee_paid');
  const completed = ms(f.completedAt);
  if (completed !== null) {
    add(completed, 'completed');
    if (f.timeliness) add(completed, f.timeliness === 'on_time' ? 'on_time' : f.timeliness);
    if (f.outcome === 'withdrawn') add(completed, 'withdrawn');
    if (f.outcome === 'result') add(completed, 'result');
    if (f.outcome === 'result' && flags.resultDigitised) add(completed, 'result_digitised');
  }
  const returned = ms(f.returnedAt);
  if (returned !== null) {
    add(returned, 'returned');
    if (flags.fullyOnline) add(returned, 'returned_fully_online');
  }
  // The stocks change only just after one of the dossier's own instants (every rule compares `x < at`).
  const instants = [f.receivedAt, f.completedAt, f.pauseStartedAt, f.pauseEndedAt, f.extendedAt, f.originalDueAt, f.dueAfterPause, f.dueAfterExtension]
    .map(ms).filter((x): x is number => x !== null);
  let prev = { open: false, overdue: false, awaiting: false };
  for (const b of [...new Set(instants)].sort((x, y) => x - y)) {
    const s = stateAt(f, b + 1);
    add(b, 'd_open', Number(s.open) - Number(prev.open));
    add(b, 'd_overdue', Number(s.overdue) - Number(prev.overdue));
    add(b, 'd_awaiting', Number(s.awaiting) - Number(prev.awaiting));
    prev = s;
  }
  return out;
}

/** The identity of a counts row apart from its day. */
export type CountDims = { unitId: number; procedureCode: string; procedureName: string; fieldCode: string; fieldName: string };

/**
 * Sums of contributions, per (grain, dims, bucket): each day's counts go to its day row and to its
 * half-month row. `add` with sign −1 takes back what an earlier version of a dossier added.
 */
export class CountsDelta {
  readonly rows = new Map<string, { grain: 'day' | 'half'; dims: CountDims; bucket: string; counts: Counters }>();

  add(dims: CountDims, perDay: Map<string, Partial<Counters>>, sign: 1 | -1): void {
    for (const [day, counts] of perDay) {
      for (const [grain, bucket] of [['day', day], ['half', halfOf(day)]] as const) {
        const key = `${grain}|${dims.unitId}|${dims.procedureCode}|${dims.fieldCode}|${bucket}`;
        const row = this.rows.get(key) ?? { grain, dims, bucket, counts: zeroCounters() };
        row.dims = sign === 1 ? dims : row.dims;
        for (const [c, n] of Object.entries(counts) as [Counter, number][]) row.counts[c] += sign * n;
        this.rows.set(key, row);
      }
    }
  }

  /** The rows that change something, in key order (concurrent writers lock rows in the same order). */
  changed(): { grain: 'day' | 'half'; dims: CountDims; bucket: string; counts: Counters }[] {
    return [...this.rows.entries()]
      .filter(([, r]) => COUNTERS.some((c) => r.counts[c] !== 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, r]) => r);
  }

  get size(): number { return this.rows.size; }
  clear(): void { this.rows.clear(); }
}
