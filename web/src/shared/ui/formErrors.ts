import type { FormInstance } from 'antd';
import { isApiError } from '../api';
import { type Locale, getLocale } from '../i18n';

/**
 * Puts the API's per-field validation messages under the matching form fields.
 * Returns the messages that matched no field, so the caller can show them in a banner.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, locale: Locale = getLocale()): string[] {
  if (!isApiError(error) || error.fields.length === 0) return [];
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const unmatched: string[] = [];
  const updates: { name: (string | number)[]; errors: string[] }[] = [];
  for (const field of error.fields) {
    // Paths may be prefixed with the request part ("body.name"); the form knows "name".
    const segments = field.path.split('.').filter((s) => s !== 'body');
    const name = segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const message = error.fieldMessageIn(field, locale);
    if (typeof name[0] === 'string' && known.has(name[0])) updates.push({ name, errors: [message] });
    else unmatched.push(message);
  }
  form.setFields(updates);
  return unmatched;
}
