import type { FormInstance } from 'antd';
import { isApiError } from '../../../shared/api';
import type { Locale } from '../../../shared/i18n';

/**
 * The register answer's 400 fields, sorted: "tasks.<i>.…" go under row i of the task table (its
 * rows are not form fields), the document's fields under their form fields, the rest to a banner.
 */
export function splitFieldErrors(form: FormInstance, names: readonly string[], error: unknown, locale: Locale): { byRow: Record<number, string[]>; unmatched: string[] } {
  const byRow: Record<number, string[]> = {};
  const unmatched: string[] = [];
  if (!isApiError(error)) return { byRow, unmatched };
  const known = new Set(names);
  const updates: { name: string; errors: string[] }[] = [];
  for (const field of error.fields) {
    const segments = field.path.split('.').filter((s) => s !== 'body');
    const message = error.fieldMessageIn(field, locale);
    const [head, index] = segments;
    if (head === 'tasks' && index !== undefined && /^\d+$/.test(index)) (byRow[Number(index)] ??= []).push(message);
    else if (head && known.has(head)) updates.push({ name: head, errors: [message] });
    else unmatched.push(message);
  }
  form.setFields(updates);
  return { byRow, unmatched };
}
