import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfToText } from '../../platform/documents/pdf-text.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';

// The Department of Justice (Sở Tư pháp, H30.102) receives documents. Its records office is an account made
// here with the `clerk` role; its deputy director (lanhdao.stp) routes; chuyenvien.stp (Phòng Bổ trợ tư pháp,
// H30.102.02) and a specialist of Phòng Hành chính tư pháp (H30.102.01) handle. The clock starts at
// TEST_NOW (Monday 2/3/2026) and moves to Tuesday 28/4/2026 for the routing: the demo calendar has Giỗ Tổ
// on Sunday 26/4 (compensatory Monday 27/4), then 30/4 and 1/5 off, then a weekend.
let t: TestApp;
let clock = TEST_NOW;
const s = {} as Record<string, Session>;
const u = {} as Record<string, number>;
const staff = {} as Record<string, number>;
const P = '/api/v1/registry';
const call = (method: string, url: string, who: string, body?: unknown) => t.request(method, `${P}${url}`, { session: s[who]!, body });
const detail = async (id: number, who = 'vt.stp.test') => (await call('GET', `/documents/${id}`, who)).json();
const act = async (id: number, who: string, body: Record<string, unknown>) => call('POST', `/incoming/${id}/actions`, who, { version: (await detail(id)).version, ...body });

const KE_HOACH = {
  channel: 'paper', docType: 'KH', symbol: '05/KH-UBND', issuedOn: '2026-02-26', issuerName: 'Ủy ban nhân dân tỉnh Lai Châu',
  subject: 'Kế hoạch cải cách hành chính nhà nước năm 2026', signerName: 'Tống Thanh Hải', pages: 6,
};
const register = (who: string, body: Record<string, unknown>) => call('POST', '/incoming', who, { unitId: u['H30.102'], ...body });

async function makeStaff(username: string, unitCode: string, role: string) {
  const res = await t.request('POST', '/api/v1/org/staff', { session: s.admin!, body: { fullName: `Cán bộ ${username}`, unitId: await t.unitId(unitCode), position: 'Chuyên viên', username, password: 'Mat-khau-Lai-Chau-2026', roles: [{ role, unitId: await t.unitId(unitCode) }] } });
  expect(res.statusCode, res.body).toBe(201);
  await t.db.updateTable('auth_accounts').set({ must_change_password: false }).where('username', '=', username).execute();
  staff[username] = res.json().id;
  s[username] = await t.login(username, 'Mat-khau-Lai-Chau-2026');
}
const staffId = async (username: string) => (await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', username).executeTakeFirstOrThrow()).staff_id;

// The demo's own documents (registry.demo.ts) are in every test database: what a test lists is compared
// over the documents it made itself.
let demoIds = new Set<number>();
const ours = (ids: number[]) => ids.filter((id) => !demoIds.has(id));

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  demoIds = new Set((await t.db.selectFrom('reg_documents').select('id').execute()).map((r) => r.id));
  s.admin = await t.login('admin');
  for (const code of ['H30.102', 'H30.102.01', 'H30.102.02', 'H30.105', 'H30.101']) u[code] = await t.unitId(code);
  const settings = await t.request('PUT', `${P}/agencies/${u['H30.102']}/settings`, { session: s.admin, body: { symbol: 'STP', placeName: 'Lai Châu', managingBody: 'UBND tỉnh Lai Châu', numbering: 'per_type' } });
  expect(settings.statusCode, settings.body).toBe(200);
  await makeStaff('vt.stp.test', 'H30.102', 'clerk');
  await makeStaff('cv.hctp', 'H30.102.01', 'specialist');
  for (const name of ['lanhdao.stp', 'chuyenvien.stp', 'lanhdao.sxd', 'kiemtra']) s[name] = await t.login(name);
  for (const name of ['chuyenvien.stp', 'chuyenvien.sxd']) staff[name] = await staffId(name);
}, 300_000);
afterAll(async () => { await t?.close(); });

let first: { id: number; arrivalNumber: number };
let exchanged: number;
let secondId: number;

describe('registering an incoming document', () => {
  it('gives a paper document the next arrival number of the year, with its history and audit row', async () => {
    const res = await register('vt.stp.test', KE_HOACH);
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({ direction: 'in', status: 'registered', channel: 'paper', arrivalOn: '2026-03-02', symbol: '05/KH-UBND', number: 5, issuerName: KE_HOACH.issuerName, docTypeName: 'Kế hoạch', unitName: 'Sở Tư pháp' });
    expect(doc.arrivalNumber).toBeGreaterThan(0);
    expect(doc.events.map((e: { action: string }) => e.action)).toContain('registered');
    first = { id: doc.id, arrivalNumber: doc.arrivalNumber };
    const audit = await t.db.selectFrom('audit_events').select(['action', 'unit_id']).where('entity', '=', 'registry_document').where('entity_id', '=', String(doc.id)).execute();
    expect(audit).toEqual([{ action: 'registry.incoming_registered', unit_id: u['H30.102'] }]);
    const next = await register('vt.stp.test', { ...KE_HOACH, symbol: '12/TB-UBND', docType: 'TB', subject: 'Thông báo lịch tiếp công dân tháng 3 năm 2026' });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json().arrivalNumber).toBe(first.arrivalNumber + 1);
  });

  it('is refused to a leader without the records office role (403), to another agency (404) and on bad input (400)', async () => {
    expect((await register('lanhdao.stp', { ...KE_HOACH, symbol: '06/KH-UBND' })).statusCode).toBe(403);
    expect((await register('lanhdao.sxd', { ...KE_HOACH, symbol: '06/KH-UBND' })).statusCode).toBe(404);
    expect((await register('chuyenvien.stp', { ...KE_HOACH, symbol: '06/KH-UBND' })).statusCode).toBe(404);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...KE_HOACH, docType: 'XYZ' }, 'docType'],
      [{ ...KE_HOACH, subject: '' }, 'subject'],
      [{ ...KE_HOACH, colour: 'đỏ' }, ''],
      [{ ...KE_HOACH, issuedOn: '2026-03-05' }, 'issuedOn'],
      [{ ...KE_HOACH, arrivalOn: '2026-03-03' }, 'arrivalOn'],
      [{ ...KE_HOACH, issuedOn: '2026-02-30' }, 'issuedOn'],
    ];
    for (const [body, path] of cases) {
      const res = await register('vt.stp.test', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      if (path) expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    // A section is no agency: its documents are registered by the department's records office.
    const section = await call('POST', '/incoming', 'vt.stp.test', { ...KE_HOACH, unitId: u['H30.102.01'] });
    expect(section.statusCode).toBe(400);
    expect(section.json().error.fields[0]).toMatchObject({ path: 'unitId' });
  });

  it('warns of the same document registered before, naming its arrival number, unless confirmed', async () => {
    const again = await register('vt.stp.test', { ...KE_HOACH, symbol: ' 05/kh-ubnd', issuerName: 'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU', channel: 'electronic' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'DUPLICATE_DOCUMENT', details: { earlier: [{ id: first.id, arrivalNumber: first.arrivalNumber }] } });
    expect(again.json().error.message).toContain(`số đến ${first.arrivalNumber} ngày 02/03/2026`);
    const confirmed = await register('vt.stp.test', { ...KE_HOACH, channel: 'electronic', confirmDuplicate: true });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect(confirmed.json().events.find((e: { action: string }) => e.action === 'registered').details).toMatchObject({ duplicateConfirmed: true });
  });

  it('registers a document delivered through the exchange under its version, once', async () => {
    const row = await t.db.insertInto('reg_documents').values({
      unit_id: u['H30.102']!, direction: 'in', status: 'arrived', doc_type: 'CV', subject: 'Về việc góp ý dự thảo Quy chế phối hợp', number: 120, symbol: '120/SNV-CCHC',
      issued_on: '2026-02-27', issuer_name: 'Sở Nội vụ tỉnh Lai Châu', signer_name: 'Lê Thị Thu Hằng', channel: 'exchange', sender_unit_id: u['H30.101']!,
    }).returning('id').executeTakeFirstOrThrow();
    exchanged = row.id;
    expect((await call('POST', `/incoming/${exchanged}/actions`, 'vt.stp.test', { action: 'register', version: 7 })).json().error.code).toBe('VERSION_CONFLICT');
    expect((await act(exchanged, 'lanhdao.stp', { action: 'register' })).statusCode).toBe(403);
    const before = (await t.db.selectFrom('reg_counters').select('last_number').where('unit_id', '=', u['H30.102']!).where('year', '=', 2026).where('series', '=', 'in').executeTakeFirstOrThrow()).last_number;
    const res = await act(exchanged, 'vt.stp.test', { action: 'register' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'registered', arrivalNumber: before + 1, arrivalOn: '2026-03-02', channel: 'exchange', version: 2 });
    const twice = await act(exchanged, 'vt.stp.test', { action: 'register' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('INVALID_STATE');
  });

  it('finds "Kế hoạch" when searched without accents, and by arrival number', async () => {
    const found = (await call('GET', '/documents?direction=in&q=ke%20hoach%20cai%20cach', 'lanhdao.stp')).json().items.map((d: { id: number }) => d.id);
    expect(found).toContain(first.id);
    expect(found).not.toContain(exchanged);
    const bySymbol = (await call('GET', '/documents?q=05%2Fkh-ubnd', 'lanhdao.stp')).json().items.map((d: { id: number }) => d.id);
    expect(bySymbol).toContain(first.id);
    const byIssuer = (await call('GET', '/documents?q=so%20noi%20vu', 'lanhdao.stp')).json().items.map((d: { id: number }) => d.id);
    expect(ours(byIssuer)).toEqual([exchanged]);
  });
});

describe('routing and reporting', () => {
  it('is routed by the leadership only, to people and units of the agency, with a valid deadline', async () => {
    clock = new Date('2026-04-28T09:00:00+07:00');
    const route = { action: 'route', lead: { staffId: staff['chuyenvien.stp'] }, coordinators: [{ unitId: u['H30.102.01'] }], dueInWorkingDays: 3 };
    expect((await act(first.id, 'vt.stp.test', route)).statusCode).toBe(403);
    expect((await call('POST', `/incoming/${first.id}/actions`, 'chuyenvien.stp', { ...route, version: 1 })).statusCode).toBe(404);
    const bad: [Record<string, unknown>, string][] = [
      [{ ...route, lead: { staffId: staff['chuyenvien.sxd'] } }, 'lead.staffId'],
      [{ ...route, lead: { unitId: u['H30.102'] } }, 'lead.unitId'],
      [{ ...route, coordinators: [{ staffId: staff['chuyenvien.stp'] }] }, 'coordinators.0'],
      [{ ...route, dueInWorkingDays: undefined, dueOn: '2026-04-27' }, 'dueOn'],
      [{ ...route, dueOn: '2026-05-08' }, 'dueOn'],
      [{ ...route, lead: { staffId: staff['chuyenvien.stp'], unitId: u['H30.102.02'] } }, 'lead'],
    ];
    for (const [body, path] of bad) {
      const res = await act(first.id, 'lanhdao.stp', body);
      expect(res.statusCode, `${path} ${res.body}`).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path).join(' ')).toContain(path);
    }
  });

  it('moves a due day on a Sunday to Monday, and routing again cancels the open assignments', async () => {
    const sunday = await act(first.id, 'lanhdao.stp', { action: 'route', lead: { staffId: staff['chuyenvien.stp'] }, dueOn: '2026-05-03' });
    expect(sunday.statusCode, sunday.body).toBe(200);
    expect(sunday.json()).toMatchObject({ status: 'routed', dueOn: '2026-05-04' });
    const res = await act(first.id, 'lanhdao.stp', {
      action: 'route', lead: { staffId: staff['chuyenvien.stp'] }, coordinators: [{ unitId: u['H30.102.01'] }], dueInWorkingDays: 3, instructions: 'Giao Phòng Bổ trợ tư pháp chủ trì, tham mưu triển khai.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const doc = res.json();
    // From Tuesday 28/4: Wednesday 29/4, then 30/4, 1/5 and the weekend off, Monday 4/5, Tuesday 5/5.
    expect(doc).toMatchObject({ status: 'routed', dueOn: '2026-05-05', overdue: false, instructions: 'Giao Phòng Bổ trợ tư pháp chủ trì, tham mưu triển khai.', routedBy: { fullName: 'Đặng Quốc Việt' } });
    expect(doc.assignments.map((a: { role: string; status: string; dueOn: string }) => [a.role, a.status, a.dueOn])).toEqual([
      ['lead', 'cancelled', '2026-05-04'], ['lead', 'open', '2026-05-05'], ['coordinate', 'open', '2026-05-05'],
    ]);
    expect(doc.events.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['routed', 're_routed']));
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', String(first.id)).where('action', '=', 'registry.incoming_routed').execute();
    expect(audit).toHaveLength(2);
    expect((await call('GET', '/documents?q=giao%20phong%20bo%20tro', 'lanhdao.stp')).json().items.map((d: { id: number }) => d.id)).toContain(first.id);
  });

  it('shows the document to its handlers: the person among "mine", the unit\'s staff in their list', async () => {
    const mine = (await call('GET', '/documents?direction=in&mine=true', 'chuyenvien.stp')).json().items.map((d: { id: number }) => d.id);
    expect(ours(mine)).toEqual([first.id]);
    const seen = await detail(first.id, 'chuyenvien.stp');
    expect(seen.allowedActions).toContain('report');
    expect(seen.allowedActions).not.toContain('route');
    expect((await call('GET', '/documents?direction=in', 'cv.hctp')).json().items.map((d: { id: number }) => d.id)).toContain(first.id);
    expect((await call('GET', `/documents/${first.id}`, 'lanhdao.sxd')).statusCode).toBe(404);
  });

  it('routes a second document due the next working day', async () => {
    const res = await register('vt.stp.test', { channel: 'paper', docType: 'CV', symbol: '31/UBND-NC', issuedOn: '2026-04-24', issuerName: 'UBND tỉnh Lai Châu', subject: 'Về việc rà soát văn bản quy phạm pháp luật' });
    expect(res.statusCode, res.body).toBe(201);
    secondId = res.json().id;
    const routed = await act(secondId, 'lanhdao.stp', { action: 'route', lead: { unitId: u['H30.102.01'] }, dueInWorkingDays: 1 });
    expect(routed.json()).toMatchObject({ status: 'routed', dueOn: '2026-04-29' });
  });

  it('records a co-ordinator\'s report; the lead\'s report closes the document with its reply', async () => {
    const outgoing = (unitId: number, number: number) => t.db.insertInto('reg_documents').values({
      unit_id: unitId, direction: 'out', status: 'released', doc_type: 'CV', series: 'CV', subject: 'Về việc triển khai kế hoạch cải cách hành chính', number, symbol: `${number}/STP-BTTP`, issued_on: '2026-04-28',
    }).returning('id').executeTakeFirstOrThrow();
    const ours = (await outgoing(u['H30.102']!, 915)).id;
    const theirs = (await outgoing(u['H30.105']!, 916)).id;
    expect((await act(first.id, 'vt.stp.test', { action: 'report', report: 'Văn thư báo cáo thay' })).statusCode).toBe(403);
    const coordinator = await act(first.id, 'cv.hctp', { action: 'report', report: 'Phòng Hành chính tư pháp thống nhất nội dung, không có ý kiến khác.' });
    expect(coordinator.statusCode, coordinator.body).toBe(200);
    expect(coordinator.json().status).toBe('routed');
    expect(coordinator.json().assignments.find((a: { role: string; status: string }) => a.role === 'coordinate' && a.status !== 'cancelled')).toMatchObject({ status: 'reported', report: expect.stringContaining('thống nhất') });
    const wrongReply = await act(first.id, 'chuyenvien.stp', { action: 'report', report: 'Đã tham mưu văn bản triển khai.', replyDocumentId: theirs });
    expect(wrongReply.statusCode).toBe(400);
    const stale = await call('POST', `/incoming/${first.id}/actions`, 'chuyenvien.stp', { action: 'report', version: 1, report: 'Đã tham mưu văn bản triển khai.' });
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const lead = await act(first.id, 'chuyenvien.stp', { action: 'report', report: 'Đã tham mưu Công văn 915/STP-BTTP triển khai kế hoạch.', replyDocumentId: ours });
    expect(lead.statusCode, lead.body).toBe(200);
    expect(lead.json()).toMatchObject({ status: 'done', replyDocumentId: ours, doneAt: '2026-04-28T02:00:00.000Z', overdue: false });
    const again = await act(first.id, 'chuyenvien.stp', { action: 'report', report: 'Báo cáo lần nữa' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_STATE');
  });

  it('prints the routing slip with the lead, the deadline and the handler\'s proposal', async () => {
    const res = await call('GET', `/incoming/${first.id}/routing-slip`, 'chuyenvien.stp');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const text = (await pdfToText(res.rawPayload)).replace(/\s+/g, ' ');
    for (const part of ['PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN', 'Vàng A Dính', '05/05/2026', 'Đặng Quốc Việt', '915/STP-BTTP', `Số đến: ${first.arrivalNumber}`]) expect(text).toContain(part);
    expect((await call('GET', `/incoming/${first.id}/routing-slip`, 'lanhdao.sxd')).statusCode).toBe(404);
  });
});

describe('overdue and the registers', () => {
  it('lists the second document as overdue once its day has passed, and not the one handled', async () => {
    clock = new Date('2026-05-04T09:00:00+07:00');
    const overdue = (await call('GET', '/documents?direction=in&overdue=true', 'lanhdao.stp')).json().items;
    expect(ours(overdue.map((d: { id: number }) => d.id))).toEqual([secondId]);
    expect(overdue.find((d: { id: number }) => d.id === secondId)).toMatchObject({ overdue: true, dueOn: '2026-04-29' });
    const onTime = (await call('GET', '/documents?direction=in&overdue=false', 'lanhdao.stp')).json().items.map((d: { id: number }) => d.id);
    expect(onTime).toContain(first.id);
    expect(onTime).not.toContain(secondId);
  });

  it('answers the incoming register as JSON and as a landscape PDF holding the row', async () => {
    const q = `unitId=${u['H30.102']}&from=2026-03-01&to=2026-05-31`;
    const json = await call('GET', `/registers/incoming?${q}`, 'lanhdao.stp');
    expect(json.statusCode, json.body).toBe(200);
    const sheet = json.json();
    expect(sheet.columns.map((c: { label: string }) => c.label)).toEqual(['Ngày đến', 'Số đến', 'Tác giả', 'Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung', 'Đơn vị hoặc người nhận', 'Ngày chuyển', 'Ký nhận', 'Ghi chú']);
    expect(sheet.period).toBe('Từ ngày 01/03/2026 đến ngày 31/05/2026');
    expect(sheet.rows.find((r: { documentId: string }) => r.documentId === String(first.id))).toMatchObject({
      arrivalOn: '02/03/2026', arrivalNumber: String(first.arrivalNumber), symbol: '05/KH-UBND', issuedOn: '26/02/2026', subject: KE_HOACH.subject,
      recipient: 'Vàng A Dính; Phòng Hành chính tư pháp', handedOn: '28/04/2026',
    });
    const pdf = await call('GET', `/registers/incoming?${q}&format=pdf`, 'lanhdao.stp');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = (await pdfToText(pdf.rawPayload)).replace(/\s+/g, ' ');
    for (const part of ['SỔ ĐĂNG KÝ VĂN BẢN ĐẾN', 'SỞ TƯ PHÁP', 'Từ ngày 01/03/2026 đến ngày 31/05/2026', '05/KH-UBND', '31/UBND-NC', 'Vàng A Dính']) expect(text).toContain(part);
  });

  it('answers the tracking register with the deadline, the progress and the reply', async () => {
    const sheet = (await call('GET', `/registers/tracking?unitId=${u['H30.102']}&from=2026-03-01&to=2026-05-31`, 'lanhdao.stp')).json();
    expect(sheet.columns).toHaveLength(7);
    const rows = new Map(sheet.rows.map((r: { documentId: string }) => [r.documentId, r]));
    expect(rows.get(String(first.id))).toMatchObject({ dueOn: '05/05/2026', progress: 'Đã giải quyết ngày 28/04/2026', reply: '915/STP-BTTP' });
    expect(rows.get(String(secondId))).toMatchObject({ dueOn: '29/04/2026', progress: 'Quá hạn 5 ngày', recipient: 'Phòng Hành chính tư pháp' });
    const pdf = await call('GET', `/registers/tracking?unitId=${u['H30.102']}&from=2026-03-01&to=2026-05-31&format=pdf`, 'lanhdao.stp');
    expect((await pdfToText(pdf.rawPayload)).replace(/\s+/g, ' ')).toContain('SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN');
  });

  it('hides a confidential subject from a reader without the right, and refuses what the caller may not see', async () => {
    const secret = await register('vt.stp.test', { channel: 'paper', docType: 'CV', symbol: '02/CAT-PV01', issuedOn: '2026-05-04', issuerName: 'Công an tỉnh Lai Châu', subject: 'Về công tác bảo vệ bí mật nhà nước', confidentiality: 'mat' });
    expect(secret.statusCode, secret.body).toBe(201);
    const q = `unitId=${u['H30.102']}&from=2026-05-01&to=2026-05-31`;
    expect((await call('GET', `/registers/incoming?${q}`, 'vt.stp.test')).body).toContain('bảo vệ bí mật nhà nước');
    const audit = await call('GET', `/registers/incoming?${q}`, 'kiemtra');
    expect(audit.statusCode).toBe(200);
    expect(audit.body).not.toContain('bảo vệ bí mật nhà nước');
    expect(audit.json().rows[0].subject).toContain('trích yếu không hiển thị');
    expect((await call('GET', `/registers/incoming?${q}`, 'lanhdao.sxd')).statusCode).toBe(404);
    expect((await call('GET', `/registers/incoming?unitId=${u['H30.102.01']}&from=2026-05-01&to=2026-05-31`, 'lanhdao.stp')).statusCode).toBe(404);
    expect((await call('GET', `/registers/incoming?unitId=${u['H30.102']}&from=2026-05-31&to=2026-05-01`, 'lanhdao.stp')).statusCode).toBe(400);
    expect((await call('GET', `/registers/tracking?${q}&format=docx`, 'lanhdao.stp')).statusCode).toBe(400);
  });
});
