import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { communeProcedure, inMemoryCatalog, provinceInterAgencyProcedure } from '../../../../test/support/procedure-factory.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/support/test-app.js';
import { officialDate } from '../../../platform/documents/index.js';
import { pdfToText } from '../../../platform/documents/pdf-text.js';
import { createDossierService } from '../dossiers.service.js';

// The dossier clock, driven by the test: Monday 02/03/2026 09:00 (+07:00).
const START = new Date('2026-03-02T09:00:00+07:00');
let now = START;
let t: TestApp;
const s = {} as Record<string, Session>;
const birth = communeProcedure({ fees: [{ name: 'Lệ phí đăng ký khai sinh', kind: 'charge', amount: 8000, exemptions: [] }] });

beforeAll(async () => {
  t = await createTestApp({
    now: () => now,
    override: (services) => ({
      dossiers: createDossierService({ db: services.db, org: services.org, catalog: inMemoryCatalog([birth, provinceInterAgencyProcedure()]), deadlines: services.calendar.deadlines, keys: services.dataKeys, now: () => now }),
    }),
  });
  for (const u of ['motcua.tanphong', 'chuyenvien.tanphong', 'lanhdao.tanphong', 'motcua.doanket', 'motcua.tinh', 'chuyenvien.sxd', 'lanhdao.sxd', 'admin']) s[u] = await t.login(u);
});
afterAll(async () => { await t?.close(); });
beforeEach(() => { now = START; });

const applicant = { kind: 'citizen', fullName: 'Nguyễn Thị Hường', idNumber: '012345678901', phone: '0912345678', address: 'Bản Sang Ngà, phường Tân Phong' };
let keys = 0;
async function receive(session: Session | undefined, body: Record<string, unknown> = {}): Promise<{ code: string; dueAt: string | null }> {
  const res = await t.request('POST', '/api/v1/dossiers', { session, body: { procedureCode: '1.001193', channel: 'desk', applicant, resultDelivery: 'desk', idempotencyKey: `slip-${Date.now()}-${++keys}`, ...body } });
  expect(res.statusCode).toBe(201);
  return res.json();
}
async function act(session: Session | undefined, code: string, body: Record<string, unknown>) {
  const current = await t.request('GET', `/api/v1/dossiers/${code}`, { session: s.admin });
  const res = await t.request('POST', `/api/v1/dossiers/${code}/actions`, { session, body: { version: current.json().version, ...body } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function slip(code: string, form: string, session: Session | null = s['motcua.tanphong']!) {
  return t.request('GET', `/api/v1/dossiers/${code}/slips/${form}.pdf`, { session: session ?? undefined });
}
/** The slip's text with every run of white space (wrapped lines included) as one space. */
const flat = async (pdf: Buffer) => (await pdfToText(pdf)).replace(/\s+/g, ' ');
async function slipText(code: string, form: string, session?: Session): Promise<string> {
  const res = await slip(code, form, session);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return flat(res.rawPayload);
}
/** dd/mm/yyyy of an instant in Vietnam. */
const ddmmyyyy = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));

function expectIdentity(text: string, code: string, dueAt?: string | null) {
  expect(text).toContain('Nguyễn Thị Hường');
  expect(text).toContain(code);
  // As dd/mm/yyyy, or in words where the form spells the date out (01, item 5).
  if (dueAt) expect(text.includes(ddmmyyyy(dueAt)) || text.includes(officialDate(dueAt)), `due date ${dueAt}`).toBe(true);
  expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
  expect(text).not.toContain('undefined');
}

describe('slip 01: receipt and appointment', () => {
  it('prints every Form 01 field, the register number, and the lookup code with its secret', async () => {
    const first = await receive(s['motcua.tanphong']);
    const d = await receive(s['motcua.tanphong'], { applicant: { ...applicant, email: 'huong@example.vn' } });
    const text = await slipText(d.code, '01');
    expectIdentity(text, d.code, d.dueAt);
    expect(d.dueAt).toBe(new Date('2026-03-05T09:00:00+07:00').toISOString());
    expect(text).toContain('UBND PHƯỜNG TÂN PHONG'); // the managing body, shortened as Decree 30 allows
    expect(text).toContain('Lai Châu, ngày 02 tháng 3 năm 2026');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('Đăng ký khai sinh');
    expect(text).toContain('Tờ khai đăng ký khai sinh');
    expect(text).toContain('2. Số lượng hồ sơ: 1 (bộ)');
    expect(text).toContain('3 ngày làm việc');
    expect(text).toContain('4. Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 02 tháng 3 năm 2026');
    expect(text).toContain('09 giờ 00 phút, ngày 05 tháng 3 năm 2026');
    expect(text).toContain('Trực tiếp tại Trung tâm Phục vụ hành chính công phường Tân Phong');
    expect(text).toContain('Lệ phí đăng ký khai sinh: 8.000 đồng');
    expect(text).toContain('huong@example.vn');
    expect(text).toContain('Lường Thị Ánh'); // the desk officer who received it
    // Numbered in the desk's yearly book in order of receipt.
    const firstNo = Number(/Số thứ tự: (\d+)/.exec(await slipText(first.code, '01'))![1]);
    expect(text).toContain(`Quyển số: 2026, Số thứ tự: ${firstNo + 1}`);
    const secret = (await t.request('GET', `/api/v1/dossiers/${d.code}`, { session: s.admin })).json().lookupSecret as string;
    expect(text).toContain(`Mã tra cứu: ${secret}`);
  });

  it('answers 404 outside the caller’s reach, 409 for a slip the history does not call for, 400 for an unknown form', async () => {
    const d = await receive(s['motcua.tanphong']);
    expect((await slip(d.code, '01', s['motcua.doanket'])).statusCode).toBe(404);
    expect((await slip('H30.501.01-260302-9999', '01')).statusCode).toBe(404);
    expect((await slip(d.code, '01', null)).statusCode).toBe(401);
    for (const form of ['02', '03', '04', '05']) {
      const res = await slip(d.code, form);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'SLIP_NOT_APPLICABLE' });
      expect(res.json().error.message).toMatch(/^Hồ sơ /);
    }
    expect((await slip(d.code, '08')).statusCode).toBe(400);
    const refused = await receive(s['motcua.tanphong'], { intake: 'refuse', reasons: ['Không thuộc thẩm quyền'] });
    expect((await slip(refused.code, '01')).statusCode).toBe(409);
    expect((await slip(refused.code, '06')).statusCode).toBe(409);
  });
});

describe('slips 02–05', () => {
  it('02 after appraisal lists items, reasons and legal basis and says the clock is paused', async () => {
    const d = await receive(s['motcua.tanphong']);
    await act(s['motcua.tanphong'], d.code, { action: 'transfer' });
    await act(s['chuyenvien.tanphong'], d.code, { action: 'take' });
    await act(s['chuyenvien.tanphong'], d.code, { action: 'request_supplement', items: [{ name: 'Giấy chứng sinh', reason: 'Bản chụp không rõ', legalBasis: 'Điều 16 Luật Hộ tịch' }] });
    const text = await slipText(d.code, '02');
    expectIdentity(text, d.code, d.dueAt);
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    // The receipt and the control slip still print while the dossier waits; the section's staff may print them.
    expectIdentity(await slipText(d.code, '01', s['chuyenvien.tanphong']), d.code, d.dueAt);
    expect(await slipText(d.code, '06', s['chuyenvien.tanphong'])).toContain('2. Giao: Trung tâm Phục vụ hành chính công phường Tân Phong Nhận: Phòng Văn hóa - Xã hội');
    for (const part of ['Giấy chứng sinh', 'Bản chụp không rõ', 'Điều 16 Luật Hộ tịch', 'tạm dừng', 'Phạm Văn Hải']) expect(text).toContain(part);
    // Issued by the appraising section, under the commune's People's Committee.
    expect(text).toContain('PHÒNG VĂN HÓA - XÃ HỘI');
  });

  it('02 names whom to call: the officer’s phone, else the unit’s, and the dotted blank only when neither is known', async () => {
    const d = await receive(s['motcua.tanphong']);
    await act(s['motcua.tanphong'], d.code, { action: 'transfer' });
    await act(s['chuyenvien.tanphong'], d.code, { action: 'take' });
    await act(s['chuyenvien.tanphong'], d.code, { action: 'request_supplement', items: [{ name: 'Giấy chứng sinh', reason: 'Bản chụp không rõ' }] });
    const me = (await t.request('GET', '/api/v1/auth/me', { session: s['chuyenvien.tanphong'] })).json().user;
    const staff = (await t.request('GET', `/api/v1/org/staff/${me.staffId}`, { session: s.admin })).json();
    const sectionId = staff.unitId as number;
    const contact = (text: string) => text.slice(text.indexOf('liên hệ Phạm Văn Hải'), text.indexOf('để được hướng dẫn'));
    // The officer's own phone.
    expect(staff.phone).toMatch(/^\d{10}$/);
    expect(contact(await slipText(d.code, '02'))).toContain(`số điện thoại ${staff.phone}`);
    // No phone of their own and none for their section: the blank for a pen.
    const cleared = await t.request('PATCH', `/api/v1/org/staff/${me.staffId}`, { session: s.admin, body: { version: staff.version, phone: null } });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const blank = contact(await slipText(d.code, '02'));
    expect(blank).toContain('số điện thoại …');
    expect(blank).not.toMatch(/\d{4}/);
    // The section's phone.
    const section = (await t.request('GET', `/api/v1/org/units/${sectionId}`, { session: s.admin })).json();
    const withPhone = await t.request('PATCH', `/api/v1/org/units/${sectionId}`, { session: s.admin, body: { version: section.version, phone: '0213 3876 543' } });
    expect(withPhone.statusCode, withPhone.body).toBe(200);
    expect(withPhone.json().phone).toBe('0213 3876 543');
    expect(contact(await slipText(d.code, '02'))).toContain('số điện thoại 0213 3876 543');
    // Put things back for the other tests.
    await t.request('PATCH', `/api/v1/org/units/${sectionId}`, { session: s.admin, body: { version: withPhone.json().version, phone: null } });
    await t.request('PATCH', `/api/v1/org/staff/${me.staffId}`, { session: s.admin, body: { version: cleared.json().version, phone: staff.phone } });
  });

  it('02 at reception: the dossier is not received yet, so there is no due date and no receipt', async () => {
    const d = await receive(s['motcua.tanphong'], { intake: 'supplement', supplementItems: [{ name: 'Bản sao CCCD của cha', reason: 'Thiếu' }] });
    const text = await slipText(d.code, '02');
    expectIdentity(text, d.code, null);
    expect(text).toContain('Bản sao CCCD của cha');
    expect(text).toContain('Hồ sơ chưa được tiếp nhận');
    expect((await slip(d.code, '01')).statusCode).toBe(409);
  });

  it('03 lists the reasons for refusal', async () => {
    const d = await receive(s['motcua.tanphong'], { intake: 'refuse', reasons: ['Không thuộc thẩm quyền giải quyết', 'Người yêu cầu không có quyền yêu cầu'] });
    const text = await slipText(d.code, '03');
    expectIdentity(text, d.code, null);
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('- Không thuộc thẩm quyền giải quyết');
    expect(text).toContain('- Người yêu cầu không có quyền yêu cầu');
  });

  it('04 gives the reason, the old and the new date, signed for the competent People’s Committee', async () => {
    const d = await receive(s['motcua.tanphong']);
    await act(s['motcua.tanphong'], d.code, { action: 'transfer' });
    await act(s['chuyenvien.tanphong'], d.code, { action: 'take' });
    now = new Date('2026-03-03T09:00:00+07:00');
    const extended = await act(s['chuyenvien.tanphong'], d.code, { action: 'extend', newDueAt: '2026-03-10T09:00:00+07:00', reason: 'Cần xác minh nơi sinh.', signer: 'Chủ tịch UBND phường' });
    const text = await slipText(d.code, '04');
    expectIdentity(text, d.code, extended.dueAt);
    expect(text).toContain('10/03/2026');
    expect(text).toContain('09 giờ 00 phút, ngày 05 tháng 3 năm 2026'); // the appointment being moved
    expect(text).toContain('Cần xác minh nơi sinh.');
    expect(text).toContain('CHỦ TỊCH UBND PHƯỜNG');
    expect(text).toContain('Lai Châu, ngày 03 tháng 3 năm 2026');
    // A People's Committee has no managing body: its heading has no blank line above it.
    const heading = text.slice(0, text.indexOf('ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHONG'));
    expect(heading).not.toContain('…');
    expect(text.indexOf('ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHONG')).toBeGreaterThanOrEqual(0);
  });

  it('05 for a withdrawn and for a stopped dossier', async () => {
    const w = await receive(s['motcua.tanphong']);
    await act(s['motcua.tanphong'], w.code, { action: 'withdraw', reason: 'Công dân xin rút hồ sơ' });
    const withdrawn = await slipText(w.code, '05');
    expectIdentity(withdrawn, w.code, w.dueAt);
    expect(withdrawn).toContain('Công dân xin rút hồ sơ');
    expect(withdrawn).toContain('Điều 21 Nghị định số 118/2025/NĐ-CP');

    const st = await receive(s['motcua.tanphong']);
    await act(s['motcua.tanphong'], st.code, { action: 'transfer' });
    await act(s['chuyenvien.tanphong'], st.code, { action: 'take' });
    await act(s['chuyenvien.tanphong'], st.code, { action: 'stop', reason: 'Người được khai sinh đã được đăng ký khai sinh trước đó.' });
    const stopped = await slipText(st.code, '05');
    expectIdentity(stopped, st.code, st.dueAt);
    expect(stopped).toContain('đã được đăng ký khai sinh trước đó');
    expect(stopped).not.toContain('Điều 21');
  });
});

describe('slip 06: control slip across two agencies', () => {
  it('logs every hand-over, marks the late step "Quá hạn" and the early ones "Trước hạn"', async () => {
    const d = await receive(s['motcua.tinh'], { procedureCode: '1.009972' });
    now = new Date('2026-03-02T10:00:00+07:00');
    await act(s['motcua.tinh'], d.code, { action: 'transfer' }); // desk → Phòng Quản lý xây dựng (16 h budget)
    await act(s['chuyenvien.sxd'], d.code, { action: 'take' });
    now = new Date('2026-03-05T10:00:00+07:00'); // three working days later: past the step's 16 hours
    await act(s['chuyenvien.sxd'], d.code, { action: 'transfer' }); // → tax authority
    now = new Date('2026-03-05T14:00:00+07:00');
    await act(s['lanhdao.sxd'], d.code, { action: 'transfer' }); // answer back → Sở Xây dựng
    now = new Date('2026-03-06T08:00:00+07:00');
    const done = await act(s['lanhdao.sxd'], d.code, { action: 'record_result', summary: 'Cấp giấy phép xây dựng số 12/GPXD' });
    now = new Date('2026-03-06T09:00:00+07:00');
    await act(s['motcua.tinh'], d.code, { action: 'return_result', receiverName: 'Nguyễn Thị Hường', method: 'desk' });

    const res = await slip(d.code, '06', s['motcua.tinh']);
    const raw = (await pdfToText(res.rawPayload, 'raw')).replace(/[ \t]+/g, ' ');
    const text = await flat(res.rawPayload);
    expectIdentity(text, d.code, done.dueAt);
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    // The department's specialist, who handled a step, may print it too; the receipt still prints after return.
    expect((await slip(d.code, '06', s['chuyenvien.sxd'])).statusCode).toBe(200);
    expectIdentity(await slipText(d.code, '01', s['motcua.tinh']), d.code, d.dueAt);
    expect(text).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH');
    expect(text).toContain('Cơ quan chủ trì giải quyết: Sở Xây dựng');
    expect(text).toContain('Cơ quan phối hợp giải quyết: Thuế tỉnh Lai Châu');
    // Six rows: applicant → desk, desk → section, section → tax, tax → department, department → desk, desk → applicant.
    for (let i = 1; i <= 6; i++) expect(raw).toMatch(new RegExp(`(^|\\n)${i}\\. Giao:`));
    expect(raw).not.toMatch(/(^|\n)7\. Giao:/);
    expect(raw).toMatch(/Giao: Phòng Quản lý xây\s+dựng\s+Nhận: Thuế tỉnh Lai\s+Châu/);
    expect(raw).toMatch(/Giao: Thuế tỉnh Lai\s+Châu\s+Nhận: Sở Xây dựng/);
    expect(text).toContain('Hoàng Thị Thu Hà');
    // Per step, the receiving side against its own budget: the desk within its 4 hours the same day
    // (on time); the section from Mon 10:00 to Thu 10:00 against 16 working hours (late); the tax
    // authority back on Thursday against a Friday deadline (early); the department signing on Friday
    // (on time); and the result, ready Friday against the dossier's Monday deadline (early).
    const results = raw.slice(raw.indexOf('1. Giao:')).match(/Trước hạn|Đúng hạn|Quá hạn/g) ?? [];
    expect(results).toEqual(['Đúng hạn', 'Quá hạn', 'Trước hạn', 'Đúng hạn', 'Trước hạn', 'Trước hạn']);
  });
});

describe('form 07: the register', () => {
  it('exports a row per dossier received in the period, as XLSX and PDF; refuses units out of reach', async () => {
    const unit = await t.unitId('H30.502');
    now = new Date('2026-04-06T09:00:00+07:00');
    const codes = [(await receive(s['motcua.doanket'], { applicant: { ...applicant, fullName: 'Lò Văn Páo' } })).code];
    codes.push((await receive(s['motcua.doanket'])).code);
    await act(s['motcua.doanket'], codes[1]!, { action: 'transfer' });
    now = new Date('2026-04-07T16:59:00+07:00');
    codes.push((await receive(s['motcua.doanket'])).code);
    now = new Date('2026-04-08T08:00:00+07:00'); // the next day: outside the period
    await receive(s['motcua.doanket']);

    const q = `unitId=${unit}&from=2026-04-06&to=2026-04-07`;
    const xlsx = await t.request('GET', `/api/v1/dossier-register.xlsx?${q}`, { session: s['motcua.doanket'] });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = sheet.getRow(6).values as unknown[];
    expect(header).toContain('Mã hồ sơ');
    const codeColumn = header.indexOf('Mã hồ sơ');
    const rows: string[] = [];
    sheet.eachRow((row, n) => { if (n > 6) rows.push(String(row.getCell(codeColumn).value)); });
    expect(rows).toEqual(codes);
    const transferred = sheet.getRow(8).getCell(header.indexOf('Chuyển hồ sơ đến cơ quan giải quyết')).value;
    expect(transferred).toBeInstanceOf(Date);
    expect(sheet.getRow(7).getCell(header.indexOf('Tên cá nhân, tổ chức')).value).toBe('Lò Văn Páo');

    const pdf = await t.request('GET', `/api/v1/dossier-register.pdf?${q}`, { session: s['motcua.doanket'] });
    expect(pdf.statusCode).toBe(200);
    const text = await flat(pdf.rawPayload);
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(text).toContain('Từ ngày 06/04/2026 đến ngày 07/04/2026');
    for (const c of codes) expect(text).toContain(c);
    expect(text).toContain('Lò Văn Páo');
    expect(text).toContain('Tổng số: 3 hồ sơ');

    expect((await t.request('GET', `/api/v1/dossier-register.xlsx?${q}`, { session: s['motcua.tanphong'] })).statusCode).toBe(404);
    const backwards = await t.request('GET', `/api/v1/dossier-register.pdf?unitId=${unit}&from=2026-04-07&to=2026-04-06`, { session: s['motcua.doanket'] });
    expect(backwards.statusCode).toBe(400);
    expect((await t.request('GET', `/api/v1/dossier-register.pdf?unitId=${unit}&from=2026-02-30&to=2026-03-01`, { session: s['motcua.doanket'] })).statusCode).toBe(400);
  });
});
