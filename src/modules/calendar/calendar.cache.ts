// The province calendar in memory. The one-stop desk asks for a deadline calculator on every
// intake, so a hit must cost no I/O: the built WorkCalendar is kept until this process changes the
// calendar (invalidate), until the hours in force change at midnight of an effective date, or
// until another process's change shows in the change stamp (checked at most every `recheckMs`).

import type { Db } from '../../platform/db/transaction.js';
import type { DeadlineCalculator } from '../dossiers/ports.js';
import { defaultDays } from './calendar.compose.js';
import * as repo from './calendar.repository.js';
import { DEFAULT_HOURS, WorkCalendar, type CalendarDay, type DefaultHolidayOptions } from './rules/index.js';
import { EDITABLE_YEARS } from './schema.js';

export type Snapshot = {
  stamp: string;
  calendar: WorkCalendar;
  calculator: DeadlineCalculator;
  hours: repo.HoursRow;
  storedYears: ReadonlyMap<number, repo.YearRow>;
  /** When the snapshot was last known to match the database (ms since epoch). */
  checkedAt: number;
  /** Next instant the hours in force change by date alone; the snapshot is rebuilt then. */
  validUntil: number;
};

/** Used when no hours were ever recorded: DOMAIN §3.1's office day, Saturdays off. */
export const FALLBACK_HOURS: repo.HoursRow = {
  version: 0, effectiveFrom: '1900-01-01', intervals: DEFAULT_HOURS.map((h) => ({ ...h })), saturdayWorking: false,
  tetDaysBefore: 1, nationalDayAdjacent: 'before', reason: null, recordedAt: null, recordedBy: null,
};

export function optionsOf(h: { tetDaysBefore: number; nationalDayAdjacent: 'before' | 'after'; saturdayWorking: boolean }): DefaultHolidayOptions {
  return { tetDaysBefore: h.tetDaysBefore, nationalDayAdjacent: h.nationalDayAdjacent, saturdayWorking: h.saturdayWorking };
}

const VN_OFFSET_MS = 7 * 3_600_000;
export const vnToday = (now: number): string => new Date(now + VN_OFFSET_MS).toISOString().slice(0, 10);
const vnMidnight = (date: string): number => Date.parse(`${date}T00:00:00+07:00`);

/** The row in force on `date`: the highest version among those effective on or before it. */
export function hoursInForce(rows: readonly repo.HoursRow[], date: string): repo.HoursRow {
  let best: repo.HoursRow | undefined;
  for (const r of rows) {
    if (r.effectiveFrom > date) continue;
    if (!best || r.effectiveFrom > best.effectiveFrom || (r.effectiveFrom === best.effectiveFrom && r.version > best.version)) best = r;
  }
  return best ?? FALLBACK_HOURS;
}

export class CalendarCache {
  private snapshot: Snapshot | null = null;
  private building: Promise<Snapshot> | null = null;
  private generation = 0;
  /** Builds since start, for tests and the report on cache behaviour. */
  builds = 0;

  constructor(
    private readonly db: Db,
    private readonly calculatorFor: (calendar: WorkCalendar) => DeadlineCalculator,
    private readonly recheckMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Drops the snapshot; the next read rebuilds from the database. Call after each committed change. */
  invalidate(): void {
    this.generation++;
    this.snapshot = null;
    this.building = null;
  }

  async get(): Promise<Snapshot> {
    const s = this.snapshot;
    const now = this.now();
    if (s && now < s.validUntil) {
      if (now - s.checkedAt < this.recheckMs) return s;
      s.checkedAt = now; // concurrent callers keep using s while one of them checks
      if ((await repo.changeStamp(this.db)) === s.stamp) return s;
      if (this.snapshot === s) this.invalidate();
    }
    return this.build();
  }

  private build(): Promise<Snapshot> {
    if (this.building) return this.building;
    const generation = this.generation;
    const promise = this.load().then((snapshot) => {
      // A change committed while we were reading makes this snapshot stale before it is used.
      if (generation === this.generation) {
        this.snapshot = snapshot;
        this.building = null;
      }
      return snapshot;
    }, (err: unknown) => {
      if (this.building === promise) this.building = null;
      throw err;
    });
    this.building = promise;
    return promise;
  }

  private async load(): Promise<Snapshot> {
    const now = this.now();
    // The stamp is read first: a change committed after it makes the next check rebuild.
    const stamp = await repo.changeStamp(this.db);
    const [hoursRows, years, stored] = await Promise.all([repo.listHours(this.db), repo.listYears(this.db), repo.listDays(this.db)]);
    const today = vnToday(now);
    const hours = hoursInForce(hoursRows, today);
    const storedYears = new Map(years.map((y) => [y.year, y]));
    const days: CalendarDay[] = stored.map((d) => ({ date: d.date, kind: d.kind, name: d.name, basis: d.basis }));
    const options = optionsOf(hours);
    for (let year = EDITABLE_YEARS.min; year <= EDITABLE_YEARS.max; year++) {
      if (!storedYears.has(year)) days.push(...defaultDays(year, options));
    }
    const calendar = new WorkCalendar({ days, hours: hours.intervals, saturdayWorking: hours.saturdayWorking });
    const upcoming = hoursRows.map((r) => r.effectiveFrom).filter((d) => d > today).sort()[0];
    this.builds++;
    return {
      stamp, calendar, calculator: this.calculatorFor(calendar), hours, storedYears,
      checkedAt: now, validUntil: upcoming ? vnMidnight(upcoming) : Number.POSITIVE_INFINITY,
    };
  }
}
