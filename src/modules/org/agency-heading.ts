/**
 * Who issues a document for a unit, as the heading of Decree 30/2020 (Appendix I, II.2) names them:
 * the signing body and the body that manages it, and the place name of the place-and-date line. Pure
 * over the org tree, so slips and reports print the same heading.
 */
type UnitNode = { id: number; parentId: number | null; name: string; kind: string };

/** Units that are territories (the province, a commune) rather than bodies that sign documents. */
const TERRITORY_KINDS = new Set(['province', 'commune']);

export type SlipAgency = {
  /** Cơ quan chủ quản; null when the issuing unit is itself the top body (a People's Committee). */
  managingBody: string | null;
  /** Cơ quan, đơn vị ban hành. */
  name: string;
  /** Địa danh of the place-and-date line. */
  place: string;
};

/**
 * The body that signs for a unit: a territory unit (a commune, the province) signs through its
 * People's Committee; any other unit signs for itself.
 */
export function signingBody(units: UnitNode[], unit: UnitNode): UnitNode {
  if (!TERRITORY_KINDS.has(unit.kind)) return unit;
  return units.find((u) => u.parentId === unit.id && u.kind === 'people_committee') ?? unit;
}

/**
 * Heading of a slip issued by `unitId` (Decree 30/2020, Appendix I, II.2): the unit, and above it
 * the body that manages it — for a commune centre the commune's People's Committee, for a
 * department the provincial People's Committee. A People's Committee has no managing-body line.
 */
export function slipAgency(units: UnitNode[], unitId: number | null): SlipAgency {
  const byId = new Map(units.map((u) => [u.id, u]));
  const place = provincePlace(units);
  const found = unitId === null ? undefined : byId.get(unitId);
  if (!found) return { managingBody: null, name: '', place };
  const unit = signingBody(units, found);
  if (unit.kind === 'people_committee') return { managingBody: null, name: unit.name, place };
  const parent = unit.parentId === null ? undefined : byId.get(unit.parentId);
  const managing = parent ? signingBody(units, parent) : undefined;
  return { managingBody: managing && managing.id !== unit.id ? managing.name : null, name: unit.name, place };
}

/** "Lai Châu" from the root unit "Tỉnh Lai Châu": the place name of Decree 30's place-and-date line. */
export function provincePlace(units: UnitNode[]): string {
  const roots = units.filter((u) => u.parentId === null);
  const root = roots.find((u) => u.kind === 'province') ?? roots[0];
  return (root?.name ?? '').replace(/^\s*(tỉnh|thành phố)\s+/iu, '').trim();
}

