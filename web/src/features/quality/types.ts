/**
 * The quality module's answers as the pages read them (src/modules/quality/API.md, Parts A and B).
 * Days are "YYYY-MM-DD"; a percentage without data is null and its `display` says "Chưa có dữ liệu".
 */
export type Obligation = 'mandatory' | 'encouraged';
export type Direction = 'at_least' | 'at_most';
export type YearBasis = 'statutory' | 'calendar';
export type ObjectiveMeasure = 'dossiers.on_time_rate' | 'dossiers.overdue_rate' | 'satisfaction.rate' | 'feedback.answered_on_time_rate' | 'manual';
export type ProcessKind = 'tthc' | 'support' | 'management';
export type DocumentKind = 'policy' | 'manual' | 'process' | 'form' | 'external';
export type DocVersionStatus = 'draft' | 'approved' | 'obsolete';
export type SyncStatus = 'current' | 'out_of_date' | 'catalog_withdrawn';

export const MEASURES: readonly ObjectiveMeasure[] = ['dossiers.on_time_rate', 'dossiers.overdue_rate', 'satisfaction.rate', 'feedback.answered_on_time_rate', 'manual'];
export const PROCESS_KINDS: readonly ProcessKind[] = ['tthc', 'support', 'management'];
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['policy', 'manual', 'process', 'form', 'external'];

export interface May { manage: boolean; approve: boolean }

/** One entry of a record's history (qms_events); `details` as the server wrote them. */
export interface QmsEvent {
  id?: number;
  at: string;
  action: string;
  actorName: string;
  entity?: string;
  details?: Record<string, unknown> | null;
}

export interface SystemItem {
  id: number;
  agencyUnitId: number;
  agencyName: string;
  obligation: Obligation;
  standard: string;
  objectives: { met: number; total: number };
  openNonconformities: number;
  may: May;
}
export interface SystemsAnswer { items: SystemItem[]; creatable: { unitId: number; name: string }[] }

export interface Exclusion { clause: string; reason: string }

export interface Declaration {
  id: number;
  decisionNo: string;
  decisionDate: string;
  signerName: string;
  standard: string;
  status: 'valid' | 'stale';
  staleReason: string | null;
  recordedAt?: string;
  recordedByName?: string;
}

export interface SystemDetail {
  id: number;
  agencyUnitId: number;
  agencyName: string;
  obligation: Obligation;
  obligationLabel: string;
  standard: string;
  scopeText: string;
  exclusions: Exclusion[];
  policyText: string;
  policyApproved: { on: string; byName: string } | null;
  isoSecretary: { staffId: number; name: string } | null;
  settings: Record<string, unknown>;
  version: number;
  may: May;
  declaration: Declaration | null;
  history: QmsEvent[];
}

export interface SystemUpdate {
  version: number;
  obligation?: Obligation;
  standard?: string;
  scopeText?: string;
  exclusions?: Exclusion[];
  policyText?: string;
  isoSecretaryStaffId?: number | null;
}

export interface DeclarationInput { decisionNo: string; decisionDate: string; signerName: string }

export interface Person { staffId: number; name: string; unitId: number; unitName: string }

export interface Period { from: string; to: string }

export interface Reading {
  period: Period;
  partial: boolean;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** "95,2%" or "Chưa có dữ liệu". */
  display: string;
  met: boolean | null;
  status?: 'met' | 'not_met' | 'no_data' | 'not_started';
  /** "Đạt", "Không đạt", "Chưa có dữ liệu", "Chưa đến kỳ đo". */
  statusLabel?: string;
}

export interface Objective {
  id: number;
  code: string;
  text: string;
  measure: ObjectiveMeasure;
  measureLabel: string;
  direction: Direction;
  targetPercent: number;
  /** "≥ 95%" */
  target: string;
  yearBasis: YearBasis;
  ownerUnitId: number | null;
  ownerUnitName?: string | null;
  manualNumerator?: number | null;
  manualDenominator?: number | null;
  active: boolean;
  version: number;
  reading: Reading;
}
export interface ObjectivesAnswer { year: number; period: Period; asOf: string; items: Objective[] }

export interface ObjectiveInput {
  year: number;
  code: string;
  text: string;
  measure: ObjectiveMeasure;
  direction?: Direction;
  targetPercent: number;
  yearBasis?: YearBasis;
  manualNumerator?: number;
  manualDenominator?: number;
  ownerUnitId?: number;
}
export interface ObjectiveUpdate {
  version: number;
  text?: string;
  direction?: Direction;
  targetPercent?: number;
  manualNumerator?: number | null;
  manualDenominator?: number | null;
  ownerUnitId?: number | null;
  active?: boolean;
}

export interface Sync {
  status: SyncStatus;
  label: string;
  changes: string[];
  /** The catalogue version in force today, when the procedure has one. */
  inForce?: { versionId: number; versionNo: number; effectiveFrom: string | null } | null;
}

export interface Process {
  id: number;
  code: string;
  name: string;
  kind: ProcessKind;
  kindLabel: string;
  ownerUnitId: number | null;
  ownerUnitName: string | null;
  catalogProcedureCode: string | null;
  caseCode: string | null;
  procedureName: string | null;
  active: boolean;
  version: number;
  document: { id: number; code: string; issueNo: number | null; sync: Sync | null } | null;
}
export interface ProcessInput { code: string; name: string; kind: ProcessKind; ownerUnitId?: number; catalogProcedureCode?: string; caseCode?: string }
export interface ProcessUpdate { version: number; name?: string; ownerUnitId?: number | null; active?: boolean }

export interface DocumentItem {
  id: number;
  code: string;
  title: string;
  kind: DocumentKind;
  kindLabel: string;
  processId: number | null;
  current: { versionId: number; issueNo: number; approvedOn: string | null; effectiveFrom: string | null } | null;
  draft: { versionId: number; issueNo: number } | null;
  sync: Sync | null;
}
export interface DocumentInput { code: string; title: string; kind: DocumentKind; processId?: number; content?: string }

export interface DocumentVersion {
  id: number;
  issueNo: number;
  status: DocVersionStatus;
  statusLabel: string;
  content: string;
  changeLog: string | null;
  draftedByName: string | null;
  approvedOn: string | null;
  approvedByName: string | null;
  effectiveFrom: string | null;
  obsoleteOn: string | null;
  obsoleteReason: string | null;
  catalogVersionId: number | null;
  catalogVersionNo: number | null;
  sync: Sync | null;
  version: number;
}
export interface DocumentDetail {
  id: number;
  qmsId: number;
  code: string;
  title: string;
  kind: DocumentKind;
  kindLabel?: string;
  processId: number | null;
  versions: DocumentVersion[];
  may: May;
  history: QmsEvent[];
}
