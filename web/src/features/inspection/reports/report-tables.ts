/**
 * The report's tables (Biểu 01–07) as the page shows them: the same rows and columns as the workbook and
 * the PDF (src/modules/inspection/exports/report-content.ts), in the reader's language. Pure, so the page
 * only draws what this returns.
 */
import { FINDING_KINDS, FINDING_KIND_LABELS, type FindingKind } from '../../../../../src/modules/inspection/inspection-labels';
import {
  CASE_STATUS_ORDER, FORM_ORDER, OUTCOME_ORDER,
  type CaseFigures, type DisciplineFigures, type InspectionReport,
} from '../../../../../src/modules/inspection/reports-labels';
import type { Translate } from '../../../shared/i18n';
import type { InspectionReportKey } from './messages';

export type Cell = string | number | null;
/** `group`: the heading over consecutive columns that share it; `text`: a label column (left-aligned). */
export type FigureColumn = { title: string; group?: string; text?: boolean };
export type FigureTable = { id: string; title: string; columns: FigureColumn[]; rows: Cell[][]; total?: Cell[]; empty?: string };
export type FigureSection = { id: string; heading: string; tables: FigureTable[] };

type T = Translate<InspectionReportKey>;
const dmy = (d: string) => d.split('-').reverse().join('/');

function casesTable(r: InspectionReport, t: T): FigureTable {
  const resolved = t('t01.resolved');
  const open = t('t01.open');
  const outcomes = t('t01.outcomes');
  const columns: FigureColumn[] = [
    { title: t('col.stt'), text: true }, { title: t('t01.kind'), text: true },
    { title: t('t01.carriedOver') }, { title: t('t01.received') }, { title: t('t01.accepted') }, { title: t('t01.refused') },
    { title: t('g.total'), group: resolved }, { title: t('g.onTime'), group: resolved }, { title: t('g.late'), group: resolved },
    ...OUTCOME_ORDER.map((o) => ({ title: t(`outcome.${o}`), group: outcomes })),
    { title: t('t01.published') }, { title: t('g.total'), group: open }, { title: t('g.late'), group: open },
  ];
  const figures = (f: CaseFigures): Cell[] => [
    f.carriedOver, f.received, f.accepted, f.refused, f.resolved, f.resolution.onTime, f.resolution.late,
    ...OUTCOME_ORDER.map((o) => f.outcomes[o]), f.published, f.open.total, f.open.overdue,
  ];
  return {
    id: 't01', title: t('t01.title'), columns,
    rows: r.cases.byKind.map((k, i) => [i + 1, t(`kind.${k.kind}`), ...figures(k)]),
    total: [null, t('col.total'), ...figures(r.cases.total)],
  };
}

function statusTable(r: InspectionReport, t: T): FigureTable {
  return {
    id: 't02', title: t('t02.title', { asOf: dmy(r.period.asOf) }),
    columns: [{ title: t('col.stt'), text: true }, { title: t('t02.status'), text: true }, { title: t('t02.count') }],
    rows: CASE_STATUS_ORDER.map((s, i) => [i + 1, t(`status.${s}`), r.cases.byStatus[s]]),
    total: [null, t('col.total'), CASE_STATUS_ORDER.reduce((a, s) => a + r.cases.byStatus[s], 0)],
  };
}

/** Indicator lines: one starting with "-" is part of the line above it and takes no number. */
function indicatorTable(id: string, title: string, header: string, lines: [string, number][], t: T): FigureTable {
  let n = 0;
  return {
    id, title,
    columns: [{ title: t('col.stt'), text: true }, { title: t('col.indicator'), text: true }, { title: header }],
    rows: lines.map(([label, value]) => [label.startsWith('-') ? null : ++n, label, value]),
  };
}

function disciplineTables(d: DisciplineFigures, asOf: string, t: T): FigureTable[] {
  const day = dmy(asOf);
  return [
    indicatorTable('t03', t('t03.title'), t('t03.count'), [
      [t('t03.carriedOver'), d.carriedOver],
      [t('t03.opened'), d.opened],
      [t('t03.decided'), d.decided],
      [t('t03.closed'), d.closedWithoutDiscipline],
      [t('t03.finishedLate'), d.timeLimitMissed.finishedLate],
      [t('t03.open', { asOf: day }), d.open.total],
      [t('t03.deferred'), d.open.deferred],
      [t('t03.openOverdue'), d.timeLimitMissed.openOverdue],
      [t('t03.limitation'), d.limitationExpired],
    ], t),
    {
      id: 't04', title: t('t04.title'),
      columns: [{ title: t('col.stt'), text: true }, { title: t('t04.form'), text: true }, { title: t('t04.decided') }, { title: t('t04.inForce', { asOf: day }) }],
      rows: FORM_ORDER.map((f, i) => [i + 1, t(`form.${f}`), d.decidedByForm[f], d.inForce.byForm[f]]),
      total: [null, t('col.total'), d.decided, d.inForce.total],
    },
  ];
}

/** A finding kind's label; a code this page does not know yet is shown as it is rather than dropped. */
const findingLabel = (kind: string, locale: 'vi' | 'en') => FINDING_KIND_LABELS[kind as FindingKind]?.[locale] ?? kind;
const findingRank = (kind: string) => { const i = FINDING_KINDS.indexOf(kind as FindingKind); return i < 0 ? FINDING_KINDS.length : i; };

function inspectionTables(r: InspectionReport, t: T, locale: 'vi' | 'en'): FigureTable[] {
  const i = r.inspections;
  const kinds = Object.entries(i.findingsByKind).sort(([a], [b]) => findingRank(a) - findingRank(b) || a.localeCompare(b));
  return [
    indicatorTable('t05', t('t05.title'), t('col.count'), [
      [t('t05.planned'), i.planned],
      [t('t05.done'), i.done.planned + i.done.surprise],
      [t('t05.donePlanned'), i.done.planned],
      [t('t05.doneSurprise'), i.done.surprise],
      [t('t05.recs'), i.recommendations.total],
      [t('t05.recsOnTime'), i.recommendations.closedOnTime],
      [t('t05.recsLate'), i.recommendations.closedLate],
      [t('t05.recsOverdue'), i.recommendations.overdue],
      [t('t05.recsOpen'), i.recommendations.open],
    ], t),
    {
      id: 't06', title: t('t06.title'),
      columns: [{ title: t('col.stt'), text: true }, { title: t('t06.kind'), text: true }, { title: t('col.count') }],
      rows: kinds.map(([kind, n], idx) => [idx + 1, findingLabel(kind, locale), n]),
      ...(kinds.length ? { total: [null, t('col.total'), kinds.reduce((a, [, n]) => a + n, 0)] } : {}),
      empty: t('t06.empty'),
    },
  ];
}

function unitsTable(r: InspectionReport, t: T): FigureTable {
  const line = (c: CaseFigures, d: DisciplineFigures): Cell[] => [
    c.received, c.resolved, c.resolution.onTime, c.resolution.late, c.open.overdue, d.decided, d.timeLimitMissed.finishedLate + d.timeLimitMissed.openOverdue,
  ];
  const cases = t('t07.cases');
  const discipline = t('t07.discipline');
  return {
    id: 't07', title: t('t07.title'),
    columns: [
      { title: t('col.stt'), text: true }, { title: t('t07.unit'), text: true },
      { title: t('t07.received'), group: cases }, { title: t('t07.resolved'), group: cases }, { title: t('g.onTime'), group: cases },
      { title: t('g.late'), group: cases }, { title: t('t07.openOverdue'), group: cases },
      { title: t('t07.decided'), group: discipline }, { title: t('t07.timeLimit'), group: discipline },
    ],
    rows: r.byUnit.map((u, i) => [i + 1, u.unitName, ...line(u.cases, u.discipline)]),
    total: [null, t('col.total'), ...line(r.cases.total, r.discipline)],
    empty: t('t07.empty'),
  };
}

/** The four sections of the report, each with its tables, in the workbook's order. */
export function reportSections(r: InspectionReport, t: T, locale: 'vi' | 'en'): FigureSection[] {
  return [
    { id: 'cases', heading: t('section.cases'), tables: [casesTable(r, t), statusTable(r, t)] },
    { id: 'discipline', heading: t('section.discipline'), tables: disciplineTables(r.discipline, r.period.asOf, t) },
    { id: 'inspections', heading: t('section.inspections'), tables: inspectionTables(r, t, locale) },
    { id: 'units', heading: t('section.units'), tables: [unitsTable(r, t)] },
  ];
}
