import { requireActor, type Actor } from '../../platform/access/policy.js';
import type { Db } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { OrgService } from '../org/org.service.js';
import type { IsoDay, IsWorkingDay } from './rules/calendar.js';
import type { ChecklistPort } from './checklist-wiring.js';

/** What every part of the inspection service needs; wired in src/app.ts. */
export type InspectionDeps = {
  db: Db;
  org: Pick<OrgService, 'allUnits' | 'subtrees' | 'staffNamesByIds'>;
  now: () => Date;
  /** The province calendar's working days (modules/calendar), read afresh for each request. */
  workingDays: () => Promise<IsWorkingDay>;
  /** Seals the petitioner's ID number at rest, as the dossiers' (platform/crypto). */
  keys: { sealText(plain: string): string; openText(value: string): string };
  /** A feedback item as the caller may see it (the feedback module's own visibility; 404 otherwise). */
  feedback: { get(ctx: RequestContext, code: string): Promise<FeedbackForCase> };
  /** The inspected unit's figures for an inspection's checklist (checklist-wiring.ts); without it every figure is "none". */
  checklist?: ChecklistPort;
};

/** What a case drafted from feedback about an official's conduct reads of it. */
export type FeedbackForCase = {
  code: string; title: string; content: string; conduct: boolean; unitId: number; conductUnitId: number | null; aboutStaffId: number | null;
  receivedAt: string; submitter: Record<string, unknown>;
};

export const actorOf = (ctx: RequestContext): Actor => requireActor(ctx.actor);

/** The Vietnamese calendar day of an instant (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). */
export const vnDay = (at: Date): IsoDay => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
export const todayOf = (deps: Pick<InspectionDeps, 'now'>): IsoDay => vnDay(deps.now());

export const caseNotFound = () => errors.notFound('vụ việc khiếu nại, tố cáo', 'complaint or denunciation case');
export const disciplineNotFound = () => errors.notFound('vụ việc kỷ luật', 'discipline case');

/** A field-level 400 in both languages, the shape every validation error has. */
export const invalid = (path: string, vi: string, en: string) => errors.validation([{ path, message: vi, messageEn: en }]);

/** A day that has not come yet cannot be the day something was done. */
export function notAfterToday(deps: Pick<InspectionDeps, 'now'>, path: string, day: IsoDay | null | undefined): void {
  if (day && day > todayOf(deps)) throw invalid(path, 'Ngày này chưa đến: chỉ ghi nhận việc đã làm.', 'That day has not come yet.');
}

/** A day not before another one the same record holds (acceptance after receipt, a step after the one before it). */
export function notBefore(path: string, day: IsoDay, earliest: IsoDay | null | undefined, what: string): void {
  if (earliest && day < earliest) throw invalid(path, `Ngày không được trước ${what} (${earliest.split('-').reverse().join('/')}).`, `The day is before ${earliest}.`);
}

/** Unit and staff names for a set of rows, read once per request (before any transaction). */
export async function loadNames(deps: InspectionDeps, staffIds: (number | null)[]) {
  const units = await deps.org.allUnits();
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const ids = [...new Set(staffIds.filter((s): s is number => s !== null))];
  const staff = new Map((await deps.org.staffNamesByIds(ids)).map((s) => [s.id, s]));
  return {
    units,
    unit: (id: number) => unitNames.get(id) ?? '',
    staff: (id: number | null) => (id === null ? null : staff.get(id) ?? null),
  };
}
export type Names = Awaited<ReturnType<typeof loadNames>>;

/** Staff by id, all of them or a 400 naming the field: a write never reaches a foreign key with an unknown id. */
export async function requireStaff(deps: InspectionDeps, ids: number[], path: string) {
  const found = new Map((await deps.org.staffNamesByIds([...new Set(ids)])).map((s) => [s.id, s]));
  for (const id of ids) if (!found.has(id)) throw invalid(path, `Không có cán bộ mã ${id}.`, `No staff member ${id}.`);
  return found;
}

/** A unit in existence today, or a 400 naming the field. */
export async function requireUnit(deps: InspectionDeps, id: number, path: string) {
  const today = todayOf(deps);
  const unit = (await deps.org.allUnits()).find((u) => u.id === id && (!u.effectiveTo || u.effectiveTo >= today));
  if (!unit) throw invalid(path, 'Đơn vị không tồn tại hoặc đã thôi hoạt động.', 'No such unit.');
  return unit;
}

/** The state of a clock on `today`: done (in time or late) once `doneOn` is known, else running or overdue. */
export type ClockState = 'running' | 'overdue' | 'done_in_time' | 'done_late';
export function clockState(dueOn: IsoDay, doneOn: IsoDay | null, today: IsoDay): ClockState {
  if (doneOn) return doneOn <= dueOn ? 'done_in_time' : 'done_late';
  return today > dueOn ? 'overdue' : 'running';
}

/**
 * Runs a rule that may refuse a date it cannot count (a day before its first rule set, an interval
 * list it cannot end): the page then shows no clock rather than failing. Inputs are bounded at the
 * edge so that this is a guard, not the normal path.
 */
export function safely<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch {
    return null;
  }
}
