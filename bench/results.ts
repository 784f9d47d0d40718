/**
 * The figures a benchmark reports to `npm run bench` (bench/run.mjs). Each script still prints its
 * own detailed lines; what it `record`s is appended, one JSON object per line, to the file named by
 * BENCH_RESULTS, from which run.mjs prints the one table and writes bench/results/<date>-<commit>.json.
 */
import { appendFileSync } from 'node:fs';

export type Figure = {
  /** The script, e.g. "http". */
  bench: string;
  /** What was measured, in words a reader of the table understands. */
  name: string;
  value: number;
  unit: string;
  /** The same kind of figure for the baseline measured in the same run, and what that baseline is. */
  baseline?: { name: string; value: number };
  /** value ÷ baseline (or baseline ÷ value for latencies, so that higher is always better). */
  ratio?: number;
  /** The target, in words ("≥ 0.3 × /health", "p99 < 50 ms") and whether this run met it. */
  target?: { text: string; met: boolean };
  /** Anything the reader needs to compare runs: connections, seconds, data size. */
  detail?: string;
};

export function record(figure: Figure): void {
  const file = process.env.BENCH_RESULTS;
  if (file) appendFileSync(file, `${JSON.stringify(figure)}\n`);
}

/** value ÷ baseline, two decimals. */
export const ratioOf = (value: number, baseline: number) => Math.round((value / baseline) * 100) / 100;
