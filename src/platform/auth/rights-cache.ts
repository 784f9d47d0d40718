import type { Actor } from '../access/policy.js';

/**
 * A signed-in account's resolved rights (the `Actor`: staff, grants, the subtrees they reach), kept in
 * this process and valid only at the `access_revision` they were read at (migration 0025): the
 * revision moves on in the same transaction as any change to accounts, grants, staff or units, and
 * every request reads it with its session, so a cached entry is never used after such a change.
 * Bounded: the least recently stored entries go first. Actors are shared: nobody mutates them.
 */
export function createRightsCache(max = 5_000) {
  const entries = new Map<number, { revision: string; actor: Actor }>();
  return {
    async get(accountId: number, revision: string, load: () => Promise<Actor | undefined>): Promise<Actor | undefined> {
      const hit = entries.get(accountId);
      if (hit && hit.revision === revision) return hit.actor;
      // The revision was read before loading: a change committed meanwhile gives the next request a newer one.
      const actor = await load();
      entries.delete(accountId);
      if (actor) {
        entries.set(accountId, { revision, actor });
        if (entries.size > max) entries.delete(entries.keys().next().value!);
      }
      return actor;
    },
    get size(): number { return entries.size; },
  };
}
