import type { Role } from '../../shared/auth';

/**
 * Who sees the directive pages, as the server's policy grants the permissions
 * (src/platform/access/policy.ts): `directive.read` to every staff role. The aliases page needs
 * province-wide `org.manage`, which only administrators hold. The server still decides per unit.
 */
export const DIRECTIVE_READ_ROLES: readonly Role[] = ['admin', 'unit_head', 'specialist', 'desk_officer', 'auditor'];
export const DIRECTIVE_ALIAS_ROLES: readonly Role[] = ['admin'];

export const BOARD_PATH = '/can-bo/chi-dao';
export const REGISTER_PATH = `${BOARD_PATH}/dang-ky`;
export const MY_TASKS_PATH = `${BOARD_PATH}/viec-cua-toi`;
export const ALIASES_PATH = '/quan-tri/ten-goi-co-quan';
export const documentPath = (id: number) => `${BOARD_PATH}/${id}`;
export const taskPath = (id: number) => `${BOARD_PATH}/nhiem-vu/${id}`;
export const periodPath = (id: number) => `${BOARD_PATH}/ky-bao-cao/${id}`;
/** A document in the records office's registers (web/src/features/registry, issue 19). */
export const registryDocumentPath = (id: number) => `/can-bo/van-thu/van-ban/${id}`;

/** A positive integer route parameter, or null (the page then shows "not found"). */
export function idParam(value: string | undefined): number | null {
  return value && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null;
}
