import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER } from '../../platform/auth/auth.plugin.js';
import { errors } from '../../platform/http/app-error.js';
import type { App } from '../../platform/http/types.js';
import { citizenNotSignedIn, type CitizenService, type CitizenSession } from './citizens.service.js';

export const CITIZEN_SESSION_COOKIE = 'motcua_citizen_sid';
export const CITIZEN_CSRF_COOKIE = 'motcua_citizen_csrf';
/** Every citizen endpoint lives under this prefix, and a citizen cookie is read nowhere else. */
export const CITIZEN_API_PREFIX = '/api/v1/citizen/';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the citizen cookie into `req.citizen` and `req.ctx.citizen`, on citizen endpoints only:
 * a citizen session is never read on a staff endpoint (where it would be an anonymous caller), and
 * the staff session is never read on a citizen endpoint (platform/auth skips this prefix). Writes
 * need the double-submit CSRF header bound to the citizen session, as staff writes do.
 */
export function installCitizenSessions(app: App, citizens: CitizenService): void {
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith(CITIZEN_API_PREFIX)) return;
    const token = req.cookies[CITIZEN_SESSION_COOKIE];
    if (!token) return;
    const session = await citizens.resolveSession(token);
    if (!session) return;
    if (UNSAFE.has(req.method) && !(req.routeOptions.config as { csrfExempt?: boolean } | undefined)?.csrfExempt) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || sent !== session.csrfToken) throw errors.csrf();
    }
    req.citizen = { id: session.citizenId, token, csrfToken: session.csrfToken };
    req.ctx.citizen = { id: session.citizenId, fullName: session.fullName };
  });
}

/** The signed-in citizen, or 401 with a message that says how to sign in. */
export function requireCitizen(req: FastifyRequest): { id: number; token: string; csrfToken: string } {
  if (!req.citizen) throw citizenNotSignedIn();
  return req.citizen;
}

export function setCitizenCookies(reply: FastifyReply, session: CitizenSession, secure: boolean): void {
  const common = { path: '/', sameSite: 'lax' as const, secure, expires: session.expiresAt };
  reply.setCookie(CITIZEN_SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  // Readable by the web app on purpose: it echoes the value in the x-csrf-token header.
  reply.setCookie(CITIZEN_CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearCitizenCookies(reply: FastifyReply): void {
  reply.clearCookie(CITIZEN_SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CITIZEN_CSRF_COOKIE, { path: '/' });
}

declare module 'fastify' {
  interface FastifyRequest {
    citizen?: { id: number; token: string; csrfToken: string };
  }
}
