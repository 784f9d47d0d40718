import type { DossierEvent } from '../../dossiers/rules/events.js';
import { timeliness, type Timeliness } from '../../dossiers/rules/statuses.js';

/**
 * The instants and flags of one dossier that form II.06a needs (docs/reports.md), folded from its
 * events. The same fold runs live (new events applied to the stored row, in the events' own
 * transaction) and in `rebuild-read-models` (all events from the start), so both give the same row.
 * Every due date a report may ask for "as it stood at instant T" is kept with the instant it took
 * effect: the rules allow one supplement pause (Decree 118 art. 11) and one extension (Lai Châu
 * QĐ 88/2025 art. 3(6)), so at most two changes after the first due date.
 */
export type Outcome = 'result' | 'stopped' | 'withdrawn' | 'refused';

export type ReportFacts = {
  receivedAt: string | null;
  originalDueAt: string | null;
  /** The supplement pause: when the clock stopped, when the documents came back, the due date it gave. */
  pauseStartedAt: string | null;
  pauseEndedAt: string | null;
  dueAfterPause: string | null;
  /** The pause began after the due date then in force: the dossier was already late when it stopped. */
  pausedWhenOverdue: boolean;
  extendedAt: string | null;
  dueAfterExtension: string | null;
  /** The current due date (after any shift and extension). */
  dueAt: string | null;
  completedAt: string | null;
  outcome: Outcome | null;
  /** Completed work (a result or a stop) against the due date in force when it was decided. */
  timeliness: Timeliness | null;
  returnedAt: string | null;
  /** The route has a step of another agency (liên thông); the dossier still counts once. */
  interAgency: boolean;
  version: number;
};

export const emptyFacts = (): ReportFacts => ({
  receivedAt: null, originalDueAt: null, pauseStartedAt: null, pauseEndedAt: null, dueAfterPause: null, pausedWhenOverdue: false,
  extendedAt: null, dueAfterExtension: null, dueAt: null, completedAt: null, outcome: null, timeliness: null, returnedAt: null,
  interAgency: false, version: 0,
});

/**
 * A result or a stop is judged against the due date then in force; a stop while paused for a
 * supplement is judged at the instant the clock stopped (the wait is the applicant's, not the office's).
 */
function complete(f: ReportFacts, e: DossierEvent, outcome: Outcome): ReportFacts {
  const paused = f.pauseStartedAt && !f.pauseEndedAt;
  const judgedAt = new Date(paused ? f.pauseStartedAt! : e.at);
  const judged = (outcome === 'result' || outcome === 'stopped') && f.dueAt ? timeliness(judgedAt, new Date(f.dueAt)) : null;
  return { ...f, completedAt: e.at, outcome, timeliness: judged };
}

export function applyReportEvent(f: ReportFacts, e: DossierEvent): ReportFacts {
  const next = ((): ReportFacts => {
    switch (e.type) {
      case 'received':
        return { ...f, receivedAt: e.receivedAt, originalDueAt: e.dueAt, dueAt: e.dueAt, interAgency: e.route.some((r) => r.interAgency || r.external) };
      case 'supplement_requested':
        return { ...f, pauseStartedAt: e.at, pausedWhenOverdue: !!f.dueAt && new Date(e.at).getTime() > new Date(f.dueAt).getTime() };
      case 'supplement_received':
        return { ...f, pauseEndedAt: e.at, dueAfterPause: e.newDueAt, dueAt: e.newDueAt };
      case 'extended':
        return { ...f, extendedAt: e.at, dueAfterExtension: e.newDueAt, dueAt: e.newDueAt };
      case 'result_recorded':
        return complete(f, e, 'result');
      case 'stopped':
        return complete(f, e, 'stopped');
      case 'withdrawn':
        return complete(f, e, 'withdrawn');
      case 'refused':
        return complete(f, e, 'refused');
      case 'result_returned':
        return { ...f, returnedAt: e.at };
      default:
        return f;
    }
  })();
  return { ...next, version: e.seq };
}

export const foldReportFacts = (events: readonly DossierEvent[], from: ReportFacts = emptyFacts()): ReportFacts => events.reduce(applyReportEvent, from);
