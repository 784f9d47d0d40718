import { defineMessages } from '../../shared/i18n';
import { catalogEn } from './messages.en';
import { catalogVi } from './messages.vi';

export const catalogMessages = defineMessages(catalogVi, catalogEn);
export const useCatalogT = catalogMessages.useT;
