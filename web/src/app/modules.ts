/**
 * The routes registry. A feature folder exports a FeatureModule (pages + menu entries) from its
 * index.ts; adding one import and one array entry here puts it in the app.
 */
import { auditModule } from '../features/audit';
import { authModule } from '../features/auth';
import { calendarModule } from '../features/calendar';
import { catalogModule } from '../features/catalog';
import { citizenModule } from '../features/citizen';
import { directivesModule } from '../features/directives';
import { dossiersModule } from '../features/dossiers';
import { feedbackModule } from '../features/feedback';
import { inspectionModule } from '../features/inspection';
import { lookupModule } from '../features/lookup';
import { notificationsModule } from '../features/notifications';
import { onlineModule } from '../features/online';
import { open311Module } from '../features/open311';
import { orgModule } from '../features/org';
import { outboxModule } from '../features/outbox';
import { parModule } from '../features/par';
import { paymentsModule } from '../features/payments';
import { personnelModule } from '../features/personnel';
import { portalModule } from '../features/portal';
import { privacyModule } from '../features/privacy';
import { registerModule } from '../features/register';
import { registryModule } from '../features/registry';
import { qualityModule } from '../features/quality';
import { reformBudgetModule } from '../features/reform-budget';
import { procedureReviewModule } from '../features/procedure-review';
import { satisfactionModule } from '../features/satisfaction';
import { reportsModule } from '../features/reports';
import { workspaceModule } from '../features/workspace';
import type { FeatureModule } from '../shared/module';

export const modules: readonly FeatureModule[] = [
  portalModule,
  authModule,
  workspaceModule,
  orgModule,
  auditModule,
  calendarModule,
  catalogModule,
  dossiersModule,
  lookupModule,
  notificationsModule,
  registerModule,
  outboxModule,
  privacyModule,
  paymentsModule,
  citizenModule,
  onlineModule,
  feedbackModule,
  satisfactionModule,
  open311Module,
  reportsModule,
  directivesModule,
  parModule,
  personnelModule,
  inspectionModule,
  registryModule,
  qualityModule,
  reformBudgetModule,
  procedureReviewModule,
];
