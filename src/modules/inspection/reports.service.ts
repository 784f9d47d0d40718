import { can, reachable } from '../../platform/access/policy.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { redact } from '../feedback/rules/redact.js';
import { slipAgency } from '../org/agency-heading.js';
import { daysIn, periodFor, yearPeriod, yearPeriodOf, type Period } from '../reports/rules/periods.js';
import { reportFile, type ReportFormat } from './exports/report-file.js';
import { actorOf, loadNames, todayOf, type InspectionDeps } from './inspection.context.js';
import type { InspectionCountsPort } from './report-ports.js';
import type { IsoDay } from './rules/calendar.js';
import * as repo from './reports.repository.js';
import { CASE_KIND_LABELS, OUTCOME_LABELS, type InspectionReport, type PublicInspectionSummary, type PublishedResult } from './reports-labels.js';
import { anyFigure, caseReport, disciplineReport, unitGroups, type ReportDays } from './reports-rules.js';

/** What the report reads of the other parts of the module: the plans' counts (scope 1). */
export type ReportPorts = { inspectionCounts: InspectionCountsPort };

const MAX_DAYS = 5 * 366;
type Unit = Awaited<ReturnType<InspectionDeps['org']['allUnits']>>[number];

/**
 * The inspection report (issue 18 scope 4): complaint, denunciation, discipline and inspection figures of a
 * period over a unit's subtree, as JSON, XLSX or PDF, and the province's public summary. Reports read with
 * report.read at the unit (a unit outside the caller's reach is not revealed); they carry counts only.
 */
export function createReportsService(deps: InspectionDeps, ports: ReportPorts) {
  /** The unit asked for, or the top of the caller's report.read reach. */
  async function scopeOf(ctx: RequestContext, unitId: number | undefined) {
    const actor = actorOf(ctx);
    const units = await deps.org.allUnits();
    let root: Unit | undefined;
    if (unitId !== undefined) {
      root = units.find((u) => u.id === unitId);
      if (!root || !can(actor, 'report.read', root.id)) throw errors.notFound('đơn vị', 'unit');
    } else {
      const reach = new Set(reachable(actor, 'report.read'));
      root = units.filter((u) => reach.has(u.id) && (u.parentId === null || !reach.has(u.parentId))).sort((a, b) => a.id - b.id)[0];
      if (!root) throw errors.forbidden();
    }
    return { root, units };
  }

  function daysOf(from: IsoDay, to: IsoDay): { period: Period; days: ReportDays } {
    if (from > to) throw new AppError('REPORT_PERIOD_INVALID', 400, 'Ngày bắt đầu kỳ báo cáo phải trước hoặc bằng ngày kết thúc.', 'The period must start on or before its last day.');
    if (daysIn(from, to) > MAX_DAYS) throw new AppError('REPORT_PERIOD_TOO_LONG', 400, 'Kỳ báo cáo dài tối đa 5 năm.', 'A report period is at most five years long.');
    const today = todayOf(deps);
    if (from > today) throw new AppError('REPORT_PERIOD_NOT_STARTED', 400, 'Kỳ báo cáo chưa bắt đầu.', 'The period has not started yet.');
    return { period: periodFor(from, to), days: { from, to, asOf: to < today ? to : today } };
  }

  /** The figures of `root`'s subtree; `unitIds` null when the root is the whole province. */
  async function build(root: Unit, units: Unit[], period: Period, days: ReportDays): Promise<InspectionReport> {
    const { rows, groupOf } = unitGroups(root, units);
    const province = root.parentId === null && units.filter((u) => u.parentId === null).length === 1;
    const unitIds = province ? null : [...groupOf.keys()];
    const scope = { unitIds, from: days.from, asOf: days.asOf };
    const [cases, discipline, isWorking] = [await repo.casesForPeriod(deps.db, scope), await repo.disciplineForPeriod(deps.db, scope), await deps.workingDays()];
    // Recommendations are judged on the same day as the cases: the period's last day, or today while it runs.
    const inspections = await ports.inspectionCounts({ unitIds, from: days.from, to: days.to, today: days.asOf });
    const inScope = (unitId: number) => groupOf.has(unitId);
    const ownCases = cases.filter((c) => inScope(c.row.handling_unit_id));
    const ownDiscipline = discipline.records.filter((d) => inScope(d.row.unit_id));
    const byUnit = rows.map((u) => ({
      unitId: u.id, unitName: u.name,
      cases: caseReport(ownCases.filter((c) => groupOf.get(c.row.handling_unit_id) === u.id), days, isWorking).total,
      discipline: disciplineReport(ownDiscipline.filter((d) => groupOf.get(d.row.unit_id) === u.id), discipline.decidedBySubject, days, isWorking),
    })).filter((row) => anyFigure(row.cases) || anyFigure(row.discipline));
    return {
      period: { code: period.code, kind: period.kind, label: period.label.vi, from: days.from, to: days.to, asOf: days.asOf },
      scope: { unitId: root.id, unitName: root.name, province },
      cases: caseReport(ownCases, days, isWorking),
      discipline: disciplineReport(ownDiscipline, discipline.decidedBySubject, days, isWorking),
      inspections,
      byUnit,
      generatedAt: deps.now().toISOString(),
    };
  }

  async function report(ctx: RequestContext, q: { from: IsoDay; to: IsoDay; unitId?: number | undefined }) {
    const { root, units } = await scopeOf(ctx, q.unitId);
    const { period, days } = daysOf(q.from, q.to);
    return { report: await build(root, units, period, days), root, units };
  }

  /** The published results with the people of each case removed from the text (a floor: the head read it before publishing). */
  async function published(from: IsoDay, to: IsoDay, units: Unit[]): Promise<PublishedResult[]> {
    const rows = await repo.publishedBetween(deps.db, from, to);
    const parties = new Map((await repo.partiesOf(deps.db, rows.map((r) => r.id))).map((p) => [p.case_id, p]));
    const names = await loadNames(deps, rows.map((r) => r.subject_staff_id));
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    return rows.map((r) => {
      const p = parties.get(r.id);
      const subject = names.staff(r.subject_staff_id)?.fullName;
      const text = redact(r.conclusion ?? '', { name: p?.full_name, address: p?.address, phone: p?.phone, email: p?.email, otherNames: subject ? [subject] : [] }).text;
      return {
        caseId: r.id, kind: r.kind, kindLabel: CASE_KIND_LABELS[r.kind], handlingUnitName: unitName.get(r.handling_unit_id) ?? '',
        decisionNo: r.decision_no, decisionDate: r.decision_date, publishedOn: r.published_on!, outcome: r.outcome, outcomeLabel: r.outcome ? OUTCOME_LABELS[r.outcome] : null,
        conclusion: text,
      };
    });
  }

  return {
    /** GET /inspection/reports: the figures as JSON. */
    async figures(ctx: RequestContext, q: { from: IsoDay; to: IsoDay; unitId?: number | undefined }): Promise<InspectionReport> {
      return (await report(ctx, q)).report;
    },

    /** GET /inspection/reports.xlsx and .pdf: the same figures as the report tables, headed by the scope's unit. */
    async file(ctx: RequestContext, q: { from: IsoDay; to: IsoDay; unitId?: number | undefined }, format: ReportFormat) {
      const { report: r, root, units } = await report(ctx, q);
      return reportFile(r, slipAgency(units, root.id), todayOf(deps), format);
    },

    /** GET /public/inspection-summary: the province over a statutory year, counts only and the published results. */
    async publicSummary(year: number | undefined): Promise<PublicInspectionSummary> {
      const period = year ? yearPeriod(year) : yearPeriodOf(deps.now());
      const units = await deps.org.allUnits();
      const root = units.filter((u) => u.parentId === null).sort((a, b) => a.id - b.id)[0];
      if (!root) throw errors.notFound('đơn vị', 'unit');
      const today = todayOf(deps);
      const current = Number(yearPeriodOf(deps.now()).code.slice(0, 4));
      const years = new Set([current, ...(await repo.publishedYears(deps.db)).map((d) => Number(d.slice(0, 4)) + (d.slice(5) > '12-14' ? 1 : 0))]);
      const base = { year: Number(period.code.slice(0, 4)), years: [...years].sort((a, b) => b - a), period: { label: period.label.vi, from: period.from, to: period.to, asOf: period.to < today ? period.to : today } };
      // A year not begun yet has nothing to show: the same shape, all zeros.
      if (period.from > today) return { ...base, ...publicFigures(emptyReport(root)), published: [] };
      const r = await build(root, units, period, { from: period.from, to: period.to, asOf: base.period.asOf });
      return { ...base, ...publicFigures(r), published: await published(period.from, base.period.asOf, units) };
    },
  };
}

function emptyReport(root: Unit): InspectionReport {
  const days = { from: '2000-01-01', to: '2000-01-01', asOf: '2000-01-01' };
  const figures = { cases: caseReport([], days, () => true), discipline: disciplineReport([], new Map(), days, () => true) };
  const inspections = { planned: 0, done: { planned: 0, surprise: 0 }, findingsByKind: {}, recommendations: { total: 0, closedOnTime: 0, closedLate: 0, overdue: 0, open: 0 } };
  return { period: { code: '', kind: 'year', label: '', ...days }, scope: { unitId: root.id, unitName: root.name, province: true }, ...figures, inspections, byUnit: [], generatedAt: '' };
}

/** The public's share of a report: counts, never a unit's row (a small unit's count could name a person). */
function publicFigures(r: InspectionReport): Pick<PublicInspectionSummary, 'cases' | 'discipline' | 'inspections'> {
  const t = r.cases.total;
  return {
    cases: {
      received: t.received, resolved: t.resolved, resolvedOnTime: t.resolution.onTime, resolvedLate: t.resolution.late, open: t.open.total, openOverdue: t.open.overdue,
      byKind: r.cases.byKind.map((k) => ({ kind: k.kind, label: k.label, received: k.received, resolved: k.resolved })),
      outcomes: t.outcomes,
    },
    discipline: { decided: r.discipline.decided, byForm: r.discipline.decidedByForm, closedWithoutDiscipline: r.discipline.closedWithoutDiscipline },
    inspections: {
      planned: r.inspections.planned, done: r.inspections.done.planned + r.inspections.done.surprise,
      recommendations: { total: r.inspections.recommendations.total, closedOnTime: r.inspections.recommendations.closedOnTime, closedLate: r.inspections.recommendations.closedLate, overdue: r.inspections.recommendations.overdue },
    },
  };
}
export type ReportsService = ReturnType<typeof createReportsService>;
