import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { installSecurityHeaders } from './security-headers.js';
import type { App } from './types.js';

/**
 * Cross-cutting HTTP plugins: security headers, cookies, uploads, rate limits, OpenAPI. `hsts` only
 * when the public address is https: a browser ignores HSTS over http, and a demo on a laptop must not
 * be pinned to https by accident.
 */
export async function installServerPlugins(app: App, version: string, opts: { hsts: boolean } = { hsts: false }): Promise<void> {
  // The default for every response (API, files, the OpenAPI page); index.html gets its own with a
  // per-page nonce (web-app.ts). No 'unsafe-inline' anywhere. Computed once, set on each response.
  installSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: opts.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 5, fields: 20 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'motcua API', description: 'API một cửa và cải cách hành chính / one-stop shop and administrative reform API', version },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'motcua_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (req, reply) => {
    const lang = (req.headers['accept-language'] ?? '').toLowerCase().startsWith('en') ? 'en' : 'vi';
    req.ctx = { requestId: req.id, ip: req.ip ?? null, actor: null, locale: lang };
    reply.header('x-request-id', req.id);
  });
}

/** Honour a caller's request id (from a proxy) when it looks sane, else make one. */
export function requestId(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._-]{8,100}$/.test(value) ? value : randomUUID();
}
