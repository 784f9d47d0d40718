import { intakeBody, request, type Answer, type Session } from './support.js';

export type IntakeLoad = {
  /** idempotency key → dossier code, for every intake the client saw answered 201. */
  acknowledged: Map<string, string>;
  /** Every key sent, answered or not. */
  sent: string[];
  statuses: Map<number, number>;
  /** Answers with a status ≥ 500 other than 503 (a database outage), with their bodies. */
  serverErrors: string[];
  latencies: number[];
  stop(): Promise<void>;
};

/**
 * Intakes at one desk from `workers` parallel loops, each waiting for its answer before sending the
 * next (so at most `workers` connections), until `stop()`. A loop that gets no connection at all
 * (the server is down) backs off 50 ms.
 */
export function runIntakeLoad(port: () => number, session: () => Session, workers: number, prefix: string, extra: () => Record<string, unknown> = () => ({}), onAnswer?: (res: Answer) => void): IntakeLoad {
  const load: Omit<IntakeLoad, 'stop'> = { acknowledged: new Map(), sent: [], statuses: new Map(), serverErrors: [], latencies: [] };
  let running = true;
  let n = 0;
  const loops = Array.from({ length: workers }, async () => {
    while (running) {
      const key = `${prefix}-${process.pid}-${++n}`;
      load.sent.push(key);
      const res = await request(port(), 'POST', '/api/v1/dossiers', { body: intakeBody(key, extra()), session: session() });
      onAnswer?.(res);
      load.statuses.set(res.status, (load.statuses.get(res.status) ?? 0) + 1);
      if (res.status === 201) {
        load.acknowledged.set(key, res.json.code);
        load.latencies.push(res.ms);
      } else if (res.status >= 500 && res.status !== 503) {
        load.serverErrors.push(`${res.status} ${JSON.stringify(res.json).slice(0, 300)}`);
      } else if (res.status === 0) {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  });
  return {
    ...load,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

export const statusLine = (m: Map<number, number>) => [...m.entries()].sort((a, b) => a[0] - b[0]).map(([s, c]) => `${s === 0 ? 'no connection' : s}: ${c}`).join(', ');
