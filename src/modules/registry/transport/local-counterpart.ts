import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { sha256Hex, type ExchangeEnvelope } from './exchange-transport.js';

/**
 * The outside agency's system as the `local` transport reaches it (demo and tests): an HTTP server that
 * accepts envelopes (transport/exchange-transport.ts), checks each file against its SHA-256 (Decree 30
 * art. 20: authenticity and integrity are checked on receipt) and keeps what it accepted in a
 * directory, one folder per envelope. A repeated envelope answers the receipt it already gave (the
 * sender retries after a lost answer). A recall notice marks the envelope recalled and deletes its
 * files (Decree 30 Appendix VI: the recipient's copy is deleted on recall; its metadata stays).
 *
 *   POST /envelopes  → 201 {receiptId} (200 with the same receipt when repeated; 422 when a file does not match)
 *   POST /recalls    {EnvelopeId, Reason, RecalledAt} → {receiptId}; 404 for an envelope never received
 *   GET  /envelopes  → what was received, without the contents
 *   GET  /envelopes/:key/files/:sha256 → a file's content (404 once recalled)
 */
export type StoredEnvelope = Omit<ExchangeEnvelope, 'Attachments'> & {
  key: string;
  receiptId: string;
  receivedAt: string;
  Attachments: Omit<ExchangeEnvelope['Attachments'][number], 'ContentBase64'>[];
  recall: { Reason: string; RecalledAt: string; receiptId: string } | null;
};

export type LocalCounterpart = { url: string; dir: string; received(): Promise<StoredEnvelope[]>; close(): Promise<void> };

const MAX_BODY = 64 * 1024 * 1024;
const organ = z.object({ OrganId: z.string().max(35).nullable(), OrganName: z.string().min(1).max(300) }).strict();
const envelopeSchema = z.object({
  EnvelopeId: z.string().min(1).max(200),
  From: organ,
  To: z.array(organ).min(1).max(100),
  ToPlaces: z.array(z.string().max(300)).max(200),
  Document: z.object({
    OrganId: z.string().max(35).nullable(), OrganName: z.string().min(1).max(300), CodeNumber: z.string().max(11), CodeNotation: z.string().max(60),
    IssuedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), TypeName: z.string().max(100), Subject: z.string().min(1).max(500),
    PageAmount: z.number().int().positive().nullable(), SignerInfo: z.object({ Position: z.string().max(200).nullable(), FullName: z.string().max(100).nullable() }).strict(),
    Priority: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]), Secrecy: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]), DueDate: z.string().nullable(),
  }).strict(),
  Attachments: z.array(z.object({
    Name: z.string().min(1).max(255), Mime: z.string().max(200), Size: z.number().int().nonnegative(), Sha256: z.string().regex(/^[0-9a-f]{64}$/), Main: z.boolean(), ContentBase64: z.string(),
  }).strict()).max(100),
}).strict();
const recallSchema = z.object({ EnvelopeId: z.string().min(1).max(200), Reason: z.string().min(1).max(2000), RecalledAt: z.string().max(40) }).strict();

const keyOf = (envelopeId: string) => sha256Hex(Buffer.from(envelopeId, 'utf8')).slice(0, 32);

export async function startLocalCounterpart(opts: { dir: string; port?: number; host?: string; now?: () => Date }): Promise<LocalCounterpart> {
  const now = opts.now ?? (() => new Date());
  await mkdir(opts.dir, { recursive: true });
  const folder = (key: string) => join(opts.dir, key);
  const readStored = async (key: string): Promise<StoredEnvelope | null> => {
    try {
      return JSON.parse(await readFile(join(folder(key), 'envelope.json'), 'utf8')) as StoredEnvelope;
    } catch {
      return null;
    }
  };

  async function receive(body: unknown): Promise<[number, unknown]> {
    const parsed = envelopeSchema.safeParse(body);
    if (!parsed.success) return [400, { error: 'INVALID_ENVELOPE', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }];
    const env = parsed.data;
    const key = keyOf(env.EnvelopeId);
    const known = await readStored(key);
    if (known) return [200, { receiptId: known.receiptId, receivedAt: known.receivedAt, repeated: true }];
    const files = env.Attachments.map((a) => ({ a, bytes: Buffer.from(a.ContentBase64, 'base64') }));
    const bad = files.find(({ a, bytes }) => bytes.length !== a.Size || sha256Hex(bytes) !== a.Sha256);
    if (bad) return [422, { error: 'INTEGRITY', file: bad.a.Name, message: 'Tệp không đúng mã SHA-256 hoặc kích thước đã khai.' }];
    const stored: StoredEnvelope = {
      ...env, key, receiptId: `LT-${now().toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(6).toString('hex')}`, receivedAt: now().toISOString(),
      Attachments: env.Attachments.map(({ ContentBase64: _c, ...meta }) => meta), recall: null,
    };
    // Written under a temporary name, then renamed: a crash never leaves half an envelope under its key.
    const tmp = join(opts.dir, `.${key}.${randomBytes(4).toString('hex')}.partial`);
    await mkdir(join(tmp, 'files'), { recursive: true });
    for (const { a, bytes } of files) await writeFile(join(tmp, 'files', a.Sha256), bytes);
    await writeFile(join(tmp, 'envelope.json'), JSON.stringify(stored, null, 2));
    await rename(tmp, folder(key));
    return [201, { receiptId: stored.receiptId, receivedAt: stored.receivedAt }];
  }

  async function recall(body: unknown): Promise<[number, unknown]> {
    const parsed = recallSchema.safeParse(body);
    if (!parsed.success) return [400, { error: 'INVALID_RECALL' }];
    const key = keyOf(parsed.data.EnvelopeId);
    const stored = await readStored(key);
    if (!stored) return [404, { error: 'UNKNOWN_ENVELOPE' }];
    if (!stored.recall) {
      stored.recall = { Reason: parsed.data.Reason, RecalledAt: parsed.data.RecalledAt, receiptId: `LT-R-${randomBytes(6).toString('hex')}` };
      await rm(join(folder(key), 'files'), { recursive: true, force: true });
      await writeFile(join(folder(key), 'envelope.json'), JSON.stringify(stored, null, 2));
    }
    return [200, { receiptId: stored.recall.receiptId }];
  }

  async function received(): Promise<StoredEnvelope[]> {
    const keys = (await readdir(opts.dir)).filter((k) => /^[0-9a-f]{32}$/.test(k));
    const all = (await Promise.all(keys.map(readStored))).filter((e): e is StoredEnvelope => e !== null);
    return all.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.key.localeCompare(b.key));
  }

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  };
  const readBody = (req: IncomingMessage) => new Promise<unknown>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) { reject(Object.assign(new Error('too large'), { status: 413 })); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => {
      try { resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))); } catch { reject(Object.assign(new Error('bad json'), { status: 400 })); }
    });
    req.on('error', reject);
  });

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://counterpart');
      if (req.method === 'POST' && url.pathname === '/envelopes') return send(res, ...(await receive(await readBody(req))));
      if (req.method === 'POST' && url.pathname === '/recalls') return send(res, ...(await recall(await readBody(req))));
      if (req.method === 'GET' && url.pathname === '/envelopes') return send(res, 200, await received());
      const file = /^\/envelopes\/([0-9a-f]{32})\/files\/([0-9a-f]{64})$/.exec(url.pathname);
      if (req.method === 'GET' && file) {
        const bytes = await readFile(join(folder(file[1]!), 'files', file[2]!)).catch(() => null);
        if (!bytes) return send(res, 404, { error: 'NOT_FOUND' });
        return res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
      }
      return send(res, 404, { error: 'NOT_FOUND' });
    })().catch((err: { status?: number; message?: string }) => send(res, err.status ?? 500, { error: err.message ?? 'error' }));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    dir: opts.dir,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
