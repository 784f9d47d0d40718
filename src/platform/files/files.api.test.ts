import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../../../test/support/multipart.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

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
