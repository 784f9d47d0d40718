import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Provider from 'oidc-provider';
import type { Config, OidcSettings } from '../../../config.js';
import { DEFAULT_OIDC_SCOPES, parseClaimMapping } from '../oidc/claims.js';
import { loadDemoCitizens, type DemoCitizens } from './demo-citizens.js';
import { createDemoEidProvider } from './demo-eid.provider.js';
import { loginPage, messagePage } from './demo-eid.pages.js';

export type DemoEid = { issuer: string; port: number; settings: OidcSettings; provider: Provider; close(): Promise<void> };

export type DemoEidOptions = {
  env: Config['env'];
  /** The portal's public address: its callback is registered, and the provider is named on the same host. */
  publicUrl: string;
  host: string;
  port: number;
  /** The issuer to announce, when the provider is reached through something else (a test's proxy). */
  issuer?: (port: number) => string;
  people?: DemoCitizens;
  idTokenTtl?: number;
};

/**
 * Whether `npm start` runs the local provider: only outside production, only with demo data on, and
 * only when no real provider is configured. Production never does, whatever else is set.
 */
export function demoEidWanted(config: Pick<Config, 'env' | 'demo' | 'oidc'>): boolean {
  return config.env !== 'production' && config.demo !== 'off' && !config.oidc;
}

export class DemoEidRefused extends Error {}

/** Starts the local e-ID provider on its own port (0: any free one) and returns the settings for the portal. */
export async function startDemoEid(opts: DemoEidOptions): Promise<DemoEid> {
  if (opts.env === 'production') {
    throw new DemoEidRefused('Không chạy máy chủ định danh mô phỏng ở chế độ production / the demo e-ID provider never runs in production');
  }
  const people = opts.people ?? loadDemoCitizens();
  const server = createServer();
  const port = await listen(server, opts.port, opts.host);
  const pub = new URL(opts.publicUrl);
  const issuer = opts.issuer?.(port) ?? `${pub.protocol}//${pub.hostname.includes(':') ? `[${pub.hostname}]` : pub.hostname}:${port}`;
  const client = {
    clientId: 'motcua',
    // A new secret each start: the portal and the provider run in the same process and learn it here.
    clientSecret: randomBytes(32).toString('base64url'),
    redirectUri: `${opts.publicUrl}/api/v1/citizen/auth/callback`,
    postLogoutRedirectUri: `${opts.publicUrl}/`,
  };
  const provider = createDemoEidProvider({ issuer, client, people, idTokenTtl: opts.idTokenTtl });
  const callback = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    interaction(provider, people, req, res).then((handled) => {
      if (!handled) callback(req, res);
    }).catch(() => {
      if (!res.headersSent) send(res, 400, messagePage('Yêu cầu đăng nhập không hợp lệ', 'Phiên đăng nhập đã hết hạn hoặc không tồn tại. Hãy quay lại cổng dịch vụ công và đăng nhập lại. / The sign-in session has expired; start again from the portal.'));
      else res.end();
    });
  });
  return {
    issuer, port, provider,
    settings: { issuer, clientId: client.clientId, clientSecret: client.clientSecret, scopes: DEFAULT_OIDC_SCOPES, claims: parseClaimMapping('')! },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

const INTERACTION = /^\/interaction\/([A-Za-z0-9_-]{1,64})(\/login|\/abort)?$/;

/** Our sign-in pages; false for every other path (oidc-provider's own endpoints). */
async function interaction(provider: Provider, people: DemoCitizens, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const m = INTERACTION.exec(new URL(req.url ?? '/', 'http://x').pathname);
  if (!m) return false;
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== m[1]) throw new Error('interaction mismatch');
  const demoUsers = people.citizens.map((c) => c.username);
  const clientName = 'Cổng dịch vụ công';
  if (req.method === 'GET' && !m[2]) {
    if (details.prompt.name === 'login') {
      send(res, 200, loginPage(details.uid, { clientName, demoUsers }));
    } else {
      // Only the portal is registered and it is the province's own: consent is given at sign-in.
      await finish(provider, req, res, details.session?.accountId ?? '');
    }
    return true;
  }
  if (req.method !== 'POST') return false;
  if (m[2] === '/abort') {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'Người dùng đã hủy đăng nhập / the user cancelled' }, { mergeWithLastSubmission: false });
    return true;
  }
  const form = new URLSearchParams(await readBody(req));
  const username = (form.get('username') ?? '').trim();
  const person = people.citizens.find((c) => c.username === username);
  if (!person || !sameSecret(form.get('password') ?? '', people.password)) {
    send(res, 401, loginPage(details.uid, { clientName, demoUsers, username, error: 'Số định danh hoặc mật khẩu không đúng. / Wrong ID number or password.' }));
    return true;
  }
  await finish(provider, req, res, person.subject);
  return true;
}

/** Login and consent in one step: a grant for exactly what the portal asked. */
async function finish(provider: Provider, req: IncomingMessage, res: ServerResponse, accountId: string): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const grant = details.grantId ? (await provider.Grant.find(details.grantId))! : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
  grant.addOIDCScope(String(details.params.scope ?? 'openid'));
  const missing = (details.prompt.details as { missingOIDCClaims?: string[] }).missingOIDCClaims;
  if (missing?.length) grant.addOIDCClaims(missing);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function readBody(req: IncomingMessage, limit = 10_000): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}
