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
import type { PaymentTables } from './modules/payments/payments.tables.js';
import type { PrivacyTables } from './modules/privacy/privacy.tables.js';
import type { CitizenTables } from './modules/citizens/citizens.tables.js';
import type { OnlineTables } from './modules/online/online.tables.js';
import type { FeedbackTables } from './modules/feedback/feedback.tables.js';
import type { SatisfactionTables } from './modules/satisfaction/satisfaction.tables.js';
import type { Open311Tables } from './modules/open311/open311.tables.js';
import type { ReportTables } from './modules/reports/reports.tables.js';
import type { DirectiveTables } from './modules/directives/directives.tables.js';
import type { ParTables } from './modules/par/par.tables.js';
import type { PersonnelTables } from './modules/personnel/personnel.tables.js';
import type { InspectionTables } from './modules/inspection/inspection.tables.js';
import type { RegistryTables } from './modules/registry/registry.tables.js';
import type { QualityTables } from './modules/quality/quality.tables.js';
import type { ReformBudgetTables } from './modules/reform-budget/reform-budget.tables.js';
import type { ProcedureReviewTables } from './modules/procedure-review/procedure-review.tables.js';

/**
 * The Kysely view of the whole database, composed from the tables each module declares as its own.
 * Only types meet here; a module still reaches another module's tables through its service.
 */
export interface Database extends AuditTables, AuthTables, AccessTables, OrgTables, CalendarTables, CatalogTables, DossierTables,
  JobsTables, NotifyTables, DossierReminderTables, PrivacyTables, CitizenTables, PaymentTables, OnlineTables, FeedbackTables,
  SatisfactionTables, Open311Tables, ReportTables, DirectiveTables, ParTables, PersonnelTables, InspectionTables,
  RegistryTables, QualityTables, ReformBudgetTables, ProcedureReviewTables {}
