import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroyAgent, freshDemoDatabase, login, startServer, type FreshDatabase, type Server } from '../../test/resilience/support.js';

// Issue 14 item 3: on PostgreSQL the server runs WEB_CONCURRENCY processes sharing one port.
let db: FreshDatabase;
let server: Server;
beforeAll(async () => {
  db = await freshDemoDatabase('cluster');
  server = await startServer({ databaseUrl: db.url, dataDir: db.dataDir, env: { WEB_CONCURRENCY: '2', MOTCUA_DEMO: 'off' } });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await destroyAgent();
  await db?.drop();
});

describe('several processes on one port', () => {
  it('answers from both workers, and a session made on one is good on the other', async () => {
    const workers = new Set<number>();
    // Fresh connections: the primary hands each new connection to the next worker.
    for (let i = 0; i < 12; i++) {
      const r = await fetch(`http://127.0.0.1:${server.port}/health`, { headers: { connection: 'close' } });
      expect(r.status).toBe(200);
      workers.add((await r.json()).worker);
    }
    expect([...workers].sort()).toEqual([1, 2]);
    const session = await login(server.port, 'motcua.tanphong');
    for (let i = 0; i < 6; i++) {
      const me = await fetch(`http://127.0.0.1:${server.port}/api/v1/auth/me`, { headers: { connection: 'close', cookie: session.cookie } });
      expect(me.status).toBe(200);
      expect((await me.json()).user.username).toBe('motcua.tanphong');
    }
    expect(server.stderr.filter((l) => /error/i.test(l))).toEqual([]);
  });

  it('replaces a worker that dies, and the port keeps answering meanwhile', async () => {
    const children = () => readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    const before = children();
    expect(before).toHaveLength(2);
    process.kill(before[0]!, 'SIGKILL');
    // Until the primary has seen the exit, it may still hand a new connection to the dead worker
    // (node:cluster's round robin); from then on the survivor serves every connection.
    for (let i = 0; i < 50 && children().includes(before[0]!); i++) await sleep(100);
    const seen = new Set<number>();
    for (let i = 0; i < 150 && !seen.has(3); i++) {
      const r = await fetch(`http://127.0.0.1:${server.port}/health`, { headers: { connection: 'close' }, signal: AbortSignal.timeout(5_000) });
      expect(r.status).toBe(200);
      seen.add((await r.json()).worker);
      await sleep(200);
    }
    const after = children();
    expect(after).toHaveLength(2);
    expect(after).not.toContain(before[0]);
    expect(after).toContain(before[1]);
    // The new worker has a new id (3) and serves: both live workers answered.
    expect(seen.has(3)).toBe(true);
    expect(server.stderr.some((l) => /worker \d+ exited \(SIGKILL\); starting another/.test(l))).toBe(true);
  }, 60_000);
});
