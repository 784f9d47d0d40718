import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import Fastify from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { describe, expect, it } from 'vitest';
import { installSecurityHeaders, securityHeaders } from './security-headers.js';
import type { App } from './types.js';

const OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], objectSrc: ["'none'"], upgradeInsecureRequests: null } },
  crossOriginEmbedderPolicy: false,
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
};

/** What helmet itself leaves on a real response, as the per-request plugin did. */
function helmetOnARealResponse(options: HelmetOptions): Record<string, unknown> {
  const req = new IncomingMessage(new Socket());
  const res = new ServerResponse(req);
  res.setHeader('X-Powered-By', 'something');
  helmet(options)(req, res, (err?: unknown) => { if (err) throw err; });
  return res.getHeaders();
}

describe('security headers computed once', () => {
  it('are exactly the headers helmet sets on a response, X-Powered-By removed', () => {
    const { set, removed } = securityHeaders(OPTIONS);
    const expected = helmetOnARealResponse(OPTIONS);
    expect(Object.fromEntries(set.map(([name, value]) => [name.toLowerCase(), value]))).toEqual(expected);
    expect(expected['content-security-policy']).toBe("default-src 'self';script-src 'self';object-src 'none'");
    expect(expected['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(removed).toContain('x-powered-by');
  });

  it('refuses a CSP directive that depends on the request (a nonce cannot be computed once)', () => {
    expect(() => securityHeaders({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", () => "'nonce-abc'"] } } }))
      .toThrow(/scriptSrc depends on the request/);
  });

  it('puts them on every answer: a route, an unknown path and an error', async () => {
    const app = Fastify() as unknown as App;
    installSecurityHeaders(app, OPTIONS);
    app.get('/ok', async () => ({ ok: true }));
    app.get('/boom', async () => { throw new Error('boom'); });
    const expected = helmetOnARealResponse(OPTIONS);
    for (const [url, status] of [['/ok', 200], ['/missing', 404], ['/boom', 500]] as const) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(status);
      for (const [name, value] of Object.entries(expected)) expect(res.headers[name], `${url} ${name}`).toBe(value);
    }
    await app.close();
  });
});
