import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';

// The clock starts on Monday 2 March 2026, 9:00 in Hà Nội; the progress tests move it past due days in 2027.
// The plans are next year's (2027) and the year after: the demo may already hold this year's plan of the Department.
const NOW = new Date('2026-03-02T09:00:00+07:00');
let clock = NOW;
let t: TestApp;
const s = {} as Record<string, Session>;
const unit = {} as Record<string, number>;
const name = {} as Record<string, string>;
let planId = 0;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  for (const u of ['admin', 'chuyenvien.sxd', 'lanhdao.sxd', 'vanthu.sxd', 'chuyenvien.stp', 'lanhdao.stp']) s[u] = await t.login(u);
  for (const c of ['H30.105', 'H30.105.01', 'H30.102']) unit[c] = await t.unitId(c);
  for (const code of ['1.009972', '1.009976', '1.009984']) name[code] = (await t.request('GET', `/api/v1/procedures/${code}`)).json().name;
}, 240_000);
afterAll(async () => { await t?.close(); });

const api = (method: string, url: string, who: string, body?: unknown) => t.request(method, `/api/v1/procedure-review${url}`, { session: s[who], body });
const errorOf = (res: { json(): { error?: { code: string; fields?: { path: string; message: string }[]; details?: Record<string, unknown> } } }) => res.json().error;
const detail = async (who = 'chuyenvien.sxd') => {
  const res = await api('GET', `/review-plans/${planId}`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
type Item = { id: number; procedureCode: string; state: string; overdue: boolean; reviewId: number | null; reviewStatus: string | null };
const itemOf = (plan: { items: Item[] }, code: string) => plan.items.find((i) => i.procedureCode === code)!;

describe('drawing up the yearly plan', () => {
  const body = () => ({
    agencyUnitId: unit['H30.105'], year: 2027, title: 'Kế hoạch rà soát, đánh giá thủ tục hành chính năm 2027',
    items: [{ procedureCode: '1.009972', dueOn: '2027-03-31', leadUnitId: unit['H30.105.01'] }, { procedureCode: '1.009976', dueOn: '2027-06-30' }],
  });

  it('refuses unknown procedures, lead units outside the agency and sections, naming the item', async () => {
    const unknown = await api('POST', '/review-plans', 'chuyenvien.sxd', { ...body(), items: [body().items[0], { procedureCode: '9.999999', dueOn: '2027-05-01' }] });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown)!.fields![0]).toMatchObject({ path: 'items.1.procedureCode', message: expect.stringContaining('9.999999') });
    const outside = await api('POST', '/review-plans', 'chuyenvien.sxd', { ...body(), items: [{ procedureCode: '1.009972', dueOn: '2027-03-31', leadUnitId: unit['H30.102'] }] });
    expect(outside.statusCode).toBe(400);
    expect(errorOf(outside)!.fields![0]!.path).toBe('items.0.leadUnitId');
    const twice = await api('POST', '/review-plans', 'chuyenvien.sxd', { ...body(), items: [body().items[0], body().items[0]] });
    expect(twice.statusCode).toBe(400);
    const section = await api('POST', '/review-plans', 'chuyenvien.sxd', { ...body(), agencyUnitId: unit['H30.105.01'] });
    expect(section.statusCode).toBe(400);
    expect(section.body).toContain('không cho riêng một phòng, ban');
    expect(await t.db.selectFrom('pr_review_plans').select('id').where('agency_unit_id', '=', unit['H30.105']!).where('year', '=', 2027).execute()).toEqual([]);
  });

  it('is kept by those who work at the agency: 404 for another department, 403 for its records clerk', async () => {
    expect((await api('POST', '/review-plans', 'chuyenvien.stp', body())).statusCode).toBe(404);
    expect((await api('POST', '/review-plans', 'vanthu.sxd', body())).statusCode).toBe(403);
  });

  it('creates the plan with the catalogue\'s names, once per agency and year', async () => {
    const res = await api('POST', '/review-plans', 'chuyenvien.sxd', body());
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    planId = plan.id;
    expect(plan).toMatchObject({
      agencyUnitId: unit['H30.105'], agencyUnitName: 'Sở Xây dựng', year: 2027, status: 'draft', items: expect.any(Array), done: 0, overdue: 0,
      version: 1, allowed: { edit: true, approve: false },
    });
    expect(plan.items).toEqual([
      expect.objectContaining({ procedureCode: '1.009972', procedureName: name['1.009972'], dueOn: '2027-03-31', leadUnitId: unit['H30.105.01'], leadUnitName: expect.stringContaining('Phòng'), reviewId: null, reviewStatus: null, state: 'not_started', overdue: false }),
      expect.objectContaining({ procedureCode: '1.009976', procedureName: name['1.009976'], dueOn: '2027-06-30', leadUnitId: null, leadUnitName: null, state: 'not_started', overdue: false }),
    ]);
    expect(plan.history).toMatchObject([{ action: 'review_plan_created', actorName: 'Hoàng Thị Thu Hà' }]);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'unit_id']).where('entity', '=', 'procedure_review_review_plan').where('entity_id', '=', String(planId)).execute();
    expect(audit).toEqual([{ action: 'procedure_review.review_plan_created', unit_id: unit['H30.105'] }]);

    const again = await api('POST', '/review-plans', 'lanhdao.sxd', { ...body(), title: 'Kế hoạch thứ hai' });
    expect([again.statusCode, errorOf(again)!.code, errorOf(again)!.details]).toEqual([409, 'REVIEW_PLAN_EXISTS', { id: planId }]);
    expect((await api('POST', '/review-plans', 'lanhdao.sxd', { ...body(), year: 2028, items: [] })).statusCode).toBe(201);
  });

  it('lists the plans of the agencies the caller reads, by year', async () => {
    const mine = (await api('GET', '/review-plans?year=2027', 'chuyenvien.sxd')).json().items;
    expect(mine).toEqual([expect.objectContaining({ id: planId, agencyUnitName: 'Sở Xây dựng', year: 2027, items: 2, done: 0, overdue: 0 })]);
    const years = (await api('GET', '/review-plans', 'chuyenvien.sxd')).json().items.map((p: { year: number }) => p.year);
    expect(years.slice(0, 2)).toEqual([2028, 2027]);
    expect(years).toEqual([...years].sort((a: number, b: number) => b - a));
    expect((await api('GET', '/review-plans?year=2024', 'chuyenvien.sxd')).json().items).toEqual([]);
    expect((await api('GET', '/review-plans', 'admin')).json().items.map((p: { id: number }) => p.id)).toContain(planId);
    for (const who of ['chuyenvien.stp', 'lanhdao.stp']) {
      expect((await api('GET', '/review-plans', who)).json().items.map((p: { id: number }) => p.id), who).not.toContain(planId);
      expect((await api('GET', `/review-plans/${planId}`, who)).statusCode, who).toBe(404);
      expect((await api('PUT', `/review-plans/${planId}`, who, { title: 'Sửa', items: [], version: 1 })).statusCode, who).toBe(404);
    }
    expect((await api('GET', `/review-plans/${planId}`, 'vanthu.sxd')).json().allowed).toEqual({ edit: false, approve: false });
  });
});

describe('editing and approving', () => {
  it('replaces the items of a draft under the version read', async () => {
    const v = (await detail()).version;
    const items = [{ procedureCode: '1.009972', dueOn: '2027-03-31', leadUnitId: unit['H30.105.01'] }, { procedureCode: '1.009984', dueOn: '2027-04-15' }];
    const res = await api('PUT', `/review-plans/${planId}`, 'chuyenvien.sxd', { title: 'Kế hoạch rà soát TTHC năm 2027 (sửa đổi)', items, version: v });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json();
    expect(plan).toMatchObject({ title: 'Kế hoạch rà soát TTHC năm 2027 (sửa đổi)', version: v + 1 });
    expect(plan.items.map((i: { procedureCode: string; dueOn: string }) => [i.procedureCode, i.dueOn])).toEqual([['1.009972', '2027-03-31'], ['1.009984', '2027-04-15']]);
    expect(plan.history.at(-1)).toMatchObject({ action: 'review_plan_updated' });
    const stale = await api('PUT', `/review-plans/${planId}`, 'chuyenvien.sxd', { title: 'Bản cũ', items, version: v });
    expect([stale.statusCode, errorOf(stale)!.code]).toEqual([409, 'VERSION_CONFLICT']);
    expect((await detail()).title).toBe('Kế hoạch rà soát TTHC năm 2027 (sửa đổi)');
  });

  it('is approved by the head only, and then no longer edited', async () => {
    const v = (await detail()).version;
    expect((await api('POST', `/review-plans/${planId}/actions`, 'chuyenvien.sxd', { action: 'approve', version: v })).statusCode).toBe(403);
    expect((await api('POST', `/review-plans/${planId}/actions`, 'lanhdao.stp', { action: 'approve', version: v })).statusCode).toBe(404);
    const stale = await api('POST', `/review-plans/${planId}/actions`, 'lanhdao.sxd', { action: 'approve', version: v - 1 });
    expect([stale.statusCode, errorOf(stale)!.code]).toEqual([409, 'VERSION_CONFLICT']);
    expect((await detail('lanhdao.sxd')).allowed).toEqual({ edit: true, approve: true });
    const ok = await api('POST', `/review-plans/${planId}/actions`, 'lanhdao.sxd', { action: 'approve', version: v });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', version: v + 1, allowed: { edit: false, approve: false } });
    expect(ok.json().history.at(-1)).toMatchObject({ action: 'review_plan_approved', actorName: 'Trần Minh Đức' });
    const edit = await api('PUT', `/review-plans/${planId}`, 'chuyenvien.sxd', { title: 'Sửa sau phê duyệt', items: [], version: v + 1 });
    expect([edit.statusCode, errorOf(edit)!.code]).toEqual([409, 'REVIEW_PLAN_NOT_DRAFT']);
  });
});

describe('progress from the reviews', () => {
  /** Opens the agency's review of a procedure through the review forms' API (from the plan's item when it has one). */
  async function openReview(code: string, year = 2026, planItemId?: number) {
    const res = await api('POST', '/reviews', 'chuyenvien.sxd', { procedureCode: code, agencyUnitId: unit['H30.105'], year, ...(planItemId ? { planItemId } : {}) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; version: number; form: { sections: { questions: { key: string; kind: 'yesno' | 'text' | 'yesno_text' }[] }[] } };
  }
  /** Answers every question, submits, and has the head approve it. */
  async function approveReview(r: Awaited<ReturnType<typeof openReview>>) {
    const answers = Object.fromEntries(r.form.sections.flatMap((sec) => sec.questions).map((q) => [q.key, q.kind === 'text' ? { text: 'Phù hợp.' } : q.kind === 'yesno' ? { choice: 'yes' } : { choice: 'yes', text: 'Phù hợp.' }]));
    const saved = await api('PUT', `/reviews/${r.id}`, 'chuyenvien.sxd', { answers, estimates: {}, recommendation: 'keep', conclusion: 'Giữ nguyên thủ tục.', version: r.version });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await api('POST', `/reviews/${r.id}/actions`, 'chuyenvien.sxd', { action: 'submit', version: saved.json().version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const approved = await api('POST', `/reviews/${r.id}/actions`, 'lanhdao.sxd', { action: 'approve', version: submitted.json().version });
    expect(approved.statusCode, approved.body).toBe(200);
  }

  it('marks an item in progress while its review is open, done once it is approved, overdue only when not done after its due day', async () => {
    const review = await openReview('1.009972', 2027, itemOf(await detail(), '1.009972').id);
    await openReview('1.009984', 2025); // another year's review does not count for this plan
    let plan = await detail();
    expect(itemOf(plan, '1.009972')).toMatchObject({ reviewId: review.id, reviewStatus: 'draft', state: 'in_progress', overdue: false });
    expect(itemOf(plan, '1.009984')).toMatchObject({ reviewId: null, state: 'not_started', overdue: false });

    clock = new Date('2027-04-01T08:00:00+07:00'); // the day after 1.009972's due day
    plan = await detail();
    expect(itemOf(plan, '1.009972')).toMatchObject({ state: 'in_progress', overdue: true });
    expect(plan).toMatchObject({ done: 0, overdue: 1 });
    clock = new Date('2027-03-31T23:00:00+07:00'); // still its due day in Hà Nội
    expect(itemOf(await detail(), '1.009972').overdue).toBe(false);

    clock = new Date('2027-04-01T08:00:00+07:00');
    await approveReview(review);
    plan = await detail();
    expect(itemOf(plan, '1.009972')).toMatchObject({ reviewStatus: 'approved', state: 'done', overdue: false });
    expect(plan).toMatchObject({ done: 1, overdue: 0 });

    clock = new Date('2027-04-16T08:00:00+07:00');
    plan = await detail();
    expect(itemOf(plan, '1.009984')).toMatchObject({ state: 'not_started', overdue: true });
    expect((await api('GET', '/review-plans?year=2027', 'lanhdao.sxd')).json().items).toEqual([expect.objectContaining({ id: planId, items: 2, done: 1, overdue: 1 })]);
  });

  it('keeps an item whose review was opened from the plan', async () => {
    const next = (await api('GET', '/review-plans?year=2028', 'chuyenvien.sxd')).json().items[0];
    const first = await api('PUT', `/review-plans/${next.id}`, 'chuyenvien.sxd', { title: 'Kế hoạch năm 2028', items: [{ procedureCode: '1.009976', dueOn: '2028-05-01' }], version: 1 });
    expect(first.statusCode, first.body).toBe(200);
    const draft = first.json();
    const item = draft.items[0];
    await openReview('1.009976', 2028, item.id); // next year's, on 16 April 2027
    const put = async (items: unknown[]) => api('PUT', `/review-plans/${draft.id}`, 'chuyenvien.sxd', { title: 'Kế hoạch năm 2028', items, version: draft.version });
    const removing = await put([{ procedureCode: '1.009984', dueOn: '2028-05-01' }]);
    expect(removing.statusCode).toBe(400);
    expect(removing.body).toContain('1.009976');
    const moving = await put([{ procedureCode: '1.009976', dueOn: '2028-06-01' }, { procedureCode: '1.009984', dueOn: '2028-05-01' }]);
    expect(moving.statusCode, moving.body).toBe(200);
    expect(moving.json().items).toEqual([
      expect.objectContaining({ procedureCode: '1.009984', dueOn: '2028-05-01', state: 'not_started' }),
      expect.objectContaining({ id: item.id, procedureCode: '1.009976', dueOn: '2028-06-01', state: 'in_progress' }),
    ]);
  });
});
