import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { multipartFile } from '../../../test/support/multipart.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';
import { feedbackSteps } from './feedback.test-support.js';

let now = TEST_NOW;
let t: TestApp;
let steps: ReturnType<typeof feedbackSteps>;
const s = {} as Record<string, Session>;
const PDF = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  steps = feedbackSteps(t);
  for (const u of ['motcua.tinh', 'motcua.tanphong', 'lanhdao.tanphong', 'lanhdao.sxd', 'lanhdao.stp']) s[u] = await t.login(u);
  s.homeAffairs = await steps.homeAffairsHead();
});
afterAll(async () => { await t?.close(); });
beforeEach(() => { now = TEST_NOW; });

const codes = async (session: Session, q = '') => ((await t.request('GET', `/api/v1/feedback${q}`, { session })).json().items as { code: string }[]).map((i) => i.code);

describe('feedback about an official (conduct)', () => {
  it('is flagged and seen by the head of the official’s unit and by the Department of Home Affairs, not by an unrelated unit', async () => {
    const official = await t.db.selectFrom('org_staff').select(['public_id', 'unit_id']).where('badge_number', '=', 'TP-0101').executeTakeFirstOrThrow();
    const res = await t.request('POST', '/api/v1/public/feedback', {
      body: {
        categoryCode: 'phuc-vu', about: { kind: 'official', staffPublicId: official.public_id }, title: 'Thái độ cán bộ', content: 'Cán bộ quát nạt người dân.',
        submitter: { name: 'Giàng A Páo', phone: '0966777888' }, consentToPublish: false,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { code } = res.json();
    const head = await t.request('GET', `/api/v1/feedback/${code}`, { session: s['lanhdao.tanphong'] });
    expect(head.statusCode).toBe(200);
    expect(head.json()).toMatchObject({ conduct: true, unitId: official.unit_id, conductUnitId: official.unit_id });
    expect(await codes(s['lanhdao.tanphong']!, '?conduct=true')).toContain(code);
    expect((await t.request('GET', `/api/v1/feedback/${code}`, { session: s.homeAffairs })).statusCode).toBe(200);
    expect(await codes(s.homeAffairs!)).toContain(code);
    // The official complained about (the ward's desk officer) neither finds it nor can be given it.
    expect((await t.request('GET', `/api/v1/feedback/${code}`, { session: s['motcua.tanphong'] })).statusCode).toBe(404);
    expect(await codes(s['motcua.tanphong']!)).not.toContain(code);
    // Sở Nội vụ reads; it does not handle another unit's item.
    expect((await steps.act(s.homeAffairs!, code, { action: 'note', text: 'Theo dõi' })).statusCode).toBe(403);
    expect((await t.request('GET', `/api/v1/feedback/${code}`, { session: s['lanhdao.sxd'] })).statusCode).toBe(404);
    expect(await codes(s['lanhdao.sxd']!)).not.toContain(code);

    // Forwarded elsewhere, the official's unit head still sees it (read only); the new unit handles it.
    const fwd = await steps.act(s['lanhdao.tanphong']!, code, { action: 'classify', outcome: 'forward', unitId: await t.unitId('H30.102') });
    expect(fwd.statusCode, fwd.body).toBe(200);
    const still = await t.request('GET', `/api/v1/feedback/${code}`, { session: s['lanhdao.tanphong'] });
    expect(still.statusCode).toBe(200);
    expect(still.json().allowedActions).toEqual([]);
    expect((await t.request('GET', `/api/v1/feedback/${code}`, { session: s['lanhdao.stp'] })).json().allowedActions).toContain('classify');
    expect((await t.request('GET', `/api/v1/feedback/${code}`, { session: s['lanhdao.sxd'] })).statusCode).toBe(404);
  });

  it('is never assigned to the official it is about', async () => {
    const official = await t.db.selectFrom('org_staff').select(['id', 'public_id']).where('badge_number', '=', 'TP-0101').executeTakeFirstOrThrow();
    const res = await t.request('POST', '/api/v1/public/feedback', {
      body: { categoryCode: 'phuc-vu', about: { kind: 'official', staffPublicId: official.public_id }, title: 'Hẹn nhiều lần', content: 'Cán bộ hẹn nhiều lần.', submitter: { name: 'Lò Văn Sinh', phone: '0966111222' }, consentToPublish: false },
    });
    const { code } = res.json();
    expect((await steps.act(s['lanhdao.tanphong']!, code, { action: 'classify', outcome: 'in_competence' })).statusCode).toBe(200);
    const toSelf = await steps.act(s['lanhdao.tanphong']!, code, { action: 'assign', staffId: official.id });
    expect(toSelf.statusCode).toBe(400);
    expect(toSelf.body).toContain('chính cán bộ bị phản ánh');
  });

  it('which unit oversees conduct is configuration, changed by the administrator only', async () => {
    const admin = await t.login('admin');
    const cur = (await t.request('GET', '/api/v1/feedback/settings', { session: admin })).json();
    expect(cur).toMatchObject({ conductOversightUnitName: 'Sở Nội vụ', receivingUnitName: 'Trung tâm Phục vụ hành chính công tỉnh' });
    expect((await t.request('PUT', '/api/v1/feedback/settings', { session: s['lanhdao.sxd'], body: { receivingUnitId: cur.receivingUnitId, conductOversightUnitId: await t.unitId('H30.105') } })).statusCode).toBe(403);
    const changed = await t.request('PUT', '/api/v1/feedback/settings', { session: admin, body: { receivingUnitId: cur.receivingUnitId, conductOversightUnitId: await t.unitId('H30.105') } });
    expect(changed.json().conductOversightUnitName).toBe('Sở Xây dựng');
    expect((await codes(s['lanhdao.sxd']!, '?conduct=true')).length).toBeGreaterThan(0);
    await t.request('PUT', '/api/v1/feedback/settings', { session: admin, body: { receivingUnitId: cur.receivingUnitId, conductOversightUnitId: cur.conductOversightUnitId } });
    expect(await codes(s['lanhdao.sxd']!, '?conduct=true')).toEqual([]);
  });

  it('categories are edited by the administrator with a version', async () => {
    const admin = await t.login('admin');
    const all = (await t.request('GET', '/api/v1/feedback/categories', { session: admin })).json().items;
    const hoiDap = all.find((c: { code: string }) => c.code === 'hoi-dap');
    const body = { name: hoiDap.name, description: hoiDap.description, deadlineDays: 6, coordinationDeadlineDays: 8, conduct: false, active: true, sortOrder: 50, version: hoiDap.version };
    expect((await t.request('PUT', '/api/v1/feedback/categories/hoi-dap', { session: s['lanhdao.sxd'], body })).statusCode).toBe(403);
    const ok = await t.request('PUT', '/api/v1/feedback/categories/hoi-dap', { session: admin, body });
    expect(ok.json()).toMatchObject({ deadlineDays: 6, version: hoiDap.version + 1 });
    expect((await t.request('PUT', '/api/v1/feedback/categories/hoi-dap', { session: admin, body })).statusCode).toBe(409);
    await t.request('PUT', '/api/v1/feedback/categories/hoi-dap', { session: admin, body: { ...body, deadlineDays: 5, coordinationDeadlineDays: 7, version: hoiDap.version + 1 } });
    const created = await t.request('PUT', '/api/v1/feedback/categories/moi-truong', { session: admin, body: { ...body, version: 0, active: false } });
    expect(created.statusCode, created.body).toBe(200);
    expect((await t.request('GET', '/api/v1/public/feedback/categories')).json().items.map((c: { code: string }) => c.code)).not.toContain('moi-truong');
  });
});

describe('citizens and attachments', () => {
  it('a signed-in citizen sends with a document from their store, follows it, withdraws it; another citizen sees nothing', async () => {
    const mai = await t.citizenSession();
    const m = multipartFile('file', 'anh-chup.pdf', PDF('pakn'), 'application/pdf');
    const up = await t.request('POST', '/api/v1/citizen/files', { session: mai, body: m.payload, headers: m.headers });
    expect(up.statusCode, up.body).toBe(201);
    const sent = await t.request('POST', '/api/v1/citizen/feedback', {
      session: mai, body: { categoryCode: 'thu-tuc', about: { kind: 'dossier', dossierCode: 'H30.501-260302-0001' }, title: 'Hồ sơ chậm', content: 'Quá hạn chưa trả.', consentToPublish: true, attachments: [up.json().id] },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const { code } = sent.json();
    const mine = (await t.request('GET', '/api/v1/citizen/feedback', { session: mai })).json();
    expect(mine.items.map((i: { code: string }) => i.code)).toContain(code);
    const one = (await t.request('GET', `/api/v1/citizen/feedback/${code}`, { session: mai })).json();
    expect(one).toMatchObject({ code, submitter: { name: 'Lò Thị Mai' }, attachments: [{ name: 'anh-chup.pdf' }], canWithdraw: true });
    // Staff download the attachment in the item's context.
    const staffView = (await t.request('GET', `/api/v1/feedback/${code}`, { session: s['motcua.tinh'] })).json();
    const file = await t.request('GET', staffView.attachments[0].url, { session: s['motcua.tinh'] });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect((await t.request('GET', staffView.attachments[0].url, { session: s['lanhdao.sxd'] })).statusCode).toBe(404);

    const other = await t.citizenSession({ subject: 'cd-002', idNumber: '098765432109', fullName: 'Người Khác' });
    expect((await t.request('GET', `/api/v1/citizen/feedback/${code}`, { session: other })).statusCode).toBe(404);
    expect((await t.request('POST', `/api/v1/citizen/feedback/${code}/withdraw`, { session: other, body: {} })).statusCode).toBe(404);
    expect((await t.request('POST', '/api/v1/citizen/feedback', { session: other, body: { categoryCode: 'thu-tuc', about: { kind: 'other' }, title: 'x', content: 'y', consentToPublish: false, attachments: [up.json().id] } })).statusCode).toBe(400);
    const w = await t.request('POST', `/api/v1/citizen/feedback/${code}/withdraw`, { session: mai, body: { reason: 'Đã nhận kết quả' } });
    expect(w.json()).toMatchObject({ status: 'withdrawn', canWithdraw: false });
    expect((await t.request('POST', `/api/v1/citizen/feedback/${code}/withdraw`, { session: mai, body: {} })).statusCode).toBe(409);
    expect((await t.request('GET', '/api/v1/citizen/feedback')).statusCode).toBe(401);
  });

  it('the desk attaches scans under the online upload checks (content, name)', async () => {
    const upload = async (name: string, content: Buffer, type: string) => {
      const m = multipartFile('file', name, content, type);
      return (await t.request('POST', '/api/v1/files', { session: s['motcua.tinh'], body: m.payload, headers: m.headers })).json().key as string;
    };
    const key = await upload('don.pdf', PDF('desk'), 'application/pdf');
    const ok = await steps.submitAsDesk(s['motcua.tinh']!, { channel: 'letter', attachments: [{ key, name: 'don-thu.pdf' }] });
    const detail = (await t.request('GET', `/api/v1/feedback/${ok.code}`, { session: s['motcua.tinh'] })).json();
    expect(detail).toMatchObject({ channel: 'letter', attachments: [{ name: 'don-thu.pdf', type: 'application/pdf' }] });
    const bad = await t.request('POST', '/api/v1/feedback', {
      session: s['motcua.tinh'],
      body: { channel: 'desk', categoryCode: 'hoi-dap', about: { kind: 'other' }, title: 'x', content: 'y', submitter: { name: 'A' }, consentToPublish: false, attachments: [{ key, name: 'don.png' }] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('FILE_TYPE_REJECTED');
    const missing = await t.request('POST', '/api/v1/feedback', {
      session: s['motcua.tinh'],
      body: { channel: 'desk', categoryCode: 'hoi-dap', about: { kind: 'other' }, title: 'x', content: 'y', submitter: { name: 'A' }, consentToPublish: false, attachments: [{ key: 'a'.repeat(64), name: 'x.pdf' }] },
    });
    expect(missing.statusCode).toBe(400);
  });
});

describe('classified in competence, for a section of the unit', () => {
  it('moves the item down to the section named, and refuses a unit outside the handling unit', async () => {
    const { code } = await steps.submitAsDesk(s['motcua.tanphong']!, { categoryCode: 'hoi-dap' });
    const outside = await steps.act(s['motcua.tanphong']!, code, { action: 'classify', outcome: 'in_competence', unitId: await t.unitId('H30.102') });
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain('unitId');
    const section = await t.unitId('H30.501.02');
    const moved = await steps.act(s['motcua.tanphong']!, code, { action: 'classify', outcome: 'in_competence', unitId: section });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'in_progress' });
    const row = await t.db.selectFrom('feedback_items').select(['unit_id', 'due_at']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(row.unit_id).toBe(section);
    expect(row.due_at).not.toBeNull();
  });
});

describe('reminders and escalation (daily job)', () => {
  it('tells the assignee before the due date and the unit head when overdue, once per occasion', async () => {
    const { code } = await steps.submitAsDesk(s['motcua.tanphong']!, { categoryCode: 'hoi-dap' });
    await steps.act(s['motcua.tanphong']!, code, { action: 'classify', outcome: 'in_competence' });
    const desk = (await t.request('GET', '/api/v1/auth/me', { session: s['motcua.tanphong'] })).json();
    await steps.act(s['motcua.tanphong']!, code, { action: 'assign', staffId: desk.staffId ?? desk.staff?.id });
    const notes = () => t.db.selectFrom('staff_notifications').select(['staff_id', 'kind']).where('reference', '=', code).execute();
    // Due Mon 9/3 09:00; on Fri 6/3 at 09:00 it is within a working day → the assignee.
    const r1 = await t.services.feedback.reminders.run(new Date('2026-03-06T09:00:00+07:00'));
    expect(r1.nearDue).toBeGreaterThan(0);
    expect((await notes()).map((n) => n.kind)).toEqual(['feedback_near_due']);
    await t.services.feedback.reminders.run(new Date('2026-03-06T10:00:00+07:00'));
    expect(await notes()).toHaveLength(1);
    // Tue 10/3: overdue → the head of the ward and the assignee.
    await t.services.feedback.reminders.run(new Date('2026-03-10T07:45:00+07:00'));
    const head = await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', 'lanhdao.tanphong').executeTakeFirstOrThrow();
    const overdue = (await notes()).filter((n) => n.kind === 'feedback_overdue');
    expect(overdue.map((n) => n.staff_id)).toContain(head.staff_id);
  });
});
