import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from '../../../test/support/tcp-proxy.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { TEST_DATABASE_URL, TEST_DB } from '../../../test/support/test-db.js';

// An outage of the PostgreSQL server (the embedded database cannot go away on its own), so this
// file runs in the PostgreSQL half of `npm test`.
describe.runIf(TEST_DB === 'postgresql')('PostgreSQL unavailable', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    const target = new URL(TEST_DATABASE_URL);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    t = await createTestApp({ connectThrough: { host: '127.0.0.1', port: proxy.port } });
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await proxy?.restore().catch(() => undefined);
    await t?.close();
    await proxy?.close();
  });

  it('answers 503 DATABASE_UNAVAILABLE at once on every kind of route, /health included, and recovers without a restart', async () => {
    expect((await t.request('GET', '/health')).statusCode).toBe(200);
    await proxy.cut();

    const started = Date.now();
    const health = await t.request('GET', '/health');
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: 'unavailable', error: 'DATABASE_UNAVAILABLE' });
    expect(health.headers['retry-after']).toBe('5');
    for (const [method, url, session, body] of [
      ['GET', '/api/v1/procedures?q=khai%20sinh', undefined, undefined],
      ['GET', '/api/v1/dossiers?queue=all_open', admin, undefined],
      ['POST', '/api/v1/auth/login', undefined, { username: 'admin', password: 'motcua' }],
    ] as const) {
      const res = await t.request(method, url, { session, body });
      expect(res.statusCode, `${method} ${url}`).toBe(503);
      expect(res.json().error).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: expect.stringContaining('cơ sở dữ liệu') });
    }
    // Fast: a refused connection is not waited on for the connect timeout.
    expect(Date.now() - started).toBeLessThan(2000);

    await proxy.restore();
    // The pool drops the broken connections and opens new ones; the same session still works.
    expect((await t.request('GET', '/health')).statusCode).toBe(200);
    const queue = await t.request('GET', '/api/v1/dossiers?queue=all_open', { session: admin });
    expect(queue.statusCode).toBe(200);
  });

  it('a server that accepts connections but never answers: 503 within the connect timeout, then recovery', async () => {
    proxy.blackhole();
    const started = Date.now();
    const res = await t.request('GET', '/api/v1/procedures?q=ho%20tich');
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('DATABASE_UNAVAILABLE');
    // The test database connects with a 2 s timeout (production: 5 s, see connection.ts).
    expect(Date.now() - started).toBeLessThan(4000);
    await proxy.restore();
    expect((await t.request('GET', '/api/v1/procedures?q=ho%20tich')).statusCode).toBe(200);
  });
});
