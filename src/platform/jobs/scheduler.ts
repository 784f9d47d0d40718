import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { Db, Tx } from '../db/transaction.js';
import { nextAttemptAt, type Backoff } from './backoff.js';

/**
 * A small job scheduler on the application's own database (DESIGN "Jobs"): a job is a row, so it
 * survives restarts; a worker claims due rows with a lease (`FOR UPDATE SKIP LOCKED`, so several
 * PostgreSQL processes never take the same row; the embedded PGlite has one connection, so there
 * claiming is serial anyway); a failure is retried with exponential back-off.
 *
 * Delivery guarantee: at least once. A worker that dies after claiming leaves the row locked until
 * its lease ends; then another worker runs it again. Handlers must therefore be idempotent — the
 * ones in this code base write under a unique key in their own transaction, so a second run finds
 * the work done and changes nothing.
 */
export type Job = {
  id: string;
  kind: string;
  uniqueKey: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
  recurring: boolean;
  runAt: Date;
};
export type JobContext = { now: Date; workerId: string };
export type JobHandler = (job: Job, ctx: JobContext) => Promise<void>;
export type JobLogger = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

export type EnqueueOptions = { runAt: Date; uniqueKey?: string; payload?: Record<string, unknown>; maxAttempts?: number };

/** Adds a job in the caller's transaction (or outside any); a repeated unique key keeps the first row. */
export async function enqueueJob(db: Db | Tx, kind: string, opts: EnqueueOptions): Promise<{ id: string | null; created: boolean }> {
  const row = await db.insertInto('jobs').values({
    kind, unique_key: opts.uniqueKey ?? null, payload: JSON.stringify(opts.payload ?? {}), run_at: opts.runAt,
    max_attempts: opts.maxAttempts ?? 10,
  }).onConflict((oc) => oc.column('unique_key').doNothing()).returning('id').executeTakeFirst();
  return { id: row?.id ?? null, created: !!row };
}

export type SchedulerOptions = {
  /** Names this process in `locked_by`; a second instance over the same database gets another. */
  workerId?: string;
  /** How long a claim protects a running job from other workers. */
  leaseMs?: number;
  batchSize?: number;
  backoff?: Backoff;
  log?: JobLogger;
};

export type RunSummary = { ran: number; succeeded: number; retried: number; failed: number };
export type Worker = { stop(): Promise<void> };

type Recurring = { kind: string; next: (after: Date) => Date; runImmediately: boolean };
type Claimed = { id: string; kind: string; unique_key: string | null; payload: Record<string, unknown>; attempts: number; max_attempts: number; recurring: boolean; run_at: Date };

const silent: JobLogger = { warn() {}, error() {} };

export type Scheduler = ReturnType<typeof createScheduler>;

export function createScheduler(db: Db, options: SchedulerOptions = {}) {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const batchSize = options.batchSize ?? 10;
  const backoff = options.backoff ?? { baseMs: 30_000, capMs: 60 * 60_000 };
  let log = options.log ?? silent;
  const handlers = new Map<string, JobHandler>();
  const recurring = new Map<string, Recurring>();
  let recurringEnsured = false;

  async function ensureRecurring(now: Date): Promise<void> {
    if (recurringEnsured) return;
    for (const r of recurring.values()) {
      await db.insertInto('jobs').values({
        kind: r.kind, unique_key: `recurring:${r.kind}`, recurring: true, max_attempts: 1,
        run_at: r.runImmediately ? now : r.next(now),
      }).onConflict((oc) => oc.column('unique_key').doNothing()).execute();
    }
    recurringEnsured = true;
  }

  async function claim(now: Date, limit: number): Promise<Claimed[]> {
    const lease = new Date(now.getTime() + leaseMs);
    const res = await sql<Claimed>`
      update jobs set locked_until = ${lease}, locked_by = ${workerId}, attempts = attempts + 1, updated_at = now()
      where id in (
        select id from jobs
        where status = 'pending' and run_at <= ${now} and (locked_until is null or locked_until <= ${now})
        order by run_at, id
        limit ${limit}
        for update skip locked)
      returning id, kind, unique_key, payload, attempts, max_attempts, recurring, run_at`.execute(db);
    return res.rows.sort((a, b) => a.run_at.getTime() - b.run_at.getTime() || Number(a.id) - Number(b.id));
  }

  /** Only the claim's owner may settle it: the same worker and the same attempt (a re-claim bumps it). */
  const owned = (c: Claimed) => db.updateTable('jobs').where('id', '=', c.id).where('locked_by', '=', workerId).where('attempts', '=', c.attempts);

  async function succeed(c: Claimed, now: Date): Promise<void> {
    const def = recurring.get(c.kind);
    const res = c.recurring && def
      ? await owned(c).set({ run_at: def.next(now), attempts: 0, locked_until: null, locked_by: null, last_error: null, updated_at: new Date() }).executeTakeFirst()
      : await owned(c).set({ status: 'done', finished_at: now, locked_until: null, last_error: null, updated_at: new Date() }).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) log.warn({ jobId: c.id, kind: c.kind, workerId }, 'job finished after its lease was taken over');
  }

  async function fail(c: Claimed, now: Date, err: unknown): Promise<'retried' | 'failed'> {
    const message = err instanceof Error ? err.message : String(err);
    const final = !c.recurring && c.attempts >= c.max_attempts;
    await (final
      ? owned(c).set({ status: 'failed', finished_at: now, locked_until: null, last_error: message.slice(0, 2000), updated_at: new Date() })
      : owned(c).set({ run_at: nextAttemptAt(now, c.attempts, backoff), locked_until: null, last_error: message.slice(0, 2000), updated_at: new Date() })
    ).execute();
    log.error({ err, jobId: c.id, kind: c.kind, attempt: c.attempts }, final ? 'job failed for good' : 'job failed; will retry');
    return final ? 'failed' : 'retried';
  }

  async function runOne(c: Claimed, now: Date, summary: RunSummary): Promise<void> {
    summary.ran++;
    // A job whose earlier runs all died mid-way (lease expired each time) is given up, not looped on.
    if (!c.recurring && c.attempts > c.max_attempts) {
      summary.failed++;
      await owned(c).set({ status: 'failed', finished_at: now, locked_until: null, last_error: 'abandoned: every attempt ended without finishing', updated_at: new Date() }).execute();
      return;
    }
    const handler = handlers.get(c.kind);
    try {
      if (!handler) throw new Error(`no handler registered for job kind "${c.kind}"`);
      await handler({ id: c.id, kind: c.kind, uniqueKey: c.unique_key, payload: c.payload, attempts: c.attempts, maxAttempts: c.max_attempts, recurring: c.recurring, runAt: c.run_at }, { now, workerId });
    } catch (err) {
      summary[await fail(c, now, err)]++;
      return;
    }
    await succeed(c, now);
    summary.succeeded++;
  }

  const scheduler = {
    workerId,

    /** The code that runs jobs of `kind`. */
    register(kind: string, handler: JobHandler): void {
      handlers.set(kind, handler);
    },

    /** A job that repeats for ever: one row per kind, moved to `next(now)` after each run. */
    every(kind: string, next: (after: Date) => Date, handler: JobHandler, opts: { runImmediately?: boolean } = {}): void {
      handlers.set(kind, handler);
      recurring.set(kind, { kind, next, runImmediately: opts.runImmediately ?? true });
      recurringEnsured = false;
    },

    enqueue: (kind: string, opts: EnqueueOptions, trx: Db | Tx = db) => enqueueJob(trx, kind, opts),

    /**
     * Runs every job due at `now` (the injected clock: tests move it instead of sleeping), one
     * after another, until none is due or `maxJobs` have run.
     */
    async runDueJobs(now: Date, opts: { maxJobs?: number } = {}): Promise<RunSummary> {
      await ensureRecurring(now);
      const summary: RunSummary = { ran: 0, succeeded: 0, retried: 0, failed: 0 };
      const max = opts.maxJobs ?? 500;
      while (summary.ran < max) {
        const claimed = await claim(now, Math.min(batchSize, max - summary.ran));
        if (!claimed.length) break;
        for (const c of claimed) await runOne(c, now, summary);
      }
      return summary;
    },

    /** Polls every `pollMs` until stopped; `stop()` waits for the running pass to finish. */
    startWorker(opts: { pollMs: number; log?: JobLogger; clock?: () => Date }): Worker {
      if (opts.log) log = opts.log;
      const clock = opts.clock ?? (() => new Date());
      let stopped = false;
      let timer: NodeJS.Timeout | undefined;
      let running: Promise<void> = Promise.resolve();
      const tick = async () => {
        try {
          await scheduler.runDueJobs(clock());
        } catch (err) {
          log.error({ err, workerId }, 'job worker pass failed');
        }
        if (!stopped) timer = setTimeout(() => { running = tick(); }, opts.pollMs);
      };
      running = tick();
      return {
        async stop() {
          stopped = true;
          clearTimeout(timer);
          await running;
        },
      };
    },
  };

  // Finished jobs are kept a while for staff to inspect, then removed so the table stays small.
  scheduler.every('jobs.purge', (after) => new Date(after.getTime() + 24 * 3_600_000), async (_job, { now }) => {
    const cutoff = new Date(now.getTime() - 14 * 24 * 3_600_000);
    await db.deleteFrom('jobs').where('status', '<>', 'pending').where('finished_at', '<', cutoff).execute();
  }, { runImmediately: false });

  return scheduler;
}
