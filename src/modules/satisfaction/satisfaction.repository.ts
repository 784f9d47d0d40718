import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/transaction.js';
import type { GroupBy, RatingLevel } from './schema.js';
import type { DossierRatingsTable, RatingCodesTable } from './satisfaction.tables.js';

export type RatingRow = Selectable<DossierRatingsTable>;
export type CodeRow = Selectable<RatingCodesTable>;

export function ratingOf(db: Db, dossierCode: string): Promise<RatingRow | undefined> {
  return db.selectFrom('dossier_ratings').selectAll().where('dossier_code', '=', dossierCode).executeTakeFirst();
}

export async function ratedAmong(db: Db, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db.selectFrom('dossier_ratings').select('dossier_code').where('dossier_code', 'in', codes).execute();
  return new Set(rows.map((r) => r.dossier_code));
}

export function liveCode(db: Db, dossierCode: string): Promise<CodeRow | undefined> {
  return db.selectFrom('rating_codes').selectAll().where('dossier_code', '=', dossierCode).where('used_at', 'is', null).where('revoked_at', 'is', null).executeTakeFirst();
}

/** The code row a keyed hash finds (under the current key or an older one, during a key rotation). */
export function findByIndex(db: Db, indexes: string[]): Promise<CodeRow | undefined> {
  return db.selectFrom('rating_codes').selectAll().where('code_index', 'in', indexes.length ? indexes : ['']).executeTakeFirst();
}

export type Bucket = { key: string; name: string | null; level: RatingLevel; n: number };

/** Counts per group and level over a period (rated_at in [from, to)), limited to ratings of the given receiving units (undefined: all). */
export async function countBy(db: Db, q: { from: Date; to: Date; unitIds?: number[]; groupBy: GroupBy }): Promise<Bucket[]> {
  const key = q.groupBy === 'unit' ? sql<string>`unit_id::text` : q.groupBy === 'official' ? sql<string>`coalesce(official_staff_id::text, '')` : sql<string>`procedure_code`;
  const name = q.groupBy === 'official' ? sql<string | null>`max(official_name)` : q.groupBy === 'procedure' ? sql<string | null>`max(procedure_name)` : sql<string | null>`null`;
  let query = db.selectFrom('dossier_ratings')
    .select([key.as('key'), name.as('name'), 'level', (eb) => eb.fn.countAll<string>().as('n')])
    .where('rated_at', '>=', q.from).where('rated_at', '<', q.to);
  if (q.unitIds) query = query.where('unit_id', 'in', q.unitIds.length ? q.unitIds : [-1]);
  const rows = await query.groupBy([key, 'level']).execute();
  return rows.map((r) => ({ key: r.key, name: r.name, level: r.level, n: Number(r.n) }));
}

/** Every rating given in [from, to): the dossier and the level (for the statistics module). */
export async function ratingsIn(db: Db, from: Date, to: Date): Promise<{ dossierCode: string; level: RatingLevel }[]> {
  const rows = await db.selectFrom('dossier_ratings').select(['dossier_code', 'level']).where('rated_at', '>=', from).where('rated_at', '<', to).execute();
  return rows.map((r) => ({ dossierCode: r.dossier_code, level: r.level }));
}
