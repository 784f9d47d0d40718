import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigXlsx } from '../../../test/support/big-xlsx.js';
import { multipartFile } from '../../../test/support/multipart.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';

/**
 * Issue 10 items 3, 4 and 8a: who may send an upload is decided before its body is read; a file
 * over its limit is refused whole (413), never stored or imported cut short; a spreadsheet's rows and
 * inflated size are bounded before it is parsed; a photo is judged by its bytes.
 */
let t: TestApp;
let admin: Session;
let port: number;
// Built once: 1,000,001 data rows, ~5 MB zipped, ~70 MB of XML inflated.
const millionRows = bigXlsx(1_000_001);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as { port: number }).port;
});
afterAll(async () => { await t?.close(); });

function upload(url: string, file: { name: string; content: Buffer | string; type?: string }, session: Session = admin, method: 'POST' | 'PUT' = 'POST') {
  const { payload, headers } = multipartFile('file', file.name, file.content, file.type);
  return t.app.inject({ method, url, payload, headers: { ...headers, cookie: session.cookie, 'x-csrf-token': session.csrf } });
}

/**
 * Sends the request head and only the first `sent` bytes of a body announced at `body.length`, over
 * a real socket, and returns the first response line that comes back (or 'no answer'). The server
 * cannot have read the body it answers about: most of it was never sent.
 */
function answerBeforeBody(path: string, contentType: string, body: Buffer, sent = 64 * 1024, waitMs = 3000): Promise<{ line: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const finish = (line: string) => { clearTimeout(timer); socket.destroy(); resolve({ line, ms: Date.now() - started }); };
    const timer = setTimeout(() => finish('no answer'), waitMs);
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      if (text.includes('\r\n\r\n')) finish(text.slice(0, text.indexOf('\r\n')));
    });
    socket.on('error', () => finish(text.slice(0, text.indexOf('\r\n')) || 'socket error'));
    socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${contentType}\r\nContent-Length: ${body.length}\r\n\r\n`);
    socket.write(body.subarray(0, sent));
  });
}

/**
 * A multipart upload sent over a real socket in two writes, the first ending exactly `cutAt` bytes
 * into the file, with a pause between them: how a browser's upload reaches the server when the limit
 * falls on a network read, the case where busboy flags the file truncated only after its last piece
 * was handed over. (`inject` delivers the body in one piece and never shows it.)
 */
function uploadInTwoPieces(url: string, file: { name: string; content: Buffer; type: string }, cutAt: number, session: Session = admin): Promise<{ status: number; body: string }> {
  const { payload, headers } = multipartFile('file', file.name, file.content, file.type);
  const cut = payload.indexOf(file.content.subarray(0, 64)) + cutAt;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: url, method: 'POST', headers: { ...headers, 'content-length': payload.length, cookie: session.cookie, 'x-csrf-token': session.csrf } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    // Once the first piece is with the kernel, a second lets the server read and hand it all over.
    req.write(payload.subarray(0, cut), () => setTimeout(() => req.end(payload.subarray(cut)), 1000));
  });
}

describe('an anonymous upload is refused before its body is read (item 3)', () => {
  it('a 1,000,001-row XLSX to the unit import: 401 while most of the file is still unsent', async () => {
    const { payload, headers } = multipartFile('file', 'don-vi.xlsx', millionRows);
    const answer = await answerBeforeBody('/api/v1/org/import/units', headers['content-type']!, payload);
    expect(answer.line).toBe('HTTP/1.1 401 Unauthorized');
    expect(answer.ms).toBeLessThan(2000);
  });

  it('a 48 MB JSON catalogue: 401 before Fastify reads and parses it', async () => {
    const json = Buffer.alloc(48 * 1024 * 1024, 0x20);
    json.write('{"format":"motcua.catalog/v1","procedures":[');
    const answer = await answerBeforeBody('/api/v1/procedures/import', 'application/json', json);
    expect(answer.line).toBe('HTTP/1.1 401 Unauthorized');
  });

  it('a scan and a staff photo from someone without the right: refused before the file', async () => {
    const { payload, headers } = multipartFile('file', 'a.pdf', Buffer.alloc(8 * 1024 * 1024, 0x41), 'application/pdf');
    expect((await answerBeforeBody('/api/v1/files', headers['content-type']!, payload)).line).toBe('HTTP/1.1 401 Unauthorized');
    const auditor = await t.login('kiemtra');
    const photo = await upload('/api/v1/org/staff/1/photo', { name: 'a.png', content: 'x', type: 'image/png' }, auditor, 'PUT');
    expect(photo.statusCode).toBe(403);
  });
});

describe('spreadsheets are bounded before they are parsed (item 3)', () => {
  it('a signed-in administrator sending 1,000,001 rows gets 413 in well under a second and nothing is imported', async () => {
    const units = await t.db.selectFrom('org_units').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const started = Date.now();
    const res = await upload('/api/v1/org/import/units', { name: 'don-vi.xlsx', content: millionRows });
    const ms = Date.now() - started;
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error.code).toBe('SPREADSHEET_TOO_LARGE');
    expect(res.json().error.message).toContain('20.000 dòng');
    expect(ms).toBeLessThan(3000);
    const after = await t.db.selectFrom('org_units').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(units.n));
  });

  it('the catalogue XLSX import refuses the same file with 413', async () => {
    const res = await upload('/api/v1/admin/import/procedures', { name: 'danh-muc.xlsx', content: millionRows });
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error.code).toBe('SPREADSHEET_TOO_LARGE');
  });
});

describe('a file over its limit is refused whole (item 4)', () => {
  it('a 21 MB scan answers 413 in Vietnamese and nothing is stored, even when the limit falls on a network read', async () => {
    const scan = Buffer.alloc(21_000_000, 0x41);
    scan.write('%PDF-1.4\n');
    const cutHash = createHash('sha256').update(scan.subarray(0, 20 * 1024 * 1024)).digest('hex');
    const split = await uploadInTwoPieces('/api/v1/files', { name: 'ban-quet.pdf', content: scan, type: 'application/pdf' }, 20 * 1024 * 1024);
    expect(split.status, split.body).toBe(413);
    expect(JSON.parse(split.body).error.code).toBe('FILE_TOO_LARGE');
    expect(await t.services.files.get(cutHash)).toBeUndefined();
    const whole = await upload('/api/v1/files', { name: 'ban-quet.pdf', content: scan, type: 'application/pdf' });
    expect(whole.statusCode).toBe(413);
    expect(whole.json().error.message).toContain('20 MB');
    expect(await t.services.files.get(cutHash)).toBeUndefined();
  });

  it('a staff CSV over 10 MB answers 413 and imports no row, not even the rows before the limit', async () => {
    // Blank lines (spaces only, skipped by the reader) carry the file past 10 MiB; a real row follows them.
    const head = 'Họ và tên,Chức vụ,Mã đơn vị,Số thẻ\nQuàng Văn Một,Chuyên viên,H30.505.02,TU-7001\n';
    const blank = `,,,${' '.repeat(1020)}\n`;
    const csv = Buffer.from(head + blank.repeat(Math.ceil((10 * 1024 * 1024) / blank.length)) + 'Lò Thị Hai,Chuyên viên,H30.505.02,TU-7002\n');
    const res = await uploadInTwoPieces('/api/v1/org/import/staff', { name: 'can-bo.csv', content: csv, type: 'text/csv' }, 10 * 1024 * 1024);
    expect(res.status, res.body.slice(0, 300)).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('FILE_TOO_LARGE');
    expect(await t.db.selectFrom('org_staff').select('id').where('badge_number', 'in', ['TU-7001', 'TU-7002']).execute()).toHaveLength(0);
  });

  it('a catalogue form over 10 MB answers 413', async () => {
    const res = await upload('/api/v1/admin/procedures/1.001193/forms/mau.docx', { name: 'mau.docx', content: Buffer.alloc(10 * 1024 * 1024 + 1, 0x41) }, admin, 'PUT');
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error.code).toBe('FILE_TOO_LARGE');
  });
});

describe('a staff photo is judged by its content (item 8a)', () => {
  it('a text file declared image/jpeg is refused with 415 and not stored; a real PNG is kept', async () => {
    const staff = await t.db.selectFrom('org_staff').select(['id', 'photo_key']).orderBy('id').executeTakeFirstOrThrow();
    const text = Buffer.from('<?php system($_GET["c"]); ?> không phải ảnh');
    const res = await upload(`/api/v1/org/staff/${staff.id}/photo`, { name: 'anh.jpg', content: text, type: 'image/jpeg' }, admin, 'PUT');
    expect(res.statusCode, res.body).toBe(415);
    expect(res.json().error.message).toContain('JPEG');
    expect(await t.services.files.get(createHash('sha256').update(text).digest('hex'))).toBeUndefined();
    const unchanged = await t.db.selectFrom('org_staff').select('photo_key').where('id', '=', staff.id).executeTakeFirstOrThrow();
    expect(unchanged.photo_key).toBe(staff.photo_key);

    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const ok = await upload(`/api/v1/org/staff/${staff.id}/photo`, { name: 'anh.bin', content: png, type: 'application/octet-stream' }, admin, 'PUT');
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
