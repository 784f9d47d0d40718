/**
 * Every demo account can do its job with the demo catalogue as shipped: for each account with a
 * working role, some published procedure received at some desk routes a step to a unit within the
 * account's grant, with the account's role — resolved by the same rules as live intake. (Issue 9:
 * `chuyenvien.stp` sat in a section no procedure routed to, and saw no dossier at all.)
 */
import { describe, expect, it } from 'vitest';
import { demoAccounts, demoProcedures, demoUnits } from './import/generator/demo-data.js';
import { createPlanner } from './import/generator/planner.js';
import { workFor, WORKING_ROLES } from './import/generator/queue-work.js';
import { competentUnit, planIntake, resolveRoute, type UnitRef } from './rules/plan.js';

const DAY = '2026-03-02';
const units = demoUnits();
const refs: UnitRef[] = units.map((u, i) => ({ id: i + 1, parentId: null, code: u.code, name: u.name, kind: u.kind, function: u.function ?? null }));
const idOf = new Map(refs.map((r) => [r.code!, r.id]));
units.forEach((u, i) => { refs[i]!.parentId = u.parentCode ? idOf.get(u.parentCode)! : null; });
const parentOf = new Map(refs.map((r) => [r.id, r.parentId]));
const within = (unitId: number, rootId: number): boolean => {
  for (let u: number | null | undefined = unitId; u; u = parentOf.get(u)) if (u === rootId) return true;
  return false;
};
const desks = refs.filter((r) => r.kind === 'service_centre');
const procedures = demoProcedures(DAY);

/** "code: step name at unit" for every step of the catalogue the grant covers with that role. */
function stepsFor(role: string, grantCode: string): string[] {
  const grant = idOf.get(grantCode)!;
  const found: string[] = [];
  for (const p of procedures) {
    for (const desk of desks) {
      for (const caseCode of [undefined, ...p.cases.map((c) => c.code)]) {
        for (const channel of p.channels.map((c) => c.kind)) {
          const plan = planIntake(p, caseCode, channel);
          if ('vi' in plan) continue;
          const competent = competentUnit(p, refs, desk.id);
          if ('vi' in competent) continue;
          const route = resolveRoute(plan.steps, refs, desk.id, competent.id);
          if ('vi' in route) continue;
          for (const s of route) if (s.role === role && s.unitId && within(s.unitId, grant)) found.push(`${p.code}: ${s.name} (${s.unitName})`);
        }
      }
    }
  }
  return found;
}

describe('demo accounts against the demo catalogue', () => {
  const accounts = demoAccounts();
  const working = accounts.filter((a) => a.worksDossiers && a.roles.some(([r]) => (WORKING_ROLES as readonly string[]).includes(r)));

  it('places every account inside the units it is granted roles at', () => {
    for (const a of accounts) {
      expect(idOf.has(a.unitCode), `${a.username} sits at ${a.unitCode}`).toBe(true);
      for (const [, code] of a.roles) expect(within(idOf.get(a.unitCode)!, idOf.get(code)!), `${a.username}: ${code}`).toBe(true);
    }
    // Province-wide accounts (administrator, auditor) and one of each working role.
    expect(accounts.length - working.length).toBeGreaterThan(0);
    for (const role of WORKING_ROLES) expect(working.some((a) => a.roles.some(([r]) => r === role)), role).toBe(true);
  });

  it.each(working.map((a) => [a.username, a] as const))('%s has a step of some published procedure routed within its reach, with its role', (_name, account) => {
    for (const [role, code] of account.roles) {
      if (!(WORKING_ROLES as readonly string[]).includes(role)) continue;
      expect(stepsFor(role, code), `${account.username}: ${role} at ${code}`).not.toEqual([]);
    }
    // The demo seed lays its recent work on the same steps.
    expect(workFor(account, procedures, createPlanner(units)).length).toBeGreaterThan(0);
  });
});
