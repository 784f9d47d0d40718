import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pdfToText } from '../../platform/documents/pdf-text.js';
import { multipartFile } from '../../../test/support/multipart.js';
import { createTestApp, TEST_CITIZEN, type Session, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';

// Đăng ký khai sinh: full online, commune level. Online it needs the declaration and the birth
// certificate; the identity card is read from the e-ID, residence from the national database.
const PROCEDURE = '1.001193';
const PDF = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
let now = TEST_NOW;
let t: TestApp;
const staff = {} as Record<string, Session>;
let mai: Session;
let tanPhongDesk: number;

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  for (const u of ['motcua.tanphong', 'chuyenvien.tanphong', 'lanhdao.tanphong', 'motcua.doanket']) staff[u] = await t.login(u);
  mai = await t.citizenSession();
  tanPhongDesk = await t.unitId('H30.501.01');
});
afterAll(async () => { await t?.close(); });
beforeEach(() => { now = TEST_NOW; });

async function upload(s: Session, name: string, content: Buffer, draftId?: string) {
  const m = multipartFile('file', name, content, 'application/pdf');
  return t.request('POST', `/api/v1/citizen/files${draftId ? `?draftId=${draftId}` : ''}`, { session: s, body: m.payload, headers: m.headers });
}

/** A complete draft of the birth registration at Tân Phong, with its two documents uploaded. */
async function completeDraft(s: Session) {
  const created = await t.request('POST', '/api/v1/citizen/dossiers', { session: s, body: { procedureCode: PROCEDURE } });
  expect(created.statusCode, created.body).toBe(201);
  const draft = created.json();
  const a = (await upload(s, 'to-khai.pdf', PDF(`to khai ${draft.id}`), draft.id)).json();
  const b = (await upload(s, 'giay-chung-sinh.pdf', PDF(`chung sinh ${draft.id}`), draft.id)).json();
  const patched = await t.request('PATCH', `/api/v1/citizen/dossiers/${draft.id}`, {
    session: s,
    body: {
      version: draft.version, receivingUnitId: tanPhongDesk, request: 'Đăng ký khai sinh cho con Lò Văn An, sinh ngày 20/02/2026',
      documents: [{ name: 'Tờ khai đăng ký khai sinh', fileId: a.id }, { name: 'Giấy chứng sinh', fileId: b.id }],
    },
  });
  expect(patched.statusCode, patched.body).toBe(200);
  return patched.json();
}

async function submit(s: Session, draftId: string, key = `k-${draftId}-${Math.random().toString(36).slice(2)}`) {
  return t.request('POST', `/api/v1/citizen/dossiers/${draftId}/submit`, { session: s, body: { idempotencyKey: key } });
}

async function act(session: Session | undefined, code: string, body: Record<string, unknown>) {
  const version = (await t.db.selectFrom('dossiers').select('version').where('code', '=', code).executeTakeFirstOrThrow()).version;
  const res = await t.request('POST', `/api/v1/dossiers/${code}/actions`, { session, body: { version, ...body } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('online filing', () => {
  it('pre-fills the applicant from the e-ID and lists the documents the case needs online', async () => {
    const res = await t.request('POST', '/api/v1/citizen/dossiers', { session: mai, body: { procedureCode: PROCEDURE } });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d.applicant).toMatchObject({ fullName: TEST_CITIZEN.fullName, idNumber: TEST_CITIZEN.idNumber, phone: TEST_CITIZEN.phone, email: TEST_CITIZEN.email });
    const required = d.procedure.documents.filter((x: { required: boolean }) => x.required).map((x: { name: string }) => x.name);
    expect(required).toEqual(['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh']);
    expect(d.procedure.receivingUnits.map((u: { id: number }) => u.id)).toContain(tanPhongDesk);
    expect(d.problems.map((p: { path: string }) => p.path)).toEqual(expect.arrayContaining(['receivingUnitId', 'request', 'documents']));
  });

  it('refuses a procedure that is not offered online, in Vietnamese', async () => {
    const res = await t.request('POST', '/api/v1/citizen/dossiers', { session: mai, body: { procedureCode: '2.000815' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('PROCEDURE_NOT_ONLINE');
    expect(res.json().error.message).toContain('chưa được cung cấp dịch vụ công trực tuyến');
  });

  it('keeps drafts on the server under a version: a stale edit is refused, a draft can be deleted', async () => {
    const d = (await t.request('POST', '/api/v1/citizen/dossiers', { session: mai, body: { procedureCode: PROCEDURE } })).json();
    const first = await t.request('PATCH', `/api/v1/citizen/dossiers/${d.id}`, { session: mai, body: { version: d.version, request: 'Lần một' } });
    expect(first.statusCode).toBe(200);
    const stale = await t.request('PATCH', `/api/v1/citizen/dossiers/${d.id}`, { session: mai, body: { version: d.version, request: 'Lần hai' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect((await t.request('GET', `/api/v1/citizen/dossiers/${d.id}`, { session: mai })).json().content.request).toBe('Lần một');
    expect((await t.request('DELETE', `/api/v1/citizen/dossiers/${d.id}`, { session: mai })).statusCode).toBe(204);
    expect((await t.request('GET', `/api/v1/citizen/dossiers/${d.id}`, { session: mai })).statusCode).toBe(404);
  });

  it('refuses an incomplete submission, naming what is missing', async () => {
    const d = (await t.request('POST', '/api/v1/citizen/dossiers', { session: mai, body: { procedureCode: PROCEDURE } })).json();
    const res = await submit(mai, d.id);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('DRAFT_INCOMPLETE');
    expect(res.body).toContain('Còn thiếu giấy tờ: Giấy chứng sinh');
    expect(await t.db.selectFrom('dossiers').select('code').where('idempotency_key', 'like', `online:${d.id}:%`).execute()).toHaveLength(0);
  });

  it('submits into the desk’s queue as "Mới đăng ký"; the clock starts at reception; the citizen then opens the receipt', async () => {
    const draft = await completeDraft(mai);
    expect(draft.problems).toEqual([]);
    const res = await submit(mai, draft.id);
    expect(res.statusCode, res.body).toBe(201);
    const code = res.json().dossier.code as string;
    expect(res.json().dossier).toMatchObject({ statusCode: 1, channel: 'online', receivedAt: null, dueAt: null });

    // The desk of Tân Phong sees it among the dossiers received there and the open ones; Đoàn Kết does not.
    for (const queue of ['received_here', 'all_open']) {
      const q = await t.request('GET', `/api/v1/dossiers?queue=${queue}&status=1`, { session: staff['motcua.tanphong'] });
      expect(q.json().items.map((x: { code: string }) => x.code), queue).toContain(code);
    }
    const other = await t.request('GET', '/api/v1/dossiers?queue=received_here&status=1', { session: staff['motcua.doanket'] });
    expect(other.json().items.map((x: { code: string }) => x.code)).not.toContain(code);
    // The desk reads the applicant (from the e-ID) and the two attached files.
    const seen = (await t.request('GET', `/api/v1/dossiers/${code}`, { session: staff['motcua.tanphong'] })).json();
    expect(seen.applicant).toMatchObject({ kind: 'citizen', fullName: TEST_CITIZEN.fullName, idNumber: TEST_CITIZEN.idNumber });
    expect(seen.documents.filter((x: { fileKey?: string }) => x.fileKey)).toHaveLength(2);
    expect(seen.events[0]).toMatchObject({ type: 'submitted', actor: { staffId: null, name: TEST_CITIZEN.fullName } });
    const audit = await t.db.selectFrom('audit_events').select('actor_name').where('action', '=', 'dossier.submitted').where('entity_id', '=', code).executeTakeFirstOrThrow();
    expect(audit.actor_name).toContain(`Công dân ${TEST_CITIZEN.fullName}`);

    // Before reception there is no receipt; an hour later the desk receives it and the clock starts then.
    const early = await t.request('GET', `/api/v1/citizen/dossiers/${code}/slips/01.pdf`, { session: mai });
    expect(early.statusCode).toBe(409);
    now = new Date(TEST_NOW.getTime() + 3_600_000);
    await act(staff['motcua.tanphong'], code, { action: 'receive' });
    const mine = await t.request('GET', `/api/v1/citizen/dossiers/${code}`, { session: mai });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ statusCode: 2, statusName: 'Được tiếp nhận', receivedOn: '02/03/2026', receiptAvailable: true, source: 'online' });
    expect(new Date(mine.json().receivedAt).getTime()).toBe(now.getTime());
    expect(mine.json().deadline.lines[0].vi).toContain('thời hạn giải quyết tính từ khi bộ phận một cửa tiếp nhận');
    const receipt = await t.request('GET', `/api/v1/citizen/dossiers/${code}/slips/01.pdf`, { session: mai });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toContain('application/pdf');
    const text = await pdfToText(new Uint8Array(receipt.rawPayload));
    expect(text).toContain(code);
    expect(text).toContain(TEST_CITIZEN.fullName);
    // The receipt also went to the citizen's e-mail, through the outbox.
    const mail = await t.db.selectFrom('outbox_messages').select(['recipient', 'channel']).where('reference', '=', code).where('channel', '=', 'email').execute();
    expect(mail.map((m) => m.recipient)).toContain(TEST_CITIZEN.email);
    // In "my dossiers" with its status and dates.
    const list = (await t.request('GET', '/api/v1/citizen/dossiers', { session: mai })).json();
    expect(list.dossiers.find((x: { code: string }) => x.code === code)).toMatchObject({ statusCode: 2, receivedOn: '02/03/2026', source: 'online' });
  });

  it('is idempotent: the same key, a retry with a new key and a parallel double click all give one dossier', async () => {
    const draft = await completeDraft(mai);
    const [a, b] = await Promise.all([submit(mai, draft.id, 'same-key-0001'), submit(mai, draft.id, 'same-key-0001')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    const again = await submit(mai, draft.id, 'another-key-0002');
    expect(again.statusCode).toBe(200);
    const codes = new Set([a, b, again].map((r) => r.json().draft.dossierCode));
    expect(codes.size).toBe(1);
    const rows = await t.db.selectFrom('dossiers').select('code').where('idempotency_key', 'like', `online:${draft.id}:%`).execute();
    expect(rows).toHaveLength(1);
    // A desk cannot use the namespace of online keys.
    const desk = await t.request('POST', '/api/v1/dossiers', { session: staff['motcua.tanphong'], body: { procedureCode: PROCEDURE, channel: 'desk', resultDelivery: 'desk', idempotencyKey: `online:${draft.id}:same-key-0001`, applicant: { kind: 'citizen', fullName: 'Ai Đó', phone: '0912345678' } } });
    expect(desk.statusCode).toBe(400);
  });

  it('keeps each citizen to their own: another citizen’s draft, file and dossier answer 404, and their file cannot be attached', async () => {
    const draft = await completeDraft(mai);
    const code = (await submit(mai, draft.id)).json().dossier.code as string;
    const fileId = draft.content.documents[0].fileId as string;
    const other = await t.citizenSession({ subject: 'cd-other', fullName: 'Giàng A Páo', idNumber: '012088004321', email: 'pao@example.vn' });
    expect((await t.request('GET', `/api/v1/citizen/dossiers/${draft.id}`, { session: other })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/v1/citizen/dossiers/${code}`, { session: other })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/v1/citizen/documents/${fileId}/file`, { session: other })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/v1/citizen/dossiers/${code}/slips/01.pdf`, { session: other })).statusCode).toBe(404);
    expect((await t.request('POST', `/api/v1/citizen/dossiers/${code}/rating`, { session: other, body: { level: 'satisfied' } })).statusCode).toBe(404);
    const theirs = (await t.request('POST', '/api/v1/citizen/dossiers', { session: other, body: { procedureCode: PROCEDURE } })).json();
    const stolen = await t.request('PATCH', `/api/v1/citizen/dossiers/${theirs.id}`, { session: other, body: { version: theirs.version, documents: [{ name: 'Giấy chứng sinh', fileId }] } });
    expect(stolen.json().files).toEqual([]);
    expect(stolen.json().problems.map((p: { path: string }) => p.path)).toContain('documents.0.fileId');
    expect((await t.request('GET', '/api/v1/citizen/documents', { session: other })).json().items).toEqual([]);
    // The owner downloads their own file, named safely.
    const own = await t.request('GET', `/api/v1/citizen/documents/${fileId}/file`, { session: mai });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-disposition']).toContain('attachment; filename="to-khai.pdf"');
  });

  it('shows a desk-filed dossier to the person whose ID number it carries, not to others', async () => {
    const res = await t.request('POST', '/api/v1/dossiers', { session: staff['motcua.tanphong'], body: { procedureCode: PROCEDURE, channel: 'desk', resultDelivery: 'desk', idempotencyKey: 'desk-filed-for-mai', applicant: { kind: 'citizen', fullName: TEST_CITIZEN.fullName, idNumber: TEST_CITIZEN.idNumber, phone: '0912345678' } } });
    const code = res.json().code as string;
    const list = (await t.request('GET', '/api/v1/citizen/dossiers', { session: mai })).json();
    expect(list.dossiers.find((x: { code: string }) => x.code === code)).toMatchObject({ source: 'desk', statusCode: 2 });
    expect((await t.request('GET', `/api/v1/citizen/dossiers/${code}`, { session: mai })).statusCode).toBe(200);
    const other = await t.citizenSession({ subject: 'cd-desk-other', idNumber: '012088009999' });
    expect((await t.request('GET', `/api/v1/citizen/dossiers/${code}`, { session: other })).statusCode).toBe(404);
  });
});

describe('the desk’s "awaiting reception" queue', () => {
  it('holds what citizens sent online to this desk until it is received, and counts it', async () => {
    const queue = async (user: string) => {
      const list = await t.request('GET', '/api/v1/dossiers?queue=awaiting_reception&limit=100', { session: staff[user] });
      expect(list.statusCode, list.body).toBe(200);
      const counts = (await t.request('GET', '/api/v1/dossiers/counts', { session: staff[user] })).json();
      const codes = list.json().items.map((x: { code: string }) => x.code) as string[];
      expect(counts.awaiting_reception.n).toBe(codes.length);
      return codes;
    };
    const code = (await submit(mai, (await completeDraft(mai)).id)).json().dossier.code as string;
    expect(await queue('motcua.tanphong')).toContain(code);
    // Another commune's desk does not receive it.
    expect(await queue('motcua.doanket')).not.toContain(code);
    await act(staff['motcua.tanphong'], code, { action: 'receive' });
    expect(await queue('motcua.tanphong')).not.toContain(code);
  });
});

describe('supplements, refusal and rating', () => {
  it('a processing supplement: the citizen sees what is asked, supplements once, and the clock paused and resumed', async () => {
    const draft = await completeDraft(mai);
    const code = (await submit(mai, draft.id)).json().dossier.code as string;
    await act(staff['motcua.tanphong'], code, { action: 'receive' });
    now = new Date('2026-03-02T10:00:00+07:00');
    await act(staff['motcua.tanphong'], code, { action: 'request_supplement', items: [{ name: 'Giấy chứng sinh bản rõ nét', reason: 'Bản tải lên bị mờ, không đọc được' }] });
    const waiting = (await t.request('GET', `/api/v1/citizen/dossiers/${code}`, { session: mai })).json();
    expect(waiting.statusCode).toBe(5);
    expect(waiting.actions).toEqual([{ kind: 'supplement', stage: 'processing', items: [{ name: 'Giấy chứng sinh bản rõ nét', reason: 'Bản tải lên bị mờ, không đọc được' }], note: null }]);
    expect(waiting.deadline.paused).toBe(true);
    const dueBefore = waiting.deadline.dueAt as string;

    // A working day later: the due date moves by the paused working time (the calendar computes it).
    now = new Date('2026-03-03T10:00:00+07:00');
    const file = (await upload(mai, 'giay-chung-sinh-ro.pdf', PDF('ro net'))).json();
    const res = await t.request('POST', `/api/v1/citizen/dossiers/${code}/supplement`, { session: mai, body: { documents: [{ name: 'Giấy chứng sinh bản rõ nét', fileId: file.id }] } });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after.statusCode).toBe(4);
    expect(after.actions).toEqual([]);
    expect(after.deadline.pauses).toHaveLength(1);
    expect(after.deadline.pauses[0].workingHours).toBeGreaterThan(0);
    expect(new Date(after.deadline.dueAt).getTime()).toBeGreaterThan(new Date(dueBefore).getTime());
    expect(after.deadline.lines.map((l: { vi: string }) => l.vi).join('\n')).toMatch(/Tạm dừng tính thời hạn[\s\S]*Nhận bổ sung lúc 03\/03\/2026 10:00; tiếp tục tính thời hạn/);
    // The event is the citizen's, and the desk sees the new file on the dossier.
    const desk = (await t.request('GET', `/api/v1/dossiers/${code}`, { session: staff['motcua.tanphong'] })).json();
    expect(desk.events.at(-1)).toMatchObject({ type: 'supplement_received', actor: { staffId: null, name: TEST_CITIZEN.fullName }, documents: [{ name: 'Giấy chứng sinh bản rõ nét' }] });
    expect(desk.documents.at(-1)).toMatchObject({ name: 'Giấy chứng sinh bản rõ nét', supplement: true });
    // Once only.
    const twice = await t.request('POST', `/api/v1/citizen/dossiers/${code}/supplement`, { session: mai, body: { documents: [{ name: 'Giấy chứng sinh bản rõ nét', fileId: file.id }] } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('NO_SUPPLEMENT_REQUESTED');
  });

  it('a supplement at reception: the citizen answers online and the dossier waits for the desk again', async () => {
    const draft = await completeDraft(mai);
    const code = (await submit(mai, draft.id)).json().dossier.code as string;
    await act(staff['motcua.tanphong'], code, { action: 'request_reception_supplement', items: [{ name: 'Văn bản ủy quyền', reason: 'Người nộp không phải cha mẹ của trẻ' }] });
    const waiting = (await t.request('GET', `/api/v1/citizen/dossiers/${code}`, { session: mai })).json();
    expect(waiting.actions[0]).toMatchObject({ kind: 'supplement', stage: 'reception' });
    const file = (await upload(mai, 'uy-quyen.pdf', PDF('uy quyen'))).json();
    const res = await t.request('POST', `/api/v1/citizen/dossiers/${code}/supplement`, { session: mai, body: { documents: [{ name: 'Văn bản ủy quyền', fileId: file.id }], note: 'Bổ sung văn bản ủy quyền' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ statusCode: 1, actions: [] });
    expect(res.json().timeline.at(-1)).toMatchObject({ type: 'reception_supplement_submitted' });
    await act(staff['motcua.tanphong'], code, { action: 'receive' });
  });

  it('a refusal: the citizen sees the reasons and the refusal slip', async () => {
    const draft = await completeDraft(mai);
    const code = (await submit(mai, draft.id)).json().dossier.code as string;
    await act(staff['motcua.tanphong'], code, { action: 'refuse', reasons: ['Trẻ đã được đăng ký khai sinh tại xã khác'] });
    const d = (await t.request('GET', `/api/v1/citizen/dossiers/${code}`, { session: mai })).json();
    expect(d).toMatchObject({ statusCode: 3, statusName: 'Không được tiếp nhận', refusalReasons: ['Trẻ đã được đăng ký khai sinh tại xã khác'] });
    expect((await t.request('GET', `/api/v1/citizen/dossiers/${code}/slips/03.pdf`, { session: mai })).statusCode).toBe(200);
  });

  it('rates once, only after the result, and the rating is there for the statistics', async () => {
    const draft = await completeDraft(mai);
    const code = (await submit(mai, draft.id)).json().dossier.code as string;
    await act(staff['motcua.tanphong'], code, { action: 'receive' });
    const early = await t.request('POST', `/api/v1/citizen/dossiers/${code}/rating`, { session: mai, body: { level: 'very_satisfied' } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('RATING_NOT_YET');
    await act(staff['motcua.tanphong'], code, { action: 'transfer' });
    // Step 2 is the judicial-administration office's; the commune's head covers it in the demo.
    await act(staff['lanhdao.tanphong'], code, { action: 'take' });
    await act(staff['lanhdao.tanphong'], code, { action: 'transfer' });
    await act(staff['lanhdao.tanphong'], code, { action: 'record_result', summary: 'Cấp Giấy khai sinh số 21/2026' });
    const ready = (await t.request('GET', `/api/v1/citizen/dossiers/${code}`, { session: mai })).json();
    expect(ready.actions).toEqual([{ kind: 'rate' }]);
    const bad = await t.request('POST', `/api/v1/citizen/dossiers/${code}/rating`, { session: mai, body: { level: 'tuyệt vời' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Mức độ hài lòng');
    const ok = await t.request('POST', `/api/v1/citizen/dossiers/${code}/rating`, { session: mai, body: { level: 'very_satisfied', comment: 'Không phải đi lại' } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().rating).toMatchObject({ level: 'very_satisfied', label: { vi: 'Rất hài lòng' }, comment: 'Không phải đi lại' });
    const again = await t.request('POST', `/api/v1/citizen/dossiers/${code}/rating`, { session: mai, body: { level: 'not_satisfied' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_RATED');
    // The satisfaction module owns the ratings now: the online rating is one of its channel 'online'.
    const stats = await t.services.satisfaction.results({ unitIds: [tanPhongDesk], from: new Date('2026-03-01T00:00:00+07:00'), to: new Date('2026-03-31T00:00:00+07:00'), groupBy: 'unit' });
    expect(stats.total.counts.very_satisfied).toBeGreaterThanOrEqual(1);
    expect(await t.db.selectFrom('dossier_ratings').select(['level', 'comment', 'channel']).where('dossier_code', '=', code).executeTakeFirst()).toEqual({ level: 'very_satisfied', comment: 'Không phải đi lại', channel: 'online' });
  });

  it('answers 401 without a citizen session, and a staff session is not one', async () => {
    expect((await t.request('GET', '/api/v1/citizen/dossiers')).statusCode).toBe(401);
    expect((await t.request('GET', '/api/v1/citizen/documents', { session: staff['motcua.tanphong'] })).statusCode).toBe(401);
    expect((await t.request('POST', '/api/v1/citizen/dossiers', { session: staff['motcua.tanphong'], body: { procedureCode: PROCEDURE } })).statusCode).toBe(401);
  });
});
