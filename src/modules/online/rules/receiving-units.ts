import type { ProcedureContent } from '../../catalog/schema.js';
import type { UnitRef } from '../../dossiers/rules/plan.js';

/**
 * Where an online filing may be sent: a one-stop desk (function `one_stop`). A commune procedure
 * (no implementing agency named) goes to the desk of the citizen's chosen commune or ward; a
 * provincial or vertical one to a one-stop desk outside every commune (the provincial centre).
 * The desk that receives it is the one whose queue shows it as "Mới đăng ký".
 */
export function receivingUnits(p: ProcedureContent, units: UnitRef[]): { id: number; name: string; communeName: string | null }[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const communeOf = (u: UnitRef): UnitRef | undefined => {
    for (let x: UnitRef | undefined = u; x; x = x.parentId ? byId.get(x.parentId) : undefined) if (x.kind === 'commune') return x;
    return undefined;
  };
  const communeLevel = !p.implementingAgency.code && p.levels.includes('commune');
  return units
    .filter((u) => u.function === 'one_stop' && u.code)
    .map((u) => ({ u, commune: communeOf(u) }))
    .filter(({ commune }) => (communeLevel ? !!commune : !commune))
    .map(({ u, commune }) => ({ id: u.id, name: u.name, communeName: commune?.name ?? null }))
    .sort((a, b) => (a.communeName ?? a.name).localeCompare(b.communeName ?? b.name, 'vi'));
}
