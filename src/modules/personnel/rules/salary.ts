/**
 * The next regular salary step (pure). The intervals are the ones Circular 08/2013/TT-BNV set for regular
 * step raises — 36 months for grades that require a college degree or higher, 24 months below that — and
 * a discipline in the period delays the step (6 months for a reprimand or a warning, 12 for a demotion or
 * removal from post). DOMAIN-MANAGEMENT does not yet cite them [?]: they are parameters, so a province can
 * correct them, and docs/PERSONNEL.md marks them as to be verified.
 */
import { addMonths } from './movements.js';

export type StepRule = { monthsHigher: number; monthsLower: number; delays: { form: RegExp; months: number }[] };
export const CIRCULAR_08_2013: StepRule = {
  monthsHigher: 36,
  monthsLower: 24,
  delays: [
    { form: /giáng chức|cách chức/i, months: 12 },
    { form: /khiển trách|cảnh cáo/i, months: 6 },
  ],
};

/** The last step of the general grades (Decree 204/2004 table 2: A3.1 has 6 steps, A2.1 8, A1 9, A0 10, B 12). */
export const MAX_STEPS: Readonly<Record<string, number>> = { '01.001': 6, '01.002': 8, '01.003': 9, '01.004': 12, '01.005': 12 };

/** Grades that need a college degree or higher: the general grades from chuyên viên up (codes 01.001–01.003). */
export const HIGHER_GRADES = /^01\.00[1-3]$/;

export type StepFacts = { gradeCode: string; step: number; maxStep: number; since: string; discipline: { on: string; form: string }[] };
export type NextStep = { kind: 'regular'; on: string; delayedMonths: number } | { kind: 'top'; message: string };

/**
 * When the next step is due: `since` (the day the current step took effect) plus the grade's interval,
 * plus the delay of the heaviest discipline imposed within that period. At the grade's last step there
 * is no regular raise (the seniority allowance takes over).
 */
export function nextStep(rule: StepRule, f: StepFacts): NextStep {
  if (f.step >= f.maxStep) return { kind: 'top', message: 'Đã ở bậc cuối của ngạch: xét phụ cấp thâm niên vượt khung, không nâng bậc thường xuyên.' };
  const base = addMonths(f.since, HIGHER_GRADES.test(f.gradeCode) ? rule.monthsHigher : rule.monthsLower);
  const within = f.discipline.filter((d) => d.on >= f.since && d.on < base);
  const delay = Math.max(0, ...within.map((d) => rule.delays.find((x) => x.form.test(d.form))?.months ?? 0));
  return { kind: 'regular', on: addMonths(base, delay), delayedMonths: delay };
}

/** People whose next step falls within `from`..`to` (both included), for HR's list of raises to prepare. */
export function stepsDue<T extends { nextOn: string | null }>(people: readonly T[], from: string, to: string): T[] {
  return people.filter((p) => p.nextOn !== null && p.nextOn >= from && p.nextOn <= to).sort((a, b) => a.nextOn!.localeCompare(b.nextOn!));
}
