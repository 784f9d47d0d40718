import type { Role } from '../../shared/auth/types';

/**
 * Who sees the records-office pages ("Văn thư", issue 19), as the server's policy grants the permissions
 * (src/platform/access/policy.ts): `document.read` to clerks, unit heads, specialists and auditors,
 * `document.draft` to clerks, unit heads and specialists, `document.register` to clerks, `document.sign`
 * to unit heads. The server still decides per agency and per document; these only choose menus.
 * The settings page needs `org.manage` at the agency (administrators and unit heads).
 */
export const REGISTRY_ROLES: readonly Role[] = ['admin', 'clerk', 'unit_head', 'specialist', 'auditor'];
export const REGISTRY_SETTINGS_ROLES: readonly Role[] = ['admin', 'unit_head'];

export const REGISTRY_PATH = '/can-bo/van-thu';
export const OUTGOING_PATH = `${REGISTRY_PATH}/van-ban-di`;
export const DRAFT_PATH = `${OUTGOING_PATH}/soan`;
export const INCOMING_PATH = `${REGISTRY_PATH}/van-ban-den`;
export const REGISTER_INCOMING_PATH = `${INCOMING_PATH}/vao-so`;
export const MY_WORK_PATH = `${REGISTRY_PATH}/viec-duoc-giao`;
export const REGISTERS_PATH = `${REGISTRY_PATH}/so-van-ban`;
export const FILES_PATH = `${REGISTRY_PATH}/ho-so`;
export const DISPOSALS_PATH = `${FILES_PATH}/tieu-huy`;
export const SETTINGS_PATH = '/quan-tri/van-thu';
export const documentPath = (id: number) => `${REGISTRY_PATH}/van-ban/${id}`;
export const editDraftPath = (id: number) => `${REGISTRY_PATH}/van-ban/${id}/sua`;
export const filePath = (id: number) => `${FILES_PATH}/${id}`;

/** A positive integer from a route or query parameter, or null (the page then shows "not found"). */
export function idParam(value: string | null | undefined): number | null {
  return value && /^[1-9]\d{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : null;
}

/** Today in Vietnam as YYYY-MM-DD: the server counts every day on the Vietnamese calendar. */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
