import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';
import { feedbackSteps } from './feedback.test-support.js';

let now = TEST_NOW;
let t: TestApp;
let steps: ReturnType<typeof feedbackSteps>;
const s = {} as Record<string, Session>;

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  steps = feedbackSteps(t);
  for (const u of ['motcua.tinh', 'lanhdao.stp', 'chuyenvien.stp', 'lanhdao.sxd', 'admin', 'kiemtra']) s[u] = await t.login(u);
});
afterAll(async () => { await t?.close(); });
beforeEach(() => { now = TEST_NOW; });

const publicBody = (over: Record<string, unknown> = {}) => ({
  categoryCode: 'thu-tuc', about: { kind: 'procedure', procedureCode: '1.001193' }, title: 'Hồ sơ chậm', content: 'Hồ sơ của tôi quá hạn mà chưa có kết quả.',
  submitter: { kind: 'person', name: 'Phạm Thị Lan', phone: '0987111222' }, consentToPublish: true, ...over,
});

describe('public submission and lookup', () => {
  it('lists the active categories from the demo configuration', async () => {
    const res = await t.request('GET', '/api/v1/public/feedback/categories');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((c: { code: string }) => c.code)).toEqual(['thu-tuc', 'quy-dinh', 'can-bo', 'phuc-vu', 'hoi-dap']);
  });

  it('receives with a code, a secret and a due date; the lookup shows no personal data and a wrong secret is 404', async () => {
    const res = await t.request('POST', '/api/v1/public/feedback', { body: publicBody() });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.code).toMatch(/^PAKN-20260302-\d{4}$/);
    expect(r.status).toBe('received');
    // 10 working days from Mon 2/3/2026 09:00 (hours-based counting keeps the time of day).
    expect(r.dueAt).toBe('2026-03-16T02:00:00.000Z');
    const ok = await t.request('GET', `/api/v1/public/feedback/${r.code}?secret=${r.secret}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ code: r.code, status: 'received', statusLabel: { vi: 'Đã tiếp nhận' }, unitName: 'Trung tâm Phục vụ hành chính công tỉnh' });
    expect(ok.body).not.toMatch(/Phạm Thị Lan|0987111222/);
    expect((await t.request('GET', `/api/v1/public/feedback/${r.code}?secret=WRONG123`)).statusCode).toBe(404);
    expect((await t.request('GET', `/api/v1/public/feedback/${r.code}`)).statusCode).toBe(404);
    expect((await t.request('GET', '/api/v1/public/feedback/PAKN-20260302-9999?secret=ABC')).statusCode).toBe(404);
  });

  it('refuses bad input with 4xx, never 500', async () => {
    const bad = [
      publicBody({ submitter: { name: 'Không liên hệ' } }),
      publicBody({ categoryCode: 'khong-co' }),
      publicBody({ about: { kind: 'official', staffPublicId: '00000000-0000-0000-0000-000000000000' } }),
      publicBody({ title: '' }),
      publicBody({ extra: 1 }),
      publicBody({ about: { kind: 'nothing' } }),
      publicBody({ about: { kind: 'other', unitId: 2147483647 } }),
    ];
    for (const body of bad) {
      const res = await t.request('POST', '/api/v1/public/feedback', { body });
      expect(res.statusCode, res.body).toBe(400);
    }
    expect((await t.request('GET', '/api/v1/public/feedback/nope?secret=x')).statusCode).toBe(400);
    expect((await t.request('GET', '/api/v1/public/feedback/stats?from=2026-03-10&to=2026-03-01')).statusCode).toBe(400);
  });
});

describe('handling: every transition and its refusals', () => {
  it('forward → classify → assign → draft → return → draft → approve → publish → unpublish, with 403/404/409 where refused', async () => {
    const justice = await t.unitId('H30.102');
    const section = await t.unitId('H30.102.02');
    const { code } = await steps.submitAsDesk(s['motcua.tinh']!, {
      categoryCode: 'hoi-dap', title: 'Phiếu lý lịch tư pháp cho Lò Văn Bình',
      content: 'Tôi là Lò Văn Bình, CCCD 012345678901, điện thoại 0912 000 222, thư binh.lo@example.vn, ở Bản Hon. Xin hỏi thời hạn cấp phiếu lý lịch tư pháp?',
      submitter: { name: 'Lò Văn Bình', phone: '0912000222', email: 'binh.lo@example.vn', address: 'Bản Hon' },
    });
    // The desk received it at its own unit; it sends it on to the Department of Justice.
    const fwd = await steps.act(s['motcua.tinh']!, code, { action: 'classify', outcome: 'forward', unitId: justice, reason: 'Thuộc thẩm quyền Sở Tư pháp' });
    expect(fwd.statusCode, fwd.body).toBe(200);
    expect(fwd.json()).toMatchObject({ status: 'received', unitId: justice });
    // Once forwarded, the desk no longer sees it; an unrelated department never did.
    expect((await t.request('GET', `/api/v1/feedback/${code}`, { session: s['motcua.tinh'] })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/v1/feedback/${code}`, { session: s['lanhdao.sxd'] })).statusCode).toBe(404);
    expect((await steps.act(s['lanhdao.sxd']!, code, { action: 'note', text: 'x' })).statusCode).toBe(404);
    // The head forwards inside the department to the section whose specialist will answer.
    expect((await steps.act(s['lanhdao.stp']!, code, { action: 'classify', outcome: 'forward', unitId: section })).statusCode).toBe(200);
    expect((await steps.act(s['lanhdao.stp']!, code, { action: 'approve_answer' })).statusCode).toBe(409);
    const classified = await steps.act(s['chuyenvien.stp']!, code, { action: 'classify', outcome: 'in_competence', coordination: true });
    expect(classified.statusCode, classified.body).toBe(200);
    // Q&A with coordination: 7 working days from Mon 2/3 09:00 → Wed 11/3 09:00.
    expect(classified.json()).toMatchObject({ status: 'in_progress', coordination: true, dueAt: '2026-03-11T02:00:00.000Z' });
    const me = (await t.request('GET', '/api/v1/auth/me', { session: s['chuyenvien.stp'] })).json();
    const staffId = me.staffId ?? me.staff?.id ?? me.user?.staffId;
    const assigned = await steps.act(s['chuyenvien.stp']!, code, { action: 'assign', staffId });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().assignee).toMatchObject({ id: staffId, fullName: 'Vàng A Dính' });
    expect((await steps.act(s['chuyenvien.stp']!, code, { action: 'assign', staffId: 1 })).statusCode).toBe(400);
    const drafted = await steps.act(s['chuyenvien.stp']!, code, { action: 'draft_answer', answer: 'Thời hạn cấp phiếu là 10 ngày. Ông Lò Văn Bình có thể nhận tại Sở.' });
    expect(drafted.json()).toMatchObject({ status: 'awaiting_approval', allowedActions: ['note', 'withdraw'] });
    // The specialist sees the item but may not approve: 403.
    expect((await steps.act(s['chuyenvien.stp']!, code, { action: 'approve_answer' })).statusCode).toBe(403);
    const returned = await steps.act(s['lanhdao.stp']!, code, { action: 'return_draft', reason: 'Ghi rõ căn cứ' });
    expect(returned.json().status).toBe('in_progress');
    await steps.act(s['chuyenvien.stp']!, code, { action: 'draft_answer', answer: 'Thời hạn cấp phiếu là 10 ngày (Luật Lý lịch tư pháp, Điều 48). Ông Lò Văn Bình nhận tại Sở, ĐT liên hệ 0912000222.' });
    const head = await t.request('GET', `/api/v1/feedback/${code}`, { session: s['lanhdao.stp'] });
    expect(head.json().allowedActions).toEqual(['approve_answer', 'return_draft', 'note', 'withdraw']);
    // Stale version: someone else changed it first.
    const stale = await t.request('POST', `/api/v1/feedback/${code}/actions`, { session: s['lanhdao.stp'], body: { action: 'approve_answer', version: head.json().version - 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const approved = await steps.act(s['lanhdao.stp']!, code, { action: 'approve_answer' });
    expect(approved.json()).toMatchObject({ status: 'answered', answeredOnTime: true });
    expect((await steps.act(s['lanhdao.stp']!, code, { action: 'withdraw' })).statusCode).toBe(409);
    // Publication: the server removes personal data whatever the approver sends.
    const published = await steps.act(s['lanhdao.stp']!, code, { action: 'publish' });
    expect(published.statusCode, published.body).toBe(200);
    const p = published.json().published;
    expect(`${p.title} ${p.question} ${p.answer}`).not.toMatch(/Lò Văn Bình|012345678901|0912|binh\.lo|Bản Hon/);
    expect(p.question).toContain('[số định danh]');
    const list = (await t.request('GET', '/api/v1/public/feedback/published?categoryCode=hoi-dap')).json();
    const item = list.items.find((i: { code: string }) => i.code === code);
    expect(item).toMatchObject({ unitName: 'Phòng Bổ trợ tư pháp', answeredOnTime: true });
    expect(JSON.stringify(item)).not.toMatch(/Lò Văn Bình|0912000222/);
    expect((await t.request('GET', `/api/v1/public/feedback/published/${code}`)).json().code).toBe(code);
    const un = await steps.act(s['lanhdao.stp']!, code, { action: 'unpublish', reason: 'Cần sửa' });
    expect(un.json().status).toBe('answered');
    expect((await t.request('GET', `/api/v1/public/feedback/published/${code}`)).statusCode).toBe(404);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'feedback').where('entity_id', '=', code).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['feedback.received', 'feedback.forwarded', 'feedback.classified', 'feedback.assigned',
      'feedback.answer_drafted', 'feedback.draft_returned', 'feedback.answer_approved', 'feedback.published', 'feedback.unpublished']));
  });

  it('refuses publication without consent, out of scope without a reason, and rejects or withdraws as final', async () => {
    const { code } = await steps.submitAsDesk(s['motcua.tinh']!, { consentToPublish: false });
    await steps.act(s['motcua.tinh']!, code, { action: 'classify', outcome: 'in_competence' });
    await steps.act(s['motcua.tinh']!, code, { action: 'draft_answer', answer: 'Trả lời' });
    // No unit head at the provincial centre: the province's administrator approves.
    const approved = await steps.act(s['admin']!, code, { action: 'approve_answer' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().allowedActions).toEqual(['note']);
    const refused = await steps.act(s['admin']!, code, { action: 'publish', question: 'Q', answer: 'A' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('NO_CONSENT_TO_PUBLISH');

    const other = await steps.submitAsDesk(s['motcua.tinh']!);
    expect((await steps.act(s['motcua.tinh']!, other.code, { action: 'classify', outcome: 'out_of_scope' })).statusCode).toBe(400);
    expect((await steps.act(s['motcua.tinh']!, other.code, { action: 'classify', outcome: 'forward' })).statusCode).toBe(400);
    const rejected = await steps.act(s['motcua.tinh']!, other.code, { action: 'classify', outcome: 'out_of_scope', reason: 'Là khiếu nại, không phải phản ánh' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectReason: 'Là khiếu nại, không phải phản ánh', allowedActions: ['note'] });
    expect((await steps.act(s['motcua.tinh']!, other.code, { action: 'classify', outcome: 'in_competence' })).statusCode).toBe(409);

    const third = await steps.submitAsDesk(s['motcua.tinh']!);
    const w = await steps.act(s['motcua.tinh']!, third.code, { action: 'withdraw', reason: 'Người gửi gọi điện rút' });
    expect(w.json().status).toBe('withdrawn');
    // An auditor reads but never acts.
    expect((await t.request('GET', `/api/v1/feedback/${third.code}`, { session: s['kiemtra'] })).statusCode).toBe(200);
    expect((await steps.act(s['kiemtra']!, third.code, { action: 'note', text: 'x' })).statusCode).toBe(403);
    expect((await t.request('POST', `/api/v1/feedback/${third.code}/actions`, { session: s['motcua.tinh'], body: { action: 'fly', version: 1 } })).statusCode).toBe(400);
  });
});

describe('deadlines from the province calendar', () => {
  it('counts working days across Tết 2026 (off Sat 14/2 – Sun 22/2)', async () => {
    now = new Date('2026-02-12T09:00:00+07:00');
    const r = await steps.submitAsDesk(s['motcua.tinh']!, { categoryCode: 'hoi-dap' });
    expect(r.code).toMatch(/^PAKN-20260212-/);
    // 5 working days: Thu 12/2 (6 h), Fri 13/2, Mon 23/2, Tue 24/2, Wed 25/2, Thu 26/2 until 09:00.
    expect(r.dueAt).toBe('2026-02-26T02:00:00.000Z');
    const c = await steps.act(s['motcua.tinh']!, r.code, { action: 'classify', outcome: 'in_competence', coordination: true });
    // 7 with coordination: two more working days, Fri 27/2 and Mon 2/3.
    expect(c.json().dueAt).toBe('2026-03-02T02:00:00.000Z');
    now = new Date('2026-03-03T09:00:00+07:00');
    const list = (await t.request('GET', '/api/v1/feedback?overdue=true', { session: s['motcua.tinh'] })).json();
    expect(list.items.map((i: { code: string }) => i.code)).toContain(r.code);
    expect(list.items.find((i: { code: string }) => i.code === r.code).overdue).toBe(true);
  });
});

describe('statistics', () => {
  it('counts per unit and category', async () => {
    const res = await t.request('GET', '/api/v1/public/feedback/stats?from=2026-01-01&to=2026-12-31');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.units.length).toBeGreaterThan(0);
    expect(body.units[0]).toHaveProperty('onTimeRate');
    expect(body.categories.map((c: { code: string }) => c.code)).toContain('hoi-dap');
  });
});
