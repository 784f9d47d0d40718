import type { Db, Tx } from '../db/transaction.js';
import type { Role } from './policy.js';

/**
 * A staff member's role grants, read and replaced as a whole by the module that edits them (personnel:
 * issue 17 item 4) inside its own transaction, next to its audit event. The access revision moves on by
 * trigger (migration 0025), so the next request of that person already has the new rights.
 */
export type GrantRow = { role: Role; unitId: number };

export async function grantsOf(db: Db | Tx, staffId: number): Promise<GrantRow[]> {
  const rows = await db.selectFrom('access_grants').select(['role', 'unit_id']).where('staff_id', '=', staffId).orderBy('id').execute();
  return rows.map((r) => ({ role: r.role as Role, unitId: r.unit_id }));
}

export async function replaceGrants(trx: Tx, staffId: number, grants: readonly GrantRow[]): Promise<{ before: GrantRow[]; after: GrantRow[] }> {
  const before = await grantsOf(trx, staffId);
  await trx.deleteFrom('access_grants').where('staff_id', '=', staffId).execute();
  const unique = [...new Map(grants.map((g) => [`${g.role}:${g.unitId}`, g])).values()];
  if (unique.length) await trx.insertInto('access_grants').values(unique.map((g) => ({ staff_id: staffId, role: g.role, unit_id: g.unitId }))).execute();
  return { before, after: await grantsOf(trx, staffId) };
}
