import { can, reachable, requireActor } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction, type Db } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import { systemContext, type RequestContext } from '../../platform/http/context.js';
import type { Scheduler } from '../../platform/jobs/scheduler.js';
import { nextDailyAt } from '../dossiers/reminders/reminder-rules.js';
import type { OrgService } from '../org/org.service.js';
import type { ReportService } from './reports.service.js';
import { periodsToKeep } from './rules/archive.js';
import { periodFor } from './rules/periods.js';

/** What the archive keeps its files in (platform/files, wired in src/app.ts). */
export type ArchiveFilesPort = { put(content: Buffer): Promise<string>; get(key: string): Promise<Buffer | undefined> };

export type ReportArchive = ReturnType<typeof createReportArchive>;

const notFound = () => errors.notFound('báo cáo đã lưu', 'Kept report', 'REPORT_ARCHIVE_NOT_FOUND');
const dateOf = (v: unknown) => (v instanceof Date ? new Date(v.getTime() + 7 * 3_600_000).toISOString().slice(0, 10) : String(v).slice(0, 10));

/**
 * Reports kept per period (issue 13 item 5; docs/reports.md "Báo cáo lưu theo kỳ"): when a statutory
 * period has ended, form II.06a of the province is drawn as it stands and kept — its figures and its
 * XLSX and PDF — once (the unique key makes a second run, or a second worker, change nothing).
 */
export function createReportArchive(deps: { db: Db; org: OrgService; now: () => Date; reports: ReportService; files: ArchiveFilesPort }) {
  async function keepDue(now: Date): Promise<number> {
    const units = await deps.org.allUnits();
    const root = units.filter((u) => u.parentId === null).sort((a, b) => a.id - b.id)[0];
    if (!root) return 0;
    let kept = 0;
    for (const period of periodsToKeep(now)) {
      const have = await deps.db.selectFrom('report_archive').select('id').where('form', '=', 'II.06a').where('period_code', '=', period.code).where('unit_id', '=', root.id).executeTakeFirst();
      if (have) continue;
      const report = await deps.reports.ii06aOf(root, units, period, 'unit');
      const [xlsx, pdf] = [await deps.reports.ii06aFile(report, 'xlsx'), await deps.reports.ii06aFile(report, 'pdf')];
      const [xlsxKey, pdfKey] = [await deps.files.put(xlsx.body), await deps.files.put(pdf.body)];
      await inTransaction(deps.db, async (trx) => {
        const row = await trx.insertInto('report_archive').values({
          form: 'II.06a', period_code: period.code, period_from: period.from, period_to: period.to, unit_id: root.id, unit_code: root.code, unit_name: root.name,
          figures: JSON.stringify(report), xlsx_key: xlsxKey, pdf_key: pdfKey, generated_at: now,
        }).onConflict((oc) => oc.constraint('report_archive_once_key').doNothing()).returning('id').executeTakeFirst();
        if (!row) return;
        kept++;
        await recordAudit(trx, systemContext('reports.archive'), {
          action: 'report.archived', entity: 'report_archive', entityId: String(row.id), unitId: root.id,
          after: { form: 'II.06a', period: period.code, received: report.totals.received.total },
        });
      });
    }
    return kept;
  }

  return {
    keepDue,

    /** GET /reports/archive: the kept reports of the units the caller reads reports of, newest period first. */
    async list(ctx: RequestContext) {
      const actor = requireActor(ctx.actor);
      const reach = reachable(actor, 'report.read');
      if (!reach.length) throw errors.forbidden();
      const rows = await deps.db.selectFrom('report_archive').select(['id', 'form', 'period_code', 'period_from', 'period_to', 'unit_code', 'unit_name', 'generated_at'])
        .where('unit_id', 'in', reach).orderBy('period_to', 'desc').orderBy('period_from', 'asc').limit(500).execute();
      return {
        items: rows.map((r) => {
          const period = periodFor(dateOf(r.period_from), dateOf(r.period_to));
          return { id: r.id, form: r.form, period: { ...period, code: r.period_code }, unit: { code: r.unit_code, name: r.unit_name }, generatedAt: r.generated_at.toISOString() };
        }),
      };
    },

    /** A kept report's file, as it was drawn; a report outside the caller's reach answers as if it did not exist. */
    async file(ctx: RequestContext, id: number, format: 'xlsx' | 'pdf'): Promise<{ body: Buffer; fileName: string }> {
      const actor = requireActor(ctx.actor);
      const row = await deps.db.selectFrom('report_archive').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row || !can(actor, 'report.read', row.unit_id)) throw notFound();
      const body = await deps.files.get(format === 'xlsx' ? row.xlsx_key : row.pdf_key);
      if (!body) throw notFound();
      return { body, fileName: `bao-cao-${row.form.replace('.', '')}-${row.unit_code ?? 'tinh'}-${row.period_code}.${format}` };
    },

    /** Daily at 01:30 (Vietnamese time), and once at start-up to catch up on a period that ended while down. */
    registerJobs(scheduler: Scheduler): void {
      scheduler.every('reports.archive', (after) => nextDailyAt(after, 1, 30), async (_job, { now }) => { await keepDue(now); });
    },
  };
}
