import { can, requireActor, type Actor } from '../../platform/access/policy.js';
import type { Db, Tx } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { OrgService } from '../org/org.service.js';
import type { PersonRecord } from './record-fields.js';

/**
 * What the system itself knows of one person's year (issue 17 item 5): the figures the evaluation sheet
 * shows beside the self-assessment, each read from the module that holds it, null where that module has
 * nothing for the person.
 */
export type SystemFacts = {
  dossierSteps: { total: number; onTime: number } | null;
  directiveTasks: { total: number; done: number; onTime: number } | null;
  /** For heads: their unit's published PAR index that year. */
  par: { points: number; rank: number | null; of: number | null } | null;
};
export interface PersonnelFeeds {
  systemFacts(staffId: number, unitId: number, year: number, isHead: boolean): Promise<SystemFacts>;
  /** A discipline decision in force or a case under review on `day` (the inspection module), which blocks some movements. */
  disciplineOn(staffId: number, day: string): Promise<DisciplineStanding | null>;
}
export type DisciplineStanding = { kind: 'in_force'; caseId: number; form: string; formName: string; lapsesOn: string } | { kind: 'under_review'; caseId: number };

/** What every part of the personnel service needs; wired in src/app.ts. */
export type PersonnelDeps = {
  db: Db;
  org: Pick<OrgService, 'allUnits' | 'subtrees' | 'staffNamesByIds' | 'applyPersonnelMove' | 'directory'>;
  now: () => Date;
  feeds: PersonnelFeeds;
};

export const actorOf = (ctx: RequestContext): Actor => requireActor(ctx.actor);

/** The Vietnamese calendar day of an instant (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). */
export const vnDay = (at: Date): string => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * The Department of Home Affairs' civil-service office: the unit holding the org function
 * `civil_service` (Phòng Tổ chức, biên chế và công chức), or else the one holding `reform` (as PAR finds it).
 */
export async function homeAffairsUnit(org: PersonnelDeps['org']): Promise<{ id: number; name: string }> {
  const units = (await org.allUnits()).filter((u) => !u.effectiveTo);
  const office = units.find((u) => u.function === 'civil_service') ?? units.find((u) => u.function === 'reform');
  if (!office) throw errors.conflict('NO_HOME_AFFAIRS_UNIT', 'Chưa có đơn vị được giao chức năng tham mưu về tổ chức, cán bộ (Sở Nội vụ) trong cơ cấu tổ chức.', 'No unit holds the home-affairs function in the org tree.');
  return { id: office.id, name: office.name };
}

export const personNotFound = () => errors.notFound('hồ sơ công chức', 'civil-servant record');

export type PersonRow = { id: number; staffId: number; fullName: string; unitId: number; unitName: string; position: string | null; civilServantNo: string | null; recruitedOn: string; status: 'serving' | 'left'; leftOn: string | null; record: PersonRecord; version: number };

export async function loadPerson(deps: PersonnelDeps, db: Db | Tx, id: number): Promise<PersonRow> {
  const row = await db.selectFrom('hr_people').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw personNotFound();
  const [staff] = await deps.org.staffNamesByIds([row.staff_id]);
  if (!staff) throw personNotFound();
  return {
    id: row.id, staffId: row.staff_id, fullName: staff.fullName, unitId: staff.unitId, unitName: staff.unitName, position: staff.position,
    civilServantNo: row.civil_servant_no, recruitedOn: row.recruited_on, status: row.status, leftOn: row.left_on, record: row.record as PersonRecord, version: row.version,
  };
}

/** How the caller stands to a record: the person themself, HR of the person's unit, a reader who must say why, or nobody. */
export type Standing = 'self' | 'hr' | 'reader' | 'none';
export function standingOf(actor: Actor, person: Pick<PersonRow, 'staffId' | 'unitId'>): Standing {
  if (actor.staffId === person.staffId) return 'self';
  if (can(actor, 'personnel.manage', person.unitId)) return 'hr';
  if (can(actor, 'personnel.read', person.unitId)) return 'reader';
  return 'none';
}

/** HR of the person's unit, or 403/404 as the policy says (a record one cannot read is not found). */
export function requireHr(actor: Actor, person: Pick<PersonRow, 'staffId' | 'unitId'>): void {
  if (can(actor, 'personnel.manage', person.unitId)) return;
  if (actor.staffId === person.staffId || can(actor, 'personnel.read', person.unitId)) throw errors.forbidden();
  throw personNotFound();
}

/**
 * The agency a unit belongs to: its highest ancestor (or itself) that is neither the province nor a
 * People's Committee — a department, a commune or ward, an office. A job-position scheme is an agency's,
 * covering its sections and centres.
 */
export function agencyOf(units: readonly { id: number; parentId: number | null; kind: string }[], unitId: number): number {
  const byId = new Map(units.map((u) => [u.id, u]));
  let agency = unitId;
  let at = byId.get(unitId);
  for (let guard = 0; at && guard < 50; guard++) {
    if (at.kind !== 'province' && at.kind !== 'people_committee') agency = at.id;
    at = at.parentId === null ? undefined : byId.get(at.parentId);
  }
  return agency;
}
