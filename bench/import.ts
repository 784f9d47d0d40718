/**
 * Historical import throughput (issue 6 §4: at least 20,000 dossiers per minute on PostgreSQL):
 *
 *   npx tsx bench/import.ts [--count 20000] [--file F] [--pglite-count 5000] [--no-pglite] [--verify]
 *
 * Generates the file (bench/out/, reused when present), imports it into a fresh PostgreSQL database
 * seeded with the demo province, imports it again (must change nothing), then into an in-memory
 * PGlite. Beside it, pgbench measures single-row insert transactions on the same server, so the
 * import's rows per second can be read as a ratio of what the server does on its own.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/connection.js';
import { systemContext } from '../src/platform/http/context.js';
import { importerFor } from '../src/modules/dossiers/import/index.js';
import type { Services } from '../src/app.js';
import { ratioOf, record } from './results.js';
import { benchConfig, freshPostgres, n0, n2, openPostgres, pgbench, seeded } from './support.js';
import { execFileSync } from 'node:child_process';

const { values } = parseArgs({ options: {
  count: { type: 'string', default: '20000' }, file: { type: 'string' }, 'pglite-count': { type: 'string', default: '5000' },
  'no-pglite': { type: 'boolean', default: false }, verify: { type: 'boolean', default: false },
} });
const count = Number(values.count);
const file = values.file ?? `bench/out/dossiers-${count}.ndjson`;

async function* lines(limit = Infinity): AsyncGenerator<string> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    if (n++ >= limit) return;
    yield line;
  }
}

async function run(services: Services, limit?: number) {
  const ctx = systemContext('bench-import');
  return importerFor(services).importLines(ctx, lines(limit), {
    onProgress: (p) => process.stderr.write(`  … ${n0(p.lines)} lines, ${n0(p.dossiersPerMinute)} dossiers/min\n`),
  });
}

if (!existsSync(file)) {
  console.error(`generating ${file} …`);
  execFileSync(process.execPath, ['--import', 'tsx', 'bench/generate-dossiers.ts', '--count', String(count), '--out', file], { stdio: 'inherit' });
}
const config = benchConfig();
const report: string[] = [];

const pgDb = await freshPostgres('motcua_bench_import');
try {
  const handle = await openPostgres(pgDb.url);
  const services = await seeded(handle, config);
  await sql`create table bench_single (id bigint generated always as identity primary key, v double precision not null, at timestamptz not null default now())`.execute(handle.db);
  const single = pgbench(pgDb.url, 'insert into bench_single (v) values (random());\n', 10, 10);

  const first = await run(services);
  const eventsPerSecond = first.events / (first.ms / 1000);
  const rowsPerSecond = (first.imported + first.events) / (first.ms / 1000);
  const again = await run(services);
  const counted = await sql<{ n: string }>`select count(*) as n from dossiers`.execute(handle.db);
  report.push(
    `PostgreSQL (${first.lines} lines): ${n0(first.imported)} dossiers, ${n0(first.events)} events in ${n2(first.ms / 1000)} s`,
    `  → ${n0(first.dossiersPerMinute)} dossiers/min, ${n0(eventsPerSecond)} events/s, ${n0(rowsPerSecond)} rows/s; ${first.failed} failed lines`,
    `  pgbench single-row insert, 10 clients: ${n0(single.tps)} tx/s → import rows/s ÷ pgbench tx/s = ${n2(rowsPerSecond / single.tps)}`,
    ...first.errors.slice(0, 5).map((e) => `  line ${e.line} (${e.code}): ${e.error} ${e.message}`),
    `  re-import: ${again.imported} imported, ${n0(again.skipped)} skipped in ${n2(again.ms / 1000)} s; dossiers in database: ${counted.rows[0]!.n}`,
  );
  record({ bench: 'import', name: 'historical import, PostgreSQL', value: Math.round(first.dossiersPerMinute), unit: 'dossiers/min',
    baseline: { name: 'pgbench single-row insert tx/s vs import rows/s', value: Math.round(single.tps) }, ratio: ratioOf(rowsPerSecond, single.tps),
    target: { text: '≥ 20,000 dossiers/min (issue 6)', met: first.dossiersPerMinute >= 20_000 }, detail: `${n0(first.imported)} dossiers` });
  if (values.verify) {
    const t0 = performance.now();
    const v = await services.dossiers.verifyAll((n) => { if (n % 50_000 === 0) process.stderr.write(`  … ${n0(n)} chains verified\n`); });
    report.push(`  hash chains: ${n0(v.checked)} verified, ${v.broken.length} broken (${n2((performance.now() - t0) / 1000)} s)`);
  }
  await handle.close();
} finally {
  await pgDb.drop();
}

if (!values['no-pglite']) {
  const limit = Math.min(count, Number(values['pglite-count']));
  const handle = await openDatabase({ kind: 'pglite' });
  try {
    const services = await seeded(handle, config);
    const r = await run(services, limit);
    record({ bench: 'import', name: 'historical import, PGlite in memory', value: Math.round(r.dossiersPerMinute), unit: 'dossiers/min', detail: `${n0(r.imported)} dossiers` });
    report.push(`PGlite in memory (${r.lines} lines): ${n0(r.imported)} dossiers in ${n2(r.ms / 1000)} s → ${n0(r.dossiersPerMinute)} dossiers/min, ${n0(r.events / (r.ms / 1000))} events/s; ${r.failed} failed`);
  } finally {
    await handle.close();
  }
}
console.log(`\n${report.join('\n')}`);
