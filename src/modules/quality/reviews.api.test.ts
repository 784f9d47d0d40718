import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';

// The Department of Home Affairs (Sở Nội vụ, H30.101) holds its management review of 2026 on the pinned
// day (2/3/2026). Its QMS, an objective, a reported internal audit and some nonconformities are written
// straight into the tables (the other parts are built beside this one); the review reads them live while
// a draft, the deputy director (lanhdao.snv) holds it — freezing what it read — and assigns its decisions
// as the tasks of a steering notice that the directives module then shows.
let t: TestApp;
const sessions = new Map<string, Session>();
const u = {} as Record<string, number>;
const staff = {} as Record<string, number>;
let qmsId = 0;
let objectiveId = 0;
let reviewId = 0;
let laterId = 0;
const Q = '/api/v1/quality';

async function as(who: string): Promise<Session> {
  if (!sessions.has(who)) sessions.set(who, await t.login(who));
  return sessions.get(who)!;
}
const api = async (method: string, url: string, who: string, body?: unknown) => t.request(method, url.startsWith('/api') ? url : `${Q}${url}`, { session: await as(who), body });
const review = async (id: number, who = 'lanhdao.snv') => (await api('GET', `/reviews/${id}`, who)).json();
const errorCode = (res: { json(): { error?: { code: string } } }) => res.json().error?.code;

async function nonconformity(seq: number, values: { year: number; status: string; source: string; closed_on?: string }) {
  await t.db.insertInto('qms_nonconformities').values({
    qms_id: qmsId, seq, code: `KPH-${values.year}-${String(seq).padStart(3, '0')}`, title: `Sự không phù hợp số ${seq}`, owner_unit_id: u['H30.101.01']!,
    raised_on: `${values.year}-02-10`, evidence: '{}', ...values,
  } as never).execute();
}

beforeAll(async () => {
  t = await createTestApp();
  for (const code of ['H30.101', 'H30.101.01', 'H30.102']) u[code] = await t.unitId(code);
  for (const name of ['lanhdao.snv', 'chuyenvien.snv', 'lanhdao.stp']) {
    staff[name] = (await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', name).executeTakeFirstOrThrow()).staff_id!;
  }
  qmsId = (await t.db.insertInto('qms_systems').values({ agency_unit_id: u['H30.101']!, exclusions: '[]', settings: '{}' }).returning('id').executeTakeFirstOrThrow()).id;
  // A manual objective: its reading comes from the typed counts, so the test knows it without the feeds.
  objectiveId = (await t.db.insertInto('qms_objectives').values({
    qms_id: qmsId, year: 2026, code: 'MT-01', text: 'Tỷ lệ hồ sơ được số hóa đạt từ 95% trở lên', measure: 'manual', target_percent: 95, manual_numerator: 19, manual_denominator: 20,
  }).returning('id').executeTakeFirstOrThrow()).id;
  const audit = await t.db.insertInto('qms_audits').values({
    qms_id: qmsId, year: 2026, title: 'Đánh giá nội bộ đợt 1 năm 2026', planned_from: '2026-02-02', planned_to: '2026-02-06', process_ids: '[]',
    team: JSON.stringify([{ staffId: staff['chuyenvien.snv'], role: 'lead' }]), lead_staff_id: staff['chuyenvien.snv']!, status: 'reported', report_summary: 'Hệ thống được duy trì', reported_on: '2026-02-20',
  }).returning('id').executeTakeFirstOrThrow();
  for (const kind of ['nonconformity', 'nonconformity', 'observation'] as const) {
    await t.db.insertInto('qms_findings').values({ audit_id: audit.id, kind, description: `Phát hiện loại ${kind}` }).execute();
  }
  // Two of this year (one still open, one closed), one of last year still being corrected.
  await nonconformity(1, { year: 2026, status: 'open', source: 'audit' });
  await nonconformity(2, { year: 2026, status: 'closed', source: 'manual', closed_on: '2026-02-25' });
  await nonconformity(1, { year: 2025, status: 'action_planned', source: 'overdue' });
});
afterAll(async () => t?.close());

describe('management reviews', () => {
  it('drafts a review whose inputs are read live: objectives, audits, nonconformity counts', async () => {
    const res = await api('POST', `/systems/${qmsId}/reviews`, 'chuyenvien.snv', { heldOn: '2026-03-02', chairStaffId: staff['lanhdao.snv'], attendees: 'Ban lãnh đạo Sở, trưởng các phòng' });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    reviewId = r.id;
    expect(r).toMatchObject({ qmsId, heldOn: '2026-03-02', status: 'draft', chairName: 'Lê Thị Thu Hằng', decisions: [], directiveDocumentId: null, tasks: null, version: 1 });
    expect(r.may).toEqual({ edit: true, hold: false, assign: false });
    expect(r.inputs).toMatchObject({ year: 2026, asOf: '2026-03-02', frozen: false });
    expect(r.inputs.objectives).toHaveLength(1);
    expect(r.inputs.objectives[0]).toMatchObject({ id: objectiveId, code: 'MT-01', reading: { numerator: 19, denominator: 20 } });
    expect(r.inputs.audits).toEqual([{ id: expect.any(Number), title: 'Đánh giá nội bộ đợt 1 năm 2026', status: 'reported', statusLabel: 'Đã báo cáo', reportedOn: '2026-02-20', nonconformities: 2, observations: 1 }]);
    expect(r.inputs.nonconformities).toMatchObject({ open: 2, closedInYear: 1 });
    expect(r.inputs.nonconformities.byStatus).toMatchObject({ open: 1, closed: 1, action_planned: 0 });
    expect(r.inputs.nonconformities.bySource).toMatchObject({ audit: 1, manual: 1, overdue: 0 });
    // The head sees they may hold it.
    expect((await review(reviewId)).may).toEqual({ edit: true, hold: true, assign: false });

    const chairElsewhere = await api('POST', `/systems/${qmsId}/reviews`, 'chuyenvien.snv', { heldOn: '2026-03-02', chairStaffId: staff['lanhdao.stp'] });
    expect(chairElsewhere.statusCode).toBe(400);
    expect(chairElsewhere.json().error.fields[0].message).toContain('Người chủ trì');
    const later = await api('POST', `/systems/${qmsId}/reviews`, 'lanhdao.snv', { heldOn: '2026-03-20' });
    expect(later.statusCode).toBe(201);
    laterId = later.json().id;
  });

  it('keeps minutes and decisions under the version read; a decision is owned inside the agency, due after the meeting', async () => {
    const decisions = [
      { text: 'Rà soát, cập nhật quy trình cấp giấy phép theo thủ tục mới công bố', ownerUnitId: u['H30.101.01'], dueOn: '2026-06-30' },
      { text: 'Tổ chức đánh giá nội bộ đợt 2 năm 2026', ownerUnitId: u['H30.101'], dueOn: '2026-09-30' },
    ];
    const wrong = await api('PUT', `/reviews/${reviewId}`, 'chuyenvien.snv', { version: 1, decisions: [{ ...decisions[0], ownerUnitId: u['H30.102'] }, { ...decisions[1], dueOn: '2026-03-01' }] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['decisions.0.ownerUnitId', 'decisions.1.dueOn']);
    const badDay = await api('PUT', `/reviews/${reviewId}`, 'chuyenvien.snv', { version: 1, decisions: [{ ...decisions[0], dueOn: '2026-02-30' }] });
    expect(badDay.statusCode).toBe(400);
    expect(badDay.json().error.fields[0].message).toContain('Hạn hoàn thành');

    const res = await api('PUT', `/reviews/${reviewId}`, 'chuyenvien.snv', { version: 1, minutes: 'Lãnh đạo Sở đánh giá hệ thống vận hành có hiệu lực.', decisions });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, minutes: 'Lãnh đạo Sở đánh giá hệ thống vận hành có hiệu lực.' });
    expect(res.json().decisions.map((d: { ownerUnitName: string }) => d.ownerUnitName)).toEqual([expect.stringContaining('Phòng'), 'Sở Nội vụ']);
    const stale = await api('PUT', `/reviews/${reviewId}`, 'lanhdao.snv', { version: 1, minutes: 'Ghi đè' });
    expect(stale.statusCode).toBe(409);
    expect(errorCode(stale)).toBe('VERSION_CONFLICT');
  });

  it('lets only the head hold it; another department does not see it', async () => {
    expect((await api('POST', `/reviews/${reviewId}/hold`, 'chuyenvien.snv', { version: 2 })).statusCode).toBe(403);
    expect((await api('GET', `/reviews/${reviewId}`, 'lanhdao.stp')).statusCode).toBe(404);
    expect((await api('POST', `/reviews/${reviewId}/hold`, 'lanhdao.stp', { version: 2 })).statusCode).toBe(404);
    expect((await api('GET', `/systems/${qmsId}/reviews`, 'chuyenvien.sxd')).statusCode).toBe(404);
    expect((await api('POST', `/systems/${qmsId}/reviews`, 'lanhdao.stp', { heldOn: '2026-03-02' })).statusCode).toBe(404);
    // A meeting set for a later day is not held before it.
    const early = await api('POST', `/reviews/${laterId}/hold`, 'lanhdao.snv', { version: 1 });
    expect(early.statusCode).toBe(409);
    expect(errorCode(early)).toBe('QMS_REVIEW_NOT_DUE');
    expect((await review(reviewId)).status).toBe('draft');
  });

  it('freezes the inputs when held: a later nonconformity or reading changes the drafts only', async () => {
    const before = await review(reviewId);
    const res = await api('POST', `/reviews/${reviewId}/hold`, 'lanhdao.snv', { version: 2 });
    expect(res.statusCode, res.body).toBe(200);
    const held = res.json();
    expect(held).toMatchObject({ status: 'held', statusLabel: 'Đã họp', version: 3 });
    expect(held.inputs).toMatchObject({ frozen: true, asOf: '2026-03-02', year: 2026 });
    expect(held.inputs.nonconformities).toEqual(before.inputs.nonconformities);
    expect(held.may).toEqual({ edit: false, hold: false, assign: true });

    await nonconformity(3, { year: 2026, status: 'open', source: 'complaint' });
    await t.db.updateTable('qms_objectives').set({ manual_numerator: 10 }).where('id', '=', objectiveId).execute();
    const after = await review(reviewId);
    expect(after.inputs.nonconformities).toEqual(held.inputs.nonconformities);
    expect(after.inputs.objectives[0].reading).toMatchObject({ numerator: 19, denominator: 20 });
    const draft = await review(laterId);
    expect(draft.inputs.frozen).toBe(false);
    expect(draft.inputs.nonconformities.open).toBe(held.inputs.nonconformities.open + 1);
    expect(draft.inputs.nonconformities.bySource.complaint).toBe(1);
    expect(draft.inputs.objectives[0].reading).toMatchObject({ numerator: 10, denominator: 20 });

    const edit = await api('PUT', `/reviews/${reviewId}`, 'lanhdao.snv', { version: 3, minutes: 'Sửa sau khi họp' });
    expect(edit.statusCode).toBe(409);
    expect(errorCode(edit)).toBe('QMS_REVIEW_HELD');
  });

  it('assigns the decisions as the tasks of a steering notice the directives module shows', async () => {
    expect((await api('POST', `/reviews/${reviewId}/assign`, 'chuyenvien.snv', { version: 3, number: '12/TB-SNV' })).statusCode).toBe(403);
    const badNumber = await api('POST', `/reviews/${reviewId}/assign`, 'lanhdao.snv', { version: 3, number: 'TB 12' });
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.json().error.fields[0].message).toContain('12/TB-SNV');
    expect((await api('POST', `/reviews/${laterId}/assign`, 'lanhdao.snv', { version: 1, number: '13/TB-SNV' })).statusCode).toBe(409);

    const res = await api('POST', `/reviews/${reviewId}/assign`, 'lanhdao.snv', { version: 3, number: '12/TB-SNV' });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.directiveDocumentId).toEqual(expect.any(Number));
    expect(r.version).toBe(4);
    expect(r.may.assign).toBe(false);
    expect(r.tasks.map((x: { title: string }) => x.title)).toEqual(['Rà soát, cập nhật quy trình cấp giấy phép theo thủ tục mới công bố', 'Tổ chức đánh giá nội bộ đợt 2 năm 2026']);

    const doc = await api('GET', `/api/v1/directives/${r.directiveDocumentId}`, 'lanhdao.snv');
    expect(doc.statusCode).toBe(200);
    expect(doc.json().document).toMatchObject({ docType: 'TB', number: '12/TB-SNV', issuer: 'Sở Nội vụ', signer: 'Lê Thị Thu Hằng', ownerUnitId: u['H30.101'] });
    const tasks = doc.json().tasks as { content: string; leadUnitId: number; dueOn: string }[];
    expect(tasks.map((x) => [x.content, x.leadUnitId, x.dueOn])).toEqual([
      ['Rà soát, cập nhật quy trình cấp giấy phép theo thủ tục mới công bố', u['H30.101.01'], '2026-06-30'],
      ['Tổ chức đánh giá nội bộ đợt 2 năm 2026', u['H30.101'], '2026-09-30'],
    ]);
    const again = await api('POST', `/reviews/${reviewId}/assign`, 'lanhdao.snv', { version: 4, number: '14/TB-SNV' });
    expect(errorCode(again)).toBe('QMS_REVIEW_ASSIGNED');
    expect(await t.db.selectFrom('directive_documents').select('id').where('number', '=', '14/TB-SNV').execute()).toEqual([]);
  });

  it('lists the reviews and keeps each step in the history and the audit log', async () => {
    const list = (await api('GET', `/systems/${qmsId}/reviews`, 'chuyenvien.snv')).json().items;
    expect(list.map((x: { id: number }) => x.id)).toEqual([laterId, reviewId]);
    expect(list[1]).toMatchObject({ heldOn: '2026-03-02', status: 'held', chairName: 'Lê Thị Thu Hằng', decisions: 2, directiveDocumentId: expect.any(Number) });
    const r = await review(reviewId, 'chuyenvien.snv');
    expect(r.history.map((h: { action: string }) => h.action)).toEqual(['created', 'updated', 'held', 'assigned']);
    expect(r.history[3].actorName).toBe('Lê Thị Thu Hằng');
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'qms_review').where('entity_id', '=', String(reviewId)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['quality.review_created', 'quality.review_updated', 'quality.review_held', 'quality.review_assigned']);
  });
});
