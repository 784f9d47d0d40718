import type { SlipAgency } from '../../org/agency-heading.js';

/**
 * The province's consolidated implementation report for one steering document and one period
 * (issue 15 item 4), as the service assembles it; the DOCX, PDF and XLSX files are drawn from it alone.
 * Days are 'YYYY-MM-DD'; the files print them dd/mm/yyyy.
 */
export type ConsolidatedReport = {
  /** The unit that tracks the document and signs the report (usually the Department of Home Affairs). */
  agency: SlipAgency;
  /** The unit's short code after "BC-" in the number line ("SNV"); when absent the clerk writes it in. */
  agencyCode?: string | undefined;
  /** The moment the file is made (its place-and-date line, Asia/Ho_Chi_Minh). */
  issuedAt: Date;
  document: { docType: string; docTypeLabel: string; number: string; issuer: string; signedOn: string; subject: string };
  period: { code: string; label: string; startsOn: string; endsOn: string; dueOn: string };
  totals: {
    tasks: number;
    completed: number;
    completedOnTime: number;
    completedLate: number;
    /** Open (assigned, in progress, awaiting approval), overdue ones included. */
    open: number;
    overdue: number;
    notAssigned: number;
    cancelled: number;
    /** completed / (tasks − cancelled), a percentage with one decimal; null when nothing counts. */
    completionRate: number | null;
    unitsResponsible: number;
    unitsReported: number;
  };
  /** One row per responsible (lead) unit, in the org tree's order. */
  units: {
    unitName: string;
    reported: boolean;
    submittedAt: Date | null;
    tasks: number;
    completed: number;
    open: number;
    overdue: number;
    completionRate: number | null;
    narrative: string;
    difficulties: string;
    proposals: string;
  }[];
  /** Every task of the document (cancelled ones included, marked), in the document's order. */
  tasks: {
    ref: string;
    content: string;
    leadUnitName: string;
    assigneeName: string | null;
    dueOn: string | null;
    statusLabel: string;
    progress: number;
    /** 'Đúng hạn', 'Trễ hạn 3 ngày làm việc', 'Quá hạn 5 ngày làm việc', 'Chưa đến hạn', ''. */
    deadlineLabel: string;
    /** The lead unit's own account of its result in this period (its report), or ''. */
    result: string;
  }[];
  overdue: { ref: string; content: string; leadUnitName: string; assigneeName: string | null; dueOn: string; workingDaysLate: number }[];
};
