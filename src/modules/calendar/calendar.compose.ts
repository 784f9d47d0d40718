// Composition of a stored year (pure, no I/O): the Labour Code defaults, then the recorded notices
// and day edits in recording order, with the trail of what differs from the defaults and why.
// The rules (rules/holidays.ts) apply one notice; this file adds the administrators' edits and
// keeps track of which record set each day, so the calendar can answer "since when, and by what?".

import {
  applyNotice,
  DAY_KIND_VI,
  defaultHolidays,
  type Basis,
  type CalendarDay,
  type ChangeKind,
  type DayKind,
  type DefaultHolidayOptions,
  type Notice,
} from './rules/index.js';
import { dayNumber, viDate, weekday } from './rules/dates.js';

export type DaySource = 'default' | 'notice' | 'manual';

export interface ComposedDay extends CalendarDay {
  source: DaySource;
  noticeId: number | null;
  editId: number | null;
  /** Why an administrator set the day (manual edits only). */
  reason: string | null;
}

export interface DayEdit {
  date: string;
  /** null: the date becomes an ordinary day. */
  kind: DayKind | null;
  name: string | null;
  basis: Basis | null;
  reason: string;
}

export type Layer =
  | { type: 'notice'; id: number; seq: number; notice: Notice }
  | { type: 'edit'; id: number; seq: number; edit: DayEdit };

/** One difference between the composed year and the Labour Code defaults, with the record behind it. */
export interface YearChange {
  date: string;
  change: ChangeKind;
  /** The default day (Labour Code), if any. */
  before: CalendarDay | null;
  after: ComposedDay | null;
  source: 'notice' | 'manual';
  noticeId: number | null;
  editId: number | null;
  basis: Basis | null;
  reason: string | null;
  note: string;
}

export interface ComposedYear {
  year: number;
  days: ComposedDay[];
  changes: YearChange[];
}

const defaultsMemo = new Map<string, readonly CalendarDay[]>();

/**
 * The art. 112 / art. 111(3) days of a year. Pure in (year, options), and the lunar conversions
 * behind Tết and Giỗ Tổ cost about a millisecond a year cold, so results are kept for the process.
 */
export function defaultDays(year: number, options: DefaultHolidayOptions): readonly CalendarDay[] {
  const key = `${year}|${options.tetDaysBefore ?? 1}|${options.nationalDayAdjacent ?? 'before'}|${options.saturdayWorking ? 1 : 0}`;
  let days = defaultsMemo.get(key);
  if (!days) {
    days = Object.freeze(defaultHolidays(year, options));
    defaultsMemo.set(key, days);
  }
  return days;
}

function fromDefault(day: CalendarDay): ComposedDay {
  return { ...day, source: 'default', noticeId: null, editId: null, reason: null };
}

type Touch = { layer: Layer };

export function composeYear(year: number, defaults: readonly CalendarDay[], layers: readonly Layer[]): ComposedYear {
  const inYear = (date: string) => date.startsWith(`${year}-`);
  let current = new Map<string, ComposedDay>(defaults.filter((d) => inYear(d.date)).map((d) => [d.date, fromDefault(d)]));
  const touched = new Map<string, Touch>();

  for (const layer of [...layers].sort((a, b) => a.seq - b.seq)) {
    if (layer.type === 'notice') {
      const result = applyNotice([...current.values()], layer.notice);
      const changed = new Set(result.changes.map((c) => c.date));
      const next = new Map<string, ComposedDay>();
      for (const day of result.days) {
        if (!inYear(day.date)) continue;
        const previous = current.get(day.date);
        next.set(day.date, changed.has(day.date) || !previous
          ? { ...day, source: 'notice', noticeId: layer.id, editId: null, reason: null }
          : previous);
      }
      for (const date of changed) touched.set(date, { layer });
      current = next;
    } else {
      const { edit } = layer;
      if (edit.kind === null) current.delete(edit.date);
      else {
        current.set(edit.date, {
          date: edit.date, kind: edit.kind, name: edit.name ?? '', basis: edit.basis,
          source: 'manual', noticeId: null, editId: layer.id, reason: edit.reason,
        });
      }
      touched.set(edit.date, { layer });
    }
  }

  const byDefault = new Map(defaults.map((d) => [d.date, d]));
  const changes: YearChange[] = [];
  for (const [date, { layer }] of [...touched].sort(([a], [b]) => a.localeCompare(b))) {
    const before = byDefault.get(date) ?? null;
    const after = current.get(date) ?? null;
    if (!before && !after) continue; // added, then removed again: the default stands
    const change: ChangeKind = !after ? 'removed' : !before ? 'added' : after.kind === before.kind ? 'confirmed' : 'replaced';
    const basis = layer.type === 'notice' ? { document: layer.notice.document, date: layer.notice.date } : layer.edit.basis;
    const reason = layer.type === 'edit' ? layer.edit.reason : null;
    changes.push({
      date, change, before, after, basis, reason,
      source: layer.type === 'notice' ? 'notice' : 'manual',
      noticeId: layer.type === 'notice' ? layer.id : null,
      editId: layer.type === 'edit' ? layer.id : null,
      note: changeNote(date, change, before, after, basis, reason),
    });
  }
  return { year, days: [...current.values()].sort((a, b) => a.date.localeCompare(b.date)), changes };
}

function changeNote(date: string, change: ChangeKind, before: CalendarDay | null, after: CalendarDay | null, basis: Basis | null, reason: string | null): string {
  const on = viDate(dayNumber(date));
  const describe = (d: CalendarDay) => `${DAY_KIND_VI[d.kind]} "${d.name}"`;
  const why = [
    basis ? `theo ${basis.document} ngày ${viDate(dayNumber(basis.date))}` : '',
    reason ? `lý do: ${reason}` : '',
  ].filter(Boolean).join('; ');
  const suffix = why ? ` (${why})` : '';
  switch (change) {
    case 'added':
      return `${on}: thêm ${describe(after as CalendarDay)} so với mặc định của Bộ luật Lao động${suffix}.`;
    case 'removed':
      return `${on}: bỏ ${describe(before as CalendarDay)} của Bộ luật Lao động, trở thành ngày thường${suffix}.`;
    case 'replaced':
      return `${on}: thay ${describe(before as CalendarDay)} bằng ${describe(after as CalendarDay)}${suffix}.`;
    case 'confirmed':
      return `${on}: giữ ${describe(after as CalendarDay)}${suffix}.`;
  }
}

/** Saturday and Sunday are weekly rest days for civil servants unless the province works Saturdays. */
export function isWeeklyRest(date: string, saturdayWorking: boolean): boolean {
  const wd = weekday(dayNumber(date));
  return wd === 0 || (wd === 6 && !saturdayWorking);
}

/**
 * A kind that makes no sense on that weekday, in Vietnamese, or null. A make-up day is a weekly
 * rest day that is worked; a swap or compensatory day off is a working day given off (Labour Code
 * art. 111(3)). Holidays may fall on any day (30/4 on a Sunday is still the holiday).
 */
export function kindProblem(date: string, kind: DayKind, saturdayWorking: boolean): string | null {
  const rest = isWeeklyRest(date, saturdayWorking);
  const on = viDate(dayNumber(date));
  if (kind === 'makeup_workday' && !rest) return `${on} vốn là ngày làm việc, không thể là ngày làm bù.`;
  if ((kind === 'swap_off' || kind === 'compensatory') && rest) return `${on} vốn là ngày nghỉ hằng tuần, không thể là ${DAY_KIND_VI[kind]}.`;
  return null;
}
