import { defineMessages } from '../../shared/i18n';
import { feedbackEn } from './messages.en';
import { feedbackVi } from './messages';

export const feedbackMessages = defineMessages(feedbackVi, feedbackEn);
export const useFeedbackT = feedbackMessages.useT;
export type { FeedbackKey } from './messages';
