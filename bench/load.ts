/**
 * One autocannon run in its own process (so the load generator never shares a CPU's event loop with
 * what it measures' client side): `node --import tsx bench/load.ts '<json>'` prints one JSON line.
 *
 * The JSON: { url, paths, connections, seconds, headers? } — requests cycle through `paths`, so a
 * run reads many different dossiers instead of one cached row.
 */
import autocannon from 'autocannon';

export type LoadSpec = { url: string; paths: string[]; connections: number; seconds: number; headers?: Record<string, string> };
export type LoadResult = { rps: number; p50: number; p99: number; requests: number; non2xx: number; errors: number; timeouts: number };

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
let next = 0;
const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.seconds,
  headers: spec.headers,
  requests: [{ setupRequest: (req) => ({ ...req, path: spec.paths[next++ % spec.paths.length]! }) }],
});
const out: LoadResult = {
  rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99,
  requests: result.requests.total, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts,
};
console.log(JSON.stringify(out));
