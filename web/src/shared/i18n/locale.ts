import { useSyncExternalStore } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';

export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];

const STORAGE_KEY = 'motcua.locale';
const listeners = new Set<() => void>();

function readStored(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi'; // storage may be disabled (private mode); Vietnamese is the default
  }
}

let current: Locale = readStored();
applyLocale(current);

function applyLocale(locale: Locale): void {
  dayjs.locale(locale === 'vi' ? 'vi' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** The current locale outside React (the API client uses it to pick error messages). */
export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    /* not persisted; still switch for this page */
  }
  applyLocale(locale);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Runs `listener` after each change of language (outside React). */
export function onLocaleChange(listener: () => void): void {
  subscribe(listener);
}

export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, getLocale, getLocale);
}
