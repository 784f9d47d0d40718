import type { Role } from '../../shared/auth/types';

/**
 * Who sees which inspection pages, as the server grants the permissions (src/platform/access/policy.ts):
 * `complaint.read` to unit heads, specialists and auditors, `complaint.handle` to unit heads and
 * specialists, `complaint.decide` to unit heads; `discipline.read` and `discipline.manage` to unit heads and
 * HR officers, `discipline.decide` to unit heads (administrators hold everything). The server still
 * decides per unit and per case; these only choose menus and buttons.
 */
export const COMPLAINT_READ_ROLES: readonly Role[] = ['admin', 'unit_head', 'specialist', 'auditor'];
export const COMPLAINT_HANDLE_ROLES: readonly Role[] = ['admin', 'unit_head', 'specialist'];
export const COMPLAINT_DECIDE_ROLES: readonly Role[] = ['admin', 'unit_head'];
export const DISCIPLINE_READ_ROLES: readonly Role[] = ['admin', 'unit_head', 'hr_officer'];
export const DISCIPLINE_MANAGE_ROLES: readonly Role[] = ['admin', 'unit_head', 'hr_officer'];
/** Everyone who reads one of the two groups: the side menu's entry. */
export const INSPECTION_ROLES: readonly Role[] = [...new Set([...COMPLAINT_READ_ROLES, ...DISCIPLINE_READ_ROLES])];

export const INSPECTION_PATH = '/can-bo/thanh-tra';
export const CASES_PATH = `${INSPECTION_PATH}/don`;
export const RECEIVE_PATH = `${CASES_PATH}/moi`;
export const casePath = (id: number) => `${CASES_PATH}/${id}`;
/** The receipt form prefilled from a feedback item about an official's conduct. */
export const receiveFromFeedbackPath = (feedbackCode: string) => `${RECEIVE_PATH}?feedbackId=${encodeURIComponent(feedbackCode)}`;
export const DISCIPLINE_PATH = `${INSPECTION_PATH}/ky-luat`;
export const OPEN_DISCIPLINE_PATH = `${DISCIPLINE_PATH}/moi`;
export const disciplinePath = (id: number) => `${DISCIPLINE_PATH}/${id}`;
/** The discipline form prefilled from a concluded denunciation case. */
export const disciplineFromCasePath = (caseId: number) => `${OPEN_DISCIPLINE_PATH}?caseId=${caseId}`;

/** A positive integer from a route or query parameter, or null (the page then shows "not found"). */
export function idParam(value: string | null | undefined): number | null {
  return value && /^[1-9]\d{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : null;
}

/** Today in Vietnam as YYYY-MM-DD: the server counts every clock on the Vietnamese calendar day. */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
