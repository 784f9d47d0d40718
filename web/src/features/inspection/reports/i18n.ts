import { defineMessages } from '../../../shared/i18n';
import { inspectionReportEn } from './messages.en';
import { inspectionReportVi } from './messages';
import { inspectionSummaryEn } from './public/messages.en';
import { inspectionSummaryVi } from './public/messages';

/** The staff report page (issue 18 scope 4). */
export const inspectionReportMessages = defineMessages(inspectionReportVi, inspectionReportEn);
export const useInspectionReportT = inspectionReportMessages.useT;

/** The portal's public summary. */
export const inspectionSummaryMessages = defineMessages(inspectionSummaryVi, inspectionSummaryEn);
export const useInspectionSummaryT = inspectionSummaryMessages.useT;
