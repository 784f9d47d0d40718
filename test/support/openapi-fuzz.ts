import fc from 'fast-check';

/**
 * Request generators read from the app's own OpenAPI document (what @fastify/swagger publishes at
 * /api/docs), so an endpoint added later is fuzzed without anyone listing it here.
 */
export type JsonSchema = {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  pattern?: string;
  format?: string;
  default?: unknown;
};

export type Parameter = { in: 'path' | 'query' | 'header' | 'cookie'; name: string; required?: boolean; schema: JsonSchema };

export type Operation = {
  method: string;
  /** The path as the document writes it, `/api/v1/org/units/{id}`. */
  path: string;
  parameters: Parameter[];
  jsonBody?: JsonSchema;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of an OpenAPI 3 document. */
export function operationsOf(doc: { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      ops.push({ method: method.toUpperCase(), path, parameters: op.parameters ?? [], jsonBody: op.requestBody?.content?.['application/json']?.schema });
    }
  }
  return ops;
}

/** Values worth trying by field or parameter name (ids and codes that exist in the test database). */
export type Hints = Record<string, readonly unknown[]>;

/**
 * Strings and numbers that broke, or could break, something between the edge and PostgreSQL: NUL,
 * lone surrogates, ids past int4 and cursors past int8, dates past year 9999, SQL and markup, CR/LF.
 * No entry contains a PostgreSQL error phrase, so seeing one in a response means it leaked.
 */
export const NASTY_STRINGS: readonly string[] = [
  '', ' ', 'a\u0000b', '\u0000', 'x\ud800y', '\udfff', '\ud83d',
  "' OR '1'='1", "1; DROP TABLE dossiers; --", "x' UNION SELECT password_hash FROM staff --", '1)) OR pg_sleep(5)--',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
  '../../../etc/passwd', '%00', '%', '\\', '"', "'",
  '2147483648', '-2147483649', '9223372036854775808', '99999999999999999999', '-1', '0', '1.5', '1e309', 'NaN', 'Infinity',
  '99999-01-01', '2026-02-30', '0000-00-00', '10000-01-01T00:00:00Z', '2026-13-01', '-000001-01-01',
  'x'.repeat(5_000), 'Đ'.repeat(400),
  'a\r\nSet-Cookie: injected=1', 'file"\r\n.pdf',
  '\u202ereversed', '𝔘𝔫𝔦', 'ﬁ', '١٢٣',
  '{"k":null,"id":"9223372036854775808"}', 'eyJrIjpudWxsLCJpZCI6Ijk5OTk5OTk5OTk5OTk5OTk5OTk5In0',
];

export const NASTY_NUMBERS: readonly number[] = [2147483648, -2147483649, 2 ** 53, 9223372036854775808, 1e308, -1, 0, 0.5];

const WRONG_TYPES: readonly unknown[] = [null, true, [], {}, { $gt: '' }];

export const nastyValue: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(...NASTY_STRINGS, ...NASTY_NUMBERS, ...WRONG_TYPES);
export const nastyString: fc.Arbitrary<string> = fc.constantFrom(...NASTY_STRINGS, ...NASTY_NUMBERS.map(String));

const WORDS = ['Nguyễn Văn An', 'Sở Xây dựng', 'Đăng ký khai sinh', 'ghi chú', 'Lai Châu', 'abc', 'x'];

function stringArbitrary(s: JsonSchema): fc.Arbitrary<string> {
  const minLength = s.minLength ?? 0;
  const maxLength = Math.min(s.maxLength ?? 40, Math.max(minLength, 40));
  if (s.format === 'date') return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'date-time') return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'email') return fc.constantFrom('an@example.vn', 'b.c@laichau.gov.vn');
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= minLength && v.length <= (s.maxLength ?? Infinity));
    } catch {
      /* a pattern fast-check cannot read: plain strings below */
    }
  }
  return fc.oneof(
    fc.constantFrom(...WORDS).filter((w) => w.length >= minLength && w.length <= maxLength),
    fc.string({ minLength, maxLength }),
  );
}

function numberBounds(s: JsonSchema, integer: boolean): { min: number; max: number } {
  const step = integer ? 1 : Number.EPSILON;
  let min = typeof s.minimum === 'number' ? s.minimum : -1000;
  let max = typeof s.maximum === 'number' ? s.maximum : 1_000_000;
  if (s.exclusiveMinimum === true) min += step;
  if (typeof s.exclusiveMinimum === 'number') min = s.exclusiveMinimum + step;
  if (s.exclusiveMaximum === true) max -= step;
  if (typeof s.exclusiveMaximum === 'number') max = s.exclusiveMaximum - step;
  // Valid values near the small end hit real records; the bound itself is tried by the invalid side.
  return { min, max: Math.min(max, Math.max(min, 0) + 1_000_000) };
}

/** A value the schema accepts (as far as the document says; refinements it cannot express aside). */
export function validValue(s: JsonSchema | undefined, hints: Hints, name = '', depth = 0): fc.Arbitrary<unknown> {
  if (!s) return fc.constant(undefined);
  const hinted = name && hints[name]?.length ? fc.constantFrom(...hints[name]!) : undefined;
  const base = ((): fc.Arbitrary<unknown> => {
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives) return fc.oneof(...alternatives.map((a) => validValue(a, hints, name, depth + 1)));
    if (s.allOf?.length) return validValue(Object.assign({}, ...s.allOf), hints, name, depth + 1);
    switch (s.type) {
      case 'string': return stringArbitrary(s);
      case 'integer': { const b = numberBounds(s, true); return fc.integer({ min: Math.ceil(b.min), max: Math.floor(b.max) }); }
      case 'number': { const b = numberBounds(s, false); return fc.double({ min: b.min, max: b.max, noNaN: true, noDefaultInfinity: true }); }
      case 'boolean': return fc.boolean();
      case 'array': {
        const minLength = s.minItems ?? 0;
        return fc.array(depth > 6 ? fc.constant(null) : validValue(s.items, hints, name, depth + 1), { minLength, maxLength: Math.min(s.maxItems ?? 3, minLength + 3) });
      }
      case 'object':
      case undefined: {
        if (!s.properties || depth > 6) return fc.constant({});
        const shape: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, prop] of Object.entries(s.properties)) shape[key] = validValue(prop, hints, key, depth + 1);
        return fc.record(shape, { requiredKeys: s.required ?? [] });
      }
      default: return fc.constant(null);
    }
  })();
  const withNull = s.nullable ? fc.oneof({ arbitrary: base, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }) : base;
  return hinted ? fc.oneof(hinted, withNull) : withNull;
}

/** Every place in a JSON value (the value itself, each property, each element). */
function placesOf(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => placesOf(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) placesOf(v, [...at, k], out);
  return out;
}

function replaceAt(value: unknown, at: (string | number)[], replacement: unknown): unknown {
  if (at.length === 0) return replacement;
  const [head, ...rest] = at;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  const copy = { ...(value as Record<string, unknown>) };
  copy[head as string] = replaceAt(copy[head as string], rest, replacement);
  return copy;
}

/**
 * A value the schema should refuse, or an edge case it accepts: a valid value with one place (a
 * field, an element, or the whole) replaced by a nasty value, or with an unknown field added.
 */
export function invalidValue(s: JsonSchema | undefined, hints: Hints): fc.Arbitrary<unknown> {
  return fc.tuple(validValue(s, hints), nastyValue, fc.nat(), fc.boolean()).map(([valid, nasty, pick, extraField]) => {
    if (extraField && valid && typeof valid === 'object' && !Array.isArray(valid)) return { ...(valid as object), 'x\u0000"><b>': nasty };
    const places = placesOf(valid);
    return replaceAt(valid, places[pick % places.length]!, nasty);
  });
}

/**
 * Percent-encodes a string for a URL. `encodeURIComponent` throws on a lone surrogate; send the
 * bytes a careless client would (WTF-8), which is invalid UTF-8 for the server.
 */
export function encodeSegment(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length && value.charCodeAt(i + 1) >= 0xdc00 && value.charCodeAt(i + 1) <= 0xdfff) {
      out += encodeURIComponent(value.slice(i, i + 2));
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    } else {
      out += encodeURIComponent(value[i]!);
    }
  }
  return out;
}

const asParam = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export type FuzzRequest = { method: string; url: string; body?: unknown; describe: string };

/**
 * A request to an operation: valid path, query and body, or the same with one part made nasty.
 * Path parameters come from the hints (real ids and codes) most of the time when valid.
 */
export function requestArbitrary(op: Operation, hints: Hints): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const paramShape = (params: Parameter[], valid: boolean) => {
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const p of params) shape[p.name] = valid ? validValue(p.schema, hints, p.name) : fc.oneof(validValue(p.schema, hints, p.name), nastyString);
    return fc.record(shape, { requiredKeys: params.filter((p) => p.required || p.in === 'path').map((p) => p.name) });
  };
  const body = op.jsonBody ? { valid: validValue(op.jsonBody, hints), invalid: invalidValue(op.jsonBody, hints) } : undefined;
  return fc.record({
    part: fc.constantFrom('none', 'path', 'query', 'body'),
    validPath: paramShape(pathParams, true),
    invalidPath: paramShape(pathParams, false),
    validQuery: paramShape(queryParams, true),
    invalidQuery: paramShape(queryParams, false),
    validBody: body?.valid ?? fc.constant(undefined),
    invalidBody: body?.invalid ?? fc.option(nastyValue, { nil: undefined }),
  }).map((r) => {
    const path = r.part === 'path' ? r.invalidPath : r.validPath;
    const query = r.part === 'query' ? r.invalidQuery : r.validQuery;
    const payload = r.part === 'body' ? r.invalidBody : r.validBody;
    let url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeSegment(asParam(path[name])));
    const qs = Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${encodeSegment(asParam(v))}`).join('&');
    if (qs) url += `?${qs}`;
    const sendsBody = op.method !== 'GET' && op.method !== 'DELETE' && payload !== undefined;
    return { method: op.method, url, ...(sendsBody ? { body: payload } : {}), describe: `${r.part === 'none' ? 'valid' : `nasty ${r.part}`}` };
  });
}
