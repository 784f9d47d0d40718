import type { Db } from '../../platform/db/transaction.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { DeadlineCalculator, DeadlinesPort } from '../dossiers/ports.js';
import { createCalendarAdmin } from './calendar.admin.js';
import { CalendarCache, hoursInForce, optionsOf, vnToday } from './calendar.cache.js';
import { composeYear, defaultDays } from './calendar.compose.js';
import { fieldError, fromRuleError } from './calendar.errors.js';
import type { DeadlineQuery } from './calendar.query.js';
import * as repo from './calendar.repository.js';
import { computeDue, lunarToSolar, solarToLunar, toVnIso, type LunarDate, type WorkCalendar } from './rules/index.js';
import type { HoursView, PublicYearView } from './schema.js';
import { authorizeCalendarManage, toHoursView, type AdminYearView } from './calendar.views.js';

export type CalendarServiceOptions = {
  /** How often a cached calendar is compared with the database for other processes' changes. */
  recheckMs?: number;
  now?: () => Date;
};

export function createCalendarService(db: Db, calculatorFor: (calendar: WorkCalendar) => DeadlineCalculator, options: CalendarServiceOptions = {}) {
  const now = options.now ?? (() => new Date());
  const cache = new CalendarCache(db, calculatorFor, options.recheckMs ?? 5_000, () => now().getTime());

  const deadlines: DeadlinesPort = {
    async calculator() {
      return (await cache.get()).calculator;
    },
  };

  async function adminYear(ctx: RequestContext, year: number): Promise<AdminYearView> {
    authorizeCalendarManage(ctx);
    const stored = await repo.findYear(db, year);
    const opts = stored ?? hoursInForce(await repo.listHours(db), vnToday(now().getTime()));
    const [notices, edits] = stored ? await Promise.all([repo.listNotices(db, year), repo.listEdits(db, year)]) : [[], []];
    const composed = composeYear(year, defaultDays(year, optionsOf(opts)), await repo.layersOf(db, year));
    return {
      year, version: stored?.version ?? 0, stored: !!stored, note: stored?.note ?? null,
      options: { tetDaysBefore: opts.tetDaysBefore, nationalDayAdjacent: opts.nationalDayAdjacent, saturdayWorking: opts.saturdayWorking },
      days: composed.days, changes: composed.changes,
      notices: notices.map((n) => ({
        ...n.notice, id: n.id, recordedAt: n.recordedAt.toISOString(), recordedBy: n.recordedBy,
        withdrawnAt: n.withdrawnAt?.toISOString() ?? null, withdrawnReason: n.withdrawnReason,
      })),
      edits: edits.map((e) => ({ ...e.edit, id: e.id, recordedAt: e.recordedAt.toISOString(), recordedBy: e.recordedBy })),
    };
  }

  const admin = createCalendarAdmin(db, { cache, now, adminYear });

  return {
    deadlines,
    cache,
    ...admin,
    adminYear,

    /** Non-ordinary days of a year: the stored calendar, or the Labour Code defaults. */
    async publicYear(year: number): Promise<PublicYearView> {
      const stored = await repo.findYear(db, year);
      if (!stored) {
        const { hours } = await cache.get();
        const days = defaultDays(year, optionsOf(hours)).map((d) => ({ date: d.date, kind: d.kind, name: d.name, basis: d.basis, source: 'default' as const }));
        return { year, version: 0, stored: false, days, notices: [] };
      }
      const [days, notices] = await Promise.all([repo.listDays(db, year), repo.listNotices(db, year)]);
      return {
        year, version: stored.version, stored: true,
        days: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name, basis: d.basis, source: d.source })),
        notices: notices.filter((n) => !n.withdrawnAt).map((n) => ({ document: n.notice.document, date: n.notice.date, title: n.notice.title, issuer: n.notice.issuer ?? null })),
      };
    },

    /** The due instant with its explanation, on the same cached calendar the dossiers use. */
    async deadline(q: DeadlineQuery) {
      const { calendar } = await cache.get();
      try {
        const r = computeDue({ from: q.from, amount: q.amount, unit: q.unit, cutoff: q.cutoff, counting: q.counting }, calendar);
        return { due: r.dueIso, explanation: r.explanation, start: toVnIso(r.start.getTime()), workingHoursPerDay: calendar.dayLengthMs / 3_600_000 };
      } catch (err) {
        return fromRuleError(err);
      }
    },

    lunar(date: string): LunarDate {
      try {
        return solarToLunar(date);
      } catch (err) {
        return fromRuleError(err, 'querystring.date');
      }
    },

    solar(lunar: LunarDate): { date: string } {
      try {
        return { date: lunarToSolar(lunar) };
      } catch (err) {
        const text = `${lunar.day}-${lunar.month}-${lunar.year}${lunar.leap ? ' (tháng nhuận)' : ''}`;
        const monthExists = (() => {
          try { lunarToSolar({ ...lunar, day: 1 }); return true; } catch { return false; }
        })();
        const why = !monthExists
          ? lunar.leap ? `năm âm lịch ${lunar.year} không có tháng ${lunar.month} nhuận` : `tháng ${lunar.month} âm lịch năm ${lunar.year} nằm ngoài phạm vi lịch`
          : `tháng ${lunar.month}${lunar.leap ? ' nhuận' : ''} âm lịch năm ${lunar.year} là tháng thiếu (29 ngày)`;
        if ((err as { code?: string }).code === 'LUNAR_DATE_NOT_FOUND' || !monthExists) {
          throw fieldError('querystring.lunar', `Ngày âm lịch (lunar) ${text} không tồn tại: ${why}.`, `Lunar date (lunar) ${text} does not exist.`);
        }
        return fromRuleError(err, 'querystring.lunar');
      }
    },

    async hours(): Promise<{ current: HoursView; history: HoursView[] }> {
      const rows = await repo.listHours(db);
      return { current: toHoursView(hoursInForce(rows, vnToday(now().getTime()))), history: rows.map(toHoursView) };
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
