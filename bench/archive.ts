/**
 * The archive of closed dossiers (issue 14 item 5, migration 0030): how fast closed dossiers move out
 * of the live tables, and what a year of history weighs.
 *
 *   npx tsx bench/archive.ts [--count 100000] [--batch 500]
 *
 * Imports the generator's file (bench/out/, reused when present; a year of dossiers ending 31/10/2026)
 * into a fresh PostgreSQL database seeded with the demo province, then measures:
 * - the history's size per partition and per dossier (the numbers the yearly partitions were chosen by);
 * - the archive run that moves every closed dossier (asked "in 2032" with the default five years), in
 *   dossiers and events per second, beside the baseline of the same server copying and deleting the
 *   same rows with plain statements (no trigger check, no batches, no audit) in one transaction.
 * The database is dropped at the end.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { systemContext } from '../src/platform/http/context.js';
import { importDossiers, dossierFile } from './dataset.js';
import { ratioOf, record } from './results.js';
import { benchConfig, freshPostgres, n0, openPostgres, seeded } from './support.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '100000' }, batch: { type: 'string', default: '500' } } });
const count = Number(values.count);
const batchSize = Number(values.batch);
const mb = (bytes: number) => Math.round(bytes / 104_857.6) / 10;

const db = await freshPostgres('motcua_bench_archive');
try {
  const handle = await openPostgres(db.url);
  const services = await seeded(handle, benchConfig());
  const imported = await importDossiers(handle, services, dossierFile(count));
  console.log(`imported ${n0(imported.imported)} dossiers, ${n0(imported.events)} events`);

  const sizes = (await sql<{ part: string; rows: string; bytes: string }>`
    select c.relname as part, (select count(*) from dossier_events e where e.tableoid = c.oid) as rows, pg_total_relation_size(c.oid) as bytes
    from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'dossier_events'::regclass order by 1`.execute(handle.db)).rows;
  const eventBytes = sizes.reduce((n, s) => n + Number(s.bytes), 0);
  for (const s of sizes) if (Number(s.rows)) console.log(`  ${s.part}: ${n0(Number(s.rows))} events, ${mb(Number(s.bytes))} MB`);
  const perDossier = eventBytes / imported.imported;
  console.log(`history: ${mb(eventBytes)} MB, ${(perDossier / 1024).toFixed(2)} kB a dossier with its indexes`);
  record({ bench: 'archive', name: 'dossier history per dossier (events + indexes)', value: Math.round(perDossier), unit: 'bytes', detail: `${n0(imported.imported)} dossiers, ${n0(imported.events)} events` });

  const closed = Number((await sql<{ n: string }>`select count(*) as n from dossiers where status in (3, 7, 8, 10)`.execute(handle.db)).rows[0]!.n);

  // Baseline: the same rows copied and deleted by plain statements in one transaction (tables without
  // triggers or foreign keys, made for the purpose and dropped).
  await sql`create table bench_d as select * from dossiers with no data`.execute(handle.db);
  await sql`create table bench_e as select * from dossier_events with no data`.execute(handle.db);
  await sql`insert into bench_d select * from dossiers where status in (3, 7, 8, 10)`.execute(handle.db);
  await sql`insert into bench_e select e.* from dossier_events e join bench_d d on d.id = e.dossier_id`.execute(handle.db);
  await sql`create table bench_e2 (like bench_e)`.execute(handle.db);
  await sql`create table bench_d2 (like bench_d)`.execute(handle.db);
  await sql`vacuum analyze bench_d`.execute(handle.db);
  await sql`vacuum analyze bench_e`.execute(handle.db);
  const b0 = performance.now();
  await handle.db.transaction().execute(async (trx) => {
    await sql`insert into bench_d2 select * from bench_d`.execute(trx);
    await sql`insert into bench_e2 select * from bench_e`.execute(trx);
    await sql`delete from bench_e`.execute(trx);
    await sql`delete from bench_d`.execute(trx);
  });
  const baselineMs = performance.now() - b0;
  const baselineRate = closed / (baselineMs / 1000);
  for (const t of ['bench_d', 'bench_e', 'bench_d2', 'bench_e2']) await sql`drop table ${sql.table(t)}`.execute(handle.db);

  const t0 = performance.now();
  const run = await services.archive.run(systemContext('bench'), { now: new Date('2032-01-01T01:30:00+07:00'), batchSize });
  const ms = performance.now() - t0;
  const rate = run.dossiers / (ms / 1000);
  console.log(`archive: ${n0(run.dossiers)} of ${n0(closed)} closed dossiers, ${n0(run.events)} events in ${n0(ms)} ms, ${run.batches} batches of ${batchSize}: ${n0(rate)} dossiers/s, ${n0(run.events / (ms / 1000))} events/s`);
  console.log(`baseline: the same rows copied and deleted by plain statements in one transaction: ${n0(baselineMs)} ms, ${n0(baselineRate)} dossiers/s`);
  record({
    bench: 'archive', name: `archive run, batches of ${batchSize}`, value: Math.round(rate), unit: 'dossiers/s',
    baseline: { name: 'plain copy + delete, one transaction', value: Math.round(baselineRate) }, ratio: ratioOf(rate, baselineRate),
    detail: `${n0(run.dossiers)} dossiers, ${n0(run.events)} events`,
  });
  const left = Number((await sql<{ n: string }>`select count(*) as n from dossiers`.execute(handle.db)).rows[0]!.n);
  console.log(`left in the live table: ${n0(left)} dossiers (open, or closed without a signed chain head)`);
  await handle.close();
} finally {
  await db.drop();
}
