import { createHash } from 'node:crypto';
import type { Compilable, CompiledQuery } from 'kysely';
import type pg from 'pg';

/**
 * Prepared statements for the few reads every request makes (issue 14, per-request overhead).
 *
 * Kysely sends each statement unnamed, so PostgreSQL parses and plans it again every time. For the
 * dossier history that is most of the work: the view over a table partitioned by year (migration
 * 0027) costs ~0.26 ms to plan and ~0.04 ms to run, and pgbench runs the same select 6 × faster
 * prepared than unprepared. A statement marked with `prepared(label, query)` is parsed once per
 * connection under a name derived from its text and then only bound and executed; after five runs
 * PostgreSQL keeps a generic plan when it is no worse than the custom ones.
 *
 * Marked statements must have one fixed text (no `in (…)` lists of varying length) and be cheap to
 * plan generically (lookups by a key). Only PostgreSQL connections prepare (connection.ts and
 * replicas.ts call `preparesMarkedStatements` for each new connection); on PGlite, whose one session
 * outlives the pool's clients, the same text runs unnamed: the mark is an SQL comment.
 *
 * A schema change while the server runs (a column added by a newer version's migration) makes
 * PostgreSQL refuse a prepared `select *` whose result type changed; such a statement is prepared
 * again under a new name and run once more, outside a transaction (inside one the transaction has
 * failed already and its error stands).
 */
const MARK = '/* prepared:';
const LABEL = /^[a-z][a-z0-9_]{0,40}$/;

export function prepared<R>(label: string, query: Compilable<R>): CompiledQuery<R> {
  if (!LABEL.test(label)) throw new Error(`prepared statement label ${JSON.stringify(label)}: lower-case letters, digits and _ only`);
  const compiled = query.compile();
  return { ...compiled, sql: `${MARK}${label} */ ${compiled.sql}` };
}

/** Text → statement name, computed once per text (bounded: a text that varies would fill it). */
const names = new Map<string, string>();
const MAX_NAMES = 200;

export function statementName(text: string): string | undefined {
  if (!text.startsWith(MARK)) return undefined;
  let name = names.get(text);
  if (name === undefined) {
    const label = text.slice(MARK.length, text.indexOf(' */'));
    name = `${label}_${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
    if (names.size < MAX_NAMES) names.set(text, name);
  }
  return name;
}

const isStalePlan = (err: unknown) => (err as { code?: string }).code === '0A000' && /cached plan must not change result type/.test((err as Error).message);

type QueryFn = (...args: unknown[]) => unknown;

/** Makes a connection prepare the statements marked with `prepared` (PostgreSQL connections only). */
export function preparesMarkedStatements(client: pg.ClientBase): void {
  const query = client.query as unknown as QueryFn;
  // Bumped when a schema change made this connection's prepared statements stale: new names, parsed anew.
  let generation = 0;
  const run = (text: string, values: unknown) => query.call(client, { name: `${statementName(text)}${generation ? `_${generation}` : ''}`, text, values }) as Promise<unknown>;
  (client as unknown as { query: QueryFn }).query = function (this: unknown, text: unknown, values?: unknown, callback?: unknown) {
    if (typeof text !== 'string' || callback !== undefined || typeof values === 'function' || !text.startsWith(MARK)) {
      return query.apply(client, arguments as unknown as unknown[]);
    }
    return run(text, values).catch((err: unknown) => {
      if (!isStalePlan(err) || (client as pg.Client).getTransactionStatus?.() !== 'I') throw err;
      generation++;
      return run(text, values);
    });
  };
}
