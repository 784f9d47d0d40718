import { ROLES, type Role } from '../../../shared/auth/types';

/**
 * Who sees the criteria set pages: `par.read` is granted to every staff role (src/platform/access/policy.ts);
 * the server decides who may create, edit and issue a set (`canManage`, `canEdit`).
 */
export const PAR_READ_ROLES: readonly Role[] = ROLES;

export const SETS_PATH = '/can-bo/cchc/bo-tieu-chi';
export const setPath = (id: number) => `${SETS_PATH}/${id}`;
export const RANKING_PATH = '/chi-so-cchc';

/** A positive integer route parameter, or null (the page then shows "not found"). */
export function idParam(value: string | undefined): number | null {
  return value && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null;
}
