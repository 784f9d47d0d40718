import type { Db, Tx } from '../db/transaction.js';
import { FORMATTERS, lookup } from '../documents/template-text.js';

/**
 * Message templates are data: each module ships a default text (Vietnamese), and a province may
 * edit it through the admin API; an edit is a row in `message_templates` that wins over the default.
 *
 *   {{applicantName}}           a variable the template declares
 *   {{dueAt | datetimeShort}}   passed through a document formatter (dd/mm/yyyy HH:mm, money…)
 *
 * A variable with no value prints as nothing (a message, unlike a paper form, has no blank to fill).
 */
export type MessageTemplate = {
  key: string;
  /** What the message is for, shown to the person editing it. */
  description: string;
  /** The variables the text may use; an edit naming any other is refused. */
  variables: readonly string[];
  subject: string;
  /** E-mail body, also the text of an in-app notification. */
  body: string;
  /** Short text for SMS; null where the message is never sent by SMS. */
  sms: string | null;
};

export type StoredTemplate = MessageTemplate & { version: number; edited: boolean; updatedAt: Date | null; updatedBy: string | null };
export type RenderedMessage = { subject: string; body: string; sms: string | null };

const PLACEHOLDER = /\{\{\s*([^}|]+?)\s*(?:\|\s*([A-Za-z]+)\s*)?\}\}/g;

export function renderText(text: string, vars: Record<string, unknown>): string {
  return text.replace(PLACEHOLDER, (_m, rawPath: string, formatter: string | undefined) => {
    const value = lookup([vars], rawPath.trim());
    if (value === undefined || value === null || value === '') return '';
    const format = formatter ? FORMATTERS[formatter] : undefined;
    if (format) return format(value);
    if (value instanceof Date) return FORMATTERS.datetimeShort!(value);
    return String(value);
  });
}

export function renderMessage(t: Pick<MessageTemplate, 'subject' | 'body' | 'sms'>, vars: Record<string, unknown>): RenderedMessage {
  return {
    subject: renderText(t.subject, vars).replace(/\s+/g, ' ').trim(),
    body: renderText(t.body, vars).replace(/\n{3,}/g, '\n\n').trim(),
    sms: t.sms ? renderText(t.sms, vars).replace(/\s+/g, ' ').trim() : null,
  };
}

/** Problems of an edited text against its template's variables, in Vietnamese and English. */
export function templateProblems(text: string, variables: readonly string[]): { vi: string; en: string }[] {
  const out: { vi: string; en: string }[] = [];
  if (text.split('{{').length !== text.split('}}').length) out.push({ vi: 'Dấu {{ }} không khớp nhau.', en: 'Unbalanced {{ }}.' });
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1]!.trim();
    if (!variables.includes(name)) out.push({ vi: `Biến {{${name}}} không có trong mẫu này.`, en: `Unknown variable {{${name}}}.` });
    if (m[2] && !FORMATTERS[m[2]]) out.push({ vi: `Định dạng "${m[2]}" không tồn tại.`, en: `Unknown formatter "${m[2]}".` });
  }
  return out;
}

/** The template in force: the province's edit if there is one, else the shipped default. Works inside a transaction. */
export async function loadTemplate(db: Db | Tx, def: MessageTemplate): Promise<StoredTemplate> {
  const row = await db.selectFrom('message_templates').selectAll().where('key', '=', def.key).executeTakeFirst();
  if (!row) return { ...def, version: 0, edited: false, updatedAt: null, updatedBy: null };
  return { ...def, subject: row.subject, body: row.body, sms: def.sms === null ? null : row.sms, version: row.version, edited: true, updatedAt: row.updated_at, updatedBy: row.updated_by };
}
