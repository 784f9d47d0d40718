import { defineMessages } from '../../shared/i18n';
import { orgEn } from './messages.en';
import { orgVi } from './messages';

export const orgMessages = defineMessages(orgVi, orgEn);
export const useOrgT = orgMessages.useT;
