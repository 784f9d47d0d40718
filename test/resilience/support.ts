/**
 * Shared by the resilience suite (`npm run test:resilience`): the REAL server (`src/main.ts` as a
 * child process, as bench/intake-concurrency.ts runs it) on a fresh database, a keep-alive HTTP
 * client that never throws (a refused or reset connection is status 0), and measurements read from
 * /proc. Everything stays on the loopback interface.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices, type Services } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/connection.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { seedDemoIfEmpty } from '../../src/seed/demo-seed.js';
import { freshPostgres } from '../../bench/support.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The server's pool size (connection.ts default): the ceiling for its rows in pg_stat_activity. */
export const SERVER_POOL_SIZE = 10;

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `motcua-${prefix}-`));

export type FreshDatabase = { name: string; url: string; dataDir: string; handle: DatabaseHandle; services: Services; drop(): Promise<void> };

/**
 * A new PostgreSQL database, migrated, with the demo province (org, staff, calendar, catalogue) and no dossiers.
 * `env` is the configuration the server will run with where it matters to the seed: the demo stores
 * files (the records office's rendered documents) sealed with the data key, so a test that starts
 * the server with its own MOTCUA_DATA_KEY must seed with it too, or the server refuses to start.
 */
export async function freshDemoDatabase(prefix: string, env: Record<string, string> = {}): Promise<FreshDatabase> {
  const db = await freshPostgres(prefix);
  const dataDir = tempDir(prefix);
  const handle = await openDatabase({ kind: 'postgresql', url: db.url, poolSize: 3 });
  await migrate(handle.db);
  const config = loadConfig({ MOTCUA_ENV: 'test', MOTCUA_DATA_DIR: dataDir, MOTCUA_LOG_LEVEL: 'silent', DATABASE_URL: db.url, ...env }, '0.0.0-resilience');
  const services = createServices(config, handle);
  await seedDemoIfEmpty(services, { demo: 'on' }, () => undefined, { dossiers: false });
  return {
    ...db, dataDir, handle, services,
    async drop() {
      await handle.close().catch(() => undefined);
      await db.drop();
    },
  };
}

export type Server = {
  port: number;
  pid: number;
  child: ChildProcess;
  /** From spawn to the first 200 from /health. */
  readyMs: number;
  /** Lines the server wrote to stderr (warnings and errors; the log level is warn). */
  stderr: string[];
  exited: Promise<number | null>;
  kill9(): Promise<void>;
  stop(): Promise<void>;
};

export type ServerOptions = { databaseUrl?: string; dataDir: string; env?: Record<string, string> };

/**
 * Every server this process started, so none outlives the test run: a test that times out while a
 * server is still starting never gets its handle back to stop it.
 */
const children = new Set<ChildProcess>();
process.once('exit', () => { for (const c of children) c.kill('SIGKILL'); });
export async function killAllServers(): Promise<void> {
  await Promise.all([...children].map((c) => new Promise<void>((resolve) => {
    if (c.exitCode !== null || c.signalCode !== null) return resolve();
    c.once('exit', () => resolve());
    c.kill('SIGKILL');
  })));
}

const freePort = () => 3900 + Math.floor(Math.random() * 1500);

/** Starts `src/main.ts` and waits for /health to answer 200 (up to `readyMs`). */
export async function startServer(o: ServerOptions, readyMs = 90_000): Promise<Server> {
  const port = freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env, PORT: String(port), HOST: '127.0.0.1', MOTCUA_ENV: 'test', MOTCUA_LOG_LEVEL: 'warn',
    MOTCUA_LOGIN_RATE_PER_MINUTE: '100000', MOTCUA_LOGIN_RATE_PER_ACCOUNT: '10000', MOTCUA_DATA_DIR: o.dataDir,
    // One process unless a test asks for more: the default (one per core) would make what a test
    // measures — one pool's connections, one process's memory — depend on the machine.
    WEB_CONCURRENCY: '1', ...o.env,
  };
  delete env.DATABASE_URL;
  if (o.databaseUrl) env.DATABASE_URL = o.databaseUrl;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { stderr.push(...chunk.split('\n').filter(Boolean)); if (stderr.length > 2000) stderr.splice(0, 1000); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const spawned = Date.now();
  const deadline = spawned + readyMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was ready:\n${stderr.slice(-20).join('\n')}`);
    if ((await request(port, 'GET', '/health')).status === 200) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server was not ready within ${readyMs} ms:\n${stderr.slice(-20).join('\n')}`);
    }
    await sleep(200);
  }
  return {
    port, pid: child.pid!, child, stderr, exited, readyMs: Date.now() - spawned,
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(t);
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Session = { cookie: string; csrf: string };
export type Answer = { status: number; json: any; ms: number; error?: string };

const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });
/** For afterAll: closes the keep-alive sockets and kills any server still running. */
export async function destroyAgent(): Promise<void> {
  agent.destroy();
  await killAllServers();
}

/**
 * One request over the shared keep-alive agent (at most 20 sockets: the "~10–20 keep-alive
 * connections" of the load). Never rejects: a connection error answers status 0 with `error`.
 */
export function request(port: number, method: string, path: string, o: { body?: unknown; session?: Session; raw?: Buffer; contentType?: string; timeoutMs?: number } = {}): Promise<Answer> {
  const data = o.raw ?? (o.body === undefined ? undefined : Buffer.from(JSON.stringify(o.body)));
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, timeout: o.timeoutMs ?? 30_000, headers: {
      ...(data ? { 'content-type': o.contentType ?? 'application/json', 'content-length': data.length } : {}),
      ...(o.session ? { cookie: o.session.cookie, 'x-csrf-token': o.session.csrf } : {}),
    } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', (err) => resolve({ status: 0, json: null, ms: performance.now() - started, error: err.message }));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = null;
        try { json = text && res.headers['content-type']?.includes('json') ? JSON.parse(text) : text; } catch { json = text; }
        resolve({ status: res.statusCode ?? 0, json, ms: performance.now() - started });
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) => resolve({ status: 0, json: null, ms: performance.now() - started, error: err.message }));
    req.end(data);
  });
}

export async function login(port: number, username: string): Promise<Session> {
  const started = Date.now();
  for (;;) {
    const res = await new Promise<{ status: number; cookies: string[] }>((resolve) => {
      const data = Buffer.from(JSON.stringify({ username, password: 'motcua' }));
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/auth/login', agent, headers: { 'content-type': 'application/json', 'content-length': data.length } }, (r) => {
        r.resume();
        r.on('end', () => resolve({ status: r.statusCode ?? 0, cookies: (r.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!) }));
      });
      req.on('error', () => resolve({ status: 0, cookies: [] }));
      req.end(data);
    });
    if (res.status === 200) return { cookie: res.cookies.join('; '), csrf: res.cookies.find((c) => c.startsWith('motcua_csrf='))!.split('=')[1]! };
    if (Date.now() - started > 20_000) throw new Error(`login ${username}: ${res.status}`);
    await sleep(250);
  }
}

/** An intake of the birth registration (1.001193) at the signed-in desk. */
export const intakeBody = (idempotencyKey: string, extra: Record<string, unknown> = {}) => ({
  procedureCode: '1.001193', channel: 'desk', resultDelivery: 'desk', idempotencyKey,
  applicant: { kind: 'citizen', fullName: 'Lò Thị Hương', phone: '0912345678' }, ...extra,
});

/** Resident set size of a process in kB (Linux /proc), NaN once it is gone. */
export function rssKb(pid: number): number {
  const file = `/proc/${pid}/status`;
  if (!existsSync(file)) return NaN;
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(file, 'utf8'))?.[1]);
}

export const percentile = (sorted: number[], p: number) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
export const mb = (kb: number) => Math.round(kb / 1024);
