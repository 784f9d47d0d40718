import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DataProtection } from '../../../platform/crypto/data-protection.js';
import type { App } from '../../../platform/http/types.js';
import { setCitizenCookies } from '../citizen-session.plugin.js';
import type { CitizenService } from '../citizens.service.js';
import { FLOW_COOKIE, FLOW_COOKIE_PATH, FLOW_MINUTES, openFlow, safeReturnTo, sealFlow } from './flow-cookie.js';
import { SIGN_IN_PAGE, SignInRefused } from './refusals.js';
import type { RelyingParty } from './relying-party.js';

/** `rp` is read per request: a test (or a future settings reload) may put another provider in place. */
type Deps = { rp: () => RelyingParty | undefined; citizens: CitizenService; keys: DataProtection; publicUrl: string };

const CALLBACK = '/api/v1/citizen/auth/callback';

/**
 * The browser's side of the e-ID sign-in: `start` sends it to the provider, `callback` takes it back.
 * Both answer redirects only: a refusal lands on the portal's sign-in page with its reason
 * (`?loi=CODE`), never on an error document, and is audited.
 */
export async function citizenAuthRoutes(app: App, { rp: currentRp, citizens, keys, publicUrl }: Deps): Promise<void> {
  const tags = ['citizen'];
  const secure = publicUrl.startsWith('https://');
  const canonicalHost = new URL(publicUrl).host;

  const refuse = async (req: FastifyRequest, err: SignInRefused) => {
    req.log.warn({ reason: err.code, detail: err.detail }, 'e-ID sign-in refused');
    await citizens.recordRefusedSignIn(req.ctx, err.code, err.detail, currentRp()?.issuer);
    return `${SIGN_IN_PAGE}?loi=${err.code}`;
  };

  app.get('/api/v1/citizen/auth/start', {
    schema: {
      tags, summary: 'Bắt đầu đăng nhập bằng định danh điện tử (chuyển đến nhà cung cấp) / start the e-ID sign-in (redirects to the provider)',
      querystring: z.object({ returnTo: z.string().optional(), canonical: z.literal('1').optional() }),
    },
  }, async (req, reply) => {
    const returnTo = safeReturnTo(req.query.returnTo);
    // The provider sends the browser back to the registered callback on the public address; a browser
    // that came in by another name (localhost vs the LAN address) would not carry the flow cookie
    // there, so it starts again on the public address first (once: `canonical` stops a loop).
    if (req.host !== canonicalHost && !req.query.canonical) {
      return reply.redirect(`${publicUrl}/api/v1/citizen/auth/start?returnTo=${encodeURIComponent(returnTo)}&canonical=1`, 302);
    }
    const rp = currentRp();
    try {
      if (!rp) throw new SignInRefused('OIDC_NOT_CONFIGURED');
      const { url, flow } = await rp.start(returnTo);
      reply.setCookie(FLOW_COOKIE, sealFlow(keys, flow), { path: FLOW_COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure, maxAge: FLOW_MINUTES * 60 });
      return reply.redirect(url, 302);
    } catch (err) {
      if (!(err instanceof SignInRefused)) throw err;
      return reply.redirect(await refuse(req, err), 302);
    }
  });

  app.get(CALLBACK, {
    schema: {
      tags, summary: 'Nhà cung cấp định danh trả về sau đăng nhập / the e-ID provider returns here after sign-in',
      querystring: z.object({
        code: z.string().max(2000).optional(), state: z.string().max(500).optional(), iss: z.string().max(500).optional(),
        error: z.string().max(200).optional(), error_description: z.string().max(1000).optional(), session_state: z.string().max(500).optional(),
      }),
    },
  }, async (req, reply) => {
    const flow = openFlow(keys, req.cookies[FLOW_COOKIE]);
    // One attempt, one callback: the flow cookie goes whatever happens next.
    reply.clearCookie(FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
    const rp = currentRp();
    try {
      if (!rp) throw new SignInRefused('OIDC_NOT_CONFIGURED');
      if (!flow) throw new SignInRefused('OIDC_STATE_MISMATCH', 'no sign-in started in this browser within the last 10 minutes');
      const query = new URLSearchParams(Object.entries(req.query).filter((e): e is [string, string] => typeof e[1] === 'string'));
      const { identity } = await rp.finish(query, flow);
      const { session } = await citizens.signIn(req.ctx, identity, req.headers['user-agent']?.slice(0, 500) ?? null, req.citizen?.token);
      setCitizenCookies(reply, session, secure);
      return reply.redirect(flow.returnTo, 302);
    } catch (err) {
      if (!(err instanceof SignInRefused)) throw err;
      return reply.redirect(await refuse(req, err), 302);
    }
  });
}
