/**
 * What an inspection and its recommendations may do next, and where a recommendation stands against
 * its deadline (pure; the service passes the calendar's working days and today).
 *
 * Who acts: the inspecting unit organises (inspection.manage there: the decision's details, the team,
 * cancelling one not yet started); the team keeps the record at the unit (checklist, findings), and so
 * may the head who will sign the conclusion (inspection.conclude there), since the conclusion is theirs;
 * the head signs the conclusion and judges each recommendation done or not. The responsible unit
 * (inspection.manage there) reports on the recommendations addressed to it.
 */
import { addWorkingDays, effectiveDueDay, workingDaysAfter } from '../directives/rules/deadlines.js';
import type { InspectionStatus, RecommendationClockState, RecommendationStatus } from './inspection-labels.js';
import type { IsoDay, IsWorkingDay } from './rules/calendar.js';

export const INSPECTION_ACTIONS = ['edit', 'set_team', 'start', 'refresh_checklist', 'set_verdicts', 'add_finding', 'update_finding', 'remove_finding', 'conclude', 'cancel'] as const;
export type InspectionAction = (typeof INSPECTION_ACTIONS)[number];

/** Who may take an action: the organiser, the organiser or the team, the record's keepers, the signer. */
export type Standing = { onTeam: boolean; manage: boolean; conclude: boolean };
type Who = 'organise' | 'organise_or_team' | 'record' | 'sign';

const WHO: Record<InspectionAction, Who> = {
  edit: 'organise', set_team: 'organise', cancel: 'organise', start: 'organise_or_team',
  refresh_checklist: 'record', set_verdicts: 'record', add_finding: 'record', update_finding: 'record', remove_finding: 'record',
  conclude: 'sign',
};

const WORKING: InspectionStatus[] = ['in_progress'];
const ALLOWED_FROM: Record<InspectionAction, InspectionStatus[]> = {
  edit: ['planned', 'in_progress'], set_team: ['planned', 'in_progress'], cancel: ['planned'], start: ['planned'],
  refresh_checklist: WORKING, set_verdicts: WORKING, add_finding: WORKING, update_finding: WORKING, remove_finding: WORKING, conclude: WORKING,
};

const STATUS_VI: Record<InspectionStatus, string> = {
  planned: 'chưa tiến hành', in_progress: 'đang tiến hành', concluded: 'đã có kết luận', closed: 'đã kết thúc', cancelled: 'đã hủy',
};

export function mayAct(action: InspectionAction, s: Standing): boolean {
  switch (WHO[action]) {
    case 'organise': return s.manage;
    case 'organise_or_team': return s.manage || s.onTeam;
    case 'record': return s.onTeam || s.conclude;
    case 'sign': return s.conclude;
  }
}

/** Why `action` cannot be taken on an inspection in `status`, or null. */
export function inspectionRefusal(status: InspectionStatus, action: InspectionAction): { vi: string; en: string } | null {
  if (ALLOWED_FROM[action].includes(status)) return null;
  return { vi: `Không thực hiện được thao tác này khi cuộc thanh tra, kiểm tra ${STATUS_VI[status]}.`, en: `Not possible while the inspection is ${status}.` };
}

export function allowedInspectionActions(status: InspectionStatus, s: Standing): InspectionAction[] {
  return INSPECTION_ACTIONS.filter((a) => ALLOWED_FROM[a].includes(status) && mayAct(a, s));
}

/** A conclusion with no recommendation leaves nothing to follow up: the inspection closes with it. */
export const statusAfterConclusion = (recommendations: number): InspectionStatus => (recommendations === 0 ? 'closed' : 'concluded');

/** The inspection closes when every recommendation of its conclusion is closed. */
export const allClosed = (statuses: RecommendationStatus[]): boolean => statuses.length > 0 && statuses.every((s) => s === 'closed');

export const RECOMMENDATION_ACTIONS = ['report', 'accept', 'return'] as const;
export type RecommendationAction = (typeof RECOMMENDATION_ACTIONS)[number];

const REC_FROM: Record<RecommendationAction, RecommendationStatus[]> = { report: ['open', 'reported'], accept: ['open', 'reported'], return: ['reported'] };

export function recommendationRefusal(status: RecommendationStatus, action: RecommendationAction): { vi: string; en: string } | null {
  if (REC_FROM[action].includes(status)) return null;
  if (status === 'closed') return { vi: 'Kiến nghị đã được đánh giá hoàn thành.', en: 'The recommendation is closed.' };
  return { vi: 'Chỉ trả lại kiến nghị mà đơn vị đã báo cáo kết quả.', en: 'Only a reported recommendation can be returned.' };
}

/** Which side acts: the responsible unit reports; the inspecting unit's head accepts or returns. */
export const RECOMMENDATION_SIDE: Record<RecommendationAction, 'responsible' | 'inspecting'> = { report: 'responsible', accept: 'inspecting', return: 'inspecting' };

export function allowedRecommendationActions(status: RecommendationStatus, may: { report: boolean; review: boolean }): RecommendationAction[] {
  return RECOMMENDATION_ACTIONS.filter((a) => REC_FROM[a].includes(status) && (RECOMMENDATION_SIDE[a] === 'responsible' ? may.report : may.review));
}

/** A deadline given in working days runs from the conclusion's date (the day itself not counted). */
export const dueFromWorkingDays = (conclusionDate: IsoDay, days: number, isWorking: IsWorkingDay): IsoDay => addWorkingDays(conclusionDate, days, isWorking);

export type RecommendationClock = {
  state: RecommendationClockState;
  /** The day the deadline really ends: the due day, or the next working day when it is a day off. */
  dueDay: IsoDay;
  /** Working days past the due day: today's for an open one, the closing day's for one closed late. */
  workingDaysLate: number;
  /** Working days left after today, for an open one on track. */
  workingDaysLeft: number;
};

/** Near due when fewer than this many working days are left after today. */
export const NEAR_DUE_WORKING_DAYS = 3;

/**
 * Where a recommendation stands on `today`. Overdue is derived, never stored: open (or reported and not
 * yet accepted) after its due day. A report does not stop the clock; the inspecting unit's acceptance does.
 */
export function recommendationClock(r: { status: RecommendationStatus; dueOn: IsoDay; closedOn: IsoDay | null }, today: IsoDay, isWorking: IsWorkingDay): RecommendationClock {
  const dueDay = effectiveDueDay(r.dueOn, isWorking);
  if (r.status === 'closed' && r.closedOn) {
    const late = r.closedOn > dueDay;
    return { state: late ? 'closed_late' : 'closed_on_time', dueDay, workingDaysLate: late ? workingDaysAfter(dueDay, r.closedOn, isWorking) : 0, workingDaysLeft: 0 };
  }
  if (today > dueDay) return { state: 'overdue', dueDay, workingDaysLate: workingDaysAfter(dueDay, today, isWorking), workingDaysLeft: 0 };
  const left = workingDaysAfter(today, dueDay, isWorking);
  return { state: left < NEAR_DUE_WORKING_DAYS ? 'near_due' : 'on_track', dueDay, workingDaysLate: 0, workingDaysLeft: left };
}
