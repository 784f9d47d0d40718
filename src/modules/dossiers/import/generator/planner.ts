import type { ChannelKind, ProcedureContent } from '../../../catalog/schema.js';
import type { RouteStep } from '../../rules/events.js';
import { competentUnit, planIntake, resolveRoute, type IntakePlan, type UnitRef } from '../../rules/plan.js';

export type GenUnit = { code: string; name: string; kind: string; parentCode?: string; function?: string };
export type Planned = { plan: IntakePlan; competent: UnitRef; route: RouteStep[] };
export type Planner = ReturnType<typeof createPlanner>;

/**
 * The org tree as the intake rules see it (numbered refs), the desks that receive, and each
 * procedure's plan and route from a given desk — resolved by the same rules as live intake
 * (`rules/plan.ts`) and cached, since a generator asks for the same few thousand times.
 */
export function createPlanner(units: GenUnit[], desks?: string[]) {
  const refs: UnitRef[] = units.map((u, i) => ({ id: i + 1, parentId: null, code: u.code, name: u.name, kind: u.kind, function: u.function ?? null }));
  const byCode = new Map(refs.map((r) => [r.code!, r]));
  units.forEach((u, i) => { refs[i]!.parentId = u.parentCode ? (byCode.get(u.parentCode)?.id ?? null) : null; });
  const byId = new Map(refs.map((r) => [r.id, r]));
  const communeOf = (u: UnitRef | undefined): UnitRef | undefined => (!u ? undefined : u.kind === 'commune' ? u : communeOf(u.parentId ? byId.get(u.parentId) : undefined));
  const centres = refs.filter((r) => r.kind === 'service_centre' && (!desks || desks.includes(r.code!)));
  const communeDesks = centres.filter((c) => communeOf(c));
  const provinceDesks = centres.filter((c) => !communeOf(c));
  const planned = new Map<string, Planned | null>();

  return {
    refs, byCode, byId, communeOf, communeDesks, provinceDesks,
    communes: refs.filter((r) => r.kind === 'commune'),
    codeOf: (id: number | null): string | null => (id ? byId.get(id)!.code! : null),
    /** The desks that receive a procedure: the communes' for a commune procedure, else the provincial centre(s). */
    desksFor: (p: ProcedureContent): UnitRef[] => (p.levels.includes('commune') ? communeDesks : provinceDesks),
    /** Whether `unitId` is `rootId` or below it (a role granted at a unit covers its subtree). */
    within(unitId: number, rootId: number): boolean {
      for (let u = byId.get(unitId); u; u = u.parentId ? byId.get(u.parentId) : undefined) if (u.id === rootId) return true;
      return false;
    },
    planFor(p: ProcedureContent, caseCode: string | undefined, channel: ChannelKind, desk: UnitRef): Planned | null {
      const key = `${p.code}|${caseCode}|${channel}|${desk.id}`;
      if (!planned.has(key)) {
        const plan = planIntake(p, caseCode, channel);
        const competent = 'vi' in plan ? undefined : competentUnit(p, refs, desk.id);
        const route = !competent || 'vi' in competent || 'vi' in plan ? undefined : resolveRoute(plan.steps, refs, desk.id, competent.id);
        planned.set(key, route && !('vi' in route) ? { plan: plan as IntakePlan, competent: competent as UnitRef, route } : null);
      }
      return planned.get(key)!;
    },
  };
}
