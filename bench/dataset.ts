/**
 * The historical dossiers the benchmarks read: the generator's file (bench/generate-dossiers.ts),
 * made once per size under bench/out/, imported through the real importer (read models included).
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import type { Services } from '../src/app.js';
import { importerFor } from '../src/modules/dossiers/import/index.js';
import type { DatabaseHandle } from '../src/platform/db/connection.js';
import { systemContext } from '../src/platform/http/context.js';
import { n0 } from './support.js';

/** Where `bench/reports.ts --keep` writes the URL of the database it leaves (read by bench/run.mjs). */
export const KEPT_URL_FILE = 'bench/out/reports-database.url';

/** The generated file for `count` dossiers, generated first if it is not there. */
export function dossierFile(count: number, file = `bench/out/dossiers-${count}.ndjson`): string {
  if (!existsSync(file)) {
    console.error(`generating ${file} …`);
    execFileSync(process.execPath, ['--import', 'tsx', 'bench/generate-dossiers.ts', '--count', String(count), '--out', file], { stdio: 'inherit' });
  }
  return file;
}

async function* lines(file: string): AsyncGenerator<string> {
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) yield line;
}

/** Imports the file into a seeded database, then what autovacuum would do soon after a bulk load. */
export async function importDossiers(handle: DatabaseHandle, services: Services, file: string) {
  const imported = await importerFor(services).importLines(systemContext('bench'), lines(file), {
    onProgress: (p) => process.stderr.write(`  … ${n0(p.lines)} lines, ${n0(p.dossiersPerMinute)} dossiers/min\n`),
  });
  // The counts rows were updated many times over; the planner needs the new sizes.
  for (const table of ['dossiers', 'dossier_events', 'report_dossier_facts', 'report_index_facts', 'report_counts_day', 'report_counts_half']) {
    await sql`vacuum analyze ${sql.table(table)}`.execute(handle.db);
  }
  return imported;
}
