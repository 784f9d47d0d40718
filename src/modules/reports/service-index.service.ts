import { can, hasAnywhere, hasProvinceWide, reachable, requireActor } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction, type Db } from '../../platform/db/transaction.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { OrgService } from '../org/org.service.js';
import type { CatalogStatsPort } from './reports.service.js';
import { daysIn, periodFor, reportBounds } from './rules/periods.js';
import { DOSSIER_MEASURES, definitionSchema, scoreIndex, versionInForce, type IndexDefinition, type Measure, type MeasureValue } from './rules/service-index.js';
import * as repo from './service-index.repository.js';
import type { ServiceIndexDossiersQuery, ServiceIndexQuery, VersionBody } from './service-index.schema.js';

/** What the index reads of the satisfaction module (wired in src/app.ts). */
export type SatisfactionPort = { ratingsIn(from: Date, to: Date): Promise<{ dossierCode: string; level: string }[]> };
/** What the index reads of the feedback module: per unit, items received in the period and answered on time. */
export type FeedbackStatsPort = { stats(range: { from: string; to: string }): Promise<{ units: { unitId: number; received: number; answeredOnTime: number }[] }> };

export type ServiceIndexDeps = { db: Db; org: OrgService; now: () => Date; catalog: CatalogStatsPort; satisfaction?: SatisfactionPort; feedback?: FeedbackStatsPort };

type Unit = { id: number; parentId: number | null; code: string | null; name: string };

const MAX_DAYS = 5 * 366;
const unitNotFound = () => errors.notFound('đơn vị', 'Unit', 'REPORT_UNIT_NOT_FOUND');
const fmt = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

export type ServiceIndexService = ReturnType<typeof createServiceIndexService>;

/**
 * The service-quality index of Decision 766 (issue 13 item 3; docs/reports.md "Chỉ số phục vụ"): the
 * version of the province's reading in force on the period's last day, each indicator's figure from the
 * read models and the other modules' ports, its points, and the dossiers behind it.
 */
export function createServiceIndexService(deps: ServiceIndexDeps) {
  async function scope(ctx: RequestContext, q: { from: string; to: string; unit?: string | undefined }) {
    const actor = requireActor(ctx.actor);
    if (q.from > q.to) throw new AppError('REPORT_PERIOD_INVALID', 400, 'Ngày bắt đầu kỳ báo cáo phải trước hoặc bằng ngày kết thúc.', 'The period must start on or before its last day.');
    if (daysIn(q.from, q.to) > MAX_DAYS) throw new AppError('REPORT_PERIOD_TOO_LONG', 400, 'Kỳ báo cáo dài tối đa 5 năm.', 'A report period is at most five years long.');
    const units: Unit[] = await deps.org.allUnits();
    let root: Unit | undefined;
    if (q.unit) {
      root = units.find((u) => u.code === q.unit);
      if (!root || !can(actor, 'report.read', root.id)) throw unitNotFound();
    } else {
      const reach = new Set(reachable(actor, 'report.read'));
      root = units.filter((u) => reach.has(u.id) && (u.parentId === null || !reach.has(u.parentId))).sort((a, b) => a.id - b.id)[0];
      if (!root) throw errors.forbidden();
    }
    const children = new Map<number, Unit[]>();
    for (const u of units) if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
    const ids: number[] = [];
    const stack = [root];
    while (stack.length) {
      const u = stack.pop()!;
      ids.push(u.id);
      stack.push(...(children.get(u.id) ?? []));
    }
    const period = periodFor(q.from, q.to);
    return { root, unitIds: ids, units, period, bounds: reportBounds(period, deps.now()) };
  }

  async function loadVersions() {
    return (await repo.versions(deps.db)).map((v) => ({ ...v, definition: definitionSchema.parse(v.definition) as IndexDefinition }));
  }

  async function inForce(day: string) {
    const v = versionInForce(await loadVersions(), day);
    if (!v) throw new AppError('SERVICE_INDEX_NO_VERSION', 404, `Chưa có phiên bản bộ chỉ số nào có hiệu lực vào ngày ${fmt(day)}. Quản trị viên cần nhập cấu hình bộ chỉ số.`, `No version of the index is in force on ${day}. An administrator must import one.`);
    return v;
  }

  async function ratings(start: Date, end: Date) {
    return deps.satisfaction ? deps.satisfaction.ratingsIn(start, end) : [];
  }

  /** Every measure's figure for the subtree and period. */
  async function figures(s: Awaited<ReturnType<typeof scope>>, needed: Set<Measure>): Promise<Map<Measure, MeasureValue>> {
    const out = new Map<Measure, MeasureValue>();
    const { start, end } = s.bounds;
    const counts = await repo.dossierCounts(deps.db, start, end, s.unitIds);
    for (const [m, f] of counts.figures) out.set(m, f);
    out.set('fee_procedures_paid_online_rate', { numerator: counts.paidProcedures.length, denominator: counts.feeProcedures.length });
    if (needed.has('online_procedures_rate') || needed.has('online_services_used_rate')) {
      const inForceNow = await deps.catalog.contentsInForce(s.period.to);
      const online = new Set(inForceNow.filter((p) => p.content.onlineMode !== 'none').map((p) => p.code));
      out.set('online_procedures_rate', { numerator: online.size, denominator: inForceNow.length });
      out.set('online_services_used_rate', { numerator: counts.onlineProcedures.filter((c) => online.has(c)).length, denominator: online.size });
    }
    if (needed.has('satisfaction_rate')) {
      if (!deps.satisfaction) out.set('satisfaction_rate', { missing: 'no_source' });
      else {
        const r = (await repo.satisfactionBy(deps.db, await ratings(start, end), s.unitIds, 'all')).get('') ?? { satisfied: 0, rated: 0 };
        out.set('satisfaction_rate', { numerator: r.satisfied, denominator: r.rated });
      }
    }
    if (needed.has('feedback_on_time_rate')) {
      if (!deps.feedback) out.set('feedback_on_time_rate', { missing: 'no_source' });
      else {
        const inScope = new Set(s.unitIds);
        const st = (await deps.feedback.stats({ from: s.period.from, to: s.period.to })).units.filter((u) => inScope.has(u.unitId));
        out.set('feedback_on_time_rate', { numerator: st.reduce((a, u) => a + u.answeredOnTime, 0), denominator: st.reduce((a, u) => a + u.received, 0) });
      }
    }
    return out;
  }

  return {
    /**
     * The index of one unit's subtree over a period, without an access check: for another module that
     * scores the unit on it (the PAR index's computed criteria), never for a caller's request.
     */
    async totalOf(unitId: number, from: string, to: string): Promise<{ total: number; max: number }> {
      const units: Unit[] = await deps.org.allUnits();
      const root = units.find((u) => u.id === unitId);
      if (!root) throw unitNotFound();
      const ids: number[] = [];
      const stack = [root];
      while (stack.length) {
        const u = stack.pop()!;
        ids.push(u.id);
        stack.push(...units.filter((c) => c.parentId === u.id));
      }
      const period = periodFor(from, to);
      const version = await inForce(period.to);
      const needed = new Set(version.definition.groups.flatMap((g) => g.indicators.map((i) => i.measure)));
      const scored = scoreIndex(version.definition, await figures({ root, unitIds: ids, units, period, bounds: reportBounds(period, deps.now()) }, needed));
      return { total: scored.total, max: scored.max };
    },

    /** GET /reports/service-index: the contract's { total, groups }, with the version, period and unit. */
    async index(ctx: RequestContext, q: ServiceIndexQuery) {
      const s = await scope(ctx, q);
      const version = await inForce(s.period.to);
      const needed = new Set(version.definition.groups.flatMap((g) => g.indicators.map((i) => i.measure)));
      const scored = scoreIndex(version.definition, await figures(s, needed));
      return {
        period: s.period, unit: { code: s.root.code, name: s.root.name }, asOf: deps.now().toISOString(),
        version: { effectiveFrom: version.effectiveFrom, label: version.definition.label, note: version.definition.note, revision: version.revision },
        ...scored,
      };
    },

    /** GET /reports/service-index/dossiers: the dossiers an indicator counts, paged, each saying whether it is in the numerator. */
    async dossiers(ctx: RequestContext, q: ServiceIndexDossiersQuery) {
      const s = await scope(ctx, q);
      const version = await inForce(s.period.to);
      const indicator = version.definition.groups.flatMap((g) => g.indicators).find((i) => i.code === q.indicator);
      if (!indicator) throw errors.notFound('chỉ tiêu', 'Indicator', 'SERVICE_INDEX_INDICATOR_NOT_FOUND');
      if (!DOSSIER_MEASURES.has(indicator.measure)) {
        throw new AppError('SERVICE_INDEX_NOT_DOSSIERS', 400, `Chỉ tiêu ${indicator.code} không tính theo hồ sơ nên không có danh sách hồ sơ.`, `Indicator ${indicator.code} is not counted over dossiers; there is no list of dossiers behind it.`);
      }
      const { start, end } = s.bounds;
      const r = indicator.measure === 'satisfaction_rate' ? await ratings(start, end) : [];
      const page = await repo.dossiersBehind(deps.db, indicator.measure, start, end, s.unitIds, r, { limit: q.limit, offset: (q.page - 1) * q.limit, counted: q.counted });
      const names = new Map(s.units.map((u) => [u.id, u.name]));
      return {
        period: s.period, unit: { code: s.root.code, name: s.root.name }, indicator: { code: indicator.code, name: indicator.name, formula: indicator.formula },
        page: q.page, limit: q.limit, total: page.total,
        items: page.items.map((d) => ({
          code: d.code, procedureCode: d.procedureCode, procedureName: d.procedureName, unitName: names.get(d.unitId) ?? null, channel: d.channel,
          receivedAt: d.receivedAt?.toISOString() ?? null, dueAt: d.dueAt?.toISOString() ?? null, completedAt: d.completedAt?.toISOString() ?? null,
          outcome: d.outcome, timeliness: d.timeliness, counted: d.counted,
        })),
      };
    },

    /** The versions of the index, oldest first, with which is in force today. */
    async versions(ctx: RequestContext) {
      const actor = requireActor(ctx.actor);
      if (!hasAnywhere(actor, 'report.read') && !hasAnywhere(actor, 'report.manage')) throw errors.forbidden();
      const all = await loadVersions();
      const today = new Date(deps.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
      const current = versionInForce(all, today);
      return { items: all.map((v) => ({ effectiveFrom: v.effectiveFrom, revision: v.revision, updatedAt: v.updatedAt.toISOString(), inForce: v === current, definition: v.definition })) };
    },

    /**
     * Adds a version (revision null) or replaces the one with the same effective date (revision: the
     * one being replaced; another admin's change in between is a 409). The province's configuration:
     * report.manage at a root of the org tree. One transaction with its audit row.
     */
    async putVersion(ctx: RequestContext, effectiveFrom: string, body: VersionBody) {
      if (!ctx.system && !hasProvinceWide(ctx.actor, 'report.manage')) throw ctx.actor ? errors.forbidden() : errors.unauthenticated();
      const at = deps.now();
      return inTransaction(deps.db, async (trx) => {
        const existing = await trx.selectFrom('report_index_versions').selectAll().where('effective_from', '=', effectiveFrom).forUpdate().executeTakeFirst();
        if (existing && body.revision !== existing.revision) {
          throw errors.conflict('STALE_VERSION', `Phiên bản có hiệu lực từ ${fmt(effectiveFrom)} đã có (lần sửa ${existing.revision}); hãy tải lại và gửi kèm số lần sửa đang thay thế.`, `A version effective ${effectiveFrom} exists (revision ${existing.revision}); reload and send the revision you replace.`);
        }
        if (!existing && body.revision !== null) throw errors.conflict('STALE_VERSION', 'Phiên bản cần thay thế không còn; hãy tải lại trang.', 'The version to replace no longer exists; reload.');
        const definition = JSON.stringify(body.definition);
        let revision = 1;
        if (existing) {
          revision = existing.revision + 1;
          await trx.updateTable('report_index_versions').set({ definition, revision, updated_at: at, updated_by_staff_id: ctx.actor?.staffId ?? null }).where('id', '=', existing.id).execute();
        } else {
          await trx.insertInto('report_index_versions').values({ effective_from: effectiveFrom, definition, created_at: at, updated_at: at, updated_by_staff_id: ctx.actor?.staffId ?? null }).execute();
        }
        await recordAudit(trx, ctx, {
          action: existing ? 'report.index_version_replaced' : 'report.index_version_added', entity: 'report_index_version', entityId: effectiveFrom,
          ...(existing ? { before: { revision: existing.revision, label: (existing.definition as { label?: string }).label } } : {}),
          after: { revision, label: body.definition.label },
        });
        return { effectiveFrom, revision, definition: body.definition };
      });
    },
  };
}
