import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';
import { vnDay } from './quality.context.js';
import { DOCUMENT_STATUS_LABELS, processFingerprint, type ProcedureLike } from './rules/process-documents.js';

// The Department of Home Affairs (Sở Nội vụ, H30.101) runs a QMS. Its process for the foreign workers'
// work permit (demo procedure 1.000105) is documented from the catalogue's internal process, approved by
// the deputy director (lanhdao.snv), and goes out of date when the province publishes a new catalogue
// version that moves the review step to another section; a fee-only amendment later changes nothing.
// The clock is the pinned TEST_NOW (2/3/2026): catalogue versions are published effective before it.
let t: TestApp;
const sessions = new Map<string, Session>();
const Q = '/api/v1/quality';
const CODE = '1.000105';
const today = vnDay(TEST_NOW);
const ids = {} as Record<string, number>;

async function as(who: string): Promise<Session> {
  if (!sessions.has(who)) sessions.set(who, await t.login(who));
  return sessions.get(who)!;
}
const api = async (method: string, url: string, who: string, body?: unknown) => t.request(method, `${Q}${url}`, { session: await as(who), body });
const errorCode = (res: { json(): { error?: { code: string } } }) => res.json().error?.code;
type VersionView = { id: number; issueNo: number; status: string; content: string; version: number; catalogVersionId: number | null; catalogVersionNo: number | null; obsoleteReason: string | null; sync: { status: string; label: string; changes: string[]; inForce: { versionNo: number } | null } | null };
const documentOf = async (id: number, who = 'chuyenvien.snv') => (await api('GET', `/documents/${id}`, who)).json() as { versions: VersionView[]; history: { action: string }[]; may: Record<string, boolean> };
const issue = async (docId: number, issueNo: number) => (await documentOf(docId)).versions.find((v) => v.issueNo === issueNo)!;

/** The catalogue's own API, as its administrators publish an amendment: a draft copied from the last version, edited, published. */
async function publishCatalogVersion(changeNote: string, effectiveFrom: string, edit: (content: Record<string, any>) => void): Promise<number> {
  const admin = await as('admin');
  const base = `/api/v1/admin/procedures/${CODE}/versions`;
  const draft = await t.request('POST', base, { session: admin, body: { changeNote } });
  expect(draft.statusCode, draft.body).toBe(201);
  const n = draft.json().number as number;
  const got = (await t.request('GET', `/api/v1/procedures/${CODE}/versions/${n}`, { session: admin })).json();
  const { version: _meta, ...content } = structuredClone(got.content) as Record<string, any>;
  edit(content);
  const saved = await t.request('PUT', `${base}/${n}`, { session: admin, body: { ...content, revision: got.revision } });
  expect(saved.statusCode, saved.body).toBe(200);
  const decision = { number: `${100 + n}/QĐ-UBND`, date: effectiveFrom, signer: 'Chủ tịch Ủy ban nhân dân tỉnh', title: 'Công bố sửa đổi quy trình nội bộ' };
  const published = await t.request('POST', `${base}/${n}/actions`, { session: admin, body: { action: 'publish', decision, effectiveFrom, revision: saved.json().revision } });
  expect(published.statusCode, published.body).toBe(200);
  return published.json().id as number;
}

const inForce = async () => (await t.services.catalog.service.findInForce(CODE, TEST_NOW))!;

beforeAll(async () => {
  t = await createTestApp();
  for (const code of ['H30.101', 'H30.101.01', 'H30.102']) ids[code] = await t.unitId(code);
  // Part A (the systems API) is built beside this part: the QMS rows are inserted as it would leave them.
  for (const unit of ['H30.101', 'H30.102']) {
    const row = await t.db.insertInto('qms_systems').values({ agency_unit_id: ids[unit]!, exclusions: '[]', settings: '{}' }).returning('id').executeTakeFirstOrThrow();
    ids[`qms:${unit}`] = row.id;
  }
  const process = async (qms: number, body: Record<string, unknown>) => {
    const res = await api('POST', `/systems/${qms}/processes`, 'chuyenvien.snv', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  ids.permit = await process(ids['qms:H30.101']!, { code: 'QT-05', name: 'Cấp giấy phép lao động cho người nước ngoài', kind: 'tthc', ownerUnitId: ids['H30.101'], catalogProcedureCode: CODE });
  ids.reissue = await process(ids['qms:H30.101']!, { code: 'QT-06', name: 'Cấp lại giấy phép lao động', kind: 'tthc', catalogProcedureCode: CODE, caseCode: 'cap_lai' });
  ids.control = await process(ids['qms:H30.101']!, { code: 'QT-01', name: 'Kiểm soát tài liệu', kind: 'management' });
});
afterAll(async () => { await t?.close(); });

describe('a process document that goes out of date when the catalogue\'s internal process changes', () => {
  it('drafts issue 1 from the internal process in force, pinned to that version', async () => {
    const v1 = await inForce();
    ids.v1 = v1.id;
    const res = await api('POST', `/systems/${ids['qms:H30.101']}/documents`, 'chuyenvien.snv', { code: 'QT-05', title: 'Quy trình cấp giấy phép lao động', kind: 'process', processId: ids.permit });
    expect(res.statusCode, res.body).toBe(201);
    ids.doc = res.json().id;
    const [draft] = res.json().versions as VersionView[];
    expect(draft).toMatchObject({ issueNo: 1, status: 'draft', statusLabel: 'Dự thảo', catalogVersionId: v1.id, catalogVersionNo: v1.number, draftedByName: 'Sùng A Páo', sync: { status: 'current', label: DOCUMENT_STATUS_LABELS.current, changes: [] } });
    // The prefill is the catalogue's steps in words: every step's name, who handles it (unit names, not codes), its time.
    const steps = (v1.content as unknown as ProcedureLike).internalProcesses![0]!.steps;
    const snvName = (await t.db.selectFrom('org_units').select('name').where('code', '=', 'H30.101').executeTakeFirstOrThrow()).name;
    for (const s of steps) expect(draft!.content).toContain(`Bước ${s.order}. ${s.name}`);
    expect(draft!.content).toContain(`${snvName} — Chuyên viên, công chức chuyên môn`);
    expect(draft!.content).toContain(`Thời gian: ${steps[1]!.budget.amount} giờ làm việc`);
    expect(draft!.content).not.toContain('H30.101 —');
    const stored = await t.db.selectFrom('qms_document_versions').select(['catalog_fingerprint']).where('id', '=', draft!.id).executeTakeFirstOrThrow();
    expect(stored.catalog_fingerprint).toBe(processFingerprint(v1.content as unknown as ProcedureLike));
  });

  it('is approved by the head only: the specialist is refused, another department does not see it, a stale version conflicts', async () => {
    const draft = await issue(ids.doc!, 1);
    const url = `/document-versions/${draft.id}/approve`;
    expect((await api('POST', url, 'chuyenvien.snv', { version: draft.version })).statusCode).toBe(403);
    expect((await api('POST', url, 'lanhdao.stp', { version: draft.version })).statusCode).toBe(404);
    expect(errorCode(await api('POST', url, 'lanhdao.snv', { version: draft.version + 1 }))).toBe('VERSION_CONFLICT');
    expect((await api('POST', url, 'lanhdao.snv', { version: draft.version, effectiveFrom: '2026-03-01' })).json().error.fields[0].path).toBe('effectiveFrom');
    const res = await api('POST', url, 'lanhdao.snv', { version: draft.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().versions[0]).toMatchObject({ issueNo: 1, status: 'approved', approvedByName: 'Lê Thị Thu Hằng', approvedOn: today, effectiveFrom: today, sync: { status: 'current' } });
    expect(errorCode(await api('POST', url, 'lanhdao.snv', { version: draft.version + 1 }))).toBe('QMS_VERSION_NOT_DRAFT');
    const list = (await api('GET', `/systems/${ids['qms:H30.101']}/documents`, 'chuyenvien.snv')).json().items;
    expect(list).toEqual([expect.objectContaining({ id: ids.doc, kindLabel: 'Quy trình', current: { versionId: draft.id, issueNo: 1, approvedOn: today, effectiveFrom: today }, draft: null, sync: expect.objectContaining({ status: 'current' }) })]);
  });

  it('goes out of date when a new catalogue version changes who reviews and how long, naming the changes', async () => {
    const section = (await t.db.selectFrom('org_units').select('name').where('code', '=', 'H30.101.01').executeTakeFirstOrThrow()).name;
    // The review moves to the section and gives 4 of its hours to the signature (the total stays 5 working days).
    ids.v2 = await publishCatalogVersion('Chuyển bước thẩm định về phòng chuyên môn', '2026-02-01', (c) => {
      const steps = c.internalProcesses[0].steps as Record<string, any>[];
      steps[1]!.responsible = { unitCode: 'H30.101.01', role: 'specialist' };
      steps[1]!.budget = { amount: 20, unit: 'working_hours' };
      steps[2]!.budget = { amount: 12, unit: 'working_hours' };
    });
    expect((await inForce()).id).toBe(ids.v2);
    const approved = await issue(ids.doc!, 1);
    expect(approved.sync).toMatchObject({ status: 'out_of_date', label: DOCUMENT_STATUS_LABELS.out_of_date, inForce: { versionNo: 2 } });
    const changes = approved.sync!.changes;
    expect(changes).toHaveLength(3);
    const escaped = section.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(changes).toContainEqual(expect.stringMatching(new RegExp(`Quy trình nội bộ › Bước 2 › Nơi xử lý: .+ → ${escaped} — Chuyên viên`)));
    expect(changes).toContain('Quy trình nội bộ › Bước 2 › Thời gian của bước: 24 giờ làm việc → 20 giờ làm việc');
    expect(changes).toContain('Quy trình nội bộ › Bước 3 › Thời gian của bước: 8 giờ làm việc → 12 giờ làm việc');
    const processes = (await api('GET', `/systems/${ids['qms:H30.101']}/processes`, 'chuyenvien.snv')).json().items;
    expect(processes.find((p: { id: number }) => p.id === ids.permit).document).toMatchObject({ id: ids.doc, issueNo: 1, sync: { status: 'out_of_date', changes } });
    const list = (await api('GET', `/systems/${ids['qms:H30.101']}/documents`, 'chuyenvien.snv')).json().items;
    expect(list.find((d: { id: number }) => d.id === ids.doc).sync.status).toBe('out_of_date');
  });

  it('keeps a document of a case with its own process current: the change was in the main process only', async () => {
    const res = await api('POST', `/systems/${ids['qms:H30.101']}/documents`, 'chuyenvien.snv', { code: 'QT-06', title: 'Quy trình cấp lại giấy phép lao động', kind: 'process', processId: ids.reissue });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().versions[0]).toMatchObject({ catalogVersionId: ids.v2, sync: { status: 'current' } });
    expect(res.json().versions[0].content).toContain('Trường hợp: Cấp lại giấy phép lao động');
    // Pinned to version 1 by hand (as if drafted before the amendment): still current, the case's process did not change.
    await t.db.updateTable('qms_document_versions').set({ catalog_version_id: ids.v1! }).where('id', '=', res.json().versions[0].id).execute();
    expect((await documentOf(res.json().id)).versions[0]!.sync).toMatchObject({ status: 'current', changes: [] });
  });

  it('is revised: the next draft re-pins the version in force, one draft at a time, and its approval retires issue 1', async () => {
    const body = { content: '', changeLog: 'Cập nhật theo quy trình nội bộ đã sửa đổi' };
    const res = await api('POST', `/documents/${ids.doc}/versions`, 'chuyenvien.snv', body);
    expect(res.statusCode, res.body).toBe(201);
    const draft = (res.json().versions as VersionView[]).find((v) => v.issueNo === 2)!;
    expect(draft).toMatchObject({ status: 'draft', catalogVersionId: ids.v2, catalogVersionNo: 2, changeLog: body.changeLog, sync: { status: 'current' } });
    expect(draft.content).toContain('phiên bản số 2');
    expect(errorCode(await api('POST', `/documents/${ids.doc}/versions`, 'chuyenvien.snv', { content: 'Bản khác', changeLog: 'Sửa lần nữa' }))).toBe('QMS_DRAFT_EXISTS');
    expect((await api('POST', `/document-versions/${draft.id}/approve`, 'lanhdao.snv', { version: draft.version })).statusCode).toBe(200);
    const doc = await documentOf(ids.doc!);
    expect(doc.versions.map((v) => [v.issueNo, v.status])).toEqual([[2, 'approved'], [1, 'obsolete']]);
    expect(doc.versions[1]).toMatchObject({ obsoleteReason: 'Thay thế bởi lần ban hành 2', sync: null });
    expect(doc.versions[0]!.sync).toMatchObject({ status: 'current', changes: [] });
    expect(doc.history.map((e) => e.action)).toEqual(['created', 'approved', 'version_drafted', 'approved']);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'qms_document').where('entity_id', '=', String(ids.doc)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['quality.document_created', 'quality.document_approved', 'quality.document_version_drafted', 'quality.document_approved']);
  });

  it('stays current when a new catalogue version changes only a fee', async () => {
    await publishCatalogVersion('Điều chỉnh lệ phí', today, (c) => {
      c.fees[0].amount = 650000;
    });
    expect((await inForce()).number).toBe(3);
    const approved = await issue(ids.doc!, 2);
    // Pinned to version 2 while version 3 is in force: current only because the internal process is the same.
    expect(approved.catalogVersionNo).toBe(2);
    expect(approved.sync).toMatchObject({ status: 'current', changes: [], inForce: { versionNo: 3 } });
  });
});

describe('controlled documents: access, withdrawal and bad input', () => {
  it('lets every reader of the QMS read, only its staff draft, and hides it from another department', async () => {
    const auditor = await documentOf(ids.doc!, 'kiemtra');
    expect(auditor.may).toEqual({ manage: false, approve: false });
    expect((await documentOf(ids.doc!, 'lanhdao.snv')).may).toEqual({ manage: true, approve: true });
    expect((await api('POST', `/documents/${ids.doc}/versions`, 'kiemtra', { content: 'x', changeLog: 'Thử sửa' })).statusCode).toBe(403);
    for (const who of ['chuyenvien.stp', 'lanhdao.stp']) {
      expect((await api('GET', `/documents/${ids.doc}`, who)).statusCode).toBe(404);
      expect((await api('GET', `/systems/${ids['qms:H30.101']}/documents`, who)).statusCode).toBe(404);
      expect((await api('POST', `/documents/${ids.doc}/versions`, who, { content: 'x', changeLog: 'Thử sửa' })).statusCode).toBe(404);
    }
    expect((await api('GET', '/documents/999999', 'lanhdao.snv')).statusCode).toBe(404);
  });

  it('creates a document without a catalogue link as given, and withdraws a draft or an issue with a reason', async () => {
    const res = await api('POST', `/systems/${ids['qms:H30.101']}/documents`, 'chuyenvien.snv', { code: 'QT-01', title: 'Quy trình kiểm soát tài liệu', kind: 'process', processId: ids.control, content: 'Mục đích: kiểm soát tài liệu.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().versions[0]).toMatchObject({ content: 'Mục đích: kiểm soát tài liệu.', catalogVersionId: null, sync: null });
    const draft = res.json().versions[0] as VersionView;
    const url = `/document-versions/${draft.id}/obsolete`;
    expect((await api('POST', url, 'chuyenvien.snv', { version: draft.version, reason: 'Soạn nhầm' })).statusCode).toBe(403);
    expect((await api('POST', url, 'lanhdao.snv', { version: draft.version })).statusCode).toBe(400);
    expect(errorCode(await api('POST', url, 'lanhdao.snv', { version: draft.version + 1, reason: 'Soạn nhầm' }))).toBe('VERSION_CONFLICT');
    const done = await api('POST', url, 'lanhdao.snv', { version: draft.version, reason: 'Soạn nhầm' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().versions[0]).toMatchObject({ status: 'obsolete', obsoleteOn: today, obsoleteReason: 'Soạn nhầm' });
    expect(errorCode(await api('POST', url, 'lanhdao.snv', { version: draft.version + 1, reason: 'Lần nữa' }))).toBe('QMS_VERSION_OBSOLETE');
    // The withdrawn draft no longer blocks the next one.
    expect((await api('POST', `/documents/${res.json().id}/versions`, 'chuyenvien.snv', { content: 'Bản 2', changeLog: 'Soạn lại' })).statusCode).toBe(201);
  });

  it('answers bad input with 400 naming the field, a taken code with 409, never a 500', async () => {
    const url = `/systems/${ids['qms:H30.101']}/documents`;
    const base = { code: 'HD-01', title: 'Hướng dẫn tiếp nhận hồ sơ', kind: 'form' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, kind: 'process' }, 'processId'],
      [{ ...base, kind: 'memo' }, 'kind'],
      [{ ...base, code: 'HD 01' }, 'code'],
      [{ ...base, title: 'x' }, 'title'],
      [{ ...base, processId: 'một' }, 'processId'],
      [{ ...base, extra: true }, ''],
    ];
    for (const [body, path] of cases) {
      const res = await api('POST', url, 'chuyenvien.snv', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      if (path) expect(res.json().error.fields[0].path).toBe(path);
    }
    // A process of another QMS is no process of this one.
    const stpProcess = await api('POST', `/systems/${ids['qms:H30.102']}/processes`, 'lanhdao.stp', { code: 'QT-01', name: 'Kiểm soát tài liệu', kind: 'management' });
    const foreign = await api('POST', url, 'chuyenvien.snv', { ...base, processId: stpProcess.json().id });
    expect([foreign.statusCode, foreign.json().error.fields[0].path]).toEqual([400, 'processId']);
    expect(errorCode(await api('POST', url, 'chuyenvien.snv', { ...base, code: 'QT-05' }))).toBe('QMS_DOCUMENT_CODE_TAKEN');
    for (const [path, body] of [[`/documents/${ids.doc}/versions`, { content: 1, changeLog: 'Sửa' }], ['/document-versions/abc/approve', { version: 1 }], [`/document-versions/${ids.doc}/approve`, { version: 'x' }]] as const) {
      expect((await api('POST', path, 'lanhdao.snv', body)).statusCode, path).toBe(400);
    }
  });
});
