/**
 * The routes registry. A feature folder exports a FeatureModule (pages + menu entries) from its
 * index.ts; adding one import and one array entry here puts it in the app.
 */
import { auditModule } from '../features/audit';
import { authModule } from '../features/auth';
import { calendarModule } from '../features/calendar';
import { catalogModule } from '../features/catalog';
import { dossiersModule } from '../features/dossiers';
import { lookupModule } from '../features/lookup';
import { notificationsModule } from '../features/notifications';
import { orgModule } from '../features/org';
import { outboxModule } from '../features/outbox';
import { portalModule } from '../features/portal';
import { registerModule } from '../features/register';
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
];
