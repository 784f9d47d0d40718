import type { Role } from '../../shared/auth/types';

/**
 * Who sees the quality pages (issue 20, TCVN ISO 9001), as the server's policy grants the permissions
 * (src/platform/access/policy.ts): `qms.read` to everyone who works at an agency, `qms.manage` to
 * specialists and heads, `qms.approve` to heads. The server still decides per QMS; these only choose menus.
 */
export const QUALITY_ROLES: readonly Role[] = ['admin', 'unit_head', 'specialist', 'desk_officer', 'auditor', 'hr_officer', 'clerk'];

export const QUALITY_PATH = '/can-bo/chat-luong';
export const systemPath = (qmsId: number) => `${QUALITY_PATH}/${qmsId}`;
export const objectivesPath = (qmsId: number) => `${systemPath(qmsId)}/muc-tieu`;
export const processesPath = (qmsId: number) => `${systemPath(qmsId)}/quy-trinh`;
export const documentsPath = (qmsId: number) => `${systemPath(qmsId)}/tai-lieu`;
export const auditsPath = (qmsId: number) => `${systemPath(qmsId)}/danh-gia-noi-bo`;
export const nonconformitiesPath = (qmsId: number) => `${systemPath(qmsId)}/khong-phu-hop`;
export const proposalsPath = (qmsId: number) => `${systemPath(qmsId)}/de-xuat`;
export const reviewsPath = (qmsId: number) => `${systemPath(qmsId)}/xem-xet`;
export const documentPath = (id: number) => `${QUALITY_PATH}/tai-lieu/${id}`;
export const auditPath = (id: number) => `${QUALITY_PATH}/danh-gia/${id}`;
export const nonconformityPath = (id: number) => `${QUALITY_PATH}/kph/${id}`;
export const reviewPath = (id: number) => `${QUALITY_PATH}/xem-xet/${id}`;

/** A positive integer from a route or query parameter, or null (the page then shows "not found"). */
export function idParam(value: string | null | undefined): number | null {
  return value && /^[1-9]\d{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : null;
}

/** Today in Vietnam as YYYY-MM-DD: the server counts every day on the Vietnamese calendar. */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
