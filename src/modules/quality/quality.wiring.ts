import type { Db } from '../../platform/db/transaction.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import type { DirectiveService } from '../directives/directives.service.js';
import { eventsByProcedure } from '../dossiers/staff-steps.js';
import type { FeedbackService } from '../feedback/feedback.service.js';
import type { OrgService } from '../org/org.service.js';
import type { ReportService } from '../reports/reports.service.js';
import type { SatisfactionService } from '../satisfaction/satisfaction.service.js';
import { vnDay, type CatalogVersion, type QualityFeeds } from './quality.context.js';
import { EVIDENCE_CODES_MAX, type ProcedureSignals } from './rules/nonconformity-proposals.js';
import type { Period } from './rules/objectives.js';
import { periodFor } from '../reports/rules/periods.js';
import type { ProcedureLike } from './rules/process-documents.js';

/** The first instant of a Vietnamese day, and the first instant after a period (UTC+7, no daylight saving). */
const dayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);
const after = (p: Period) => new Date(dayStart(p.to).getTime() + 86_400_000);

type Sources = {
  db: Db;
  org: Pick<OrgService, 'allUnits'>;
  reports: Pick<ReportService, 'ii06aOf' | 'ii06aCodesOf'>;
  satisfaction: Pick<SatisfactionService, 'results'>;
  feedback: Pick<FeedbackService, 'stats'>;
  catalog: Pick<CatalogService, 'findInForce' | 'findVersionById'>;
  directives?: Pick<DirectiveService, 'documents'>;
};

/**
 * The quality module's feeds (QualityFeeds) from the services that own the figures: the II.06a form of
 * modules/reports for dossiers (so an objective reads what the report pages show), the dossiers' events
 * for apology letters and supplement requests, satisfaction ratings, feedback, the catalogue, and the
 * directives for a review's decisions. Each call is over the agency's whole subtree.
 */
export function qualityFeeds(s: Sources): QualityFeeds {
  async function subtree(agencyUnitId: number) {
    const units = await s.org.allUnits();
    const root = units.find((u) => u.id === agencyUnitId);
    if (!root) throw new Error(`unit ${agencyUnitId} not found`);
    const ids = [root.id];
    for (let i = 0; i < ids.length; i++) for (const u of units) if (u.parentId === ids[i]) ids.push(u.id);
    return { root, units, ids };
  }
  const version = (v: { id: number; code: string; number: number; effectiveFrom: string | null; content: { name: string } }): CatalogVersion => ({
    versionId: v.id, code: v.code, name: v.content.name, versionNo: v.number, effectiveFrom: v.effectiveFrom, content: v.content as unknown as ProcedureLike,
  });

  return {
    async measure(measure, agencyUnitId, period) {
      const { root, units, ids } = await subtree(agencyUnitId);
      if (measure === 'dossiers.on_time_rate' || measure === 'dossiers.overdue_rate') {
        const t = (await s.reports.ii06aOf(root, units, periodFor(period.from, period.to), 'procedure')).totals;
        return measure === 'dossiers.on_time_rate'
          ? { numerator: t.completed.early + t.completed.onTime, denominator: t.completed.total }
          : { numerator: t.completed.late + t.inProgress.overdue, denominator: t.completed.total + t.inProgress.total };
      }
      if (measure === 'satisfaction.rate') {
        const r = await s.satisfaction.results({ from: dayStart(period.from), to: after(period), unitIds: ids, groupBy: 'unit' });
        return { numerator: r.total.counts.very_satisfied + r.total.counts.satisfied, denominator: r.total.total };
      }
      const inside = new Set(ids);
      const rows = (await s.feedback.stats({ from: period.from, to: period.to })).units.filter((u) => inside.has(u.unitId));
      return { numerator: rows.reduce((n, u) => n + u.answeredOnTime, 0), denominator: rows.reduce((n, u) => n + u.answered, 0) };
    },

    async procedureSignals(agencyUnitId, period) {
      const { root, units, ids } = await subtree(agencyUnitId);
      const report = await s.reports.ii06aOf(root, units, periodFor(period.from, period.to), 'procedure');
      const [apologies, supplements] = await Promise.all([
        eventsByProcedure(s.db, ['extended'], ids, dayStart(period.from), after(period)),
        eventsByProcedure(s.db, ['supplement_requested', 'reception_supplement_requested'], ids, dayStart(period.from), after(period)),
      ]);
      const apologyOf = new Map(apologies.map((a) => [a.procedureCode, a]));
      const supplementOf = new Map(supplements.map((a) => [a.procedureCode, a]));
      const asOf = vnDay(new Date(report.asOf));
      const out: ProcedureSignals[] = [];
      for (const row of report.rows) {
        const dossiers = row.completed.total + row.inProgress.total;
        const overdue = row.completed.late + row.inProgress.overdue;
        const overdueCodes: string[] = [];
        if (overdue > 0) {
          for (const column of ['completed.late', 'inProgress.overdue'] as const) {
            overdueCodes.push(...(await s.reports.ii06aCodesOf(ids, periodFor(period.from, period.to), row.key, column, EVIDENCE_CODES_MAX)).codes);
          }
        }
        const apology = apologyOf.get(row.key);
        const supplement = supplementOf.get(row.key);
        out.push({
          procedureCode: row.key, procedureName: row.name, period, asOf,
          dossiers, dossiersDone: row.completed.total, overdue,
          apologies: apology?.events ?? 0,
          // A dossier asked to supplement in the period but counted in no column of the form (withdrawn) is left out.
          supplementsRequested: Math.min(supplement?.codes.length ?? 0, dossiers),
          codes: { overdue: overdueCodes, apology: apology?.codes ?? [], supplement: supplement?.codes ?? [] },
        });
      }
      return out;
    },

    catalog: {
      async inForce(code, day) {
        const v = await s.catalog.findInForce(code, new Date(`${day}T12:00:00+07:00`));
        return v ? version(v) : null;
      },
      async versionById(id) {
        const v = await s.catalog.findVersionById(id);
        return v ? version(v) : null;
      },
    },

    directives: s.directives && {
      async registerDecisions(ctx, input) {
        const directives = s.directives!;
        const detail = await directives.documents.register(ctx, {
          docType: 'TB', number: input.number, issuer: input.issuer, signer: input.signer, signedOn: input.signedOn, subject: input.subject,
          fields: [], fullText: '', ownerUnitId: input.ownerUnitId, files: [],
          tasks: input.tasks.map((t) => ({ ref: '', content: t.title, leads: [{ unitId: t.leadUnitId }], coordinatingUnitIds: [], dueOn: t.dueOn, priority: 'normal' as const })),
        });
        return { documentId: detail.document.id };
      },
      async tasksOf(ctx, documentId) {
        const d = await s.directives!.documents.detail(ctx, documentId);
        return d.tasks.map((t) => ({ id: t.id, title: t.content, status: t.statusLabel, dueOn: t.dueOn, leadUnitName: t.leadUnitName }));
      },
    },
  };
}
