import { defineMessages } from '../../shared/i18n';
import { formsEn } from './messages-forms.en';
import { formsVi } from './messages-forms';

/** The dictionary of the review forms and simplification plans (Vietnamese first, English second). */
export const formsMessages = defineMessages<keyof typeof formsVi>(formsVi, formsEn);
export const useFormsT = formsMessages.useT;
