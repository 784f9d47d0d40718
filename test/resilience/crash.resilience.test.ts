import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/connection.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { seedDemoIfEmpty } from '../../src/seed/demo-seed.js';
import { runIntakeLoad, statusLine } from './load.js';
import { destroyAgent, freshDemoDatabase, login, request, sleep, startServer, tempDir, type FreshDatabase, type Server, type Session } from './support.js';

/**
 * kill -9 under intake load: every intake the client saw acknowledged (201) must be in the database
 * exactly once after a restart, with the code it was given, and every history chain must verify.
 */
const WORKERS = 10;
/** The kill comes once this many intakes were acknowledged (a busy machine is slow to warm up), plus a second, mid-flight. */
const MIN_ACKS = 60;

type Outcome = { acknowledged: number; present: number; sent: number; dossiers: number; broken: number; statuses: string };

async function checkAfterCrash(handle: DatabaseHandle, acknowledged: Map<string, string>, verifyAll: () => Promise<{ checked: number; broken: unknown[] }>): Promise<Omit<Outcome, 'sent' | 'statuses'>> {
  const rows = await sql<{ idempotency_key: string; code: string }>`select idempotency_key, code from dossiers where idempotency_key = any(${[...acknowledged.keys()]})`.execute(handle.db);
  const byKey = new Map<string, string[]>();
  for (const r of rows.rows) byKey.set(r.idempotency_key, [...(byKey.get(r.idempotency_key) ?? []), r.code]);
  let present = 0;
  for (const [key, code] of acknowledged) {
    expect(byKey.get(key), `acknowledged intake ${key} (${code})`).toEqual([code]);
    present++;
  }
  const dups = await sql<{ code: string }>`select code from dossiers group by code having count(*) > 1`.execute(handle.db);
  expect(dups.rows, 'no dossier code twice').toEqual([]);
  const all = await sql<{ n: string }>`select count(*) as n from dossiers`.execute(handle.db);
  const verified = await verifyAll();
  expect(verified.broken, 'every hash chain verifies').toEqual([]);
  expect(verified.checked).toBe(Number(all.rows[0]!.n));
  return { acknowledged: acknowledged.size, present, dossiers: verified.checked, broken: verified.broken.length };
}

/** Loads, kills the server with SIGKILL mid-load, restarts it on the same database; returns the load. */
async function crashUnderLoad(start: () => Promise<Server>, label: string) {
  const t0 = Date.now();
  const step = (what: string) => console.log(`[${label} +${((Date.now() - t0) / 1000).toFixed(1)} s] ${what}`);
  let server = await start();
  step(`server ready in ${server.readyMs} ms`);
  let session: Session = await login(server.port, 'motcua.tanphong');
  const load = runIntakeLoad(() => server.port, () => session, WORKERS, `crash-${label}`);
  const started = Date.now();
  while (load.acknowledged.size < MIN_ACKS && Date.now() - started < 30_000) await sleep(100);
  await sleep(1000);
  const loadMs = Date.now() - started;
  const before = load.acknowledged.size;
  await server.kill9();
  step(`SIGKILL with ${before} acknowledged`);
  await sleep(500);
  await load.stop();
  // After the restart the same desk goes on receiving, with the same keys answered from the database.
  server = await start();
  step(`restarted, ready in ${server.readyMs} ms`);
  session = await login(server.port, 'motcua.tanphong');
  const again = await request(server.port, 'POST', '/api/v1/dossiers', { session, body: { procedureCode: '1.001193', channel: 'desk', resultDelivery: 'desk', idempotencyKey: [...load.acknowledged.keys()][0], applicant: { kind: 'citizen', fullName: 'Lò Thị Hương', phone: '0912345678' } } });
  expect(again.status, 'a repeated key after the restart').toBe(200);
  expect(again.json.code).toBe(load.acknowledged.get([...load.acknowledged.keys()][0]!));
  return { server, load, ackedBeforeKill: before, loadMs };
}

describe('kill -9 under intake load', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    await destroyAgent();
  });

  it('PostgreSQL: every acknowledged intake is present exactly once and every chain verifies', async () => {
    const db: FreshDatabase = await freshDemoDatabase('motcua_res_crash');
    cleanups.push(() => db.drop());
    const servers: Server[] = [];
    cleanups.push(async () => { for (const s of servers) await s.stop(); });
    const { server, load, loadMs } = await crashUnderLoad(async () => { const s = await startServer({ databaseUrl: db.url, dataDir: db.dataDir }); servers.push(s); return s; }, 'pg');
    expect(load.acknowledged.size).toBeGreaterThanOrEqual(MIN_ACKS);
    expect(load.serverErrors).toEqual([]);
    const outcome = await checkAfterCrash(db.handle, load.acknowledged, () => db.services.dossiers.verifyAll());
    await server.stop();
    console.log(`RESILIENCE kill-9 PostgreSQL: ${WORKERS} connections, SIGKILL after ${(loadMs / 1000).toFixed(1)} s; sent ${load.sent.length}, acknowledged ${outcome.acknowledged}, present ${outcome.present} (exactly once each); dossiers ${outcome.dossiers}, chains broken ${outcome.broken}; answers ${statusLine(load.statuses)}`);
  });

  it('embedded PGlite (MOTCUA_DATA_DIR): the same after kill -9', async () => {
    const dataDir = tempDir('res-crash-pglite');
    // The demo province without generated dossiers, written by this process, which then lets go of the directory.
    const seed = await openDatabase({ kind: 'pglite', dataDir });
    await migrate(seed.db);
    const config = loadConfig({ MOTCUA_ENV: 'test', MOTCUA_DATA_DIR: dataDir, MOTCUA_LOG_LEVEL: 'silent' }, '0.0.0-resilience');
    await seedDemoIfEmpty(createServices(config, seed), { demo: 'on' }, () => undefined, { dossiers: false });
    await seed.close();
    console.log('[pglite] seeded');

    const servers: Server[] = [];
    cleanups.push(async () => { for (const s of servers) await s.stop(); });
    const { server, load, loadMs } = await crashUnderLoad(async () => { const s = await startServer({ dataDir }); servers.push(s); return s; }, 'pglite');
    expect(load.acknowledged.size).toBeGreaterThanOrEqual(MIN_ACKS);
    expect(load.serverErrors).toEqual([]);
    await server.stop();

    const handle = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const outcome = await checkAfterCrash(handle, load.acknowledged, () => createServices(config, handle).dossiers.verifyAll());
      console.log(`RESILIENCE kill-9 PGlite: ${WORKERS} connections, SIGKILL after ${(loadMs / 1000).toFixed(1)} s; sent ${load.sent.length}, acknowledged ${outcome.acknowledged}, present ${outcome.present} (exactly once each); dossiers ${outcome.dossiers}, chains broken ${outcome.broken}; answers ${statusLine(load.statuses)}`);
    } finally {
      await handle.close();
    }
  }, 240_000); // the embedded database takes 25–35 s to open on a busy 2-core machine, twice
});
