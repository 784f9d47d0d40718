import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { can, requireActor } from '../../platform/access/policy.js';
import type { Db } from '../../platform/db/transaction.js';
import type { OrgService } from '../org/org.service.js';
import { monthlyTrend } from './dashboard.repository.js';
import type { Dashboard, DashboardQuery, PublicStatisticsQuery } from './dashboard.schema.js';
import type { ReportService } from './reports.service.js';
import { fillTrend, monthsOf, onTimeRate, onlineRate, rankUnits, rate } from './rules/dashboard.js';
import { reportBounds, yearPeriod, yearPeriodOf, type Period } from './rules/periods.js';
import { dossierCounts } from './service-index.repository.js';

type Unit = { id: number; parentId: number | null; code: string | null; name: string };

export type DashboardService = ReturnType<typeof createDashboardService>;

/**
 * The dashboards (issue 13 item 4; docs/reports.md "Bảng điều hành"): one answer for a subtree and a
 * period, built from form II.06a (so every count agrees with the form and drills down the same way),
 * the service index's dossier measures and a monthly trend. Staff read it within their report grant;
 * the public page reads the same figures for any unit (they are the province's published statistics:
 * counts only, no dossier).
 */
export function createDashboardService(deps: { db: Db; org: OrgService; now: () => Date; reports: ReportService }) {
  async function build(root: Unit, units: Unit[], period: Period, parentShown: (parentId: number) => boolean = () => true): Promise<Dashboard> {
    const below = [root.id];
    for (let i = 0; i < below.length; i++) for (const u of units) if (u.parentId === below[i]) below.push(u.id);
    const { start, end } = reportBounds(period, deps.now());
    const months = monthsOf(period);
    const [form, measures, trend] = await Promise.all([
      deps.reports.ii06aOf(root, units, period, 'unit'),
      dossierCounts(deps.db, start, end, below),
      monthlyTrend(deps.db, start, end, below),
    ]);
    const m = (k: Parameters<typeof measures.figures.get>[0]) => {
      const f = measures.figures.get(k) ?? { numerator: 0, denominator: 0 };
      return rate(f.numerator, f.denominator);
    };
    const t = form.totals;
    const parents = new Set(units.map((u) => u.parentId));
    const byCode = new Map(units.map((u) => [u.code ?? String(u.id), u]));
    const rows = form.rows.map((r) => ({
      code: r.key, name: r.name,
      received: r.received.total, completed: r.completed.total, late: r.completed.late, inProgress: r.inProgress.total, overdue: r.inProgress.overdue,
      onTime: onTimeRate(r), online: onlineRate(r), satisfactionRate: r.satisfactionRate,
      hasChildren: r.key !== (root.code ?? String(root.id)) && parents.has(byCode.get(r.key)?.id ?? -1),
      handled: r.received.total,
    }));
    // "Up one level" only where the reader may go: a commune head's dashboard does not point at the province's.
    const parent = root.parentId === null || !parentShown(root.parentId) ? null : units.find((u) => u.id === root.parentId) ?? null;
    return {
      period, unit: { code: root.code, name: root.name, parentCode: parent?.code ?? null }, asOf: deps.now().toISOString(),
      totals: {
        received: t.received.total, carriedOver: t.received.carriedOver, receivedInPeriod: t.received.online + t.received.direct, online: t.received.online,
        completed: t.completed.total, early: t.completed.early, onTime: t.completed.onTime, late: t.completed.late,
        inProgress: t.inProgress.total, overdue: t.inProgress.overdue, awaitingSupplement: t.awaitingSupplement,
      },
      rates: {
        onTime: onTimeRate(t), online: onlineRate(t), fullyOnline: m('fully_online_rate'), paidOnline: m('paid_online_rate'),
        digitised: m('digitised_rate'), resultDigitised: m('result_digitised_rate'), satisfaction: { value: t.satisfactionRate },
      },
      units: rankUnits(rows).map(({ handled: _h, ...r }) => r),
      trend: fillTrend(months, trend),
    };
  }

  // The public page's answers, kept a minute per year and unit: anyone may ask, as often as they like,
  // and the figures are published counts, not a staff member's live view.
  const published = new Map<string, { at: number; answer: Promise<Dashboard> }>();
  const PUBLISHED_MS = 60_000;

  return {
    /** GET /reports/dashboard: the caller's unit (or the one asked for, within the grant) over a period. */
    async dashboard(ctx: RequestContext, q: DashboardQuery): Promise<Dashboard> {
      const actor = requireActor(ctx.actor);
      const period = deps.reports.checkedPeriod(q.from, q.to);
      const units = await deps.org.allUnits();
      const root = await deps.reports.reportUnit(ctx, q.unit, units);
      return build(root, units, period, (parentId) => can(actor, 'report.read', parentId));
    },

    /** GET /public/statistics: the province (or one of its units) over a statutory year, for anyone. */
    async publicStatistics(q: PublicStatisticsQuery): Promise<Dashboard> {
      const period = q.year ? yearPeriod(q.year) : yearPeriodOf(deps.now());
      const key = `${period.code}|${q.unit ?? ''}`;
      const at = Date.now();
      const kept = published.get(key);
      if (kept && at - kept.at < PUBLISHED_MS) return kept.answer;
      const answer = (async () => {
        const units = await deps.org.allUnits();
        const root = q.unit ? units.find((u) => u.code === q.unit) : units.filter((u) => u.parentId === null).sort((a, b) => a.id - b.id)[0];
        if (!root) throw errors.notFound('đơn vị', 'Unit', 'REPORT_UNIT_NOT_FOUND');
        return build(root, units, period);
      })();
      if (published.size > 500) published.clear();
      published.set(key, { at, answer });
      // A failed answer (an unknown unit, a database error) is not kept.
      answer.catch(() => published.delete(key));
      return answer;
    },
  };
}
