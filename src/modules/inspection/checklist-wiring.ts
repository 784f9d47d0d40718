/**
 * The checklist's figures read from the other modules' own published figures (their services, never
 * their tables), for an inspected unit's subtree and the period inspected; src/app.ts wires it. A
 * source that is not given answers "no figure" and the team checks that item by hand.
 */
import type { OrgService } from '../org/org.service.js';
import type { ReportService } from '../reports/reports.service.js';
import { periodFor } from '../reports/rules/periods.js';
import type { SourceFigures } from './checklist-rules.js';
import { vnDay } from './inspection.context.js';
import type { IsoDay } from './rules/calendar.js';

export type ChecklistScope = { unitId: number; from: IsoDay; to: IsoDay };
/** What an inspection reads to build its checklist (InspectionDeps.checklist). */
export type ChecklistPort = (scope: ChecklistScope) => Promise<SourceFigures>;

type Range = { unitIds: number[]; from: IsoDay; to: IsoDay };

export type ChecklistWiringDeps = {
  org: Pick<OrgService, 'allUnits' | 'subtrees' | 'staffNames'>;
  reports: Pick<ReportService, 'ii06aOf'>;
  /** One officer's steps handed on in [from, to) and how many by their step's due time (dossiers/staff-steps.ts). */
  dossierSteps: (staffId: number, from: Date, to: Date) => Promise<{ total: number; onTime: number }>;
  feedback: { stats(range: { from: string; to: string }): Promise<{ units: { unitId: number; answered: number; answeredOnTime: number }[] }> };
  directives: { dueTasksOnTime(unitIds: number[], from: string, to: string): Promise<{ due: number; onTime: number }> };
  /** Not published by any module yet (see RULES.md): the items show "no figure" until they are wired. */
  apologies?: (r: Range) => Promise<number>;
  conductFeedback?: (r: Range) => Promise<NonNullable<SourceFigures['conductFeedback']>>;
  now: () => Date;
};

const NONE: SourceFigures = { dossiers: null, steps: null, apologies: null, feedback: null, conductFeedback: null, directiveTasks: null };

/** Officers whose steps a checklist adds up: a commune's whole staff is a few dozen, a department's as many. */
const MAX_STAFF = 300;

export function checklistPort(deps: ChecklistWiringDeps): ChecklistPort {
  return async ({ unitId, from, to: asked }) => {
    const today = vnDay(deps.now());
    // A period still running is counted up to today: the record says what was known when it was taken.
    const to = asked < today ? asked : today;
    if (from > to) return NONE;
    const units = await deps.org.allUnits();
    const root = units.find((u) => u.id === unitId);
    if (!root) return NONE;
    const unitIds = (await deps.org.subtrees([unitId])).get(unitId) ?? [unitId];
    const inSubtree = new Set(unitIds);
    const range = { unitIds, from, to };

    const ii06a = await deps.reports.ii06aOf(root, units, periodFor(from, to), 'unit');
    const { completed, inProgress } = ii06a.totals;

    const start = new Date(`${from}T00:00:00+07:00`);
    const end = new Date(Math.min(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000, deps.now().getTime()));
    let steps: SourceFigures['steps'] = { total: 0, late: 0 };
    const staff = await deps.org.staffNames(unitIds);
    if (staff.length > MAX_STAFF) steps = null;
    else {
      for (const s of staff) {
        const r = await deps.dossierSteps(s.id, start, end);
        steps.total += r.total;
        steps.late += r.total - r.onTime;
      }
    }

    const feedbackRows = (await deps.feedback.stats({ from, to })).units.filter((u) => inSubtree.has(u.unitId));
    const answered = feedbackRows.reduce((a, u) => a + u.answered, 0);
    const answeredOnTime = feedbackRows.reduce((a, u) => a + u.answeredOnTime, 0);
    const tasks = await deps.directives.dueTasksOnTime(unitIds, from, to);

    return {
      dossiers: { completed: completed.total, completedLate: completed.late, inProgress: inProgress.total, overdue: inProgress.overdue },
      steps,
      apologies: deps.apologies ? { count: await deps.apologies(range) } : null,
      feedback: { answered, answeredLate: answered - answeredOnTime },
      conductFeedback: deps.conductFeedback ? await deps.conductFeedback(range) : null,
      directiveTasks: { due: tasks.due, late: tasks.due - tasks.onTime },
    };
  };
}
