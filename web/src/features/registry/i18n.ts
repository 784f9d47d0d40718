import { defineMessages } from '../../shared/i18n';
import type { Direction } from './types';
import { adminEn } from './messages-admin.en';
import { adminVi } from './messages-admin';
import { docEn } from './messages-doc.en';
import { docVi } from './messages-doc';
import { filesEn } from './messages-files.en';
import { filesVi } from './messages-files';
import { commonEn } from './messages.en';
import { commonVi } from './messages';

/** One dictionary for the records-office pages, kept in parts (lists and forms, the document, registers and files). */
export const registryMessages = defineMessages({ ...commonVi, ...docVi, ...adminVi, ...filesVi }, { ...commonEn, ...docEn, ...adminEn, ...filesEn });
export const useRegistryT = registryMessages.useT;
type Key = Parameters<ReturnType<typeof useRegistryT>>[0];

/** An action's button and dialog title; "return" says to whom (the drafter, or the sender). */
export function useActionLabel() {
  const t = useRegistryT();
  return (action: string, direction: Direction): string => {
    const key = (action === 'return' ? `action.return.${direction}` : `action.${action}`) as Key;
    const text = t(key);
    return text === key ? action : text;
  };
}

/** A history entry's words; an event this page does not know shows as the server named it. */
export function useEventLabel() {
  const t = useRegistryT();
  return (action: string): string => {
    const key = `event.${action}` as Key;
    const text = t(key);
    return text === key ? action.replace(/_/g, ' ') : text;
  };
}
