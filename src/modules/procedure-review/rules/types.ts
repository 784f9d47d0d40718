/**
 * The compliance-cost model's vocabulary (issue 21; RULES.md beside the module). Pure types shared by the
 * rules, the service and the web app: keep this file free of Node-only imports.
 *
 * Method in force: Circular 02/2017/TT-VPCP art. 27 (docs/research/compliance-cost-method.md): the cost of
 * one procedure = the cost of the work the rules require to obtain the result + fees, charges and other
 * prescribed costs; the yearly cost = cost per procedure × times a year × subjects a year (in practice the
 * yearly number of dossiers). No opportunity cost (art. 27(2)(b)), so waiting for the result is not a cost.
 */

/** Where a figure came from, shown beside it so a reviewer knows what to check. */
export type SourceKind = 'catalogue' | 'dossiers' | 'parameter' | 'estimate';
export type Source = { kind: SourceKind; label: string };

/** The wage rate in force for a year: an hour is valued at monthlyIncomeVnd / (workingDaysPerMonth × hoursPerDay). */
export type WageRate = { year: number; monthlyIncomeVnd: number; workingDaysPerMonth: number; hoursPerDay: number; source: string };

/** The reviewer's default estimates of a year (hours are decimals with at most 2 places; đồng are whole). */
export type Defaults = {
  /** Finding out what the procedure requires. */
  informationHours: number;
  /** Filling in a prescribed form (a document with a form template). */
  formHours: number;
  /** Gathering any other document. */
  documentHours: number;
  /** Getting one copy certified (time), and its charge. */
  certifyHours: number;
  certifyVndPerCopy: number;
  /** One plain copy. */
  copyVndPerCopy: number;
  /** One trip to the desk: travelling (both ways), waiting at the desk, and its cost. */
  travelHours: number;
  waitingHours: number;
  travelVnd: number;
  /** Preparing what a supplement request asks for. */
  supplementHours: number;
};

/**
 * What the dossiers of one procedure show over a period (the dossiers module counts them): dossiers
 * received in the period, and what happened to those dossiers (supplements, trips, results, lateness).
 */
export type ProcedureFacts = {
  procedureCode: string;
  procedureName: string;
  /** Dossiers received (status past reception) in the period. */
  dossiers: number;
  /** …of which submitted online, by post, at the desk. */
  online: number;
  post: number;
  desk: number;
  /** Dossiers with at least one supplement request (at reception or in processing). */
  supplementDossiers: number;
  /** Supplement requests answered by coming to the desk (the dossier was not filed online) and answered online. */
  supplementTrips: number;
  supplementOnline: number;
  /** Dossiers closed (completed_at set: a result, a withdrawal or a stop), of which late (closed after the due time, or with an apology letter). */
  completed: number;
  late: number;
  /** Results handed over, of which at the desk. */
  resultsReturned: number;
  resultsAtDesk: number;
};

/** An exact fraction (numerator and denominator as decimal strings in JSON; bigint inside the rules). */
export type Ratio = { numerator: number; denominator: number; /** null when the denominator is 0 ("Chưa có dữ liệu"). */ value: number | null };

export type CostGroup = 'information' | 'documents' | 'copies' | 'submission' | 'supplement' | 'result' | 'fees';

/**
 * One activity of the cost sheet, per dossier: it happens `times` times (a frequency, from the data or 1),
 * each taking `hours` of the applicant's time and `cashVnd` of direct cost. Its cost per dossier is
 * times × (hours × hourly rate + cashVnd).
 */
export type CostLine = {
  key: string;
  group: CostGroup;
  label: string;
  hours: number;
  times: number;
  cashVnd: number;
  sources: { hours: Source; times: Source; cash: Source };
  note?: string;
  /** Editable by the reviewer (the method lets them estimate); data-derived frequencies are not. */
  editable: { hours: boolean; times: boolean; cash: boolean };
};

/** A line as shown: its figures per dossier rounded half-up to whole đồng (the exact sum is kept for totals). */
export type CostLineView = CostLine & { workVnd: number; directVnd: number; totalVnd: number };

/** The cost sheet of one procedure version: lines, totals per dossier and a year, rounded half-up at the end. */
export type CostSheet = {
  wage: WageRate & { hourlyRateVnd: number };
  lines: CostLineView[];
  perDossier: { hours: number; workVnd: number; directVnd: number; totalVnd: number };
  yearlyDossiers: number;
  yearly: { workVnd: number; directVnd: number; totalVnd: number };
};

/** A simplification plan's change to a procedure version (rules/plan-changes.ts applies it). */
export type PlanChanges = {
  /** Names of documents (as in the catalogue) no longer required. */
  removeDocuments: string[];
  /** Names of documents the state already holds (national databases): no longer prepared or copied. */
  reuseDocuments: string[];
  /** Full-online filing and result: no trip to the desk. */
  onlineMode?: 'full' | 'partial';
  /** A shorter time limit (shown; not a compliance cost, art. 27(2)(b)). */
  timeLimit?: { amount: number; unit: 'working_days' | 'calendar_days' | 'working_hours' };
  /** New amounts of fees and charges, by name (0 abolishes one). */
  fees: { name: string; amountVnd: number }[];
};

/** Saving of a plan or a roll-up: absolute and as a percentage with 2 decimals (half-up), null when nothing before. */
export type Saving = { beforeVnd: number; afterVnd: number; savingVnd: number; percent: number | null };
