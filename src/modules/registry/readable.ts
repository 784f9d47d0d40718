import type { Actor } from '../../platform/access/policy.js';
import type { Db } from '../../platform/db/transaction.js';
import { documentNotFound, mayRead } from './registry.context.js';
import * as repo from './registry.repository.js';

/** A document the caller may read, with its handlers; 404 otherwise (existence is not disclosed). Every part reads through this. */
export async function loadReadable(db: Db, actor: Actor, id: number) {
  const row = await repo.findDocument(db, id);
  if (!row) throw documentNotFound();
  const parties = await repo.partiesOf(db, id);
  if (!mayRead(actor, row, parties)) throw documentNotFound();
  return { row, parties };
}
