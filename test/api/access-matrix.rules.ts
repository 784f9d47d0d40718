/**
 * The access matrix's expectations, COMPUTED from the policy table (src/platform/access/policy.ts):
 * a row names the kind of rule an endpoint follows, and `expected` derives the exact status for a
 * subject (its grants expanded by `buildReach` over the real org tree) and a target record. Nothing
 * here is written per role: add a role or change its permissions and the matrix follows.
 */
import { can, hasAnywhere, hasProvinceWide, type Actor, type Permission, type Role } from '../../src/platform/access/policy.js';

/** Where the target record sits, seen from the subjects' unit U = H30.501 (a commune). */
export const UNIT_RELATIONS = ['own', 'child', 'sibling', 'other'] as const;
export type UnitRelation = (typeof UNIT_RELATIONS)[number];
/**
 * Records that belong to a citizen (their own dossiers, drafts, documents) are reached through a
 * citizen's e-ID sign-in (issue 11): `citizenOwn` is the signed-in citizen's record, `citizenOther`
 * another citizen's. On staff endpoints the citizen subject is anonymous (its cookie is never read there).
 */
export type CitizenRelation = 'citizenOwn' | 'citizenOther';
/** Records owned by a person rather than a unit (in-app notifications): the caller's own or someone else's. */
export type PersonRelation = 'self' | 'another';
/** Outbox messages tied to no unit (system mail): administrators' business. */
export type Relation = UnitRelation | PersonRelation | 'unitless' | CitizenRelation;

export type Subject = {
  name: string;
  /** null: anonymous. */
  actor: (Pick<Actor, 'grants' | 'reach' | 'unitId' | 'staffId'>) | null;
  role?: Role;
  /** A citizen signed in with e-ID (modules/citizens); `actor` is then null. */
  citizen?: boolean;
};

/** What the test knows about the target of one request. */
export type Target = {
  relation: Relation | null;
  unitId?: number;
  unit?: { id: number; code: string };
  /** Dossier facts `dossier-access.ts` decides on. */
  dossier?: { receivingUnitId: number; involvedUnitIds: number[]; holderUnitId: number; assigneeStaffId: number | null; actorStaffIds: number[] };
  /** Unit ids of an outbox message ([] = unitless). */
  messageUnitIds?: number[];
  rootUnitIds?: number[];
  /** The PAR organiser (the Department of Home Affairs), set by a PAR row's request. */
  organiserUnitId?: number;
  /** Where a dossier's result may be drafted as a document (its result step's unit, its competent unit), set by the row's request. */
  resultUnitIds?: number[];
};

export type DossierAction = 'assign' | 'withdraw' | 'stop' | 'take';

export type Rule =
  /** Anyone, signed in or not. */
  | { kind: 'public'; ok: number }
  /**
   * The signed-in citizen's own business: ok for the citizen (404 for another citizen's record, which
   * is not revealed); 401 for anyone else, staff included (staff sessions are not read on citizen endpoints).
   */
  | { kind: 'citizen'; ok: number }
  /** Draft catalogue versions: visible only to a catalogue manager (catalog.manage at a root), else 404 to anyone. */
  | { kind: 'draftVersion'; ok: number }
  /** Any signed-in staff member; anonymous 401. */
  | { kind: 'signedIn'; ok: number }
  /** 401; ok when one of `perms` reaches any unit, else 403. */
  | { kind: 'anywhere'; perms: Permission[]; ok: number }
  /** What belongs to the whole province: 401; ok when `perm` comes with a grant at a root of the org tree (policy.hasProvinceWide), else 403. */
  | { kind: 'provinceWide'; perm: Permission; ok: number }
  /**
   * 401; ok with `perm` at the target unit; 403 when `visibleWith` reaches it; else 404 (policy.authorize).
   * `gate`: an upload route refuses (403) a caller holding none of these anywhere before it reads the
   * body (platform/access/before-body.ts), so such a caller never reaches the 404.
   */
  | { kind: 'atUnit'; perm: Permission; visibleWith: Permission; ok: number; gate?: Permission[] }
  /** As atUnit, with several permissions any one of which allows (a directive task's note: its lead unit's head, the tracking unit). */
  | { kind: 'atUnitAny'; perms: Permission[]; visibleWith: Permission; ok: number }
  /** A list filtered to a unit: 401; ok when `perm` reaches the unit, else 404 (the unit is not revealed). */
  | { kind: 'listAtUnit'; perm: Permission; ok: number }
  /**
   * A file import answered per row: 401; a signed-in caller always gets 200 and the result says
   * 'imported' only when `perm` reaches the target unit (rows outside reach are reported, nothing written).
   */
  | { kind: 'importAtUnit'; perm: Permission; gate?: Permission[] }
  /** The province's catalogue: `perm` at a root of the org tree (catalog.service isManager); 401/403. */
  | { kind: 'rootOnly'; perm: Permission; ok: number }
  /** 401; ok when the caller holds an admin grant at a root of the org tree (the province), else 403. */
  | { kind: 'provinceAdminGrant'; ok: number }
  /** A record made at the caller's home unit (intake: dossier.receive; a data-subject request: privacy.manage): 401; `perm` there → ok; else 403. */
  | { kind: 'atHome'; perm: Permission; ok: number }
  /**
   * Reading a dossier: dossier.read at its receiving unit or any unit it passed through → ok, else 404.
   * `withoutReason`: the request states no reason, so a reader outside the dossier's own workflow
   * (not its desk, holder, assignee, nor anyone who acted on it) gets 403 PERSONAL_DATA_REASON_REQUIRED.
   */
  | { kind: 'dossierRead'; ok: number; anonymous: 401 | 404; withoutReason?: boolean }
  /** Seeing who may receive its steps: 401; not readable 404; no hand in moving it (canActOn) 403. */
  | { kind: 'dossierActOn'; ok: number }
  /** An action on a dossier (dossier-access.ts authorizeAction), from the caller's permissions at desk and holder. */
  | { kind: 'dossierAction'; action: DossierAction; anonymous: 401 | 404 }
  /**
   * A dossier's result drafted as an outgoing document (registry from-dossier, issue 19 scope 5): the dossier
   * read as `dossierRead` without a reason (404; 403 outside its workflow), then ok with document.draft at
   * one of `t.resultUnitIds`, else 403.
   */
  | { kind: 'dossierDraft'; ok: number; anonymous: 401 | 404 }
  /** Outbox delivery state: dossier.assign reaching a unit of the message, or org.manage for unit-less ones. */
  | { kind: 'outboxList'; ok: number }
  | { kind: 'outboxMessage'; ok: number }
  /** The caller's own record: 401; own → ok; another person's → 404. */
  | { kind: 'ownRecord'; ok: number }
  /**
   * Running the PAR round (issue 16): 401; ok with par.manage at the organiser (`t.organiserUnitId`).
   * Otherwise, on a unit's sheet (`visibleWith`): 403 when the caller sees that sheet, else 404; with no
   * sheet involved, `otherwise`.
   */
  | { kind: 'parManager'; ok: number; visibleWith?: Permission; otherwise?: 403 | 404 }
  /**
   * Personnel's office acts on a unit's record (issue 17: the Department of Home Affairs appraises and
   * approves schemes): 401; ok with `perm` at the office (`t.organiserUnitId`); else 403 when `visibleWith`
   * reaches the record's unit, 404 when it does not.
   */
  | { kind: 'atOffice'; perm: Permission; visibleWith: Permission; ok: number }
  /** Only the person themself (their own evaluation): 401; self → ok; `visibleWith` at the unit → 403; else 404. */
  | { kind: 'personSelf'; visibleWith: Permission; ok: number };

const DESK_OR_HANDLER: DossierAction[] = ['withdraw'];

export function expected(rule: Rule, s: Subject, t: Target): number {
  const a = s.actor as Actor | null;
  switch (rule.kind) {
    case 'public':
      return rule.ok;
    case 'citizen':
      if (!s.citizen) return 401;
      return t.relation === 'citizenOther' ? 404 : rule.ok;
    case 'draftVersion':
      return a && t.rootUnitIds!.some((r) => can(a, 'catalog.manage', r)) ? rule.ok : 404;
    default:
      break;
  }
  if (!a) {
    if (rule.kind === 'dossierRead' || rule.kind === 'dossierAction' || rule.kind === 'dossierDraft') return rule.anonymous;
    return 401;
  }
  switch (rule.kind) {
    case 'signedIn':
      return rule.ok;
    case 'anywhere':
      return rule.perms.some((p) => hasAnywhere(a, p)) ? rule.ok : 403;
    case 'provinceWide':
      return hasProvinceWide(a as Actor, rule.perm) ? rule.ok : 403;
    case 'atUnit':
      if (rule.gate && !rule.gate.some((p) => hasAnywhere(a, p))) return 403;
      if (can(a, rule.perm, t.unitId!)) return rule.ok;
      return can(a, rule.visibleWith, t.unitId!) ? 403 : 404;
    case 'atUnitAny':
      if (rule.perms.some((p) => can(a, p, t.unitId!))) return rule.ok;
      return can(a, rule.visibleWith, t.unitId!) ? 403 : 404;
    case 'listAtUnit':
      return can(a, rule.perm, t.unitId!) ? rule.ok : 404;
    case 'importAtUnit':
      return rule.gate && !rule.gate.some((p) => hasAnywhere(a, p)) ? 403 : 200;
    case 'rootOnly':
      return t.rootUnitIds!.some((r) => can(a, rule.perm, r)) ? rule.ok : 403;
    case 'provinceAdminGrant':
      return a.grants.some((g) => g.role === 'admin' && g.provinceWide) ? rule.ok : 403;
    case 'atHome':
      return can(a, rule.perm, a.unitId) ? rule.ok : 403;
    case 'dossierRead':
      if (!canRead(a, t)) return 404;
      return rule.withoutReason && !worksOn(a, t) ? 403 : rule.ok;
    case 'dossierActOn': {
      if (!canRead(a, t)) return 404;
      const d = t.dossier!;
      const acts = can(a, 'dossier.receive', d.receivingUnitId) || can(a, 'dossier.process', d.holderUnitId) || can(a, 'dossier.assign', d.holderUnitId);
      return acts ? rule.ok : 403;
    }
    case 'dossierAction': {
      if (!canRead(a, t)) return 404;
      const d = t.dossier!;
      const atDesk = can(a, 'dossier.receive', d.receivingUnitId);
      const processes = can(a, 'dossier.process', d.holderUnitId);
      const headsHolder = can(a, 'dossier.assign', d.holderUnitId);
      let allowed: boolean;
      if (DESK_OR_HANDLER.includes(rule.action)) allowed = atDesk || processes;
      else if (rule.action === 'assign') allowed = headsHolder;
      else allowed = processes;
      if (!allowed) return 403;
      const personal = rule.action === 'stop';
      if (personal && d.assigneeStaffId && d.assigneeStaffId !== a.staffId && !headsHolder) return 403;
      return 200;
    }
    case 'dossierDraft':
      if (!canRead(a, t)) return 404;
      if (!worksOn(a, t)) return 403;
      return t.resultUnitIds!.some((u) => can(a, 'document.draft', u)) ? rule.ok : 403;
    case 'outboxList':
      return hasAnywhere(a, 'dossier.assign') || hasProvinceWide(a, 'org.manage') ? rule.ok : 403;
    case 'outboxMessage': {
      if (!hasAnywhere(a, 'dossier.assign') && !hasProvinceWide(a, 'org.manage')) return 403;
      const units = t.messageUnitIds!;
      const visible = units.length ? units.some((u) => can(a, 'dossier.assign', u)) : hasProvinceWide(a, 'org.manage');
      return visible ? rule.ok : 404;
    }
    case 'ownRecord':
      return t.relation === 'self' ? rule.ok : 404;
    case 'parManager':
      if (can(a, 'par.manage', t.organiserUnitId!)) return rule.ok;
      if (rule.visibleWith) return can(a, rule.visibleWith, t.unitId!) ? 403 : 404;
      return rule.otherwise ?? 403;
    case 'atOffice':
      if (can(a, rule.perm, t.organiserUnitId!)) return rule.ok;
      return can(a, rule.visibleWith, t.unitId!) ? 403 : 404;
    case 'personSelf':
      if (t.relation === 'self') return rule.ok;
      return can(a, rule.visibleWith, t.unitId!) ? 403 : 404;
    default: {
      const never: never = rule;
      throw new Error(`unknown rule ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Whether the dossier is the caller's own work (dossiers.service `get`): its desk, its holder
 * (process or assign there), its assignee, or someone who acted on it before. Anyone else who may
 * read it states a reason, and the view is logged.
 */
export function worksOn(a: Actor, t: Target): boolean {
  const d = t.dossier!;
  return can(a, 'dossier.receive', d.receivingUnitId) || can(a, 'dossier.process', d.holderUnitId) || can(a, 'dossier.assign', d.holderUnitId)
    || d.assigneeStaffId === a.staffId || d.actorStaffIds.includes(a.staffId);
}

function canRead(a: Actor, t: Target): boolean {
  const d = t.dossier!;
  return [d.receivingUnitId, ...d.involvedUnitIds].some((u) => can(a, 'dossier.read', u));
}
