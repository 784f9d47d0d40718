import { defineMessages } from '../../shared/i18n';
import { budgetEn } from './messages.en';
import { budgetVi } from './messages';

/** The reform budget page's dictionary (Vietnamese first, English second). */
export const budgetMessages = defineMessages(budgetVi, budgetEn);
export const useBudgetT = budgetMessages.useT;
