/**
 * Deadline computations per second (issue 14 item 1): the due instant of a receipt by the demo
 * province calendar (office hours, weekends, the Labour Code holidays and the yearly notices), over
 * receipts spread through two years and the time limits procedures use.
 *
 *   npx tsx bench/deadlines.ts [--count 200000]
 *
 * Its baseline, in the same run: the same number of plain calendar-day additions (Date arithmetic),
 * the floor any deadline computation stands on.
 */
import { parseArgs } from 'node:util';
import { computeDueInstant, type DeadlineRequest } from '../src/modules/calendar/rules/index.js';
import { demoCalendar } from '../src/modules/dossiers/import/generator/demo-data.js';
import { ratioOf, record } from './results.js';
import { n0 } from './support.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '200000' } } });
const COUNT = Number(values.count);
const calendar = demoCalendar([2025, 2026, 2027]);

// Receipts at every quarter hour of 2025–2026 in turn, limits as procedures state them.
const limits: Pick<DeadlineRequest, 'amount' | 'unit' | 'cutoff'>[] = [
  { amount: 1, unit: 'working_days' }, { amount: 3, unit: 'working_days', cutoff: '15:00' }, { amount: 5, unit: 'working_days' },
  { amount: 15, unit: 'working_days' }, { amount: 30, unit: 'working_days' }, { amount: 8, unit: 'working_hours' }, { amount: 4, unit: 'working_hours' },
];
const start = Date.parse('2025-01-01T00:00:00+07:00');
const requests: DeadlineRequest[] = Array.from({ length: COUNT }, (_, i) => ({ from: new Date(start + ((i * 15 * 60_000) % (2 * 365 * 86_400_000))), ...limits[i % limits.length]! }));

for (let i = 0; i < Math.min(COUNT, 5_000); i++) computeDueInstant(requests[i]!, calendar); // warm-up
let sink = 0;
let t0 = performance.now();
for (const r of requests) sink += computeDueInstant(r, calendar);
const ms = performance.now() - t0;
t0 = performance.now();
for (const r of requests) sink += r.from.getTime() + r.amount * 86_400_000;
const baseMs = performance.now() - t0;

const perSecond = COUNT / (ms / 1000);
const basePerSecond = COUNT / (baseMs / 1000);
console.log(`deadlines: ${n0(COUNT)} due instants in ${ms.toFixed(0)} ms → ${n0(perSecond)} per second (one core); plain date additions ${n0(basePerSecond)}/s (checksum ${sink % 7})`);
record({ bench: 'deadlines', name: 'due instants computed per second (one core)', value: Math.round(perSecond), unit: '/s',
  baseline: { name: 'plain calendar-day additions', value: Math.round(basePerSecond) }, ratio: ratioOf(perSecond, basePerSecond), detail: `${n0(COUNT)} receipts over 2025–2026, ${limits.length} kinds of limit` });
