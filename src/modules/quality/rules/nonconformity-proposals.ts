/**
 * Nonconformities proposed from the system's own signals (TCVN ISO 9001:2015 §10.2: react to a
 * nonconformity and keep the record; TT26/2014 art. 38: corrective-action records go into the November
 * consolidation). Pure over per-procedure figures the wiring reads from reports (ii06a columns:
 * late = completed.late + inProgress.overdue, dossiers = completed.total + inProgress.total), the
 * apology-and-extension slips (form 04) and the supplement requests. Design: iso-qms-design.md §3.2.
 *
 * A proposal is a suggestion for the ISO secretary, never a nonconformity by itself: it is opened or
 * dismissed by a person. Its `sourceKey` names the signal, the procedure and the period, so the same
 * signal over the same period is proposed once (unique open key in `qms_nonconformities`).
 */
import { compareRatio, formatPercent, percentOneDecimal, percentRatio, type IsoDay, type Period } from './objectives.js';

export type SignalKind = 'overdue' | 'apology' | 'supplement';
export const SIGNAL_LABELS: Record<SignalKind, string> = {
  overdue: 'Hồ sơ quá hạn',
  apology: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  supplement: 'Yêu cầu bổ sung hồ sơ',
};

/** One procedure's figures over one period; every count a non-negative integer. */
export type ProcedureSignals = {
  readonly procedureCode: string;
  readonly procedureName?: string;
  readonly period: Period;
  /** The day the figures were read (a running period keeps moving). */
  readonly asOf: IsoDay;
  /** Dossiers handled in the period: completed plus still in progress. */
  readonly dossiers: number;
  readonly dossiersDone: number;
  /** Completed late plus in progress past their due date. */
  readonly overdue: number;
  /** Apology-and-extension slips issued (form 04). */
  readonly apologies: number;
  /** Dossiers with at least one supplement request (at reception or in processing). */
  readonly supplementsRequested: number;
  /** The dossier codes behind each count, as the reports list them (no personal data). */
  readonly codes?: Partial<Record<SignalKind, readonly string[]>>;
};

/**
 * Thresholds, kept in `qms_systems.settings` and editable per agency. The defaults are judgement
 * calls [?], no text sets them: a share alone would flag 1 late dossier out of 2, a count alone would
 * flag 3 late out of 500, so a signal needs both a minimum count and a minimum share.
 */
export type ProposalThresholds = {
  readonly overdue: { readonly minCount: number; readonly minSharePercent: number };
  readonly apology: { readonly minCount: number };
  readonly supplement: { readonly minDossiers: number; readonly minSharePercent: number };
  /** A dismissed proposal comes back when its count reaches at least this multiple of the dismissed count. */
  readonly worsenFactor: number;
};

export const DEFAULT_THRESHOLDS: ProposalThresholds = {
  overdue: { minCount: 3, minSharePercent: 10 },
  apology: { minCount: 2 },
  supplement: { minDossiers: 5, minSharePercent: 30 },
  worsenFactor: 1.5,
};

/** At most this many dossier codes are copied into the evidence; the total is always kept. */
export const EVIDENCE_CODES_MAX = 50;

const atLeastShare = (count: number, total: number, percent: number) =>
  total > 0 && compareRatio({ num: BigInt(count), den: BigInt(total) }, percentRatio(percent)) >= 0;

/** The count a signal is judged on, and the total its share is taken of. */
export function signalFigure(kind: SignalKind, s: ProcedureSignals): { count: number; total: number } {
  if (kind === 'overdue') return { count: s.overdue, total: s.dossiers };
  if (kind === 'apology') return { count: s.apologies, total: s.dossiers };
  return { count: s.supplementsRequested, total: s.dossiers };
}

/** Whether one procedure's figures cross the threshold of a signal (also used to judge effectiveness). */
export function crossesThreshold(kind: SignalKind, s: ProcedureSignals, t: ProposalThresholds = DEFAULT_THRESHOLDS): boolean {
  const { count, total } = signalFigure(kind, s);
  if (kind === 'overdue') return count >= t.overdue.minCount && atLeastShare(count, total, t.overdue.minSharePercent);
  if (kind === 'apology') return count >= t.apology.minCount;
  return total >= t.supplement.minDossiers && count > 0 && atLeastShare(count, total, t.supplement.minSharePercent);
}

/** `overdue:1.001234:2026-04-01..2026-06-30`: stable for one signal, procedure and period. */
export const sourceKey = (kind: SignalKind, procedureCode: string, p: Period): string => `${kind}:${procedureCode}:${p.from}..${p.to}`;

/**
 * A dismissed proposal comes back only when its count has worsened: strictly more than at dismissal and
 * at least `factor` times it (3 dismissed → back at 5 with 1.5), so one more late dossier in a running
 * quarter does not re-raise what a person has just judged.
 */
export function hasWorsened(countNow: number, countAtDismissal: number, factor: number = DEFAULT_THRESHOLDS.worsenFactor): boolean {
  return countNow > countAtDismissal && countNow >= countAtDismissal * factor;
}

export type Evidence = {
  readonly procedureCode: string;
  readonly procedureName: string | null;
  readonly period: Period;
  readonly asOf: IsoDay;
  readonly figures: { readonly dossiers: number; readonly dossiersDone: number; readonly overdue: number; readonly apologies: number; readonly supplementsRequested: number };
  readonly count: number;
  readonly total: number;
  readonly percent: number | null;
  /** The first 50 of the codes given, duplicates dropped. */
  readonly dossierCodes: readonly string[];
  /** How many distinct codes were given. */
  readonly dossierCodesTotal: number;
};

export type Proposal = {
  readonly source: SignalKind;
  readonly sourceKey: string;
  readonly procedureCode: string;
  readonly title: string;
  /** The count a later dismissal stores as `figureAtDismissal`. */
  readonly figure: number;
  readonly evidence: Evidence;
};

export type Dismissal = { readonly sourceKey: string; readonly figureAtDismissal: number };

const dmy = (d: IsoDay) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** The share of the signal, one decimal; null for slips, which count events (a dossier may get two). */
const shareOf = (kind: SignalKind, count: number, total: number) => (kind === 'apology' ? null : percentOneDecimal({ numerator: count, denominator: total }));

function title(kind: SignalKind, s: ProcedureSignals, count: number, total: number): string {
  const share = formatPercent(shareOf(kind, count, total));
  const who = `thủ tục ${s.procedureCode}${s.procedureName ? ` (${s.procedureName})` : ''}`;
  const when = `từ ${dmy(s.period.from)} đến ${dmy(s.period.to)}`;
  if (kind === 'overdue') return `${count}/${total} hồ sơ quá hạn (${share}) của ${who} ${when}`;
  if (kind === 'apology') return `${count} phiếu xin lỗi và hẹn lại ngày trả kết quả của ${who} ${when}`;
  return `${count}/${total} hồ sơ phải bổ sung (${share}) của ${who} ${when}`;
}

function checkSignals(s: ProcedureSignals): void {
  const counts = [s.dossiers, s.dossiersDone, s.overdue, s.apologies, s.supplementsRequested];
  if (counts.some((n) => !Number.isSafeInteger(n) || n < 0)) throw new RangeError(`counts must be non-negative integers (${s.procedureCode})`);
  if (s.dossiersDone > s.dossiers || s.overdue > s.dossiers || s.supplementsRequested > s.dossiers) {
    throw new RangeError(`a part exceeds the dossiers handled (${s.procedureCode})`);
  }
}

/**
 * The proposals for a set of procedures, in input order and overdue → apology → supplement within a
 * procedure. A key already open is skipped; a dismissed key only when its count has worsened.
 */
export function proposeNonconformities(
  signals: readonly ProcedureSignals[],
  thresholds: ProposalThresholds = DEFAULT_THRESHOLDS,
  openKeys: ReadonlySet<string> = new Set(),
  dismissals: readonly Dismissal[] = [],
): Proposal[] {
  const dismissed = new Map(dismissals.map((d) => [d.sourceKey, d.figureAtDismissal]));
  const out: Proposal[] = [];
  for (const s of signals) {
    checkSignals(s);
    for (const kind of ['overdue', 'apology', 'supplement'] as const) {
      if (!crossesThreshold(kind, s, thresholds)) continue;
      const key = sourceKey(kind, s.procedureCode, s.period);
      if (openKeys.has(key)) continue;
      const { count, total } = signalFigure(kind, s);
      const before = dismissed.get(key);
      if (before !== undefined && !hasWorsened(count, before, thresholds.worsenFactor)) continue;
      const codes = [...new Set(s.codes?.[kind] ?? [])];
      out.push({
        source: kind,
        sourceKey: key,
        procedureCode: s.procedureCode,
        title: title(kind, s, count, total),
        figure: count,
        evidence: {
          procedureCode: s.procedureCode,
          procedureName: s.procedureName ?? null,
          period: s.period,
          asOf: s.asOf,
          figures: { dossiers: s.dossiers, dossiersDone: s.dossiersDone, overdue: s.overdue, apologies: s.apologies, supplementsRequested: s.supplementsRequested },
          count,
          total,
          percent: shareOf(kind, count, total),
          dossierCodes: codes.slice(0, EVIDENCE_CODES_MAX),
          dossierCodesTotal: codes.length,
        },
      });
    }
  }
  return out;
}
