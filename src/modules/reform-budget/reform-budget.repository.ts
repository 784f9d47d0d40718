import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, Tx } from '../../platform/db/transaction.js';
import type { ReformBudgetChangesTable, ReformBudgetLinesTable } from './reform-budget.tables.js';

/** SQL of the reform budget (migration 0041); the service decides who may run what. */
export type LineRow = Selectable<ReformBudgetLinesTable>;
export type ChangeRow = Selectable<ReformBudgetChangesTable>;

export const findLine = (db: Db, id: number) => db.selectFrom('reform_budget_lines').selectAll().where('id', '=', id).executeTakeFirst();

export const linesOf = (db: Db, unitIds: readonly number[], year: number) => (unitIds.length === 0 ? Promise.resolve([] as LineRow[])
  : db.selectFrom('reform_budget_lines').selectAll().where('unit_id', 'in', [...unitIds]).where('year', '=', year)
    .orderBy('unit_id').orderBy('activity_kind').orderBy('id').execute());

export const changesOf = (db: Db, lineId: number) => db.selectFrom('reform_budget_changes').selectAll().where('line_id', '=', lineId).orderBy('id').execute();

export async function insertLine(trx: Tx, values: Insertable<ReformBudgetLinesTable>): Promise<number> {
  return (await trx.insertInto('reform_budget_lines').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** The update only when the row is still at the version the caller read; false otherwise. */
export async function updateLine(trx: Tx, id: number, version: number, values: Updateable<ReformBudgetLinesTable>, at: Date): Promise<boolean> {
  const res = await trx.updateTable('reform_budget_lines').set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertChange(trx: Tx, c: { lineId: number; at: Date; actorStaffId: number; actorName: string; changes: Record<string, [unknown, unknown]>; reason: string | null }): Promise<void> {
  await trx.insertInto('reform_budget_changes').values({
    line_id: c.lineId, at: c.at, actor_staff_id: c.actorStaffId, actor_name: c.actorName, changes: JSON.stringify(c.changes), reason: c.reason,
  }).execute();
}
