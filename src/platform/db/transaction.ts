import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../database.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

/** Runs `work` in one transaction: the change and its audit event commit together or not at all. */
export function inTransaction<T>(db: Db, work: (trx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Tx);
  return db.transaction().execute(work);
}
