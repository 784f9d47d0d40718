import { defineMessages } from '../../shared/i18n';
import { directiveEn } from './messages.en';
import { directiveVi } from './messages';

export const directiveMessages = defineMessages(directiveVi, directiveEn);
export const useDirectiveT = directiveMessages.useT;
