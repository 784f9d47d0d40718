/**
 * What a complaint or denunciation case may do next, and its clocks on a day (pure: the service passes
 * the calendar's working days and today). The periods themselves are rules/complaints.ts and
 * rules/denunciations.ts; this file only says which period runs from which of the case's dates.
 */
import type { Permission } from '../../platform/access/policy.js';
import type { CaseKind, CaseStatus } from './inspection.tables.js';
import { clockState, safely, type ClockState } from './inspection.context.js';
import type { IsoDay, IsWorkingDay, Period } from './rules/calendar.js';
import * as complaints from './rules/complaints.js';
import * as denunciations from './rules/denunciations.js';
import type { CaseActionInput } from './schema.js';

export type CaseAction = CaseActionInput['action'];

/**
 * Who may take each step, at the handling unit: the team's work (classify, accept or refuse, verify)
 * with complaint.handle; what is signed by the unit's head — an extension decision, the decision or
 * conclusion, its publication, and who is on the team (so who reads the petitioner's identity) — with
 * complaint.decide.
 */
export const CASE_ACTION_PERMISSION: Record<CaseAction, Permission> = {
  classify: 'complaint.handle', accept: 'complaint.handle', refuse: 'complaint.handle', start_verification: 'complaint.handle',
  extend: 'complaint.decide', conclude: 'complaint.decide', publish: 'complaint.decide', set_team: 'complaint.decide',
};

const OPEN: CaseStatus[] = ['received', 'accepted', 'verifying'];
const ALLOWED_FROM: Record<CaseAction, CaseStatus[]> = {
  classify: OPEN, accept: ['received'], refuse: ['received'], start_verification: ['accepted'],
  extend: ['accepted', 'verifying'], conclude: ['accepted', 'verifying'], publish: ['concluded'], set_team: OPEN,
};

const STATUS_VI: Record<CaseStatus, string> = {
  received: 'mới tiếp nhận', accepted: 'đã thụ lý', verifying: 'đang xác minh', concluded: 'đã có kết luận, quyết định', refused: 'không thụ lý',
};

/** Why `action` cannot be taken on a case in `status`, or null. */
export function caseRefusal(status: CaseStatus, action: CaseAction): { vi: string; en: string } | null {
  if (ALLOWED_FROM[action].includes(status)) return null;
  return { vi: `Không thực hiện được thao tác này khi vụ việc ${STATUS_VI[status]}.`, en: `Not possible while the case is ${status}.` };
}

export function allowedCaseActions(status: CaseStatus, kind: CaseKind, may: (p: Permission) => boolean, published: boolean): CaseAction[] {
  return (Object.keys(ALLOWED_FROM) as CaseAction[]).filter((a) => ALLOWED_FROM[a].includes(status) && may(CASE_ACTION_PERMISSION[a])
    && !(a === 'accept' && kind === 'not_eligible') && !(a === 'extend' && kind !== 'denunciation') && !(a === 'publish' && published));
}

/** The denouncer's identity is secret outside the team; a complaint's complainant is known to its respondent anyway. */
export const identityProtected = (kind: CaseKind): boolean => kind !== 'complaint_first' && kind !== 'complaint_second';

export type CaseFacts = {
  kind: CaseKind; receivedOn: IsoDay; learnedOn: IsoDay | null; acceptedOn: IsoDay | null; refusedOn: IsoDay | null; concludedOn: IsoDay | null;
  complexity: denunciations.Complexity; remoteArea: boolean; severalPlaces: boolean; extensions: number[];
};

export type CaseClock = {
  name: 'acceptance' | 'intake' | 'limitation' | 'resolution';
  label: string;
  dueOn: IsoDay;
  period: Period;
  /** The rule set it was computed with (its first day) and whether that set's content is confirmed. */
  rulesFrom: IsoDay;
  verified: boolean;
  doneOn: IsoDay | null;
  state: ClockState;
  /** Denunciations: the latest day the law allows with every extension the complexity permits. */
  latestPossibleOn?: IsoDay;
};

/** The first day each kind's rules apply: a case dated earlier is outside what this module can count. */
export const FIRST_RULE_DAY: Record<Exclude<CaseKind, 'not_eligible'>, IsoDay> = {
  complaint_first: complaints.COMPLAINT_RULES[0]!.effectiveFrom,
  complaint_second: complaints.COMPLAINT_RULES[0]!.effectiveFrom,
  denunciation: denunciations.DENUNCIATION_RULES[0]!.effectiveFrom,
};

function view(name: CaseClock['name'], label: string, c: complaints.Clock, doneOn: IsoDay | null, today: IsoDay): CaseClock {
  return { name, label, dueOn: c.dueOn, period: c.period, rulesFrom: c.rulesFrom, verified: c.verified, doneOn, state: clockState(c.dueOn, doneOn, today) };
}

/** The statutory clocks of a case on `today`; a clock the rules cannot compute is left out. */
export function caseClocks(f: CaseFacts, isWorking: IsWorkingDay, today: IsoDay): CaseClock[] {
  const clocks: (CaseClock | null)[] = [];
  const decidedOn = f.acceptedOn ?? f.refusedOn;
  if (f.kind === 'complaint_first' || f.kind === 'complaint_second') {
    clocks.push(safely(() => view('acceptance', 'Thời hạn thụ lý (Luật Khiếu nại, điều 27)', complaints.acceptanceDue(f.receivedOn, isWorking), decidedOn, today)));
    // Lodged within the limitation when received by its last day: the clock is "done" on receipt.
    if (f.learnedOn) clocks.push(safely(() => view('limitation', 'Thời hiệu khiếu nại (điều 9)', complaints.limitationEnd({ learnedOn: f.learnedOn! }, isWorking), f.receivedOn, today)));
    if (f.acceptedOn) {
      const instance = f.kind === 'complaint_first' ? 'first' : 'second';
      const c = { instance, acceptedOn: f.acceptedOn, complex: f.complexity !== 'normal', remote: f.remoteArea } as const;
      clocks.push(safely(() => view('resolution', instance === 'first' ? 'Thời hạn giải quyết lần đầu (điều 28)' : 'Thời hạn giải quyết lần hai (điều 37)', complaints.resolutionDue(c, isWorking), f.concludedOn, today)));
    }
  } else if (f.kind === 'denunciation') {
    clocks.push(safely(() => view('intake', 'Thời hạn xử lý ban đầu (Luật Tố cáo, điều 24)', denunciations.intakeDue({ receivedOn: f.receivedOn, severalPlaces: f.severalPlaces }, isWorking), decidedOn, today)));
    if (f.acceptedOn) {
      const c = { acceptedOn: f.acceptedOn, complexity: f.complexity };
      clocks.push(safely(() => ({
        ...view('resolution', 'Thời hạn giải quyết tố cáo (điều 30)', denunciations.resolutionDue({ ...c, extensions: f.extensions }, isWorking), f.concludedOn, today),
        latestPossibleOn: denunciations.longestResolutionDue(c, isWorking).dueOn,
      })));
    }
  }
  return clocks.filter((c): c is CaseClock => c !== null);
}

/** Why one more extension of `days` is not allowed (Vietnamese, English), or null. */
export function extensionRefusal(f: Pick<CaseFacts, 'acceptedOn' | 'complexity' | 'extensions'>, days: number): { vi: string; en: string } | null {
  const rules = denunciations.denunciationRulesOn(f.acceptedOn!).rules;
  const allowed = rules.maxExtensions[f.complexity];
  if (f.extensions.length + 1 > allowed) {
    const vi = allowed === 0 ? 'Vụ việc không phức tạp không được gia hạn; hãy xác định vụ việc phức tạp trước.' : `Vụ việc này được gia hạn tối đa ${allowed} lần (Luật Tố cáo, điều 30).`;
    return { vi, en: denunciations.extensionProblem(f.complexity, [...f.extensions, days], rules) ?? '' };
  }
  if (days > rules.extensionMaxDays) return { vi: `Mỗi lần gia hạn không quá ${rules.extensionMaxDays} ngày.`, en: `An extension is at most ${rules.extensionMaxDays} days.` };
  return null;
}

/** Whether the extensions already decided still fit a (new) complexity. */
export function extensionsFit(f: Pick<CaseFacts, 'acceptedOn' | 'complexity' | 'extensions'>): boolean {
  if (!f.acceptedOn || f.extensions.length === 0) return true;
  return denunciations.extensionProblem(f.complexity, f.extensions, denunciations.denunciationRulesOn(f.acceptedOn).rules) === null;
}
