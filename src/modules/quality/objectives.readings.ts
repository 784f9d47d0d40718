import type { Selectable } from 'kysely';
import { todayOf, type IsoDay, type Period, type QualityDeps, type SystemRow } from './quality.context.js';
import type { ObjectiveMeasure, QmsObjectivesTable } from './quality.tables.js';
import { DIRECTION_LABELS, formatTarget, measureObjective, measurementPeriod, NO_DATA_VI, objectiveYear, type Direction, type Figure, type YearBasis } from './rules/objectives.js';
import { MEASURE_LABELS } from './objectives.schema.js';

export type ObjectiveRow = Selectable<QmsObjectivesTable>;

export type Reading = {
  period: Period;
  /** The period is still running and was cut at the day of reading. */
  partial: boolean;
  /** Null only when the period has not started (nothing was counted). */
  numerator: number | null;
  denominator: number | null;
  /** The percentage with one decimal; null without data. */
  value: number | null;
  display: string;
  met: boolean | null;
  status: 'met' | 'not_met' | 'no_data' | 'not_started';
  statusLabel: string;
};

export type Objective = {
  id: number; qmsId: number; year: number; code: string; text: string;
  measure: ObjectiveMeasure; measureLabel: string;
  direction: Direction; directionLabel: string; targetPercent: number; target: string;
  yearBasis: YearBasis; ownerUnitId: number | null; ownerUnitName: string | null;
  manualNumerator: number | null; manualDenominator: number | null;
  active: boolean; version: number; reading: Reading;
};

/**
 * The objective year today falls in on the default (statutory) basis: from 15 December the report
 * year is the next one, so the pages open on the year whose figures are being counted.
 */
export function currentObjectiveYear(today: IsoDay): number {
  const year = Number(today.slice(0, 4));
  return today > objectiveYear(year).to ? year + 1 : year;
}

const targetOf = (row: ObjectiveRow) => ({ direction: row.direction, targetPercent: Number(row.target_percent) });

/** A figure memo for one reading pass: objectives sharing a measure and a period read the feed once. */
type Feed = (measure: Exclude<ObjectiveMeasure, 'manual'>, period: Period) => Promise<Figure>;
function memoFeed(deps: QualityDeps, agencyUnitId: number): Feed {
  const seen = new Map<string, Promise<Figure>>();
  return (measure, period) => {
    const key = `${measure}|${period.from}|${period.to}`;
    if (!seen.has(key)) seen.set(key, deps.feeds.measure(measure, agencyUnitId, period));
    return seen.get(key)!;
  };
}

async function readingOf(row: ObjectiveRow, today: IsoDay, feed: Feed): Promise<Reading> {
  const measured = measurementPeriod(row.year, today, undefined, row.year_basis);
  if ('problem' in measured) {
    // A year that has not begun has nothing to count: neither 0 % nor "not met".
    return {
      period: objectiveYear(row.year, row.year_basis), partial: false, numerator: null, denominator: null,
      value: null, display: NO_DATA_VI, met: null, status: 'not_started', statusLabel: 'Chưa đến kỳ đo',
    };
  }
  const figure: Figure = row.measure === 'manual'
    ? { numerator: row.manual_numerator ?? 0, denominator: row.manual_denominator ?? 0 }
    : await feed(row.measure, measured.period);
  const m = measureObjective(targetOf(row), figure);
  return {
    period: measured.period, partial: measured.partial, numerator: m.numerator, denominator: m.denominator,
    value: m.percent, display: m.display, met: m.met, status: m.status, statusLabel: m.statusVi,
  };
}

export function objectiveView(row: ObjectiveRow, reading: Reading, unitName: (id: number) => string | null): Objective {
  const target = targetOf(row);
  return {
    id: row.id, qmsId: row.qms_id, year: row.year, code: row.code, text: row.text,
    measure: row.measure, measureLabel: MEASURE_LABELS[row.measure],
    direction: row.direction, directionLabel: DIRECTION_LABELS[row.direction], targetPercent: target.targetPercent, target: formatTarget(target),
    yearBasis: row.year_basis, ownerUnitId: row.owner_unit_id, ownerUnitName: row.owner_unit_id === null ? null : unitName(row.owner_unit_id),
    manualNumerator: row.manual_numerator, manualDenominator: row.manual_denominator,
    active: row.active, version: row.version, reading,
  };
}

/** Objectives with their readings today; every read happens here, never inside a transaction. */
export async function viewsOf(deps: QualityDeps, system: Pick<SystemRow, 'agency_unit_id'>, rows: readonly ObjectiveRow[]): Promise<Objective[]> {
  if (rows.length === 0) return [];
  const today = todayOf(deps);
  const feed = memoFeed(deps, system.agency_unit_id);
  const names = new Map((await deps.org.allUnits()).map((u) => [u.id, u.name]));
  const unitName = (id: number) => names.get(id) ?? null;
  const out: Objective[] = [];
  for (const row of rows) out.push(objectiveView(row, await readingOf(row, today, feed), unitName));
  return out;
}

export const objectivesOfYear = (deps: QualityDeps, qmsId: number, year: number) =>
  deps.db.selectFrom('qms_objectives').selectAll().where('qms_id', '=', qmsId).where('year', '=', year).orderBy('code').orderBy('id').execute();

/** Every objective of a QMS's year, read today (management reviews, the systems list). */
export async function readingsOf(deps: QualityDeps, system: SystemRow, year: number): Promise<Objective[]> {
  return viewsOf(deps, system, await objectivesOfYear(deps, system.id, year));
}
