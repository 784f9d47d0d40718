import { defineMessages } from '../../shared/i18n';
import { dossierEn } from './messages.en';
import { dossierVi } from './messages';

export const dossierMessages = defineMessages(dossierVi, dossierEn);
export const useDossierT = dossierMessages.useT;
