import { digitalFlags, type ListedDocument } from './digital.js';
import type { DossierState } from './reducer.js';

/**
 * The query columns of the dossiers row that the reducer decides. `saveProjection` writes them and
 * `verify` recomputes them from the events and compares: a row edited behind the application's back
 * (a status with no event behind it) is reported. `involved_unit_ids` is left out: it also holds the
 * receiving and competent units, which are not events. The digitisation flags also read the row's
 * list of received documents (fixed at intake), which says how many documents there are to scan.
 */
export type ProjectedColumns = {
  status: number;
  received_at: Date | null;
  due_at: Date | null;
  completed_at: Date | null;
  returned_at: Date | null;
  current_step: number | null;
  current_unit_id: number | null;
  current_staff_id: number | null;
  step_due_at: Date | null;
  paused_at: Date | null;
  extended: boolean;
  /** Migration 0017 (rules/digital.ts): counted by the statistics. */
  digitised: boolean;
  result_digitised: boolean;
  paid_online: boolean;
  fully_online: boolean;
  version: number;
};

const date = (v: string | null) => (v ? new Date(v) : null);

export function projectionOf(s: DossierState, documents: readonly ListedDocument[]): ProjectedColumns {
  const flags = digitalFlags(s, documents);
  return {
    status: s.status,
    received_at: date(s.receivedAt),
    due_at: date(s.dueAt),
    completed_at: date(s.completedAt),
    returned_at: date(s.returnedAt),
    current_step: s.step || null,
    current_unit_id: s.currentUnitId,
    current_staff_id: s.assignee?.staffId ?? null,
    step_due_at: date(s.stepDueAt),
    paused_at: date(s.pausedSince),
    extended: s.extended,
    digitised: flags.digitised,
    result_digitised: flags.resultDigitised,
    paid_online: flags.paidOnline,
    fully_online: flags.fullyOnline,
    version: s.version,
  };
}

/** The columns whose stored value differs from the value the events give. */
export function projectionDifferences(row: ProjectedColumns, s: DossierState, documents: readonly ListedDocument[]): (keyof ProjectedColumns)[] {
  const expected = projectionOf(s, documents);
  const key = (v: unknown) => (v instanceof Date ? v.getTime() : v === undefined ? null : v);
  return (Object.keys(expected) as (keyof ProjectedColumns)[]).filter((k) => key(row[k]) !== key(expected[k]));
}
