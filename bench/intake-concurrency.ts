/**
 * Dossier intake under concurrency (issue 5: codes allocated inside the intake transaction without
 * a global lock — measure it):
 *
 *   npx tsx bench/intake-concurrency.ts [--requests 2000] [--connections 20] [--seconds 10]
 *
 * Starts the real server (src/main.ts) on a fresh PostgreSQL database with the demo province, then
 *   1. pgbench runs the intake's SQL transaction shape (intakeShape below: the dossier row, then the
 *      desk's counter, then one statement with the rows that need the code) with the same number of
 *      connections: the baseline; also with a desk per client, and in the old order (counter first);
 *   2. many concurrent HTTP intakes at ONE desk on ONE day: intakes/s and p50/p95/p99 latency, then
 *      proof that the day's codes are unique and gap-free (1…N) and the counter says N;
 *   3. the same load split over two desks, while pg_locks is sampled: no lock stronger than a row
 *      lock is ever held on the dossier tables, so desks never wait for each other.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { ratioOf, record } from './results.js';
import { benchConfig, freshPostgres, n0, n2, openPostgres, pgbench, seeded } from './support.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '2000' }, connections: { type: 'string', default: '20' }, seconds: { type: 'string', default: '10' } } });
const REQUESTS = Number(values.requests);
const CONNECTIONS = Number(values.connections);

type Session = { cookie: string; csrf: string };
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function call(port: number, method: string, path: string, body: unknown, session?: Session): Promise<{ status: number; json: any; headers: http.IncomingHttpHeaders }> {
  const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers: {
      ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}),
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
    } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}

async function login(port: number, username: string): Promise<Session> {
  const res = await call(port, 'POST', '/api/v1/auth/login', { username, password: 'motcua' });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const cookies = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!);
  return { cookie: cookies.join('; '), csrf: cookies.find((c) => c.startsWith('motcua_csrf='))!.split('=')[1]! };
}

let keys = 0;
/** `total` intakes over `connections` parallel workers, sessions taken in turn; latencies in ms. */
async function load(port: number, sessions: Session[], total: number): Promise<{ ms: number; latencies: number[]; codes: string[]; failures: string[] }> {
  const latencies: number[] = [];
  const codes: string[] = [];
  const failures: string[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (next < total) {
      const i = next++;
      const body = { procedureCode: '1.001193', channel: 'desk', resultDelivery: 'desk', idempotencyKey: `bench-${process.pid}-${++keys}`, applicant: { kind: 'citizen', fullName: 'Lò Thị Hương', phone: '0912345678' } };
      const t = performance.now();
      const res = await call(port, 'POST', '/api/v1/dossiers', body, sessions[i % sessions.length]);
      latencies.push(performance.now() - t);
      if (res.status === 201) codes.push(res.json.code);
      else failures.push(`${res.status} ${JSON.stringify(res.json).slice(0, 200)}`);
    }
  }));
  return { ms: performance.now() - t0, latencies: latencies.sort((a, b) => a - b), codes, failures };
}

/** CPU seconds the server process has used (Linux /proc), to tell a busy server from a waiting one. */
function cpuSeconds(pid: number | undefined): number {
  const file = `/proc/${pid}/stat`;
  if (!pid || !existsSync(file)) return NaN;
  const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * The intake transaction as SQL, for pgbench (intake.ts `insertNumberedDossier`, event-writer.ts
 * `writeNewDossier`): the idempotency check (before the transaction), the dossier row under a
 * provisional code with its projection, the message template, then the desk's counter, then ONE
 * statement with everything that needs the code (event, code and anchor on the row, report facts,
 * index facts, the per-day and per-half-month counts, audit row, outbox message), then COMMIT.
 * `:desk` is the desk (agency code and unit): one for all clients, or one per client.
 * `counterFirst` writes the same rows in the order intake used before (counter first, one statement
 * each), for comparison.
 */
function intakeShape(desk: 'one' | 'per-client', counterFirst = false): string {
  const agency = `'Z99.' || lpad(:desk::text, 3, '0')`;
  const code = `${agency} || '-' || to_char(current_date, 'YYMMDD') || '-' || lpad(:last_value::text, 4, '0')`;
  const key = `'pgbench-' || :client_id || '-' || :r`;
  const counter = `INSERT INTO dossier_daily_counters (agency_code, day, last_value) VALUES (${agency}, current_date, 1)
  ON CONFLICT (agency_code, day) DO UPDATE SET last_value = dossier_daily_counters.last_value + 1 RETURNING last_value \\gset`;
  const dossier = (c: string) => `INSERT INTO dossiers (code, lookup_secret, idempotency_key, procedure_code, procedure_name, channel, receiving_unit_id, applicant, applicant_name, documents, fees, result_delivery, processing_time, status, received_at, due_at, current_step, current_unit_id, involved_unit_ids, version)
  VALUES (${c}, 'ABCDEF', ${key}, '1.001193', 'Đăng ký khai sinh', 'desk', :desk, '{"kind":"citizen","fullName":"Lò Thị Hương","phone":"0912345678"}', 'Lò Thị Hương', '[]', '[]', 'desk', '{"amount":1,"unit":"working_days"}', 2, now(), now() + interval '1 day', 1, :desk, '{1,2,3}', 1) RETURNING id \\gset`;
  const template = `SELECT * FROM message_templates WHERE key = 'dossier.received';`;
  const counts = (table: string, bucket: string) => `INSERT INTO ${table} (unit_id, procedure_code, field_code, bucket, procedure_name, field_name, recv_direct, d_open)
  VALUES (:desk, '1.001193', 'HT', ${bucket}, 'Đăng ký khai sinh', 'Hộ tịch', 1, 1)
  ON CONFLICT (unit_id, bucket, procedure_code, field_code) DO UPDATE SET recv_direct = ${table}.recv_direct + 1, d_open = ${table}.d_open + 1`;
  const writes = [
    `INSERT INTO dossier_events (dossier_id, seq, type, at, actor_staff_id, actor_name, unit_id, payload, request_id, prev_hash, hash, hash_version, mac, dossier_created_at)
  VALUES (:id, 1, 'received', now(), 1, 'pgbench', :desk, '{"route":[{"order":1}],"dueAt":"2026-01-01"}', 'pgbench', repeat('0', 64), md5(:r::text) || md5(:last_value::text), 2, md5(:id::text) || md5(:r::text), (SELECT created_at FROM dossiers WHERE id = :id))`,
    `UPDATE dossiers SET code = ${code}, chain_mac = md5(:id::text) || md5(:last_value::text) WHERE id = :id`,
    `INSERT INTO report_dossier_facts (dossier_id, code, unit_id, receiving_unit_id, procedure_code, procedure_name, channel, received_at, original_due_at, due_at, version)
  VALUES (:id, ${code}, :desk, :desk, '1.001193', 'Đăng ký khai sinh', 'desk', now(), now() + interval '1 day', now() + interval '1 day', 1)`,
    `INSERT INTO report_index_facts (dossier_id, version) VALUES (:id, 1)`,
    counts('report_counts_day', 'current_date'),
    counts('report_counts_half', `date_trunc('month', current_date)::date`),
    `INSERT INTO audit_events (actor_name, action, entity, entity_id, summary, request_id) VALUES ('pgbench', 'dossier.received', 'dossier', ${code}, '{"after":{"status":2,"version":1}}', 'pgbench')`,
    `INSERT INTO outbox_messages (dedupe_key, channel, recipient, body, reference, unit_ids, next_attempt_at, created_at)
  VALUES ('dossier:' || ${code} || ':1:sms', 'sms', '0912345678', 'Hồ sơ ' || ${code} || ' đã được tiếp nhận', ${code}, '{1}', now(), now()) ON CONFLICT (dedupe_key) DO NOTHING`,
  ];
  const head = `\\set r random(1, 2000000000)
\\set desk ${desk === 'one' ? '1' : ':client_id + 100'}
SELECT id FROM dossiers WHERE idempotency_key = ${key};
BEGIN;
`;
  if (counterFirst) {
    const [event, update, ...rest] = writes;
    return `${head}${counter}
${dossier(code)}
${event};
${update!.replace(/code = .*, chain_mac/, 'chain_mac')};
SELECT id, digitised FROM dossiers WHERE id = :id;
${rest.slice(0, 5).map((w) => `${w};`).join('\n')}
${template}
${rest[5]};
COMMIT;
`;
  }
  return `${head}${dossier(`'pending-' || :client_id || '-' || :r`)}
${template}
${counter}
WITH ${writes.map((w, i) => `w${i} AS (${w})`).join(',\n')}
SELECT 1;
COMMIT;
`;
}

const db = await freshPostgres('motcua_bench_intake');
const port = 3400 + Math.floor(Math.random() * 500);
let server: ReturnType<typeof spawn> | undefined;
try {
  const handle = await openPostgres(db.url, 4);
  await seeded(handle, benchConfig());
  const baseline = pgbench(db.url, intakeShape('one'), CONNECTIONS, Number(values.seconds));
  // The same shape with a desk per client: what the server does when intakes never share a counter row.
  const perDesk = pgbench(db.url, intakeShape('per-client'), CONNECTIONS, Number(values.seconds));
  // The same rows in the order intake wrote them before (counter first, a statement each), for comparison.
  const counterFirst = pgbench(db.url, intakeShape('one', true), CONNECTIONS, Number(values.seconds));

  server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), HOST: '127.0.0.1', MOTCUA_LOG_LEVEL: 'warn', MOTCUA_LOGIN_RATE_PER_MINUTE: '10000', MOTCUA_DATA_DIR: benchConfig().dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    if ((await call(port, 'GET', '/health', undefined).catch(() => ({ status: 0 }))).status === 200) break;
    if (i > 300) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const tanphong = await login(port, 'motcua.tanphong');
  const doanket = await login(port, 'motcua.doanket');
  await load(port, [tanphong], 50); // warm-up: JIT, caches, pool

  let cpu0 = cpuSeconds(server.pid);
  const one = await load(port, [tanphong], REQUESTS);
  const oneCpu = (cpuSeconds(server.pid) - cpu0) / (one.ms / 1000);
  const rate = REQUESTS / (one.ms / 1000);
  const day = one.codes[0]!.split('-')[1]!;
  const rows = await sql<{ code: string }>`select code from dossiers where code like ${`H30.501.01-${day}-%`}`.execute(handle.db);
  const seqs = rows.rows.map((r) => Number(r.code.split('-').pop())).sort((a, b) => a - b);
  const counter = await sql<{ last_value: number }>`select last_value from dossier_daily_counters where agency_code = 'H30.501.01' and day = ${`20${day.slice(0, 2)}-${day.slice(2, 4)}-${day.slice(4)}`}::date`.execute(handle.db);
  const gapFree = seqs.every((s, i) => s === i + 1);

  // Two desks at once, with pg_locks sampled every 20 ms during the run: a table lock that would stop
  // inserts (a mode conflicting with RowExclusiveLock) versus requests waiting on a row (the counter).
  let sampling = true;
  let tableLocks = 0;
  let rowWaits = 0;
  let samples = 0;
  const sampler = (async () => {
    while (sampling) {
      const r = await sql<{ table_locks: string; waits: string }>`select
          count(*) filter (where l.locktype = 'relation' and c.relname in ('dossiers', 'dossier_events', 'dossier_daily_counters')
            and l.mode in ('ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock')) as table_locks,
          count(*) filter (where not l.granted) as waits
        from pg_locks l left join pg_class c on c.oid = l.relation`.execute(handle.db);
      tableLocks += Number(r.rows[0]!.table_locks);
      rowWaits += Number(r.rows[0]!.waits);
      samples++;
      await new Promise((res) => setTimeout(res, 20));
    }
  })();
  cpu0 = cpuSeconds(server.pid);
  const two = await load(port, [tanphong, doanket], REQUESTS);
  const twoCpu = (cpuSeconds(server.pid) - cpu0) / (two.ms / 1000);
  sampling = false;
  await sampler;

  record({ bench: 'intake', name: 'HTTP intakes at one desk, one day', value: Math.round(rate), unit: 'intakes/s', baseline: { name: 'pgbench, same transaction shape, one desk', value: Math.round(baseline.tps) },
    ratio: ratioOf(rate, baseline.tps), target: { text: '≥ 0.5 × pgbench, codes gap-free', met: rate / baseline.tps >= 0.5 && gapFree }, detail: `${REQUESTS} intakes over ${CONNECTIONS} connections; p99 ${n0(pct(one.latencies, 99))} ms; ${gapFree ? 'gap-free' : 'GAPS'}` });
  record({ bench: 'intake', name: 'HTTP intakes at two desks', value: Math.round(REQUESTS / (two.ms / 1000)), unit: 'intakes/s', baseline: { name: 'pgbench, a desk per client', value: Math.round(perDesk.tps) }, ratio: ratioOf(REQUESTS / (two.ms / 1000), perDesk.tps) });
  console.log([
    `pgbench, intake transaction shape (counter last), ${CONNECTIONS} clients, ${values.seconds} s: one desk ${n0(baseline.tps)} tx/s (mean ${n2(baseline.latencyMs)} ms); a desk per client ${n0(perDesk.tps)} tx/s (mean ${n2(perDesk.latencyMs)} ms)`,
    `  the same rows in the old order (counter first, a statement each), one desk: ${n0(counterFirst.tps)} tx/s (mean ${n2(counterFirst.latencyMs)} ms)`,
    `HTTP intakes at one desk, one day: ${REQUESTS} over ${CONNECTIONS} connections in ${n2(one.ms / 1000)} s → ${n0(rate)} intakes/s; ` +
      `latency p50 ${n0(pct(one.latencies, 50))} ms, p95 ${n0(pct(one.latencies, 95))} ms, p99 ${n0(pct(one.latencies, 99))} ms; ${one.failures.length} failed; server process CPU ${n0(oneCpu * 100)} %`,
    `  ratio to pgbench: ${n2(rate / baseline.tps)} (issue 5 goal ≥ 0.5)`,
    `  codes: ${one.codes.length} answered, ${new Set(one.codes).size} distinct; the day's ${seqs.length} numbers ${gapFree ? 'are exactly 1…' + seqs.length : 'HAVE GAPS'}; counter = ${counter.rows[0]?.last_value}`,
    `HTTP intakes at two desks: ${n0(REQUESTS / (two.ms / 1000))} intakes/s, p50 ${n0(pct(two.latencies, 50))} ms, p95 ${n0(pct(two.latencies, 95))} ms; ${two.failures.length} failed; server process CPU ${n0(twoCpu * 100)} %`,
    `  pg_locks, ${samples} samples: table locks that block inserts ${tableLocks}; requests waiting on a row lock ${n2(rowWaits / Math.max(samples, 1))} on average`,
    ...one.failures.slice(0, 3), ...two.failures.slice(0, 3),
  ].join('\n'));
  await handle.close();
} finally {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  }
  agent.destroy();
  await db.drop();
}
