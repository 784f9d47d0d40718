import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { ProviderBrowser } from '../../../../test/support/oidc-browser.js';
import { startTamperingProxy } from '../../../../test/support/tampering-proxy.js';
import type { OidcSettings } from '../../../config.js';
import { loadDemoCitizens } from '../demo-eid/demo-citizens.js';
import { startDemoEid, type DemoEid } from '../demo-eid/demo-eid.server.js';
import { FLOW_COOKIE } from './flow-cookie.js';
import { createRelyingParty } from './relying-party.js';

// The portal (inject, same pipeline) against the local e-ID provider on a real port: discovery,
// JWKS, token and userinfo requests are real HTTP, and the "browser" signs in on the provider's page.
const PUBLIC = 'http://127.0.0.1:39999';
const HOST = { host: '127.0.0.1:39999' };
const CALLBACK = `${PUBLIC}/api/v1/citizen/auth/callback`;
const people = loadDemoCitizens();
const mai = people.citizens[0]!;

describe('e-ID sign-in (OpenID Connect) against the local provider', () => {
  let t: TestApp;
  let eid: DemoEid;
  const rpFor = (settings: OidcSettings, clockSkewSeconds?: number) => createRelyingParty({ ...settings, redirectUri: CALLBACK, allowHttp: true, clockSkewSeconds });

  beforeAll(async () => {
    eid = await startDemoEid({ env: 'test', publicUrl: PUBLIC, host: '127.0.0.1', port: 0, people });
    t = await createTestApp({ env: { MOTCUA_PUBLIC_URL: PUBLIC } });
    t.services.citizenAuth = rpFor(eid.settings);
  });
  afterAll(async () => {
    await t?.close();
    await eid?.close();
  });

  /** GET /auth/start as a browser would: the provider's URL and this browser's flow cookie. */
  async function start(returnTo = '/cong-dan/tai-khoan') {
    const res = await t.request('GET', `/api/v1/citizen/auth/start?returnTo=${encodeURIComponent(returnTo)}`, { headers: HOST });
    expect(res.statusCode).toBe(302);
    const flow = (res.cookies as { name: string; value: string; path?: string; httpOnly?: boolean }[]).find((c) => c.name === FLOW_COOKIE);
    return { location: res.headers.location as string, flow: flow?.value ?? '', flowCookie: flow };
  }
  const callback = (url: string, flow: string) =>
    t.request('GET', new URL(url).pathname + new URL(url).search, { headers: { ...HOST, cookie: `${FLOW_COOKIE}=${flow}` } });
  const sessionCookie = (res: { cookies: unknown }) => (res.cookies as { name: string; value: string }[]).find((c) => c.name === 'motcua_citizen_sid' && c.value);
  const refusals = async (reason: string) => (await t.db.selectFrom('audit_events').select('summary').where('action', '=', 'citizen.sign_in_refused').execute())
    .filter((e) => JSON.stringify(e.summary).includes(reason)).length;

  it('signs in: PKCE, state and nonce go to the provider; the citizen is created from the mapped claims', async () => {
    const { location, flow, flowCookie } = await start('/cong-dan/tai-khoan?tab=1');
    const auth = new URL(location);
    expect(auth.origin).toBe(eid.issuer);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(auth.searchParams.get('state')).toBeTruthy();
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    expect(flowCookie).toMatchObject({ httpOnly: true, path: '/api/v1/citizen/auth/' });
    expect(flow).not.toContain(auth.searchParams.get('state')!); // sealed, not readable

    const back = await new ProviderBrowser(CALLBACK).signIn(location, mai.username, people.password);
    const res = await callback(back, flow);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/cong-dan/tai-khoan?tab=1');
    const sid = sessionCookie(res)!;
    const csrf = (res.cookies as { name: string; value: string }[]).find((c) => c.name === 'motcua_citizen_csrf')!;
    const me = await t.request('GET', '/api/v1/citizen/me', { session: { cookie: `motcua_citizen_sid=${sid.value}`, csrf: csrf.value } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      fullName: mai.fullName, idNumber: mai.idNumber, birthDate: mai.birthDate, phone: mai.phone, email: mai.email, address: mai.address, issuer: eid.issuer,
    });
    const row = await t.db.selectFrom('citizens').select(['subject', 'id_number']).where('issuer', '=', eid.issuer).where('subject', '=', mai.subject).executeTakeFirstOrThrow();
    expect(row.id_number).not.toContain(mai.idNumber);
  });

  it('takes the browser back only to a path of this site: another origin becomes /', async () => {
    for (const evil of ['https://evil.example/x', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
      const { location, flow } = await start(evil);
      const back = await new ProviderBrowser(CALLBACK).signIn(location, mai.username, people.password);
      const res = await callback(back, flow);
      expect(res.headers.location, evil).toBe('/');
      expect(sessionCookie(res)).toBeTruthy();
    }
  });

  it('refuses a callback whose state is not the one this browser started, or with no attempt started', async () => {
    const before = await refusals('OIDC_STATE_MISMATCH');
    const { location, flow } = await start();
    const back = new URL(await new ProviderBrowser(CALLBACK).signIn(location, mai.username, people.password));
    back.searchParams.set('state', 'x'.repeat(43));
    const wrong = await callback(back.href, flow);
    expect(wrong.statusCode).toBe(302);
    expect(wrong.headers.location).toBe('/cong-dan/dang-nhap?loi=OIDC_STATE_MISMATCH');
    expect(sessionCookie(wrong)).toBeUndefined();
    // Another browser (no flow cookie, or a forged one) bringing a valid code and state gets nothing.
    const other = await t.request('GET', new URL(back).pathname + new URL(back).search, { headers: HOST });
    expect(other.headers.location).toBe('/cong-dan/dang-nhap?loi=OIDC_STATE_MISMATCH');
    const forged = await t.request('GET', '/api/v1/citizen/auth/callback?code=x&state=y', { headers: { ...HOST, cookie: `${FLOW_COOKIE}=${encodeURIComponent(JSON.stringify({ state: 'y' }))}` } });
    expect(forged.headers.location).toBe('/cong-dan/dang-nhap?loi=OIDC_STATE_MISMATCH');
    expect(await refusals('OIDC_STATE_MISMATCH')).toBe(before + 3);
  });

  it('refuses a replayed code: the provider rejects its second use and nobody is signed in', async () => {
    const { location, flow } = await start();
    const back = await new ProviderBrowser(CALLBACK).signIn(location, mai.username, people.password);
    expect(sessionCookie(await callback(back, flow))).toBeTruthy();
    const replay = await callback(back, flow); // the same request again, flow cookie included
    expect(replay.headers.location).toBe('/cong-dan/dang-nhap?loi=OIDC_CODE_REJECTED');
    expect(sessionCookie(replay)).toBeUndefined();
  });

  it('refuses when the citizen cancels at the provider', async () => {
    const { location, flow } = await start();
    const back = await new ProviderBrowser(CALLBACK).cancel(location);
    expect(new URL(back).searchParams.get('error')).toBe('access_denied');
    const res = await callback(back, flow);
    expect(res.headers.location).toBe('/cong-dan/dang-nhap?loi=OIDC_CANCELLED');
  });

  it('refuses an expired ID token (the portal\'s clock two hours past the provider\'s one-hour tokens)', async () => {
    // The ID token's exp is checked against this server's clock; moving that clock (openid-client's
    // clockSkew) ahead of the token's lifetime is what a token presented late looks like.
    const saved = t.services.citizenAuth;
    t.services.citizenAuth = rpFor(eid.settings, 2 * 3600);
    try {
      const { location, flow } = await start();
      const back = await new ProviderBrowser(CALLBACK).signIn(location, mai.username, people.password);
      const res = await callback(back, flow);
      expect(res.headers.location).toBe('/cong-dan/dang-nhap?loi=OIDC_TOKEN_EXPIRED');
      expect(sessionCookie(res)).toBeUndefined();
    } finally {
      t.services.citizenAuth = saved;
    }
  });

  it('refuses an ID token signed with another key (a tampering proxy between portal and provider)', async () => {
    const proxy = await startTamperingProxy();
    const behind = await startDemoEid({ env: 'test', publicUrl: PUBLIC, host: '127.0.0.1', port: 0, people, issuer: () => proxy.url });
    proxy.setTarget(`http://127.0.0.1:${behind.port}`);
    const saved = t.services.citizenAuth;
    t.services.citizenAuth = rpFor(behind.settings);
    try {
      const { location, flow } = await start();
      expect(new URL(location).origin).toBe(proxy.url);
      const back = await new ProviderBrowser(CALLBACK).signIn(location, people.citizens[1]!.username, people.password);
      const res = await callback(back, flow);
      expect(proxy.tampered()).toBe(1);
      expect(res.headers.location).toBe('/cong-dan/dang-nhap?loi=OIDC_TOKEN_INVALID');
      expect(sessionCookie(res)).toBeUndefined();
      const created = await t.db.selectFrom('citizens').select('id').where('issuer', '=', proxy.url).execute();
      expect(created).toEqual([]);
    } finally {
      t.services.citizenAuth = saved;
      await behind.close();
      await proxy.close();
    }
  });

  it('says so when no provider is configured or the provider is down, never a 500', async () => {
    const saved = t.services.citizenAuth;
    try {
      t.services.citizenAuth = undefined;
      expect((await start()).location).toBe('/cong-dan/dang-nhap?loi=OIDC_NOT_CONFIGURED');
      t.services.citizenAuth = rpFor({ ...eid.settings, issuer: 'http://127.0.0.1:9' });
      expect((await start()).location).toBe('/cong-dan/dang-nhap?loi=OIDC_PROVIDER_UNAVAILABLE');
    } finally {
      t.services.citizenAuth = saved;
    }
  });

  it('starts again on the public address when the browser came by another name', async () => {
    const res = await t.request('GET', '/api/v1/citizen/auth/start?returnTo=/a', { headers: { host: 'localhost:39999' } });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`${PUBLIC}/api/v1/citizen/auth/start?returnTo=%2Fa&canonical=1`);
  });
});
