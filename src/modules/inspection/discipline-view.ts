import { decisionValidity, disciplineClocks, FORM_VI, offenceDay, stageOf, type Deferral, type DisciplineRow } from './discipline-rules.js';
import type { Names } from './inspection.context.js';
import type { IsoDay, IsWorkingDay } from './rules/calendar.js';
import { escalate, formsFor, type CouncilRole, type Form } from './rules/discipline.js';

/**
 * What the API answers for a discipline case. The council's deliberations (the secret ballot's counts
 * and the minutes) are given only when the service says the caller may read them: never to the person
 * under discipline, whatever else they may read.
 */
type DeferralRow = { case_id: number; from_date: string; to_date: string | null; reason: string; note: string | null };
type EventRow = { id: string; at: Date; action: string; actor_name: string; note: string | null; details: Record<string, unknown> };

export const deferralsAsIntervals = (rows: DeferralRow[]): Deferral[] => rows.map((r) => ({ from: r.from_date, to: r.to_date }));

/** The earliest day a later decision for the same person took effect: the end of this one (art. 2(9)). */
export function laterEffectiveOn(row: DisciplineRow, decided: DisciplineRow[]): IsoDay | null {
  const later = decided.filter((o) => o.id !== row.id && o.effective_on && row.effective_on && o.effective_on > row.effective_on).map((o) => o.effective_on!);
  return later.sort()[0] ?? null;
}

/**
 * A decision of the same person in force on the day of this case's offence: the new form must then be
 * at least one level above it (art. 2(3)); `minimumForm` is null when nothing is above it.
 */
export function priorInForce(row: DisciplineRow, decided: DisciplineRow[], isWorking: IsWorkingDay) {
  const day = offenceDay(row);
  for (const o of decided) {
    if (o.id === row.id || !o.effective_on || !o.decision_form) continue;
    const v = decisionValidity(o, laterEffectiveOn(o, decided), isWorking, day);
    if (v && day >= o.effective_on && day < v.lapsesOn) {
      return { caseId: o.id, form: o.decision_form, effectiveOn: o.effective_on, lapsesOn: v.lapsesOn, minimumForm: escalate(o.decision_form, row.person_kind, row.holds_post) };
    }
  }
  return null;
}

export function disciplineSummary(row: DisciplineRow, x: { names: Names; deferrals: DeferralRow[]; decided: DisciplineRow[]; isWorking: IsWorkingDay; today: IsoDay }) {
  const subject = x.names.staff(row.subject_staff_id);
  const deferred = x.deferrals.some((r) => r.case_id === row.id && r.to_date === null);
  const validity = decisionValidity(row, laterEffectiveOn(row, x.decided), x.isWorking, x.today);
  return {
    id: row.id, version: row.version, status: row.status, stage: stageOf(row, deferred), deferred,
    unitId: row.unit_id, unitName: x.names.unit(row.unit_id),
    subject: { staffId: row.subject_staff_id, fullName: subject?.fullName ?? '', unitName: subject?.unitName ?? '', position: subject?.position ?? null },
    personKind: row.person_kind, holdsPost: row.holds_post, offenceSummary: row.offence_summary, discoveredOn: row.discovered_on,
    sourceCaseId: row.source_case_id,
    decision: row.status === 'decided' ? {
      form: row.decision_form!, formName: FORM_VI[row.decision_form!], decisionNo: row.decision_no!, decisionDate: row.decision_date!, effectiveOn: row.effective_on!,
      partyDecisionEffectiveOn: row.party_decision_effective_on, lapsesOn: validity?.lapsesOn ?? null, lastDayInForce: validity?.lastDayInForce ?? null,
      inForce: validity?.inForce ?? false, superseded: validity?.superseded ?? false,
    } : null,
  };
}

export function disciplineDetail(
  row: DisciplineRow,
  x: {
    names: Names; deferrals: DeferralRow[]; decided: DisciplineRow[]; council: { staffId: number; role: CouncilRole }[]; events: EventRow[];
    deliberations: boolean; standing: 'reader' | 'subject'; allowedActions: string[]; isWorking: IsWorkingDay; today: IsoDay;
  },
) {
  const own = x.deferrals.filter((r) => r.case_id === row.id);
  return {
    ...disciplineSummary(row, x),
    offenceEndedOn: row.offence_ended_on, offenceConcludedOn: row.offence_concluded_on, laterOffences: row.later_offences,
    limitationClass: row.limitation_class, complex: row.complex,
    steps: {
      notice: row.notice_on, reviewMeeting: row.review_meeting_on, reviewReport: row.review_report_on, councilSetUp: row.council_set_up_on,
      summons: row.summons_on, councilMeeting: row.council_meeting_on, recommendation: row.recommendation_on,
    },
    deferrals: own.map((r) => ({ from: r.from_date, to: r.to_date, reason: r.reason, note: r.note })),
    council: x.council.map((m) => ({ staffId: m.staffId, role: m.role, fullName: x.names.staff(m.staffId)?.fullName ?? '' })),
    // The ballot and minutes: null for the person under discipline (deliberationsHidden says why it is empty).
    deliberations: x.deliberations && row.ballot ? { ballot: row.ballot, minutes: row.council_minutes } : null,
    deliberationsHidden: !x.deliberations,
    recommendedForm: row.recommended_form,
    closedOn: row.closed_on, closedReason: row.closed_reason,
    formsAllowed: formsFor(row.person_kind, row.holds_post) as readonly Form[],
    priorDecision: priorInForce(row, x.decided, x.isWorking),
    clocks: disciplineClocks(row, deferralsAsIntervals(own), x.isWorking, x.today),
    events: x.events.map((e) => ({
      id: Number(e.id), at: e.at.toISOString(), action: e.action, actorName: e.actor_name,
      // Belt and braces: a ballot event carries nothing, and the subject gets none of its words either.
      note: x.deliberations || e.action !== 'record_ballot' ? e.note : null,
      details: x.deliberations || e.action !== 'record_ballot' ? e.details : {},
    })),
    standing: x.standing,
    allowedActions: x.allowedActions,
  };
}
