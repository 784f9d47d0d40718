import type { Role } from '../../shared/auth';

/**
 * Who sees the feedback pages, as the server's policy grants the feedback permissions
 * (src/platform/access/policy.ts): `feedback.read` to every staff role, `feedback.handle` to desk
 * officers, specialists and unit heads, `feedback.approve` to unit heads, `feedback.manage` (the
 * categories) to administrators. The server still decides per unit; these only choose the menus.
 */
export const FEEDBACK_READ_ROLES: readonly Role[] = ['desk_officer', 'specialist', 'unit_head', 'admin', 'auditor'];
export const FEEDBACK_HANDLE_ROLES: readonly Role[] = ['desk_officer', 'specialist', 'unit_head', 'admin'];
export const FEEDBACK_APPROVE_ROLES: readonly Role[] = ['unit_head', 'admin'];
export const FEEDBACK_MANAGE_ROLES: readonly Role[] = ['admin'];

export const INBOX_PATH = '/can-bo/phan-anh';
export const RECORD_PATH = '/can-bo/phan-anh/ghi-nhan';
export const feedbackPath = (code: string) => `${INBOX_PATH}/${encodeURIComponent(code)}`;
