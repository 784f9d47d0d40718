/**
 * Form II.06a speed (issue 13 item 6): a year, the whole province, on PostgreSQL.
 *
 *   npx tsx bench/reports.ts [--count 100000] [--runs 30] [--file F] [--keep] [--no-rebuild]
 *
 * Generates (or reuses) the historical file of bench/import.ts's generator, imports it into a fresh
 * PostgreSQL database seeded with the demo province — the read model is written by the import, in its
 * transactions — then times the report through the service (as the route calls it) for the statutory
 * year 2026 at the province (grouped by unit, field, procedure) and at one commune, and the rebuild.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { monthlyTrend } from '../src/modules/reports/dashboard.repository.js';
import { buildReach, type Grant } from '../src/platform/access/policy.js';
import { systemContext } from '../src/platform/http/context.js';
import { dossierFile, importDossiers, KEPT_URL_FILE } from './dataset.js';
import { record } from './results.js';
import { benchConfig, freshPostgres, n0, n2, openPostgres, seeded } from './support.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '100000' }, runs: { type: 'string', default: '30' }, file: { type: 'string' }, keep: { type: 'boolean', default: false }, 'no-rebuild': { type: 'boolean', default: false } } });
const count = Number(values.count);
const runs = Number(values.runs);
const file = dossierFile(count, values.file);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const report: string[] = [];
const db = await freshPostgres('motcua_bench_reports');
try {
  const handle = await openPostgres(db.url);
  const services = await seeded(handle, benchConfig());
  const imported = await importDossiers(handle, services, file);
  const rowsOf = async (table: string) => n0(Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(handle.db)).rows[0]!.n));
  record({ bench: 'reports', name: 'import with the read models', value: Math.round(imported.dossiersPerMinute), unit: 'dossiers/min', detail: `${n0(imported.imported)} dossiers` });
  report.push(`import with the read models: ${n0(imported.imported)} dossiers, ${n0(imported.events)} events in ${n2(imported.ms / 1000)} s (${n0(imported.dossiersPerMinute)} dossiers/min); `
    + `${await rowsOf('report_dossier_facts')} dossier rows, ${await rowsOf('report_counts_day')} day rows, ${await rowsOf('report_counts_half')} half-month rows`);
  const open = await sql<{ n: string }>`select count(*) as n from report_dossier_facts where received_at is not null and completed_at is null`.execute(handle.db);
  report.push(`dossiers open now (read per dossier by a period ending now): ${n0(Number(open.rows[0]!.n))}`);

  const units = await services.org.allUnits();
  const root = units.find((u) => u.parentId === null)!;
  const grants: Grant[] = [{ role: 'auditor', unitId: root.id, unitName: root.name, provinceWide: true }];
  const reach = buildReach(grants, await services.org.subtrees([root.id]));
  const ctx = { ...systemContext('bench-reports'), system: false, actor: { accountId: 0, staffId: 0, username: 'bench', fullName: 'Bench', unitId: root.id, grants, reach } };
  const time = async (label: string, q: Parameters<typeof services.reports.service.ii06a>[1]) => {
    await services.reports.service.ii06a(ctx, q); // warm
    const ms: number[] = [];
    let rows = 0;
    let received = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = await services.reports.service.ii06a(ctx, q);
      ms.push(performance.now() - t0);
      rows = r.rows.length;
      received = r.totals.received.total;
    }
    const p50 = pct(ms, 50);
    if (recorded.has(label)) record({ bench: 'reports', name: `II.06a ${label}, p50`, value: Math.round(p50), unit: 'ms', target: { text: 'p50 < 300 ms (issue 13)', met: p50 < 300 }, detail: `${n0(count)} dossiers, ${runs} runs` });
    report.push(`II.06a ${label}: p50 ${n2(pct(ms, 50))} ms, p99 ${n2(pct(ms, 99))} ms (${runs} runs; ${rows} rows, ${n0(received)} dossiers in the report)`);
  };
  const year = { from: '2025-12-15', to: '2026-12-14' };
  // The figures of the run's table (the rest are printed).
  const recorded = new Set(['year 2026, province, by unit', '9 months 2026 (ended), province, by procedure']);
  await time('year 2026, province, by unit', { ...year, unit: root.code!, groupBy: 'unit' });
  await time('year 2026, province, by field', { ...year, unit: root.code!, groupBy: 'field' });
  await time('year 2026, province, by procedure', { ...year, unit: root.code!, groupBy: 'procedure' });
  await time('Q3 2026, province, by unit', { from: '2026-06-15', to: '2026-09-14', unit: root.code!, groupBy: 'unit' });
  // A period not over ends now and reads its last day per dossier; an ended one only the counts.
  await time('9 months 2026 (ended), province, by procedure', { from: '2025-12-15', to: '2026-09-14', unit: root.code!, groupBy: 'procedure' });
  await time('year 2026, one ward (H30.501), by procedure', { ...year, unit: 'H30.501', groupBy: 'procedure' });

  // The service index (Decision 766) for the same year: the dossier measures, the catalogue, ratings and feedback.
  const timeIndex = async (label: string, q: Parameters<typeof services.reports.index.index>[1]) => {
    await services.reports.index.index(ctx, q); // warm
    const ms: number[] = [];
    let total = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      total = (await services.reports.index.index(ctx, q)).total;
      ms.push(performance.now() - t0);
    }
    if (label.includes('province')) record({ bench: 'reports', name: `service index ${label}, p50`, value: Math.round(pct(ms, 50)), unit: 'ms', detail: `${n0(count)} dossiers` });
    report.push(`service index ${label}: p50 ${n2(pct(ms, 50))} ms, p99 ${n2(pct(ms, 99))} ms (${runs} runs; ${n2(total)} points)`);
  };
  await timeIndex('year 2026, province', { ...year, unit: root.code! });
  await timeIndex('year 2026, one ward (H30.501)', { ...year, unit: 'H30.501' });

  // The leaders' dashboard: II.06a by unit, the index's dossier measures and the monthly trend.
  const timeDashboard = async (label: string, q: Parameters<typeof services.reports.dashboards.dashboard>[1]) => {
    await services.reports.dashboards.dashboard(ctx, q); // warm
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await services.reports.dashboards.dashboard(ctx, q);
      ms.push(performance.now() - t0);
    }
    if (label.includes('province')) record({ bench: 'reports', name: `dashboard ${label}, p50`, value: Math.round(pct(ms, 50)), unit: 'ms', detail: `${n0(count)} dossiers` });
    report.push(`dashboard ${label}: p50 ${n2(pct(ms, 50))} ms, p99 ${n2(pct(ms, 99))} ms (${runs} runs)`);
  };
  await timeDashboard('year 2026, province', { ...year, unit: root.code! });
  {
    // Its parts alone: the monthly trend's one query over the subtree.
    const ids = units.map((u) => u.id);
    const [start, end] = [new Date('2025-12-15T00:00:00+07:00'), new Date('2026-12-15T00:00:00+07:00')];
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await monthlyTrend(handle.db, start, end, ids);
      ms.push(performance.now() - t0);
    }
    report.push(`  of which the monthly trend alone: p50 ${n2(pct(ms, 50))} ms, p99 ${n2(pct(ms, 99))} ms`);
  }
  await timeDashboard('year 2026, one ward (H30.501)', { ...year, unit: 'H30.501' });

  if (!values['no-rebuild']) {
    const rebuilt = await services.reports.rebuild();
    report.push(`rebuild-read-models: ${n0(rebuilt.dossiers)} dossiers in ${n2(rebuilt.ms / 1000)} s`);
  }
  await handle.close();
} finally {
  // --keep: the database stays for EXPLAIN and for bench/http.ts (its URL is printed and written down).
  if (values.keep) {
    console.error(`kept: ${db.url}`);
    mkdirSync(dirname(KEPT_URL_FILE), { recursive: true });
    writeFileSync(KEPT_URL_FILE, db.url);
  }
  else await db.drop();
}
console.log(`\n${report.join('\n')}`);
