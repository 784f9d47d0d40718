import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A man in the middle between the portal and an OpenID provider: every request is passed on
 * unchanged, except that an ID token in a token response comes back re-signed with the proxy's own
 * key (same header, same claims, same key id). The provider and the protocol are real; only the
 * signature is wrong, which is what a portal must notice.
 */
export async function startTamperingProxy(): Promise<{ url: string; setTarget(url: string): void; tampered: () => number; close(): Promise<void> }> {
  let target = '';
  let tampered = 0;
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const server: Server = createServer((req, res) => {
    const up = new URL(req.url ?? '/', target);
    // The Host header is passed on as the portal sent it: the provider names its endpoints after it.
    const fwd = request(up, { method: req.method, headers: req.headers }, (upRes) => {
      const chunks: Buffer[] = [];
      upRes.on('data', (c: Buffer) => chunks.push(c));
      upRes.on('end', () => {
        let body = Buffer.concat(chunks);
        const headers = { ...upRes.headers };
        const json = /json/.test(String(upRes.headers['content-type'])) ? JSON.parse(body.toString('utf8') || 'null') as { id_token?: unknown } | null : null;
        if (json && typeof json.id_token === 'string') {
          const [header, payload] = json.id_token.split('.');
          const signature = sign('sha256', Buffer.from(`${header}.${payload}`), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
          json.id_token = `${header}.${payload}.${signature}`;
          tampered++;
          body = Buffer.from(JSON.stringify(json));
          headers['content-length'] = String(body.length);
        }
        res.writeHead(upRes.statusCode ?? 502, headers);
        res.end(body);
      });
    });
    fwd.on('error', () => { res.writeHead(502).end(); });
    req.pipe(fwd);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    setTarget: (t) => { target = t; },
    tampered: () => tampered,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
