import { calendarAuditVocabulary } from './modules/calendar/calendar.audit.js';
import { catalogAuditVocabulary } from './modules/catalog/catalog.audit.js';
import { dossierAuditVocabulary } from './modules/dossiers/dossiers.audit.js';
import { orgAuditVocabulary } from './modules/org/org.audit.js';
import { paymentAuditVocabulary } from './modules/payments/payments.audit.js';
import { privacyAuditVocabulary } from './modules/privacy/privacy.audit.js';
import { citizenAuditVocabulary } from './modules/citizens/citizens.audit.js';
import { onlineAuditVocabulary } from './modules/online/online.audit.js';
import { feedbackAuditVocabulary } from './modules/feedback/feedback.audit.js';
import { satisfactionAuditVocabulary } from './modules/satisfaction/satisfaction.audit.js';
import { open311AuditVocabulary } from './modules/open311/open311.audit.js';
import { reportAuditVocabulary } from './modules/reports/reports.audit.js';
import { directiveAuditVocabulary } from './modules/directives/directives.audit.js';
import { parAuditVocabulary } from './modules/par/par.audit.js';
import { personnelAuditVocabulary } from './modules/personnel/personnel.audit.js';
import { inspectionAuditVocabulary } from './modules/inspection/inspection.audit.js';
import { inspectionPlansAuditVocabulary } from './modules/inspection/inspection-plans.audit.js';
import { registryAuditVocabulary } from './modules/registry/registry.audit.js';
import { registryExchangeAuditVocabulary } from './modules/registry/registry-exchange.audit.js';
import { registryFilesAuditVocabulary } from './modules/registry/registry-files.audit.js';
import { qualityAuditVocabulary } from './modules/quality/quality.audit.js';
import { reformBudgetAuditVocabulary } from './modules/reform-budget/reform-budget.audit.js';
import { procedureReviewAuditVocabulary } from './modules/procedure-review/procedure-review.audit.js';
import { mergeVocabularies } from './platform/audit/vocabulary.js';
import { authAuditVocabulary } from './platform/auth/auth.audit.js';
import { notifyAuditVocabulary } from './platform/notify/notify.audit.js';

/**
 * The audit log's words, composed from what each module declares next to its code (as database.ts
 * composes the tables). A module that writes a new action adds its label in its own *.audit.ts.
 */
export const AUDIT_VOCABULARY = mergeVocabularies([
  authAuditVocabulary, notifyAuditVocabulary, orgAuditVocabulary, calendarAuditVocabulary, catalogAuditVocabulary, dossierAuditVocabulary, privacyAuditVocabulary,
  citizenAuditVocabulary, paymentAuditVocabulary, onlineAuditVocabulary, feedbackAuditVocabulary, satisfactionAuditVocabulary, open311AuditVocabulary,
  reportAuditVocabulary, directiveAuditVocabulary, parAuditVocabulary, personnelAuditVocabulary, inspectionAuditVocabulary, inspectionPlansAuditVocabulary,
  registryAuditVocabulary, registryExchangeAuditVocabulary, registryFilesAuditVocabulary, qualityAuditVocabulary, reformBudgetAuditVocabulary, procedureReviewAuditVocabulary,
]);
