import type { Role } from '../../../shared/auth/types';
import { INSPECTION_PATH } from '../paths';

/**
 * Who sees the plan and inspection pages, as the server grants the permissions
 * (src/platform/access/policy.ts): `inspection.read` to unit heads, specialists and auditors,
 * `inspection.manage` to unit heads and specialists, `inspection.conclude` to unit heads (administrators
 * hold everything). A member of an inspection's team reads it without any grant, so the inspection pages
 * admit everyone signed in and the server answers per inspection. These only choose menus and buttons.
 */
export const PLAN_READ_ROLES: readonly Role[] = ['admin', 'unit_head', 'specialist', 'auditor'];
export const PLAN_MANAGE_ROLES: readonly Role[] = ['admin', 'unit_head', 'specialist'];
export const PLAN_CONCLUDE_ROLES: readonly Role[] = ['admin', 'unit_head'];

export const PLANS_PATH = `${INSPECTION_PATH}/ke-hoach`;
export const planPath = (id: number) => `${PLANS_PATH}/${id}`;
export const INSPECTIONS_PATH = `${INSPECTION_PATH}/cuoc-thanh-tra`;
export const OPEN_INSPECTION_PATH = `${INSPECTIONS_PATH}/moi`;
export const inspectionPath = (id: number) => `${INSPECTIONS_PATH}/${id}`;
/** The opening form prefilled from an item of an approved plan. */
export const openFromItemPath = (planId: number, itemId: number) => `${OPEN_INSPECTION_PATH}?planId=${planId}&itemId=${itemId}`;
/** The inspections opened from one plan's items. */
export const inspectionsOfPlanPath = (planId: number) => `${INSPECTIONS_PATH}?planId=${planId}`;
