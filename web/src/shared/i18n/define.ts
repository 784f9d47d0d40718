import { useCallback } from 'react';
import { type Locale, getLocale, useLocale } from './locale';

export type Params = Record<string, string | number>;
export type Translate<K extends string> = (key: K, params?: Params) => string;
/** A label that is resolved when rendered, for menus declared outside components. */
export type LocalizedLabel = (locale: Locale) => string;

function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * Builds a typed dictionary: Vietnamese is the source of keys, English must have the same keys.
 * Each feature keeps its own dictionary so modules do not edit one shared file.
 */
export function defineMessages<K extends string>(vi: Record<K, string>, en: Record<K, string>) {
  const dictionaries: Record<Locale, Record<K, string>> = { vi, en };
  const translate = (locale: Locale, key: K, params?: Params): string =>
    interpolate(dictionaries[locale][key] ?? vi[key] ?? key, params);

  function useT(): Translate<K> {
    const locale = useLocale();
    return useCallback((key: K, params?: Params) => translate(locale, key, params), [locale]);
  }

  return {
    useT,
    translate,
    /** Translate with the current locale outside React. */
    tNow: (key: K, params?: Params) => translate(getLocale(), key, params),
    label: (key: K): LocalizedLabel => (locale) => translate(locale, key),
  };
}
