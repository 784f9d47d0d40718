#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --only http,reports]`: prepares its data with the generator, runs
// every benchmark, prints one table of the figures beside the baselines measured in the same run,
// and writes bench/results/<date>-<commit>.json. Needs PostgreSQL (BENCH_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/postgres) and pgbench; see bench/README.md.
//
// --quick: small sizes and short loads (under 3 minutes), to check that everything runs and to see
// the ratios roughly. The full run puts 1,000,000 dossiers under the reports and the work queue.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1]).split(',') : undefined;

const KEPT = 'bench/out/reports-database.url';
// Each step: its name, the script and its arguments in the quick and the full run.
const steps = [
  { name: 'deadlines', script: 'bench/deadlines.ts', quick: ['--count', '50000'], full: ['--count', '500000'] },
  { name: 'import', script: 'bench/import.ts', quick: ['--count', '3000', '--pglite-count', '1000'], full: ['--count', '20000', '--pglite-count', '5000'] },
  { name: 'intake', script: 'bench/intake-concurrency.ts', quick: ['--requests', '400', '--seconds', '3'], full: [] },
  { name: 'catalog', script: 'bench/catalog.ts', quick: [], full: [], env: quick ? { BENCH_PROCEDURES: '2000', BENCH_BACKENDS: 'postgresql', BENCH_ROUNDS: '10' } : { BENCH_PROCEDURES: '2000,10000' } },
  // The reports' database is kept for the HTTP benchmark (the work queue at the same size), which drops it.
  { name: 'reports', script: 'bench/reports.ts', quick: ['--count', '5000', '--runs', '5', '--no-rebuild', '--keep'], full: ['--count', '1000000', '--runs', '30', '--no-rebuild', '--keep'] },
  { name: 'http', script: 'bench/http.ts', quick: ['--seconds', '4'], full: ['--seconds', '15'], needsKept: true },
];

// Under bench/out (not in git), not /tmp, which other work on a shared machine may clear.
mkdirSync('bench/out', { recursive: true });
const resultsFile = `bench/out/figures-${process.pid}.ndjson`;
rmSync(resultsFile, { force: true });
const started = Date.now();
const ran = [];
for (const step of steps) {
  if (only && !only.includes(step.name)) continue;
  const stepArgs = [...(quick ? step.quick : step.full)];
  if (step.needsKept) {
    if (existsSync(KEPT)) stepArgs.push('--database-url', readFileSync(KEPT, 'utf8').trim(), '--drop');
    else stepArgs.push('--count', quick ? '5000' : '1000000');
  }
  console.log(`\n=== ${step.name}: ${step.script} ${stepArgs.join(' ')} ===`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', step.script, ...stepArgs], { stdio: 'inherit', env: { ...process.env, ...(step.env ?? {}), BENCH_RESULTS: resultsFile } });
  if (step.needsKept) rmSync(KEPT, { force: true });
  ran.push({ name: step.name, ok: r.status === 0, seconds: Math.round((Date.now() - t0) / 1000) });
}

const figures = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
const fmt = (x) => (typeof x === 'number' ? x.toLocaleString('en-US') : '');
const rows = figures.map((f) => [f.bench, f.name, `${fmt(f.value)} ${f.unit}`, f.baseline ? `${fmt(f.baseline.value)} (${f.baseline.name})` : '', f.ratio === undefined ? '' : f.ratio.toFixed(2),
  f.target ? `${f.target.met ? 'met' : 'MISSED'}: ${f.target.text}` : '']);
const head = ['bench', 'figure', 'value', 'baseline, same run', 'ratio', 'target'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const print = (r) => console.log(r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
console.log(`\n=== npm run bench${quick ? ' -- --quick' : ''}: ${Math.round((Date.now() - started) / 1000)} s ===`);
print(head);
print(widths.map((w) => '-'.repeat(w)));
rows.forEach(print);
for (const s of ran) if (!s.ok) console.log(`FAILED: ${s.name} (see its output above)`);

const git = (...a) => { try { return execFileSync('git', a, { encoding: 'utf8' }).trim(); } catch { return 'unknown'; } };
const commit = git('rev-parse', '--short', 'HEAD');
const date = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
let postgres = 'unknown';
try { postgres = execFileSync('pgbench', ['--version'], { encoding: 'utf8' }).trim(); } catch { /* reported as unknown */ }
mkdirSync('bench/results', { recursive: true });
const out = `bench/results/${date}-${commit}${quick ? '-quick' : ''}.json`;
writeFileSync(out, `${JSON.stringify({
  date, commit, dirty: git('status', '--porcelain') !== '', quick, seconds: Math.round((Date.now() - started) / 1000),
  machine: { cores: availableParallelism(), cpu: cpus()[0]?.model, node: process.version, postgres },
  steps: ran, figures,
}, null, 2)}\n`);
rmSync(resultsFile, { force: true });
console.log(`\nwritten: ${out}`);
process.exit(ran.every((s) => s.ok) ? 0 : 1);
