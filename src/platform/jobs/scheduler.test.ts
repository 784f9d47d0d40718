import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.js';
import { inTransaction } from '../db/transaction.js';
import { backoffDelay } from './backoff.js';
import { createScheduler, enqueueJob } from './scheduler.js';

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase({ demo: false }); });
afterAll(async () => { await t?.close(); });

const at = (iso: string) => new Date(iso);
const T0 = at('2026-03-02T02:00:00Z');
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);
const jobRow = (key: string) => t.db.selectFrom('jobs').selectAll().where('unique_key', '=', key).executeTakeFirstOrThrow();

describe('back-off', () => {
  it('doubles from the base and stops at the cap', () => {
    const b = { baseMs: 1000, capMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, b))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(backoffDelay(10_000, b)).toBe(10_000);
    expect(backoffDelay(0, b)).toBe(1000);
  });
});

describe('scheduler', () => {
  it('keeps one row per unique key, and a rolled-back transaction leaves none', async () => {
    const first = await enqueueJob(t.db, 'test.noop', { runAt: T0, uniqueKey: 'dedupe-1', payload: { n: 1 } });
    const second = await enqueueJob(t.db, 'test.noop', { runAt: T0, uniqueKey: 'dedupe-1', payload: { n: 2 } });
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect((await jobRow('dedupe-1')).payload).toEqual({ n: 1 });
    await expect(inTransaction(t.db, async (trx) => {
      await enqueueJob(trx, 'test.noop', { runAt: T0, uniqueKey: 'rolled-back' });
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(await t.db.selectFrom('jobs').select('id').where('unique_key', '=', 'rolled-back').execute()).toHaveLength(0);
  });

  it('runs only what is due at the injected time, with its payload', async () => {
    const s = createScheduler(t.db);
    const seen: unknown[] = [];
    s.register('test.collect', async (job) => { seen.push(job.payload); });
    await s.enqueue('test.collect', { runAt: T0, uniqueKey: 'due-now', payload: { code: 'A' } });
    await s.enqueue('test.collect', { runAt: plus(T0, 60_000), uniqueKey: 'due-later', payload: { code: 'B' } });
    await s.runDueJobs(T0);
    expect(seen).toEqual([{ code: 'A' }]);
    expect((await jobRow('due-now')).status).toBe('done');
    expect((await jobRow('due-later')).status).toBe('pending');
    await s.runDueJobs(plus(T0, 60_000));
    expect(seen).toEqual([{ code: 'A' }, { code: 'B' }]);
  });

  it('retries a failure with exponential back-off, then gives up with the error kept', async () => {
    const s = createScheduler(t.db, { backoff: { baseMs: 60_000, capMs: 3_600_000 } });
    let calls = 0;
    s.register('test.flaky', async () => { calls++; throw new Error('SMTP 421 thử lại sau'); });
    await s.enqueue('test.flaky', { runAt: T0, uniqueKey: 'flaky', maxAttempts: 3 });
    await s.runDueJobs(T0);
    let row = await jobRow('flaky');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'SMTP 421 thử lại sau', locked_until: null });
    expect(row.run_at.getTime()).toBe(T0.getTime() + 60_000);
    await s.runDueJobs(plus(T0, 59_000));
    expect(calls).toBe(1);
    await s.runDueJobs(plus(T0, 60_000));
    row = await jobRow('flaky');
    expect(row.attempts).toBe(2);
    expect(row.run_at.getTime()).toBe(T0.getTime() + 60_000 + 120_000);
    await s.runDueJobs(plus(T0, 180_000));
    row = await jobRow('flaky');
    expect(calls).toBe(3);
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    await s.runDueJobs(plus(T0, 24 * 3_600_000));
    expect(calls).toBe(3);
  });

  it('a worker that dies after claiming: the job waits for the lease, then another instance runs it (at least once)', async () => {
    const leaseMs = 120_000;
    const a = createScheduler(t.db, { leaseMs, workerId: 'worker-a' });
    let releaseA!: () => void;
    const runs: string[] = [];
    a.register('test.lease', (_job, ctx) => { runs.push(ctx.workerId); return new Promise<void>((r) => { releaseA = r; }); });
    await a.enqueue('test.lease', { runAt: T0, uniqueKey: 'lease-1' });
    const stuck = a.runDueJobs(T0); // never finishes until released: the "crash" between claim and completion
    await waitUntil(() => runs.length === 1);
    expect(await jobRow('lease-1')).toMatchObject({ locked_by: 'worker-a', attempts: 1 });

    // A restarted process is a new scheduler over the same database.
    const b = createScheduler(t.db, { leaseMs, workerId: 'worker-b' });
    b.register('test.lease', async (_job, ctx) => { runs.push(ctx.workerId); });
    await b.runDueJobs(plus(T0, 60_000));
    expect(runs).toEqual(['worker-a']);
    await b.runDueJobs(plus(T0, leaseMs));
    expect(runs).toEqual(['worker-a', 'worker-b']);
    expect(await jobRow('lease-1')).toMatchObject({ status: 'done', attempts: 2 });
    // The first worker wakes up late: its completion no longer owns the row and changes nothing.
    releaseA();
    await stuck;
    expect(await jobRow('lease-1')).toMatchObject({ status: 'done', attempts: 2, locked_by: 'worker-b' });
  });

  it('a recurring job is one row that moves forward, and a restart does not run it twice', async () => {
    const hour = 3_600_000;
    const runs: Date[] = [];
    const make = () => {
      const s = createScheduler(t.db);
      s.every('test.hourly', (after) => new Date(after.getTime() + hour), async (_j, { now }) => { runs.push(now); });
      return s;
    };
    const s1 = make();
    await s1.runDueJobs(T0);
    await s1.runDueJobs(plus(T0, 30 * 60_000));
    const s2 = make();
    await s2.runDueJobs(plus(T0, 45 * 60_000));
    expect(runs).toEqual([T0]);
    await s2.runDueJobs(plus(T0, hour));
    expect(runs.map((d) => d.getTime())).toEqual([T0.getTime(), T0.getTime() + hour]);
    expect(await t.db.selectFrom('jobs').select('id').where('kind', '=', 'test.hourly').execute()).toHaveLength(1);
  });

  it('two workers polling at once never run the same job (SKIP LOCKED on PostgreSQL, serial on PGlite)', async () => {
    const runs: string[] = [];
    const make = (id: string) => {
      const s = createScheduler(t.db, { workerId: id, batchSize: 3 });
      s.register('test.race', async (job) => { runs.push(String(job.payload.n)); await new Promise((r) => setTimeout(r, 2)); });
      return s;
    };
    for (let n = 0; n < 30; n++) await enqueueJob(t.db, 'test.race', { runAt: T0, uniqueKey: `race-${n}`, payload: { n } });
    const [a, b] = await Promise.all([make('race-a').runDueJobs(T0), make('race-b').runDueJobs(T0)]);
    expect(a.succeeded + b.succeeded).toBe(30);
    expect(new Set(runs).size).toBe(30);
    expect(runs).toHaveLength(30);
  });

  it('the polling worker runs due jobs on its own and stops cleanly', async () => {
    const s = createScheduler(t.db);
    let ran = 0;
    s.register('test.polled', async () => { ran++; });
    const worker = s.startWorker({ pollMs: 100 });
    await s.enqueue('test.polled', { runAt: new Date(Date.now() - 1000), uniqueKey: 'polled' });
    await waitUntil(() => ran === 1, 5_000);
    await worker.stop();
    expect((await jobRow('polled')).status).toBe('done');
  });
});

async function waitUntil(cond: () => boolean, timeoutMs = 2_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
