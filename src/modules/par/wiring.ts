/**
 * The figures computed leaves read from other modules (ComputedFeeds), wired in src/app.ts: each source
 * names a module's own published figure over the unit's subtree for the year up to today. Rates are
 * shares 0–1 (for ratio conversions); `service_index.percent` is 0–100 (for tiers).
 */
import type { ReportService } from '../reports/reports.service.js';
import { vnDay } from '../directives/rules/deadlines.js';
import { periodFor } from '../reports/rules/periods.js';
import type { OrgService } from '../org/org.service.js';
import type { ComputedFeeds, ComputedFigure } from './par.context.js';
import { ratioOf } from './rules/scoring.js';

type Deps = {
  org: Pick<OrgService, 'allUnits' | 'subtrees'>;
  reports: Pick<ReportService, 'ii06aOf'>;
  serviceIndex: { totalOf(unitId: number, from: string, to: string): Promise<{ total: number; max: number }> };
  feedback: { stats(range: { from: string; to: string }): Promise<{ units: { unitId: number; answered: number; answeredOnTime: number }[] }> };
  directives: { dueTasksOnTime(unitIds: number[], from: string, to: string): Promise<{ due: number; onTime: number }> };
  now: () => Date;
};

const share = (n: number, d: number, what: string): ComputedFigure => ({ value: ratioOf(n, d), inputs: `${n}/${d} ${what}` });

/**
 * The review sheet asks for every unit's figures at once, and several criteria read the same report: a
 * figure is kept for a few seconds (the province-wide feedback figures, each unit's II.06a), long enough to
 * serve one page, short enough that nobody sees a stale one.
 */
function memo<T>(ttlMs: number) {
  const kept = new Map<string, { at: number; value: Promise<T> }>();
  return (key: string, now: number, make: () => Promise<T>): Promise<T> => {
    const hit = kept.get(key);
    if (hit && now - hit.at < ttlMs) return hit.value;
    if (kept.size > 2000) kept.clear();
    const value = make();
    kept.set(key, { at: now, value });
    value.catch(() => kept.delete(key));
    return value;
  };
}

export function parFeeds(deps: Deps): ComputedFeeds {
  const ii06a = memo<Awaited<ReturnType<Deps['reports']['ii06aOf']>>>(10_000);
  const feedbackStats = memo<Awaited<ReturnType<Deps['feedback']['stats']>>>(10_000);
  const index766 = memo<{ total: number; max: number }>(10_000);
  const tasks = memo<{ due: number; onTime: number }>(10_000);
  const allUnits = memo<Awaited<ReturnType<Deps['org']['allUnits']>>>(10_000);
  const tick = () => Date.now();
  return {
    async figure(source, unitId, year) {
      const today = vnDay(deps.now());
      const from = `${year}-01-01`;
      const to = `${year}-12-31` < today ? `${year}-12-31` : today;
      if (from > to) return null;
      const units = await allUnits('all', tick(), () => deps.org.allUnits());
      const root = units.find((u) => u.id === unitId);
      if (!root) return null;
      switch (source) {
        case 'dossiers.on_time_rate':
        case 'dossiers.online_rate': {
          const r = await ii06a(`${unitId}/${from}/${to}`, tick(), () => deps.reports.ii06aOf(root, units, periodFor(from, to), 'unit'));
          if (source === 'dossiers.online_rate') return share(r.totals.received.online, r.totals.received.total, 'hồ sơ tiếp nhận trực tuyến');
          const c = r.totals.completed;
          return share(c.early + c.onTime, c.total, 'hồ sơ giải quyết đúng hoặc trước hạn');
        }
        case 'directives.tasks_completed_on_time_rate': {
          const subtree = (await deps.org.subtrees([unitId])).get(unitId) ?? [unitId];
          const t = await tasks(`${unitId}/${from}/${to}`, tick(), () => deps.directives.dueTasksOnTime(subtree, from, to));
          return share(t.onTime, t.due, 'nhiệm vụ đến hạn hoàn thành đúng hạn');
        }
        case 'feedback.answered_on_time_rate': {
          // Feedback is answered by the unit it was assigned to: count the unit's whole subtree.
          const subtree = new Set((await deps.org.subtrees([unitId])).get(unitId) ?? [unitId]);
          const rows = (await feedbackStats(`${from}/${to}`, tick(), () => deps.feedback.stats({ from, to }))).units.filter((x) => subtree.has(x.unitId));
          return share(rows.reduce((a, x) => a + x.answeredOnTime, 0), rows.reduce((a, x) => a + x.answered, 0), 'phản ánh, kiến nghị trả lời đúng hạn');
        }
        case 'service_index.percent': {
          // Decision 766's index as a percentage of its maximum (0–100): sets score it by tiers like "≥ 90".
          const r = await index766(`${unitId}/${from}/${to}`, tick(), () => deps.serviceIndex.totalOf(unitId, from, to));
          return { value: r.max > 0 ? Math.round((r.total / r.max) * 10_000) / 100 : null, inputs: `${r.total}/${r.max} điểm Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)` };
        }
        default:
          return null;
      }
    },
  };
}
