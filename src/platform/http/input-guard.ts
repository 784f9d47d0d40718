import { AppError, errors } from './app-error.js';
import type { App } from './types.js';

/**
 * Text PostgreSQL cannot store must not reach it: a NUL (U+0000) is refused in `text` and `jsonb`,
 * and a lone UTF-16 surrogate is not a character at all (the driver would turn it into U+FFFD or
 * `jsonb` refuses its escape). Both used to surface as a 500 from deep inside a query (issue 10).
 */
const NUL = /\u0000/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Deeper than any document the API takes; deeper JSON is refused before a validator recurses into it. */
export const MAX_JSON_DEPTH = 64;

export type UnsafeInput = { path: string; problem: 'nul' | 'surrogate' | 'depth' };

const problemOf = (text: string): UnsafeInput['problem'] | null => (NUL.test(text) ? 'nul' : LONE_SURROGATE.test(text) ? 'surrogate' : null);

/** The first string (value or key) that cannot be stored, or a nesting deeper than MAX_JSON_DEPTH. Iterative: no recursion to overflow. */
export function findUnsafeInput(value: unknown): UnsafeInput | null {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = problemOf(v);
      if (problem) return { path: path.join('.'), problem };
    } else if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
      if (path.length >= MAX_JSON_DEPTH) return { path: path.slice(0, 3).join('.'), problem: 'depth' };
      for (const [key, child] of Object.entries(v)) {
        const problem = problemOf(key);
        if (problem) return { path: [...path, key.replace(/[\u0000\ud800-\udfff]/g, '?')].join('.'), problem };
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return null;
}

const MESSAGES = {
  nul: ['chứa ký tự rỗng (NUL) không được phép', 'contains a NUL character, which is not allowed'],
  surrogate: ['chứa ký tự Unicode không trọn vẹn (mã thay thế lẻ)', 'contains an incomplete Unicode character (a lone surrogate)'],
  depth: [`lồng nhau quá ${MAX_JSON_DEPTH} cấp`, `is nested deeper than ${MAX_JSON_DEPTH} levels`],
} as const;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Checks the path parameters, the query and a parsed body of every request before validation, and
 * reads JSON bodies as strict UTF-8: Fastify's own parser decodes leniently and would store U+FFFD
 * for bytes a client got wrong.
 */
export function installInputGuard(app: App): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, raw, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(raw as Buffer);
    } catch {
      done(new AppError('INVALID_UTF8', 400, 'Nội dung gửi lên không phải văn bản UTF-8 hợp lệ.', 'The request body is not valid UTF-8.'), undefined);
      return;
    }
    parseJson(req, text, done);
  });
  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [['params', req.params], ['query', req.query], ['body', req.body]] as const) {
      const found = findUnsafeInput(value);
      if (!found) continue;
      const path = [part === 'body' ? '' : part, found.path].filter(Boolean).join('.') || part;
      const [vi, en] = MESSAGES[found.problem];
      throw errors.validation([{ path, message: `Dữ liệu "${path}" ${vi}.`, messageEn: `"${path}" ${en}.` }]);
    }
  });
}
