import type { Role } from '../../shared/auth/types';

/**
 * Who sees the review pages (issue 21), as the server's policy grants the permissions: `review.read` to
 * everyone who works at an agency, `review.manage` to specialists and heads, `review.approve` to heads.
 * The server still decides per record; these only choose menus.
 */
export const REVIEW_ROLES: readonly Role[] = ['admin', 'unit_head', 'specialist', 'desk_officer', 'auditor', 'hr_officer', 'clerk'];

export const REVIEW_PATH = '/can-bo/ra-soat-tthc';
export const costPath = (code: string) => `${REVIEW_PATH}/thu-tuc/${encodeURIComponent(code)}`;
export const reviewsPath = `${REVIEW_PATH}/phieu`;
export const reviewPath = (id: number) => `${REVIEW_PATH}/phieu/${id}`;
export const plansPath = `${REVIEW_PATH}/phuong-an`;
export const planPath = (id: number) => `${REVIEW_PATH}/phuong-an/${id}`;
export const reviewPlansPath = `${REVIEW_PATH}/ke-hoach`;
export const reviewPlanPath = (id: number) => `${REVIEW_PATH}/ke-hoach/${id}`;
export const parametersPath = `${REVIEW_PATH}/tham-so`;

/** A positive integer from a route parameter, or null (the page then shows "not found"). */
export function idParam(value: string | null | undefined): number | null {
  return value && /^[1-9]\d{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : null;
}
