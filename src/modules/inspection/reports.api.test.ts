import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';
import { pdfToText } from '../../platform/documents/pdf-text.js';

// A unit made for this suite (Thanh tra thử nghiệm, H30.197, with a section H30.197.01) so that nothing
// else in the database reaches its report. The clock starts at TEST_NOW (2/3/2026) and moves on as the
// cases go; the report covers 1/2–31/3/2026 and is read on 2/4/2026. Due days below are on the demo
// calendar (no day off in the period but weekends).
let t: TestApp;
let clock = TEST_NOW;
const at = (day: string) => { clock = new Date(`${day}T09:00:00+07:00`); };
const s = {} as Record<string, Session>;
const staff = {} as Record<string, number>;
const u = {} as Record<string, number>;
const id = { denunciation: 0, awaiting: 0, withdrawn: 0, unfounded: 0, closed: 0, discipline: 0 };
const PASSWORD = 'Mat-khau-Lai-Chau-2026';
const DENOUNCER = { fullName: 'Lò Văn Tố Giác', idNumber: '012345678912', address: 'Bản Nà Luông, xã Tân Phong', phone: '0987654321' };
const COMPLAINANT = { fullName: 'Vàng Văn Khiếu Nại', idNumber: '098765432109' };
const SUBJECT = 'Cầm Văn Bị Tố';
const MINUTES = 'Ông Tòng Văn Ủy Viên đề nghị cảnh cáo; bỏ phiếu kín.';
const req = (method: string, url: string, who: string | null, body?: unknown) => t.request(method, url, { ...(who ? { session: s[who]! } : {}), body });
const C = '/api/v1/inspection/cases';
const D = '/api/v1/inspection/discipline';
const R = '/api/v1/inspection/reports';
const PERIOD = 'from=2026-02-01&to=2026-03-31';

async function act(path: string, caseId: number, who: string, body: Record<string, unknown>) {
  const version = (await req('GET', `${path}/${caseId}`, 'admin')).json().version as number;
  const res = await req('POST', `${path}/${caseId}/actions`, who, { version, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function person(username: string | null, fullName: string, unit: string, role?: string) {
  const body = { fullName, unitId: u[unit], position: 'Thanh tra viên', ...(username ? { username, password: PASSWORD, roles: [{ role, unitId: u[unit] }] } : {}) };
  const res = await req('POST', '/api/v1/org/staff', 'admin', body);
  expect(res.statusCode, res.body).toBe(201);
  if (username) {
    await t.db.updateTable('auth_accounts').set({ must_change_password: false }).where('username', '=', username).execute();
    s[username] = await t.login(username, PASSWORD);
  }
  return res.json().id as number;
}

const receive = (body: Record<string, unknown>) => req('POST', C, 'bc.cv1', { handlingUnitId: u.root, channel: 'desk', subjectUnitId: u.root, summary: 'Cán bộ gây phiền hà khi tiếp công dân', ...body });

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  for (const name of ['admin', 'kiemtra', 'lanhdao.sxd']) s[name] = await t.login(name);
  const unit = await req('POST', '/api/v1/org/units', 'admin', { parentId: await t.unitId('H30'), code: 'H30.197', name: 'Thanh tra thử nghiệm', shortName: 'TTTN', kind: 'department' });
  u.root = unit.json().id;
  u.section = (await req('POST', '/api/v1/org/units', 'admin', { parentId: u.root, code: 'H30.197.01', name: 'Phòng Nghiệp vụ thử nghiệm', kind: 'section' })).json().id;
  staff['bc.truong'] = await person('bc.truong', 'Điêu Văn Trưởng', 'root', 'unit_head');
  staff['bc.cv1'] = await person('bc.cv1', 'Lường Thị Một', 'root', 'specialist');
  staff['bc.nhansu'] = await person('bc.nhansu', 'Quàng Thị Nhân Sự', 'root', 'hr_officer');
  staff['bc.dinh'] = await person('bc.dinh', SUBJECT, 'section', 'specialist');
  staff.leader = await person(null, 'Lò Văn Trưởng Phòng', 'section');

  // 2/3: a denunciation about bc.dinh (received 26/2, accepted 27/2), two complaints, a denunciation accepted 3/3.
  let res = await receive({ kind: 'denunciation', receivedOn: '2026-02-26', subjectStaffId: staff['bc.dinh'], party: DENOUNCER });
  expect(res.statusCode, res.body).toBe(201);
  id.denunciation = res.json().id;
  await act(C, id.denunciation, 'bc.cv1', { action: 'accept', on: '2026-02-27' });
  id.awaiting = (await receive({ kind: 'complaint_first', receivedOn: '2026-03-02', party: COMPLAINANT })).json().id;
  id.withdrawn = (await receive({ kind: 'complaint_first', receivedOn: '2026-03-02', party: COMPLAINANT })).json().id;
  await act(C, id.withdrawn, 'bc.cv1', { action: 'accept', on: '2026-03-02' });
  id.unfounded = (await receive({ kind: 'denunciation', receivedOn: '2026-03-02', subjectStaffId: staff['bc.dinh'], party: DENOUNCER })).json().id;
  const closing = await req('POST', D, 'bc.nhansu', {
    unitId: u.section, subjectStaffId: staff['bc.dinh'], personKind: 'cong_chuc', offenceSummary: 'Đi làm muộn nhiều lần', offenceEndedOn: '2026-01-15', limitationClass: 'reprimand_level', discoveredOn: '2026-02-10',
  });
  expect(closing.statusCode, closing.body).toBe(201);
  id.closed = closing.json().id;
  at('2026-03-03');
  await act(C, id.unfounded, 'bc.cv1', { action: 'accept', on: '2026-03-03' });
  at('2026-03-05');
  await act(D, id.closed, 'bc.truong', { action: 'close', reason: 'Miễn trách nhiệm kỷ luật do có lý do chính đáng' });

  // 25/3: the decisions and conclusions, and the discipline case through its council to a reprimand.
  at('2026-03-25');
  await act(C, id.withdrawn, 'bc.truong', { action: 'conclude', outcome: 'withdrawn', conclusion: 'Người khiếu nại rút đơn.', decisionNo: '3/QĐ-TTTN', decisionDate: '2026-03-10' });
  await act(C, id.unfounded, 'bc.truong', { action: 'conclude', outcome: 'unfounded', conclusion: 'Nội dung tố cáo không có căn cứ.', decisionNo: '4/KL-TTTN', decisionDate: '2026-03-16' });
  const conclusion = `Ông ${DENOUNCER.fullName} (điện thoại ${DENOUNCER.phone}, số định danh ${DENOUNCER.idNumber}) tố cáo đúng: ông ${SUBJECT} đã yêu cầu nộp giấy tờ ngoài quy định.`;
  await act(C, id.denunciation, 'bc.truong', { action: 'conclude', outcome: 'founded', conclusion, decisionNo: '5/KL-TTTN', decisionDate: '2026-03-20' });
  await act(C, id.denunciation, 'bc.truong', { action: 'publish', on: '2026-03-21' });
  res = await req('POST', D, 'bc.nhansu', {
    unitId: u.root, subjectStaffId: staff['bc.dinh'], personKind: 'cong_chuc', offenceSummary: 'Yêu cầu công dân nộp giấy tờ ngoài quy định', offenceEndedOn: '2026-02-20', limitationClass: 'reprimand_level', discoveredOn: '2026-03-03',
  });
  id.discipline = res.json().id;
  for (const [step, on] of [['notice', '2026-03-04'], ['review_meeting', '2026-03-05'], ['review_report', '2026-03-06']]) await act(D, id.discipline, 'bc.nhansu', { action: 'record_step', step, on });
  await act(D, id.discipline, 'bc.nhansu', { action: 'set_council', on: '2026-03-09', members: [{ staffId: staff['bc.truong'], role: 'chair' }, { staffId: staff.leader, role: 'employing_unit_leader' }, { staffId: staff['bc.nhansu'], role: 'personnel' }] });
  for (const [step, on] of [['summons', '2026-03-10'], ['council_meeting', '2026-03-17']]) await act(D, id.discipline, 'bc.nhansu', { action: 'record_step', step, on });
  await act(D, id.discipline, 'bc.nhansu', { action: 'record_ballot', yes: 3, no: 0, forms: { khien_trach: 2, canh_cao: 1 }, recommendedForm: 'khien_trach', minutes: MINUTES });
  await act(D, id.discipline, 'bc.nhansu', { action: 'record_step', step: 'recommendation', on: '2026-03-18' });
  await act(D, id.discipline, 'bc.truong', { action: 'decide', form: 'khien_trach', decisionNo: '12/QĐ-TTTN', decisionDate: '2026-03-24', effectiveOn: '2026-03-24' });
  // The unit's yearly plan (scope 1) with one inspection planned from 16/3: the report reads it through the plans' counts.
  const plan = await req('POST', '/api/v1/inspection/plans', 'bc.cv1', { inspectingUnitId: u.root, year: 2026, title: 'Kế hoạch kiểm tra công vụ năm 2026', items: [
    { targetUnitId: await t.unitId('H30.105'), topics: ['admin_discipline'], plannedFrom: '2026-03-16', plannedTo: '2026-03-20' },
  ] });
  expect(plan.statusCode, plan.body).toBe(201);
  await act('/api/v1/inspection/plans', plan.json().id, 'bc.truong', { action: 'approve', decisionNo: '1/QĐ-TTTN', decisionDate: '2026-03-02', signer: 'Điêu Văn Trưởng' });
  at('2026-04-02');
});
afterAll(async () => { await t?.close(); });

describe('the report of a unit over a period', () => {
  it('counts the cases by kind, their timeliness and outcomes, and the one still open past its acceptance period', async () => {
    const res = await req('GET', `${R}?${PERIOD}&unitId=${u.root}`, 'bc.truong');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.period).toEqual({ code: 'custom', kind: 'custom', label: 'Từ 01/02/2026 đến 31/03/2026', from: '2026-02-01', to: '2026-03-31', asOf: '2026-03-31' });
    expect(r.scope).toEqual({ unitId: u.root, unitName: 'Thanh tra thử nghiệm', province: false });
    expect(r.cases.total).toEqual({
      carriedOver: 0, received: 4, accepted: 3, refused: 0, acceptance: { onTime: 3, late: 0 }, resolved: 3, resolution: { onTime: 3, late: 0 },
      outcomes: { founded: 1, partly_founded: 0, unfounded: 1, withdrawn: 1 }, published: 1,
      // Received 2/3: ten days to accept ended on 12/3.
      open: { total: 1, awaitingAcceptance: 1, inResolution: 0, overdue: 1 },
    });
    const kind = (k: string) => r.cases.byKind.find((x: { kind: string }) => x.kind === k);
    expect(kind('denunciation')).toMatchObject({ received: 2, resolved: 2, published: 1, open: { total: 0 } });
    expect(kind('complaint_first')).toMatchObject({ received: 2, resolved: 1, open: { total: 1, overdue: 1 } });
    expect(r.cases.byStatus).toEqual({ received: 1, accepted: 0, verifying: 0, concluded: 3, refused: 0 });
  });

  it('counts the discipline cases, the decision in force and the rows by unit', async () => {
    const r = (await req('GET', `${R}?${PERIOD}&unitId=${u.root}`, 'kiemtra')).json();
    expect(r.discipline).toMatchObject({ carriedOver: 0, opened: 2, decided: 1, closedWithoutDiscipline: 1, limitationExpired: 0, open: { total: 0, deferred: 0 }, timeLimitMissed: { finishedLate: 0, openOverdue: 0 } });
    expect(r.discipline.decidedByForm.khien_trach).toBe(1);
    expect(r.discipline.inForce).toMatchObject({ total: 1, byForm: { khien_trach: 1 } });
    expect(r.inspections).toEqual({ planned: 1, done: { planned: 0, surprise: 0 }, findingsByKind: {}, recommendations: { total: 0, closedOnTime: 0, closedLate: 0, overdue: 0, open: 0 } });
    expect((await req('GET', `${R}?from=2026-02-01&to=2026-03-15&unitId=${u.root}`, 'kiemtra')).json().inspections.planned).toBe(0);
    expect(r.byUnit.map((x: { unitName: string }) => x.unitName)).toEqual(['Thanh tra thử nghiệm', 'Phòng Nghiệp vụ thử nghiệm']);
    expect(r.byUnit[0]).toMatchObject({ cases: { received: 4 }, discipline: { decided: 1, closedWithoutDiscipline: 0 } });
    expect(r.byUnit[1]).toMatchObject({ cases: { received: 0 }, discipline: { decided: 0, closedWithoutDiscipline: 1 } });
    // A statutory quarter is named as such: Q1 2026 ran 15/12/2025–14/3/2026.
    const q1 = (await req('GET', `${R}?from=2025-12-15&to=2026-03-14&unitId=${u.root}`, 'bc.truong')).json();
    expect(q1.period).toMatchObject({ code: '2026-Q1', label: 'Quý I năm 2026' });
    // On 14/3 the withdrawn complaint was decided, the others still open; the denunciation accepted 27/2 was within its 30 days.
    expect(q1.cases.total).toMatchObject({ received: 4, resolved: 1, open: { total: 3, overdue: 1 } });
  });

  it('reads only within reach: another unit\'s head and a specialist are refused, bad periods are 400', async () => {
    expect((await req('GET', `${R}?${PERIOD}&unitId=${u.root}`, 'lanhdao.sxd')).statusCode).toBe(404);
    expect((await req('GET', `${R}?${PERIOD}&unitId=${u.root}`, 'bc.cv1')).statusCode).toBe(404);
    expect((await req('GET', `${R}?${PERIOD}`, 'bc.cv1')).statusCode).toBe(403);
    expect((await req('GET', `${R}?${PERIOD}`, null)).statusCode).toBe(401);
    const own = await req('GET', `${R}?${PERIOD}`, 'bc.truong');
    expect(own.json().scope.unitId).toBe(u.root);
    for (const [q, code] of [['from=2026-03-31&to=2026-02-01', 'REPORT_PERIOD_INVALID'], ['from=2026-05-01&to=2026-06-30', 'REPORT_PERIOD_NOT_STARTED'], ['from=2020-01-01&to=2026-03-31', 'REPORT_PERIOD_TOO_LONG']]) {
      const bad = await req('GET', `${R}?${q}&unitId=${u.root}`, 'bc.truong');
      expect([bad.statusCode, bad.json().error.code]).toEqual([400, code]);
    }
    expect((await req('GET', `${R}?from=2026-02-30&to=2026-03-31`, 'bc.truong')).statusCode).toBe(400);
    expect((await req('GET', `${R}?${PERIOD}&extra=1`, 'bc.truong')).statusCode).toBe(400);
  });

  it('gives the same figures as XLSX and PDF, headed by the unit', async () => {
    const xlsx = await req('GET', `${R}.xlsx?${PERIOD}&unitId=${u.root}`, 'kiemtra');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('bao-cao-thanh-tra-2026-02-01_2026-03-31.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Khiếu nại, tố cáo')!;
    expect(sheet.getCell(2, 1).value).toBe('THANH TRA THỬ NGHIỆM');
    let total = 0;
    sheet.eachRow((row, n) => { if (!total && row.getCell(2).value === 'Tổng cộng') total = n; });
    expect(Array.from({ length: 14 }, (_v, i) => sheet.getCell(total, 3 + i).value)).toEqual([0, 4, 3, 0, 3, 3, 0, 1, 0, 1, 1, 1, 1, 1]);

    const pdf = await req('GET', `${R}.pdf?${PERIOD}&unitId=${u.root}`, 'kiemtra');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const rows = (await pdfToText(pdf.rawPayload, 'layout')).split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
    expect(rows).toContain('Tổng cộng 0 4 3 0 3 3 0 1 0 1 1 1 1 1');
    expect(rows).toContain('1 Khiển trách 1 1');
    expect((await req('GET', `${R}.pdf?${PERIOD}&unitId=${u.root}`, 'lanhdao.sxd')).statusCode).toBe(404);
  });
});

describe('case documents', () => {
  const text = async (url: string, who: string) => {
    const res = await req('GET', url, who);
    expect(res.statusCode, `${who} ${res.body.slice(0, 200)}`).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return (await pdfToText(res.rawPayload)).replace(/\s+/g, ' ');
  };
  const secrets = [DENOUNCER.fullName, DENOUNCER.idNumber, DENOUNCER.phone, 'Nà Luông'];

  it("prints the denouncer on the acceptance notice for the team only; the head and the auditor read '(được giữ bí mật)'", async () => {
    const team = await text(`${C}/${id.denunciation}/documents/acceptance.pdf`, 'bc.cv1');
    for (const secret of secrets) expect(team).toContain(secret);
    expect(team).toContain('THÔNG BÁO Về việc thụ lý tố cáo');
    expect(team).toContain('thông báo thụ lý tố cáo kể từ ngày 27/02/2026');
    expect(team).toContain('Thời hạn giải quyết là 30 ngày kể từ ngày thụ lý, đến hết ngày 30/03/2026.');
    for (const who of ['bc.truong', 'kiemtra']) {
      const other = await text(`${C}/${id.denunciation}/documents/acceptance.pdf`, who);
      for (const secret of secrets) expect(other, who).not.toContain(secret);
      expect(other).toContain('Họ và tên: (được giữ bí mật)');
      expect(other).toContain(`Người bị tố cáo: ${SUBJECT}`);
    }
    for (const who of ['lanhdao.sxd', 'bc.dinh']) expect((await req('GET', `${C}/${id.denunciation}/documents/acceptance.pdf`, who)).statusCode, who).toBe(404);
  });

  it('prints the conclusion the same way, and a complainant (not secret) for every reader', async () => {
    const team = await text(`${C}/${id.unfounded}/documents/conclusion.pdf`, 'bc.cv1');
    expect(team).toContain(DENOUNCER.fullName);
    expect(team).toContain('KẾT LUẬN Nội dung tố cáo');
    expect(team).toContain('Số: 4/KL-TTTN');
    expect(team).toContain('nội dung tố cáo là sai');
    const auditor = await text(`${C}/${id.unfounded}/documents/conclusion.pdf`, 'kiemtra');
    for (const secret of secrets) expect(auditor).not.toContain(secret);
    const complaint = await text(`${C}/${id.withdrawn}/documents/conclusion.pdf`, 'kiemtra');
    expect(complaint).toContain('QUYẾT ĐỊNH Về việc giải quyết khiếu nại lần đầu');
    expect(complaint).toContain(COMPLAINANT.fullName);
    const early = await req('GET', `${C}/${id.awaiting}/documents/acceptance.pdf`, 'bc.cv1');
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'DOCUMENT_NOT_READY']);
    expect((await req('GET', `${C}/${id.awaiting}/documents/summons.pdf`, 'bc.cv1')).statusCode).toBe(400);
  });

  it('prints the discipline decision without the ballot or the minutes, for HR and for the person disciplined', async () => {
    for (const who of ['bc.nhansu', 'bc.dinh']) {
      const d = await text(`${D}/${id.discipline}/documents/decision.pdf`, who);
      expect(d).toContain('QUYẾT ĐỊNH Về việc thi hành kỷ luật đối với công chức Cầm Văn Bị Tố');
      expect(d).toContain('Số: 12/QĐ-TTTN');
      expect(d).toContain('Thi hành kỷ luật bằng hình thức khiển trách đối với Cầm Văn Bị Tố');
      expect(d).toContain('có hiệu lực kể từ ngày 24/03/2026');
      expect(d).toContain('đến hết ngày 24/03/2027');
      expect(d).not.toContain('Tòng Văn Ủy Viên');
      expect(d).not.toMatch(/phiếu|cảnh cáo/i);
    }
    expect((await req('GET', `${D}/${id.discipline}/documents/decision.pdf`, 'kiemtra')).statusCode).toBe(404);
    const closed = await req('GET', `${D}/${id.closed}/documents/decision.pdf`, 'bc.nhansu');
    expect([closed.statusCode, closed.json().error.code]).toEqual([409, 'DOCUMENT_NOT_READY']);
  });
});

describe('the public summary', () => {
  it('gives counts and the published results to anyone, with no name, phone or ID number of the people involved', async () => {
    const res = await req('GET', '/api/v1/public/inspection-summary?year=2026', null);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const body = res.json();
    expect(body.period).toMatchObject({ from: '2025-12-15', to: '2026-12-14', asOf: '2026-04-02' });
    expect(body.years).toContain(2026);
    const mine = body.published.find((p: { caseId: number }) => p.caseId === id.denunciation);
    expect(mine).toMatchObject({ kind: 'denunciation', kindLabel: 'Tố cáo', handlingUnitName: 'Thanh tra thử nghiệm', decisionNo: '5/KL-TTTN', publishedOn: '2026-03-21', outcome: 'founded', outcomeLabel: 'Đúng' });
    expect(mine.conclusion).toBe('Ông [họ tên] (điện thoại [số điện thoại], số định danh [số định danh]) tố cáo đúng: ông [họ tên] đã yêu cầu nộp giấy tờ ngoài quy định.');
    expect(body.published.map((p: { caseId: number }) => p.caseId)).not.toContain(id.unfounded);
    expect(body.cases.received).toBeGreaterThanOrEqual(4);
    expect(body.discipline.byForm.khien_trach).toBeGreaterThanOrEqual(1);
    for (const secret of [...Object.values(DENOUNCER), ...Object.values(COMPLAINANT), SUBJECT, 'Tố Giác', MINUTES]) expect(res.body).not.toContain(secret);
    expect(JSON.stringify(body)).not.toMatch(/\d{12}/);
    expect(Object.keys(body).sort()).toEqual(['cases', 'discipline', 'inspections', 'period', 'published', 'year', 'years']);
  });

  it('answers a year with nothing yet as zeros, and refuses a year out of range', async () => {
    const next = await req('GET', '/api/v1/public/inspection-summary?year=2030', null);
    expect(next.json()).toMatchObject({ year: 2030, published: [], cases: { received: 0 } });
    expect((await req('GET', '/api/v1/public/inspection-summary?year=1990', null)).statusCode).toBe(400);
  });
});
