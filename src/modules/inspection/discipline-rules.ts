/**
 * A discipline case's procedure and clocks on a day (pure). The decree's periods and checks are
 * rules/discipline.ts; this file says which step follows which (Decree 172/2025 arts 16–21), which
 * permission takes each action, and which dates each clock runs between.
 */
import type { Permission } from '../../platform/access/policy.js';
import { addDays } from '../directives/rules/deadlines.js';
import { clockState, safely, type ClockState } from './inspection.context.js';
import type { InspDisciplineCasesTable } from './inspection.tables.js';
import type { DayInterval, IsoDay, IsWorkingDay } from './rules/calendar.js';
import * as d from './rules/discipline.js';
import type { DisciplineActionInput, StepName } from './schema.js';
import type { Selectable } from 'kysely';

export type DisciplineRow = Selectable<InspDisciplineCasesTable>;
export type DisciplineAction = DisciplineActionInput['action'];
type Column = 'notice_on' | 'review_meeting_on' | 'review_report_on' | 'council_set_up_on' | 'summons_on' | 'council_meeting_on' | 'recommendation_on';

/** Preparing the file is HR's and the head's (discipline.manage); the authority's head decides. */
export const DISCIPLINE_ACTION_PERMISSION: Record<DisciplineAction, Permission> = {
  record_step: 'discipline.manage', defer: 'discipline.manage', resume: 'discipline.manage', set_council: 'discipline.manage', record_ballot: 'discipline.manage',
  decide: 'discipline.decide', close: 'discipline.decide',
};

export const STEP_COLUMN: Record<StepName | 'council_set_up', Column> = {
  notice: 'notice_on', review_meeting: 'review_meeting_on', review_report: 'review_report_on', council_set_up: 'council_set_up_on',
  summons: 'summons_on', council_meeting: 'council_meeting_on', recommendation: 'recommendation_on',
};

/** The step each one follows, with its Vietnamese name: the written notice opens the procedure. */
export const STEP_AFTER: Record<StepName | 'council_set_up', { step: StepName | 'council_set_up' | null; vi: string }> = {
  notice: { step: null, vi: 'thông báo bằng văn bản về việc xem xét xử lý kỷ luật' },
  review_meeting: { step: 'notice', vi: 'họp kiểm điểm' },
  review_report: { step: 'review_meeting', vi: 'báo cáo kết quả kiểm điểm' },
  council_set_up: { step: 'review_report', vi: 'thành lập hội đồng kỷ luật' },
  summons: { step: 'council_set_up', vi: 'giấy triệu tập họp hội đồng' },
  council_meeting: { step: 'summons', vi: 'họp hội đồng kỷ luật' },
  recommendation: { step: 'council_meeting', vi: 'văn bản kiến nghị của hội đồng' },
};

export function stepDay(row: DisciplineRow, step: StepName | 'council_set_up'): IsoDay | null {
  return row[STEP_COLUMN[step]];
}

/** Why a step cannot be recorded now (already done, or the step before is missing), or null. */
export function stepRefusal(row: DisciplineRow, step: StepName | 'council_set_up'): { code: string; vi: string; en: string } | null {
  if (stepDay(row, step)) return { code: 'STEP_RECORDED', vi: `Đã ghi nhận bước ${STEP_AFTER[step].vi}.`, en: `The step ${step} is already recorded.` };
  const before = STEP_AFTER[step].step;
  if (before && !stepDay(row, before)) return { code: 'STEP_ORDER', vi: `Chưa ghi nhận bước trước: ${STEP_AFTER[before].vi}.`, en: `Record ${before} first.` };
  return null;
}

export type Deferral = { from: IsoDay; to: IsoDay | null };

/** Deferrals as the intervals the rules exclude; one still open counts up to today. */
export function excludedIntervals(deferrals: Deferral[], today: IsoDay): DayInterval[] {
  return deferrals.map((x) => ({ from: x.from, to: x.to ?? (today > x.from ? today : x.from) }));
}

export function offenceDay(row: DisciplineRow): IsoDay {
  return d.offenceMoment({ endedOn: row.offence_ended_on ?? undefined, concludedOn: row.offence_concluded_on ?? undefined });
}

export function limitationFacts(row: DisciplineRow, excluded: DayInterval[]): d.LimitationFacts {
  return { offenceOn: offenceDay(row), discoveredOn: row.discovered_on, limitationClass: row.limitation_class, laterOffences: row.later_offences, excluded };
}

export type DisciplineClock = {
  name: 'limitation' | 'time_limit' | d.Step;
  label: string;
  /** null: no limitation applies (art. 5(4)). */
  dueOn: IsoDay | null;
  doneOn: IsoDay | null;
  state: ClockState;
};

function clock(name: DisciplineClock['name'], label: string, dueOn: IsoDay, doneOn: IsoDay | null, today: IsoDay): DisciplineClock {
  return { name, label, dueOn, doneOn, state: clockState(dueOn, doneOn, today) };
}

/**
 * Every clock of the case on `today`: the limitation (to the written notice), the time to decide (to the
 * decision, deferrals not counted), and each step's timer once the step it runs from is recorded.
 */
export function disciplineClocks(row: DisciplineRow, deferrals: Deferral[], isWorking: IsWorkingDay, today: IsoDay): DisciplineClock[] {
  const excluded = excludedIntervals(deferrals, today);
  const rulesDay = row.discovered_on;
  const out: (DisciplineClock | null)[] = [];
  out.push(safely(() => {
    const end = d.limitationEnd(limitationFacts(row, excluded), isWorking);
    if (end === null) return { name: 'limitation', label: 'Thời hiệu xử lý kỷ luật: không áp dụng (điều 5 khoản 4)', dueOn: null, doneOn: row.notice_on, state: row.notice_on ? 'done_in_time' : 'running' } satisfies DisciplineClock;
    return clock('limitation', 'Thời hiệu xử lý kỷ luật (điều 5)', end, row.notice_on, today);
  }));
  const finished = row.decision_date ?? row.closed_on;
  out.push(safely(() => clock('time_limit', 'Thời hạn xử lý kỷ luật (điều 5 khoản 5)', d.decisionDeadline({ discoveredOn: row.discovered_on, complex: row.complex, excluded }, isWorking), finished, today)));
  const step = (name: Exclude<d.Step, 'summons' | 'termination_after_judgment'>, label: string, from: IsoDay | null, done: IsoDay | null) => {
    if (from) out.push(safely(() => clock(name, label, d.stepDue(name, from, rulesDay, isWorking), done, today)));
  };
  step('review_report', 'Gửi báo cáo kiểm điểm (điều 17)', row.review_meeting_on, row.review_report_on);
  step('council_set_up', 'Thành lập hội đồng kỷ luật (điều 18)', row.review_report_on, row.council_set_up_on);
  // The summons runs backwards from the meeting: known once the meeting's day is recorded.
  if (row.council_meeting_on && row.summons_on) {
    out.push(safely(() => clock('summons', 'Gửi giấy triệu tập trước ít nhất 5 ngày làm việc (điều 20)', d.latestSummonsDay(row.council_meeting_on!, rulesDay, isWorking), row.summons_on, today)));
  }
  step('recommendation', 'Kiến nghị của hội đồng (điều 21)', row.council_meeting_on, row.recommendation_on);
  step('decision', 'Ra quyết định kỷ luật (điều 21)', row.recommendation_on, row.decision_date);
  return out.filter((c): c is DisciplineClock => c !== null);
}

/**
 * The decision's validity: it lapses by itself 12 months on, or earlier when a later decision for the
 * same person takes effect (art. 2(9)); `laterEffectiveOn` is the earliest such day, read by the service.
 */
export function decisionValidity(row: DisciplineRow, laterEffectiveOn: IsoDay | null, isWorking: IsWorkingDay, today: IsoDay) {
  if (row.status !== 'decided' || !row.effective_on) return null;
  const facts: d.DecisionFacts = { effectiveOn: row.effective_on, partyDecisionEffectiveOn: row.party_decision_effective_on ?? undefined, supersededOn: laterEffectiveOn ?? undefined };
  const lapses = safely(() => d.lapsesOn(facts, isWorking));
  if (!lapses) return null;
  return { lapsesOn: lapses, lastDayInForce: addDays(lapses, -1), inForce: today >= row.effective_on && today < lapses, superseded: !!laterEffectiveOn && laterEffectiveOn <= lapses };
}

/** The stage the case is at, for lists and the next action the page offers. */
export function stageOf(row: DisciplineRow, deferred: boolean): string {
  if (row.status !== 'open') return row.status;
  if (deferred) return 'deferred';
  const order: (StepName | 'council_set_up')[] = ['recommendation', 'council_meeting', 'summons', 'council_set_up', 'review_report', 'review_meeting', 'notice'];
  return order.find((s) => stepDay(row, s)) ?? 'opened';
}

export const FORM_VI: Record<d.Form, string> = {
  khien_trach: 'khiển trách', canh_cao: 'cảnh cáo', cach_chuc: 'cách chức', buoc_thoi_viec: 'buộc thôi việc', bai_nhiem: 'bãi nhiệm',
};

const PROBLEM_VI: Record<d.CouncilProblem['code'], string> = {
  MEMBER_COUNT: 'Hội đồng kỷ luật có đúng 3 thành viên (điều 19).',
  ROLE_MISSING: 'Hội đồng thiếu thành viên: chủ tịch, đại diện lãnh đạo đơn vị sử dụng, đại diện bộ phận tổ chức cán bộ.',
  ROLE_REPEATED: 'Mỗi vai trò trong hội đồng chỉ do một người đảm nhận.',
  MEMBER_REPEATED: 'Một người được chọn hai lần.',
  MEMBER_IS_SUBJECT: 'Người bị xem xét kỷ luật không được là thành viên hội đồng.',
  MEMBER_IS_RELATIVE: 'Người thân của người bị xem xét kỷ luật không được là thành viên hội đồng (điều 2 khoản 11).',
  MEMBER_INVOLVED: 'Người có quyền lợi, nghĩa vụ liên quan đến vi phạm không được là thành viên hội đồng.',
};

/** The council's problems as field errors, in both languages. */
export function councilErrors(problems: d.CouncilProblem[]) {
  return problems.map((p) => ({ path: 'members', message: PROBLEM_VI[p.code], messageEn: `${p.code}: ${JSON.stringify(p)}` }));
}
