import { defineMessages } from '../../shared/i18n';
import { parSetEn } from './messages-sets.en';
import { parSetVi } from './messages-sets';
import { parPublicEn } from './public/messages.en';
import { parPublicVi } from './public/messages';

/** The criteria set pages (staff). */
export const parSetMessages = defineMessages(parSetVi, parSetEn);
export const useParSetT = parSetMessages.useT;

/** The published ranking (portal). */
export const parPublicMessages = defineMessages(parPublicVi, parPublicEn);
export const useParPublicT = parPublicMessages.useT;
