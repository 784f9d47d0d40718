import type { MessageTemplate } from '../../../platform/notify/templates.js';
import { APPLICANT_TEMPLATES } from './applicant-templates.js';

export { configureApplicantNotifications, silenceApplicantNotifications, writeApplicantNotifications } from './applicant-notifications.js';
export { applicantMessageFor } from './applicant-messages.js';
export { APPLICANT_TEMPLATES } from './applicant-templates.js';

export const APPLICANT_TEMPLATE_LIST: MessageTemplate[] = Object.values(APPLICANT_TEMPLATES);
