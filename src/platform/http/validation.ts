import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { AppError, errors, type FieldError } from './app-error.js';
import { fieldLabel } from '../i18n/field-labels.js';

// Vietnamese is the default language of every message a person reads (brief: "Vietnamese first").
z.config(z.locales.vi());
const english = z.locales.en();

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
    const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    const en = english.localeError(issue as never);
    // A rule that words its own message in both languages passes the English along (params.en).
    const ownEn = issue.code === 'custom' ? (issue.params as { en?: unknown } | undefined)?.en : undefined;
    const messageEn = typeof ownEn === 'string' ? ownEn : missing ? 'required.' : typeof en === 'string' ? en : en?.message ?? issue.message;
    const message = missing ? 'bắt buộc phải nhập.' : issue.message;
    return [{
      path: path.join('.'),
      message: label ? `${label.vi}: ${message}` : message,
      messageEn: label ? `${label.en}: ${messageEn}` : messageEn,
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
