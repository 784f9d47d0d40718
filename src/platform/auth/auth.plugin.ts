import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../http/app-error.js';
import type { App } from '../http/types.js';
import type { AuthService, SessionInfo } from './auth.service.js';

export const SESSION_COOKIE = 'motcua_sid';
export const CSRF_COOKIE = 'motcua_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Signing in has no session yet; SameSite=Lax on the session cookie covers login CSRF.
const CSRF_EXEMPT = new Set(['/api/v1/auth/login']);

/**
 * Resolves the session cookie into `req.ctx.actor` and enforces the double-submit CSRF check on
 * every cookie-authenticated write: the header must repeat the token bound to the session.
 */
export function installAuth(app: App, auth: AuthService, secureCookies: boolean): void {
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    // Citizen endpoints know only citizen sessions (modules/citizens): a staff cookie in the same
    // browser neither authorises nor blocks them.
    if (!token || !req.url.startsWith('/api/') || req.url.startsWith('/api/v1/citizen/')) return;
    const session = await auth.resolveSession(token);
    if (!session) return;
    if (UNSAFE.has(req.method) && !CSRF_EXEMPT.has(req.routeOptions.url ?? '')) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || sent !== session.csrfToken) throw errors.csrf();
    }
    req.ctx.actor = session.actor;
    req.session = { token, csrfToken: session.csrfToken, mustChangePassword: session.mustChangePassword };
  });
  app.decorate('secureCookies', secureCookies);
}

export function setSessionCookies(reply: FastifyReply, session: SessionInfo, secure: boolean): void {
  const common = { path: '/', sameSite: 'lax' as const, secure, expires: session.expiresAt };
  reply.setCookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  // Readable by the web app on purpose: it echoes the value in the x-csrf-token header.
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

export function requireSession(req: FastifyRequest): { token: string; csrfToken: string; mustChangePassword: boolean } {
  if (!req.session || !req.ctx.actor) throw errors.unauthenticated();
  return req.session;
}

declare module 'fastify' {
  interface FastifyRequest {
    session?: { token: string; csrfToken: string; mustChangePassword: boolean };
  }
  interface FastifyInstance {
    secureCookies: boolean;
  }
}
