import type { Selectable } from 'kysely';
import { can, requireActor, type Actor } from '../../platform/access/policy.js';
export { agencyOf, worksAt } from '../../platform/access/agency.js';
import { worksAt } from '../../platform/access/agency.js';
import type { Db, Tx } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { OrgService } from '../org/org.service.js';
import type { ObjectiveMeasure, QmsSystemsTable } from './quality.tables.js';
import type { Figure, IsoDay, Period } from './rules/objectives.js';
import type { ProcedureSignals } from './rules/nonconformity-proposals.js';
import type { ProcedureLike } from './rules/process-documents.js';

export type { IsoDay, Period } from './rules/objectives.js';
export type SystemRow = Selectable<QmsSystemsTable>;
export type IsWorkingDay = (day: IsoDay) => boolean;

/** A catalogue version as the quality module reads it (modules/catalog decides what is in force). */
export type CatalogVersion = { versionId: number; code: string; name: string; versionNo: number; effectiveFrom: IsoDay | null; content: ProcedureLike };

/**
 * What the quality module reads from other modules, wired in `quality.wiring.ts` from their services
 * (never their tables). Every figure is over the agency's whole subtree and a period of Vietnamese days.
 */
export type QualityFeeds = {
  /** An objective's numerator and denominator from live data (rules/objectives.ts defines each measure). */
  measure(measure: Exclude<ObjectiveMeasure, 'manual'>, agencyUnitId: number, period: Period): Promise<Figure>;
  /** Per procedure handled in the agency's subtree: the signals the proposals read, with the dossier codes behind each count. */
  procedureSignals(agencyUnitId: number, period: Period): Promise<ProcedureSignals[]>;
  catalog: {
    /** The version of a procedure in force on a day, or null (abolished, or not yet published). */
    inForce(code: string, day: IsoDay): Promise<CatalogVersion | null>;
    versionById(id: number): Promise<CatalogVersion | null>;
  };
  /** A management review's decisions registered as the tasks of a steering document (modules/directives). */
  directives?: {
    registerDecisions(ctx: RequestContext, input: {
      ownerUnitId: number; number: string; issuer: string; signer: string | null; signedOn: IsoDay; subject: string;
      tasks: { title: string; leadUnitId: number; dueOn: IsoDay }[];
    }): Promise<{ documentId: number }>;
    tasksOf(ctx: RequestContext, documentId: number): Promise<{ id: number; title: string; status: string; dueOn: IsoDay | null; leadUnitName: string | null }[]>;
  };
};

/** What every part of the quality service needs; wired in src/app.ts. */
export type QualityDeps = {
  db: Db;
  org: Pick<OrgService, 'allUnits' | 'subtrees' | 'staffNames' | 'staffNamesByIds'>;
  now: () => Date;
  workingDays: () => Promise<IsWorkingDay>;
  feeds: QualityFeeds;
};

export const actorOf = (ctx: RequestContext): Actor => requireActor(ctx.actor);

/** The Vietnamese calendar day of an instant (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). */
export const vnDay = (at: Date): IsoDay => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
export const todayOf = (deps: Pick<QualityDeps, 'now'>): IsoDay => vnDay(deps.now());

/** A field-level 400 in both languages, the shape every validation error has. */
export const invalid = (path: string, vi: string, en: string) => errors.validation([{ path, message: vi, messageEn: en }]);

/** Refused because the record moved on since the caller read it. */
export const staleVersion = () => errors.conflict('VERSION_CONFLICT', 'Bản ghi đã được người khác cập nhật. Hãy tải lại trang rồi thao tác lại.', 'The record was changed by someone else; reload and try again.');

export const systemNotFound = () => errors.notFound('hệ thống quản lý chất lượng', 'quality management system');
export const recordNotFound = (vi: string, en: string) => errors.notFound(vi, en);

/** What the caller may do with one QMS (RULES.md "Who does what"). */
export type SystemAccess = { read: boolean; manage: boolean; approve: boolean; isoSecretary: boolean };

type UnitTree = readonly { id: number; parentId: number | null }[];

/** The caller's access to one QMS, given the org tree and the agencies that have a QMS (for lists: read them once). */
export function accessFrom(actor: Actor, system: Pick<SystemRow, 'agency_unit_id' | 'iso_secretary_staff_id'>, units: UnitTree, agencies: ReadonlySet<number>): SystemAccess {
  const isoSecretary = system.iso_secretary_staff_id === actor.staffId;
  const approve = can(actor, 'qms.approve', system.agency_unit_id);
  const manage = approve || isoSecretary || worksAt(actor, 'qms.manage', system.agency_unit_id, units, agencies);
  const read = manage || worksAt(actor, 'qms.read', system.agency_unit_id, units, agencies);
  return { read, manage, approve, isoSecretary };
}

/** The org tree and the agencies with a QMS, which `accessFrom` decides on. */
export async function accessBasis(deps: QualityDeps): Promise<{ units: UnitTree; agencies: ReadonlySet<number> }> {
  const units = await deps.org.allUnits();
  const agencies = new Set((await deps.db.selectFrom('qms_systems').select('agency_unit_id').execute()).map((r) => r.agency_unit_id));
  return { units, agencies };
}

/** Loaded before any transaction (the embedded database has one connection). */
export async function accessTo(deps: QualityDeps, actor: Actor, system: Pick<SystemRow, 'agency_unit_id' | 'iso_secretary_staff_id'>): Promise<SystemAccess> {
  const { units, agencies } = await accessBasis(deps);
  return accessFrom(actor, system, units, agencies);
}

/**
 * A QMS and the caller's access to it: 404 when the caller may not read it (its existence is not
 * revealed), 403 when `need` is missing.
 */
export async function loadSystem(deps: QualityDeps, ctx: RequestContext, qmsId: number, need: keyof SystemAccess = 'read'): Promise<{ system: SystemRow; access: SystemAccess; actor: Actor }> {
  const actor = actorOf(ctx);
  const system = await deps.db.selectFrom('qms_systems').selectAll().where('id', '=', qmsId).executeTakeFirst();
  if (!system) throw systemNotFound();
  const access = await accessTo(deps, actor, system);
  if (!access.read) throw systemNotFound();
  if (!access[need]) throw errors.forbidden();
  return { system, access, actor };
}

/** One row of a record's history, in the same transaction as the change (qms_events is append-only). */
export async function addEvent(trx: Tx, ctx: RequestContext, at: Date, e: { qmsId: number; record: string; entityId: number; action: string; details?: Record<string, unknown> }): Promise<void> {
  const actor = ctx.actor;
  await trx.insertInto('qms_events').values({
    qms_id: e.qmsId, entity: e.record, entity_id: e.entityId, at, action: e.action,
    actor_staff_id: actor?.staffId ?? null, actor_name: actor?.fullName ?? 'Hệ thống', details: JSON.stringify(e.details ?? {}),
  }).execute();
}

export async function eventsOf(db: Db, entity: string, entityId: number) {
  const rows = await db.selectFrom('qms_events').selectAll().where('entity', '=', entity).where('entity_id', '=', entityId).orderBy('id').execute();
  return rows.map((r) => ({ at: r.at.toISOString(), action: r.action, actorName: r.actor_name, details: r.details }));
}
