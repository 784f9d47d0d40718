import { CompiledQuery, type Compilable } from 'kysely';
import type { Tx } from '../../platform/db/transaction.js';

/**
 * Where a writer sends its INSERTs and UPDATEs: straight to the database, or into a batch sent later
 * as ONE statement. Writers that only write (no RETURNING they need, no row count they check) take a
 * `Writes`, so the caller decides when the rows reach the database.
 */
export type Writes = { write(query: Compilable): Promise<void> };

/** Each write is executed at once, in the caller's transaction (the default). */
export function immediateWrites(trx: Tx): Writes {
  return { write: async (query) => { await trx.executeQuery(query.compile()); } };
}

const PLACEHOLDER = /\$(\d+)/g;

/**
 * Collects writes and sends them as one statement (`with w0 as (…), w1 as (…) select …`): one round
 * trip however many rows. The intake uses it for everything that follows the desk's daily counter, so
 * the counter's row lock is held for that one statement and the COMMIT (intake.ts).
 *
 * PostgreSQL runs every data-modifying WITH part to completion, all on one snapshot: a part does not
 * see another's rows, so a batch must not write the same row twice nor read what it writes (foreign keys
 * are checked at the end of the statement, so they do see them).
 */
export class WriteBatch implements Writes {
  private readonly queries: CompiledQuery[] = [];
  constructor(private readonly trx: Tx) {}

  async write(query: Compilable): Promise<void> {
    this.queries.push(query.compile());
  }

  /** Sends the collected writes (nothing when there are none) and empties the batch. */
  async flush(): Promise<void> {
    const queries = this.queries.splice(0);
    if (queries.length === 0) return;
    if (queries.length === 1) { await this.trx.executeQuery(queries[0]!); return; }
    const parameters: unknown[] = [];
    const parts = queries.map((q, i) => {
      const offset = parameters.length;
      let highest = 0;
      // Kysely writes values only as $n placeholders, never inline: renumbering them is the whole merge.
      const text = q.sql.replace(PLACEHOLDER, (_, n: string) => { highest = Math.max(highest, Number(n)); return `$${Number(n) + offset}`; });
      if (highest !== q.parameters.length) throw new Error(`WriteBatch: query ${i} has ${q.parameters.length} parameters but refers to $${highest}`);
      parameters.push(...q.parameters);
      return `w${i} as (${text})`;
    });
    await this.trx.executeQuery(CompiledQuery.raw(`with ${parts.join(', ')} select 1`, parameters));
  }
}

/** Sends `query` through `writes` when the caller gave some, else executes it at once. */
export async function write(writes: Writes | undefined, query: Compilable & { execute(): Promise<unknown> }): Promise<void> {
  if (writes) await writes.write(query);
  else await query.execute();
}
