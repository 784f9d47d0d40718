/**
 * Discipline of cán bộ and công chức under Decree 172/2025/NĐ-CP (signed 30/6/2025, in force
 * 1/7/2025). Read in full [V]: github.com/tnt305/tai_lieu_noi_bo, src/etl/dataset/de54f5fa3cc24927.md
 * (a copy of the decree's text). Article numbers below are the decree's.
 *
 * Viên chức are not covered: their discipline stays under Decree 112/2020 (art. 29(2)).
 * Days are calendar days where the decree says "ngày" (90/150 days to decide, art. 5(5)) and working
 * days where it says "ngày làm việc" (the step timers, arts 17(4), 18(1), 20(1)(a), 21(1)-(2)).
 */
import {
  calendarDays, monthsEnd, periodEnd, workingDays, workingDaysBefore,
  type DayInterval, type IsoDay, type IsWorkingDay, type Period,
} from './calendar.js';
import { checkVersions, versionOn, type RuleVersion } from './versions.js';
import { addDays } from '../../directives/rules/deadlines.js';

export type DisciplineRules = {
  /** Art. 5(3): 60 months for an offence at reprimand level, 120 months for any other. */
  readonly limitationMonths: { readonly reprimandLevel: number; readonly other: number };
  /** Art. 5(5): from discovery to the decision. */
  readonly decideWithin: { readonly normal: Period; readonly complex: Period };
  readonly steps: Readonly<Record<Step, Period>>;
  /** Art. 2(9): a decision is in force 12 months from its effective date. */
  readonly validityMonths: number;
};

export type Step =
  | 'review_report' // art. 17(4): report and minutes to the authority ≤ 3 working days after the review meeting
  | 'council_set_up' // art. 18(1): council ≤ 5 working days after the report is received
  | 'summons' // art. 20(1)(a): summons sent ≥ 5 working days before the council meets (counted backwards)
  | 'recommendation' // art. 21(1)(a): written recommendation ≤ 5 working days after the council meeting
  | 'decision' // art. 21(1)(b): decision ≤ 5 working days after the recommendation is received
  | 'termination_after_judgment'; // art. 21(2): forced termination ≤ 15 working days after the judgment is received

const DECREE_172: DisciplineRules = {
  limitationMonths: { reprimandLevel: 60, other: 120 },
  decideWithin: { normal: calendarDays(90), complex: calendarDays(150) },
  steps: {
    review_report: workingDays(3),
    council_set_up: workingDays(5),
    summons: workingDays(5),
    recommendation: workingDays(5),
    decision: workingDays(5),
    termination_after_judgment: workingDays(15),
  },
  validityMonths: 12,
};

/** One version: the decree applies to cases considered from 1/7/2025; earlier ones are not modelled. */
export const DISCIPLINE_RULES: readonly RuleVersion<DisciplineRules>[] = checkVersions([
  { effectiveFrom: '2025-07-01', source: 'Nghị định 172/2025/NĐ-CP arts 2, 5, 17–21', confidence: 'V', verified: true, rules: DECREE_172 },
]);

type Table = readonly RuleVersion<DisciplineRules>[];

/** Rules for a case, selected by the day the offence was discovered (the day its time limit starts). */
export function disciplineRulesOn(day: IsoDay, table: Table = DISCIPLINE_RULES): RuleVersion<DisciplineRules> {
  return versionOn(table, day);
}

// ── Limitation (thời hiệu), art. 5(1)–(4) ───────────────────────────────────────────────────────────

/**
 * The offences with no limitation (art. 5(4)): a Party member's offence at expulsion level, internal
 * political security, national interest in defence/security/foreign affairs, fake or illegal diplomas.
 */
export type LimitationClass = 'reprimand_level' | 'other' | 'no_limitation';

/** Art. 5(2): the offence's moment is when it ended; when that cannot be known, the competent conclusion. */
export function offenceMoment(o: { readonly endedOn?: IsoDay; readonly concludedOn?: IsoDay }): IsoDay {
  const day = o.endedOn ?? o.concludedOn;
  if (!day) throw new Error('an offence needs the day it ended or the day of the conclusion about it');
  return day;
}

export type LimitationFacts = {
  readonly offenceOn: IsoDay;
  /**
   * The day the case is taken up: it selects the rule set. Not the offence's day — an offence from
   * before 1/7/2025 considered after it falls under Decree 172 (art. 28(1)), unless the older rules
   * favour the official, a comparison left to the person deciding.
   */
  readonly discoveredOn: IsoDay;
  readonly limitationClass: LimitationClass;
  /** Later offences: one committed before the running limitation ends restarts it (art. 5(1)). */
  readonly laterOffences?: readonly IsoDay[];
  /** Deferral (art. 3), criminal proceedings, complaint or lawsuit time: not counted (art. 5(6)). */
  readonly excluded?: readonly DayInterval[];
};

/**
 * Last day on which the authority may still issue the written notice of consideration, or null when
 * no limitation applies.
 */
export function limitationEnd(f: LimitationFacts, isWorking: IsWorkingDay, table: Table = DISCIPLINE_RULES): IsoDay | null {
  if (f.limitationClass === 'no_limitation') return null;
  const rules = versionOn(table, f.discoveredOn).rules;
  const months = f.limitationClass === 'reprimand_level' ? rules.limitationMonths.reprimandLevel : rules.limitationMonths.other;
  const options = { excluded: f.excluded ?? [] };
  let start = f.offenceOn;
  let end = monthsEnd(start, months, isWorking, options);
  for (const later of [...(f.laterOffences ?? [])].sort()) {
    if (later <= start) continue;
    if (later > end) break; // the first offence's limitation had already run out
    start = later;
    end = monthsEnd(start, months, isWorking, options);
  }
  return end;
}

/** May the authority still act: a notice on `noticeOn` is within the limitation. */
export function withinLimitation(noticeOn: IsoDay, f: LimitationFacts, isWorking: IsWorkingDay, table: Table = DISCIPLINE_RULES): boolean {
  const end = limitationEnd(f, isWorking, table);
  return end === null || noticeOn <= end;
}

// ── Time to decide (thời hạn), art. 5(5)–(6) ────────────────────────────────────────────────────────

/**
 * Last day for the decision, counted from discovery, with the deferral and other excluded intervals
 * not counted. Past it the authority answers for the delay, yet must still decide if the limitation
 * has not run out (art. 5(5)) — so this is a deadline to report, never a reason to close a case.
 */
export function decisionDeadline(
  c: { readonly discoveredOn: IsoDay; readonly complex?: boolean; readonly excluded?: readonly DayInterval[] },
  isWorking: IsWorkingDay,
  table: Table = DISCIPLINE_RULES,
): IsoDay {
  const rules = versionOn(table, c.discoveredOn).rules;
  return periodEnd(c.discoveredOn, c.complex ? rules.decideWithin.complex : rules.decideWithin.normal, isWorking, { excluded: c.excluded ?? [] });
}

// ── Step timers ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Due day of a step counted forward from the event before it (`from`): the meeting's end, the
 * report's receipt, the recommendation's receipt, the judgment's receipt. `rulesDay` selects the set
 * (the case's discovery day). The summons counts backwards: use `latestSummonsDay`.
 */
export function stepDue(step: Exclude<Step, 'summons'>, from: IsoDay, rulesDay: IsoDay, isWorking: IsWorkingDay, table: Table = DISCIPLINE_RULES): IsoDay {
  return periodEnd(from, versionOn(table, rulesDay).rules.steps[step], isWorking);
}

/** The last day the summons may be sent for a council meeting on `meetingOn`. */
export function latestSummonsDay(meetingOn: IsoDay, rulesDay: IsoDay, isWorking: IsWorkingDay, table: Table = DISCIPLINE_RULES): IsoDay {
  return workingDaysBefore(meetingOn, versionOn(table, rulesDay).rules.steps.summons.days, isWorking);
}

// ── Forms, escalation, validity ─────────────────────────────────────────────────────────────────────

/** Art. 7. Demotion (giáng chức) and salary-step reduction no longer exist for cán bộ and công chức. */
export type Form = 'khien_trach' | 'canh_cao' | 'cach_chuc' | 'buoc_thoi_viec' | 'bai_nhiem';
export type PersonKind = 'cong_chuc' | 'can_bo';

/**
 * The forms open to a person, mildest first. Cách chức needs a post: a công chức in a leading or
 * managing post (art. 7(2)(c)); a cán bộ approved, appointed or designated to a post (art. 7(1)(c)).
 */
export function formsFor(kind: PersonKind, holdsPost: boolean): readonly Form[] {
  const top: Form = kind === 'cong_chuc' ? 'buoc_thoi_viec' : 'bai_nhiem';
  return holdsPost ? ['khien_trach', 'canh_cao', 'cach_chuc', top] : ['khien_trach', 'canh_cao', top];
}

/**
 * One level up (art. 2(3)): for a công chức without a post, a warning is followed by forced
 * termination, as art. 11(1) says. Null when there is nothing above (the person leaves the service).
 */
export function escalate(form: Form, kind: PersonKind, holdsPost: boolean): Form | null {
  const ladder = formsFor(kind, holdsPost);
  const at = ladder.indexOf(form);
  if (at < 0) throw new Error(`${form} is not a form for this person`);
  return ladder[at + 1] ?? null;
}

/**
 * The form for a new offence committed while a decision is in force (art. 2(3)): one level above the
 * current form when the new offence alone deserves no more than it (a), one level above the new
 * offence's own form when that is heavier (b).
 */
export function formForOffenceDuringValidity(current: Form, deserved: Form, kind: PersonKind, holdsPost: boolean): Form | null {
  const ladder = formsFor(kind, holdsPost);
  return ladder.indexOf(deserved) <= ladder.indexOf(current) ? escalate(current, kind, holdsPost) : escalate(deserved, kind, holdsPost);
}

export type DecisionFacts = {
  readonly effectiveOn: IsoDay;
  /** When a Party discipline decision came first, validity runs from that one's effective day (art. 2(9)). */
  readonly partyDecisionEffectiveOn?: IsoDay;
  /** The day a decision for a new offence took effect: the current one ends then (art. 2(9) third para). */
  readonly supersededOn?: IsoDay;
};

/**
 * The first day the decision is no longer in force. Twelve months counted as a period (calendar.ts:
 * the effective day not counted, ending on the same date twelve months on), with no move off a day
 * off — validity is a state, not a deadline to act. It lapses by itself, with no document.
 */
export function lapsesOn(d: DecisionFacts, isWorking: IsWorkingDay, table: Table = DISCIPLINE_RULES): IsoDay {
  const from = d.partyDecisionEffectiveOn ?? d.effectiveOn;
  const last = monthsEnd(from, versionOn(table, d.effectiveOn).rules.validityMonths, isWorking, { offDayEnd: 'as_counted' });
  const lapse = addDays(last, 1);
  return d.supersededOn && d.supersededOn < lapse ? d.supersededOn : lapse;
}

/** Whether the decision is in force on `day` (what the no-promotion and no-appointment flags read). */
export function inForce(d: DecisionFacts, day: IsoDay, isWorking: IsWorkingDay, table: Table = DISCIPLINE_RULES): boolean {
  return day >= d.effectiveOn && day < lapsesOn(d, isWorking, table);
}

// ── Council composition, arts 2(11), 18(2)(a), 19 ──────────────────────────────────────────────────

/** Art. 19(1)–(2): a chair from the disciplining authority, a leader of the employing unit, a personnel officer. */
export type CouncilRole = 'chair' | 'employing_unit_leader' | 'personnel';
export type CouncilMember = { readonly personId: string; readonly role: CouncilRole };

/**
 * Art. 2(11)'s list, from the person's side: spouse; birth parents; parents-in-law; adoptive parents;
 * birth or adopted children; siblings; aunts and uncles by blood (cô, dì, chú, bác, cậu ruột); the
 * spouse's siblings; siblings' spouses. Kinship outside the list (cousins, grandparents) does not bar.
 */
export const BARRED_RELATIONS: ReadonlySet<string> = new Set([
  'spouse', 'parent', 'parent_in_law', 'adoptive_parent', 'child', 'adopted_child',
  'sibling', 'aunt_uncle', 'spouse_sibling', 'sibling_spouse',
]);

export type Relative = { readonly personId: string; readonly kind: string };
export type CouncilSubject = {
  readonly personId: string;
  readonly relatives: readonly Relative[];
  /** People with rights or duties linked to the offence, or in the same case (arts 2(11), 19(3)–(5)). */
  readonly involved?: readonly string[];
};

export type CouncilProblem =
  | { readonly code: 'MEMBER_COUNT'; readonly count: number }
  | { readonly code: 'ROLE_MISSING' | 'ROLE_REPEATED'; readonly role: CouncilRole }
  | { readonly code: 'MEMBER_REPEATED' | 'MEMBER_IS_SUBJECT' | 'MEMBER_INVOLVED'; readonly personId: string }
  | { readonly code: 'MEMBER_IS_RELATIVE'; readonly personId: string; readonly kind: string };

/** Everything that makes a proposed council unlawful; an empty list means it may be set up. */
export function councilProblems(members: readonly CouncilMember[], subject: CouncilSubject): CouncilProblem[] {
  const problems: CouncilProblem[] = [];
  // Art. 19: exactly three members; art. 18(2)(a): it meets only with all three present.
  if (members.length !== 3) problems.push({ code: 'MEMBER_COUNT', count: members.length });
  for (const role of ['chair', 'employing_unit_leader', 'personnel'] as const) {
    const n = members.filter((m) => m.role === role).length;
    if (n === 0) problems.push({ code: 'ROLE_MISSING', role });
    if (n > 1) problems.push({ code: 'ROLE_REPEATED', role });
  }
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.personId)) problems.push({ code: 'MEMBER_REPEATED', personId: m.personId });
    seen.add(m.personId);
    if (m.personId === subject.personId) problems.push({ code: 'MEMBER_IS_SUBJECT', personId: m.personId });
    const kin = subject.relatives.find((r) => r.personId === m.personId && BARRED_RELATIONS.has(r.kind));
    if (kin) problems.push({ code: 'MEMBER_IS_RELATIVE', personId: m.personId, kind: kin.kind });
    if (subject.involved?.includes(m.personId)) problems.push({ code: 'MEMBER_INVOLVED', personId: m.personId });
  }
  return problems;
}
