import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../../../test/support/multipart.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { renderPdf } from '../../platform/documents/pdf.js';
import { searchKey } from './rules/search.js';
import { makeTestSigner, signPdf } from './signature/test-signing.js';

// Attachments of the Department of Home Affairs' (H30.101) documents. Documents are written with the
// repository (the incoming and outgoing parts have their own tests); files go through HTTP. The PDFs are
// signed in the test with a self-made certificate; the clock stays at TEST_NOW (Monday 02/03/2026).
let t: TestApp;
const s = {} as Record<string, Session>;
const u = {} as Record<string, number>;
const staff = {} as Record<string, number>;
const P = '/api/v1/registry';
let signedPdf: Buffer;
let tamperedPdf: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['vanthu.snv', 'vanthu.stp', 'lanhdao.snv', 'chuyenvien.snv']) {
    s[name] = await t.login(name);
    staff[name] = (await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', name).executeTakeFirstOrThrow()).staff_id;
  }
  for (const code of ['H30.101', 'H30.101.01']) u[code] = await t.unitId(code);
  const signer = await makeTestSigner({ commonName: 'Giàng A Tủa', organisation: 'Ủy ban nhân dân tỉnh Lai Châu' });
  const pdf = await renderPdf({ content: ['ỦY BAN NHÂN DÂN TỈNH LAI CHÂU', 'Kế hoạch cải cách hành chính năm 2026'] });
  signedPdf = await signPdf(pdf, signer, { signingTime: new Date('2026-02-27T03:00:00Z') });
  tamperedPdf = Buffer.from(signedPdf);
  tamperedPdf[300] = tamperedPdf[300] === 0x41 ? 0x42 : 0x41;
});
afterAll(async () => { await t?.close(); });

let arrival = 500;
async function insertDocument(extra: Record<string, unknown> = {}) {
  arrival += 1;
  const subject = `Kế hoạch cải cách hành chính năm 2026 (${arrival})`;
  const row = {
    unit_id: u['H30.101']!, direction: 'in' as const, status: 'registered' as const, doc_type: 'KH', subject, symbol: `${arrival}/KH-UBND`, issued_on: '2026-02-27',
    issuer_name: 'Ủy ban nhân dân tỉnh Lai Châu', arrival_number: arrival, arrival_on: '2026-03-02', channel: 'paper' as const, recipients: '[]',
    search_text: searchKey([subject, arrival]), ...extra,
  };
  return (await t.db.insertInto('reg_documents').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

const upload = (who: string, id: number, file: { name: string; content: Buffer; type?: string }, query = '') => {
  const m = multipartFile('file', file.name, file.content, file.type ?? 'application/pdf');
  return t.request('POST', `${P}/documents/${id}/attachments${query}`, { session: s[who]!, body: m.payload, headers: m.headers });
};
const detail = async (who: string, id: number) => {
  const res = await t.request('GET', `${P}/documents/${id}`, { session: s[who]! });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('the records office attaches the electronic copy of an incoming document', () => {
  let id: number;
  let mainId: number;
  beforeAll(async () => { id = await insertDocument(); });

  it('a signed PDF as the main file: its signer, organisation and signing time are shown with the document', async () => {
    const res = await upload('vanthu.snv', id, { name: 'ke-hoach-cchc-2026.pdf', content: signedPdf }, '?main=true');
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    mainId = a.id;
    expect(a).toMatchObject({ fileName: 'ke-hoach-cchc-2026.pdf', mime: 'application/pdf', size: signedPdf.length, sha256: sha(signedPdf), main: true });
    expect(a.signatures).toEqual({ status: 'valid', signatures: [{ signer: 'Giàng A Tủa', organisation: 'Ủy ban nhân dân tỉnh Lai Châu', signedAt: '2026-02-27T03:00:00.000Z', valid: true, coversWholeFile: true, problem: null }] });

    const doc = await detail('lanhdao.snv', id);
    expect(doc).toMatchObject({ hasFile: true, fileSha256: sha(signedPdf), version: a.documentVersion });
    expect(doc.attachments).toEqual([expect.objectContaining({ id: mainId, main: true, signatures: a.signatures })]);
    const added = doc.events.find((e: { action: string }) => e.action === 'attachment_added');
    expect(added).toMatchObject({ actorName: 'Lò Thị Thanh Huyền', note: 'ke-hoach-cchc-2026.pdf', details: { attachmentId: mainId, sha256: sha(signedPdf), main: true, signatures: 'valid' } });
    const audit = await t.db.selectFrom('audit_events').select(['action', 'unit_id']).where('entity', '=', 'registry_document').where('entity_id', '=', String(id)).execute();
    expect(audit).toEqual([{ action: 'registry.attachment_added', unit_id: u['H30.101'] }]);
  });

  it('a PDF changed after signing is shown invalid, with the reason in Vietnamese', async () => {
    const res = await upload('vanthu.snv', id, { name: 'ban-bi-sua.pdf', content: tamperedPdf });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ main: false, signatures: { status: 'invalid', signatures: [{ signer: 'Giàng A Tủa', valid: false, problem: 'Nội dung đã bị thay đổi sau khi ký' }] } });
    const doc = await detail('vanthu.snv', id);
    // Not the main file: the document's copy is still the signed one.
    expect(doc.fileSha256).toBe(sha(signedPdf));
    expect(doc.attachments.map((x: { main: boolean; signatures: { status: string } }) => [x.main, x.signatures.status])).toEqual([[true, 'valid'], [false, 'invalid']]);
  });

  it('a new main file takes the flag from the previous one and becomes the document\'s copy; other types carry no signature check', async () => {
    const docx = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('....[Content_Types].xml....word/document.xml....', 'latin1')]);
    const res = await upload('vanthu.snv', id, { name: 'phu-luc.docx', content: docx, type: 'application/octet-stream' }, '?main=true');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', main: true, signatures: null });
    const doc = await detail('vanthu.snv', id);
    expect(doc.attachments.filter((x: { main: boolean }) => x.main).map((x: { fileName: string }) => x.fileName)).toEqual(['phu-luc.docx']);
    expect(doc.fileSha256).toBe(sha(docx));
    const row = await t.db.selectFrom('reg_documents').select('file_key').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.file_key).toBe(sha(docx));
  });

  it('download: a reader gets the same bytes, and the download is in the history', async () => {
    const res = await t.request('GET', `${P}/documents/${id}/attachments/${mainId}`, { session: s['lanhdao.snv']! });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['content-disposition']).toContain('ke-hoach-cchc-2026.pdf');
    expect(res.rawPayload.equals(signedPdf)).toBe(true);
    const events = (await detail('vanthu.snv', id)).events.filter((e: { action: string }) => e.action === 'attachment_downloaded');
    expect(events).toEqual([expect.objectContaining({ actorName: 'Lê Thị Thu Hằng', details: { attachmentId: mainId, sha256: sha(signedPdf) } })]);
  });

  it('someone without access gets 404 for the upload and the file; a reader who may not attach gets 403', async () => {
    const other = await upload('vanthu.stp', id, { name: 'x.pdf', content: signedPdf });
    expect(other.statusCode).toBe(404);
    expect((await t.request('GET', `${P}/documents/${id}/attachments/${mainId}`, { session: s['vanthu.stp']! })).statusCode).toBe(404);
    expect((await upload('lanhdao.snv', id, { name: 'x.pdf', content: signedPdf })).statusCode).toBe(403);
    // An attachment of another document is not found through this one.
    const elsewhere = await insertDocument();
    expect((await t.request('GET', `${P}/documents/${elsewhere}/attachments/${mainId}`, { session: s['vanthu.snv']! })).statusCode).toBe(404);
    expect((await t.request('GET', `${P}/documents/${id}/attachments/999999`, { session: s['vanthu.snv']! })).statusCode).toBe(404);
  });

  it('a stale version is refused with 409 and nothing is attached', async () => {
    const before = (await detail('vanthu.snv', id)).attachments.length;
    const res = await upload('vanthu.snv', id, { name: 'cu.pdf', content: signedPdf }, '?version=1');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('VERSION_CONFLICT');
    expect((await detail('vanthu.snv', id)).attachments.length).toBe(before);
  });
});

describe('bad uploads answer 400, never 500', () => {
  let id: number;
  beforeAll(async () => { id = await insertDocument(); });

  it('not multipart, a broken multipart body, no file, a bad query', async () => {
    const json = await t.request('POST', `${P}/documents/${id}/attachments`, { session: s['vanthu.snv']!, body: { file: 'x' } });
    expect(json.statusCode).toBe(400);
    const broken = await t.request('POST', `${P}/documents/${id}/attachments`, {
      session: s['vanthu.snv']!, body: '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 cut short', headers: { 'content-type': 'multipart/form-data; boundary=abc' },
    });
    expect(broken.statusCode, broken.body).toBe(400);
    const noFile = await t.request('POST', `${P}/documents/${id}/attachments`, {
      session: s['vanthu.snv']!, body: '--abc\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--abc--\r\n', headers: { 'content-type': 'multipart/form-data; boundary=abc' },
    });
    expect(noFile.statusCode, noFile.body).toBe(400);
    expect(noFile.json().error.message).toContain('Chưa chọn tệp');
    expect((await upload('vanthu.snv', id, { name: 'a.pdf', content: signedPdf }, '?main=yes')).statusCode).toBe(400);
    expect((await upload('vanthu.snv', 0, { name: 'a.pdf', content: signedPdf })).statusCode).toBe(400);
  });

  it('a file that is none of the accepted types, or a name with a path, is refused and not stored', async () => {
    const exe = await upload('vanthu.snv', id, { name: 'ke-hoach.pdf', content: Buffer.from('MZ\x90\x00 this is a program', 'latin1') });
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.code).toBe('FILE_TYPE_REJECTED');
    const fakeDocx = await upload('vanthu.snv', id, { name: 'x.docx', content: Buffer.from('PK\x03\x04 not an office file', 'latin1') });
    expect(fakeDocx.statusCode).toBe(400);
    const path = await t.request('POST', `${P}/documents/${id}/attachments`, {
      session: s['vanthu.snv']!, body: `--abc\r\nContent-Disposition: form-data; name="file"; filename="a\x01b.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--abc--\r\n`, headers: { 'content-type': 'multipart/form-data; boundary=abc' },
    });
    expect(path.statusCode, path.body).toBe(400);
    expect((await detail('vanthu.snv', id)).attachments).toEqual([]);
  });
});

describe('who may attach, by the document\'s state', () => {
  it('outgoing: the drafter before release, not after; the main file does not become the copy until release', async () => {
    const draft = await insertDocument({ direction: 'out', status: 'draft', arrival_number: null, arrival_on: null, channel: null, symbol: null, issuer_name: null, drafting_unit_id: u['H30.101.01'], drafted_by_staff_id: staff['chuyenvien.snv'] });
    const res = await upload('chuyenvien.snv', draft, { name: 'du-thao.pdf', content: signedPdf }, '?main=true');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().signatures.status).toBe('valid');
    expect((await detail('chuyenvien.snv', draft)).hasFile).toBe(false);
    // The records office may attach the signed copy too; the agency's leader only reads.
    expect((await upload('vanthu.snv', draft, { name: 'ban-ky-so.pdf', content: signedPdf }, '?main=true')).statusCode).toBe(201);
    expect((await upload('lanhdao.snv', draft, { name: 'y-kien.pdf', content: signedPdf })).statusCode).toBe(403);

    const released = await insertDocument({ direction: 'out', status: 'released', number: 7, series: 'KH', arrival_number: null, arrival_on: null, channel: null, drafting_unit_id: u['H30.101.01'], drafted_by_staff_id: staff['chuyenvien.snv'] });
    const late = await upload('chuyenvien.snv', released, { name: 'sua.pdf', content: signedPdf });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'DOCUMENT_CLOSED' });
    expect(late.json().error.message).toContain('đã phát hành');
  });

  it('incoming: not once the sender recalled it', async () => {
    const recalled = await insertDocument({ status: 'recalled', channel: 'exchange' });
    const res = await upload('vanthu.snv', recalled, { name: 'a.pdf', content: signedPdf });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('thu hồi');
  });
});
