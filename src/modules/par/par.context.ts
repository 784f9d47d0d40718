import type { RequestContext } from '../../platform/http/context.js';
import { can, requireActor, type Actor } from '../../platform/access/policy.js';
import { errors } from '../../platform/http/app-error.js';
import type { Db } from '../../platform/db/transaction.js';
import type { OrgService } from '../org/org.service.js';
import type { IsWorkingDay } from '../directives/rules/deadlines.js';

/**
 * A figure another module holds that a computed leaf turns into points (rules/scoring.ts
 * `scoreComputed`): the value (a share 0–1 for ratios, a count or % for tiers) with the inputs the sheet
 * shows ("45/50 hồ sơ đúng hạn"), or null when the module has no figure for the unit and year.
 */
export type ComputedFigure = { value: number | null; inputs?: string };
export interface ComputedFeeds {
  figure(source: string, unitId: number, year: number): Promise<ComputedFigure | null>;
}

/** What every part of the PAR service needs; wired in src/app.ts. */
export type ParDeps = {
  db: Db;
  org: Pick<OrgService, 'allUnits' | 'staffNames' | 'staffNamesByIds' | 'subtrees'>;
  now: () => Date;
  /** The province calendar's working days (modules/calendar), read afresh for each request. */
  workingDays: () => Promise<IsWorkingDay>;
  files: { has(key: string): Promise<boolean>; get(key: string): Promise<Buffer | undefined> };
  feeds: ComputedFeeds;
  /** Keyed hash of survey invitation codes (only the hash is stored). */
  codeHash: (code: string) => string;
  /** A document of an agency's register (modules/registry) as the caller may read it, or null: evidence may cite it. */
  registry?: { readable(ctx: RequestContext, id: number): Promise<{ id: number; symbol: string | null; subject: string } | null> };
};

export function actorOf(ctx: { actor: Actor | null }): Actor {
  return requireActor(ctx.actor);
}

/** The round a request names, or 404. */
export async function roundOr404(db: Db, id: number) {
  const round = await db.selectFrom('par_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!round) throw errors.notFound('đợt đánh giá', 'assessment round');
  return round;
}

/** Runs the round (sets, stages, council, survey, publication): `par.manage` at the organising unit. */
export function isManager(actor: Actor | null, organiserUnitId: number): boolean {
  return can(actor, 'par.manage', organiserUnitId);
}

export function requireManager(actor: Actor | null, organiserUnitId: number): Actor {
  const a = requireActor(actor);
  if (!isManager(a, organiserUnitId)) throw errors.forbidden();
  return a;
}
