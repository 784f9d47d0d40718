import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';
import { officialDocument, renderPdf } from '../../platform/documents/index.js';
import { pdfToText } from '../../platform/documents/pdf-text.js';

// The Department of Home Affairs (Sở Nội vụ, H30.101) keeps its 2024 files: its records clerk drafts the
// list, the deputy director (lanhdao.snv) approves it, documents are filed, files are closed, one is kept
// by the unit, one handed over, and a short-lived one is destroyed once its two years have run out. The
// Department of Justice (H30.102) holds the exchanged copy of one of those documents. The clock starts at
// TEST_NOW (2/3/2026) and moves to the days the rules are about; sessions are signed in again after a move.
let t: TestApp;
let clock = TEST_NOW;
const sessions = new Map<string, Session>();
const passwords: Record<string, string> = {};
const u = {} as Record<string, number>;
const staff = {} as Record<string, number>;
const docs = {} as Record<string, number>;
const keys = {} as Record<string, string>;
const files = {} as Record<string, number>;
const P = '/api/v1/registry';

async function as(who: string): Promise<Session> {
  if (!sessions.has(who)) sessions.set(who, await t.login(who, passwords[who]));
  return sessions.get(who)!;
}
const setClock = (iso: string) => { clock = new Date(iso); sessions.clear(); };
const api = async (method: string, url: string, who: string, body?: unknown) => t.request(method, `${P}${url}`, { session: await as(who), body });
const version = async (id: number) => (await api('GET', `/files/${id}`, 'luutru.snv')).json().version as number;
const act = async (id: number, who: string, body: Record<string, unknown>) => api('POST', `/files/${id}/actions`, who, { version: await version(id), ...body });
const fileDoc = async (id: number, who: string, documentId: number) => api('POST', `/files/${id}/documents`, who, { documentId, version: await version(id) });
const code = (res: { json(): { error?: { code: string } } }) => res.json().error?.code;

async function makeStaff(username: string, unitCode: string, role: string | null) {
  const roles = role ? [{ role, unitId: await t.unitId(unitCode) }] : [];
  const res = await t.request('POST', '/api/v1/org/staff', { session: await as('admin'), body: { fullName: `Công chức ${username}`, unitId: await t.unitId(unitCode), position: 'Chuyên viên', username, password: 'Mat-khau-Lai-Chau-2026', roles } });
  expect(res.statusCode, res.body).toBe(201);
  await t.db.updateTable('auth_accounts').set({ must_change_password: false }).where('username', '=', username).execute();
  staff[username] = res.json().id;
  passwords[username] = 'Mat-khau-Lai-Chau-2026';
}

const pdf = async (text: string) => renderPdf(officialDocument([{ text }]));

/** A document as the outgoing and incoming parts would leave it (they are built beside this part). */
async function makeDocument(values: Record<string, unknown>): Promise<number> {
  const row = await t.db.insertInto('reg_documents').values({ doc_type: 'CV', pages: 1, ...values } as never).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  for (const code of ['H30.101', 'H30.101.01', 'H30.102']) u[code] = await t.unitId(code);
  for (const [unit, symbol] of [['H30.101', 'SNV'], ['H30.102', 'STP']] as const) {
    const res = await t.request('PUT', `${P}/agencies/${u[unit]}/settings`, { session: await as('admin'), body: { symbol, placeName: 'Lai Châu', managingBody: 'UBND tỉnh Lai Châu', numbering: 'per_type' } });
    expect(res.statusCode, res.body).toBe(200);
  }
  await makeStaff('luutru.snv', 'H30.101', 'clerk');
  await makeStaff('luutru.stp', 'H30.102', 'clerk');
  await makeStaff('cv.phong', 'H30.101.01', null);
  for (const name of ['chuyenvien.snv', 'chuyenvien.stp']) {
    staff[name] = (await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', name).executeTakeFirstOrThrow()).staff_id!;
  }

  keys.plan = await t.services.files.put(await pdf('Kế hoạch cải cách hành chính năm 2024'));
  keys.provincial = await t.services.files.put(await pdf('Công văn 112/UBND-NC gửi các sở'));
  keys.report = await t.services.files.put(await pdf('Báo cáo thống kê tháng 6 năm 2024'));
  keys.annex = await t.services.files.put(await pdf('Phụ lục báo cáo thống kê tháng 6'));
  const snv = u['H30.101']!;
  docs.incoming = await makeDocument({ unit_id: snv, direction: 'in', status: 'registered', symbol: '112/UBND-NC', issued_on: '2024-02-27', issuer_name: 'UBND tỉnh Lai Châu', subject: 'Triển khai kế hoạch cải cách hành chính năm 2024', arrival_number: 27, arrival_on: '2024-03-01', channel: 'exchange', pages: 2, file_key: keys.provincial });
  docs.plan = await makeDocument({ unit_id: snv, direction: 'out', status: 'released', doc_type: 'KH', number: 5, symbol: '05/KH-SNV', issued_on: '2024-03-15', issuer_name: 'Sở Nội vụ', subject: 'Kế hoạch cải cách hành chính năm 2024', pages: 3, file_key: keys.plan });
  docs.report = await makeDocument({ unit_id: snv, direction: 'out', status: 'released', doc_type: 'BC', number: 40, symbol: '40/BC-SNV', issued_on: '2024-06-28', issuer_name: 'Sở Nội vụ', subject: 'Báo cáo thống kê tháng 6 năm 2024', recipients: JSON.stringify([{ unitId: u['H30.102'] }]), file_key: keys.report });
  await t.db.insertInto('reg_attachments').values({ document_id: docs.report, file_key: keys.annex, file_name: 'phu-luc.pdf', mime: 'application/pdf', size: 100, sha256: keys.annex }).execute();
  docs.secret = await makeDocument({ unit_id: snv, direction: 'out', status: 'released', doc_type: 'BC', number: 41, symbol: '41/BC-SNV', issued_on: '2024-07-01', issuer_name: 'Sở Nội vụ', subject: 'Báo cáo mật về công tác bảo vệ bí mật nhà nước', confidentiality: 'mat' });
  docs.draft = await makeDocument({ unit_id: snv, direction: 'out', status: 'draft', subject: 'Dự thảo công văn chưa ký' });
  docs.nextYear = await makeDocument({ unit_id: snv, direction: 'out', status: 'released', number: 2, symbol: '02/SNV-VP', issued_on: '2025-01-10', issuer_name: 'Sở Nội vụ', subject: 'Công văn đầu năm 2025' });
  // The Department of Justice's copy of the report, delivered through the exchange: the same stored file
  // (the annex was attached at the Department of Home Affairs only, after the release).
  docs.copyAtStp = await makeDocument({ unit_id: u['H30.102'], direction: 'in', status: 'registered', doc_type: 'BC', symbol: '40/BC-SNV', issued_on: '2024-06-28', issuer_name: 'Sở Nội vụ', subject: 'Báo cáo thống kê tháng 6 năm 2024', arrival_number: 30, arrival_on: '2024-06-28', channel: 'exchange', sender_unit_id: snv, file_key: keys.report });
});
afterAll(async () => { await t?.close(); });

const newFile = (extra: Record<string, unknown>) => ({ unitId: u['H30.101'], year: 2024, ...extra });

describe('the yearly file list (art. 28, Appendix V)', () => {
  it('is drafted by the records office; the head, a reader, another agency may not', async () => {
    expect((await api('GET', `/files?unitId=${u['H30.101']}&year=2024`, 'luutru.snv')).json()).toMatchObject({ list: null, files: [], may: { manage: true, approve: false } });
    const body = newFile({ code: '01.VP', title: 'Kế hoạch, báo cáo công tác cải cách hành chính năm 2024', retention: 10, heading: 'Văn phòng', responsibleStaffId: staff['chuyenvien.snv'] });
    expect((await api('POST', '/files', 'lanhdao.snv', body)).statusCode).toBe(403);
    expect((await api('POST', '/files', 'chuyenvien.snv', body)).statusCode).toBe(403);
    expect((await api('POST', '/files', 'lanhdao.stp', body)).statusCode).toBe(404);
    expect((await api('POST', '/files', 'luutru.snv', { ...body, unitId: u['H30.101.01'] })).statusCode).toBe(404);
    const res = await api('POST', '/files', 'luutru.snv', body);
    expect(res.statusCode, res.body).toBe(201);
    files.A = res.json().id;
    expect(res.json()).toMatchObject({
      code: '01.VP', fileCode: { organId: 'H30.101', year: 2024, notation: '01.VP' }, retention: 10, retentionLabel: '10 năm', status: 'open', statusLabel: 'Đang lập',
      responsible: { id: staff['chuyenvien.snv'] }, documentCount: 0, list: { status: 'draft' }, allowedActions: ['edit', 'remove', 'file_document', 'unfile_document', 'close'],
    });
    files.B = (await api('POST', '/files', 'luutru.snv', newFile({ code: '02.VP', title: 'Tập văn bản mật năm 2024', retention: 'permanent', heading: 'Văn phòng' }))).json().id;
    files.C = (await api('POST', '/files', 'luutru.snv', newFile({ code: '01.TCCB', title: 'Báo cáo thống kê hằng tháng năm 2024', retention: 2, heading: 'Tổ chức cán bộ', responsibleStaffId: staff['cv.phong'], responsibleUnitId: u['H30.101.01'] }))).json().id;
  });

  it('refuses a taken code, a bad retention or code, a responsible person of another agency', async () => {
    let res = await api('POST', '/files', 'luutru.snv', newFile({ code: '01.vp', title: 'Trùng số', retention: 5 }));
    expect([res.statusCode, code(res)]).toEqual([409, 'FILE_CODE_TAKEN']);
    for (const [extra, path] of [[{ retention: 0 }, 'retention'], [{ retention: 'mãi mãi' }, 'retention'], [{ code: '01 VP' }, 'code'], [{ responsibleStaffId: staff['chuyenvien.stp'] }, 'responsibleStaffId']] as const) {
      res = await api('POST', '/files', 'luutru.snv', newFile({ code: '09.VP', title: 'Hồ sơ thử', retention: 5, ...(extra as Record<string, unknown>) }));
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().error.fields[0].path).toBe(path);
    }
  });

  it('lets a file leave a draft list; the code is free again', async () => {
    const res = await api('POST', '/files', 'luutru.snv', newFile({ code: '03.VP', title: 'Hồ sơ lập nhầm', retention: 5 }));
    expect((await act(res.json().id, 'luutru.snv', { action: 'remove' })).json()).toEqual({ id: res.json().id, status: 'removed' });
    expect((await api('GET', `/files/${res.json().id}`, 'luutru.snv')).statusCode).toBe(404);
    const list = (await api('GET', `/files?unitId=${u['H30.101']}&year=2024`, 'kiemtra')).json();
    expect(list.counts).toEqual({ total: 3, permanent: 1, limited: 2 });
    expect(list.files.map((f: { code: string }) => f.code)).toEqual(['01.TCCB', '01.VP', '02.VP']);
  });

  it('is approved by the head with a decision; afterwards a file is added only with a reason', async () => {
    const path = `/file-lists/${u['H30.101']}/2024/actions`;
    const listVersion = async () => (await api('GET', `/files?unitId=${u['H30.101']}&year=2024`, 'luutru.snv')).json().list.version as number;
    const decision = { action: 'approve', decisionNo: '01/QĐ-SNV', decisionDate: '2024-01-05' };
    expect((await api('POST', path, 'luutru.snv', { ...decision, version: await listVersion() })).statusCode).toBe(403);
    expect((await api('POST', path, 'lanhdao.stp', { ...decision, version: 1 })).statusCode).toBe(404);
    expect((await api('POST', `/file-lists/${u['H30.101']}/2023/actions`, 'lanhdao.snv', { ...decision, version: 1 })).statusCode).toBe(404);
    expect(code(await api('POST', path, 'lanhdao.snv', { ...decision, version: (await listVersion()) + 1 }))).toBe('VERSION_CONFLICT');
    expect((await api('POST', path, 'lanhdao.snv', { ...decision, decisionDate: '2026-03-03', version: await listVersion() })).statusCode).toBe(400);
    const res = await api('POST', path, 'lanhdao.snv', { ...decision, version: await listVersion() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().list).toMatchObject({ status: 'approved', decisionNo: '01/QĐ-SNV', decisionDate: '2024-01-05', approvedBy: { fullName: 'Lê Thị Thu Hằng' } });
    expect(code(await api('POST', path, 'lanhdao.snv', { ...decision, version: await listVersion() }))).toBe('LIST_APPROVED');

    const late = newFile({ code: '03.VP', title: 'Hồ sơ hội nghị tổng kết năm 2024', retention: 5 });
    expect((await api('POST', '/files', 'luutru.snv', late)).json().error.fields[0].path).toBe('reason');
    const added = await api('POST', '/files', 'luutru.snv', { ...late, reason: 'Phát sinh hội nghị tổng kết theo chỉ đạo của UBND tỉnh' });
    expect(added.json()).toMatchObject({ addedAfterApproval: true, events: [{ action: 'created', note: 'Phát sinh hội nghị tổng kết theo chỉ đạo của UBND tỉnh' }] });
    files.D = added.json().id;
    expect(code(await act(files.D!, 'luutru.snv', { action: 'remove' }))).toBe('LIST_APPROVED');
    expect((await act(files.A!, 'luutru.snv', { action: 'edit', title: 'Kế hoạch, báo cáo cải cách hành chính năm 2024' })).json().error.fields[0].path).toBe('reason');
  });
});

describe('filing documents (art. 29.3)', () => {
  it('files a registered incoming and a released outgoing document of the agency and year, in the order they were made', async () => {
    expect((await fileDoc(files.A!, 'luutru.snv', docs.plan!)).statusCode).toBe(200);
    // The person responsible for the file gathers its documents too.
    const res = await fileDoc(files.A!, 'chuyenvien.snv', docs.incoming!);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ documentCount: 2, pageCount: 5, startDate: '2024-03-01' });
    expect(res.json().documents.map((d: { ordinal: number; symbol: string }) => [d.ordinal, d.symbol])).toEqual([[1, '112/UBND-NC'], [2, '05/KH-SNV']]);
    const history = await t.db.selectFrom('reg_events').select(['action', 'note']).where('document_id', '=', docs.plan!).execute();
    expect(history).toContainEqual({ action: 'filed', note: 'Lập vào hồ sơ 01.VP (năm 2024)' });
    expect((await fileDoc(files.C!, 'luutru.snv', docs.report!)).statusCode).toBe(200);
    expect((await fileDoc(files.B!, 'luutru.snv', docs.secret!)).statusCode).toBe(200);
  });

  it('refuses a draft, another year, another agency, a document already filed, a stale version, a caller who keeps no file', async () => {
    expect(code(await fileDoc(files.B!, 'luutru.snv', docs.draft!))).toBe('DOCUMENT_NOT_FILEABLE');
    expect(code(await fileDoc(files.B!, 'luutru.snv', docs.nextYear!))).toBe('DOCUMENT_OTHER_YEAR');
    expect((await fileDoc(files.B!, 'luutru.snv', docs.copyAtStp!)).statusCode).toBe(404);
    expect(code(await fileDoc(files.B!, 'admin', docs.copyAtStp!))).toBe('DOCUMENT_OTHER_AGENCY');
    expect(code(await fileDoc(files.B!, 'luutru.snv', docs.plan!))).toBe('DOCUMENT_ALREADY_FILED');
    expect((await fileDoc(files.B!, 'lanhdao.snv', docs.nextYear!)).statusCode).toBe(403);
    const stale = await api('POST', `/files/${files.B}/documents`, 'luutru.snv', { documentId: docs.nextYear, version: (await version(files.B!)) - 1 });
    expect([stale.statusCode, code(stale)]).toEqual([409, 'VERSION_CONFLICT']);
    expect((await api('POST', `/files/${files.B}/documents`, 'luutru.snv', { documentId: 'một' })).statusCode).toBe(400);
  });

  it('takes a document out of an open file and lets it be filed again', async () => {
    const res = await api('DELETE', `/files/${files.A}/documents/${docs.plan}?version=${await version(files.A!)}`, 'luutru.snv');
    expect(res.json().documentCount).toBe(1);
    expect((await api('DELETE', `/files/${files.B}/documents/${docs.plan}?version=${await version(files.B!)}`, 'luutru.snv')).statusCode).toBe(404);
    expect((await fileDoc(files.A!, 'luutru.snv', docs.plan!)).json().documentCount).toBe(2);
  });

  it('shows a confidential document only to those who may read it, and exports the file only to them', async () => {
    const seen = (await api('GET', `/files/${files.B}`, 'chuyenvien.snv')).json().documents[0];
    expect(seen).toMatchObject({ readable: false, subject: null, symbol: null, confidentiality: 'mat' });
    const refused = await api('GET', `/files/${files.B}/export`, 'chuyenvien.snv');
    expect([refused.statusCode, code(refused)]).toEqual([403, 'FILE_HAS_SECRET_DOCUMENTS']);
    expect((await api('GET', `/files/${files.B}/export`, 'luutru.snv')).statusCode).toBe(200);
  });

  it('lets the person responsible for a file see that file only', async () => {
    expect((await api('GET', `/files/${files.C}`, 'cv.phong')).json()).toMatchObject({ code: '01.TCCB', responsibleUnitName: expect.any(String) });
    expect((await api('GET', `/files/${files.A}`, 'cv.phong')).statusCode).toBe(404);
    expect((await api('GET', `/files?unitId=${u['H30.101']}&year=2024`, 'cv.phong')).statusCode).toBe(404);
    expect((await api('GET', `/files/${files.A}`, 'lanhdao.stp')).statusCode).toBe(404);
  });
});

describe('closing, handover and keeping (arts 29.4, 30, 31)', () => {
  it('closes when the work has ended, not before its latest document, not empty; its documents are then frozen', async () => {
    expect((await act(files.A!, 'chuyenvien.snv', { action: 'close', endedOn: '2024-03-10' })).json().error.fields[0].path).toBe('endedOn');
    expect(code(await act(files.D!, 'luutru.snv', { action: 'close', endedOn: '2024-12-31' }))).toBe('FILE_EMPTY');
    expect((await act(files.A!, 'lanhdao.snv', { action: 'close', endedOn: '2024-12-31' })).statusCode).toBe(403);
    const res = await act(files.A!, 'chuyenvien.snv', { action: 'close', endedOn: '2024-12-31' });
    expect(res.statusCode, res.body).toBe(200);
    // Closed on 31/12/2024: due at the archive on 31/12/2025, so overdue on 2/3/2026.
    expect(res.json()).toMatchObject({ status: 'closed', endDate: '2024-12-31', handoverDueOn: '2025-12-31', handoverOverdue: true, handoverDueSoon: false, retentionExpiresOn: '2034-12-31', retentionExpired: false });
    expect(code(await api('DELETE', `/files/${files.A}/documents/${docs.plan}?version=${await version(files.A!)}`, 'luutru.snv'))).toBe('FILE_NOT_OPEN');
    expect(code(await fileDoc(files.A!, 'luutru.snv', docs.nextYear!))).toBe('FILE_NOT_OPEN');
    expect((await act(files.C!, 'cv.phong', { action: 'close', endedOn: '2024-12-31' })).json()).toMatchObject({ status: 'closed', handover: { required: false }, handoverOverdue: false });
    expect((await act(files.B!, 'luutru.snv', { action: 'close', endedOn: '2024-12-31' })).json().status).toBe('closed');
  });

  it('lists the files due at the archive: overdue ones, not those under 5 years', async () => {
    const due = (await api('GET', `/files?unitId=${u['H30.101']}&due=handover`, 'luutru.snv')).json().files.map((f: { id: number }) => f.id);
    expect(due).toContain(files.A);
    expect(due).toContain(files.B);
    expect(due).not.toContain(files.C);
    expect((await api('GET', `/files?unitId=${u['H30.101']}`, 'luutru.snv')).statusCode).toBe(400);
  });

  it('is kept by the unit with the head\'s consent and a reason, at most 2 years after it fell due', async () => {
    expect((await act(files.A!, 'luutru.snv', { action: 'keep', reason: 'Cần để tổng kết giai đoạn' })).statusCode).toBe(403);
    expect((await act(files.A!, 'lanhdao.snv', { action: 'keep', reason: 'Cần để tổng kết giai đoạn', until: '2028-01-01' })).json().error.fields[0].path).toBe('until');
    expect((await act(files.A!, 'lanhdao.snv', { action: 'keep' })).statusCode).toBe(400);
    expect(code(await act(files.C!, 'lanhdao.snv', { action: 'keep', reason: 'Cần tra cứu' }))).toBe('HANDOVER_NOT_REQUIRED');
    const res = await act(files.A!, 'lanhdao.snv', { action: 'keep', reason: 'Cần để tổng kết giai đoạn 2021–2025' });
    expect(res.json()).toMatchObject({ keptUntil: '2027-12-31', keepReason: 'Cần để tổng kết giai đoạn 2021–2025', handoverDueOn: '2027-12-31', handoverOverdue: false, handover: { dueOn: '2025-12-31' } });
  });

});

describe('disposal of files past their retention (Law on Archives 2024)', () => {
  it('refuses a file still within its retention, and a permanent one', async () => {
    setClock('2026-12-31T09:00:00+07:00');
    const body = { unitId: u['H30.101'], title: 'Danh mục tài liệu hết giá trị năm 2027', fileIds: [files.C] };
    const res = await api('POST', '/disposals', 'luutru.snv', body);
    expect([res.statusCode, code(res), res.json().error.details.files[0].reason]).toEqual([409, 'FILE_NOT_DISPOSABLE', 'RETENTION_NOT_EXPIRED']);
    setClock('2027-01-04T09:00:00+07:00');
    expect((await api('POST', '/disposals', 'luutru.snv', { ...body, fileIds: [files.B] })).json().error.details.files[0].reason).toBe('RETENTION_PERMANENT');
    const due = (await api('GET', `/files?unitId=${u['H30.101']}&due=disposal`, 'luutru.snv')).json().files.map((f: { id: number }) => f.id);
    expect(due).toEqual([files.C]);
  });

  it('is drafted by the records office, can be cancelled, and frees its files', async () => {
    const body = { unitId: u['H30.101'], title: 'Danh mục tài liệu hết giá trị năm 2027', fileIds: [files.C] };
    expect((await api('POST', '/disposals', 'lanhdao.snv', body)).statusCode).toBe(403);
    expect((await api('POST', '/disposals', 'lanhdao.stp', body)).statusCode).toBe(404);
    const first = (await api('POST', '/disposals', 'luutru.snv', body)).json();
    expect(first).toMatchObject({ status: 'draft', fileCount: 1, files: [{ id: files.C, disposalId: first.id, disposable: true }] });
    expect(code(await api('POST', '/disposals', 'luutru.snv', body))).toBe('FILE_NOT_DISPOSABLE');
    const cancelled = await api('POST', `/disposals/${first.id}/actions`, 'luutru.snv', { action: 'cancel', version: first.version, reason: 'Lập lại sau khi hội đồng xác định giá trị tài liệu họp' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', fileCount: 0 });
    expect((await api('GET', `/files/${files.C}`, 'luutru.snv')).json().disposalId).toBeNull();
  });

  it('destroys the files once the head approves: erases contents only no other live document holds', async () => {
    const list = (await api('POST', '/disposals', 'luutru.snv', { unitId: u['H30.101'], title: 'Danh mục tài liệu hết giá trị năm 2027', fileIds: [files.C] })).json();
    const approve = { action: 'approve', version: list.version, decisionNo: '15/QĐ-SNV', decisionDate: '2027-01-04' };
    const byClerk = await api('POST', `/disposals/${list.id}/actions`, 'luutru.snv', approve);
    expect(byClerk.statusCode, byClerk.body).toBe(403);
    expect((await api('POST', `/disposals/${list.id}/actions`, 'lanhdao.snv', { ...approve, decisionDate: '2027-01-05' })).statusCode).toBe(400);
    const res = await api('POST', `/disposals/${list.id}/actions`, 'lanhdao.snv', approve);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', decisionNo: '15/QĐ-SNV', erasedFiles: 1, files: [{ id: files.C, status: 'disposed' }] });
    // The report's annex was held by it alone: gone. Its main copy is the stored file the Department of
    // Justice's exchanged copy still holds: kept.
    expect(await t.services.files.get(keys.annex!)).toBeUndefined();
    expect((await t.services.files.get(keys.report!))?.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await t.db.selectFrom('reg_events').select('note').where('document_id', '=', docs.report!).where('action', '=', 'disposed').execute()).toEqual([{ note: 'Hủy theo Quyết định số 15/QĐ-SNV' }]);
    expect(code(await api('POST', `/disposals/${list.id}/actions`, 'lanhdao.snv', { ...approve, version: res.json().version }))).toBe('DISPOSAL_NOT_DRAFT');
    expect((await api('GET', `/disposals?unitId=${u['H30.101']}`, 'kiemtra')).json().items.map((d: { status: string }) => d.status)).toEqual(['approved', 'cancelled']);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'registry_disposal').where('entity_id', '=', String(list.id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['registry.disposal_created', 'registry.disposal_approve']);
  });
});

describe('handover at the end of the keeping', () => {
  it('is due soon 30 days before the kept-until day, and handed over by the records office', async () => {
    setClock('2027-12-05T09:00:00+07:00');
    const a = (await api('GET', `/files/${files.A}`, 'luutru.snv')).json();
    expect(a).toMatchObject({ handoverDueSoon: true, handoverOverdue: false, handover: { daysLeft: 26 } });
    expect((await act(files.A!, 'chuyenvien.snv', { action: 'hand_over' })).statusCode).toBe(403);
    expect((await act(files.A!, 'luutru.snv', { action: 'hand_over', on: '2027-12-06' })).statusCode).toBe(400);
    const res = await act(files.A!, 'luutru.snv', { action: 'hand_over' });
    expect(res.json()).toMatchObject({ status: 'handed_over', handedOverOn: '2027-12-05', handoverDueSoon: false, allowedActions: [] });
    expect(code(await act(files.A!, 'luutru.snv', { action: 'hand_over' }))).toBe('FILE_NOT_CLOSED');
  });
});

describe('exports (Appendix V and VI)', () => {
  const text = async (res: { rawPayload: Buffer }) => (await pdfToText(res.rawPayload)).replace(/\s+/g, ' ');

  it('prints the file list in the form of Appendix V', async () => {
    const res = await api('GET', `/file-lists/${u['H30.101']}/2024/pdf`, 'kiemtra');
    expect(res.headers['content-type']).toBe('application/pdf');
    const s = await text(res);
    for (const part of ['DANH MỤC HỒ SƠ', 'Năm 2024', 'Kèm theo Quyết định số 01/QĐ-SNV ngày 05 tháng 01 năm 2024', 'Số và ký hiệu hồ sơ', 'Tiêu đề hồ sơ', 'Thời hạn bảo quản', 'Đơn vị/người lập hồ sơ', 'Ghi chú',
      'I. TỔ CHỨC CÁN BỘ', 'II. VĂN PHÒNG', 'III. CHƯA XẾP ĐỀ MỤC', '01.VP', '02.VP', 'Vĩnh viễn', '10 năm', 'Bổ sung sau khi danh mục được phê duyệt', 'Danh mục hồ sơ này có 4 hồ sơ', '1 hồ sơ bảo quản vĩnh viễn', '3 hồ sơ bảo quản có thời hạn']) {
      expect(s, part).toContain(part);
    }
    expect((await api('GET', `/file-lists/${u['H30.101']}/2024/pdf`, 'lanhdao.stp')).statusCode).toBe(404);
  });

  it('exports a whole file as one PDF: cover, contents in the order the documents were made, their copies embedded', async () => {
    const res = await api('GET', `/files/${files.A}/export`, 'chuyenvien.snv');
    expect(res.statusCode, res.body).toBe(200);
    const s = await text(res);
    for (const part of ['HỒ SƠ', 'Kế hoạch, báo cáo công tác cải cách hành chính năm 2024', 'Số và ký hiệu hồ sơ: 01.VP', 'Thời hạn bảo quản: 10 năm', 'từ ngày 01/03/2024 đến ngày 31/12/2024', '2 văn bản, 5 trang',
      'MỤC LỤC VĂN BẢN, TÀI LIỆU', 'Tên loại và trích yếu', 'Công văn: Triển khai kế hoạch', '15/03/2024 Kế hoạch cải cách hành chính năm 2024', 'Văn bản đến số 27, ngày 01/03/2024', '27/02/2024', '15/03/2024', 'CHỨNG TỪ KẾT THÚC']) {
      expect(s, part).toContain(part);
    }
    expect(s.indexOf('112/UBND-NC')).toBeGreaterThan(-1);
    expect(s.indexOf('112/UBND-NC')).toBeLessThan(s.indexOf('05/KH-SNV'));
    const doc = await getDocument({ data: new Uint8Array(res.rawPayload), verbosity: 0 }).promise;
    const embedded = Object.values((await doc.getAttachments()) ?? {}) as { filename: string; content: Uint8Array }[];
    await doc.destroy();
    expect(embedded.map((a) => a.filename).sort()).toEqual(['001-112-UBND-NC.pdf', '002-05-KH-SNV.pdf']);
    expect(Buffer.from(embedded[0]!.content).subarray(0, 5).toString()).toBe('%PDF-');
    const events = (await api('GET', `/files/${files.A}`, 'luutru.snv')).json().events.map((e: { action: string }) => e.action);
    expect(events.at(-1)).toBe('exported');
  });
});
