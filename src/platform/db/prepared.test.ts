import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../../../test/support/test-db.js';
import { openDatabase, type DatabaseHandle } from './connection.js';
import { prepared, statementName } from './prepared.js';

// The hot reads are prepared once per connection on PostgreSQL and run unnamed on PGlite (issue 14,
// per-request overhead). Both back ends run every case; what differs is asserted for each.
let t: TestDatabase;
/** One connection, so that what one statement prepared is what the next one finds. */
let single: DatabaseHandle;
// The probe table is not in the schema's types.
const probe = (db: Kysely<never>) => (db as unknown as Kysely<Record<string, Record<string, unknown>>>).selectFrom('prepared_probe').selectAll().orderBy('a');

beforeAll(async () => {
  t = await createTestDatabase({ demo: false });
  if (t.kind === 'postgresql') {
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${(await sql<{ name: string }>`select current_database() as name`.execute(t.db)).rows[0]!.name}`;
    single = await openDatabase({ kind: 'postgresql', url: url.toString(), poolSize: 1 });
  } else {
    single = t; // PGlite is one session already.
  }
  await sql`create table prepared_probe (a integer not null)`.execute(single.db);
  await sql`insert into prepared_probe (a) values (1), (2)`.execute(single.db);
});
afterAll(async () => {
  if (single && single !== t) await single.close();
  await t?.close();
});

const preparedHere = async (db: Kysely<never>) =>
  (await sql<{ name: string }>`select name from pg_prepared_statements order by name`.execute(db)).rows.map((r) => r.name);

describe('prepared statements', () => {
  it('mark the text with a comment and name it from the text', () => {
    const a = prepared('probe', probe(single.db as never));
    expect(a.sql).toMatch(/^\/\* prepared:probe \*\/ select \* from "prepared_probe"/);
    expect(statementName(a.sql)).toMatch(/^probe_[0-9a-f]{12}$/);
    expect(statementName(a.sql)).toBe(statementName(prepared('probe', probe(single.db as never)).sql));
    expect(statementName(a.sql)).not.toBe(statementName(prepared('probe', probe(single.db as never).where('a', '=', 1)).sql));
    expect(statementName('select 1')).toBeUndefined();
    expect(() => prepared('x */ drop table y; /*', probe(single.db as never))).toThrow(/label/);
  });

  it('give the same rows as the statement unmarked, and are prepared once per connection on PostgreSQL only', async () => {
    const db = single.db as never;
    const marked = prepared('probe_rows', probe(db).where('a', '>=', 1));
    for (let i = 0; i < 7; i++) {
      expect((await single.db.executeQuery(marked)).rows).toEqual([{ a: 1 }, { a: 2 }]);
    }
    expect((await probe(db).where('a', '>=', 2).execute())).toEqual([{ a: 2 }]);
    // Values still bind per execution.
    expect((await single.db.executeQuery(prepared('probe_rows', probe(db).where('a', '>=', 2)))).rows).toEqual([{ a: 2 }]);
    const names = (await preparedHere(db)).filter((n) => n.startsWith('probe_rows_'));
    expect(names).toEqual(single.kind === 'postgresql' ? [statementName(marked.sql)] : []);
  });

  it('survive a column added while the server runs: prepared again under a new name, outside a transaction', async () => {
    const db = single.db as never;
    const all = prepared('probe_all', probe(db));
    expect((await single.db.executeQuery(all)).rows).toEqual([{ a: 1 }, { a: 2 }]);
    await sql`alter table prepared_probe add column b text not null default 'x'`.execute(single.db);
    if (single.kind === 'postgresql') {
      // Inside a transaction the statement fails with PostgreSQL's own error and the transaction with it.
      await expect(single.db.transaction().execute((trx) => trx.executeQuery(all))).rejects.toThrow(/cached plan must not change result type/);
    }
    expect((await single.db.executeQuery(all)).rows).toEqual([{ a: 1, b: 'x' }, { a: 2, b: 'x' }]);
    expect((await single.db.executeQuery(all)).rows).toEqual([{ a: 1, b: 'x' }, { a: 2, b: 'x' }]);
    const names = (await preparedHere(db)).filter((n) => n.startsWith('probe_all_'));
    expect(names).toEqual(single.kind === 'postgresql' ? [statementName(all.sql), `${statementName(all.sql)}_1`] : []);
  });
});
