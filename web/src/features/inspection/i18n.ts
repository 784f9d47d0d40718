import { defineMessages } from '../../shared/i18n';
import { casesEn } from './messages-cases.en';
import { casesVi } from './messages-cases';
import { disciplineEn } from './messages-discipline.en';
import { disciplineVi } from './messages-discipline';
import { inspectionEn } from './messages.en';
import { inspectionVi } from './messages';

/** The frame, the clocks and the staff picker. */
export const inspectionMessages = defineMessages(inspectionVi, inspectionEn);
export const useInspectionT = inspectionMessages.useT;

/** Complaints and denunciations. */
export const casesMessages = defineMessages(casesVi, casesEn);
export const useCasesT = casesMessages.useT;

/** Discipline of officials. */
export const disciplineMessages = defineMessages(disciplineVi, disciplineEn);
export const useDisciplineT = disciplineMessages.useT;
