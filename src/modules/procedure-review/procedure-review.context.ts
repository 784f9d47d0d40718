import { requireActor, type Actor } from '../../platform/access/policy.js';
export { agencyOf, worksAt } from '../../platform/access/agency.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Db, Tx } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { ProcedureContent } from '../catalog/schema.js';
import type { OrgService } from '../org/org.service.js';
import type { PrEntity } from './procedure-review.tables.js';
import type { PrAction } from './procedure-review.audit.js';
import type { ProcedureFacts } from './rules/types.js';

/** Where the module's routes live (API.md). */
export const PR_PREFIX = '/api/v1/procedure-review';

export type IsoDay = string;
export type Period = { from: IsoDay; to: IsoDay };

/** A catalogue version as this module reads it (modules/catalog decides what is in force). */
export type CatalogVersion = { versionId: number; code: string; name: string; versionNo: number; effectiveFrom: IsoDay | null; fieldName: string; content: ProcedureContent };

/**
 * What the module reads from other modules, wired in `procedure-review.wiring.ts` from their services
 * (never their tables).
 */
export type ProcedureReviewFeeds = {
  catalog: {
    /** The version of a procedure in force on a day, or null. */
    inForce(code: string, day: IsoDay): Promise<CatalogVersion | null>;
    versionById(id: number): Promise<CatalogVersion | null>;
  };
  /**
   * Per procedure, the facts of the dossiers received in the period by the given units (dossiers module,
   * `procedure-facts.ts`). `versionIds` keeps only dossiers filed under those catalogue versions.
   */
  facts(input: { unitIds: number[]; period: Period; procedureCodes?: string[]; versionIds?: number[] }): Promise<ProcedureFacts[]>;
};

/** What every part needs; wired in src/app.ts. */
export type ProcedureReviewDeps = {
  db: Db;
  org: Pick<OrgService, 'allUnits' | 'subtrees' | 'staffNamesByIds'>;
  now: () => Date;
  feeds: ProcedureReviewFeeds;
};

export const actorOf = (ctx: RequestContext): Actor => requireActor(ctx.actor);

/** The Vietnamese calendar day of an instant (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). */
export const vnDay = (at: Date): IsoDay => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
export const todayOf = (deps: Pick<ProcedureReviewDeps, 'now'>): IsoDay => vnDay(deps.now());

/** The default period: the 365 days ending yesterday. */
export function defaultPeriod(deps: Pick<ProcedureReviewDeps, 'now'>): Period {
  const today = new Date(`${todayOf(deps)}T00:00:00Z`);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { from: day(new Date(today.getTime() - 365 * 86_400_000)), to: day(new Date(today.getTime() - 86_400_000)) };
}

/** A field-level 400 in both languages, the shape every validation error has. */
export const invalid = (path: string, vi: string, en: string) => errors.validation([{ path, message: vi, messageEn: en }]);

/** Refused because the record moved on since the caller read it. */
export const staleVersion = () => errors.conflict('VERSION_CONFLICT', 'Bản ghi đã được người khác cập nhật. Hãy tải lại trang rồi thao tác lại.', 'The record was changed by someone else; reload and try again.');

export const notFound = (vi: string, en: string) => errors.notFound(vi, en);

type UnitTree = readonly { id: number; parentId: number | null; kind: string }[];
/** Units that are agencies for reviews and plans: every unit but a section. */
export const agenciesOf = (units: UnitTree): Set<number> => new Set(units.filter((u) => u.kind !== 'section').map((u) => u.id));

/**
 * One row of the module's append-only history and its audit row, inside the caller's transaction
 * (the house rule: every state change with its audit event).
 */
export async function addEvent(trx: Tx, ctx: RequestContext, at: Date, e: { record: PrEntity; entityId: number; action: PrAction; note?: string | null; data?: Record<string, unknown>; unitId?: number | null }): Promise<void> {
  const actor = ctx.actor;
  await trx.insertInto('pr_events').values({
    entity: e.record, entity_id: e.entityId, at, actor_staff_id: actor?.staffId ?? null, actor_name: actor?.fullName ?? 'Hệ thống',
    action: e.action, note: e.note ?? null, data: JSON.stringify(e.data ?? {}),
  }).execute();
  // The action is one of PR_ACTIONS, every one labelled in procedure-review.audit.ts (a closed list).
  await recordAudit(trx, ctx, {
    action: `procedure_review.${e.action}`, entity: `procedure_review_${e.record}`, entityId: e.entityId, unitId: e.unitId ?? null, after: e.data ?? {},
    ...(e.note ? { note: e.note } : {}),
  });
}

/** A record's history as the pages show it. */
export async function eventsOf(db: Db, entity: PrEntity, entityId: number) {
  const rows = await db.selectFrom('pr_events').selectAll().where('entity', '=', entity).where('entity_id', '=', entityId).orderBy('id').execute();
  return rows.map((r) => ({ at: r.at.toISOString(), actorName: r.actor_name, action: r.action, note: r.note }));
}
