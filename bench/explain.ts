/**
 * The plans of the hot queries (issue 14 item 2): every statement the app sends for each hot path,
 * with PostgreSQL's own `EXPLAIN (ANALYZE, BUFFERS)` of it, written to docs/queries/ so that a change
 * to a plan is reviewed like a change to the code.
 *
 *   npx tsx bench/explain.ts [--count 100000 | --database-url URL] [--out docs/queries] [--log FILE]
 *
 * The data: the generator's `--count` dossiers imported into a fresh database with the demo province
 * (as bench/reports.ts does; dropped at the end), or `--database-url`, a database already prepared
 * that way (bench/reports.ts --keep). Then the REAL server (`src/main.ts`, one process, no job worker)
 * runs on it with `auto_explain` loaded into its own connections only (PGOPTIONS in its environment:
 * nothing in the server's configuration changes) and every statement logged with its parameters. Each
 * hot path is one request: sent once to warm the caches a steady server has (the session's rights, the
 * catalogue's vocabulary), then again between two markers written to the PostgreSQL server log; the
 * statements and plans between the markers are the ones in the file. Needs a superuser connection
 * (session_preload_libraries and the log settings are superuser settings) and read access to the
 * server's log (Debian: /var/log/postgresql/postgresql-15-main.log, logging to stderr, the default
 * log_line_prefix '%m [%p] %q%u@%d ').
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { intakeBody, login, request, startServer, tempDir, type Server, type Session } from '../test/resilience/support.js';
import { dossierFile, importDossiers } from './dataset.js';
import { benchConfig, freshPostgres, n0, n2, openPostgres, seeded } from './support.js';

const { values } = parseArgs({ options: {
  count: { type: 'string', default: '100000' }, 'database-url': { type: 'string' },
  out: { type: 'string', default: 'docs/queries' }, log: { type: 'string', default: '/var/log/postgresql/postgresql-15-main.log' },
} });
const OUT = values.out!;
const LOG = values.log!;

/** auto_explain for the server's connections: every statement, analysed, with buffers, triggers and WAL. */
const PGOPTIONS = [
  'session_preload_libraries=auto_explain', 'auto_explain.log_min_duration=0', 'auto_explain.log_analyze=on',
  'auto_explain.log_buffers=on', 'auto_explain.log_timing=on', 'auto_explain.log_triggers=on', 'auto_explain.log_wal=on',
  'auto_explain.log_format=text', 'auto_explain.log_nested_statements=on', 'track_io_timing=on',
  // The statement and its parameters (auto_explain of PostgreSQL 15 prints the text with $1, $2 only).
  'log_statement=all',
].map((s) => `-c ${s}`).join(' ');

// ---------------------------------------------------------------------------------------------------
// The server log: entries of one database between two markers.

type Entry = { pid: number; level: string; text: string };

/** Reads the log from `offset` until the line with `marker` (written by `mark`), up to 30 s. */
async function readUntil(offset: number, marker: string): Promise<{ entries: Entry[]; end: number }> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const size = statSync(LOG).size;
    if (size > offset) {
      const buf = Buffer.alloc(size - offset);
      const fd = openSync(LOG, 'r');
      try { readSync(fd, buf, 0, buf.length, offset); } finally { closeSync(fd); }
      const text = buf.toString('utf8');
      const at = text.indexOf(marker);
      if (at >= 0) return { entries: parseLog(text.slice(0, at)), end: offset + Buffer.byteLength(text.slice(0, text.indexOf('\n', at) + 1)) };
    }
    if (Date.now() > deadline) throw new Error(`marker ${marker} not found in ${LOG}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const HEAD = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[(\d+)\] (\S*)@(\S*) ([A-Z]+):  ?(.*)$/;
let DB_NAME = '';

/** Entries of our database; a message's further lines start with a tab in the stderr log. */
function parseLog(text: string): Entry[] {
  const out: Entry[] = [];
  let current: (Entry & { db: string }) | undefined;
  const flush = () => { if (current && current.db === DB_NAME) out.push({ pid: current.pid, level: current.level, text: current.text }); };
  for (const line of text.split('\n')) {
    const m = HEAD.exec(line);
    if (m) {
      flush();
      current = { pid: Number(m[1]), db: m[3]!, level: m[4]!, text: m[5]! };
    } else if (current && line.startsWith('\t')) {
      current.text += `\n${line.slice(1)}`;
    } else if (line !== '') {
      // A line of another kind (a message without the prefix): it ends the entry before it.
      flush();
      current = undefined;
    }
  }
  flush();
  return out;
}

type Plan = { ms: number; queryText: string; plan: string };
type Statement = { pid: number; sql: string; params?: string; plan?: Plan; nested: Plan[] };

/** Statements in the order they started, each with its own plan and the plans of what it ran inside. */
function statementsOf(entries: Entry[]): Statement[] {
  const all: Statement[] = [];
  const open = new Map<number, Statement>();
  for (const e of entries) {
    const stmt = /^(?:execute [^:]*|statement): ([\s\S]*)$/.exec(e.text);
    if (e.level === 'LOG' && stmt) {
      const s: Statement = { pid: e.pid, sql: stmt[1]!.trim(), nested: [] };
      all.push(s);
      open.set(e.pid, s);
      continue;
    }
    const params = /^parameters: ([\s\S]*)$/.exec(e.text);
    if (e.level === 'DETAIL' && params && open.get(e.pid)) {
      open.get(e.pid)!.params = params[1];
      continue;
    }
    const plan = /^duration: ([\d.]+) ms {2}plan:\n([\s\S]*)$/.exec(e.text);
    if (e.level === 'LOG' && plan) {
      const body = plan[2]!.split('\n');
      // "Query Text: …" may run over several lines; the plan starts at the first node (with its costs).
      const first = body.findIndex((l) => /\(cost=\d/.test(l));
      const queryText = body.slice(0, first).join('\n').replace(/^Query Text: /, '').trim();
      const p: Plan = { ms: Number(plan[1]), queryText, plan: body.slice(first).join('\n').replace(/\s+$/, '') };
      const s = open.get(e.pid);
      if (!s) continue;
      if (!s.plan && queryText === s.sql) s.plan = p;
      else s.nested.push(p);
    }
  }
  return all;
}

// ---------------------------------------------------------------------------------------------------
// What a reviewer looks at first: the plan's shape and anything that grows with the data.

const SEQ_SCAN_ROWS = 10_000;

function flagsOf(plan: string): string[] {
  const flags: string[] = [];
  const lines = plan.split('\n');
  lines.forEach((line, i) => {
    const seq = /(Parallel )?Seq Scan on (\S+)(?: \S+)?\s+\(cost=[^)]*\) \(actual time=[^)]* rows=(\d+) loops=(\d+)\)/.exec(line);
    if (seq) {
      const removed = Number(/Rows Removed by Filter: (\d+)/.exec(lines.slice(i + 1, i + 4).join('\n'))?.[1] ?? 0);
      const read = (Number(seq[3]) + removed) * Number(seq[4]);
      if (read >= SEQ_SCAN_ROWS) flags.push(`${seq[1] ?? ''}Seq Scan on ${seq[2]} reads ~${n0(read)} rows`);
    }
    const sort = /Sort Method: external (merge|sort)\s+Disk: (\d+kB)/.exec(line);
    if (sort) flags.push(`sort spills to disk (${sort[2]})`);
    const loops = /\(actual time=[^)]* rows=\d+ loops=(\d+)\)/.exec(line);
    if (loops && Number(loops[1]) >= 1000) flags.push(`a node runs ${n0(Number(loops[1]))} times: ${line.trim().split('  (')[0]}`);
    const heap = /Heap Fetches: (\d+)/.exec(line);
    if (heap && Number(heap[1]) >= 1000) flags.push(`index-only scan with ${n0(Number(heap[1]))} heap fetches (visibility map not set)`);
  });
  return flags;
}

const topNode = (plan: string) => plan.split('\n')[0]!.split('  (')[0]!.trim();
const rowsOf = (plan: string) => /rows=(\d+) loops=\d+\)/.exec(plan.split('\n')[0]!)?.[1] ?? '?';
const oneLine = (s: string, max = 90) => { const t = s.replace(/\s+/g, ' ').trim(); return t.length > max ? `${t.slice(0, max - 1)}…` : t; };
/** Parameters as logged, a long value (a hash, a sealed blob, a JSON document) shortened. */
const shortParams = (p: string) => p.replace(/'((?:[^']|'')*)'/g, (_m, v: string) => (v.length > 120 ? `'${v.slice(0, 100)}…' (${v.length} chars)` : `'${v}'`));

type Captured = { label: string; method: string; path: string; status: number; ms: number; statements: Statement[] };

function render(title: string, about: string, captured: Captured[], dataLine: string): { text: string; summary: string[] } {
  const lines: string[] = [];
  const summary: string[] = [];
  lines.push(`# ${title}`, '', about, '', `Generated by \`npx tsx bench/explain.ts\` — ${dataLine}. Timings and buffer counts`
    + ' change from run to run; review the plan\'s shape (node types, indexes, join order) — docs/queries/README.md.', '');
  for (const c of captured) {
    const plans = c.statements.filter((s) => s.plan);
    const execMs = plans.reduce((t, s) => t + s.plan!.ms, 0);
    lines.push(`## ${c.label}`, '', '```http', `${c.method} ${c.path}`, '```', '',
      `Answered ${c.status} in ${n2(c.ms)} ms (with the server's log of every plan, so slower than without); `
      + `${c.statements.length} statements sent, ${plans.length} with a plan; executor time ${n2(execMs)} ms in all.`, '');
    lines.push('| # | statement | top node | rows | ms |', '|---|---|---|---|---|');
    c.statements.forEach((s, i) => {
      lines.push(`| ${i + 1} | \`${oneLine(s.sql, 70).replace(/\|/g, '\\|')}\` | ${s.plan ? topNode(s.plan.plan) : '—'} | ${s.plan ? rowsOf(s.plan.plan) : ''} | ${s.plan ? n2(s.plan.ms) : ''} |`);
      for (const p of s.nested) lines.push(`| ${i + 1}. | ↳ \`${oneLine(p.queryText, 66).replace(/\|/g, '\\|')}\` | ${topNode(p.plan)} | ${rowsOf(p.plan)} | ${n2(p.ms)} |`);
    });
    const flags = c.statements.flatMap((s) => [s.plan, ...s.nested].filter((p): p is Plan => !!p).flatMap((p) => flagsOf(p.plan)));
    lines.push('', flags.length ? `**To look at:** ${[...new Set(flags)].join('; ')}.` : 'Nothing to look at by the script\'s rules (no sequential scan reading 10,000 rows or more, no sort on disk, no node run 1,000 times or more).', '');
    summary.push(`${c.label}: ${c.status}, ${c.statements.length} statements, executor ${n2(execMs)} ms${flags.length ? `; ${[...new Set(flags)].join('; ')}` : ''}`);
    c.statements.forEach((s, i) => {
      if (!s.plan && s.nested.length === 0) return; // BEGIN, COMMIT, SET: in the table above
      lines.push(`### ${i + 1}. ${oneLine(s.sql, 80)}`, '', '```sql', s.sql, '```', '');
      if (s.params) lines.push(`Parameters: \`${shortParams(s.params).replace(/`/g, "'")}\``, '');
      if (s.plan) lines.push(`Executor time ${n2(s.plan.ms)} ms:`, '', '```', s.plan.plan, '```', '');
      for (const p of s.nested) lines.push(`Inside it (a trigger or a function), ${n2(p.ms)} ms:`, '', '```sql', p.queryText, '```', '', '```', p.plan, '```', '');
    });
  }
  return { text: `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`, summary };
}

// ---------------------------------------------------------------------------------------------------

if (!existsSync(LOG)) throw new Error(`${LOG}: the PostgreSQL server log is needed (--log FILE)`);
const prepared = values['database-url'];
const fresh = prepared ? undefined : await freshPostgres('motcua_bench_explain');
const url = prepared ?? fresh!.url;
DB_NAME = new URL(url).pathname.slice(1);
let server: Server | undefined;
const summary: string[] = [];
try {
  if (fresh) {
    const handle = await openPostgres(fresh.url);
    const services = await seeded(handle, benchConfig());
    const imported = await importDossiers(handle, services, dossierFile(Number(values.count)));
    console.error(`imported ${n0(imported.imported)} dossiers in ${n2(imported.ms / 1000)} s`);
    await handle.close();
  }
  const marks = new pg.Client({ connectionString: url });
  await marks.connect();
  const one = async <T>(text: string) => (await marks.query(text)).rows[0] as T;
  const size = await one<Record<'dossiers' | 'events' | 'facts' | 'day' | 'half' | 'procedures' | 'units' | 'size', string>>(`select
    (select count(*) from dossiers) as dossiers, (select count(*) from dossier_events) as events, (select count(*) from report_dossier_facts) as facts,
    (select count(*) from report_counts_day) as day, (select count(*) from report_counts_half) as half,
    (select count(*) from catalog_procedures) as procedures, (select count(*) from org_units) as units,
    pg_size_pretty(pg_database_size(current_database())) as size`);
  const version = (await one<{ v: string }>('select split_part(version(), \' \', 2) as v')).v;
  const today = new Date().toISOString().slice(0, 10);
  // The code the server ran: the commit, and whether src/ or migrations/ differed from it.
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  const dirty = git('status', '--porcelain', '--', 'src', 'migrations').split('\n').filter(Boolean).length;
  const code = `commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ` with ${dirty} uncommitted files under src/ and migrations/` : ''}`;
  const dataLine = `${n0(Number(size.dossiers))} dossiers (${n0(Number(size.events))} events, database ${size.size}), PostgreSQL ${version}, ${code}, ${today}`;
  console.error(`data: ${dataLine}`);
  summary.push(`data: ${dataLine}`, JSON.stringify(size));

  // The records the requests name: a dossier received under the Tân Phong ward, a receipt to look up.
  const ward = (await marks.query<{ code: string }>(`select d.code from dossiers d join org_units u on u.id = d.receiving_unit_id
    where u.code like 'H30.501.%' order by d.id desc limit 1`)).rows[0]!.code;
  const receipt = (await marks.query<{ code: string; lookup_secret: string }>('select code, lookup_secret from dossiers order by id desc offset 10 limit 1')).rows[0]!;
  const root = (await marks.query<{ code: string }>('select code from org_units where parent_id is null')).rows[0]!.code;

  server = await startServer({ databaseUrl: url, dataDir: tempDir('bench-explain'), env: {
    WEB_CONCURRENCY: '1', MOTCUA_DEMO: 'off', MOTCUA_JOBS_POLL_MS: '0', PGOPTIONS,
  } }, 300_000);
  const port = server.port;
  const desk = await login(port, 'motcua.tanphong');
  const auditor = await login(port, 'kiemtra');

  let offset = statSync(LOG).size;
  const mark = async () => {
    const token = `motcua-explain-${randomBytes(6).toString('hex')}`;
    await marks.query(`do $$ begin raise log '${token}'; end $$`);
    return token;
  };
  /** Skips whatever the server logged so far (sign-in, warm-up). */
  const skip = async () => { offset = (await readUntil(offset, await mark())).end; };
  type Req = { label: string; method?: string; path: string; session?: Session; body?: () => unknown; warm?: boolean };
  const capture = async (r: Req): Promise<Captured & { json: any }> => {
    const method = r.method ?? 'GET';
    if (r.warm !== false) {
      const w = await request(port, method, r.path, { session: r.session, body: r.body?.() });
      if (w.status >= 300) throw new Error(`${method} ${r.path}: ${w.status} ${JSON.stringify(w.json)}`);
    }
    await skip();
    const a = await request(port, method, r.path, { session: r.session, body: r.body?.() });
    if (a.status >= 300) throw new Error(`${method} ${r.path}: ${a.status} ${JSON.stringify(a.json)}`);
    const read = await readUntil(offset, await mark());
    offset = read.end;
    return { label: r.label, method, path: r.path, status: a.status, ms: a.ms, statements: statementsOf(read.entries), json: a.json };
  };

  mkdirSync(OUT, { recursive: true });
  const write = (file: string, title: string, about: string, captured: Captured[]) => {
    const r = render(title, about, captured, dataLine);
    writeFileSync(join(OUT, file), r.text);
    summary.push(`\n${file}`, ...r.summary.map((s) => `  ${s}`));
    console.error(`wrote ${join(OUT, file)}`);
  };

  const year = 'from=2025-12-15&to=2026-12-14';
  write('session.md', 'Session resolution (a signed-in request)',
    'Every request with the session cookie starts with the one-query session lookup of `platform/auth` (`resolveSession`): the session, the account\'s flags and `access_revision`. The account\'s rights come from the per-process cache while the revision holds. Shown on `GET /api/v1/auth/me`, which adds nothing to it.',
    [await capture({ label: 'the ward desk officer (motcua.tanphong)', path: '/api/v1/auth/me', session: desk })]);

  write('dossier-read.md', 'A dossier read by the ward desk',
    '`GET /api/v1/dossiers/:code` as the desk officer of Tân Phong (motcua.tanphong, desk_officer at H30.501) for the newest dossier received at a unit under H30.501.',
    [await capture({ label: `dossier ${ward}`, path: `/api/v1/dossiers/${encodeURIComponent(ward)}`, session: desk })]);

  {
    const first = await capture({ label: 'first page', path: '/api/v1/dossiers?queue=all_open&limit=50', session: auditor });
    // A later page: four pages on by the keyset cursor, the fifth captured.
    let cursor: string = first.json.nextCursor;
    for (let i = 0; i < 3 && cursor; i++) cursor = (await request(port, 'GET', `/api/v1/dossiers?queue=all_open&limit=50&cursor=${encodeURIComponent(cursor)}`, { session: auditor })).json.nextCursor;
    const later = cursor
      ? [await capture({ label: 'fifth page (keyset cursor from the fourth)', path: `/api/v1/dossiers?queue=all_open&limit=50&cursor=${encodeURIComponent(cursor)}`, session: auditor })]
      : [];
    write('queue-all-open.md', 'The province-wide work queue of open dossiers',
      '`GET /api/v1/dossiers?queue=all_open&limit=50` as kiemtra (auditor at the province, H30): the first page and a later page by the keyset cursor (`nextCursor`).',
      [first, ...later]);
  }

  write('queue-counts.md', 'The size of each work queue',
    '`GET /api/v1/dossiers/counts`: the figures beside each queue in the staff workspace, asked on every page of it. As the ward desk officer and as the province-wide auditor.',
    [await capture({ label: 'the ward desk officer (motcua.tanphong)', path: '/api/v1/dossiers/counts', session: desk }),
      await capture({ label: 'the province-wide auditor (kiemtra)', path: '/api/v1/dossiers/counts', session: auditor })]);

  write('public-lookup.md', 'The public lookup of a receipt',
    '`GET /api/v1/public/dossiers/:code?key=<lookup_secret>`: a citizen looks up a dossier by the code and the key printed on the receipt; no session.',
    [await capture({ label: `dossier ${receipt.code}`, path: `/api/v1/public/dossiers/${encodeURIComponent(receipt.code)}?key=${encodeURIComponent(receipt.lookup_secret)}` })]);

  write('catalogue-search.md', 'Catalogue search',
    '`GET /api/v1/procedures?q=…`: the public catalogue\'s search, exact words and with a typo (corrected to the catalogue\'s nearest words, `rules/typo.ts`). No session.',
    [await capture({ label: 'q=dang ky khai sinh', path: `/api/v1/procedures?q=${encodeURIComponent('dang ky khai sinh')}` }),
      await capture({ label: 'q=khai sihn (a typo)', path: `/api/v1/procedures?q=${encodeURIComponent('khai sihn')}` })]);

  write('report-ii06a.md', 'Form II.06a, statutory year 2026, the whole province by unit',
    `\`GET /api/v1/reports/ii06a\` as kiemtra: the statutory year 2026 (15/12/2025–14/12/2026, not over on the day of the run, so it ends now and reads its last day per dossier), unit ${root} (the province root), grouped by unit.`,
    [await capture({ label: 'year 2026, province, by unit', path: `/api/v1/reports/ii06a?${year}&unit=${root}&groupBy=unit`, session: auditor })]);

  write('service-index.md', 'The service index (Decision 766), statutory year 2026, the whole province',
    `\`GET /api/v1/reports/service-index\` as kiemtra, year 2026, unit ${root}.`,
    [await capture({ label: 'year 2026, province', path: `/api/v1/reports/service-index?${year}&unit=${root}`, session: auditor })]);

  write('dashboard.md', 'The leaders\' dashboard, statutory year 2026, the whole province',
    `\`GET /api/v1/reports/dashboard\` as kiemtra, year 2026, unit ${root}: II.06a by unit, the index's dossier measures and the monthly trend.`,
    [await capture({ label: 'year 2026, province', path: `/api/v1/reports/dashboard?${year}&unit=${root}`, session: auditor })]);

  const key = () => `explain-${randomBytes(8).toString('hex')}`;
  write('intake.md', 'A dossier intake at the desk',
    '`POST /api/v1/dossiers` (birth registration 1.001193, at the desk, with the CSRF header) as the Tân Phong desk officer: the transaction that numbers the dossier and writes its first event, the projection, the read models, the counts, the audit row and the outbox (src/modules/dossiers/intake.ts). The warm-up intake before it is another dossier (its own idempotency key).',
    [await capture({ label: 'birth registration at the Tân Phong desk', method: 'POST', path: '/api/v1/dossiers', session: desk, body: () => intakeBody(key()) })]);

  await marks.end();
} finally {
  await server?.stop();
  if (fresh) await fresh.drop();
}
console.log(summary.join('\n'));
process.exit(0);
