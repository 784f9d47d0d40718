import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { App } from './types.js';

const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** What the web build writes where each page's nonce goes (web/vite.config.ts, `html.cspNonce`). */
export const CSP_NONCE_PLACEHOLDER = '__MOTCUA_CSP_NONCE__';

/**
 * The page's Content-Security-Policy (ASVS 14.4.3): scripts and style elements only from this
 * origin or carrying this response's nonce — no 'unsafe-inline', so injected markup cannot run or
 * restyle anything. Ant Design writes its styles at run time; it is given the nonce (read by the web
 * app from `<meta property="csp-nonce">`, as Vite also does for the chunks it loads). Style *attributes*
 * set by React go through the CSSOM, which CSP does not restrict.
 */
export function pageCsp(nonce: string): string {
  return [
    "default-src 'self'",
    "base-uri 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "script-src-attr 'none'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Serves the built React app; every non-API path that is not a file gets index.html so the
 * browser router can handle deep links like /quan-tri/don-vi. index.html is sent with a fresh nonce
 * in its CSP header and in the page itself, so it is never cached by the browser.
 */
export async function installWebApp(app: App, dist: string = WEB_DIST): Promise<boolean> {
  const root = dist.endsWith('/') ? dist : `${dist}/`;
  if (!existsSync(root + 'index.html')) {
    app.log.warn('web/dist is missing: run `npm run build:web` (npm install does it) to serve the web app');
    return false;
  }
  const template = readFileSync(root + 'index.html', 'utf8');
  // serve: false — every path comes through the route below, so index.html is never sent as a raw file.
  await app.register(fastifyStatic, { root, serve: false, index: false });
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const path = req.url.split('?')[0]!;
    if (path.startsWith('/api/') || path === '/health') return reply.callNotFound();
    if (/\.[a-z0-9]{2,5}$/i.test(path) && path !== '/index.html') {
      return reply.sendFile(path.slice(1), { maxAge: path.startsWith('/assets/') ? 31_536_000_000 : 3_600_000, immutable: path.startsWith('/assets/') });
    }
    const nonce = randomBytes(16).toString('base64');
    return reply
      .header('cache-control', 'no-store')
      .header('content-security-policy', pageCsp(nonce))
      .type('text/html; charset=utf-8')
      .send(template.replaceAll(CSP_NONCE_PLACEHOLDER, nonce));
  });
  return true;
}
