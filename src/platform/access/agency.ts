import { can, reachable, type Actor, type Permission } from './policy.js';

type UnitTree = readonly { id: number; parentId: number | null }[];

/**
 * The agency a unit works within: the unit itself or its nearest ancestor in `agencies` (a module's own
 * idea of an agency — a records office, a quality system). A section's staff work inside their
 * department's; null when no ancestor is one.
 */
export function agencyOf(unitId: number, units: UnitTree, agencies: ReadonlySet<number>): number | null {
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  let at: number | null | undefined = unitId;
  for (let guard = 0; at != null && guard < 64; guard++) {
    if (agencies.has(at)) return at;
    at = parent.get(at);
  }
  return null;
}

/** Whether the caller holds `permission` at an agency: granted at the agency itself, or at a unit whose agency it is. */
export function worksAt(actor: Actor, permission: Permission, agencyId: number, units: UnitTree, agencies: ReadonlySet<number>): boolean {
  return can(actor, permission, agencyId) || reachable(actor, permission).some((u) => agencyOf(u, units, agencies) === agencyId);
}
