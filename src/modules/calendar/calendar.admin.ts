// Changes to the province calendar: notices, day edits, year notes, office hours. Each change
// checks the version the editor saw (409 STALE_VERSION otherwise), recomposes the year, rewrites
// its days and appends an audit event in one transaction, then drops the cached calendar so the
// next deadline uses it.

import { recordAudit } from '../../platform/audit/audit.service.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction, type Db, type Tx } from '../../platform/db/transaction.js';
import { errors, type FieldError } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { CalendarCache } from './calendar.cache.js';
import { hoursInForce, optionsOf, vnToday } from './calendar.cache.js';
import { composeYear, defaultDays, kindProblem, type ComposedYear, type DayEdit } from './calendar.compose.js';
import { fieldError, fromRuleError, noticeNotFound, noticeTaken } from './calendar.errors.js';
import { parseYear } from './calendar.query.js';
import * as repo from './calendar.repository.js';
import { applyNotice, DAY_KIND_VI, WorkCalendar, type CalendarChange, type Notice } from './rules/index.js';
import { authorizeCalendarManage, toHoursView, type AdminYearView } from './calendar.views.js';
import { EDITABLE_YEARS, type EditDayInput, type RecordNoticeInput, type SetHoursInput, type WithdrawNoticeInput, type YearNoteInput } from './schema.js';

type Deps = { cache: CalendarCache; now: () => Date; adminYear: (ctx: RequestContext, year: number) => Promise<AdminYearView> };

export type NoticeOutcome = {
  recorded: boolean;
  noticeId: number | null;
  /** What this notice changes in the calendar as it stood, day by day, with the notice as basis. */
  changes: CalendarChange[];
  year: AdminYearView;
};

function recorderOf(ctx: RequestContext): repo.Recorder {
  return { staffId: ctx.actor?.staffId ?? null, name: ctx.actor ? `${ctx.actor.fullName} (${ctx.actor.username})` : 'Hệ thống' };
}

function noticeOf(input: RecordNoticeInput): Notice {
  const n: Notice = {
    document: input.document, date: input.date, title: input.title,
    days: input.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name, ...(d.occasion ? { occasion: d.occasion } : {}) })),
  };
  if (input.issuer) n.issuer = input.issuer;
  if (input.references.length) n.references = input.references;
  if (input.covers.length) n.covers = input.covers;
  if (input.removes.length) n.removes = input.removes;
  if (input.note) n.note = input.note;
  return n;
}

/** Problems a notice has against the year it is recorded for, each naming its field. */
function noticeProblems(year: number, n: Notice, before: ComposedYear, saturdayWorking: boolean): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  n.days.forEach((d, i) => {
    if (!d.date.startsWith(`${year}-`)) out.push({ path: `days.${i}.date`, message: `Ngày ${d.date} không thuộc năm ${year}.`, messageEn: `${d.date} is not in ${year}.` });
    else {
      const problem = kindProblem(d.date, d.kind, saturdayWorking);
      if (problem) out.push({ path: `days.${i}.kind`, message: problem, messageEn: `${d.kind} does not fit the weekday of ${d.date}.` });
    }
    if (seen.has(d.date)) out.push({ path: `days.${i}.date`, message: `Ngày ${d.date} được liệt kê hai lần.`, messageEn: `${d.date} is listed twice.` });
    seen.add(d.date);
  });
  const present = new Set(before.days.map((d) => d.date));
  n.removes?.forEach((date, i) => {
    if (seen.has(date)) out.push({ path: `removes.${i}`, message: `Ngày ${date} vừa được liệt kê vừa bị bỏ.`, messageEn: `${date} is both listed and removed.` });
    else if (!present.has(date)) out.push({ path: `removes.${i}`, message: `Ngày ${date} không phải ngày nghỉ trong lịch năm ${year}, không có gì để bỏ.`, messageEn: `${date} is not a day off in ${year}.` });
  });
  return out;
}

export function createCalendarAdmin(db: Db, { cache, now, adminYear }: Deps) {
  async function hoursToday(trx: Db) {
    return hoursInForce(await repo.listHours(trx), vnToday(now().getTime()));
  }

  /** Locks (or creates) the year row at the expected version; a year never stored is version 0. */
  async function lockYear(trx: Tx, year: number, expected: number): Promise<repo.YearRow> {
    const row = await repo.findYear(trx, year, true);
    if (row) {
      if (row.version !== expected) throw errors.stale();
      return row;
    }
    if (expected !== 0) throw errors.stale();
    const h = await hoursToday(trx);
    if (!(await repo.insertYear(trx, { year, tetDaysBefore: h.tetDaysBefore, nationalDayAdjacent: h.nationalDayAdjacent, saturdayWorking: h.saturdayWorking, note: null }))) throw errors.stale();
    return (await repo.findYear(trx, year, true))!;
  }

  async function composeStored(trx: Db, row: repo.YearRow): Promise<ComposedYear> {
    return composeYear(row.year, defaultDays(row.year, optionsOf(row)), await repo.layersOf(trx, row.year));
  }

  /**
   * The shared frame of every year change: lock at the expected version, let `work` add its record,
   * recompose, rewrite the days, bump the version and audit — all in one transaction.
   */
  async function changeYear<T>(ctx: RequestContext, year: number, expected: number, action: string,
    work: (trx: Tx, row: repo.YearRow, before: ComposedYear) => Promise<{ result: T; entityId?: number; note?: string; yearNote?: string | null; audit?: Record<string, unknown> }>): Promise<T> {
    authorizeCalendarManage(ctx);
    const out = await inTransaction(db, async (trx) => {
      const row = await lockYear(trx, year, expected);
      const before = await composeStored(trx, row);
      const done = await work(trx, row, before);
      const after = await composeStored(trx, row);
      await repo.replaceDays(trx, year, after.days);
      if (!(await repo.bumpYear(trx, year, row.version, done.yearNote !== undefined ? { note: done.yearNote } : {}))) throw errors.stale();
      await recordAudit(trx, ctx, {
        action, entity: 'calendar_year', entityId: year, note: done.note,
        before: { version: row.version }, after: { version: row.version + 1, ...done.audit },
      });
      return done.result;
    });
    cache.invalidate();
    return out;
  }

  return {
    async recordNotice(ctx: RequestContext, yearParam: number, input: RecordNoticeInput): Promise<NoticeOutcome> {
      authorizeCalendarManage(ctx);
      const year = parseYear(yearParam, EDITABLE_YEARS);
      const notice = noticeOf(input);
      const check = (row: repo.YearRow | { saturdayWorking: boolean }, before: ComposedYear): CalendarChange[] => {
        const problems = noticeProblems(year, notice, before, row.saturdayWorking);
        if (problems.length) throw errors.validation(problems);
        try {
          return applyNotice(before.days, notice).changes;
        } catch (err) {
          return fromRuleError(err, 'document');
        }
      };
      if (input.dryRun) {
        const stored = await repo.findYear(db, year);
        if ((stored?.version ?? 0) !== input.version) throw errors.stale();
        const h = await hoursToday(db);
        const row: repo.YearRow = stored ?? { year, version: 0, note: null, tetDaysBefore: h.tetDaysBefore, nationalDayAdjacent: h.nationalDayAdjacent, saturdayWorking: h.saturdayWorking };
        const changes = check(row, await composeStored(db, row));
        return { recorded: false, noticeId: null, changes, year: await adminYear(ctx, year) };
      }
      const { id, changes } = await changeYear(ctx, year, input.version, 'calendar.notice.recorded', async (trx, row, before) => {
        const changes = check(row, before);
        const noticeId = await repo.insertNotice(trx, year, notice, recorderOf(ctx)).catch((e: unknown) => {
          throw isUniqueViolation(e, 'calendar_notices_document_key') ? noticeTaken() : e;
        });
        return { result: { id: noticeId, changes }, note: `${notice.document} ngày ${notice.date}: ${notice.title}`, audit: { noticeId, notice, changes: changes.map((c) => c.note) } };
      });
      return { recorded: true, noticeId: id, changes, year: await adminYear(ctx, year) };
    },

    async withdrawNotice(ctx: RequestContext, id: number, input: WithdrawNoticeInput): Promise<AdminYearView> {
      authorizeCalendarManage(ctx);
      const found = await repo.findNotice(db, id);
      if (!found || found.withdrawn) throw noticeNotFound();
      await changeYear(ctx, found.year, input.version, 'calendar.notice.withdrawn', async (trx) => {
        await repo.withdrawNotice(trx, id, input.reason);
        return { result: undefined, note: input.reason, audit: { noticeId: id } };
      });
      return adminYear(ctx, found.year);
    },

    async editDay(ctx: RequestContext, date: string, input: EditDayInput): Promise<AdminYearView> {
      authorizeCalendarManage(ctx);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
        throw fieldError('params.date', `Ngày "${date}" không hợp lệ (cần dạng YYYY-MM-DD).`, `"${date}" is not a valid YYYY-MM-DD date.`);
      }
      const year = parseYear(date.slice(0, 4), EDITABLE_YEARS, 'params.date');
      const kind = input.kind === 'ordinary' ? null : input.kind;
      if (kind && !input.name) throw fieldError('name', 'Tên ngày: bắt buộc phải nhập khi ngày là ngày nghỉ hoặc ngày làm bù.', 'Name: required for a day off or make-up day.');
      const edit: DayEdit = { date, kind, name: kind ? input.name : null, basis: input.basis, reason: input.reason };
      await changeYear(ctx, year, input.version, 'calendar.day.edited', async (trx, row, before) => {
        const previous = before.days.find((d) => d.date === date) ?? null;
        if (kind === null && !previous) throw fieldError('kind', `Ngày ${date} đã là ngày bình thường, không có gì để bỏ.`, `${date} is already an ordinary day.`);
        if (kind) {
          const problem = kindProblem(date, kind, row.saturdayWorking);
          if (problem) throw fieldError('kind', problem, `${kind} does not fit the weekday of ${date}.`);
        }
        const editId = await repo.insertEdit(trx, year, edit, recorderOf(ctx));
        const what = kind ? `${DAY_KIND_VI[kind]} "${edit.name}"` : 'ngày thường';
        return { result: undefined, note: `${date}: ${what}. Lý do: ${input.reason}`, audit: { editId, date, previous, edit } };
      });
      return adminYear(ctx, year);
    },

    async setYearNote(ctx: RequestContext, yearParam: number, input: YearNoteInput): Promise<AdminYearView> {
      const year = parseYear(yearParam, EDITABLE_YEARS);
      await changeYear(ctx, year, input.version, 'calendar.year.noted', async (_trx, row) => ({
        result: undefined, yearNote: input.note, audit: { before: row.note, note: input.note },
      }));
      return adminYear(ctx, year);
    },

    /** Appends a new hours version; the effective date picks which one is in force on a day. */
    async setHours(ctx: RequestContext, input: SetHoursInput) {
      authorizeCalendarManage(ctx);
      try {
        new WorkCalendar({ days: [], hours: input.intervals, saturdayWorking: input.saturdayWorking });
      } catch (err) {
        fromRuleError(err, 'intervals');
      }
      const out = await inTransaction(db, async (trx) => {
        const latest = await repo.latestHoursVersion(trx);
        if (latest !== input.version) throw errors.stale();
        const current = await hoursToday(trx);
        const next = {
          version: latest + 1,
          effectiveFrom: input.effectiveFrom ?? vnToday(now().getTime()),
          intervals: input.intervals.map((iv) => ({ start: iv.start, end: iv.end })),
          saturdayWorking: input.saturdayWorking,
          tetDaysBefore: input.tetDaysBefore ?? current.tetDaysBefore,
          nationalDayAdjacent: input.nationalDayAdjacent ?? current.nationalDayAdjacent,
          reason: input.reason,
        };
        // Two editors racing past the check above meet the primary key: the second one is stale.
        await repo.insertHours(trx, next, recorderOf(ctx)).catch((e: unknown) => {
          throw isUniqueViolation(e) ? errors.stale() : e;
        });
        await recordAudit(trx, ctx, { action: 'calendar.hours.set', entity: 'calendar_hours', entityId: next.version, before: toHoursView(current), after: next, note: input.reason ?? undefined });
        return next;
      });
      cache.invalidate();
      return toHoursView({ ...out, recordedAt: now(), recordedBy: recorderOf(ctx).name });
    },
  };
}
