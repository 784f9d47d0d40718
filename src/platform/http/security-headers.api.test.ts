import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { App } from './types.js';
import { CSP_NONCE_PLACEHOLDER } from './web-app.js';

// Issue 10 item 12: the headers every answer carries, the page's CSP with its nonce, and the cookie
// flags — on a development (http) and a production (https) configuration over one database.
const dist = mkdtempSync(join(tmpdir(), 'motcua-web-dist-'));
writeFileSync(join(dist, 'index.html'), `<!doctype html><html><head><meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}">
<script type="module" src="/assets/index.js" nonce="${CSP_NONCE_PLACEHOLDER}"></script></head><body><div id="root"></div></body></html>`);
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'assets', 'index.js'), 'console.log(1);');

let database: TestDatabase;
let http: App;
let https: App;
beforeAll(async () => {
  database = await createTestDatabase();
  http = await buildApp({ config: database.config, database, services: database.services, logger: false, serveWeb: { dist } });
  const production = loadConfig({ ...process.env, DATABASE_URL: '', MOTCUA_ENV: 'production', MOTCUA_CHAIN_KEY: 'security-headers-test-key-0123456789abcdef', MOTCUA_DATA_KEY: 'q0C0tY7m0m2zXhBpQhS1g7u3A0l9Q2z1cJb3Yd5Xk8E=', MOTCUA_PUBLIC_URL: 'https://dichvucong.example.gov.vn', MOTCUA_DATA_DIR: database.config.dataDir });
  https = await buildApp({ config: production, database, services: database.services, logger: false, serveWeb: { dist } });
});
afterAll(async () => {
  await http?.close();
  await https?.close();
  await database?.close();
  rmSync(dist, { recursive: true, force: true });
});

function directives(res: LightMyRequestResponse): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(header.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

describe('security headers', () => {
  it('sends a strict CSP and the usual headers with every API answer', async () => {
    const res = await http.inject({ method: 'GET', url: '/api/v1/auth/me' });
    const csp = directives(res);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(String(res.headers['content-security-policy'])).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('sends HSTS only when the public address is https', async () => {
    expect((await http.inject({ method: 'GET', url: '/health' })).headers['strict-transport-security']).toBeUndefined();
    expect((await https.inject({ method: 'GET', url: '/health' })).headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('gives each page a fresh nonce, in the CSP and in the page, and no inline allowance', async () => {
    const pages = await Promise.all(['/', '/quan-tri/don-vi', '/index.html'].map((url) => http.inject({ method: 'GET', url })));
    const nonces = pages.map((page) => {
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      const csp = directives(page);
      const scriptNonce = csp.get('script-src')!.find((v) => v.startsWith("'nonce-"))!;
      expect(csp.get('script-src')).toEqual(["'self'", scriptNonce]);
      expect(csp.get('style-src')).toEqual(["'self'", scriptNonce]);
      expect(csp.get('script-src-attr')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(String(page.headers['content-security-policy'])).not.toContain('unsafe-');
      const nonce = scriptNonce.slice("'nonce-".length, -1);
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(page.body).not.toContain(CSP_NONCE_PLACEHOLDER);
      expect(page.body).toContain(`<meta property="csp-nonce" nonce="${nonce}">`);
      expect(page.body).toContain(`src="/assets/index.js" nonce="${nonce}"`);
      return nonce;
    });
    expect(new Set(nonces).size).toBe(3);
  });

  it('still serves the built files, cached for good, and nothing outside the build', async () => {
    const asset = await http.inject({ method: 'GET', url: '/assets/index.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
    expect((await http.inject({ method: 'GET', url: '/assets/../../package.json' })).body).not.toContain('"dependencies"');
    expect((await http.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
  });
});

describe('session cookies', () => {
  type Cookie = { name: string; httpOnly?: boolean; secure?: boolean; sameSite?: string; path?: string };
  const login = async (app: App) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'kiemtra', password: 'motcua' } });
    expect(res.statusCode).toBe(200);
    const cookies = res.cookies as Cookie[];
    return { sid: cookies.find((c) => c.name === 'motcua_sid')!, csrf: cookies.find((c) => c.name === 'motcua_csrf')! };
  };

  it('marks the session cookie HttpOnly and SameSite=Lax; the CSRF cookie is readable by the page', async () => {
    const { sid, csrf } = await login(http);
    expect(sid).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(csrf).toMatchObject({ sameSite: 'Lax', path: '/' });
    expect(csrf.httpOnly).toBeFalsy();
    expect(sid.secure).toBeFalsy();
  });

  it('marks both cookies Secure in production', async () => {
    const { sid, csrf } = await login(https);
    expect(sid).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });
    expect(csrf).toMatchObject({ secure: true, sameSite: 'Lax' });
  });
});
