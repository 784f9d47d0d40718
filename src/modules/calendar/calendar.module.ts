import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../platform/db/transaction.js';
import { systemContext } from '../../platform/http/context.js';
import type { App } from '../../platform/http/types.js';
import type { DeadlineCalculator } from '../dossiers/ports.js';
import { calendarRoutes } from './calendar.routes.js';
import { createCalendarService, type CalendarServiceOptions } from './calendar.service.js';
import { computeDueInstant, parseNoticeFile, workingHoursBetween, type HoursFile, type WorkCalendar } from './rules/index.js';

export const DEMO_CALENDAR_DIR = fileURLToPath(new URL('../../../demo/calendar/', import.meta.url));

/**
 * The calendar module as the rest of the app sees it: the deadline calculator over the stored
 * province calendar (cached, see calendar.cache.ts), its routes and its demo data.
 */
export function createCalendarModule(db: Db, options: CalendarServiceOptions = {}) {
  const service = createCalendarService(db, calculatorFor, options);
  return {
    deadlines: service.deadlines,
    service,
    async routes(app: App): Promise<void> {
      await calendarRoutes(app, service);
    },
    /** Loads demo/calendar/ (office hours, then each year's notices in order) as the system. */
    async seedDemo(dir = DEMO_CALENDAR_DIR): Promise<void> {
      const ctx = systemContext('demo-seed');
      const hours = JSON.parse(await readFile(`${dir}hours.json`, 'utf8')) as HoursFile;
      const current = await service.hours();
      await service.setHours(ctx, {
        version: current.current.version, intervals: hours.intervals, saturdayWorking: hours.saturdayWorking,
        // In force for every date the calendar covers, so demo deadlines in any year use these hours.
        effectiveFrom: '2000-01-01',
        tetDaysBefore: hours.defaults?.tetDaysBefore, nationalDayAdjacent: hours.defaults?.nationalDayAdjacent,
        reason: hours.note ?? 'Dữ liệu mẫu',
      });
      const files = (await readdir(`${dir}notices`)).filter((f) => /^\d{4}\.json$/.test(f)).sort();
      for (const file of files) {
        const parsed = parseNoticeFile(JSON.parse(await readFile(`${dir}notices/${file}`, 'utf8')));
        let { version } = await service.adminYear(ctx, parsed.year);
        ({ version } = await service.setYearNote(ctx, parsed.year, { version, note: parsed.note ?? null }));
        for (const n of parsed.notices) {
          const outcome = await service.recordNotice(ctx, parsed.year, {
            version, document: n.document, date: n.date, title: n.title, issuer: n.issuer ?? null,
            references: n.references ?? [], covers: n.covers ?? [], days: n.days, removes: n.removes ?? [], note: n.note ?? null, dryRun: false,
          });
          version = outcome.year.version;
        }
      }
    },
  };
}

/**
 * The dossier module's view of the deadline engine. The hot path uses computeDueInstant (no
 * explanation is built): intake and queues call it for every dossier.
 */
export function calculatorFor(calendar: WorkCalendar): DeadlineCalculator {
  return {
    due: (from, time) => new Date(computeDueInstant({ from, amount: time.amount, unit: time.unit, cutoff: time.cutoff }, calendar)),
    addWorkingHours: (from, hours) => (hours <= 0 ? from : new Date(computeDueInstant({ from, amount: hours, unit: 'working_hours' }, calendar))),
    workingHoursBetween: (from, to) => workingHoursBetween(from, to, calendar),
  };
}

export type CalendarModule = ReturnType<typeof createCalendarModule>;
