import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { pdfToText } from '../../platform/documents/pdf-text.js';
import { OUTGOING_ACTIONS } from './outgoing-rules.js';

// An outgoing document of the Department of Home Affairs (Sở Nội vụ, H30.101): its specialist drafts a
// plan in the Organisation section (H30.101.01), the deputy director signs it, the records clerk
// numbers and releases it; it enters the outgoing register. The clock stays at TEST_NOW (Monday
// 2/3/2026); the clerk is made here since the demo's records clerks may not exist yet.
let t: TestApp;
const s = {} as Record<string, Session>;
const u = {} as Record<string, number>;
const staff = {} as Record<string, number>;
const P = '/api/v1/registry';
const api = (method: string, url: string, who: string, body?: unknown) => t.request(method, `${P}${url}`, { session: s[who]!, body });
const detail = async (id: number) => (await api('GET', `/documents/${id}`, 'lanhdao.snv')).json();
const act = async (id: number, who: string, body: Record<string, unknown>) => api('POST', `/outgoing/${id}/actions`, who, { version: (await detail(id)).version, ...body });
/** The outgoing part's actions among those every part offers (attachments, the exchange add theirs). */
const outgoingActions = (doc: { allowedActions: string[] }) => doc.allowedActions.filter((a) => (OUTGOING_ACTIONS as readonly string[]).includes(a));
const pdfText = async (res: { rawPayload: Buffer }) => (await pdfToText(res.rawPayload)).replace(/\s+/g, ' ');
/** What the series' next number prints as (the demo may have numbered documents of its own). */
const nextPrinted = async (series: string) => {
  const row = await t.db.selectFrom('reg_counters').select('last_number').where('unit_id', '=', u['H30.101']!).where('year', '=', 2026).where('series', '=', series).executeTakeFirst();
  return String((row?.last_number ?? 0) + 1).padStart(2, '0');
};

const draft = (extra: Record<string, unknown> = {}) => ({
  draftingUnitId: u['H30.101.01'], docType: 'KH', subject: 'Kế hoạch cải cách hành chính năm 2026 của Sở Nội vụ',
  body: 'Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh về cải cách hành chính năm 2026.\nSở Nội vụ ban hành kế hoạch như sau.',
  recipients: [{ unitId: u['H30.102'] }, { name: 'Văn phòng Ủy ban nhân dân tỉnh Lai Châu' }], copies: 3, ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  s.admin = await t.login('admin');
  for (const code of ['H30.101', 'H30.101.01', 'H30.101.02', 'H30.102']) u[code] = await t.unitId(code);
  for (const [code, symbol] of [['H30.101', 'SNV'], ['H30.102', 'STP']] as const) {
    const res = await t.request('PUT', `${P}/agencies/${u[code]}/settings`, { session: s.admin, body: { symbol, placeName: 'Lai Châu', managingBody: 'UBND tỉnh Lai Châu', numbering: 'per_type' } });
    expect(res.statusCode, res.body).toBe(200);
  }
  const clerk = await t.request('POST', '/api/v1/org/staff', { session: s.admin, body: { fullName: 'Lò Thị Văn Thư', unitId: u['H30.101'], position: 'Văn thư', username: 'vt.outgoing', password: 'Mat-khau-Lai-Chau-2026', roles: [{ role: 'clerk', unitId: u['H30.101'] }] } });
  expect(clerk.statusCode, clerk.body).toBe(201);
  await t.db.updateTable('auth_accounts').set({ must_change_password: false }).where('username', '=', 'vt.outgoing').execute();
  s.clerk = await t.login('vt.outgoing', 'Mat-khau-Lai-Chau-2026');
  for (const name of ['lanhdao.snv', 'chuyenvien.snv', 'lanhdao.stp', 'kiemtra']) {
    s[name] = await t.login(name);
    staff[name] = (await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', name).executeTakeFirstOrThrow()).staff_id!;
  }
});
afterAll(async () => { await t?.close(); });

describe('an outgoing document from draft to release', () => {
  let id: number;
  let number: string;

  it('is drafted by the section\'s specialist for the department, and reads as a draft', async () => {
    const res = await api('POST', '/outgoing', 'chuyenvien.snv', draft({ urgency: 'khan' }));
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      direction: 'out', status: 'draft', statusLabel: 'Dự thảo', unitId: u['H30.101'], unitName: 'Sở Nội vụ', draftingUnitId: u['H30.101.01'], docTypeName: 'Kế hoạch',
      number: null, symbol: null, urgencyLabel: 'Khẩn', copies: 3, draftedBy: { id: staff['chuyenvien.snv'] },
      recipients: [{ unitId: u['H30.102'], name: 'Sở Tư pháp' }, { unitId: null, name: 'Văn phòng Ủy ban nhân dân tỉnh Lai Châu' }],
    });
    expect(outgoingActions(res.json())).toEqual(['edit', 'submit', 'cancel']);
    expect(res.json().events.map((e: { action: string }) => e.action)).toEqual(['created']);
    expect(outgoingActions(await detail(id))).toEqual(['cancel']);
    const pdf = await api('GET', `/outgoing/${id}/pdf`, 'chuyenvien.snv');
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    const text = await pdfText(pdf);
    expect(text).toContain('DỰ THẢO');
    expect(text).toContain('/KH-SNV');
    expect(text).not.toMatch(/Số: \d/);
    expect(text).toContain('Kế hoạch cải cách hành chính năm 2026 của Sở Nội vụ');
  });

  it('is edited by its drafter only, under its version', async () => {
    expect((await act(id, 'lanhdao.snv', { action: 'edit', subject: 'Không phải người soạn' })).statusCode).toBe(403);
    const res = await act(id, 'chuyenvien.snv', { action: 'edit', subject: 'Kế hoạch cải cách hành chính năm 2026', pages: 4 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ subject: 'Kế hoạch cải cách hành chính năm 2026', pages: 4 });
    const stale = await api('POST', `/outgoing/${id}/actions`, 'chuyenvien.snv', { version: res.json().version - 1, action: 'edit', subject: 'Tên cũ hơn' });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'VERSION_CONFLICT']);
    expect((await detail(id)).subject).toBe('Kế hoạch cải cách hành chính năm 2026');
  });

  it('goes to a signer of the department only; is returned with a reason, then signed', async () => {
    const noSigner = await act(id, 'chuyenvien.snv', { action: 'submit' });
    expect([noSigner.statusCode, noSigner.json().error.fields[0].path]).toEqual([400, 'approverStaffId']);
    for (const who of ['chuyenvien.snv', 'lanhdao.stp']) {
      const res = await act(id, 'chuyenvien.snv', { action: 'submit', approverStaffId: staff[who] });
      expect([res.statusCode, res.json().error.fields[0].path], who).toEqual([400, 'approverStaffId']);
      expect(res.json().error.fields[0].message).toContain('thẩm quyền ký');
    }
    let res = await act(id, 'chuyenvien.snv', { action: 'submit', approverStaffId: staff['lanhdao.snv'] });
    expect(res.json()).toMatchObject({ status: 'submitted', approver: { id: staff['lanhdao.snv'] } });
    const early = await act(id, 'clerk', { action: 'release' });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'DOCUMENT_WRONG_STATUS']);
    expect(early.json().error.message).toContain('Trình ký');
    expect((await act(id, 'lanhdao.snv', { action: 'return', note: 'Bổ sung kinh phí thực hiện' })).json()).toMatchObject({ status: 'draft' });
    res = await act(id, 'chuyenvien.snv', { action: 'submit' });
    expect(res.json()).toMatchObject({ status: 'submitted' });
    expect(outgoingActions(res.json())).toEqual(['cancel']);
    expect((await act(id, 'chuyenvien.snv', { action: 'approve', signerTitle: 'Phó Giám đốc' })).statusCode).toBe(403);
    res = await act(id, 'lanhdao.snv', { action: 'approve', signerTitle: 'Phó Giám đốc', signingPrefix: 'KT' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', signerName: 'Lê Thị Thu Hằng', signerTitle: 'Phó Giám đốc', signingPrefix: 'KT', number: null });
    expect(outgoingActions((await api('GET', `/documents/${id}`, 'clerk')).json())).toEqual(['release']);
  });

  it('is numbered and released by the records office, not by its drafter', async () => {
    const byDrafter = await act(id, 'chuyenvien.snv', { action: 'release' });
    expect(byDrafter.statusCode).toBe(403);
    number = await nextPrinted('out:KH');
    const res = await act(id, 'clerk', { action: 'release' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'released', number: Number(number), symbol: `${number}/KH-SNV`, issuedOn: '2026-03-02', issuerName: 'Sở Nội vụ', hasFile: true, releasedAt: '2026-03-02T02:00:00.000Z',
    });
    expect(res.json().fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(outgoingActions(res.json())).toEqual([]);
    // The exchange adds its own lines (deliveries); these are the outgoing part's.
    const mine = new Set(['created', 'edited', 'submitted', 'returned', 'approved', 'released', 'cancelled']);
    expect(res.json().events.filter((e: { action: string }) => mine.has(e.action)).map((e: { action: string; note: string | null }) => [e.action, e.note])).toEqual([
      ['created', null], ['edited', null], ['submitted', null], ['returned', 'Bổ sung kinh phí thực hiện'], ['submitted', null], ['approved', null], ['released', null],
    ]);
    const again = await act(id, 'clerk', { action: 'release' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'DOCUMENT_WRONG_STATUS']);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'registry_document').where('entity_id', '=', String(id)).where('action', 'like', 'registry.outgoing_%').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'registry.outgoing_created', 'registry.outgoing_edited', 'registry.outgoing_submitted', 'registry.outgoing_returned', 'registry.outgoing_submitted', 'registry.outgoing_approved', 'registry.outgoing_released',
    ]);
  });

  it('is kept as the PDF it was released as, in Decree 30\'s layout', async () => {
    const pdf = await api('GET', `/outgoing/${id}/pdf`, 'lanhdao.snv');
    expect(pdf.statusCode).toBe(200);
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe((await detail(id)).fileSha256);
    const text = await pdfText(pdf);
    for (const part of [`Số: ${number}/KH-SNV`, 'Lai Châu, ngày 02 tháng 3 năm 2026', 'UBND TỈNH LAI CHÂU', 'SỞ NỘI VỤ', 'KẾ HOẠCH', 'Kế hoạch cải cách hành chính năm 2026', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Lê Thị Thu Hằng', 'Nơi nhận:', '- Sở Tư pháp;', 'KHẨN']) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain('DỰ THẢO');
    expect((await api('GET', `/outgoing/${id}/pdf`, 'lanhdao.stp')).statusCode).toBe(404);
    const views = (await detail(id)).events.filter((e: { action: string; details: { format?: string } }) => e.action === 'viewed' && e.details.format === 'pdf');
    expect(views.length).toBeGreaterThanOrEqual(2);
  });

  it('is listed in the outgoing register, to the department\'s readers only', async () => {
    const res = await api('GET', `/registers/outgoing?unitId=${u['H30.101']}&from=2026-03-01&to=2026-03-31`, 'kiemtra');
    expect(res.statusCode, res.body).toBe(200);
    const book = res.json();
    expect(book.columns.map((c: { label: string }) => c.label)).toEqual([
      'Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung', 'Người ký', 'Nơi nhận văn bản', 'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ngày chuyển', 'Ký nhận', 'Ghi chú',
    ]);
    expect(book.rows.find((r: { documentId: number }) => r.documentId === id)).toEqual({
      documentId: id, symbol: `${number}/KH-SNV`, issuedOn: '2026-03-02', typeAndSubject: 'Kế hoạch: Kế hoạch cải cách hành chính năm 2026', signer: 'Lê Thị Thu Hằng',
      recipients: 'Sở Tư pháp; Văn phòng Ủy ban nhân dân tỉnh Lai Châu', fileCopy: 'Phòng Tổ chức, biên chế và công chức (Sùng A Páo)', copies: 3, sentOn: '2026-03-02', receivedBy: null, note: 'Khẩn',
    });
    const before = await api('GET', `/registers/outgoing?unitId=${u['H30.101']}&from=2026-01-01&to=2026-03-01`, 'kiemtra');
    expect(before.json().rows.map((r: { documentId: number }) => r.documentId)).not.toContain(id);
    const pdf = await api('GET', `/registers/outgoing?unitId=${u['H30.101']}&from=2026-03-01&to=2026-03-31&format=pdf`, 'lanhdao.snv');
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    const text = await pdfText(pdf);
    for (const part of ['SỔ ĐĂNG KÝ VĂN BẢN ĐI', 'Từ ngày 01/03/2026 đến ngày 31/03/2026', 'SỞ NỘI VỤ', `${number}/KH-SNV`, '02/03/2026', 'Ký nhận']) expect(text).toContain(part);
    expect((await api('GET', `/registers/outgoing?unitId=${u['H30.101']}`, 'lanhdao.stp')).statusCode).toBe(404);
    const backwards = await api('GET', `/registers/outgoing?unitId=${u['H30.101']}&from=2026-03-31&to=2026-03-01`, 'kiemtra');
    expect([backwards.statusCode, backwards.json().error.fields[0].path]).toEqual([400, 'querystring.to']);
  });
});

describe('refusals', () => {
  it('answers a bad body with 400 naming each field in Vietnamese', async () => {
    let res = await api('POST', '/outgoing', 'chuyenvien.snv', { ...draft(), docType: 'XX', subject: '', recipients: [] });
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries(res.json().error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(fields.docType).toContain('Nghị định 30');
    expect(fields.subject).toContain('Trích yếu');
    expect(fields.recipients).toContain('ít nhất một nơi nhận');
    res = await api('POST', '/outgoing', 'chuyenvien.snv', draft({ recipients: [{ unitId: u['H30.102'] }, { unitId: 999_999 }] }));
    expect([res.statusCode, res.json().error.fields[0].path, res.json().error.fields[0].message]).toEqual([400, 'recipients.1.unitId', 'Đơn vị nhận không tồn tại.']);
    res = await api('POST', '/outgoing', 'chuyenvien.snv', draft({ legal: true }));
    expect([res.statusCode, res.json().error.fields[0].path]).toEqual([400, 'legal']);
    res = await api('POST', '/outgoing', 'chuyenvien.snv', draft({ extra: 1 }));
    expect(res.statusCode).toBe(400);
    res = await api('POST', '/outgoing', 'chuyenvien.snv', draft({ approverStaffId: staff['chuyenvien.snv'] }));
    expect([res.statusCode, res.json().error.fields[0].path]).toEqual([400, 'approverStaffId']);
  });

  it('lets only those who draft for the department draft: a reader is refused, another department does not see it', async () => {
    expect((await api('POST', '/outgoing', 'kiemtra', draft())).statusCode).toBe(403);
    expect((await api('POST', '/outgoing', 'lanhdao.stp', draft())).statusCode).toBe(404);
  });

  it('is cancelled with a reason, then nothing more is done to it', async () => {
    const id = (await api('POST', '/outgoing', 'chuyenvien.snv', draft())).json().id as number;
    expect((await act(id, 'chuyenvien.snv', { action: 'cancel' })).statusCode).toBe(400);
    expect((await act(id, 'clerk', { action: 'cancel', note: 'Không cần ban hành' })).statusCode).toBe(403);
    const res = await act(id, 'chuyenvien.snv', { action: 'cancel', note: 'Không cần ban hành' });
    expect(res.json()).toMatchObject({ status: 'cancelled' });
    expect(outgoingActions(res.json())).toEqual([]);
    const bad = await act(id, 'chuyenvien.snv', { action: 'submit', approverStaffId: staff['lanhdao.snv'] });
    expect([bad.statusCode, bad.json().error.code]).toEqual([409, 'DOCUMENT_WRONG_STATUS']);
    expect((await act(id, 'chuyenvien.snv', { action: 'publish' })).statusCode).toBe(400);
    expect((await api('POST', `/outgoing/${id}/actions`, 'lanhdao.stp', { action: 'cancel', version: 1, note: 'Không phải của mình' })).statusCode).toBe(404);
  });
});

describe('the number and symbol of other kinds of document', () => {
  const release = async (body: Record<string, unknown>) => {
    const id = (await api('POST', '/outgoing', 'chuyenvien.snv', body)).json().id as number;
    await act(id, 'chuyenvien.snv', { action: 'submit', approverStaffId: staff['lanhdao.snv'] });
    await act(id, 'lanhdao.snv', { action: 'approve', signerTitle: 'Giám đốc' });
    const res = await act(id, 'clerk', { action: 'release' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('names the drafting section in a công văn when its short name is an abbreviation, and puts the subject under the number', async () => {
    const unit = (await t.request('GET', `/api/v1/org/units/${u['H30.101.02']}`, { session: s.admin! })).json();
    const patched = await t.request('PATCH', `/api/v1/org/units/${u['H30.101.02']}`, { session: s.admin!, body: { version: unit.version, shortName: 'CCHC' } });
    expect(patched.statusCode, patched.body).toBe(200);
    const n = await nextPrinted('out:CV');
    const doc = await release(draft({ draftingUnitId: u['H30.101.02'], docType: 'CV', subject: 'Rà soát thủ tục hành chính nội bộ' }));
    expect(doc.symbol).toBe(`${n}/SNV-CCHC`);
    const text = await pdfText(await api('GET', `/outgoing/${doc.id}/pdf`, 'lanhdao.snv'));
    expect(text).toContain(`Số: ${n}/SNV-CCHC`);
    expect(text).toContain('V/v Rà soát thủ tục hành chính nội bộ');
    const n2 = await nextPrinted('out:CV');
    expect((await release(draft({ docType: 'CV', subject: 'Góp ý dự thảo quy chế' }))).symbol).toBe(`${n2}/SNV`);
  });

  it('keeps as its copy the signed PDF attached as the document itself, instead of rendering one', async () => {
    const id = (await api('POST', '/outgoing', 'chuyenvien.snv', draft({ subject: 'Kế hoạch đã ký số trên tệp' }))).json().id as number;
    await act(id, 'chuyenvien.snv', { action: 'submit', approverStaffId: staff['lanhdao.snv'] });
    await act(id, 'lanhdao.snv', { action: 'approve', signerTitle: 'Giám đốc' });
    const signed = Buffer.from('%PDF-1.7\n% the copy signed by the director and the agency (test)\n%%EOF\n');
    const sha256 = createHash('sha256').update(signed).digest('hex');
    const key = await t.services.files.put(signed);
    await t.db.insertInto('reg_attachments').values({ document_id: id, file_key: key, file_name: 'ke-hoach-da-ky.pdf', mime: 'application/pdf', size: signed.length, sha256, main: true, added_by_staff_id: staff['chuyenvien.snv']! }).execute();
    const res = await act(id, 'clerk', { action: 'release' });
    expect(res.json()).toMatchObject({ status: 'released', fileSha256: sha256 });
    expect(res.json().events.find((e: { action: string }) => e.action === 'released').details).toMatchObject({ copy: 'attachment', sha256 });
    expect((await api('GET', `/outgoing/${id}/pdf`, 'lanhdao.snv')).rawPayload.equals(signed)).toBe(true);
  });

  it('numbers a confidential document in its own series, listed only to the leadership and the records office', async () => {
    const open = await nextPrinted('out:KH');
    const secret = await nextPrinted('out:mat:KH');
    const doc = await release(draft({ confidentiality: 'mat', subject: 'Kế hoạch bảo vệ bí mật nhà nước' }));
    expect(doc.symbol).toBe(`${secret}/KH-SNV`);
    expect(await nextPrinted('out:KH')).toBe(open);
    const rows = async (who: string) => (await api('GET', `/registers/outgoing?unitId=${u['H30.101']}&from=2026-03-02&to=2026-03-02`, who)).json().rows.map((r: { documentId: number }) => r.documentId);
    expect(await rows('clerk')).toContain(doc.id);
    expect(await rows('kiemtra')).not.toContain(doc.id);
  });
});
