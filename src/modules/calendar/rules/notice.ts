// The import format of a province's holiday calendar (demo/calendar/, documented in its README)
// and the year view built from it. zod-free so the rules stay dependency-free; the HTTP layer has
// its own zod schema for the same shape.

import { DAY_KINDS, applyNotice, defaultHolidays, validateNotice } from './holidays.js';
import type { CalendarChange, CalendarDay, DefaultHolidayOptions, Notice } from './holidays.js';
import { CalendarRuleError } from './errors.js';
import type { WorkingInterval } from './working-time.js';

/** demo/calendar/notices/<year>.json */
export interface NoticeFile {
  year: number;
  /** Provenance, and what is known to be missing or unverified. */
  note?: string;
  /** Applied in order; a later notice overrides an earlier one. Empty: defaults only. */
  notices: Notice[];
}

/** demo/calendar/hours.json */
export interface HoursFile {
  timezone: 'Asia/Ho_Chi_Minh';
  intervals: WorkingInterval[];
  saturdayWorking: boolean;
  defaults?: DefaultHolidayOptions;
  note?: string;
}

/** What GET /api/v1/calendar/years/:year serves (days), plus the trail of changes behind it. */
export interface YearCalendar {
  year: number;
  /** Non-ordinary days only, in date order. */
  days: CalendarDay[];
  /** Each difference from the Labour Code defaults with the notice that made it, by date (then notice order). */
  changes: CalendarChange[];
}

export function buildYear(
  year: number,
  options: DefaultHolidayOptions = {},
  notices: Notice | readonly Notice[] = [],
): YearCalendar {
  let days = defaultHolidays(year, options);
  const changes: CalendarChange[] = [];
  for (const notice of Array.isArray(notices) ? notices : [notices as Notice]) {
    const result = applyNotice(days, notice);
    days = result.days;
    changes.push(...result.changes);
  }
  const inYear = (date: string) => date.startsWith(`${year}-`);
  return {
    year,
    days: days.filter((d) => inYear(d.date)),
    changes: changes.filter((c) => inYear(c.date)).sort((a, b) => a.date.localeCompare(b.date)),
  };
}

function fail(message: string): never {
  throw new CalendarRuleError('NOTICE_INVALID', message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArray(value: unknown, where: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) fail(`${where} must be a list of strings`);
  return value as string[];
}

function parseNotice(raw: unknown, where: string): Notice {
  if (!isObject(raw)) fail(`${where} must be an object`);
  const { document, date, title, issuer, references, covers, days, removes, note } = raw;
  if (typeof document !== 'string' || typeof date !== 'string' || typeof title !== 'string') {
    fail(`${where} needs document, date and title`);
  }
  if (!Array.isArray(days)) fail(`${where}.days must be a list`);
  const notice: Notice = {
    document,
    date,
    title,
    days: days.map((d, i) => {
      if (!isObject(d) || typeof d.date !== 'string' || typeof d.name !== 'string') {
        fail(`${where}.days[${i}] needs date and name`);
      }
      if (!DAY_KINDS.includes(d.kind as never)) fail(`${where}.days[${i}].kind must be one of ${DAY_KINDS.join(', ')}`);
      return {
        date: d.date,
        kind: d.kind as Notice['days'][number]['kind'],
        name: d.name,
        ...(typeof d.occasion === 'string' ? { occasion: d.occasion } : {}),
      };
    }),
  };
  if (typeof issuer === 'string') notice.issuer = issuer;
  if (typeof note === 'string') notice.note = note;
  const coversList = stringArray(covers, `${where}.covers`);
  if (coversList) notice.covers = coversList;
  const removesList = stringArray(removes, `${where}.removes`);
  if (removesList) notice.removes = removesList;
  if (references !== undefined) {
    if (!Array.isArray(references)) fail(`${where}.references must be a list`);
    notice.references = references.map((r, i) => {
      if (!isObject(r) || typeof r.document !== 'string' || typeof r.date !== 'string') {
        fail(`${where}.references[${i}] needs document and date`);
      }
      return { document: r.document, date: r.date };
    });
  }
  validateNotice(notice);
  return notice;
}

/** Checks an imported notice file; throws NOTICE_INVALID naming the first problem. */
export function parseNoticeFile(raw: unknown): NoticeFile {
  if (!isObject(raw)) fail('a notice file must be an object');
  if (typeof raw.year !== 'number' || !Number.isInteger(raw.year)) fail('year must be an integer');
  if (!Array.isArray(raw.notices)) fail('notices must be a list');
  const file: NoticeFile = { year: raw.year, notices: raw.notices.map((n, i) => parseNotice(n, `notices[${i}]`)) };
  if (typeof raw.note === 'string') file.note = raw.note;
  return file;
}
