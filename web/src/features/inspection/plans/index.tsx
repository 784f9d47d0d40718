import { lazy } from 'react';
import type { PageDefinition } from '../../../shared/module';
import { PLAN_MANAGE_ROLES, PLAN_READ_ROLES } from './paths';

export { plansMessages } from './i18n';
export { INSPECTIONS_PATH, OPEN_INSPECTION_PATH, PLAN_MANAGE_ROLES, PLAN_READ_ROLES, PLANS_PATH, inspectionPath, planPath } from './paths';

export const PlansPage = lazy(() => import('./PlansPage'));
export const PlanPage = lazy(() => import('./PlanPage'));
export const InspectionsPage = lazy(() => import('./InspectionsPage'));
export const OpenInspectionPage = lazy(() => import('./OpenInspectionPage'));
export const InspectionPage = lazy(() => import('./InspectionPage'));

/**
 * Inspection plans and inspections (issue 18 scope 1), spread into the inspection module's pages. Plans are
 * the inspecting unit's (inspection.read there). An inspection's pages admit everyone signed in: a member of
 * its team may hold no grant at all, and the inspected unit reads it once concluded; the server answers 404
 * to anyone else.
 */
export const planRoutes: PageDefinition[] = [
  { surface: 'staff', path: 'thanh-tra/ke-hoach', roles: PLAN_READ_ROLES, component: PlansPage },
  { surface: 'staff', path: 'thanh-tra/ke-hoach/:id', roles: PLAN_READ_ROLES, component: PlanPage },
  { surface: 'staff', path: 'thanh-tra/cuoc-thanh-tra', component: InspectionsPage },
  { surface: 'staff', path: 'thanh-tra/cuoc-thanh-tra/moi', roles: PLAN_MANAGE_ROLES, component: OpenInspectionPage },
  { surface: 'staff', path: 'thanh-tra/cuoc-thanh-tra/:id', component: InspectionPage },
];
