import { ROLES, type Role } from '../../shared/auth/types';

/**
 * Who sees the personnel pages, as the server grants the permissions (src/platform/access/policy.ts):
 * `personnel.read` to unit heads and HR officers (administrators hold everything). Everyone signed in
 * reads their own record. The server still decides per unit and per action.
 */
export const PERSONNEL_ROLES: readonly Role[] = ['admin', 'unit_head', 'hr_officer'];
export const MY_RECORD_ROLES: readonly Role[] = ROLES;
/** `personnel.manage`: keeps records, schemes, movements and grants. */
export const HR_ROLES: readonly Role[] = ['admin', 'hr_officer'];
/** `personnel.approve`: reviews and approves ratings; at the Department, approves schemes. */
export const APPROVER_ROLES: readonly Role[] = ['admin', 'unit_head'];

export const PERSONNEL_PATH = '/can-bo/nhan-su';
export const SCHEMES_PATH = `${PERSONNEL_PATH}/de-an`;
export const BOARD_PATH = `${PERSONNEL_PATH}/bo-tri`;
export const CHANGES_PATH = `${PERSONNEL_PATH}/de-nghi`;
export const EVALUATIONS_PATH = `${PERSONNEL_PATH}/danh-gia`;
export const STATS_PATH = `${PERSONNEL_PATH}/thong-ke`;
export const MY_RECORD_PATH = '/can-bo/ho-so-cua-toi';
export const schemePath = (id: number) => `${SCHEMES_PATH}/${id}`;
export const NEW_SCHEME_PATH = `${SCHEMES_PATH}/moi`;
export const personPath = (id: number) => `${PERSONNEL_PATH}/${id}`;

/** A positive integer route parameter, or null (the page then shows "not found"). */
export function idParam(value: string | undefined): number | null {
  return value && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null;
}

/** Today in Vietnam as YYYY-MM-DD (the server counts headcount on a calendar day there). */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
