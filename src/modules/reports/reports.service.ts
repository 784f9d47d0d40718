import type { Ii06aColumn } from './rules/ii06a-columns.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { can, hasAnywhere, reachable, requireActor } from '../../platform/access/policy.js';
import type { ProcedureContent } from '../catalog/schema.js';
import { ii07b } from './rules/ii07b.js';
import type { Db } from '../../platform/db/transaction.js';
import type { OrgService } from '../org/org.service.js';
import * as repo from './reports.repository.js';
import { satisfactionBy } from './service-index.repository.js';
import type { SatisfactionPort } from './service-index.service.js';
import { daysIn, periodFor, periodsOf, reportBounds, type Period } from './rules/periods.js';
import { slipAgency } from '../org/agency-heading.js';
import { formPdf } from './exports/form-pdf.js';
import type { FormSheet } from './exports/form-sheet.js';
import { formXlsx } from './exports/form-xlsx.js';
import { ii06aFileName, ii06aSheet } from './exports/ii06a-layout.js';
import { ii07bFileName, ii07bSheet, type Ii07bReport } from './exports/ii07b-layout.js';
import type { Ii06aDossiersQuery, Ii06aFigures, Ii06aQuery, Ii06aReport, Ii06aRow, Ii07bQuery } from './schema.js';

/** The longest range a report covers (a five-year plan). */
const MAX_DAYS = 5 * 366;

const unitNotFound = () => errors.notFound('đơn vị', 'Unit', 'REPORT_UNIT_NOT_FOUND');

export type ReportService = ReturnType<typeof createReportService>;

type Unit = { id: number; parentId: number | null; code: string | null; name: string };

function emptyFigures(): Ii06aFigures {
  return {
    received: { total: 0, online: 0, direct: 0, carriedOver: 0 }, completed: { total: 0, early: 0, onTime: 0, late: 0 },
    inProgress: { total: 0, withinDeadline: 0, overdue: 0 }, awaitingSupplement: 0, withdrawn: 0, satisfactionRate: null,
  };
}

function add(into: Ii06aFigures, c: repo.Ii06aCounts): void {
  into.received.carriedOver += c.carriedOver;
  into.received.online += c.online;
  into.received.direct += c.direct;
  into.received.total += c.carriedOver + c.online + c.direct;
  into.completed.total += c.completed;
  into.completed.early += c.early;
  into.completed.onTime += c.onTime;
  into.completed.late += c.late;
  into.inProgress.total += c.inProgress;
  into.inProgress.withinDeadline += c.withinDeadline;
  into.inProgress.overdue += c.overdue;
  into.awaitingSupplement += c.awaitingSupplement;
  into.withdrawn += c.withdrawn;
}

/** What form II.07b reads of the catalogue (wired in src/app.ts). */
export type CatalogStatsPort = { contentsInForce(day: string): Promise<{ code: string; content: ProcedureContent }[]> };

export function createReportService(deps: { db: Db; org: OrgService; now: () => Date; catalog: CatalogStatsPort; satisfaction?: SatisfactionPort | undefined }) {
  /** The unit asked for, or the top of the caller's reach; 404 for a unit outside it (not revealed). */
  async function reportUnit(ctx: RequestContext, code: string | undefined, units: Unit[]): Promise<Unit> {
    const actor = requireActor(ctx.actor);
    const reach = new Set(reachable(actor, 'report.read'));
    if (code) {
      const unit = units.find((u) => u.code === code);
      if (!unit || !can(actor, 'report.read', unit.id)) throw unitNotFound();
      return unit;
    }
    const top = units.filter((u) => reach.has(u.id) && (u.parentId === null || !reach.has(u.parentId))).sort((a, b) => a.id - b.id)[0];
    if (!top) throw errors.forbidden();
    return top;
  }

  function checkedPeriod(from: string, to: string): Period {
    if (from > to) throw new AppError('REPORT_PERIOD_INVALID', 400, 'Ngày bắt đầu kỳ báo cáo phải trước hoặc bằng ngày kết thúc.', 'The period must start on or before its last day.');
    if (daysIn(from, to) > MAX_DAYS) throw new AppError('REPORT_PERIOD_TOO_LONG', 400, 'Kỳ báo cáo dài tối đa 5 năm.', 'A report period is at most five years long.');
    return periodFor(from, to);
  }

  /**
   * Form II.06a of a subtree, without an access check: the caller has checked it (a report), or the
   * figures are the province's published ones (the public statistics page).
   */
  async function ii06aOf(root: Unit, units: Unit[], period: Period, groupBy: Ii06aQuery['groupBy']): Promise<Ii06aReport> {
    const q = { groupBy };
    const children = new Map<number, Unit[]>();
    for (const u of units) if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
    // Each unit of the subtree, with the row it is counted in when grouping by unit: the root's
    // direct child it lies under, or the root itself for the root's own dossiers.
    const groupOf = new Map<number, Unit>([[root.id, root]]);
    const stack: [Unit, Unit][] = (children.get(root.id) ?? []).map((c) => [c, c]);
    while (stack.length) {
      const [u, group] = stack.pop()!;
      groupOf.set(u.id, group);
      for (const c of children.get(u.id) ?? []) stack.push([c, group]);
    }
    const { start, end } = reportBounds(period, deps.now());
    const counts = await repo.ii06a(deps.db, start, end, [...groupOf.keys()], q.groupBy);

    const rows = new Map<string, Ii06aRow>();
    const rowFor = (key: string, name: string) => {
      let r = rows.get(key);
      if (!r) rows.set(key, (r = { key, name, ...emptyFigures() }));
      return r;
    };
    if (q.groupBy === 'unit') {
      // Every direct child shows, with zeros where nothing was handled: a unit with no work is a fact too.
      for (const c of [...(children.get(root.id) ?? [])].sort((a, b) => (a.code ?? '').localeCompare(b.code ?? '') || a.id - b.id)) rowFor(c.code ?? String(c.id), c.name);
    }
    const totals = emptyFigures();
    for (const c of counts) {
      add(totals, c);
      if (q.groupBy === 'unit') {
        const g = groupOf.get(Number(c.key))!;
        add(rowFor(g.code ?? String(g.id), g.id === root.id ? `${g.name} (trực tiếp)` : g.name), c);
      } else {
        add(rowFor(c.key, c.name || (q.groupBy === 'field' ? 'Chưa phân lĩnh vực' : c.key)), c);
      }
    }
    // Satisfaction rate (docs/reports.md): ratings given in the period of the dossiers counted in the
    // row, share "satisfied" or "very satisfied", in percent (2 decimals); null with no rating.
    if (deps.satisfaction) {
      const given = await deps.satisfaction.ratingsIn(start, end);
      const byKey = await satisfactionBy(deps.db, given, [...groupOf.keys()], q.groupBy);
      const rate = (x: { satisfied: number; rated: number }) => (x.rated ? Math.round((x.satisfied / x.rated) * 10_000) / 100 : null);
      const sums = new Map<Ii06aRow, { satisfied: number; rated: number }>();
      const all = { satisfied: 0, rated: 0 };
      for (const [key, v] of byKey) {
        // A rated dossier's row, made (with zero counts) when the dossier is not otherwise in the report.
        let row: Ii06aRow;
        if (q.groupBy === 'unit') {
          const g = groupOf.get(Number(key))!;
          row = rowFor(g.code ?? String(g.id), g.id === root.id ? `${g.name} (trực tiếp)` : g.name);
        } else row = rowFor(key, v.name || (q.groupBy === 'field' ? 'Chưa phân lĩnh vực' : key));
        all.satisfied += v.satisfied; all.rated += v.rated;
        const acc = sums.get(row) ?? { satisfied: 0, rated: 0 };
        acc.satisfied += v.satisfied; acc.rated += v.rated;
        sums.set(row, acc);
      }
      for (const [row, v] of sums) row.satisfactionRate = rate(v);
      totals.satisfactionRate = rate(all);
    }
    return {
      form: 'II.06a', period, unit: { code: root.code, name: root.name }, groupBy: q.groupBy, asOf: deps.now().toISOString(),
      rows: [...rows.values()], totals,
    };
  }

  /**
   * A form's file, headed by the unit it reports on (Decree 30 heading, as slips print it): the unit
   * with this code, else the province. The sheet is described knowing that unit.
   */
  async function formFile(sheetFor: (unit: { name: string }) => FormSheet, unitCode: string | null, format: 'xlsx' | 'pdf'): Promise<Buffer> {
    const units = await deps.org.allUnits();
    const unit = units.find((u) => u.code !== null && u.code === unitCode) ?? units.filter((u) => u.parentId === null).sort((a, b) => a.id - b.id)[0] ?? null;
    const agency = slipAgency(units, unit?.id ?? null);
    const sheet = sheetFor({ name: unit?.name ?? '' });
    const issuedAt = deps.now();
    return format === 'xlsx' ? formXlsx(sheet, agency, issuedAt) : formPdf(sheet, agency, issuedAt);
  }

  return {
    ii06aOf,
    /**
     * The dossier codes behind one procedure's figure of II.06a over the given units, by the form's own
     * rule, without an access check: the caller has checked (the quality module's evidence, issue 20).
     */
    async ii06aCodesOf(unitIds: number[], period: Period, procedureCode: string, column: Ii06aColumn, limit: number): Promise<{ total: number; codes: string[] }> {
      const { start, end } = reportBounds(period, deps.now());
      const page = await repo.ii06aDossiers(deps.db, start, end, unitIds, 'procedure', procedureCode, column, { limit, offset: 0 });
      return { total: page.total, codes: page.items.map((d) => d.code) };
    },
    reportUnit,
    checkedPeriod,
    /** Form II.06a (Circular 01/2020/TT-VPCP) for a unit subtree and a period; docs/reports.md defines every column. */
    async ii06a(ctx: RequestContext, q: Omit<Ii06aQuery, 'format'>): Promise<Ii06aReport> {
      const actor = requireActor(ctx.actor);
      const period = checkedPeriod(q.from, q.to);
      const units = await deps.org.allUnits();
      const root = await reportUnit(ctx, q.unit, units);
      if (!can(actor, 'report.read', root.id)) throw unitNotFound();
      return ii06aOf(root, units, period, q.groupBy);
    },

    /**
     * Form II.07b over the province's catalogue as in force on the period's last day. The catalogue is
     * the province's, so any `report.read` grant reads it.
     */
    async ii07b(ctx: RequestContext, q: Omit<Ii07bQuery, 'format'>) {
      const actor = requireActor(ctx.actor);
      if (!hasAnywhere(actor, 'report.read')) throw errors.forbidden();
      const period = checkedPeriod(q.from, q.to);
      const [procedures, units] = await Promise.all([deps.catalog.contentsInForce(q.to), deps.org.allUnits()]);
      const centres = new Set(units.filter((u) => u.kind === 'service_centre' && u.code).map((u) => u.code!));
      return { form: 'II.07b' as const, period, asOf: deps.now().toISOString(), ...ii07b(procedures.map((p) => p.content), centres) };
    },

    /**
     * The dossiers behind one figure of II.06a, by the same rule the form counts with (so the list is
     * as long as the figure). Grouped by unit, a row is a child unit with its whole subtree, or the
     * root's own dossiers; grouped by field or procedure, the row's key within the subtree.
     */
    async ii06aDossiers(ctx: RequestContext, q: Ii06aDossiersQuery) {
      const actor = requireActor(ctx.actor);
      const period = checkedPeriod(q.from, q.to);
      const units = await deps.org.allUnits();
      const root = await reportUnit(ctx, q.unit, units);
      if (!can(actor, 'report.read', root.id)) throw unitNotFound();
      const below = (top: number): number[] => {
        const out = [top];
        for (let i = 0; i < out.length; i++) for (const u of units) if (u.parentId === out[i]) out.push(u.id);
        return out;
      };
      let unitIds = below(root.id);
      let key: string | null = q.key ?? null;
      if (q.groupBy === 'unit' && key !== null) {
        const row = units.find((u) => (u.code ?? String(u.id)) === key && (u.parentId === root.id || u.id === root.id));
        if (!row) throw errors.notFound(`dòng ${key} của biểu`, `Row ${key}`, 'REPORT_ROW_NOT_FOUND');
        unitIds = row.id === root.id ? [root.id] : below(row.id);
        key = null;
      }
      const { start, end } = reportBounds(period, deps.now());
      const page = await repo.ii06aDossiers(deps.db, start, end, unitIds, q.groupBy, key, q.column, { limit: q.limit, offset: (q.page - 1) * q.limit });
      const names = new Map(units.map((u) => [u.id, u.name]));
      return {
        period, unit: { code: root.code, name: root.name }, groupBy: q.groupBy, key: q.key ?? null, column: q.column, asOf: deps.now().toISOString(),
        total: page.total, page: q.page, limit: q.limit,
        items: page.items.map((d) => ({
          code: d.code, procedureName: d.procedureName, unitName: names.get(d.unitId) ?? '', channel: d.channel,
          receivedAt: d.receivedAt?.toISOString() ?? null, dueAt: d.dueAtEnd?.toISOString() ?? null, completedAt: d.completedAt?.toISOString() ?? null,
          outcome: d.outcome, timeliness: d.timeliness,
        })),
      };
    },

    /** Form II.06a as the file a person files or prints: XLSX or PDF in the form's layout, headed by the report's unit. */
    async ii06aFile(report: Ii06aReport, format: 'xlsx' | 'pdf'): Promise<{ body: Buffer; fileName: string }> {
      return { body: await formFile(() => ii06aSheet(report), report.unit.code, format), fileName: ii06aFileName(report, format) };
    },

    /** Form II.07b as a file, headed by the province (the catalogue is the province's). */
    async ii07bFile(report: Ii07bReport, format: 'xlsx' | 'pdf'): Promise<{ body: Buffer; fileName: string }> {
      return { body: await formFile((province) => ii07bSheet(report, province.name), null, format), fileName: ii07bFileName(report, format) };
    },

    /** The statutory periods of a year (Decree 09/2019 cut-offs) for a period picker. */
    periods(ctx: RequestContext, year: number): { year: number; periods: Period[] } {
      requireActor(ctx.actor);
      return { year, periods: periodsOf(year) };
    },
  };
}
