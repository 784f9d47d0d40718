import type { DossierState } from './reducer.js';
import { notAtResultStep, resultStep } from './result-step.js';
import { STATUS, type StatusCode } from './statuses.js';

export const ACTIONS = [
  'receive', 'refuse', 'request_reception_supplement', 'transfer', 'take', 'assign', 'return_to_step',
  'request_supplement', 'supplement_received', 'request_payment', 'confirm_payment', 'extend',
  'stop', 'withdraw', 'record_result', 'return_result', 'attach_scans', 'attach_draft',
] as const;
export type Action = (typeof ACTIONS)[number];

const { SUBMITTED, RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED, AWAITING_PAYMENT, RESULT_READY, RETURNED } = STATUS;

/** From which statuses each action may be taken (DOMAIN §2.3 transition table). */
const FROM: Record<Action, readonly StatusCode[]> = {
  receive: [SUBMITTED],
  refuse: [SUBMITTED],
  request_reception_supplement: [SUBMITTED],
  transfer: [RECEIVED, PROCESSING],
  take: [RECEIVED, PROCESSING],
  assign: [RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED, AWAITING_PAYMENT, RESULT_READY],
  return_to_step: [PROCESSING],
  request_supplement: [RECEIVED, PROCESSING],
  supplement_received: [SUPPLEMENT_REQUESTED],
  request_payment: [RECEIVED, PROCESSING, RESULT_READY],
  // Also before a request: an online dossier paid with its submission, or a payment whose gateway
  // notification arrives after the desk received the dossier, is recorded where the dossier stands.
  confirm_payment: [SUBMITTED, RECEIVED, PROCESSING, AWAITING_PAYMENT],
  extend: [RECEIVED, PROCESSING, AWAITING_PAYMENT],
  stop: [RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED],
  withdraw: [SUBMITTED, RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED, AWAITING_PAYMENT],
  record_result: [RECEIVED, PROCESSING],
  return_result: [RESULT_READY],
  // The desk digitises a paper dossier at any time once it is received, the archive copy included.
  attach_scans: [RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED, AWAITING_PAYMENT, RESULT_READY, RETURNED],
  attach_draft: [RECEIVED, PROCESSING],
};

export type Refusal = { code: string; vi: string; en: string };

/**
 * `history`: the events come from another system's record (dossiers/import). What happened there is
 * kept as it happened, so the rules of item 7 of issue 11 — the result only at the competent agency's
 * last step, never a hand-over past it — are not applied to it (see docs/IMPORT-DOSSIERS.md).
 */
export type RuleOptions = { history?: boolean };

const invalid = (vi: string, en: string): Refusal => ({ code: 'INVALID_TRANSITION', vi, en });

/**
 * Whether `action` may be taken now. Status first, then the rules that the regulation states
 * outright: a supplement is requested only once (Decree 118 art. 11), the return date is moved
 * only once (Lai Châu QĐ 88/2025 art. 3(6)), withdrawal only before a decision (Decree 118 art. 21).
 */
export function refusal(s: DossierState, action: Action, opts: RuleOptions = {}): Refusal | null {
  if (!FROM[action].includes(s.status)) {
    return invalid(`Không thể thực hiện thao tác này khi hồ sơ ở trạng thái hiện tại.`, `The action "${action}" is not allowed in the dossier's current status (${s.status}).`);
  }
  switch (action) {
    case 'request_supplement':
      if (s.supplementRequested) return invalid('Chỉ được yêu cầu bổ sung hồ sơ một lần (Nghị định 118/2025/NĐ-CP, Điều 11).', 'A supplement may be requested only once (Decree 118/2025 art. 11).');
      return null;
    case 'request_reception_supplement':
      return null;
    case 'extend':
      if (s.extended) return invalid('Việc hẹn lại ngày trả kết quả chỉ được thực hiện một lần.', 'The return date may be moved only once.');
      return null;
    case 'withdraw':
      if (s.decisionIssued) return invalid('Đã có kết quả giải quyết; không thể rút hồ sơ.', 'A decision has been issued; the dossier can no longer be withdrawn.');
      return null;
    case 'transfer': {
      if (s.route.length && s.step >= s.route[s.route.length - 1]!.order) return invalid('Hồ sơ đang ở bước cuối của quy trình; hãy ghi nhận kết quả.', 'The dossier is at the last step; record the result.');
      const decides = resultStep(s.route);
      if (!opts.history && decides && s.step >= decides.order) {
        return invalid(`Hồ sơ đang ở bước ghi nhận kết quả (bước ${decides.order}: ${decides.name}); hãy ghi nhận kết quả giải quyết, bộ phận một cửa sẽ trả kết quả.`, 'The dossier is at the step where the result is recorded; record the result, the desk then returns it.');
      }
      return null;
    }
    case 'record_result': {
      const wrongStep = opts.history ? null : notAtResultStep(s.route, s.step);
      return wrongStep ? { code: 'NOT_RESULT_STEP', ...wrongStep } : null;
    }
    case 'take':
      if (s.assignee?.staffId) return invalid('Hồ sơ đã có người xử lý.', 'The dossier already has an assignee.');
      return null;
    case 'return_to_step':
      if (s.step <= (s.route[0]?.order ?? 1)) return invalid('Hồ sơ đang ở bước đầu tiên.', 'The dossier is at the first step.');
      return null;
    default:
      return null;
  }
}

export function allowedActions(s: DossierState): Action[] {
  return ACTIONS.filter((a) => refusal(s, a) === null);
}

/** Why `action` is not allowed now (the page explains a missing button), for the actions that have a reason worth saying. */
export function refusalReasons(s: DossierState, actions: readonly Action[]): Partial<Record<Action, { code: string; vi: string; en: string }>> {
  const out: Partial<Record<Action, Refusal>> = {};
  for (const a of actions) {
    const r = refusal(s, a);
    if (r && r.code !== 'INVALID_TRANSITION') out[a] = r;
  }
  return out;
}
