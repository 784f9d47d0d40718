import { z } from 'zod';
import type { Actor } from '../access/policy.js';
import type { App } from '../http/types.js';
import { loginBody, passwordBody, userSchema, type UserView } from './auth.schema.js';
import { clearSessionCookies, requireSession, setSessionCookies, SESSION_COOKIE } from './auth.plugin.js';
import type { AuthService } from './auth.service.js';

export function presentUser(actor: Actor, mustChangePassword: boolean): UserView {
  return {
    id: actor.accountId,
    staffId: actor.staffId,
    username: actor.username,
    fullName: actor.fullName,
    unit: { id: actor.unitId, name: actor.unitName },
    roles: actor.grants.map((g) => ({ role: g.role, unitId: g.unitId, unitName: g.unitName })),
    permissions: [...actor.reach.keys()],
    mustChangePassword,
  };
}

export async function authRoutes(app: App, auth: AuthService, loginRatePerMinute: number): Promise<void> {
  app.post('/api/v1/auth/login', {
    schema: { tags: ['auth'], summary: 'Đăng nhập / sign in', body: loginBody, response: { 200: z.object({ user: userSchema }) } },
    config: { rateLimit: { max: loginRatePerMinute, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const { session, actor } = await auth.login(req.ctx, req.body.username, req.body.password, req.headers['user-agent'] ?? null, req.cookies[SESSION_COOKIE]);
    setSessionCookies(reply, session, app.secureCookies);
    const resolved = await auth.resolveSession(session.token);
    return reply.send({ user: presentUser(actor, resolved?.mustChangePassword ?? false) });
  });

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: 'Đăng xuất / sign out' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token && req.ctx.actor) await auth.logout(req.ctx, token);
    clearSessionCookies(reply);
    return reply.status(204).send();
  });

  app.get('/api/v1/auth/me', { schema: { tags: ['auth'], summary: 'Người dùng hiện tại / current user' } }, async (req) => {
    const session = requireSession(req);
    return { user: presentUser(req.ctx.actor!, session.mustChangePassword) };
  });

  app.post('/api/v1/auth/staff/:staffId/revoke-sessions', {
    schema: {
      tags: ['auth'], summary: 'Buộc đăng xuất mọi phiên của cán bộ / end all sessions of a staff member',
      params: z.strictObject({ staffId: z.coerce.number().int().min(1).max(2_147_483_647) }),
      response: { 200: z.object({ ended: z.number() }) },
    },
  }, async (req) => auth.revokeSessions(req.ctx, req.params.staffId));

  app.post('/api/v1/auth/password', {
    schema: { tags: ['auth'], summary: 'Đổi mật khẩu / change password', body: passwordBody },
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const session = requireSession(req);
    await auth.changePassword(req.ctx, session.token, req.body.currentPassword, req.body.newPassword);
    return reply.status(204).send();
  });
}
