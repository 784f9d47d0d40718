import { can, reachable, type Actor } from '../../platform/access/policy.js';
import { errors } from '../../platform/http/app-error.js';
import type { UnitView } from '../org/schema.js';
import { agenciesOf, agencyOf, worksAt, type ProcedureReviewDeps } from './procedure-review.context.js';

/** What the caller may do at one agency (API.md "Who"): every part shares it. */
export type AgencyAccess = { read: boolean; manage: boolean; approve: boolean };

/** The org tree and its agencies (every unit but a section), read once per request before any transaction. */
export type OrgBasis = { units: readonly UnitView[]; agencies: ReadonlySet<number>; byId: ReadonlyMap<number, UnitView> };

export async function orgBasis(deps: Pick<ProcedureReviewDeps, 'org'>): Promise<OrgBasis> {
  const units = await deps.org.allUnits();
  return { units, agencies: agenciesOf(units), byId: new Map(units.map((u) => [u.id, u])) };
}

/**
 * Read and manage reach a section's staff at their agency (`worksAt`); approving is the head's, granted
 * at the agency itself.
 */
export function accessAt(actor: Actor, agencyId: number, basis: OrgBasis): AgencyAccess {
  const manage = worksAt(actor, 'review.manage', agencyId, basis.units, basis.agencies);
  const approve = can(actor, 'review.approve', agencyId);
  const read = manage || approve || worksAt(actor, 'review.read', agencyId, basis.units, basis.agencies);
  return { read, manage, approve };
}

/** 404 when the caller does not read the agency's records (their existence is not revealed), 403 when `need` is missing. */
export function requireAccess(access: AgencyAccess, need: keyof AgencyAccess, notFound: () => Error): void {
  if (!access.read) throw notFound();
  if (!access[need]) throw errors.forbidden();
}

/** A unit and every unit below it (the org tree in memory: no query). */
export function subtreeOf(unitId: number, units: readonly { id: number; parentId: number | null }[]): number[] {
  const children = new Map<number, number[]>();
  for (const u of units) if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const out: number[] = [];
  const stack = [unitId];
  while (stack.length > 0 && out.length < 100_000) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/**
 * The agencies the caller reads, in the org tree's order: the agency of every unit `review.read` reaches
 * (what `worksAt` asks one agency at a time, for all of them in one walk).
 */
export function readableAgencies(actor: Actor, basis: OrgBasis): number[] {
  const parent = new Map(basis.units.map((u) => [u.id, u.parentId]));
  const reached = new Set<number>();
  const memo = new Map<number, number | null>();
  const agencyOfUnit = (unitId: number): number | null => {
    const path: number[] = [];
    let at: number | null | undefined = unitId;
    let found: number | null = null;
    for (let guard = 0; at != null && guard < 64; guard++) {
      if (memo.has(at)) { found = memo.get(at)!; break; }
      path.push(at);
      if (basis.agencies.has(at)) { found = at; break; }
      at = parent.get(at);
    }
    for (const p of path) memo.set(p, found);
    return found;
  };
  for (const u of reachable(actor, 'review.read')) {
    const agency = agencyOfUnit(u);
    if (agency !== null) reached.add(agency);
  }
  for (const u of reachable(actor, 'review.approve')) if (basis.agencies.has(u)) reached.add(u);
  return basis.units.filter((u) => reached.has(u.id)).map((u) => u.id);
}

/**
 * The agencies a list covers: those the caller reads, within `unitId`'s tree (a section stands for its
 * agency); every readable agency without `unitId`. Null when `unitId` is unknown or nothing the caller reads.
 */
export function listScope(actor: Actor, basis: OrgBasis, unitId?: number): number[] | null {
  const readable = readableAgencies(actor, basis);
  if (unitId === undefined) return readable;
  if (!basis.byId.has(unitId)) return null;
  const within = new Set(subtreeOf(unitId, basis.units));
  const agency = agencyOf(unitId, basis.units, basis.agencies);
  if (agency !== null) within.add(agency);
  const agencies = readable.filter((a) => within.has(a));
  return agencies.length === 0 && !can(actor, 'review.read', unitId) ? null : agencies;
}
