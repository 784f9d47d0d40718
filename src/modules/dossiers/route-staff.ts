import { z } from 'zod';
import { dbPositiveInt } from '../../platform/http/bounds.js';
import { requireActor } from '../../platform/access/policy.js';
import type { Db } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { OrgService } from '../org/org.service.js';
import { canActOn, canRead, dossierNotFound } from './dossier-access.js';
import * as repo from './dossiers.repository.js';
import { reduce } from './rules/reducer.js';

export const routeStaffQuery = z.strictObject({
  step: dbPositiveInt().optional(),
});

/** Only what a hand-over needs: who, and in what position. No contact data, no account. */
export const routeStaffView = z.object({
  code: z.string(),
  steps: z.array(z.object({
    step: z.number(),
    name: z.string(),
    unitId: z.number().nullable(),
    unitName: z.string(),
    external: z.boolean(),
    staff: z.array(z.object({ id: z.number(), fullName: z.string(), position: z.string().nullable(), unitName: z.string() })),
  })),
});
export type RouteStaffView = z.infer<typeof routeStaffView>;

export type RouteStaffDeps = { db: Db; org: Pick<OrgService, 'subtrees' | 'staffNames'> };

/**
 * The people who may receive each step of a dossier's route, so whoever moves the dossier on can
 * name the receiving officer in another agency or leave it to that unit's queue. The org module's
 * staff directory stays closed to the desk (its units are out of their reach); this opens only the
 * units on this dossier's route, only names and positions, and only to someone who can act on it.
 * A dossier the caller cannot see answers 404, as everywhere.
 */
export async function routeStaff(deps: RouteStaffDeps, ctx: RequestContext, code: string, step?: number): Promise<RouteStaffView> {
  const actor = requireActor(ctx.actor);
  const row = await repo.findByCode(deps.db, code);
  if (!row || !canRead(actor, row)) throw dossierNotFound();
  const state = reduce(await repo.loadEvents(deps.db, row.id));
  if (!canActOn(actor, row, state)) throw errors.forbidden();
  const route = step === undefined ? state.route : state.route.filter((r) => r.order === step);
  if (step !== undefined && route.length === 0) {
    throw errors.validation([{ path: 'step', message: `Bước ${step} không có trong quy trình của hồ sơ.`, messageEn: `Step ${step} is not on the dossier's route.` }]);
  }
  // A step's unit covers its sub-units, as the hand-over itself accepts (dossiers/actions.ts).
  const roots = [...new Set(route.flatMap((r) => (r.unitId !== null && !r.external ? [r.unitId] : [])))];
  const trees = await deps.org.subtrees(roots);
  const names = await deps.org.staffNames([...new Set([...trees.values()].flat())]);
  return {
    code: row.code,
    steps: route.map((r) => {
      const units = r.unitId !== null && !r.external ? trees.get(r.unitId) ?? [r.unitId] : [];
      const staff = names.filter((s) => units.includes(s.unitId))
        // The step's own unit first, then its sub-units; by name within each.
        .sort((a, b) => Number(a.unitId !== r.unitId) - Number(b.unitId !== r.unitId) || a.unitName.localeCompare(b.unitName, 'vi'));
      return {
        step: r.order, name: r.name, unitId: r.unitId, unitName: r.unitName, external: r.external,
        staff: staff.map((s) => ({ id: s.id, fullName: s.fullName, position: s.position, unitName: s.unitName })),
      };
    }),
  };
}
