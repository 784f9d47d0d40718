/**
 * The inspection report's answer shapes and Vietnamese labels (issue 18 scope 4). No zod and no server
 * import here: the web app reads this file as it is.
 */
export type CaseKindKey = 'complaint_first' | 'complaint_second' | 'denunciation' | 'not_eligible';
export type CaseStatusKey = 'received' | 'accepted' | 'verifying' | 'concluded' | 'refused';
export type OutcomeKey = 'founded' | 'partly_founded' | 'unfounded' | 'withdrawn';
export type FormKey = 'khien_trach' | 'canh_cao' | 'cach_chuc' | 'buoc_thoi_viec' | 'bai_nhiem';

export const CASE_KIND_ORDER: readonly CaseKindKey[] = ['complaint_first', 'complaint_second', 'denunciation', 'not_eligible'];
export const CASE_STATUS_ORDER: readonly CaseStatusKey[] = ['received', 'accepted', 'verifying', 'concluded', 'refused'];
export const OUTCOME_ORDER: readonly OutcomeKey[] = ['founded', 'partly_founded', 'unfounded', 'withdrawn'];
export const FORM_ORDER: readonly FormKey[] = ['khien_trach', 'canh_cao', 'cach_chuc', 'buoc_thoi_viec', 'bai_nhiem'];

export const CASE_KIND_LABELS: Record<CaseKindKey, string> = {
  complaint_first: 'Khiếu nại lần đầu', complaint_second: 'Khiếu nại lần hai', denunciation: 'Tố cáo', not_eligible: 'Đơn không đủ điều kiện xử lý',
};
export const CASE_STATUS_LABELS: Record<CaseStatusKey, string> = {
  received: 'Chưa thụ lý', accepted: 'Đã thụ lý', verifying: 'Đang xác minh', concluded: 'Đã có quyết định, kết luận', refused: 'Không thụ lý',
};
export const OUTCOME_LABELS: Record<OutcomeKey, string> = {
  founded: 'Đúng', partly_founded: 'Đúng một phần', unfounded: 'Sai', withdrawn: 'Rút đơn',
};
/** As FORM_VI of discipline-rules, capitalised for a table's row. */
export const FORM_LABELS: Record<FormKey, string> = {
  khien_trach: 'Khiển trách', canh_cao: 'Cảnh cáo', cach_chuc: 'Cách chức', buoc_thoi_viec: 'Buộc thôi việc', bai_nhiem: 'Bãi nhiệm',
};

/** Complaints and denunciations of one kind (or all), over the period; `open` on the day `asOf`. */
export type CaseFigures = {
  /** Received before the period and not yet decided or refused on its first day. */
  carriedOver: number;
  /** Received during the period. */
  received: number;
  accepted: number;
  /** Refused during the period, a petition classified as not eligible included. */
  refused: number;
  /** Of those accepted or refused in the period: decided within the acceptance (intake) period or after it. */
  acceptance: { onTime: number; late: number };
  /** Decisions or conclusions issued during the period. */
  resolved: number;
  /** Of them: within the statutory resolution period (extensions included) or after it. */
  resolution: { onTime: number; late: number };
  outcomes: Record<OutcomeKey, number>;
  /** Results published during the period. */
  published: number;
  /** Still open on `asOf`: not yet accepted, or accepted and not yet resolved; `overdue` past one of its clocks. */
  open: { total: number; awaitingAcceptance: number; inResolution: number; overdue: number };
};

export type DisciplineFigures = {
  /** Discovered before the period and neither decided nor closed on its first day. */
  carriedOver: number;
  /** Discovered during the period. */
  opened: number;
  decided: number;
  decidedByForm: Record<FormKey, number>;
  closedWithoutDiscipline: number;
  /** Decided or closed during the period after the time to decide (art. 5(5)); open on `asOf` and past it. */
  timeLimitMissed: { finishedLate: number; openOverdue: number };
  /** Open on `asOf` with the limitation run out before any written notice (art. 5(1)). */
  limitationExpired: number;
  open: { total: number; deferred: number };
  /** Decisions in force on `asOf` (12 months from their effective day, unless superseded). */
  inForce: { total: number; byForm: Record<FormKey, number> };
};

/** What the plans of scope 1 count (report-ports.ts), as the report shows it. */
export type InspectionFigures = {
  planned: number;
  done: { planned: number; surprise: number };
  findingsByKind: Record<string, number>;
  recommendations: { total: number; closedOnTime: number; closedLate: number; overdue: number; open: number };
};

export type ReportPeriod = {
  /** 2026-Q1, 2026-Y… when the days are a statutory period (Decree 09/2019 cut-offs), else `custom`. */
  code: string;
  kind: string;
  label: string;
  from: string;
  to: string;
  /** The day open cases and clocks are judged on: the period's last day, or today while it runs. */
  asOf: string;
};

/** GET /api/v1/inspection/reports. */
export type InspectionReport = {
  period: ReportPeriod;
  scope: { unitId: number; unitName: string; province: boolean };
  cases: {
    byKind: ({ kind: CaseKindKey; label: string } & CaseFigures)[];
    total: CaseFigures;
    /** The cases the period handled (carried over or received) by their status on `asOf`. */
    byStatus: Record<CaseStatusKey, number>;
  };
  discipline: DisciplineFigures;
  inspections: InspectionFigures;
  /** The scope's unit itself and each unit directly under it, with what its subtree handled. */
  byUnit: { unitId: number; unitName: string; cases: CaseFigures; discipline: DisciplineFigures }[];
  generatedAt: string;
};

/** GET /api/v1/public/inspection-summary: counts and published results, no personal data. */
export type PublicInspectionSummary = {
  year: number;
  years: number[];
  period: { label: string; from: string; to: string; asOf: string };
  cases: {
    received: number; resolved: number; resolvedOnTime: number; resolvedLate: number; open: number; openOverdue: number;
    byKind: { kind: CaseKindKey; label: string; received: number; resolved: number }[];
    outcomes: Record<OutcomeKey, number>;
  };
  discipline: { decided: number; byForm: Record<FormKey, number>; closedWithoutDiscipline: number };
  inspections: { planned: number; done: number; recommendations: { total: number; closedOnTime: number; closedLate: number; overdue: number } };
  published: PublishedResult[];
};

export type PublishedResult = {
  caseId: number;
  kind: CaseKindKey;
  kindLabel: string;
  handlingUnitName: string;
  decisionNo: string | null;
  decisionDate: string | null;
  publishedOn: string;
  outcome: OutcomeKey | null;
  outcomeLabel: string | null;
  /** The published conclusion with names, addresses, phone and ID numbers of the people involved removed. */
  conclusion: string;
};

export const zeroForms = (): Record<FormKey, number> => ({ khien_trach: 0, canh_cao: 0, cach_chuc: 0, buoc_thoi_viec: 0, bai_nhiem: 0 });
export const zeroOutcomes = (): Record<OutcomeKey, number> => ({ founded: 0, partly_founded: 0, unfounded: 0, withdrawn: 0 });
