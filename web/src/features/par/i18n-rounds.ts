import { defineMessages } from '../../shared/i18n';
import { parRoundEn } from './messages-rounds.en';
import { parRoundVi } from './messages-rounds';

/** The PAR round pages (staff): rounds, board, scoring sheet, council's review sheet. */
export const parRoundMessages = defineMessages(parRoundVi, parRoundEn);
export const useParRoundT = parRoundMessages.useT;
