import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider, { type Configuration } from 'oidc-provider';
import { DEFAULT_CLAIM_MAPPING } from '../oidc/claims.js';
import type { DemoCitizens } from './demo-citizens.js';
import { logoutPage, messagePage } from './demo-eid.pages.js';

export type DemoEidClient = { clientId: string; clientSecret: string; redirectUri: string; postLogoutRedirectUri: string };

export type DemoEidProviderOptions = {
  issuer: string;
  client: DemoEidClient;
  people: DemoCitizens;
  /** Seconds an ID token is valid (oidc-provider's default is an hour). */
  idTokenTtl?: number;
};

/**
 * A real OpenID provider (oidc-provider) standing in for VNeID in the demo and the tests: one
 * registered client (the portal), PKCE required, ID tokens signed ES256 with a key made at start
 * (a restart makes a new one; the portal re-reads the JWKS when it meets an unknown key id), the
 * claims under the names the portal maps by default. Sign-in pages are ours (demo-eid.server.ts).
 */
export function createDemoEidProvider({ issuer, client, people, idTokenTtl = 3600 }: DemoEidProviderOptions): Provider {
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  const bySubject = new Map(people.citizens.map((c) => [c.subject, c]));
  const c = DEFAULT_CLAIM_MAPPING;

  const configuration: Configuration = {
    clients: [{
      client_id: client.clientId,
      client_secret: client.clientSecret,
      client_name: 'Cổng dịch vụ công (motcua)',
      redirect_uris: [client.redirectUri],
      post_logout_redirect_uris: [client.postLogoutRedirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'ES256',
    }],
    pkce: { required: () => true },
    jwks: { keys: [{ ...key, kid: `demo-${randomBytes(6).toString('hex')}`, alg: 'ES256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: {
      openid: ['sub'],
      profile: [c.fullName, c.birthDate, c.idNumber],
      email: [c.email],
      phone: [c.phone],
      address: [c.address],
    },
    // Claims go into the ID token as well as userinfo, as VNeID-style providers commonly do; the
    // portal reads both (ID token first).
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub) {
      const person = bySubject.get(sub);
      if (!person) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            [c.fullName]: person.fullName,
            [c.idNumber]: person.idNumber,
            [c.birthDate]: person.birthDate,
            ...(person.phone ? { [c.phone]: person.phone } : {}),
            ...(person.email ? { [c.email]: person.email } : {}),
            ...(person.address ? { [c.address]: { formatted: person.address } } : {}),
          };
        },
      };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        async postLogoutSuccessSource(ctx) {
          ctx.type = 'html';
          ctx.body = messagePage('Đã đăng xuất', 'Bạn đã đăng xuất khỏi cổng định danh điện tử (mô phỏng). / You are signed out.');
        },
      },
    },
    ttl: { IdToken: idTokenTtl, AccessToken: 600, AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600 },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = messagePage('Có lỗi khi đăng nhập', `${String(out.error_description ?? out.error)} (${String(out.error)})`);
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.proxy = false;
  return provider;
}
