/**
 * Field-level difference between two versions of a procedure, for the history view ("what did the
 * amending decision change?"). Lists are matched by their natural key — a document by name, a case
 * by code, a channel by kind, a legal document by number, a step by order — so that inserting one
 * document reports one addition rather than a change to every later position. Lists of plain
 * values (keywords, requirements, levels) compare as sets.
 */
import { FIELD_LABELS } from '../schema.js';
import { describeLocation, describeValue } from './diff-labels.js';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FieldChange {
  kind: ChangeKind;
  /** Readable path, e.g. `documents[Tờ khai].copies` or `channels[online].time.amount`. */
  path: string;
  segments: (string | number)[];
  /** Vietnamese label of the top-level field. */
  label: string;
  /** Where, in words: "Thành phần hồ sơ › «Tờ khai» › Số bản sao". */
  where: string;
  before?: unknown;
  after?: unknown;
  /** The values as a person reads them ("trực tuyến", "Có", "5 ngày làm việc"). */
  beforeText?: string;
  afterText?: string;
}

export interface DiffOptions {
  /** Also compare version metadata (number, status, decision, dates). Off by default. */
  includeVersionMeta?: boolean;
}

/** The key that identifies an element of each list of the record; other lists compare by position. */
const LIST_KEYS: Record<string, string> = {
  channels: 'kind',
  cases: 'code',
  documents: 'name',
  fees: 'name',
  legalBasis: 'number',
  steps: 'order',
  results: 'name',
  coordinatingAgencies: 'name',
};

export function diffVersions(a: object, b: object, options: DiffOptions = {}): FieldChange[] {
  const changes: FieldChange[] = [];
  const skip = options.includeVersionMeta === true ? new Set<string>() : new Set(['version']);
  const keys = unionKeys(a, b).filter((k) => !skip.has(k));
  for (const key of keys) {
    walk(get(a, key), get(b, key), [key], changes);
  }
  return changes;
}

function walk(before: unknown, after: unknown, segments: (string | number)[], out: FieldChange[]): void {
  if (isEqual(before, after)) return;
  if (before === undefined) return void out.push(change('added', segments, undefined, after));
  if (after === undefined) return void out.push(change('removed', segments, before, undefined));

  if (Array.isArray(before) && Array.isArray(after)) return walkArray(before, after, segments, out);
  if (isRecord(before) && isRecord(after)) {
    for (const key of unionKeys(before, after)) walk(before[key], after[key], [...segments, key], out);
    return;
  }
  out.push(change('changed', segments, before, after));
}

function walkArray(before: unknown[], after: unknown[], segments: (string | number)[], out: FieldChange[]): void {
  const key = identityKey(before, after, segments[segments.length - 1]);
  if (key === 'primitive') {
    // Keywords, levels, requirements: a set, order does not matter to the reader.
    for (const x of before) if (!after.some((y) => isEqual(x, y))) out.push(change('removed', segments, x, undefined));
    for (const y of after) if (!before.some((x) => isEqual(x, y))) out.push(change('added', segments, undefined, y));
    return;
  }
  if (key === undefined) {
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) walk(before[i], after[i], [...segments, i], out);
    return;
  }
  // identityKey guarantees every element has an id.
  const ids = [...new Set([...before, ...after].map((x) => idOf(x, key) as string | number))];
  for (const id of ids) {
    walk(
      before.find((x) => idOf(x, key) === id),
      after.find((x) => idOf(x, key) === id),
      [...segments, id],
      out,
    );
  }
}

/** The list's key if every element has it and it is unique on both sides (else compare by position). */
function identityKey(before: unknown[], after: unknown[], list: string | number | undefined): string | 'primitive' | undefined {
  const all = [...before, ...after];
  if (all.every((x) => !isRecord(x) && !Array.isArray(x))) return 'primitive';
  const key = typeof list === 'string' ? LIST_KEYS[list] : undefined;
  if (key === undefined || !all.every(isRecord)) return undefined;
  const unique = [before, after].every((side) => {
    const ids = side.map((x) => idOf(x, key));
    return ids.every((id) => id !== undefined) && new Set(ids).size === ids.length;
  });
  return unique ? key : undefined;
}

function idOf(x: unknown, key: string): string | number | undefined {
  const v = isRecord(x) ? x[key] : undefined;
  return typeof v === 'string' || typeof v === 'number' ? v : undefined;
}

function change(kind: ChangeKind, segments: (string | number)[], before: unknown, after: unknown): FieldChange {
  const top = String(segments[0]);
  return {
    kind,
    path: formatPath(segments),
    segments,
    label: FIELD_LABELS[top] ?? top,
    where: describeLocation(segments),
    ...(before === undefined ? {} : { before, beforeText: describeValue(segments, before) }),
    ...(after === undefined ? {} : { after, afterText: describeValue(segments, after) }),
  };
}

export function formatPath(segments: readonly (string | number)[]): string {
  return segments
    .map((s, i) => {
      if (i === 0) return String(s);
      const parentIsList = typeof s === 'number' || !/^[A-Za-z_]\w*$/.test(String(s)) || isListSegment(segments, i);
      return parentIsList ? `[${s}]` : `.${s}`;
    })
    .join('');
}

/** A segment that came from a keyed list (e.g. a case code that looks like an identifier). */
function isListSegment(segments: readonly (string | number)[], i: number): boolean {
  const parent = segments[i - 1];
  return typeof parent === 'string' && (parent in LIST_KEYS || parent === 'internalProcesses');
}

function unionKeys(a: object, b: object): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

function get(o: object, key: string): unknown {
  return (o as Record<string, unknown>)[key];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isEqual(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => isEqual(v, y[i]));
  if (isRecord(x) && isRecord(y)) {
    const keys = unionKeys(x, y);
    return keys.every((k) => isEqual(x[k], y[k]));
  }
  return false;
}
