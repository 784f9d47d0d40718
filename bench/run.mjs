#!/usr/bin/env node
// `npm run bench`: every benchmark in turn with its default size, each printing its figures beside
// the baseline it measured in the same run (DESIGN.md). Needs PostgreSQL (BENCH_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/postgres) and pgbench. For other sizes run a script directly
// (bench/README.md).
import { spawnSync } from 'node:child_process';

let failed = false;
for (const script of ['bench/import.ts', 'bench/intake-concurrency.ts']) {
  console.log(`\n=== ${script} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
