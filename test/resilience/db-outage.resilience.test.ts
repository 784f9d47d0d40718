import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { runIntakeLoad, statusLine } from './load.js';
import { destroyAgent, freshDemoDatabase, login, percentile, request, sleep, startServer, type Answer, type FreshDatabase, type Server } from './support.js';

/**
 * PostgreSQL unavailable under load: the server reaches the database through a loopback relay that
 * the test cuts for OUTAGE_MS while intakes and reads go on. During the cut every answer is 503
 * DATABASE_UNAVAILABLE (never a 500, never a hung request); after it the same server and the same
 * sessions work again without a restart, and no acknowledged intake is lost.
 */
const OUTAGE_MS = 5_000;
/** A refused connection is answered at once; 1.5 s leaves room for a busy 2-core machine. */
const FAST_MS = 1_500;

type Timed = Answer & { at: number; kind: string };

describe('PostgreSQL unavailable under load', () => {
  let db: FreshDatabase;
  let proxy: TcpProxy;
  let server: Server;
  beforeAll(async () => {
    db = await freshDemoDatabase('motcua_res_outage');
    const target = new URL(db.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const through = new URL(db.url);
    through.port = String(proxy.port);
    server = await startServer({ databaseUrl: through.toString(), dataDir: db.dataDir });
  });
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    await db?.drop();
    await destroyAgent();
  });

  it('answers 503 fast during a 5 s cut, recovers without a restart, and keeps every acknowledged intake', async () => {
    const session = await login(server.port, 'motcua.tanphong');
    const answers: Timed[] = [];
    const load = runIntakeLoad(() => server.port, () => session, 8, 'outage', () => ({}), (res) => answers.push({ ...res, at: Date.now(), kind: 'intake' }));
    let reading = true;
    const readers = ['/api/v1/procedures?q=khai%20sinh', '/api/v1/dossiers?queue=all_open&limit=20', '/health'].map(async (path) => {
      while (reading) {
        const res = await request(server.port, 'GET', path, { session });
        answers.push({ ...res, at: Date.now(), kind: path.split('?')[0]! });
        if (res.status === 0) await sleep(50);
      }
    });

    await sleep(3_000);
    const ackedBefore = load.acknowledged.size;
    const cutAt = Date.now();
    await proxy.cut();
    await sleep(OUTAGE_MS);
    const restoredAt = Date.now();
    await proxy.restore();
    // Recovery: the first intake acknowledged after the restore.
    while (!answers.some((a) => a.at > restoredAt && a.kind === 'intake' && a.status === 201) && Date.now() - restoredAt < 20_000) await sleep(50);
    const recoveredMs = Date.now() - restoredAt;
    await sleep(3_000);
    reading = false;
    await load.stop();
    await Promise.all(readers);

    // Requests sent while the relay was cut (allowing 200 ms for requests already past the database).
    const during = answers.filter((a) => a.at - a.ms > cutAt + 200 && a.at < restoredAt);
    const duringStatuses = new Map<number, number>();
    for (const a of during) duringStatuses.set(a.status, (duringStatuses.get(a.status) ?? 0) + 1);
    expect(during.length).toBeGreaterThan(20);
    expect([...duringStatuses.keys()], 'only 503 while the database is away').toEqual([503]);
    for (const a of during) expect(a.json?.error?.code ?? a.json?.error).toBe('DATABASE_UNAVAILABLE');
    const slow = during.map((a) => a.ms).sort((x, y) => x - y);
    expect(percentile(slow, 99), 'p99 of the 503 answers').toBeLessThan(FAST_MS);

    expect(answers.filter((a) => a.status >= 500 && a.status !== 503).map((a) => `${a.kind} ${a.status} ${JSON.stringify(a.json).slice(0, 200)}`), 'never a 500').toEqual([]);
    expect(answers.filter((a) => a.status === 0).length, 'the server stayed up').toBe(0);
    expect(recoveredMs, 'intakes succeed again soon after the restore').toBeLessThan(10_000);
    const after = answers.filter((a) => a.at > restoredAt + recoveredMs);
    expect(after.filter((a) => a.status !== 200 && a.status !== 201).map((a) => `${a.kind} ${a.status}`), 'after recovery everything succeeds').toEqual([]);
    expect(load.acknowledged.size).toBeGreaterThan(ackedBefore);

    const rows = await sql<{ idempotency_key: string; code: string }>`select idempotency_key, code from dossiers where idempotency_key = any(${[...load.acknowledged.keys()]})`.execute(db.handle.db);
    expect(rows.rows.length, 'every acknowledged intake present once').toBe(load.acknowledged.size);
    for (const r of rows.rows) expect(load.acknowledged.get(r.idempotency_key)).toBe(r.code);
    const verified = await db.services.dossiers.verifyAll();
    expect(verified.broken).toEqual([]);

    console.log(`RESILIENCE PostgreSQL cut for ${OUTAGE_MS / 1000} s under load (8 intake + 3 read connections): ${during.length} requests during the cut: ${statusLine(duringStatuses)}, ` +
      `p50 ${percentile(slow, 50).toFixed(0)} ms, p99 ${percentile(slow, 99).toFixed(0)} ms, max ${slow[slow.length - 1]!.toFixed(0)} ms; first intake acknowledged ${recoveredMs} ms after the restore, no restart; ` +
      `intakes: ${statusLine(load.statuses)}; acknowledged ${load.acknowledged.size}, present ${rows.rows.length}; chains broken ${verified.broken.length}`);
  });
});
