import { hasProvinceWide, requireActor } from '../../platform/access/policy.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { ComposedDay, YearChange } from './calendar.compose.js';
import type * as repo from './calendar.repository.js';
import type { HoursView } from './schema.js';

export type AdminYearView = {
  year: number;
  version: number;
  stored: boolean;
  note: string | null;
  options: { tetDaysBefore: number; nationalDayAdjacent: 'before' | 'after'; saturdayWorking: boolean };
  days: ComposedDay[];
  /** Each difference from the Labour Code defaults, with the notice or edit behind it. */
  changes: YearChange[];
  notices: (repo.NoticeRow['notice'] & { id: number; recordedAt: string; recordedBy: string | null; withdrawnAt: string | null; withdrawnReason: string | null })[];
  edits: (repo.EditRow['edit'] & { id: number; recordedAt: string; recordedBy: string | null })[];
};

/**
 * The calendar is the province's: changing it needs calendar.manage for the whole province, not at one
 * commune (issue 10, access matrix finding). The CLI and seeder act as the system.
 */
export function authorizeCalendarManage(ctx: RequestContext): void {
  if (ctx.system) return;
  const actor = requireActor(ctx.actor);
  if (!hasProvinceWide(actor, 'calendar.manage')) throw errors.forbidden();
}

export function toHoursView(h: repo.HoursRow): HoursView {
  const hoursPerDay = h.intervals.reduce((sum, iv) => sum + (minutes(iv.end) - minutes(iv.start)), 0) / 60;
  return {
    version: h.version, effectiveFrom: h.effectiveFrom, intervals: h.intervals, saturdayWorking: h.saturdayWorking,
    tetDaysBefore: h.tetDaysBefore, nationalDayAdjacent: h.nationalDayAdjacent, hoursPerDay, reason: h.reason,
    recordedAt: h.recordedAt ? h.recordedAt.toISOString() : null, recordedBy: h.recordedBy,
  };
}

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

