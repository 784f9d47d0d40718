/**
 * Writes a realistic historical dossier file (NDJSON, docs/IMPORT-DOSSIERS.md) for the demo province:
 *
 *   npx tsx bench/generate-dossiers.ts --count 300000 [--seed 1] [--end 2026-10-31] [--days 365]
 *                                      [--out bench/out/dossiers-300000.ndjson] [--no-plan]
 *
 * Receipts fall on working days of the window ending on --end (a year by default: ~300,000 is a
 * province's year); dossiers still open at --end 17:00 keep only the events before it. The same
 * arguments give the same file.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { calculatorFromCalendar, generateDossiers } from '../src/modules/dossiers/import/generator/index.js';
import { demoAccountStaff, demoCalendar, demoProcedures, demoUnits, demoWorkload } from '../src/modules/dossiers/import/generator/demo-data.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' }, end: { type: 'string', default: '2026-10-31' },
    days: { type: 'string', default: '365' }, out: { type: 'string' }, 'no-plan': { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
const days = Number(values.days);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(days) || days < 1 || !/^\d{4}-\d{2}-\d{2}$/.test(values.end!)) {
  console.error('usage: npx tsx bench/generate-dossiers.ts --count N [--seed S] [--end YYYY-MM-DD] [--days D] [--out FILE] [--no-plan]');
  process.exit(2);
}
const out = values.out ?? `bench/out/dossiers-${count}.ndjson`;
const end = new Date(`${values.end}T17:00:00+07:00`);
const from = new Date(`${new Date(end.getTime() - days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10)}T00:00:00+07:00`);
const year = end.getUTCFullYear();

export async function main(): Promise<void> {
  const t0 = performance.now();
  mkdirSync(dirname(out), { recursive: true });
  const stream = createWriteStream(out);
  const lines = generateDossiers({
    procedures: demoProcedures(values.end!), units: demoUnits(), staff: demoAccountStaff(), ...demoWorkload(demoUnits()),
    calc: calculatorFromCalendar(demoCalendar([year - 2, year - 1, year, year + 1])),
    from, to: end, now: end, count, seed: Number(values.seed), withPlan: !values['no-plan'],
  });
  let n = 0;
  let bytes = 0;
  for (const line of lines) {
    const text = `${JSON.stringify(line)}\n`;
    bytes += Buffer.byteLength(text);
    if (!stream.write(text)) await new Promise<void>((r) => stream.once('drain', () => r()));
    if (++n % 50_000 === 0) console.error(`… ${n} dossiers`);
  }
  await new Promise<void>((r) => stream.end(r));
  console.error(`${n} dossiers, ${(bytes / 1024 ** 2).toFixed(1)} MB → ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

await main();
