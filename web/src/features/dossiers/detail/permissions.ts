import type { Id, Role, SessionUser } from '../../../shared/auth';
import { sameId } from '../../../shared/auth';
import type { OrgUnit } from '../../org/api';
import type { Action, DossierDetail } from '../api';

/**
 * Which of the status-allowed actions this user could take: a mirror of the server's rule
 * (src/modules/dossiers/dossier-access.ts, "rõ người, rõ việc") so the page does not offer buttons
 * that can only answer 403. The server still decides every request.
 */
const RECEIVE: readonly Role[] = ['desk_officer', 'unit_head', 'admin'];
const PROCESS: readonly Role[] = ['desk_officer', 'specialist', 'unit_head', 'admin'];
const ASSIGN: readonly Role[] = ['unit_head', 'admin'];
/** dossier.approve: who records the result (issue 11 item 7). */
const APPROVE: readonly Role[] = ['unit_head', 'admin'];
const DESK_ACTIONS: readonly Action[] = ['receive', 'refuse', 'request_reception_supplement'];
const DESK_OR_HANDLER: readonly Action[] = ['return_result', 'supplement_received', 'confirm_payment', 'withdraw', 'attach_scans'];

type User = SessionUser & { staffId?: Id };

/** Whether `unitId` lies in the subtree of a unit where the user holds one of `roles`. */
export function holds(user: User, roles: readonly Role[], unitId: Id | null, parents: Map<string, string | null>): boolean {
  if (unitId === null) return false;
  const grants = user.roles.filter((g) => roles.includes(g.role)).map((g) => String(g.unitId));
  for (let u: string | null = String(unitId), guard = 0; u && guard < 64; u = parents.get(u) ?? null, guard++) {
    if (grants.includes(u)) return true;
  }
  return false;
}

export function permittedActions(user: SessionUser | null, d: DossierDetail, units: readonly OrgUnit[] | undefined): Action[] {
  // Without the unit tree, leave the decision to the server rather than hide a legitimate action.
  if (!user || !units) return d.allowedActions;
  const me = user as User;
  const parents = new Map(units.map((u) => [String(u.id), u.parentId === null ? null : String(u.parentId)]));
  const holder = d.currentUnitId ?? d.competentUnitId ?? d.receivingUnitId;
  const atDesk = holds(me, RECEIVE, d.receivingUnitId, parents);
  const processes = holds(me, PROCESS, holder, parents);
  const headsHolder = holds(me, ASSIGN, holder, parents);
  const assignedToOther = d.currentStaffId !== null && me.staffId !== undefined && !sameId(d.currentStaffId, me.staffId);
  return d.allowedActions.filter((a) => {
    if (DESK_ACTIONS.includes(a)) return atDesk;
    if (DESK_OR_HANDLER.includes(a)) return atDesk || processes;
    if (a === 'assign') return headsHolder;
    if (a === 'take') return processes;
    if (a === 'record_result') return holds(me, APPROVE, holder, parents) && (!assignedToOther || headsHolder);
    return processes && (!assignedToOther || headsHolder);
  });
}

/**
 * Why "Ghi nhận kết quả" is not offered to this user, when they work on the dossier: not the step
 * where the result is recorded (the server's reason), or not a holder of the approving permission.
 */
export function resultExplanation(user: SessionUser | null, d: DossierDetail, units: readonly OrgUnit[] | undefined, permitted: readonly Action[]): 'notAtStep' | 'notApprover' | null {
  if (permitted.includes('record_result') || !d.resultStep || (d.statusCode !== 2 && d.statusCode !== 4)) return null;
  if (d.actionRefusals.record_result?.code === 'NOT_RESULT_STEP') return 'notAtStep';
  if (!user || !units || !d.allowedActions.includes('record_result')) return null;
  const parents = new Map(units.map((u) => [String(u.id), u.parentId === null ? null : String(u.parentId)]));
  const holder = d.currentUnitId ?? d.competentUnitId ?? d.receivingUnitId;
  return holds(user as User, PROCESS, holder, parents) ? 'notApprover' : null;
}

/** The next move on the usual path gets a button; the rest sit under "Thao tác khác". */
const PRIMARY: readonly Action[] = ['receive', 'take', 'transfer', 'record_result', 'return_result', 'supplement_received', 'confirm_payment'];

/**
 * Splits the permitted actions into buttons and the "more" menu, by who is looking. A head of the
 * unit holding the step hands work out ("Phân công" is a button) and signs without taking the
 * dossier first (the server never asks for it, dossier-access.ts), so "Nhận xử lý" goes to the
 * menu. On a step that is not the head's own to sign and that nobody holds yet, assigning comes first.
 */
export function arrangeActions(user: SessionUser | null, d: DossierDetail, units: readonly OrgUnit[] | undefined, allowed: readonly Action[]): { primary: Action[]; secondary: Action[] } {
  const parents = new Map((units ?? []).map((u) => [String(u.id), u.parentId === null ? null : String(u.parentId)]));
  const holder = d.currentUnitId ?? d.competentUnitId ?? d.receivingUnitId;
  const head = Boolean(user && units && holds(user as User, ASSIGN, holder, parents));
  const isPrimary = (a: Action) => (head ? (PRIMARY.includes(a) && a !== 'take') || a === 'assign' : PRIMARY.includes(a));
  let primary = allowed.filter(isPrimary);
  const stepRole = d.route.find((r) => r.order === d.currentStep)?.role;
  if (head && primary.includes('assign') && (stepRole === 'unit_head' || d.currentStaffId !== null)) {
    primary = [...primary.filter((a) => a !== 'assign'), 'assign'];
  } else if (head && primary.includes('assign')) {
    primary = ['assign', ...primary.filter((a) => a !== 'assign')];
  }
  return { primary, secondary: allowed.filter((a) => !primary.includes(a)) };
}
