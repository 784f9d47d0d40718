import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { AppError, errors, type FieldError } from './app-error.js';
import { fieldLabel } from '../i18n/field-labels.js';
import { enErrorMap, viErrorMap } from '../i18n/validation-messages.js';

// Vietnamese is the default language of every message a person reads (brief: "Vietnamese first").
// Our own wording rather than zod's locales, which leave type names and "<=" in English.
z.config({ localeError: viErrorMap });

const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** One issue's message in both languages, without the field's name (for callers that show it apart). */
export function issueMessages(issue: z.core.$ZodIssue): { vi: string; en: string } {
  const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
  // A message written on the schema is Vietnamese only; English always takes our wording.
  const en = enErrorMap(issue as never);
  // …unless a rule words its own message in both languages and passes the English along (params.en).
  const ownEn = issue.code === 'custom' ? (issue.params as { en?: unknown } | undefined)?.en : undefined;
  return {
    vi: missing ? (viErrorMap(issue as never) as string) : issue.message,
    en: typeof ownEn === 'string' ? ownEn : typeof en === 'string' ? en : en?.message ?? issue.message,
  };
}

/** Turns zod issues into field errors that name the field in Vietnamese and in English. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[], prefix: string[] = []): FieldError[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const p = [...path, key].join('.');
        return { path: p, message: `Trường không được phép: "${key}".`, messageEn: `Unknown field: "${key}".` };
      });
    }
    const label = fieldLabel(path);
    const { vi: message, en: messageEn } = issueMessages(issue);
    return [{
      path: path.join('.'),
      message: label ? `${label.vi}: ${message}` : capitalise(message),
      messageEn: label ? `${label.en}: ${messageEn}` : capitalise(messageEn),
    }];
  });
}

export function validationError(error: z.ZodError, prefix: string[] = []): AppError {
  return errors.validation(toFieldErrors(error.issues, prefix));
}

/**
 * Our own validator compiler (instead of the provider's) so that failures carry the input — the
 * English message needs it — and become an AppError naming each field.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => (data) => {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { value: result.data };
  return { error: validationError(result.error, httpPart === 'body' || !httpPart ? [] : [httpPart]) };
};

/** Parses with a schema or throws the same 400 the HTTP edge would; for CLI and import paths. */
export function parseOrThrow<T extends z.ZodType>(schema: T, data: unknown, prefix: string[] = []): z.output<T> {
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) throw validationError(result.error, prefix);
  return result.data;
}
