/**
 * Text with `{{placeholders}}` for document templates.
 *
 *   {{applicant.fullName}}          a value from the data, by dotted path
 *   {{receivedAt | datetime}}       passed through a formatter (see FORMATTERS)
 *   {{#}}                           inside a list or table: the 1-based row number
 *   **bold part**                   bold run inside a paragraph
 *   [[, email {{applicant.email}}]]  optional part: printed only when every placeholder in it has a value
 *
 * Inside a list or table the row is searched first, then the enclosing data, so a row template can
 * still name document-wide values. A value that is missing prints as a dotted blank, the way paper
 * forms leave room to write by hand; strict rendering reports it instead.
 */
import {
  formatDong,
  formatViDate,
  formatViDateTime,
  formatViDateTimeShort,
  formatViInteger,
  officialDate,
  type DateInput,
} from './vi-format.js';

export const BLANK = '…………………';

type Formatter = (value: unknown) => string;

const asDate = (value: unknown): DateInput => {
  if (value instanceof Date || typeof value === 'string') return value;
  throw new TypeError(`Expected a date, got ${typeof value}`);
};
const asAmount = (value: unknown): number | bigint | string => {
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string') return value;
  throw new TypeError(`Expected a number, got ${typeof value}`);
};

export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  date: (v) => formatViDate(asDate(v)),
  datetime: (v) => formatViDateTime(asDate(v)),
  datetimeShort: (v) => formatViDateTimeShort(asDate(v)),
  officialDate: (v) => officialDate(asDate(v)),
  money: (v) => formatDong(asAmount(v)),
  number: (v) => formatViInteger(asAmount(v)),
  upper: (v) => stringify(v).toLocaleUpperCase('vi'),
};

export type Scope = readonly Record<string, unknown>[];

/** Collects the placeholders that had no value, for strict rendering. */
export type MissingSink = Set<string>;

const PLACEHOLDER = /\{\{\s*([^}|]+?)\s*(?:\|\s*([A-Za-z]+)\s*)?\}\}/g;

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return formatViDateTimeShort(value);
  throw new TypeError(`A ${Array.isArray(value) ? 'list' : typeof value} cannot be printed as text`);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The value at a dotted path, searched from the innermost scope outwards. */
export function lookup(scope: Scope, path: string): unknown {
  const keys = path.split('.');
  for (let i = scope.length - 1; i >= 0; i--) {
    let current: unknown = scope[i];
    let found = true;
    for (const key of keys) {
      if (current !== null && typeof current === 'object' && Object.hasOwn(current, key)) {
        current = (current as Record<string, unknown>)[key];
      } else {
        found = false;
        break;
      }
    }
    if (found) return current;
  }
  return undefined;
}

const OPTIONAL = /\[\[([^[\]]*)\]\]/g;

/**
 * Keeps an optional part whose placeholders all have values and drops the others, so a form can
 * print "Điện thoại: 0912…, thư điện tử: a@b.vn" on one line and leave out the e-mail the applicant
 * did not give, instead of a dotted blank or a line of its own.
 */
function resolveOptional(template: string, scope: Scope): string {
  return template.replace(OPTIONAL, (_match, inner: string) => {
    const paths = [...inner.matchAll(PLACEHOLDER)].map((m) => m[1]!.trim());
    return paths.every((path) => !isEmpty(lookup(scope, path))) ? inner : '';
  });
}

/** Replaces every placeholder in `template`. */
export function fillText(template: string, scope: Scope, missing?: MissingSink): string {
  return resolveOptional(template, scope).replace(PLACEHOLDER, (_match, rawPath: string, formatterName: string | undefined) => {
    const path = rawPath.trim();
    const value = lookup(scope, path);
    if (isEmpty(value)) {
      missing?.add(path);
      return BLANK;
    }
    if (!formatterName) return stringify(value);
    const formatter = FORMATTERS[formatterName];
    if (!formatter) throw new Error(`Unknown formatter "${formatterName}" in {{${path} | ${formatterName}}}`);
    return formatter(value);
  });
}

export interface TextRun {
  text: string;
  bold?: true;
}

/** Splits `**bold**` runs first, then fills each run, so data can never switch bold on or off. */
export function fillRuns(template: string, scope: Scope, missing?: MissingSink): TextRun[] {
  const runs: TextRun[] = [];
  resolveOptional(template, scope).split('**').forEach((part, index) => {
    if (part === '') return;
    const text = fillText(part, scope, missing);
    runs.push(index % 2 === 1 ? { text, bold: true } : { text });
  });
  return runs;
}

/** What is wrong with the placeholders of a template text (checked before a template is stored). */
export function placeholderProblems(template: string): string[] {
  const problems: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const formatterName = match[2];
    if (formatterName && !FORMATTERS[formatterName]) problems.push(`unknown formatter "${formatterName}"`);
  }
  const opened = template.split('{{').length - 1;
  const closed = template.split('}}').length - 1;
  if (opened !== closed) problems.push('unbalanced {{ }}');
  const withoutOptional = template.replace(OPTIONAL, (_match, inner: string) => {
    if (!inner.match(PLACEHOLDER)) problems.push('an optional [[ ]] part without a placeholder');
    return '';
  });
  if (withoutOptional.includes('[[') || withoutOptional.includes(']]')) problems.push('unbalanced or nested [[ ]]');
  return problems;
}

/** True when the value at `path` is present and not an empty list (used by a block's `when`). */
export function isPresent(scope: Scope, path: string): boolean {
  const value = lookup(scope, path);
  return !isEmpty(value) && value !== false;
}
