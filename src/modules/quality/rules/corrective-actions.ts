/**
 * Life cycle of a nonconformity and its corrective actions (TCVN ISO 9001:2015 §10.2: correct, find
 * the cause, act, review the effectiveness of the action, keep records; TT26/2014 art. 38: these
 * records go to the November consolidation). Design: iso-qms-design.md §2 (`qms_nonconformities`,
 * `qms_actions`, `qms_verifications`) and §3.4–3.5.
 *
 *   open → action_planned → actions_done → verified_effective → closed
 *                 ↑                │
 *                 └─ not effective ┘   (new or revised actions, then done and verified again)
 *
 * Who may act is a pure function of the roles the caller derives for the actor on this one
 * nonconformity: `owner` (staff of the owner unit), `iso_secretary` (qms.manage), `auditor` (team of
 * the audit that raised it), `head` (qms.approve). Whoever carried the action out does not judge its
 * effectiveness (the independence ISO 19011 asks of auditors, applied here as a rule [?]).
 */
import { crossesThreshold, DEFAULT_THRESHOLDS, type ProcedureSignals, type ProposalThresholds, type SignalKind } from './nonconformity-proposals.js';
import type { IsoDay, Period } from './objectives.js';

export type NcStatus = 'open' | 'action_planned' | 'actions_done' | 'verified_effective' | 'closed';
export type NcStep = 'plan' | 'complete' | 'verify_effective' | 'verify_not_effective' | 'close';
export type NcRole = 'owner' | 'iso_secretary' | 'auditor' | 'head';
export type NcSource = 'manual' | 'audit' | SignalKind | 'complaint' | 'inspection' | 'objective';

export const NC_STATUS_LABELS: Record<NcStatus, string> = {
  open: 'Mới ghi nhận',
  action_planned: 'Đã lập kế hoạch khắc phục',
  actions_done: 'Đã thực hiện hành động khắc phục',
  verified_effective: 'Đã xác nhận hiệu lực',
  closed: 'Đã đóng',
};

/** From which statuses a step goes, where to, and who may take it. `plan` again on a plan revises it. */
const STEPS: Record<NcStep, { from: readonly NcStatus[]; to: NcStatus; who: readonly NcRole[]; vi: string }> = {
  plan: { from: ['open', 'action_planned'], to: 'action_planned', who: ['owner', 'iso_secretary'], vi: 'lập kế hoạch khắc phục' },
  complete: { from: ['action_planned'], to: 'actions_done', who: ['owner', 'iso_secretary'], vi: 'báo cáo đã thực hiện' },
  verify_effective: { from: ['actions_done'], to: 'verified_effective', who: ['iso_secretary', 'auditor', 'head'], vi: 'xác nhận hiệu lực' },
  verify_not_effective: { from: ['actions_done'], to: 'action_planned', who: ['iso_secretary', 'auditor', 'head'], vi: 'kết luận không hiệu lực' },
  close: { from: ['verified_effective'], to: 'closed', who: ['iso_secretary', 'head'], vi: 'đóng phiếu' },
};

const isVerification = (s: NcStep) => s === 'verify_effective' || s === 'verify_not_effective';

export type Refusal = { code: 'NC_WRONG_STATUS' | 'NC_NOT_ALLOWED' | 'NC_OWN_ACTION'; vi: string };

export function ncTransition(status: NcStatus, step: NcStep, roles: readonly NcRole[]): { status: NcStatus } | { refusal: Refusal } {
  const rule = STEPS[step];
  if (!rule.from.includes(status)) {
    return { refusal: { code: 'NC_WRONG_STATUS', vi: `Không thể ${rule.vi} khi phiếu ở trạng thái "${NC_STATUS_LABELS[status]}".` } };
  }
  if (isVerification(step) && roles.includes('owner')) {
    return { refusal: { code: 'NC_OWN_ACTION', vi: 'Đơn vị thực hiện hành động khắc phục không tự xác nhận hiệu lực.' } };
  }
  if (!roles.some((r) => rule.who.includes(r))) return { refusal: { code: 'NC_NOT_ALLOWED', vi: `Anh/chị không có quyền ${rule.vi}.` } };
  return { status: rule.to };
}

/** The steps the actor may take now, for the buttons of the page. */
export const allowedSteps = (status: NcStatus, roles: readonly NcRole[]): NcStep[] =>
  (Object.keys(STEPS) as NcStep[]).filter((s) => 'status' in ncTransition(status, s, roles));

export type ActionFacts = { readonly text: string; readonly dueOn: IsoDay | null; readonly doneOn: IsoDay | null };
export type PlanFacts = { readonly rootCause: string | null; readonly actions: readonly ActionFacts[] };
export type FieldProblem = { path: string; vi: string };

/** A plan names the cause and at least one action with a due date (§10.2.1 b–c). */
export function planProblems(f: PlanFacts): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!f.rootCause?.trim()) out.push({ path: 'rootCause', vi: 'Phải ghi nguyên nhân của sự không phù hợp.' });
  if (f.actions.length === 0) out.push({ path: 'actions', vi: 'Phải có ít nhất một hành động khắc phục.' });
  f.actions.forEach((a, i) => {
    if (!a.text.trim()) out.push({ path: `actions.${i}.text`, vi: 'Phải ghi nội dung hành động.' });
    if (a.dueOn === null) out.push({ path: `actions.${i}.dueOn`, vi: 'Phải ghi thời hạn hoàn thành.' });
  });
  return out;
}

/** Done only when every action is done; the last done day starts the verification clock. */
export function completeProblems(f: PlanFacts): FieldProblem[] {
  const out = planProblems(f);
  f.actions.forEach((a, i) => { if (a.doneOn === null) out.push({ path: `actions.${i}.doneOn`, vi: 'Hành động này chưa thực hiện xong.' }); });
  return out;
}

export const lastDoneOn = (actions: readonly ActionFacts[]): IsoDay | null =>
  actions.length === 0 || actions.some((a) => a.doneOn === null) ? null : actions.map((a) => a.doneOn!).sort().at(-1)!;

/**
 * Settings in `qms_systems.settings` [? judgement calls, no text sets them]: a nonconformity found by
 * a person (audit, manual, complaint, inspection, objective) may be verified `waitDays` after the last
 * action (0: at once, as an auditor checks the evidence) and is due `dueDays` later; a signal one is
 * re-measured over a window as long as the period it was detected in, from the day after the last
 * action, and may be verified from the day after that window, due `dueDays` later.
 */
export type VerificationSettings = { readonly waitDays: number; readonly dueDays: number };
export const DEFAULT_VERIFICATION: VerificationSettings = { waitDays: 0, dueDays: 30 };
export const MEASURED_SOURCES: readonly NcSource[] = ['overdue', 'apology', 'supplement'];

export type VerificationWindow = { readonly remeasure: Period | null; readonly opensOn: IsoDay; readonly dueOn: IsoDay };

const DAY_MS = 86_400_000;
const toUtc = (d: IsoDay) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
export const addDays = (d: IsoDay, n: number): IsoDay => new Date(toUtc(d) + n * DAY_MS).toISOString().slice(0, 10);
/** Days in a period, both ends included (Q2 2026 = 91). */
export const periodDays = (p: Period): number => Math.round((toUtc(p.to) - toUtc(p.from)) / DAY_MS) + 1;

/** The window, or null while an action is not done. */
export function verificationWindow(
  nc: { readonly source: NcSource; readonly detectionPeriod?: Period | null; readonly actions: readonly ActionFacts[] },
  s: VerificationSettings = DEFAULT_VERIFICATION,
): VerificationWindow | null {
  const last = lastDoneOn(nc.actions);
  if (last === null) return null;
  if (MEASURED_SOURCES.includes(nc.source)) {
    if (!nc.detectionPeriod) throw new RangeError(`a ${nc.source} nonconformity needs its detection period`);
    const remeasure = { from: addDays(last, 1), to: addDays(last, periodDays(nc.detectionPeriod)) };
    const opensOn = addDays(remeasure.to, 1);
    return { remeasure, opensOn, dueOn: addDays(opensOn, s.dueDays) };
  }
  const opensOn = addDays(last, s.waitDays);
  return { remeasure: null, opensOn, dueOn: addDays(opensOn, s.dueDays) };
}

export type VerificationState = 'awaiting_actions' | 'not_yet' | 'verifiable' | 'overdue';
export const VERIFICATION_STATE_LABELS: Record<VerificationState, string> = {
  awaiting_actions: 'Chờ thực hiện hành động khắc phục',
  not_yet: 'Chưa đến thời điểm xác nhận hiệu lực',
  verifiable: 'Có thể xác nhận hiệu lực',
  overdue: 'Quá hạn xác nhận hiệu lực',
};

export function verificationState(w: VerificationWindow | null, today: IsoDay): VerificationState {
  if (w === null) return 'awaiting_actions';
  if (today < w.opensOn) return 'not_yet';
  return today > w.dueOn ? 'overdue' : 'verifiable';
}

/** Why a verification on `on` is refused, or null. A late verification is allowed (and shown late). */
export function verificationRefusal(w: VerificationWindow | null, on: IsoDay): { code: 'NC_ACTIONS_PENDING' | 'NC_TOO_EARLY'; vi: string } | null {
  if (w === null) return { code: 'NC_ACTIONS_PENDING', vi: 'Các hành động khắc phục chưa thực hiện xong.' };
  if (on < w.opensOn) return { code: 'NC_TOO_EARLY', vi: `Chỉ xác nhận hiệu lực được từ ngày ${w.opensOn.slice(8, 10)}/${w.opensOn.slice(5, 7)}/${w.opensOn.slice(0, 4)}.` };
  return null;
}

export type Effectiveness = 'effective' | 'not_effective' | 'no_data';

/**
 * A signal nonconformity's actions are effective when the re-measured figures, over the window,
 * no longer cross the threshold that raised it. No dossier in the window is no evidence either way:
 * `no_data`, and a person decides or the window is measured again later.
 */
export function judgeEffectiveness(kind: SignalKind, w: VerificationWindow, remeasured: ProcedureSignals, t: ProposalThresholds = DEFAULT_THRESHOLDS): Effectiveness {
  if (w.remeasure === null || remeasured.period.from !== w.remeasure.from || remeasured.period.to !== w.remeasure.to) {
    throw new RangeError('the figures must cover the re-measurement window');
  }
  if (remeasured.dossiers === 0) return 'no_data';
  return crossesThreshold(kind, remeasured, t) ? 'not_effective' : 'effective';
}
