/**
 * Where an official belongs, as a badge or the public page must say it. A section's name alone does
 * not tell a citizen who served them: every commune has its "Phòng Văn hóa - Xã hội". The agency is the
 * nearest body above the unit that acts in its own name (a department, a People's Committee — a
 * commune or the province acts through its People's Committee), and the province is the root of the
 * tree. Pure, over the unit list, so nothing about one province is written in code.
 */
import { abbreviateManagingBody } from '../../platform/documents/official-style.js';

export type AffiliationUnit = { id: number; parentId: number | null; name: string; kind: string };

export type Affiliation = {
  /** The staff member's own unit, e.g. "Phòng Văn hóa - Xã hội". */
  unitName: string;
  /** The agency it belongs to, e.g. "UBND phường Tân Phong"; null when the unit is that agency. */
  agencyName: string | null;
  /** The root unit, e.g. "Tỉnh Lai Châu"; null when the unit is the root. */
  provinceName: string | null;
};

/** Units that sign and act in their own name. */
const AGENCY_KINDS = new Set(['department', 'people_committee', 'vertical_agency']);
/** Territories act through their People's Committee. */
const TERRITORY_KINDS = new Set(['province', 'commune']);

export function staffAffiliation(units: readonly AffiliationUnit[], unitId: number): Affiliation {
  const byId = new Map(units.map((u) => [u.id, u]));
  const own = byId.get(unitId);
  if (!own) return { unitName: '', agencyName: null, provinceName: null };

  const chain: AffiliationUnit[] = [];
  const seen = new Set<number>();
  for (let u: AffiliationUnit | undefined = own; u && !seen.has(u.id); u = u.parentId === null ? undefined : byId.get(u.parentId)) {
    seen.add(u.id);
    chain.push(u);
  }
  const root = chain.at(-1)!;

  let agency: AffiliationUnit | undefined;
  for (const u of chain) {
    if (AGENCY_KINDS.has(u.kind)) {
      agency = u;
      break;
    }
    if (TERRITORY_KINDS.has(u.kind)) {
      agency = units.find((c) => c.parentId === u.id && c.kind === 'people_committee') ?? u;
      break;
    }
  }

  const agencyName = agency && agency.id !== own.id ? abbreviateManagingBody(agency.name) : null;
  return { unitName: own.name, agencyName, provinceName: root.id === own.id ? null : root.name };
}
