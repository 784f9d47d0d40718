import type { Actor } from '../../platform/access/policy.js';
import type { DossierRow, StoredEvent } from './dossiers.repository.js';
import { EVENT_LABELS } from './rules/events.js';
import type { DossierState } from './rules/reducer.js';
import { dossierTimeliness, STATUS_INFO, timeliness } from './rules/statuses.js';
import { documentDigitised, type ListedDocument } from './rules/digital.js';
import { resultStep } from './rules/result-step.js';
import { allowedActions, refusalReasons } from './rules/transitions.js';

/**
 * A row as the views take it: live, or archived (migration 0030) with the instant it moved. Rows of
 * `dossiers` have no `archived_at`; rows of `dossier_records` have it null while live.
 */
export type ViewedRow = DossierRow & { archived_at?: Date | null };

/**
 * The dossier as staff see it: the row, the reduced state, the history and what they may do next —
 * nothing, when it is archived (closed long ago and read-only).
 */
export function presentDossier(row: ViewedRow, state: DossierState, events: StoredEvent[], now: Date, actor?: Actor | null) {
  const mayAct = actor !== undefined && !row.archived_at;
  return {
    ...presentSummary(row, now),
    lookupSecret: row.lookup_secret,
    applicant: row.applicant,
    documents: documentsOf(row, state),
    /** Papers handed in with a supplement that are not on the list of received documents. */
    otherScans: state.scans.filter((x) => x.documentIndex === null).map(({ documentName, file, stage, at, by }) => ({ documentName, file, stage, at, by })),
    drafts: state.drafts,
    resultFile: state.resultFile,
    returnMethod: state.returnMethod,
    deliveryAddress: state.deliveryAddress,
    /** The step at which the result is recorded, by the competent unit's leadership (rules/result-step.ts). */
    resultStep: pickStep(resultStep(state.route)),
    fees: row.fees,
    processingTime: row.processing_time,
    competentUnitId: row.competent_unit_id,
    originalDueAt: state.originalDueAt,
    route: state.route,
    handovers: state.handovers,
    supplementRequested: state.supplementRequested,
    extended: state.extended,
    paymentDue: state.paymentDue,
    paid: state.paid,
    events: events.map(({ prevHash: _p, hash, ...e }) => ({ ...e, label: EVENT_LABELS[e.type], hash })),
    allowedActions: mayAct ? allowedActions(state) : [],
    /** Why the usual next moves are not open now, for the page to say so instead of hiding a button silently. */
    actionRefusals: mayAct ? refusalReasons(state, ['record_result', 'transfer']) : {},
  };
}

const pickStep = (s: ReturnType<typeof resultStep>) => (s ? { order: s.order, name: s.name, unitId: s.unitId, unitName: s.unitName } : null);

/** The received documents, each saying whether it is digitised and listing its scans. */
function documentsOf(row: DossierRow, state: DossierState) {
  const documents = row.documents as (ListedDocument & Record<string, unknown>)[];
  return documents.map((d, i) => ({
    ...d,
    digitised: documentDigitised(state, documents, i),
    scans: state.scans.filter((x) => x.documentIndex === i).map(({ file, stage, at, by }) => ({ file, stage, at, by })),
  }));
}

export function presentSummary(row: ViewedRow, now: Date) {
  const info = STATUS_INFO[row.status as keyof typeof STATUS_INFO];
  const due = row.due_at;
  const done = row.completed_at;
  return {
    code: row.code,
    status: info.key,
    statusCode: row.status,
    statusName: info.vi,
    statusNameEn: info.en,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    procedureVersionId: row.procedure_version_id,
    fieldName: row.field_name,
    caseCode: row.case_code,
    channel: row.channel,
    resultDelivery: row.result_delivery,
    applicantName: row.applicant_name,
    receivingUnitId: row.receiving_unit_id,
    receivedAt: row.received_at?.toISOString() ?? null,
    dueAt: due?.toISOString() ?? null,
    completedAt: done?.toISOString() ?? null,
    returnedAt: row.returned_at?.toISOString() ?? null,
    currentStep: row.current_step,
    currentUnitId: row.current_unit_id,
    currentStaffId: row.current_staff_id,
    stepDueAt: row.step_due_at?.toISOString() ?? null,
    /** Waiting for a supplement: the clock stopped then, and the due date will move on resumption. */
    pausedSince: row.status === 5 ? row.paused_at?.toISOString() ?? null : null,
    /** Digital flags (rules/digital.ts, migration 0017). */
    digitised: row.digitised,
    resultDigitised: row.result_digitised,
    paidOnline: row.paid_online,
    fullyOnline: row.fully_online,
    /** Derived, never stored (DOMAIN rule 2). */
    timeliness: dossierTimeliness({ status: row.status, dueAt: due, completedAt: done, pausedAt: row.paused_at }, now),
    version: row.version,
    /** Moved to the archive (closed long ago): still shown, read-only. */
    archived: Boolean(row.archived_at),
    archivedAt: row.archived_at?.toISOString() ?? null,
  };
}

/**
 * What anyone holding the receipt may see (public lookup): status, dates, steps by agency, on time
 * or late — no names, no contact data, no documents (Decree 356/2025 on personal data).
 */
export function presentPublic(row: ViewedRow, state: DossierState, now: Date) {
  const s = presentSummary(row, now);
  return {
    code: s.code, procedureName: s.procedureName, status: s.status, statusCode: s.statusCode, statusName: s.statusName, statusNameEn: s.statusNameEn,
    receivedAt: s.receivedAt, dueAt: s.dueAt, completedAt: s.completedAt, returnedAt: s.returnedAt, timeliness: s.timeliness, pausedSince: s.pausedSince,
    archived: s.archived, archivedAt: s.archivedAt,
    steps: state.handovers.map((h) => ({
      step: h.step, name: h.stepName, unitName: h.toUnitName, startedAt: h.at, completedAt: h.completedAt, dueAt: h.stepDueAt,
      // A step without a time budget (due = start) has no deadline to be early or late against.
      timeliness: h.completedAt && h.stepDueAt && h.stepDueAt > h.at ? timeliness(new Date(h.completedAt), new Date(h.stepDueAt)) : null,
    })),
  };
}
