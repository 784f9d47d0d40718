/**
 * The inspection report's counting (issue 18 scope 4), pure. Every figure comes from the clocks the
 * case pages show (case-rules.ts `caseClocks`, discipline-rules.ts `disciplineClocks` and
 * `decisionValidity`): this file never computes a period, it only decides which case a figure counts
 * and on which day its clock is read. RULES.md "Reports" states the choices.
 *
 * A case is read "as it stood" on a day: dates after that day are not known yet (an acceptance, a
 * decision, a step, an extension, a deferral's end), so a past period's figures do not move when the
 * case goes on. Its kind and complexity are taken as recorded now (a reclassification corrects them).
 */
import { addDays } from '../directives/rules/deadlines.js';
import { caseClocks, type CaseClock } from './case-rules.js';
import { factsOf } from './case-view.js';
import type { CaseRow } from './cases.repository.js';
import { decisionValidity, disciplineClocks, type Deferral, type DisciplineClock, type DisciplineRow } from './discipline-rules.js';
import { laterEffectiveOn } from './discipline-view.js';
import type { IsoDay, IsWorkingDay } from './rules/calendar.js';
import {
  CASE_KIND_LABELS, CASE_KIND_ORDER, zeroForms, zeroOutcomes,
  type CaseFigures, type CaseStatusKey, type DisciplineFigures, type InspectionReport,
} from './reports-labels.js';

/** A period's first and last day, and the day open cases are judged on (its last day, or today while it runs). */
export type ReportDays = { from: IsoDay; to: IsoDay; asOf: IsoDay };

/** A case with the days of what its row does not date: each extension's decision and the start of verification. */
export type CaseRecord = { row: CaseRow; extensionsDecidedOn: (IsoDay | null)[]; verifyingFrom: IsoDay | null };
export type DisciplineRecord = { row: DisciplineRow; deferrals: Deferral[] };

const on = (d: IsoDay | null | undefined, day: IsoDay): boolean => !!d && d <= day;
const within = (d: IsoDay | null | undefined, p: ReportDays): boolean => !!d && d >= p.from && d <= p.asOf;

// ── complaints and denunciations ───────────────────────────────────────────────────────────────────

/** The case as known on `day`, or null when it had not been received yet. */
export function caseAsOf(rec: CaseRecord, day: IsoDay): CaseRow | null {
  const r = rec.row;
  if (r.received_on > day) return null;
  const keep = (d: IsoDay | null) => (on(d, day) ? d : null);
  // An extension whose decision day is unknown (a row written without its event) is taken as decided.
  const extensions = r.extension_days.filter((_days, i) => { const d = rec.extensionsDecidedOn[i]; return d === null || d === undefined || d <= day; });
  const concluded = keep(r.concluded_on);
  const published = r.published && on(r.published_on, day);
  return {
    ...r, status: caseStatusOn(rec, day)!, accepted_on: keep(r.accepted_on), refused_on: keep(r.refused_on), concluded_on: concluded,
    decision_date: concluded ? r.decision_date : null, decision_no: concluded ? r.decision_no : null, outcome: concluded ? r.outcome : null, conclusion: concluded ? r.conclusion : null,
    extension_days: extensions, published, published_on: published ? r.published_on : null,
  };
}

/** The case's status on `day` from its dates; null before it was received. */
export function caseStatusOn(rec: CaseRecord, day: IsoDay): CaseStatusKey | null {
  const r = rec.row;
  if (r.received_on > day) return null;
  if (on(r.refused_on, day)) return 'refused';
  if (on(r.concluded_on, day)) return 'concluded';
  if (!on(r.accepted_on, day)) return 'received';
  return on(rec.verifyingFrom, day) ? 'verifying' : 'accepted';
}

/** Received and neither decided nor refused by the end of `day`. */
export const caseOpenOn = (r: CaseRow, day: IsoDay): boolean => r.received_on <= day && !on(r.concluded_on, day) && !on(r.refused_on, day);

export function emptyCaseFigures(): CaseFigures {
  return {
    carriedOver: 0, received: 0, accepted: 0, refused: 0, acceptance: { onTime: 0, late: 0 }, resolved: 0, resolution: { onTime: 0, late: 0 },
    outcomes: zeroOutcomes(), published: 0, open: { total: 0, awaitingAcceptance: 0, inResolution: 0, overdue: 0 },
  };
}

/** Whether a case counts anywhere in a period's figures (carried over, received, decided, refused, published, or open at its end). */
export function caseInPeriod(rec: CaseRecord, p: ReportDays): boolean {
  const r = rec.row;
  return (r.received_on < p.from && caseOpenOn(r, addDays(p.from, -1))) || within(r.received_on, p) || (r.published && within(r.published_on, p));
}

/** Adds one case to `into`; `clocks` are its clocks as it stood on `asOf`. */
function addCase(into: CaseFigures, rec: CaseRecord, asOfRow: CaseRow, clocks: CaseClock[], p: ReportDays): void {
  const r = rec.row;
  const state = (names: CaseClock['name'][]) => clocks.find((c) => names.includes(c.name))?.state;
  if (r.received_on < p.from && caseOpenOn(r, addDays(p.from, -1))) into.carriedOver++;
  if (within(r.received_on, p)) into.received++;
  if (within(r.accepted_on, p)) into.accepted++;
  if (within(r.refused_on, p)) into.refused++;
  if (within(r.accepted_on, p) || within(r.refused_on, p)) {
    const s = state(['acceptance', 'intake']);
    if (s === 'done_in_time') into.acceptance.onTime++;
    else if (s === 'done_late') into.acceptance.late++;
  }
  if (within(r.concluded_on, p)) {
    into.resolved++;
    const s = state(['resolution']);
    if (s === 'done_in_time') into.resolution.onTime++;
    else if (s === 'done_late') into.resolution.late++;
    if (r.outcome) into.outcomes[r.outcome]++;
  }
  if (r.published && within(r.published_on, p)) into.published++;
  if (caseOpenOn(asOfRow, p.asOf)) {
    into.open.total++;
    if (asOfRow.accepted_on) into.open.inResolution++;
    else into.open.awaitingAcceptance++;
    if (clocks.some((c) => c.state === 'overdue')) into.open.overdue++;
  }
}

/** Complaint and denunciation figures of the period, by kind and in total, and the handled cases by status on `asOf`. */
export function caseReport(records: CaseRecord[], p: ReportDays, isWorking: IsWorkingDay): InspectionReport['cases'] {
  const byKind = new Map(CASE_KIND_ORDER.map((k) => [k, emptyCaseFigures()]));
  const total = emptyCaseFigures();
  const byStatus: Record<CaseStatusKey, number> = { received: 0, accepted: 0, verifying: 0, concluded: 0, refused: 0 };
  for (const rec of records) {
    const asOfRow = caseAsOf(rec, p.asOf);
    if (!asOfRow || !caseInPeriod(rec, p)) continue;
    const clocks = caseClocks(factsOf(asOfRow), isWorking, p.asOf);
    addCase(byKind.get(rec.row.kind)!, rec, asOfRow, clocks, p);
    addCase(total, rec, asOfRow, clocks, p);
    const handled = within(rec.row.received_on, p) || (rec.row.received_on < p.from && caseOpenOn(rec.row, addDays(p.from, -1)));
    if (handled) byStatus[caseStatusOn(rec, p.asOf)!]++;
  }
  return { byKind: CASE_KIND_ORDER.map((kind) => ({ kind, label: CASE_KIND_LABELS[kind], ...byKind.get(kind)! })), total, byStatus };
}

// ── discipline ─────────────────────────────────────────────────────────────────────────────────────

const STEP_COLUMNS = ['notice_on', 'review_meeting_on', 'review_report_on', 'council_set_up_on', 'summons_on', 'council_meeting_on', 'recommendation_on'] as const;

/** The discipline case as known on `day`, or null before its discovery. */
export function disciplineAsOf(row: DisciplineRow, day: IsoDay): DisciplineRow | null {
  if (row.discovered_on > day) return null;
  const out: DisciplineRow = { ...row };
  for (const c of STEP_COLUMNS) if (!on(out[c], day)) out[c] = null;
  if (row.status === 'decided' && !on(row.decision_date, day)) {
    Object.assign(out, { status: 'open', decision_form: null, decision_no: null, decision_date: null, effective_on: null, party_decision_effective_on: null });
  }
  if (row.status === 'closed' && !on(row.closed_on, day)) Object.assign(out, { status: 'open', closed_on: null, closed_reason: null });
  if (!on(row.recommendation_on, day)) out.recommended_form = null;
  return out;
}

/** Deferrals as known on `day`: one that began later is not there yet, one that ended later is still open. */
export function deferralsAsOf(deferrals: Deferral[], day: IsoDay): Deferral[] {
  return deferrals.filter((d) => d.from <= day).map((d) => ({ from: d.from, to: d.to !== null && d.to <= day ? d.to : null }));
}

export const disciplineOpenOn = (r: DisciplineRow, day: IsoDay): boolean =>
  r.discovered_on <= day && !(r.status === 'decided' && on(r.decision_date, day)) && !(r.status === 'closed' && on(r.closed_on, day));

export function emptyDisciplineFigures(): DisciplineFigures {
  return {
    carriedOver: 0, opened: 0, decided: 0, decidedByForm: zeroForms(), closedWithoutDiscipline: 0, timeLimitMissed: { finishedLate: 0, openOverdue: 0 },
    limitationExpired: 0, open: { total: 0, deferred: 0 }, inForce: { total: 0, byForm: zeroForms() },
  };
}

/**
 * Adds one case to `into`. `decidedOfSubject` are the decided cases of the same person (any unit), for the
 * decision that ends this one's validity early (art. 2(9)).
 */
function addDiscipline(into: DisciplineFigures, rec: DisciplineRecord, decidedOfSubject: DisciplineRow[], p: ReportDays, isWorking: IsWorkingDay): void {
  const r = rec.row;
  const asOfRow = disciplineAsOf(r, p.asOf);
  if (!asOfRow) return;
  const deferrals = deferralsAsOf(rec.deferrals, p.asOf);
  const clocks = disciplineClocks(asOfRow, deferrals, isWorking, p.asOf);
  const state = (name: DisciplineClock['name']) => clocks.find((c) => c.name === name)?.state;
  if (r.discovered_on < p.from && disciplineOpenOn(r, addDays(p.from, -1))) into.carriedOver++;
  if (within(r.discovered_on, p)) into.opened++;
  const decided = r.status === 'decided' && within(r.decision_date, p);
  const closed = r.status === 'closed' && within(r.closed_on, p);
  if (decided) { into.decided++; into.decidedByForm[r.decision_form!]++; }
  if (closed) into.closedWithoutDiscipline++;
  if ((decided || closed) && state('time_limit') === 'done_late') into.timeLimitMissed.finishedLate++;
  if (disciplineOpenOn(asOfRow, p.asOf)) {
    into.open.total++;
    if (deferrals.some((d) => d.from <= p.asOf && d.to === null)) into.open.deferred++;
    if (state('time_limit') === 'overdue') into.timeLimitMissed.openOverdue++;
    if (state('limitation') === 'overdue') into.limitationExpired++;
  }
  if (asOfRow.status === 'decided') {
    const known = decidedOfSubject.map((o) => disciplineAsOf(o, p.asOf)).filter((o): o is DisciplineRow => o?.status === 'decided');
    const v = decisionValidity(asOfRow, laterEffectiveOn(asOfRow, known), isWorking, p.asOf);
    if (v?.inForce) { into.inForce.total++; into.inForce.byForm[asOfRow.decision_form!]++; }
  }
}

/** Whether a discipline case counts anywhere in a period's figures. */
export function disciplineInPeriod(r: DisciplineRow, p: ReportDays): boolean {
  if (r.discovered_on > p.asOf) return false;
  return disciplineOpenOn(r, p.asOf) || within(r.discovered_on, p) || (r.discovered_on < p.from && disciplineOpenOn(r, addDays(p.from, -1)))
    || (r.status === 'decided' && (within(r.decision_date, p) || on(r.decision_date, p.asOf))) || (r.status === 'closed' && within(r.closed_on, p));
}

/** Discipline figures of the period; `decidedBySubject` holds every decided case of the people concerned. */
export function disciplineReport(records: DisciplineRecord[], decidedBySubject: Map<number, DisciplineRow[]>, p: ReportDays, isWorking: IsWorkingDay): DisciplineFigures {
  const out = emptyDisciplineFigures();
  for (const rec of records) {
    if (!disciplineInPeriod(rec.row, p)) continue;
    addDiscipline(out, rec, decidedBySubject.get(rec.row.subject_staff_id) ?? [], p, isWorking);
  }
  return out;
}

// ── units ──────────────────────────────────────────────────────────────────────────────────────────

type UnitNode = { id: number; parentId: number | null; code: string | null; name: string };

/**
 * The row each unit of `root`'s subtree is counted in: the root itself for its own cases, else the
 * root's direct child it lies under. Returns the rows in order (the root, then its children by code).
 */
export function unitGroups(root: UnitNode, units: UnitNode[]): { rows: UnitNode[]; groupOf: Map<number, number> } {
  const children = new Map<number, UnitNode[]>();
  for (const u of units) if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const direct = [...(children.get(root.id) ?? [])].sort((a, b) => (a.code ?? '').localeCompare(b.code ?? '') || a.id - b.id);
  const groupOf = new Map<number, number>([[root.id, root.id]]);
  const stack: [UnitNode, number][] = direct.map((c) => [c, c.id]);
  while (stack.length) {
    const [u, group] = stack.pop()!;
    groupOf.set(u.id, group);
    for (const c of children.get(u.id) ?? []) stack.push([c, group]);
  }
  return { rows: [root, ...direct], groupOf };
}

/** Any figure other than zero, however deep in the object. */
export function anyFigure(value: unknown): boolean {
  if (typeof value === 'number') return value !== 0;
  if (value && typeof value === 'object') return Object.values(value).some(anyFigure);
  return false;
}
