/**
 * Answers of the quality module's Parts C and D (src/modules/quality/API.md): internal audits and their
 * findings, nonconformities with their corrective actions, the proposals read from the signals, and
 * management reviews. Types only; the server is the authority on every label and every rule.
 */
import type { AuditItemResult, AuditStatus, FindingKind, NcSourceColumn, NcStatusColumn } from '../../../../src/modules/quality/quality.tables';
import type { NcStep } from '../../../../src/modules/quality/rules/corrective-actions';
import type { Evidence } from '../../../../src/modules/quality/rules/nonconformity-proposals';
import type { Objective } from './types';

export type { AuditItemResult, AuditStatus, FindingKind, NcStep };
export type NcSource = NcSourceColumn;
export type NcStatus = NcStatusColumn;
export type SignalEvidence = Evidence;

export const AUDIT_ITEM_RESULTS: readonly AuditItemResult[] = ['conform', 'nonconformity', 'observation', 'na'];
export const FINDING_KINDS: readonly FindingKind[] = ['nonconformity', 'observation'];
export const NC_STATUSES: readonly NcStatus[] = ['open', 'action_planned', 'actions_done', 'verified_effective', 'closed'];
export const NC_SOURCES: readonly NcSource[] = ['audit', 'manual', 'overdue', 'apology', 'supplement', 'complaint', 'inspection', 'objective'];
/** Sources whose effectiveness is re-measured from the dossiers (rules/corrective-actions.ts). */
export const SIGNAL_SOURCES: readonly NcSource[] = ['overdue', 'apology', 'supplement'];

/** One row of a record's history (qms_events). */
export interface QmsHistoryEntry { at: string; action: string; actorName: string; details: Record<string, unknown> }

export interface AuditSummary {
  id: number;
  year: number;
  title: string;
  plannedFrom: string;
  plannedTo: string;
  status: AuditStatus;
  statusLabel: string;
  leadName: string;
  findings: { nonconformity: number; observation: number };
}

export interface AuditItem { seq: number; processId: number | null; clause: string | null; question: string; evidenceNote: string | null; result: AuditItemResult | null }
export interface AuditFinding {
  id: number;
  kind: FindingKind;
  kindLabel: string;
  clause: string | null;
  processId: number | null;
  description: string;
  evidence: string | null;
  itemSeq?: number | null;
  nonconformity: { id: number; code: string; status: NcStatus } | null;
}

export interface AuditDetail {
  id: number;
  qmsId: number;
  year: number;
  title: string;
  plannedFrom: string;
  plannedTo: string;
  criteria: string;
  processes: { id: number; code: string; name: string }[];
  team: { staffId: number; name: string; role: 'lead' | 'member' | string }[];
  status: AuditStatus;
  statusLabel: string;
  items: AuditItem[];
  findings: AuditFinding[];
  reportSummary: string | null;
  reportedOn: string | null;
  version: number;
  may: { edit: boolean; report: boolean };
  history: QmsHistoryEntry[];
  /** After a finding: the nonconformity it opened, if any. */
  raised?: { id: number; code: string } | null;
}

export interface AuditCreateBody {
  year: number;
  title: string;
  plannedFrom: string;
  plannedTo: string;
  criteria?: string;
  processIds: number[];
  leadStaffId: number;
  memberStaffIds?: number[];
  items?: { processId?: number; clause?: string; question: string }[];
}

export interface FindingBody { kind: FindingKind; clause?: string; processId?: number; description: string; evidence?: string; itemSeq?: number; ownerUnitId?: number }

export interface VerificationState { state: string; label: string; opensOn: string | null; dueOn: string | null }

export interface NcSummary {
  id: number;
  code: string;
  title: string;
  source: NcSource;
  sourceLabel: string;
  status: NcStatus;
  statusLabel: string;
  ownerUnitId: number;
  ownerUnitName: string;
  raisedOn: string;
  dueOn: string | null;
  verification: VerificationState | null;
}

export interface NcAction { seq: number; text: string; ownerStaffId: number | null; ownerName: string | null; dueOn: string; doneOn: string | null; doneNote: string | null }
export interface NcVerification { result: 'effective' | 'not_effective'; resultLabel: string; measured: Record<string, unknown> | null; note: string | null; verifiedByName: string; verifiedOn: string }

export interface NcDetail {
  id: number;
  qmsId: number;
  code: string;
  title: string;
  description: string;
  source: NcSource;
  sourceLabel: string;
  sourceKey: string | null;
  /** For a signal: the proposal's evidence (figures, period, dossier codes); an audit's or a person's: whatever they recorded. */
  evidence: Partial<SignalEvidence> & Record<string, unknown>;
  procedureCode: string | null;
  processId: number | null;
  finding: { id: number; auditId: number; auditTitle: string } | null;
  ownerUnitId: number;
  ownerUnitName: string;
  correction: string | null;
  rootCause: string | null;
  status: NcStatus;
  statusLabel: string;
  actions: NcAction[];
  verifications: NcVerification[];
  verification: (VerificationState & { remeasure: { from: string; to: string } | null }) | null;
  allowedSteps: NcStep[];
  raisedOn: string;
  raisedByName: string | null;
  closedOn: string | null;
  version: number;
  history: QmsHistoryEntry[];
}

export interface NcCreateBody { title: string; description: string; ownerUnitId: number; processId?: number; procedureCode?: string }
export interface NcPlanBody { version: number; correction?: string; rootCause: string; actions: { text: string; ownerStaffId?: number; dueOn: string }[] }

export interface Proposal { source: NcSource; sourceLabel: string; sourceKey: string; procedureCode: string; title: string; figure: number; evidence: SignalEvidence }
export interface ProposalList { period: { from: string; to: string }; asOf: string; items: Proposal[] }

export interface ReviewInputs {
  year: number;
  /** Part A's objectives with their readings (objectives.readingsOf). */
  objectives: Objective[];
  audits: { id: number; title: string; status: AuditStatus; reportedOn: string | null; nonconformities: number; observations: number }[];
  nonconformities: { byStatus: Partial<Record<NcStatus, number>>; bySource: Partial<Record<NcSource, number>>; open: number; closedInYear: number };
  proposalsOpen?: number;
  asOf: string;
  frozen: boolean;
}

export interface ReviewSummary { id: number; heldOn: string; status: 'draft' | 'held'; statusLabel: string; chairName: string | null; decisions: number; directiveDocumentId: number | null }
export interface ReviewDecision { text: string; ownerUnitId: number; ownerUnitName?: string; dueOn: string }
export interface ReviewTask { id: number; title: string; status: string; dueOn: string | null; leadUnitName: string | null; progress?: number }

export interface ReviewDetail {
  id: number;
  qmsId: number;
  heldOn: string;
  status: 'draft' | 'held';
  statusLabel?: string;
  chairStaffId: number | null;
  chairName: string | null;
  attendees: string;
  minutes: string;
  decisions: ReviewDecision[];
  inputs: ReviewInputs;
  directiveDocumentId: number | null;
  tasks: ReviewTask[] | null;
  version: number;
  may: { edit: boolean; hold: boolean; assign: boolean };
  history: QmsHistoryEntry[];
}

export interface ReviewUpdateBody { version: number; attendees?: string; minutes?: string; decisions?: { text: string; ownerUnitId: number; dueOn: string }[]; chairStaffId?: number | null }
