import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../../../test/support/multipart.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { fileStoreUnavailable } from './file-store.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

async function upload(username: string, name: string, content: Buffer, type: string) {
  const s = await t.login(username);
  const { payload, headers } = multipartFile('file', name, content, type);
  return t.app.inject({ method: 'POST', url: '/api/v1/files', payload, headers: { ...headers, cookie: s.cookie, 'x-csrf-token': s.csrf } });
}

describe('scan upload', () => {
  it('stores a PDF by content hash and returns its key', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% bản quét tờ khai\n');
    const res = await upload('motcua.tanphong', 'to-khai.pdf', pdf, 'application/pdf');
    expect(res.statusCode).toBe(201);
    expect(res.json().key).toMatch(/^[0-9a-f]{64}$/);
    expect((await t.services.files.get(res.json().key))?.equals(pdf)).toBe(true);
  });
  it('refuses content that is not what its type claims, and an auditor', async () => {
    const fake = await upload('motcua.tanphong', 'x.pdf', Buffer.from('MZ not a pdf'), 'application/pdf');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.message).toContain('PDF');
    expect((await upload('kiemtra', 'a.pdf', Buffer.from('%PDF-1.4'), 'application/pdf')).statusCode).toBe(403);
  });
});

describe('a file store that cannot be written', () => {
  // Replaces the store's directory by a regular file: every write then fails with ENOTDIR, also for
  // root (who ignores permission bits), as a full, read-only or unmounted disk would fail it.
  async function withBrokenStore(run: () => Promise<void>): Promise<void> {
    const root = join(t.config.dataDir, 'files');
    const away = `${root}.away`;
    if (existsSync(root)) renameSync(root, away);
    writeFileSync(root, 'not a directory');
    try {
      await run();
    } finally {
      rmSync(root, { force: true });
      if (existsSync(away)) renameSync(away, root);
    }
  }

  it('answers 503 FILE_STORE_UNAVAILABLE with a Vietnamese message, not a 500, and stores nothing', async () => {
    const pdf = Buffer.from(`%PDF-1.4\n% bản quét khi kho hỏng ${Date.now()}\n`);
    await withBrokenStore(async () => {
      const res = await upload('motcua.tanphong', 'to-khai.pdf', pdf, 'application/pdf');
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toMatchObject({ code: 'FILE_STORE_UNAVAILABLE', message: expect.stringContaining('tệp chưa được lưu') });
    });
    const key = createHash('sha256').update(pdf).digest('hex');
    expect(await t.services.files.has(key)).toBe(false);
  });

  it('maps a full disk to 507 and a read-only or missing store to 503', () => {
    expect(fileStoreUnavailable(Object.assign(new Error('no space'), { code: 'ENOSPC' })).status).toBe(507);
    expect(fileStoreUnavailable(Object.assign(new Error('read-only'), { code: 'EROFS' })).status).toBe(503);
    expect(fileStoreUnavailable(Object.assign(new Error('denied'), { code: 'EACCES' })).message).toContain('cannot be written');
  });
});

describe('a dossier references only stored scans', () => {
  const intakeWith = (s: Session, key: string, fileKey: string) => t.request('POST', '/api/v1/dossiers', { session: s, body: {
    procedureCode: '1.001193', channel: 'desk', resultDelivery: 'desk', idempotencyKey: key,
    applicant: { kind: 'citizen', fullName: 'Lò Thị Hương', phone: '0912345678' },
    documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, fileKey }],
  } });

  it('refuses an intake whose document points at a file that is not stored, and receives one that is', async () => {
    const s = await t.login('motcua.tanphong');
    const never = createHash('sha256').update('a scan whose upload failed').digest('hex');
    const refused = await intakeWith(s, 'files-missing-0001', never);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([expect.objectContaining({ path: 'documents.0.fileKey', message: expect.stringContaining('chưa được lưu') })]);
    expect(await t.db.selectFrom('dossiers').select('id').where('idempotency_key', '=', 'files-missing-0001').executeTakeFirst()).toBeUndefined();

    const stored = await upload('motcua.tanphong', 'to-khai.pdf', Buffer.from('%PDF-1.4\n% tờ khai đã lưu\n'), 'application/pdf');
    const received = await intakeWith(s, 'files-stored-0001', stored.json().key);
    expect(received.statusCode, received.body).toBe(201);
  });
});
