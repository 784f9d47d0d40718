import { defineMessages } from '../../shared/i18n';
import { reviewEn } from './messages.en';
import { reviewVi } from './messages';

/** The review pages' dictionary (Vietnamese first, English second). */
export const reviewMessages = defineMessages<keyof typeof reviewVi>(reviewVi, reviewEn);
export const useReviewT = reviewMessages.useT;
