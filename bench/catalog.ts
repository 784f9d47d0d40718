/**
 * Catalogue search latency at the API over a generated catalogue (issue 4: p99 < 20 ms over 2,000
 * procedures), on the embedded PGlite and on PostgreSQL, with GET /health measured in the same run as
 * the baseline. Also reports the import rate of the generated file.
 *
 *   npx tsx bench/catalog.ts                 # both back ends, 2,000 procedures
 *   BENCH_BACKENDS=pglite BENCH_PROCEDURES=500 npx tsx bench/catalog.ts
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (default)
 *   BENCH_KEEP=1 keeps the PostgreSQL database and prints its URL (for EXPLAIN; drop it by hand)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp, createServices } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/connection.js';
import { migrate } from '../src/platform/db/migrate.js';
import { systemContext } from '../src/platform/http/context.js';
import { importCatalog } from '../src/modules/catalog/catalog.import.js';
import { DEMO_PROCEDURES_DIR } from '../src/modules/catalog/catalog.module.js';
import { catalogFileSchema, type Procedure } from '../src/modules/catalog/schema.js';
import { record } from './results.js';

/** One size or several, comma-separated (`npm run bench` measures 2,000 and 10,000). */
const COUNTS = (process.env.BENCH_PROCEDURES ?? '2000').split(',').map(Number);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'pglite,postgresql').split(',');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25);

const SUFFIXES = ['cho hộ gia đình', 'đối với tổ chức', 'lần đầu', 'cấp lại do bị mất', 'điều chỉnh nội dung', 'tại vùng đặc biệt khó khăn',
  'có yếu tố nước ngoài', 'cho người khuyết tật', 'trong khu công nghiệp', 'đối với hợp tác xã', 'gia hạn', 'chuyển đổi', 'liên thông điện tử'];

/** Commune procedures of the demo (no fixed unit codes, so no org tree is needed), cloned into `count` versions. */
function generate(count: number): Procedure[] {
  const demo = readdirSync(DEMO_PROCEDURES_DIR).filter((f) => f.endsWith('.json'))
    .flatMap((f) => catalogFileSchema.parse(JSON.parse(readFileSync(join(DEMO_PROCEDURES_DIR, f), 'utf8'))).procedures)
    .filter((p) => p.version.status === 'published' && p.levels.includes('commune') && !JSON.stringify(p).includes('"unitCode"') && !p.implementingAgency.code);
  return Array.from({ length: count }, (_, i) => {
    const base = demo[i % demo.length]!;
    const suffix = i < demo.length ? '' : ` ${SUFFIXES[i % SUFFIXES.length]} (${Math.floor(i / demo.length)})`;
    return { ...base, code: `1.${String(900000 + i).padStart(6, '0')}`, name: `${base.name}${suffix}` };
  });
}

const QUERIES: Record<string, string[]> = {
  exact: ['dang ky khai sinh', 'Đăng ký kết hôn', 'ho kinh doanh', 'chung thuc ban sao', 'giay phep xay dung nha o', 'tro cap xa hoi', 'trich luc ho tich', 'karaoke'],
  typo: ['khai sihn', 'dang ky ket hno', 'dnag ky khai tu', 'chung thuc di chcu', 'giay phep karaoek'],
  browse: ['', 'field=HOTICH', 'level=commune&online=full', 'page=7'],
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timed(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t0;
}

async function measure(base: string, paths: string[]): Promise<{ p50: number; p99: number; n: number }> {
  for (const p of paths) await timed(base + p); // warm-up
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) for (const p of paths) samples.push(await timed(base + p));
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), n: samples.length };
}

async function open(kind: string): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const handle = await openDatabase({ kind: 'pglite' });
    return { handle, drop: async () => undefined };
  }
  const name = `motcua_bench_catalog_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => { const c = new pg.Client({ connectionString: ADMIN_URL }); await c.connect(); try { await c.query(sql); } finally { await c.end(); } };
  await admin(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const keep = process.env.BENCH_KEEP === '1';
  return {
    handle: await openDatabase({ kind: 'postgresql', url: url.toString(), poolSize: 10 }),
    drop: keep ? async () => console.log(`  kept: ${url.toString()}`) : () => admin(`drop database if exists ${name} with (force)`),
  };
}

async function run(kind: string, procedures: Procedure[]): Promise<void> {
  const { handle, drop } = await open(kind);
  const config = loadConfig({ MOTCUA_ENV: 'test', MOTCUA_DATA_DIR: mkdtempSync(join(tmpdir(), 'motcua-bench-')), MOTCUA_LOG_LEVEL: 'silent' }, '0.0.0-bench');
  try {
    await migrate(handle.db);
    const services = createServices(config, handle);
    const t0 = performance.now();
    const report = await importCatalog(handle.db, systemContext('bench'), procedures.map((data, i) => ({ row: i + 1, data })), new Set());
    const importMs = performance.now() - t0;
    if (!report.applied) throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
    const app = await buildApp({ config, database: handle, services, logger: false, serveWeb: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    try {
      const health = await measure(base, ['/health']);
      console.log(`\n${kind}: ${procedures.length} procedures imported in ${(importMs / 1000).toFixed(1)} s (${Math.round(procedures.length / (importMs / 1000))} versions/s)`);
      console.log(`  GET /health (baseline)        p50 ${health.p50.toFixed(2)} ms  p99 ${health.p99.toFixed(2)} ms`);
      for (const [label, list] of Object.entries(QUERIES)) {
        const paths = list.map((q) => `/api/v1/procedures?${q.includes('=') || q === '' ? q : `q=${encodeURIComponent(q)}`}`);
        const r = await measure(base, paths);
        if (label !== 'browse') {
          record({ bench: 'catalog', name: `search ${label}, ${kind}, ${procedures.length} procedures, p99`, value: Math.round(r.p99 * 10) / 10, unit: 'ms',
            baseline: { name: 'GET /health p99', value: Math.round(health.p99 * 10) / 10 }, target: { text: 'p99 < 20 ms', met: r.p99 < 20 }, detail: `p50 ${r.p50.toFixed(1)} ms, ${r.n} requests one at a time` });
        }
        console.log(`  search ${label.padEnd(7)} (${String(r.n).padStart(4)} req)  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  (p50 ${(r.p50 / health.p50).toFixed(1)}× /health)`);
      }
      const detail = await measure(base, ['/api/v1/procedures/1.900000', '/api/v1/procedures/1.901234']);
      console.log(`  procedure page data            p50 ${detail.p50.toFixed(2)} ms  p99 ${detail.p99.toFixed(2)} ms`);
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
    await drop();
  }
}

for (const count of COUNTS) {
  const procedures = generate(count);
  for (const kind of BACKENDS) await run(kind, procedures);
}
