import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../../../test/support/multipart.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { MAX_UPLOADS_PER_DRAFT } from './documents.service.js';

let t: TestApp;
let citizen: Session;
let fileRoot: string;
beforeAll(async () => {
  t = await createTestApp();
  citizen = await t.citizenSession({ subject: 'cd-uploads' });
  fileRoot = join(t.config.dataDir, 'files');
});
afterAll(async () => { await t?.close(); });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** Every file of the sealed store, wherever it is (content-addressed: <2 hex>/<key>). */
function storedFiles(): string[] {
  try {
    return readdirSync(fileRoot, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

async function rows(): Promise<number> {
  const r = await t.db.selectFrom('citizen_files').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

async function send(name: string, content: Buffer, type = 'application/pdf', query = '') {
  const m = multipartFile('file', name, content, type);
  return t.request('POST', `/api/v1/citizen/files${query}`, { session: citizen, body: m.payload, headers: m.headers });
}

/** A PDF whose one Flate stream inflates to `mib` MiB of zeros, though it weighs a few hundred KB. */
function pdfBomb(mib: number): Buffer {
  const mb = Buffer.alloc(1024 * 1024);
  const head = deflateSync(mb, { finishFlush: constants.Z_FULL_FLUSH });
  const more = deflateRawSync(mb, { finishFlush: constants.Z_FULL_FLUSH });
  const stream = Buffer.concat([head, ...Array.from({ length: mib - 1 }, () => more), Buffer.from([0x03, 0x00, 0, 0, 0, 0])]);
  return Buffer.concat([Buffer.from(`%PDF-1.7\n1 0 obj << /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from('\nendstream\nendobj\n%%EOF\n')]);
}

/** Refused with a Vietnamese message, and nothing stored: no file in the store, no row. */
async function expectRefused(res: Awaited<ReturnType<typeof send>>, status: number, code: string, words: string, before: { files: string[]; rows: number }) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().error.code).toBe(code);
  expect(res.json().error.message).toContain(words);
  expect(storedFiles()).toEqual(before.files);
  expect(await rows()).toBe(before.rows);
}

describe('citizen uploads', () => {
  it('stores a PDF, a JPEG and a PNG by what their content is, whatever the declared type', async () => {
    const pdf = await send('don-de-nghi.pdf', PDF, 'application/octet-stream');
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({ name: 'don-de-nghi.pdf', type: 'application/pdf', origin: 'upload' });
    // The store is where the "nothing stored" checks below look: an accepted file is there.
    expect(storedFiles().length).toBeGreaterThan(0);
    const png = await send('anh.PNG', PNG, 'text/plain');
    expect(png.json()).toMatchObject({ type: 'image/png' });
    const jpeg = await send('anh.jpg', Buffer.from('ffd8ffe000104a46494600', 'hex'), 'image/png');
    expect(jpeg.json()).toMatchObject({ type: 'image/jpeg' });
    const listed = (await t.request('GET', '/api/v1/citizen/documents', { session: citizen })).json().items;
    expect(listed.map((d: { name: string }) => d.name)).toEqual(expect.arrayContaining(['don-de-nghi.pdf', 'anh.PNG', 'anh.jpg']));
  });

  it('refuses a renamed executable, a ZIP, a gzip and a deflate stream named .pdf — nothing stored', async () => {
    const before = { files: storedFiles(), rows: await rows() };
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(200)]);
    await expectRefused(await send('giay-khai-sinh.pdf', exe), 422, 'FILE_TYPE_REJECTED', 'chương trình máy tính', before);
    const zip = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]);
    await expectRefused(await send('ho-so.pdf', zip), 422, 'FILE_TYPE_REJECTED', 'tệp nén ZIP', before);
    await expectRefused(await send('ho-so.pdf', gzipSync(Buffer.alloc(10 * 1024 * 1024))), 422, 'FILE_TYPE_REJECTED', 'GZIP', before);
    await expectRefused(await send('ho-so.pdf', deflateSync(Buffer.alloc(1024 * 1024))), 422, 'FILE_TYPE_REJECTED', 'Chỉ nhận tệp PDF, JPEG hoặc PNG', before);
  });

  it('refuses a PDF whose streams would inflate to an absurd size (a zip bomb inside a real PDF header)', async () => {
    const before = { files: storedFiles(), rows: await rows() };
    const bomb = pdfBomb(300);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    await expectRefused(await send('ban-quet.pdf', bomb), 422, 'FILE_DECOMPRESSION_BOMB', 'bom giải nén', before);
    // A PDF with an ordinary compressed page passes.
    const fine = await send('ban-quet-that.pdf', pdfBomb(2));
    expect(fine.statusCode).toBe(201);
  });

  it('refuses a PNG that claims a billion pixels', async () => {
    const before = { files: storedFiles(), rows: await rows() };
    const huge = Buffer.from(PNG);
    huge.writeUInt32BE(50_000, 16);
    huge.writeUInt32BE(50_000, 20);
    await expectRefused(await send('anh.png', huge, 'image/png'), 422, 'FILE_DECOMPRESSION_BOMB', 'bom giải nén', before);
  });

  it('refuses a file over 20 MB with 413', async () => {
    const before = { files: storedFiles(), rows: await rows() };
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
    await expectRefused(await send('to-lon.pdf', big), 413, 'FILE_TOO_LARGE', 'vượt quá giới hạn', before);
  });

  it('refuses path-traversal and control characters in the name', async () => {
    const before = { files: storedFiles(), rows: await rows() };
    for (const name of ['../../etc/passwd.pdf', '..\\..\\x.pdf', 'thu-muc/a.pdf', '..']) {
      await expectRefused(await send(name, PDF), 422, 'FILE_NAME_REJECTED', 'đường dẫn thư mục', before);
    }
    for (const name of ['a\u0001b.pdf', 'tab\tname.pdf', 'x\u007f.pdf']) {
      await expectRefused(await send(name, PDF), 422, 'FILE_NAME_REJECTED', 'ký tự điều khiển', before);
    }
    // A NUL cannot even travel in a multipart header: whatever the parser makes of it, nothing is stored under it.
    const nul = await send('a\u0000.pdf', PDF);
    expect(nul.statusCode).toBeGreaterThanOrEqual(400);
    expect(nul.statusCode).toBeLessThan(500);
    expect(storedFiles()).toEqual(before.files);
  });

  it('refuses an extension that does not match the content', async () => {
    const before = { files: storedFiles(), rows: await rows() };
    await expectRefused(await send('anh.png', PDF), 422, 'FILE_TYPE_REJECTED', 'không khớp', before);
    await expectRefused(await send('chuong-trinh.exe', PDF), 422, 'FILE_TYPE_REJECTED', 'không khớp', before);
  });

  it(`limits a draft to ${MAX_UPLOADS_PER_DRAFT} uploads`, async () => {
    const d = (await t.request('POST', '/api/v1/citizen/dossiers', { session: citizen, body: { procedureCode: '1.001193' } })).json();
    // Filled in directly: the limit is what is tested, not thirty uploads.
    const me = await t.db.selectFrom('citizens').select('id').where('subject', '=', 'cd-uploads').executeTakeFirstOrThrow();
    await t.db.insertInto('citizen_files').values(Array.from({ length: MAX_UPLOADS_PER_DRAFT }, (_, i) => ({ citizen_id: me.id, file_key: `${i}`.padStart(64, '0'), name: `${i}.pdf`, type: 'application/pdf', size: 1, draft_id: d.id }))).execute();
    const before = { files: storedFiles(), rows: await rows() };
    await expectRefused(await send('them.pdf', Buffer.from('%PDF-1.4\n% another\n'), 'application/pdf', `?draftId=${d.id}`), 422, 'TOO_MANY_FILES', 'tối đa', before);
    // Another citizen's draft is not theirs to upload into.
    const other = await t.citizenSession({ subject: 'cd-uploads-other' });
    const m = multipartFile('file', 'x.pdf', PDF, 'application/pdf');
    expect((await t.request('POST', `/api/v1/citizen/files?draftId=${d.id}`, { session: other, body: m.payload, headers: m.headers })).statusCode).toBe(404);
  });

  it('answers 401 to an upload without a citizen session, before reading it', async () => {
    const m = multipartFile('file', 'a.pdf', PDF, 'application/pdf');
    expect((await t.request('POST', '/api/v1/citizen/files', { body: m.payload, headers: m.headers })).statusCode).toBe(401);
  });
});
