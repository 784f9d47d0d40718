// The explanation attached to every deadline: machine-readable entries with a Vietnamese note each,
// so an officer can answer "why is my appointment on that date?" line by line.

import { HOUR_MS, MINUTE_MS, clockOf, dayNumber, dayStart, isoDateOf, localDay, toVnIso, viDate, viWeekday, type IsoDate } from './dates.js';
import type { Basis } from './holidays.js';
import type { DayReason, DayStatus, WorkCalendar } from './working-time.js';

export type ExplanationKind =
  | 'snapped' // receipt outside working time moved to the next working moment
  | 'cutoff' // received after the procedure's cut-off: counting starts the next working day
  | 'rule' // the counting rule in force (same-day, next-day counting)
  | 'counted' // a day (or part of one) counted towards the time limit
  | 'skipped' // a day off not counted
  | 'paused' // working time or days spent waiting for a supplement, not counted
  | 'restarted' // the full time limit starts again from the resumption
  | 'ignored' // a pause that does not change the due date
  | 'moved' // a calendar-day due date on a day off moved to the next working day
  | 'extended' // an extension of the due date
  | 'due'; // the appointment

export type ExplanationReason =
  | DayReason
  | 'before_hours'
  | 'lunch_break'
  | 'after_hours'
  | 'after_cutoff'
  | 'same_day'
  | 'next_day'
  | 'calendar_day'
  | 'supplement_wait'
  | 'zero_length'
  | 'after_due'
  | 'before_start'
  | 'extension'
  | 'appointment';

export interface ExplanationEntry {
  /** The local date the entry is about. */
  date: IsoDate;
  kind: ExplanationKind;
  reason: ExplanationReason;
  /** Working hours counted or paused that day. */
  hours?: number;
  /** Calendar days counted or paused (calendar-day limits). */
  days?: number;
  /** An instant, ISO 8601 with +07:00: where counting starts or the appointment. */
  at?: string;
  /** Name of the holiday, swap or make-up day. */
  name?: string;
  basis?: Basis | null;
  note: string;
}

export function viDuration(ms: number): string {
  const minutes = Math.round(ms / MINUTE_MS);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h && m) return `${h} giờ ${m} phút`;
  return h ? `${h} giờ` : `${m} phút`;
}

function dayLabel(day: number): string {
  return `${viWeekday(day)} ${viDate(day)}`;
}

function moment(ms: number): string {
  const day = localDay(ms);
  return `${clockOf(ms)} ${dayLabel(day)}`;
}

function basisText(basis: Basis | null | undefined): string {
  if (!basis) return '';
  return ` theo ${basis.document} ngày ${viDate(dayNumber(basis.date))}`;
}

function offText(status: DayStatus): string {
  switch (status.reason) {
    case 'saturday':
    case 'sunday':
      return 'ngày nghỉ hằng tuần';
    case 'holiday':
      return `nghỉ ${status.name ?? 'lễ, tết'}${basisText(status.basis)}`;
    case 'compensatory':
      return `${status.name ?? 'nghỉ bù'}${basisText(status.basis)}`;
    case 'swap_off':
      return `nghỉ do hoán đổi ngày làm việc (${status.name ?? ''})${basisText(status.basis)}`;
    default:
      return 'ngày nghỉ';
  }
}

function withDay(entry: ExplanationEntry, status: DayStatus): ExplanationEntry {
  if (status.name !== undefined) entry.name = status.name;
  if (status.basis) entry.basis = status.basis;
  return entry;
}

export function skippedEntry(cal: WorkCalendar, day: number): ExplanationEntry {
  const status = cal.status(day);
  return withDay(
    { date: status.date, kind: 'skipped', reason: status.reason, note: `${dayLabel(day)}: không tính, ${offText(status)}.` },
    status,
  );
}

export function countedEntry(cal: WorkCalendar, day: number, countedMs: number): ExplanationEntry {
  const status = cal.status(day);
  const makeup = status.reason === 'makeup_workday' ? ` (ngày làm bù${basisText(status.basis)})` : '';
  return withDay(
    {
      date: status.date,
      kind: 'counted',
      reason: status.reason,
      hours: countedMs / HOUR_MS,
      note: `${dayLabel(day)}${makeup}: tính ${viDuration(countedMs)} làm việc.`,
    },
    status,
  );
}

export function countedCalendarDay(cal: WorkCalendar, day: number): ExplanationEntry {
  const status = cal.status(day);
  const off = status.working ? '' : ` dù là ${offText(status)}`;
  return withDay(
    {
      date: status.date,
      kind: 'counted',
      reason: 'calendar_day',
      days: 1,
      note: `${dayLabel(day)}: tính 1 ngày theo ngày lịch${off}.`,
    },
    status,
  );
}

export function pausedEntry(day: number, pausedMs: number | null): ExplanationEntry {
  const what = pausedMs === null ? 'cả ngày' : `${viDuration(pausedMs)} làm việc`;
  const entry: ExplanationEntry = {
    date: isoDateOf(day),
    kind: 'paused',
    reason: 'supplement_wait',
    note: `${dayLabel(day)}: tạm dừng ${what} chờ bổ sung hồ sơ, không tính.`,
  };
  if (pausedMs === null) entry.days = 1;
  else entry.hours = pausedMs / HOUR_MS;
  return entry;
}

export function snappedEntry(cal: WorkCalendar, fromMs: number, startMs: number): ExplanationEntry {
  const day = localDay(fromMs);
  const status = cal.status(day);
  const tod = fromMs - dayStart(day);
  let reason: ExplanationReason = status.reason;
  let why = `là ngày nghỉ (${offText(status)})`;
  if (status.working) {
    if (tod < cal.openMs) [reason, why] = ['before_hours', 'trước giờ làm việc'];
    else if (tod > cal.closeMs) [reason, why] = ['after_hours', 'sau giờ làm việc'];
    else [reason, why] = ['lunch_break', 'ngoài giờ làm việc (giờ nghỉ trưa)'];
  }
  return {
    date: isoDateOf(day),
    kind: 'snapped',
    reason,
    at: toVnIso(startMs),
    note: `Nhận hồ sơ lúc ${moment(fromMs)}, ${why}: bắt đầu tính từ ${moment(startMs)}.`,
  };
}

export function cutoffEntry(receiptMs: number, startMs: number, cutoff: string): ExplanationEntry {
  return {
    date: isoDateOf(localDay(receiptMs)),
    kind: 'cutoff',
    reason: 'after_cutoff',
    at: toVnIso(startMs),
    note: `Nhận hồ sơ lúc ${moment(receiptMs)}, sau giờ chốt ${cutoff} của thủ tục: tính từ ${moment(startMs)}.`,
  };
}

export function ruleEntry(reason: 'same_day' | 'next_day', day: number, note: string): ExplanationEntry {
  return { date: isoDateOf(day), kind: 'rule', reason, note };
}

export function movedEntry(rawDay: number, dueMs: number): ExplanationEntry {
  return {
    date: isoDateOf(rawDay),
    kind: 'moved',
    reason: 'calendar_day',
    at: toVnIso(dueMs),
    note: `Thời hạn hết vào ${dayLabel(rawDay)} là ngày nghỉ, nên ngày hẹn chuyển sang ${moment(dueMs)}.`,
  };
}

export function dueEntry(dueMs: number): ExplanationEntry {
  const day = localDay(dueMs);
  return {
    date: isoDateOf(day),
    kind: 'due',
    reason: 'appointment',
    at: toVnIso(dueMs),
    note: `Hẹn trả kết quả lúc ${moment(dueMs)}.`,
  };
}

export function pauseSummary(
  fromMs: number,
  toMs: number,
  kind: 'ignored' | 'restarted',
  reason: ExplanationReason,
): ExplanationEntry {
  const day = localDay(fromMs);
  const span = `từ ${moment(fromMs)} đến ${moment(toMs)}`;
  const note =
    kind === 'restarted'
      ? `Tạm dừng chờ bổ sung ${span}; thủ tục quy định tính lại toàn bộ thời hạn từ khi nhận đủ hồ sơ bổ sung.`
      : reason === 'zero_length'
        ? `Tạm dừng ${span} không kéo dài thời gian nào, bỏ qua.`
        : reason === 'before_start'
          ? `Tạm dừng ${span} kết thúc trước khi bắt đầu tính thời hạn, không làm thay đổi ngày hẹn.`
          : `Tạm dừng ${span} bắt đầu từ hoặc sau thời điểm hẹn trả, không làm thay đổi ngày hẹn.`;
  const entry: ExplanationEntry = { date: isoDateOf(day), kind, reason, note };
  if (kind === 'restarted') entry.at = toVnIso(toMs);
  return entry;
}

export function extendedEntry(fromDueMs: number, days: number): ExplanationEntry {
  const day = localDay(fromDueMs);
  return {
    date: isoDateOf(day),
    kind: 'extended',
    reason: 'extension',
    days,
    at: toVnIso(fromDueMs),
    note: `Gia hạn thêm ${days} ngày làm việc kể từ thời điểm hẹn cũ ${moment(fromDueMs)}.`,
  };
}
