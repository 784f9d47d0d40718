import type { AccessTables } from './platform/access/access.tables.js';
import type { AuditTables } from './platform/audit/audit.tables.js';
import type { AuthTables } from './platform/auth/auth.tables.js';
import type { CalendarTables } from './modules/calendar/calendar.tables.js';
import type { CatalogTables } from './modules/catalog/catalog.tables.js';
import type { DossierTables } from './modules/dossiers/dossiers.tables.js';
import type { DossierReminderTables } from './modules/dossiers/reminders/reminders.tables.js';
import type { JobsTables } from './platform/jobs/jobs.tables.js';
import type { NotifyTables } from './platform/notify/notify.tables.js';
import type { OrgTables } from './modules/org/org.tables.js';

/**
 * The Kysely view of the whole database, composed from the tables each module declares as its own.
 * Only types meet here; a module still reaches another module's tables through its service.
 */
export interface Database extends AuditTables, AuthTables, AccessTables, OrgTables, CalendarTables, CatalogTables, DossierTables,
  JobsTables, NotifyTables, DossierReminderTables {}
