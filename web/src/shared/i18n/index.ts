import { defineMessages } from './define';
import { en } from './en';
import { vi } from './vi';

export { defineMessages } from './define';
export type { LocalizedLabel, Params, Translate } from './define';
export { type Locale, LOCALES, getLocale, onLocaleChange, setLocale, useLocale } from './locale';
export { antdLocale, selectAllLabel } from './antdLocale';
export type { SharedKey } from './vi';

const shared = defineMessages(vi, en);

/** Shared strings (navigation, actions, errors). Features define their own with defineMessages. */
export const useT = shared.useT;
export const sharedLabel = shared.label;
export const tNow = shared.tNow;
export const sharedTranslate = shared.translate;
