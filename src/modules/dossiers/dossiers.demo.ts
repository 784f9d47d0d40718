import type { Services } from '../../app.js';
import { systemContext } from '../../platform/http/context.js';
import { staffByBadge } from './import/batch-writer.js';
import { demoAccountStaff, demoProcedures, demoWorkload } from './import/generator/demo-data.js';
import { generateDossiers, type GeneratedLine, type GenStaff, type GenUnit } from './import/generator/index.js';
import { createPlanner } from './import/generator/planner.js';
import { queueWork } from './import/generator/queue-work.js';
import { importerFor, type ImportDossiersResult } from './import/index.js';
import { vnDay } from './rules/statuses.js';
import { renderPdf } from '../../platform/documents/index.js';

/**
 * How many dossiers the demo database starts with: about 35 a working day over four months, enough
 * for full queues, overdue work and a season of statistics, while the first `npm start` on the
 * embedded database stays fast (see bench/README.md for the measured seeding time).
 */
export const DEMO_DOSSIER_COUNT = 3000;
const DEMO_DAYS = 120;

/**
 * Generated dossiers of the last four months across the demo catalogue and units, in every state —
 * finished on time and late, open within and past their deadline, waiting for a supplement or a
 * payment — worked by the demo staff, loaded through the historical import like any province's
 * history. Then, whatever day `now` is, a few recent dossiers waiting for each demo account at a
 * step it holds or can take (`queueWork`): every account that signs in finds work, by construction.
 */
export async function seedDemoDossiers(services: Services, now: Date, count = DEMO_DOSSIER_COUNT): Promise<ImportDossiersResult> {
  const units = await services.org.allUnits();
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  const genUnits: GenUnit[] = units.filter((u) => u.code).map((u) => ({
    code: u.code!, name: u.name, kind: u.kind, ...(u.parentId && codeOf.get(u.parentId) ? { parentCode: codeOf.get(u.parentId)! } : {}), ...(u.function ? { function: u.function } : {}),
  }));
  const accounts = demoAccountStaff();
  const badges = new Set(accounts.map((a) => a.badge));
  // The people with demo accounts do most of their unit's work, so whoever signs in finds a full queue.
  const staff: GenStaff[] = [...(await staffByBadge(services.db))].flatMap(([badge, s]) => (codeOf.get(s.unitId) ? [{ badge, name: s.fullName, unitCode: codeOf.get(s.unitId)!, weight: badges.has(badge) ? 6 : 1 }] : []));
  const procedures = demoProcedures(vnDay(now));
  const calc = await services.calendar.deadlines.calculator();
  // One stored sample scan, given with the documents of the digitised dossiers (every online one and
  // about 60 % at the desk), so digitisation figures and the scans' download are real in the demo.
  const scanKey = await services.files.put(await renderPdf({
    info: { title: 'Bản sao điện tử giấy tờ (dữ liệu mẫu)' },
    content: [
      { text: 'BẢN SAO ĐIỆN TỬ GIẤY TỜ CỦA HỒ SƠ', bold: true, alignment: 'center', margin: [0, 24, 0, 8] },
      { text: '(Dữ liệu mẫu của bản trình diễn — không có giá trị pháp lý.)', italics: true, alignment: 'center' },
    ],
  }));
  const history = generateDossiers({
    scan: { key: scanKey, fileName: 'ban-sao-dien-tu.pdf', share: 0.6 },
    procedures, units: genUnits, staff, calc, accounts,
    // Spread over the 38 communes by population (Tân Phong and Đoàn Kết, whose desks have demo
    // accounts, get more), each commune and department with its own share of late results.
    from: new Date(now.getTime() - DEMO_DAYS * 86_400_000), to: now, now, count, seed: 2026, ...demoWorkload(genUnits),
  });
  // The last number of each desk's day in the history, so the recent work's codes follow on.
  const sequences = new Map<string, number>();
  function* all(): Generator<GeneratedLine> {
    for (const line of history) {
      const [, desk, day, seq] = /^(.*)-(\d{6})-(\d+)$/.exec(line.code)!;
      sequences.set(`${desk}|${day}`, Math.max(sequences.get(`${desk}|${day}`) ?? 0, Number(seq)));
      yield line;
    }
    yield* queueWork({ procedures, planner: createPlanner(genUnits), staff, accounts, calc, now, sequences });
  }
  async function* text(): AsyncGenerator<string> {
    for (const line of all()) yield JSON.stringify(line);
  }
  return importerFor(services).importLines(systemContext('demo-seed'), text(), { chunkSize: 500 });
}
