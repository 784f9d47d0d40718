import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { multipartFile } from '../../../test/support/multipart.js';
import { communeProcedure, inMemoryCatalog } from '../../../test/support/procedure-factory.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { systemContext } from '../../platform/http/context.js';
import { createDossierService } from './dossiers.service.js';
import { importerFor } from './import/index.js';

/**
 * Issue 11 items 4, 5 and 7 on the dossier's side: the desk digitises at intake and at supplement,
 * the specialist attaches drafts, the head records the result with its file at the last step, staff
 * download a dossier's files in its context only, and the dossier says whether it is digitised,
 * paid online and fully online.
 */
// A controllable clock: Monday 02/03/2026 09:00 (+07:00), an ordinary working week.
let now = new Date('2026-03-02T09:00:00+07:00');
let t: TestApp;
const USERS = ['motcua.tanphong', 'chuyenvien.tanphong', 'lanhdao.tanphong', 'motcua.doanket', 'kiemtra', 'admin'] as const;
const s = {} as Record<(typeof USERS)[number], Session>;
const procedure = communeProcedure({
  documents: [
    { name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, certifiedCopies: 0, presentOnly: false, optional: false, reusableFromNationalDb: false },
    { name: 'Giấy chứng sinh', originals: 1, copies: 0, certifiedCopies: 0, presentOnly: false, optional: false, reusableFromNationalDb: false },
  ],
});
const catalog = inMemoryCatalog([procedure]);

beforeAll(async () => {
  t = await createTestApp({
    now: () => now,
    override: (services) => ({
      catalog: { ...services.catalog, port: { ...services.catalog.port, findInForce: catalog.findInForce } },
      dossiers: createDossierService({ db: services.db, org: services.org, catalog, deadlines: services.calendar.deadlines, keys: services.dataKeys, files: services.files, now: () => now }),
    }),
  });
  for (const u of USERS) s[u] = await t.login(u);
});
afterAll(async () => { await t?.close(); });
beforeEach(() => { now = new Date('2026-03-02T09:00:00+07:00'); });

const applicant = { kind: 'citizen', fullName: 'Lò Thị Hương', idNumber: '012345678901', phone: '0912345678', address: 'Bản Sang Ngà, phường Tân Phong' };
const documents = procedure.documents.map((d) => ({ name: d.name, originals: 1 }));
let n = 0;

/** A distinct small PDF each time (the store is content-addressed: the same bytes are one file). */
const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label} ${++n}\n%%EOF\n`);

async function upload(session: Session, name: string, content: Buffer, type = 'application/pdf'): Promise<string> {
  const { payload, headers } = multipartFile('file', name, content, type);
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/files', payload, headers: { ...headers, cookie: session.cookie, 'x-csrf-token': session.csrf } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().key;
}
async function receive(body: Record<string, unknown>) {
  const res = await t.request('POST', '/api/v1/dossiers', { session: s['motcua.tanphong'], body: { procedureCode: '1.001193', channel: 'desk', applicant, resultDelivery: 'desk', idempotencyKey: `digitise-${++n}`, ...body } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().code as string;
}
const detail = async (code: string) => (await t.request('GET', `/api/v1/dossiers/${code}`, { session: s.admin, headers: { 'x-access-reason': 'kiem-thu' } })).json();
async function act(session: Session, code: string, body: Record<string, unknown>) {
  return t.request('POST', `/api/v1/dossiers/${code}/actions`, { session, body: { version: (await detail(code)).version, ...body } });
}
async function ok(session: Session, code: string, body: Record<string, unknown>) {
  const res = await act(session, code, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const download = (code: string, key: string, session?: Session, reason?: string) =>
  t.request('GET', `/api/v1/dossiers/${code}/files/${key}${reason ? `?reason=${encodeURIComponent(reason)}` : ''}`, { session });

describe('digitisation at the desk', () => {
  it('attaches a scan per received document at intake: each document and the dossier are digitised, recorded as an event', async () => {
    const keys = [await upload(s['motcua.tanphong'], 'to-khai.pdf', pdf('tờ khai')), await upload(s['motcua.tanphong'], 'giay-chung-sinh.pdf', pdf('giấy chứng sinh'))];
    const code = await receive({ documents: documents.map((d, i) => ({ ...d, fileKey: keys[i], fileName: i === 0 ? 'Tờ khai (bản quét).pdf' : undefined })) });
    const d = await detail(code);
    expect(d.documents.map((x: { digitised: boolean }) => x.digitised)).toEqual([true, true]);
    expect(d).toMatchObject({ digitised: true, resultDigitised: false, paidOnline: false, fullyOnline: false });
    expect(d.documents[0].scans[0]).toMatchObject({ stage: 'intake', file: { key: keys[0], name: 'Tờ khai (bản quét).pdf', type: 'application/pdf' } });
    expect(d.events.map((e: { type: string }) => e.type)).toEqual(['received', 'scans_attached']);
    expect((await t.db.selectFrom('dossiers').select('digitised').where('code', '=', code).executeTakeFirstOrThrow()).digitised).toBe(true);
    expect((await t.request('GET', `/api/v1/dossiers/${code}/verify`, { session: s.admin })).json()).toMatchObject({ valid: true, projectionMatches: true });
  });

  it('digitises a paper dossier later, and the queue lists the dossiers still to scan', async () => {
    const code = await receive({ documents: [{ ...documents[0], fileKey: await upload(s['motcua.tanphong'], 'a.pdf', pdf('a')) }, documents[1]] });
    expect((await detail(code)).digitised).toBe(false);
    const toScan = async () => (await t.request('GET', '/api/v1/dossiers?queue=all_open&digitised=false&limit=200', { session: s['motcua.tanphong'] })).json().items.map((x: { code: string }) => x.code);
    expect(await toScan()).toContain(code);
    // A JPEG, named as the desk named it; its type is read from the bytes.
    const jpeg = await upload(s['motcua.tanphong'], 'giay-chung-sinh.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`quét ${++n}`)]), 'image/jpeg');
    const after = await ok(s['motcua.tanphong'], code, { action: 'attach_scans', scans: [{ documentIndex: 1, file: { key: jpeg, name: 'Giấy chứng sinh.jpg' } }] });
    expect(after).toMatchObject({ digitised: true });
    expect(after.documents[1].scans[0]).toMatchObject({ stage: 'desk', file: { type: 'image/jpeg' } });
    expect(await toScan()).not.toContain(code);
    // Retention sees the scan attached later as used by this open dossier (privacy module).
    expect(await t.services.dossiers.fileKeysInUseSince(now, [jpeg, 'e'.repeat(64)])).toEqual(new Set([jpeg]));
    // Bad input is a 400 naming the field, never a 500: a document the dossier does not have, a file never stored.
    const missing = await act(s['motcua.tanphong'], code, { action: 'attach_scans', scans: [{ documentIndex: 7, file: { key: jpeg, name: 'x.jpg' } }] });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0]).toMatchObject({ path: 'scans.0.documentIndex', message: expect.stringContaining('giấy tờ thứ 8') });
    const never = await act(s['motcua.tanphong'], code, { action: 'attach_scans', scans: [{ documentIndex: 0, file: { key: 'f'.repeat(64), name: 'x.pdf' } }] });
    expect(never.statusCode).toBe(400);
    expect(never.json().error.fields[0].message).toContain('chưa được lưu');
  });

  it('scans what the applicant hands in with the supplement, as it is received', async () => {
    const code = await receive({ documents });
    await ok(s['motcua.tanphong'], code, { action: 'transfer' });
    await ok(s['chuyenvien.tanphong'], code, { action: 'request_supplement', items: [{ name: 'Giấy xác nhận cư trú', reason: 'Thiếu' }] });
    now = new Date('2026-03-03T09:00:00+07:00');
    const key = await upload(s['motcua.tanphong'], 'cu-tru.pdf', pdf('cư trú'));
    const d = await ok(s['motcua.tanphong'], code, { action: 'supplement_received', scans: [{ documentName: 'Giấy xác nhận cư trú', file: { key, name: 'cu-tru.pdf' } }] });
    expect(d.statusCode).toBe(4);
    expect(d.otherScans).toEqual([expect.objectContaining({ documentName: 'Giấy xác nhận cư trú', stage: 'supplement' })]);
    expect(d.events.slice(-2).map((e: { type: string }) => e.type)).toEqual(['supplement_received', 'scans_attached']);
    // A paper not on the list does not make the listed documents digitised.
    expect(d.digitised).toBe(false);
  });
});

describe('drafts, and who records the result (issue 11 item 7)', () => {
  it('refuses the result before the last step and to a non-approver, with reasons in Vietnamese; the head records it with its file', async () => {
    const code = await receive({ documents });
    await ok(s['motcua.tanphong'], code, { action: 'transfer' });
    // Step 2 (the section): the specialist attaches a draft; recording the result here is refused to everyone.
    const draft = await upload(s['chuyenvien.tanphong'], 'du-thao.pdf', pdf('dự thảo'));
    const drafted = await ok(s['chuyenvien.tanphong'], code, { action: 'attach_draft', file: { key: draft, name: 'Dự thảo giấy khai sinh.pdf' }, note: 'Trình ký' });
    expect(drafted.drafts).toEqual([expect.objectContaining({ note: 'Trình ký', file: expect.objectContaining({ key: draft }) })]);
    expect(drafted.actionRefusals.record_result).toMatchObject({ code: 'NOT_RESULT_STEP' });
    for (const who of ['chuyenvien.tanphong', 'lanhdao.tanphong'] as const) {
      const early = await act(s[who], code, { action: 'record_result', summary: 'Cấp giấy khai sinh' });
      expect(early.statusCode, who).toBe(409);
      expect(early.json().error).toMatchObject({ code: 'NOT_RESULT_STEP', message: expect.stringContaining('bước cuối của cơ quan giải quyết') });
    }
    await ok(s['chuyenvien.tanphong'], code, { action: 'transfer' });
    // Step 3 (the People's Committee): the desk officer, who may process there, is not an approver.
    const desk = await act(s['motcua.tanphong'], code, { action: 'record_result', summary: 'Cấp giấy khai sinh' });
    expect(desk.statusCode).toBe(403);
    expect(desk.json().error).toMatchObject({ code: 'NOT_APPROVER', message: expect.stringContaining('lãnh đạo có thẩm quyền phê duyệt') });
    // Handing on to the desk without a decision is refused at the signing step.
    expect((await act(s['lanhdao.tanphong'], code, { action: 'transfer' })).statusCode).toBe(409);
    const signed = await upload(s['lanhdao.tanphong'], 'giay-khai-sinh.pdf', pdf('giấy khai sinh đã ký'));
    const done = await ok(s['lanhdao.tanphong'], code, { action: 'record_result', summary: 'Cấp Giấy khai sinh số 15/2026', resultNumber: '15/2026', resultFile: { key: signed, name: 'Giấy khai sinh 15-2026.pdf' } });
    expect(done).toMatchObject({ statusCode: 9, resultDigitised: true, resultFile: { key: signed, type: 'application/pdf' } });
    // The desk returns it by post: the applicant's address is recorded when no other is given.
    const posted = await ok(s['motcua.tanphong'], code, { action: 'return_result', receiverName: 'Lò Thị Hương', method: 'post' });
    expect(posted).toMatchObject({ statusCode: 10, returnMethod: 'post', deliveryAddress: 'Bản Sang Ngà, phường Tân Phong', fullyOnline: false });
    // The archive copy is digitised after the return; retention lists that scan with the closed dossier.
    const archive = await upload(s['motcua.tanphong'], 'luu-tru.pdf', pdf('bản lưu'));
    await ok(s['motcua.tanphong'], code, { action: 'attach_scans', scans: [{ documentIndex: 1, file: { key: archive, name: 'Giấy chứng sinh.pdf' } }] });
    const closed = (await t.services.dossiers.closedBefore(new Date('2030-01-01T00:00:00Z'), '0', 1000)).find((x) => x.code === code);
    expect(closed?.documents).toContainEqual({ name: 'Giấy chứng sinh', fileKey: archive });
    expect(await t.services.dossiers.fileKeysInUseSince(new Date('2030-01-01T00:00:00Z'), [archive, signed])).toEqual(new Set());
    expect(await t.services.dossiers.fileKeysInUseSince(new Date('2026-01-01T00:00:00Z'), [archive, signed])).toEqual(new Set([archive, signed]));
  });

  it('returns online only an electronic result', async () => {
    const code = await receive({ documents, resultDelivery: 'online' });
    await ok(s['motcua.tanphong'], code, { action: 'transfer' });
    await ok(s['chuyenvien.tanphong'], code, { action: 'transfer' });
    await ok(s['lanhdao.tanphong'], code, { action: 'record_result', summary: 'Cấp giấy khai sinh (bản giấy)' });
    const refused = await act(s['motcua.tanphong'], code, { action: 'return_result', receiverName: 'Lò Thị Hương', method: 'online' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'RESULT_FILE_REQUIRED', message: expect.stringContaining('bản điện tử') });
    // The desk scans the signed paper as it returns it.
    const scan = await upload(s['motcua.tanphong'], 'kq.pdf', pdf('kết quả quét'));
    const d = await ok(s['motcua.tanphong'], code, { action: 'return_result', receiverName: 'Lò Thị Hương', method: 'online', resultFile: { key: scan, name: 'Giấy khai sinh.pdf' } });
    expect(d).toMatchObject({ returnMethod: 'online', resultDigitised: true, resultFile: { key: scan } });
  });
});

describe('downloading a dossier’s files', () => {
  it('serves a file only in the context of a dossier the caller may read and that refers to it', async () => {
    const bytes = pdf('tờ khai riêng');
    const key = await upload(s['motcua.tanphong'], 'to-khai.pdf', bytes);
    const code = await receive({ documents: [{ ...documents[0], fileKey: key, fileName: 'Tờ khai "Lò Thị Hương".pdf' }, documents[1]] });
    const other = await receive({ documents });

    const res = await download(code, key, s['motcua.tanphong']);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="To khai _Lo Thi Huong_.pdf"; filename*=UTF-8''${encodeURIComponent('Tờ khai "Lò Thị Hương".pdf')}`);
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.rawPayload.equals(bytes)).toBe(true);

    // Another commune's desk cannot see the dossier: 404, as for an unknown one; so does an anonymous caller.
    const stranger = await download(code, key, s['motcua.doanket']);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().error.code).toBe('DOSSIER_NOT_FOUND');
    expect((await download(code, key)).statusCode).toBe(404);
    // The key in the context of a dossier that does not refer to it opens nothing.
    const wrong = await download(other, key, s['motcua.tanphong']);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('FILE_NOT_FOUND');
    // The auditor reads outside their own work: a stated reason, logged, as for the dossier itself.
    expect((await download(code, key, s.kiemtra)).json().error.code).toBe('PERSONAL_DATA_REASON_REQUIRED');
    const before = await t.db.selectFrom('audit_events').select('id').where('action', '=', 'personal_data.viewed').where('entity_id', '=', code).execute();
    expect((await download(code, key, s.kiemtra, 'Kiểm tra việc số hóa')).statusCode).toBe(200);
    const after = await t.db.selectFrom('audit_events').select(['id', 'summary']).where('action', '=', 'personal_data.viewed').where('entity_id', '=', code).orderBy('id').execute();
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)!.summary).toMatchObject({ after: { what: 'file', reason: 'Kiểm tra việc số hóa' } });
    // A malformed key is a 400, not a 500.
    expect((await download(code, 'not-a-key', s['motcua.tanphong'])).statusCode).toBe(400);
  });
});

describe('online service flags and the applicant’s results', () => {
  it('marks a dossier submitted online, paid online and returned online as fully online, and hands its result to the document store', async () => {
    // An online submission awaiting reception (the citizen portal's part, issue 11 item 2), entered as history.
    const submittedAt = '2026-03-02T08:30:00+07:00';
    const line = {
      code: 'H30.501.01-260302-0901', receivingUnitCode: 'H30.501.01', procedureCode: '1.001193', channel: 'online', resultDelivery: 'online',
      applicant: { kind: 'citizen', fullName: 'Giàng A Sử', idNumber: '011199004321', phone: '0912345679' }, documents,
      events: [{ type: 'submitted', at: submittedAt, channel: 'online' }],
    };
    const imported = await importerFor(t.services).importLines(systemContext('test'), (async function* () { yield JSON.stringify(line); })());
    expect(imported.errors).toEqual([]);
    const code = line.code;
    await ok(s['motcua.tanphong'], code, { action: 'receive' });
    await ok(s['motcua.tanphong'], code, { action: 'transfer' });
    await ok(s['chuyenvien.tanphong'], code, { action: 'request_payment', items: [{ name: 'Lệ phí', amount: 8000 }] });
    const paid = await ok(s['motcua.tanphong'], code, { action: 'confirm_payment', amount: 8000, method: 'online', reference: 'VNP-0001' });
    expect(paid).toMatchObject({ paidOnline: true, fullyOnline: false });
    await ok(s['chuyenvien.tanphong'], code, { action: 'transfer' });
    const signed = await upload(s['lanhdao.tanphong'], 'gks.pdf', pdf('giấy khai sinh điện tử'));
    await ok(s['lanhdao.tanphong'], code, { action: 'record_result', summary: 'Cấp Giấy khai sinh điện tử', resultNumber: '21/2026', resultFile: { key: signed, name: 'Giấy khai sinh 21-2026.pdf' } });
    expect(await t.services.dossiers.resultsForApplicant('011199004321')).toEqual([]);
    const done = await ok(s['motcua.tanphong'], code, { action: 'return_result', receiverName: 'Giàng A Sử', method: 'online' });
    expect(done).toMatchObject({ fullyOnline: true, paidOnline: true, resultDigitised: true });
    const row = await t.db.selectFrom('dossiers').select(['fully_online', 'paid_online', 'result_digitised']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(row).toEqual({ fully_online: true, paid_online: true, result_digitised: true });
    expect((await t.request('GET', `/api/v1/dossiers/${code}/verify`, { session: s.admin })).json()).toMatchObject({ valid: true, projectionMatches: true });
    const fully = (await t.request('GET', '/api/v1/dossiers?queue=done&fullyOnline=true&limit=200', { session: s['motcua.tanphong'] })).json().items;
    expect(fully.map((x: { code: string }) => x.code)).toEqual([code]);

    // The document store reads it by the applicant's ID number, with separators or without.
    const results = await t.services.dossiers.resultsForApplicant('0111 9900 4321');
    expect(results).toEqual([expect.objectContaining({
      dossierCode: code, procedureCode: '1.001193', summary: 'Cấp Giấy khai sinh điện tử', resultNumber: '21/2026', returnMethod: 'online',
      file: { key: signed, name: 'Giấy khai sinh 21-2026.pdf', type: 'application/pdf' },
    })]);
    // Another person's results are theirs: Lò Thị Hương's results (returned by post and online above) are not this one.
    const hers = await t.services.dossiers.resultsForApplicant('012345678901');
    expect(hers.map((r) => r.dossierCode)).not.toContain(code);
    expect(new Set(hers.map((r) => r.returnMethod))).toEqual(new Set(['post', 'online']));
    expect(await t.services.files.get(results[0]!.file.key)).toBeDefined();
  });

  it('refuses a filter value that is not true or false with 400', async () => {
    const res = await t.request('GET', '/api/v1/dossiers?queue=all_open&digitised=yes', { session: s['motcua.tanphong'] });
    expect(res.statusCode).toBe(400);
  });
});
