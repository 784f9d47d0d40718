/**
 * The staff's and the public's reads over HTTP (issue 14 item 1), each beside a baseline measured in
 * the same run, the load from autocannon in its own process (bench/load.ts) on loopback:
 *
 *   npx tsx bench/http.ts [--count 20000] [--database-url URL [--drop]] [--seconds 10]
 *
 *   - a signed-in dossier read (20 connections) against `GET /health` of the same server;
 *   - a work-queue page, province-wide, keyset pages in turn (20 connections);
 *   - the public lookup (50 connections; its per-address limit raised for this run only) against a
 *     bare Fastify route (bench/bare-server.ts, same number of processes) and pgbench's select by
 *     primary key on the dossiers table;
 *   - the server's resident memory (all its processes) under that load.
 *
 * The data: the generator's `--count` dossiers imported into a fresh database with the demo province,
 * or `--database-url`, a database already prepared that way (bench/reports.ts --keep).
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { availableParallelism } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { freshDemoDatabase, login, rssKb, startServer, tempDir, type Server, type Session } from '../test/resilience/support.js';
import { dossierFile, importDossiers } from './dataset.js';
import type { LoadResult, LoadSpec } from './load.js';
import { ratioOf, record } from './results.js';
import { admin, n0, n2, openPostgres, pgbench } from './support.js';

const { values } = parseArgs({ options: {
  count: { type: 'string', default: '20000' }, 'database-url': { type: 'string' }, drop: { type: 'boolean', default: false },
  seconds: { type: 'string', default: '10' },
} });
const SECONDS = Number(values.seconds);
const WORKERS = Math.max(1, availableParallelism());

/** One autocannon run in a child process (asynchronous, so the memory sampler keeps running). */
function load(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load.ts', JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as LoadResult) : reject(new Error(`autocannon: ${err}`))));
  });
}

/** A port nobody listens on now (the OS's choice). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process and its children (the cluster's workers), in MB. */
function treeRssMb(pid: number): number {
  const childrenFile = `/proc/${pid}/task/${pid}/children`;
  const children = existsSync(childrenFile) ? readFileSync(childrenFile, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
  return Math.round([pid, ...children].reduce((sum, p) => sum + (rssKb(p) || 0), 0) / 1024);
}

const line = (label: string, r: LoadResult) =>
  `${label.padEnd(44)} ${n0(r.rps).padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  (${n0(r.requests)} requests, non-2xx ${r.non2xx}, errors ${r.errors})`;

const report: string[] = [];
const prepared = values['database-url'];
const fresh = prepared ? undefined : await freshDemoDatabase('motcua_bench_http');
const url = prepared ?? fresh!.url;
let server: Server | undefined;
let bare: ReturnType<typeof spawn> | undefined;
try {
  if (fresh) {
    const imported = await importDossiers(fresh.handle, fresh.services, dossierFile(Number(values.count)));
    report.push(`data: ${n0(imported.imported)} dossiers imported in ${n2(imported.ms / 1000)} s`);
  }
  const handle = await openPostgres(url, 2);
  const total = Number((await sql<{ n: string }>`select count(*) as n from dossiers`.execute(handle.db)).rows[0]!.n);
  // Dossiers a ward's desk officer reads as part of the work (received at the ward), and receipts to look up.
  const wardCodes = (await sql<{ code: string }>`
    select d.code from dossiers d join org_units u on u.id = d.receiving_unit_id
    where u.code like 'H30.501.%' order by d.id desc limit 500`.execute(handle.db)).rows.map((r) => r.code);
  const receipts = (await sql<{ code: string; lookup_secret: string }>`select code, lookup_secret from dossiers order by id desc limit 2000`.execute(handle.db)).rows;
  const maxId = Number((await sql<{ m: string }>`select max(id) as m from dossiers`.execute(handle.db)).rows[0]!.m);
  await handle.close();
  report.push(`dossiers in the database: ${n0(total)}; server processes: ${WORKERS} (WEB_CONCURRENCY = cores)`);

  server = await startServer({ databaseUrl: url, dataDir: tempDir('bench-http'), env: {
    WEB_CONCURRENCY: String(WORKERS), MOTCUA_DEMO: 'off', MOTCUA_LOOKUP_RATE_PER_MINUTE: '1000000',
  } }, 180_000);
  const base = `http://127.0.0.1:${server.port}`;
  const headersOf = (s: Session) => ({ cookie: s.cookie });
  const desk = await login(server.port, 'motcua.tanphong');
  const auditor = await login(server.port, 'kiemtra');

  // Every path answers 200 before it is loaded: a benchmark of error pages measures nothing.
  const check = async (path: string, s?: Session) => {
    const r = await fetch(base + path, { headers: s ? headersOf(s) : {} });
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.json();
  };
  await check(`/api/v1/dossiers/${wardCodes[0]}`, desk);
  // The province-wide queue of open dossiers, its first pages by keyset cursor.
  const queuePaths: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const path = `/api/v1/dossiers?queue=all_open&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    queuePaths.push(path);
    const page = await check(path, auditor) as { nextCursor?: string | null };
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  await check(`/api/v1/public/dossiers/${receipts[0]!.code}?key=${receipts[0]!.lookup_secret}`);

  let rssMax = 0;
  const sampler = setInterval(() => { rssMax = Math.max(rssMax, treeRssMb(server!.pid)); }, 500);
  const rssIdle = treeRssMb(server.pid);

  const health = await load({ url: base, paths: ['/health'], connections: 20, seconds: SECONDS });
  report.push(line('GET /health (20 connections)', health));
  const read = await load({ url: base, paths: wardCodes.map((c) => `/api/v1/dossiers/${c}`), connections: 20, seconds: SECONDS, headers: headersOf(desk) });
  report.push(line('signed-in dossier read (20)', read));
  const queue = await load({ url: base, paths: queuePaths, connections: 20, seconds: SECONDS, headers: headersOf(auditor) });
  report.push(line(`all_open queue, ${queuePaths.length} keyset pages of 50 (20)`, queue));
  const lookup = await load({ url: base, paths: receipts.map((r) => `/api/v1/public/dossiers/${r.code}?key=${r.lookup_secret}`), connections: 50, seconds: SECONDS });
  report.push(line('public lookup (50)', lookup));
  clearInterval(sampler);

  // Baselines of the lookup: the framework alone, then the database alone.
  const barePort = await freePort();
  bare = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts'], { env: { ...process.env, PORT: String(barePort), WEB_CONCURRENCY: String(WORKERS) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    bare!.stdout!.on('data', (d: Buffer) => { if (d.toString().includes('ready')) resolve(); });
    bare!.once('exit', (code) => reject(new Error(`bench/bare-server.ts exited with ${code}`)));
  });
  const bareRun = await load({ url: `http://127.0.0.1:${barePort}`, paths: receipts.slice(0, 500).map((r) => `/bare/${r.code}`), connections: 50, seconds: SECONDS });
  report.push(line('bare Fastify route (50)', bareRun));
  const pk = pgbench(url, `\\set id random(1, ${maxId})\nselect * from dossiers where id = :id;\n`, 50, SECONDS);
  report.push(`${'pgbench select by primary key (50 clients)'.padEnd(44)} ${n0(pk.tps).padStart(7)} tx/s   latency avg ${n2(pk.latencyMs)} ms`);
  report.push(`server resident memory: ${rssIdle} MB idle, ${rssMax} MB at most under load (${WORKERS} processes)`);

  const detail = `${n0(total)} dossiers, ${SECONDS} s, ${WORKERS} processes`;
  const readRatio = ratioOf(read.rps, health.rps);
  record({ bench: 'http', name: 'signed-in dossier read, req/s (20 conn.)', value: Math.round(read.rps), unit: 'req/s', baseline: { name: 'GET /health', value: Math.round(health.rps) }, ratio: readRatio,
    target: { text: '≥ 0.3 × /health, p99 < 30 ms', met: readRatio >= 0.3 && read.p99 < 30 }, detail });
  record({ bench: 'http', name: 'signed-in dossier read, p99', value: read.p99, unit: 'ms', detail });
  record({ bench: 'http', name: 'work-queue page (keyset), p99', value: queue.p99, unit: 'ms', target: { text: 'p99 < 50 ms (at ≥ 1M dossiers)', met: queue.p99 < 50 }, detail: `${Math.round(queue.rps)} req/s; ${detail}` });
  const lookupRatio = ratioOf(lookup.rps, pk.tps);
  record({ bench: 'http', name: 'public lookup, req/s (50 conn.)', value: Math.round(lookup.rps), unit: 'req/s', baseline: { name: 'pgbench PK select', value: Math.round(pk.tps) }, ratio: lookupRatio,
    target: { text: '≥ 0.5 × pgbench PK select, p99 < 50 ms', met: lookupRatio >= 0.5 && lookup.p99 < 50 }, detail: `p99 ${lookup.p99} ms; ${detail}` });
  record({ bench: 'http', name: 'public lookup vs bare Fastify route', value: Math.round(lookup.rps), unit: 'req/s', baseline: { name: 'bare Fastify route', value: Math.round(bareRun.rps) }, ratio: ratioOf(lookup.rps, bareRun.rps), detail });
  record({ bench: 'http', name: 'server resident memory under load', value: rssMax, unit: 'MB', detail: `idle ${rssIdle} MB; ${WORKERS} processes` });
  const failures = [health, read, queue, lookup, bareRun].reduce((n, r) => n + r.non2xx + r.errors, 0);
  if (failures > 0) report.push(`WARNING: ${failures} answers were not 2xx or failed: the figures above are not the reads'`);
} finally {
  bare?.kill('SIGTERM');
  await server?.stop();
  if (fresh) await fresh.drop();
  else if (values.drop && prepared) await admin(`drop database if exists ${new URL(prepared).pathname.slice(1)} with (force)`);
}
console.log(`\n${report.join('\n')}`);
process.exit(0);
