import { defineMessages } from '../../../shared/i18n';
import { inspectionsEn } from './messages-inspections.en';
import { inspectionsVi } from './messages-inspections';
import { plansEn } from './messages-plans.en';
import { plansVi } from './messages-plans';

/** Plans, and the words the plan and inspection pages share (navigation, buttons, periods). */
export const plansMessages = defineMessages(plansVi, plansEn);
export const usePlansT = plansMessages.useT;

/** Inspections: the record, findings, conclusion and recommendations. */
export const inspectionsMessages = defineMessages(inspectionsVi, inspectionsEn);
export const useInspectionsT = inspectionsMessages.useT;
