import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../app.js';
import { loadConfig } from '../../config.js';
import { seedDemoIfEmpty } from '../../seed/demo-seed.js';
import { destroyAgent, intakeBody, startServer, tempDir, type Server } from '../../../test/resilience/support.js';
import { startReplicaPair, type ReplicaPair } from '../../../test/support/streaming-replica.js';
import { openDatabase } from './connection.js';
import { migrate } from './migrate.js';
import { WRITE_POSITION_COOKIE } from './read-routing.plugin.js';

// Issue 14 item 4: DATABASE_REPLICA_URL with a real streaming replica (pg_basebackup, hot standby) on
// loopback. The replica logs every statement (`%a|` prefix), so the test sees which requests it served.
const MAX_LAG_SECONDS = 5;
const hold: { pair?: Partial<ReplicaPair> } = {};
let pair: ReplicaPair;
let server: Server;
let replicaAdmin: pg.Client;
const appDirs = { seed: tempDir('replica-seed'), server: tempDir('replica-app') };

beforeAll(async () => {
  pair = await startReplicaPair(async (url) => {
    const handle = await openDatabase({ kind: 'postgresql', url, poolSize: 3 });
    try {
      await migrate(handle.db);
      const config = loadConfig({ MOTCUA_ENV: 'test', MOTCUA_DATA_DIR: appDirs.seed, MOTCUA_LOG_LEVEL: 'silent', DATABASE_URL: url });
      await seedDemoIfEmpty(createServices(config, handle), { demo: 'on' }, () => undefined, { dossiers: false });
    } finally {
      await handle.close();
    }
  }, hold);
  replicaAdmin = new pg.Client({ connectionString: pair.replica.url('motcua'), application_name: 'replica-test' });
  await replicaAdmin.connect();
  // Two processes: a write answered by one and the next read answered by the other must still agree.
  server = await startServer({
    databaseUrl: pair.primary.url('motcua'), dataDir: appDirs.server,
    env: { WEB_CONCURRENCY: '2', MOTCUA_DEMO: 'off', DATABASE_REPLICA_URL: pair.replica.url('motcua'), DATABASE_REPLICA_MAX_LAG_SECONDS: String(MAX_LAG_SECONDS) },
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await destroyAgent();
  await replicaAdmin?.end().catch(() => undefined);
  await hold.pair?.cleanup?.();
  for (const dir of Object.values(appDirs)) rmSync(dir, { recursive: true, force: true });
});

/** A browser: keeps the cookies it is given (the session's and the write position's) and sends them back. */
class Browser {
  cookies = new Map<string, string>();
  async request(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
    const res = await fetch(`http://127.0.0.1:${server.port}${path}`, {
      method,
      // A new connection each time: node:cluster hands it to the other process in turn.
      headers: {
        connection: 'close', cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(this.cookies.has('motcua_csrf') ? { 'x-csrf-token': this.cookies.get('motcua_csrf')! } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pairText] = c.split(';');
      const at = pairText!.indexOf('=');
      this.cookies.set(pairText!.slice(0, at), pairText!.slice(at + 1));
    }
    const text = await res.text();
    return { status: res.status, json: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  }
  static async signedIn(username: string): Promise<Browser> {
    const b = new Browser();
    expect((await b.request('POST', '/api/v1/auth/login', { username, password: 'motcua' })).status).toBe(200);
    return b;
  }
}

/** The statements the app ran on the replica (its pool's application_name), the probe's excepted. */
function replicaStatements(from: number): string[] {
  // A statement over several lines continues on lines without the `%a|` prefix.
  const entries: string[] = [];
  for (const line of pair.replica.log.slice(from)) {
    if (/^[\w-]*\|[A-Z]+:/.test(line) || !entries.length) entries.push(line);
    else entries[entries.length - 1] += `\n${line}`;
  }
  return entries.filter((e) => /^motcua-read\|LOG:\s+(statement|execute [^:]*):/.test(e) && !e.includes('pg_last_wal_replay_lsn'));
}

/** Until the replica has replayed all the primary has written, and the server's probe (every second) has seen it. */
async function replicaCaughtUp(): Promise<void> {
  const primary = new pg.Client({ connectionString: pair.primary.url('motcua'), application_name: 'replica-test' });
  await primary.connect();
  const target = (await primary.query('select pg_current_wal_lsn() as lsn')).rows[0].lsn;
  await primary.end();
  for (let i = 0; i < 100; i++) {
    const { rows } = await replicaAdmin.query('select pg_last_wal_replay_lsn() >= $1::pg_lsn as done', [target]);
    if (rows[0].done) return void await sleep(1_500);
    await sleep(100);
  }
  throw new Error('the replica did not catch up');
}

const vnYear = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
const DASHBOARD = `/api/v1/reports/dashboard?from=${vnYear}-01-01&to=${vnYear}-12-31`;

describe('read replicas (DATABASE_REPLICA_URL)', () => {
  let head: Browser;
  let auditor: Browser;
  let first: { code: string; lookupSecret: string };

  it('is a real streaming replica of the primary', async () => {
    const { rows } = await replicaAdmin.query(`select pg_is_in_recovery() as standby, (select status from pg_stat_wal_receiver) as receiver`);
    expect(rows[0]).toEqual({ standby: true, receiver: 'streaming' });
  });

  it('writes go to the primary; public lookups, public statistics and dashboards are read from the replica', async () => {
    head = await Browser.signedIn('lanhdao.tanphong');
    auditor = await Browser.signedIn('kiemtra');
    const before = pair.replica.log.length;
    const created = await head.request('POST', '/api/v1/dossiers', intakeBody('replica-1'));
    expect(created.status).toBe(201);
    // The receipt's secret, as the desk reads it (dossier pages always read the primary).
    first = { code: created.json.code, lookupSecret: (await head.request('GET', `/api/v1/dossiers/${created.json.code}`)).json.lookupSecret };
    // The write answered with the primary's position for this browser's next reads.
    expect(decodeURIComponent(head.cookies.get(WRITE_POSITION_COOKIE) ?? '')).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    expect(replicaStatements(before)).toEqual([]);

    await replicaCaughtUp();
    let at = pair.replica.log.length;
    const anonymous = new Browser();
    const lookup = await anonymous.request('GET', `/api/v1/public/dossiers/${first.code}?key=${first.lookupSecret}`);
    expect(lookup.status).toBe(200);
    expect(lookup.json.code).toBe(first.code);
    expect(replicaStatements(at).join('\n')).toMatch(/from "dossiers"/);

    at = pair.replica.log.length;
    expect((await anonymous.request('GET', `/api/v1/public/statistics?year=${vnYear}`)).status).toBe(200);
    expect(replicaStatements(at).join('\n')).toMatch(/report_counts/);

    at = pair.replica.log.length;
    const dashboard = await auditor.request('GET', DASHBOARD);
    expect(dashboard.status).toBe(200);
    expect(dashboard.json.totals.received).toBeGreaterThanOrEqual(1);
    expect(replicaStatements(at).join('\n')).toMatch(/report_counts/);

    // The head's own write is replayed now: their reports come from the replica too.
    at = pair.replica.log.length;
    expect((await head.request('GET', DASHBOARD)).status).toBe(200);
    expect(replicaStatements(at).join('\n')).toMatch(/report_counts/);
  });

  it('while the replica lags, a staff member reads their own write at once; others read it within the allowed lag', async () => {
    await replicaAdmin.query('select pg_wal_replay_pause()');
    try {
      await whileReplayPaused();
    } finally {
      await replicaAdmin.query('select pg_wal_replay_resume()');
    }
  }, 40_000);

  async function whileReplayPaused(): Promise<void> {
    for (let i = 0; i < 50 && (await replicaAdmin.query('select pg_get_wal_replay_pause_state() as s')).rows[0].s !== 'paused'; i++) await sleep(100);
    const receivedBefore = (await auditor.request('GET', DASHBOARD)).json.totals.received as number;

    const wrote = Date.now();
    const created = await head.request('POST', '/api/v1/dossiers', intakeBody('replica-2'));
    expect(created.status).toBe(201);

    // Read-your-own-writes: the replica has not replayed the write, so the head's reads go to the
    // primary — from either process (a new connection each time alternates between the two).
    const at = pair.replica.log.length;
    for (let i = 0; i < 4; i++) {
      const mine = await head.request('GET', DASHBOARD);
      expect(mine.status).toBe(200);
      expect(mine.json.totals.received).toBe(receivedBefore + 1);
    }
    expect(replicaStatements(at)).toEqual([]);

    // Someone else reads the replica as it is: the new dossier is not there yet (bounded staleness).
    const theirs = await auditor.request('GET', DASHBOARD);
    expect(theirs.json.totals.received).toBe(receivedBefore);
    // The citizen holding the new receipt finds the dossier: the replica's "not found" is asked again of the primary.
    const { lookupSecret } = (await head.request('GET', `/api/v1/dossiers/${created.json.code}`)).json;
    const lookupAt = pair.replica.log.length;
    const lookup = await new Browser().request('GET', `/api/v1/public/dossiers/${created.json.code}?key=${lookupSecret}`);
    expect(lookup.status).toBe(200);
    expect(lookup.json.code).toBe(created.json.code);
    expect(replicaStatements(lookupAt).join('\n')).toMatch(/from "dossiers"/);

    // Once the replica is further behind than DATABASE_REPLICA_MAX_LAG_SECONDS, nobody reads from it.
    let received = receivedBefore;
    while (received === receivedBefore && Date.now() - wrote < (MAX_LAG_SECONDS + 10) * 1000) {
      await sleep(500);
      received = (await auditor.request('GET', DASHBOARD)).json.totals.received;
    }
    expect(received).toBe(receivedBefore + 1);
  }

  it('when the replica stops, reads answer from the primary', async () => {
    await replicaCaughtUp();
    await replicaAdmin.end();
    await pair.replica.stop();
    const anonymous = new Browser();
    const lookup = await anonymous.request('GET', `/api/v1/public/dossiers/${first.code}?key=${first.lookupSecret}`);
    expect(lookup.status).toBe(200);
    // Another year: the statistics of this one are kept a minute per process.
    expect((await anonymous.request('GET', `/api/v1/public/statistics?year=${vnYear - 1}`)).status).toBe(200);
    for (let i = 0; i < 4; i++) {
      const dashboard = await auditor.request('GET', DASHBOARD);
      expect(dashboard.status).toBe(200);
      expect(dashboard.json.totals.received).toBeGreaterThanOrEqual(2);
    }
    expect(server.stderr.some((l) => /replica 1 \(127\.0\.0\.1:\d+\): (not answering|connection lost)/.test(l))).toBe(true);
    expect(server.stderr.filter((l) => /"level":50|error/i.test(l) && !/replica 1/.test(l))).toEqual([]);
  }, 30_000);
});
