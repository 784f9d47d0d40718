import { can, type Actor } from '../../platform/access/policy.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { DossierRow } from './dossiers.repository.js';
import type { DossierState } from './rules/reducer.js';
import type { Action } from './rules/transitions.js';

export const dossierNotFound = () => errors.notFound('hồ sơ', 'Dossier', 'DOSSIER_NOT_FOUND');
/** A dossier moved to the archive (closed long ago, migration 0030) is read-only: no action applies to it. */
export const dossierArchived = () => new AppError('DOSSIER_ARCHIVED', 409,
  'Hồ sơ đã kết thúc và đã chuyển vào kho lưu trữ; chỉ xem được, không xử lý thêm.',
  'The dossier is closed and has been moved to the archive; it can be read but not acted on.');

/** A dossier is visible to whoever may read dossiers at any unit it has passed through. */
export function canRead(actor: Actor | null, row: Pick<DossierRow, 'involved_unit_ids' | 'receiving_unit_id'>): boolean {
  if (!actor) return false;
  return [row.receiving_unit_id, ...row.involved_unit_ids].some((u) => can(actor, 'dossier.read', u));
}

/** Whether the caller has a hand in moving the dossier on: its receiving desk or the unit holding it. */
export function canActOn(actor: Actor, row: Pick<DossierRow, 'receiving_unit_id' | 'competent_unit_id'>, state: Pick<DossierState, 'currentUnitId'>): boolean {
  const holder = state.currentUnitId ?? row.competent_unit_id ?? row.receiving_unit_id;
  return can(actor, 'dossier.receive', row.receiving_unit_id) || can(actor, 'dossier.process', holder) || can(actor, 'dossier.assign', holder);
}

const DESK_ACTIONS: Action[] = ['receive', 'refuse', 'request_reception_supplement'];
const DESK_OR_HANDLER: Action[] = ['return_result', 'supplement_received', 'confirm_payment', 'withdraw', 'attach_scans'];

/** The result is recorded by a holder of the approving permission (issue 11 item 7); at an outside body's step, of the competent unit. */
export const notApprover = (unitName: string) => new AppError('NOT_APPROVER', 403,
  `Chỉ lãnh đạo có thẩm quyền phê duyệt của ${unitName || 'cơ quan giải quyết'} mới được ghi nhận kết quả giải quyết; chuyên viên đính kèm dự thảo để lãnh đạo phê duyệt.`,
  'Only a holder of the approving permission at the competent unit may record the result; a specialist attaches a draft for approval.');

/**
 * Who may act on a dossier ("rõ người, rõ việc"): desk actions belong to the receiving desk; work
 * on a step belongs to the unit holding it, and once a person is assigned, to that person — or to
 * a unit head who may reassign. A dossier outside the caller's reach answers 404.
 */
export function authorizeAction(ctx: RequestContext, row: DossierRow, state: DossierState, action: Action): void {
  const actor = ctx.actor;
  if (!actor) throw errors.unauthenticated();
  if (!canRead(actor, row)) throw dossierNotFound();
  const desk = row.receiving_unit_id;
  const holder = state.currentUnitId ?? row.competent_unit_id ?? desk;
  const atDesk = can(actor, 'dossier.receive', desk);
  const processes = can(actor, 'dossier.process', holder);
  const headsHolder = can(actor, 'dossier.assign', holder);
  let allowed: boolean;
  if (DESK_ACTIONS.includes(action)) allowed = atDesk;
  else if (DESK_OR_HANDLER.includes(action)) allowed = atDesk || processes;
  else if (action === 'assign') allowed = headsHolder;
  else if (action === 'take') allowed = processes;
  else if (action === 'record_result') {
    if (!can(actor, 'dossier.approve', holder)) {
      if (!processes && !headsHolder) throw errors.forbidden();
      throw notApprover(state.currentUnitId ? state.currentUnitName ?? '' : '');
    }
    allowed = true;
  } else allowed = processes;
  if (!allowed) throw errors.forbidden();
  const assigned = state.assignee?.staffId;
  const personal = !DESK_ACTIONS.includes(action) && !DESK_OR_HANDLER.includes(action) && action !== 'assign' && action !== 'take';
  if (personal && assigned && assigned !== actor.staffId && !headsHolder) {
    throw new AppError('NOT_ASSIGNEE', 403, `Hồ sơ đang được giao cho ${state.assignee?.name}; chỉ người được giao hoặc lãnh đạo đơn vị mới thao tác được.`, 'The dossier is assigned to someone else; only they or the unit head may act on it.');
  }
}
