import { sql } from 'kysely';
import type { Db } from '../../platform/db/transaction.js';
import type { PositionView, StaffView, UnitView } from './schema.js';

/** SQL of the org module; the service decides who may call what. */
const unitColumns = ['id', 'parent_id', 'code', 'name', 'short_name', 'kind', 'function', 'phone', 'version'] as const;

export async function listUnits(db: Db, ids?: number[]): Promise<UnitView[]> {
  if (ids && ids.length === 0) return [];
  let q = db.selectFrom('org_units').select([...unitColumns,
    sql<string | null>`to_char(effective_from, 'YYYY-MM-DD')`.as('effective_from_text'),
    sql<string | null>`to_char(effective_to, 'YYYY-MM-DD')`.as('effective_to_text')]);
  if (ids) q = q.where('id', 'in', ids);
  const rows = await q.orderBy('code').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, parentId: r.parent_id, code: r.code, name: r.name, shortName: r.short_name, kind: r.kind, function: r.function,
    effectiveFrom: r.effective_from_text, effectiveTo: r.effective_to_text, version: r.version, phone: r.phone,
  }));
}

export async function findUnit(db: Db, id: number): Promise<UnitView | undefined> {
  return (await listUnits(db, [id]))[0];
}

export async function findUnitByCode(db: Db, code: string): Promise<UnitView | undefined> {
  const row = await db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirst();
  return row ? findUnit(db, row.id) : undefined;
}

/** Each requested unit with all its descendants, by one recursive query. */
export async function subtrees(db: Db, rootIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (rootIds.length === 0) return out;
  const rows = await sql<{ root: number; id: number }>`
    with recursive tree(root, id) as (
      select id, id from org_units where id = any(${rootIds}::int[])
      union all
      select tree.root, u.id from org_units u join tree on u.parent_id = tree.id
    ) select root, id from tree`.execute(db);
  for (const r of rows.rows) {
    const list = out.get(r.root) ?? [];
    list.push(r.id);
    out.set(r.root, list);
  }
  return out;
}

/** Ancestors of a unit, nearest first (used to refuse cycles when a unit is moved). */
export async function ancestorIds(db: Db, id: number): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from org_units where id = ${id}
      union all
      select u.id, u.parent_id, up.depth + 1 from org_units u join up on u.id = up.parent_id where up.depth < 100
    ) select id from up where id <> ${id} order by depth`.execute(db);
  return rows.rows.map((r) => r.id);
}

export type StaffFilter = { unitIds: number[]; q?: string; ids?: number[]; page: number; pageSize: number };

function staffSelect(db: Db) {
  return db.selectFrom('org_staff as s')
    .innerJoin('org_units as u', 'u.id', 's.unit_id')
    .leftJoin('auth_accounts as a', 'a.staff_id', 's.id')
    .select(['s.id', 's.public_id', 's.full_name', 's.position', 's.unit_id', 'u.name as unit_name', 's.job_position_id', 's.badge_number',
      's.phone', 's.email', 's.photo_key', 's.active', 's.version', 'a.username',
      sql<string | null>`to_char(s.seconded_from, 'YYYY-MM-DD')`.as('seconded_from_text'),
      sql<string | null>`to_char(s.seconded_to, 'YYYY-MM-DD')`.as('seconded_to_text')]);
}

type StaffRow = Awaited<ReturnType<ReturnType<typeof staffSelect>['execute']>>[number];

export function toStaffView(r: StaffRow): StaffView {
  return {
    id: r.id, publicId: r.public_id, fullName: r.full_name, position: r.position, unitId: r.unit_id, unitName: r.unit_name,
    jobPositionId: r.job_position_id, badgeNumber: r.badge_number, phone: r.phone, email: r.email, active: r.active,
    secondedFrom: r.seconded_from_text, secondedTo: r.seconded_to_text, version: r.version,
    photoUrl: r.photo_key ? `/api/v1/public/staff/${r.public_id}/photo` : null, username: r.username ?? null,
  };
}

export async function searchStaff(db: Db, f: StaffFilter): Promise<{ items: StaffView[]; total: number }> {
  if (f.unitIds.length === 0) return { items: [], total: 0 };
  let q = staffSelect(db).where('s.unit_id', 'in', f.unitIds);
  if (f.ids) q = q.where('s.id', 'in', f.ids.length ? f.ids : [-1]);
  if (f.q) {
    const term = `%${f.q}%`;
    q = q.where((eb) => eb.or([
      eb(sql`f_unaccent(lower(s.full_name))`, 'like', sql`f_unaccent(lower(${term}))`),
      eb('s.badge_number', 'ilike', term),
      eb(sql`lower(a.username::text)`, 'like', sql`lower(${term})`),
    ]));
  }
  const [rows, count] = await Promise.all([
    q.orderBy('s.full_name').orderBy('s.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toStaffView), total: Number(count.n) };
}

/** A name card of a staff member: no contact data, no account, nothing beyond what a hand-over shows. */
export type StaffName = { id: number; fullName: string; position: string | null; unitId: number; unitName: string };

/** Active staff of the given units by name; selects nothing else, so nothing else can leak. */
export async function listStaffNames(db: Db, unitIds: number[]): Promise<StaffName[]> {
  if (unitIds.length === 0) return [];
  const rows = await db.selectFrom('org_staff as s').innerJoin('org_units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.full_name', 's.position', 's.unit_id', 'u.name as unit_name'])
    .where('s.unit_id', 'in', unitIds).where('s.active', '=', true)
    .orderBy('s.full_name').orderBy('s.id').execute();
  return rows.map((r) => ({ id: r.id, fullName: r.full_name, position: r.position, unitId: r.unit_id, unitName: r.unit_name }));
}

/** Names of staff by id, whether still active or not (a past assignee keeps their name in a history). */
export async function staffNamesByIds(db: Db, ids: number[]): Promise<StaffName[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('org_staff as s').innerJoin('org_units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.full_name', 's.position', 's.unit_id', 'u.name as unit_name'])
    .where('s.id', 'in', ids).execute();
  return rows.map((r) => ({ id: r.id, fullName: r.full_name, position: r.position, unitId: r.unit_id, unitName: r.unit_name }));
}

export async function findStaff(db: Db, id: number): Promise<StaffView | undefined> {
  const row = await staffSelect(db).where('s.id', '=', id).executeTakeFirst();
  return row ? toStaffView(row) : undefined;
}

export async function findStaffByPublicId(db: Db, publicId: string): Promise<(StaffView & { photoKey: string | null }) | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(publicId)) return undefined;
  const row = await staffSelect(db).where('s.public_id', '=', publicId).executeTakeFirst();
  return row ? { ...toStaffView(row), photoKey: row.photo_key } : undefined;
}

export async function listPositions(db: Db, unitIds: number[]): Promise<PositionView[]> {
  if (unitIds.length === 0) return [];
  const rows = await db.selectFrom('org_positions as p')
    .select(['p.id', 'p.unit_id', 'p.code', 'p.name', 'p.grade', 'p.quota', 'p.version',
      (eb) => eb.selectFrom('org_staff as s').select((e) => e.fn.countAll<string>().as('n')).whereRef('s.job_position_id', '=', 'p.id').where('s.active', '=', true).as('filled')])
    .where('p.unit_id', 'in', unitIds).orderBy('p.unit_id').orderBy('p.code').execute();
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, code: r.code, name: r.name, grade: r.grade, quota: r.quota, filled: Number(r.filled ?? 0), version: r.version }));
}
