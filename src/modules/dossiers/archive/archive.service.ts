import { sql } from 'kysely';
import { hasProvinceWide, requireActor } from '../../../platform/access/policy.js';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { inTransaction, type Db } from '../../../platform/db/transaction.js';
import { errors } from '../../../platform/http/app-error.js';
import { systemContext, type RequestContext } from '../../../platform/http/context.js';
import type { Scheduler } from '../../../platform/jobs/scheduler.js';
import { nextDailyAt } from '../reminders/reminder-rules.js';
import { archiveCutoff } from '../rules/archive.js';
import * as repo from './archive.repository.js';
import { ensureComingYears, ensureYear, partitionSizes } from './partitions.js';

/** The administrator's page counts the dossiers due up to this many ("10000+" beyond). */
const DUE_COUNT_CAP = 10_000;

export type ArchiveRun = { afterYears: number; cutoff: string; dossiers: number; events: number; batches: number; complete: boolean };
export type ArchiveRunOptions = { now?: Date; batchSize?: number; maxMs?: number; onBatch?: (moved: { dossiers: number; events: number }) => void };

/**
 * The archive of closed dossiers (issue 14 item 5; migration 0030). A dossier closed more than N years
 * ago (N = `archive_after_years`, set by the province's administrator) moves with its events and
 * reminder rows out of the live tables, which the work queues, intakes and actions use, into the
 * archive tables — in batches, each batch one transaction with its audit row naming the codes moved.
 * Nothing is rewritten: the events keep their ids, hashes and signatures, the row its chain anchor,
 * so the history verifies as before. The dossier is still found by its code, read-only and marked as
 * archived (views `dossier_records`, `dossier_history`). The reports' read models are the reports'
 * own tables and are left alone, so every report gives the same figures before and after
 * (archive.api.test.ts), and rebuilding them reads the archived dossiers too.
 */
export function createDossierArchive(deps: { db: Db; now: () => Date }) {
  const mayManage = (ctx: RequestContext) => {
    if (!ctx.system && !hasProvinceWide(requireActor(ctx.actor), 'org.manage')) throw errors.forbidden();
  };

  async function run(ctx: RequestContext, opts: ArchiveRunOptions = {}): Promise<ArchiveRun> {
    const now = opts.now ?? deps.now();
    const { afterYears } = await repo.readSetting(deps.db);
    const cutoff = archiveCutoff(now, afterYears);
    const batchSize = opts.batchSize ?? 500;
    const started = performance.now();
    // Each year has its archive partition beside its live one (dossier_events_ensure_year makes both),
    // so moved events land in their year's archive partition, or in the archive's default partition
    // when they came from the live default.
    const out: ArchiveRun = { afterYears, cutoff: cutoff.toISOString(), dossiers: 0, events: 0, batches: 0, complete: false };
    let after: repo.ArchiveCursor | null = null;
    for (;;) {
      if (opts.maxMs !== undefined && performance.now() - started > opts.maxMs) return out;
      const moved = await inTransaction(deps.db, async (trx) => {
        // One mover at a time, whichever process runs it (the nightly job, the CLI).
        await sql`select pg_advisory_xact_lock(hashtext('dossier_archive'))`.execute(trx);
        const batch = await repo.moveBatch(trx, cutoff, after, batchSize, now);
        if (!batch.dossiers.length) return batch;
        await recordAudit(trx, ctx, {
          action: 'dossier.archived', entity: 'dossier_archive', entityId: batch.dossiers[0]!.code, unitId: null,
          after: { dossiers: batch.dossiers.length, events: batch.events, reminders: batch.reminders, afterYears, cutoff: cutoff.toISOString(), codes: batch.dossiers.map((d) => d.code) },
        });
        return batch;
      });
      if (!moved.dossiers.length) break;
      out.dossiers += moved.dossiers.length;
      out.events += moved.events;
      out.batches++;
      opts.onBatch?.({ dossiers: moved.dossiers.length, events: moved.events });
      after = moved.next;
    }
    out.complete = true;
    return out;
  }

  async function status(ctx: RequestContext) {
    mayManage(ctx);
    const setting = await repo.readSetting(deps.db);
    const cutoff = archiveCutoff(deps.now(), setting.afterYears);
    const [due, archived, partitions] = await Promise.all([repo.countDue(deps.db, cutoff, DUE_COUNT_CAP), repo.countArchived(deps.db), partitionSizes(deps.db)]);
    return {
      afterYears: setting.afterYears, version: setting.version, updatedAt: setting.updatedAt.toISOString(),
      cutoff: cutoff.toISOString(), due, archived, partitions,
    };
  }

  return {
    run,
    status,

    async setAfterYears(ctx: RequestContext, input: { afterYears: number; version: number }) {
      mayManage(ctx);
      await inTransaction(deps.db, async (trx) => {
        const before = await repo.readSetting(trx);
        if (!(await repo.writeSetting(trx, input.afterYears, input.version, ctx.actor?.staffId ?? null, deps.now()))) throw errors.stale();
        await recordAudit(trx, ctx, {
          action: 'dossier.archive_settings_changed', entity: 'dossier_settings', entityId: 'archive_after_years', unitId: null,
          before: { afterYears: before.afterYears }, after: { afterYears: input.afterYears },
        });
      });
      return status(ctx);
    },

    ensureYear: (year: number) => ensureYear(deps.db, year),

    /**
     * Daily at 01:30 (Vietnamese time), when the desks are closed: the history's partitions for this
     * year and the next, then the dossiers due for the archive, for at most an hour (the rest waits
     * for the next night). Not at start-up: a server starts under load as often as not, and migration
     * 0030 made the partitions through next year.
     */
    registerJobs(scheduler: Scheduler): void {
      scheduler.every('dossiers.archive', (after) => nextDailyAt(after, 1, 30), async (_job, { now }) => {
        await ensureComingYears(deps.db, now);
        await run(systemContext('dossiers.archive'), { now, maxMs: 3_600_000 });
      }, { runImmediately: false });
    },
  };
}

export type DossierArchive = ReturnType<typeof createDossierArchive>;
