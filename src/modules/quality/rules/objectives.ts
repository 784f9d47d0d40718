/**
 * Measuring a quality objective (TCVN ISO 9001:2015 §6.2: objectives are measurable; §9.1.3: their
 * achievement is evaluated) over a period, from counts the caller reads from the system's own data:
 * dossiers done on time / dossiers done, satisfied answers / answers, feedback answered on time /
 * feedback received. Design: docs/research/iso-qms-design.md §3.1; DOMAIN-MANAGEMENT §E3.
 *
 * Three rules a person can check by hand:
 * - No data is null, never 0: with no dossier in the period there is no on-time rate ("Chưa có dữ
 *   liệu"), as the Decision 766 index already does (DOMAIN-MANAGEMENT §F.3 "N/A ≠ 0").
 * - Met / not met compares the exact fraction with the target (integer cross-multiplication), never
 *   the rounded percentage: 9 496 / 10 000 prints "95,0%" but does not meet "≥ 95%".
 * - Over several periods the value is the ratio of the summed counts, never the mean of the rates.
 */
export type IsoDay = string;
export type Direction = 'at_least' | 'at_most';
export type Period = { readonly from: IsoDay; readonly to: IsoDay };
/** Counts, both non-negative integers, numerator ≤ denominator (a share). */
export type Figure = { readonly numerator: number; readonly denominator: number };
export type ObjectiveTarget = { readonly direction: Direction; /** 0–100, at most 2 decimals ("95", "97,5"). */ readonly targetPercent: number };

export const NO_DATA_VI = 'Chưa có dữ liệu';
export const DIRECTION_LABELS: Record<Direction, string> = { at_least: 'Không thấp hơn', at_most: 'Không cao hơn' };

/** An exact non-negative rational; `den` > 0. */
export type Ratio = { readonly num: bigint; readonly den: bigint };

function checkFigure(f: Figure): void {
  if (!Number.isSafeInteger(f.numerator) || !Number.isSafeInteger(f.denominator) || f.numerator < 0 || f.denominator < 0) {
    throw new RangeError(`counts must be non-negative integers: ${f.numerator}/${f.denominator}`);
  }
  if (f.numerator > f.denominator) throw new RangeError(`numerator above denominator: ${f.numerator}/${f.denominator}`);
}

/**
 * The percentage as the person typed it, as an exact fraction of 1: 97.5 → 975/1000. Float binary
 * noise never enters (0.1 + 0.2 is not what anybody typed). At most 2 decimals, 0–100.
 */
export function percentRatio(percent: number): Ratio {
  const s = String(percent);
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m || percent > 100) throw new RangeError(`a percentage is 0–100 with at most 2 decimals: ${s}`);
  const decimals = m[2] ?? '';
  return { num: BigInt(m[1]! + decimals), den: 100n * 10n ** BigInt(decimals.length) };
}

/** Sign of a − b. */
export function compareRatio(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const d = a.num * b.den - b.num * a.den;
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

export const figureRatio = (f: Figure): Ratio | null => (f.denominator === 0 ? null : { num: BigInt(f.numerator), den: BigInt(f.denominator) });

/** Whether a share meets a target in its direction; null when there is no data. The bound itself meets. */
export function meetsTarget(f: Figure, t: ObjectiveTarget): boolean | null {
  checkFigure(f);
  const r = figureRatio(f);
  if (r === null) return null;
  const c = compareRatio(r, percentRatio(t.targetPercent));
  return t.direction === 'at_least' ? c >= 0 : c <= 0;
}

/** The share as a percentage rounded half-up to one decimal, computed on integers (2/3 → 66.7); null without data. */
export function percentOneDecimal(f: Figure): number | null {
  checkFigure(f);
  if (f.denominator === 0) return null;
  const n = BigInt(f.numerator), d = BigInt(f.denominator);
  const tenths = (n * 2000n + d) / (2n * d);
  return Number(tenths) / 10;
}

/** "95,5%", or "Chưa có dữ liệu". */
export function formatPercent(p: number | null): string {
  return p === null ? NO_DATA_VI : `${p.toFixed(1).replace('.', ',')}%`;
}

/** "≥ 95%" / "≤ 5%": the target as printed beside the value. */
export const formatTarget = (t: ObjectiveTarget): string => `${t.direction === 'at_least' ? '≥' : '≤'} ${String(t.targetPercent).replace('.', ',')}%`;

/** Sums counts of adjacent periods: the year's share is Σ numerators / Σ denominators. */
export function combineFigures(figures: readonly Figure[]): Figure {
  figures.forEach(checkFigure);
  return figures.reduce((a, f) => ({ numerator: a.numerator + f.numerator, denominator: a.denominator + f.denominator }), { numerator: 0, denominator: 0 });
}

/**
 * The days an objective of `year` covers. `statutory` (the default) is the report year of Decree
 * 09/2019 art. 12, 15/12 of the year before to 14/12, the same cut-off as reports/rules/periods.ts, so
 * a reading equals the figure of /can-bo/bao-cao for "Năm N" and its quarters; `calendar` is 1/1–31/12.
 */
export type YearBasis = 'statutory' | 'calendar';
export function objectiveYear(year: number, basis: YearBasis = 'statutory'): Period {
  const y = String(year).padStart(4, '0');
  return basis === 'calendar' ? { from: `${y}-01-01`, to: `${y}-12-31` } : { from: `${String(year - 1).padStart(4, '0')}-12-15`, to: `${y}-12-14` };
}

export type PeriodProblem = { code: 'PERIOD_INVERTED' | 'PERIOD_OUTSIDE_YEAR' | 'PERIOD_NOT_STARTED'; vi: string };

/**
 * The period a year's objective is measured over: the whole year or any sub-period inside it (a
 * quarter, a half, a month, any range), clipped to `asOf` when it is not over yet, so nothing still to
 * happen is counted. `partial` says the period was clipped.
 */
export function measurementPeriod(
  year: number,
  asOf: IsoDay,
  sub?: Period,
  basis: YearBasis = 'statutory',
): { period: Period; partial: boolean } | { problem: PeriodProblem } {
  const span = objectiveYear(year, basis);
  const p = sub ?? span;
  if (p.from > p.to) return { problem: { code: 'PERIOD_INVERTED', vi: 'Ngày bắt đầu kỳ đo phải trước ngày kết thúc.' } };
  if (p.from < span.from || p.to > span.to) {
    return { problem: { code: 'PERIOD_OUTSIDE_YEAR', vi: `Kỳ đo phải nằm trong năm của mục tiêu (${dmy(span.from)} – ${dmy(span.to)}).` } };
  }
  if (asOf < p.from) return { problem: { code: 'PERIOD_NOT_STARTED', vi: `Kỳ đo bắt đầu từ ${dmy(p.from)}, chưa có số liệu.` } };
  return asOf < p.to ? { period: { from: p.from, to: asOf }, partial: true } : { period: p, partial: false };
}

export type Measurement = {
  readonly numerator: number;
  readonly denominator: number;
  /** The exact share 0–1 (for charts), null without data. */
  readonly value: number | null;
  /** Rounded to one decimal, for display only. */
  readonly percent: number | null;
  readonly display: string;
  readonly met: boolean | null;
  readonly status: 'met' | 'not_met' | 'no_data';
  readonly statusVi: string;
};

const STATUS_VI = { met: 'Đạt', not_met: 'Không đạt', no_data: NO_DATA_VI } as const;

/** The objective's reading from the period's counts. */
export function measureObjective(target: ObjectiveTarget, f: Figure): Measurement {
  const met = meetsTarget(f, target);
  const percent = percentOneDecimal(f);
  const status = met === null ? 'no_data' : met ? 'met' : 'not_met';
  return {
    numerator: f.numerator,
    denominator: f.denominator,
    value: f.denominator === 0 ? null : f.numerator / f.denominator,
    percent,
    display: formatPercent(percent),
    met,
    status,
    statusVi: STATUS_VI[status],
  };
}

const dmy = (d: IsoDay) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
