import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import type { ProcedureContent } from '../catalog/schema.js';
import { procedureFacts } from '../dossiers/procedure-facts.js';
import { costSheet, rollUp, saving } from './rules/cost.js';
import { costLines, yearlyDossiers } from './rules/cost-model.js';
import { applyPlan, planProblems } from './rules/plan-changes.js';
import type { CostSheet, Defaults, PlanChanges, Saving, WageRate } from './rules/types.js';

// The clock starts on Monday 2 March 2026, 9:00 in Hà Nội: the plans' live costs are over the 365 days
// ending yesterday. The measured saving moves it to May, after a new version has taken effect.
const NOW = new Date('2026-03-02T09:00:00+07:00');
const PERIOD = { from: '2025-03-02', to: '2026-03-01' };
let clock = NOW;
let t: TestApp;
const s = {} as Record<string, Session>;
const unit = {} as Record<string, number>;
let subtree: number[] = [];
let baseline = 0;
const CODE = '1.009972'; // Cấp giấy phép xây dựng công trình cấp III, cấp I — Sở Xây dựng
const REMOVED = 'Quyết định phê duyệt dự án và văn bản thông báo kết quả thẩm định của cơ quan chuyên môn về xây dựng';
const FEE = 'Lệ phí cấp giấy phép xây dựng công trình';

const DEFAULTS: Defaults = {
  informationHours: 2, formHours: 1.5, documentHours: 3, certifyHours: 1, certifyVndPerCopy: 10_000, copyVndPerCopy: 2_000,
  travelHours: 2, waitingHours: 0.75, travelVnd: 60_000, supplementHours: 4,
};
const PARAMETERS = { monthlyIncomeVnd: 6_500_000, workingDaysPerMonth: 22, hoursPerDay: 8, source: 'Thu nhập bình quân đầu người tỉnh Lai Châu (số liệu thử)', defaults: DEFAULTS };
const wageOf = (p: typeof PARAMETERS): WageRate => ({ year: 2026, monthlyIncomeVnd: p.monthlyIncomeVnd, workingDaysPerMonth: p.workingDaysPerMonth, hoursPerDay: p.hoursPerDay, source: p.source });

// ---- dossiers of the procedure at the Department, imported as history through the same rules as live work ----
const at = (day: string, time = '09:00') => `${day}T${time}:00+07:00`;
const applicant = { kind: 'organisation', fullName: 'Công ty TNHH Xây dựng Tam Đường', phone: '0912345671' };
let seq = 7000;
type Kind = 'desk' | 'desk_supplement' | 'online' | 'post' | 'open';
function dossierLine(kind: Kind, receivedOn: string) {
  const channel = kind === 'online' ? 'online' : kind === 'post' ? 'post' : 'desk';
  const events: Record<string, unknown>[] = [];
  if (channel !== 'desk') events.push({ type: 'submitted', at: at(receivedOn, '07:30'), channel });
  events.push({ type: 'received', at: at(receivedOn, '08:30'), actor: { badge: 'LC-0101' } });
  if (kind !== 'open') {
    events.push({ type: 'transferred', at: at(receivedOn, '10:00'), actor: { badge: 'LC-0101' } });
    events.push({ type: 'taken', at: at(receivedOn, '14:00'), actor: { badge: 'LC-0302' } });
    const next = (days: number) => new Date(new Date(`${receivedOn}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
    if (kind === 'desk_supplement') {
      events.push({ type: 'supplement_requested', at: at(next(1)), actor: { badge: 'LC-0302' }, items: [{ name: 'Bản vẽ thiết kế xây dựng', reason: 'Thiếu bản vẽ móng' }] });
      events.push({ type: 'supplement_received', at: at(next(3)), actor: { badge: 'LC-0101' } });
    }
    events.push({ type: 'result_recorded', at: at(next(6)), actor: { badge: 'LC-0301' }, summary: 'Đã cấp giấy phép xây dựng' });
    events.push({ type: 'result_returned', at: at(next(7)), actor: { badge: 'LC-0101' }, receiverName: applicant.fullName, method: channel === 'online' ? 'online' : channel === 'post' ? 'post' : 'desk' });
  }
  // Received at the Department itself, so that the facts count them whether they follow the receiving or the competent unit.
  const code = `H30.105-${receivedOn.slice(2, 4)}${receivedOn.slice(5, 7)}${receivedOn.slice(8, 10)}-${seq++}`;
  return { code, receivingUnitCode: 'H30.105', competentUnitCode: 'H30.105', procedureCode: CODE, channel, resultDelivery: channel, applicant, events };
}

async function importLines(lines: unknown[]) {
  const boundary = '----motcua-procedure-review';
  const body = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ho-so.ndjson"\r\nContent-Type: application/x-ndjson\r\n\r\n${lines.map((l) => JSON.stringify(l)).join('\n')}\r\n--${boundary}--\r\n`);
  const res = await t.request('POST', '/api/v1/admin/import/dossiers', { session: s.admin, body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json(), res.body).toMatchObject({ failed: 0, imported: lines.length });
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  for (const u of ['admin', 'chuyenvien.sxd', 'lanhdao.sxd', 'vanthu.sxd', 'chuyenvien.stp', 'lanhdao.stp']) s[u] = await t.login(u);
  for (const c of ['H30.105', 'H30.105.01', 'H30.102']) unit[c] = await t.unitId(c);
  subtree = (await t.services.org.subtrees([unit['H30.105']!])).get(unit['H30.105']!)!;
  // The year's parameters are the test's own (the demo may have set some: replaced under their version).
  const demoYear = (await t.request('GET', '/api/v1/procedure-review/parameters', { session: s.admin })).json().items.find((p: { year: number }) => p.year === 2026);
  const saved = await t.request('PUT', '/api/v1/procedure-review/parameters/2026', { session: s.admin, body: { ...PARAMETERS, ...(demoYear ? { version: demoYear.version } : {}) } });
  expect(saved.statusCode, saved.body).toBe(200);
  baseline = (await factsOf()).dossiers;
  await importLines([
    dossierLine('desk', '2025-09-08'), dossierLine('desk_supplement', '2025-10-06'), dossierLine('desk', '2025-11-03'),
    dossierLine('online', '2025-12-01'), dossierLine('post', '2026-01-05'), dossierLine('desk_supplement', '2026-01-12'),
    dossierLine('desk', '2026-02-02'), dossierLine('open', '2026-02-23'),
  ]);
}, 240_000);
afterAll(async () => { await t?.close(); });

const api = (method: string, url: string, who: string, body?: unknown) => t.request(method, `/api/v1/procedure-review${url}`, { session: s[who], body });
type ErrorBody = { code: string; fields?: { path: string; message: string; messageEn: string }[]; details?: Record<string, unknown> };
const errorOf = (res: { json(): { error?: ErrorBody } }) => res.json().error!;
const plan = async (id: number, who = 'chuyenvien.sxd') => {
  const res = await api('GET', `/plans/${id}`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const act = (id: number, who: string, body: Record<string, unknown>) => api('POST', `/plans/${id}/actions`, who, body);
const changes = (over: Partial<PlanChanges> = {}): PlanChanges => ({ removeDocuments: [], reuseDocuments: [], fees: [], ...over });
const create = (over: Record<string, unknown> = {}, who = 'chuyenvien.sxd') => api('POST', '/plans', who, {
  procedureCode: CODE, agencyUnitId: unit['H30.105'], year: 2026, title: 'Phương án đơn giản hóa thủ tục cấp giấy phép xây dựng', changes: changes(), ...over,
});

// ---- the oracle: the same rules, fed by the test from the same inputs (catalogue, dossiers, parameters) ----
async function contentOf(versionNo = 1): Promise<{ id: number; content: ProcedureContent; effectiveFrom: string | null }> {
  const v = (await t.request('GET', `/api/v1/procedures/${CODE}/versions/${versionNo}`, { session: s.admin })).json();
  return { id: v.id, content: v.content, effectiveFrom: v.effectiveFrom };
}
async function factsOf() {
  const facts = (await procedureFacts(t.db, { unitIds: subtree, ...PERIOD, procedureCodes: [CODE] })).find((f) => f.procedureCode === CODE);
  return facts ?? { procedureCode: CODE, procedureName: '', dossiers: 0, online: 0, post: 0, desk: 0, supplementDossiers: 0, supplementTrips: 0, supplementOnline: 0, completed: 0, late: 0, resultsReturned: 0, resultsAtDesk: 0 };
}
async function expectedSheets(planChanges: PlanChanges, params = PARAMETERS): Promise<{ before: CostSheet; after: CostSheet; saving: Saving }> {
  const { content } = await contentOf(1);
  const facts = await factsOf();
  expect(facts.dossiers).toBe(baseline + 8); // the test's dossiers are counted
  const yearly = yearlyDossiers(facts, PERIOD);
  const before = costSheet(wageOf(params), costLines({ content, facts, defaults: params.defaults }), yearly);
  const applied = applyPlan(content, facts, planChanges);
  const after = costSheet(wageOf(params), costLines({ content: applied.content, facts: applied.facts, defaults: params.defaults }), yearly);
  return { before, after, saving: saving(before.yearly.totalVnd, after.yearly.totalVnd) };
}

const ids = {} as Record<'a' | 'b' | 'c', number>;
/** The agency's review of the procedure for 2026 through the review forms' API (the one already open when the demo has it). */
async function reviewOf(agency: string, who: string): Promise<number> {
  const res = await api('POST', '/reviews', who, { procedureCode: CODE, agencyUnitId: unit[agency], year: 2026 });
  if (res.statusCode === 409) return errorOf(res).details!.id as number;
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe('drafting a simplification plan', () => {
  const planA = () => changes({ removeDocuments: [REMOVED], onlineMode: 'full' });

  it('costs the procedure before and after removing a document and going fully online', async () => {
    const res = await create({ changes: planA(), rationale: 'Quyết định phê duyệt dự án đã có trong cơ sở dữ liệu về hoạt động xây dựng.' });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    ids.a = p.id;
    const expected = await expectedSheets(planA());
    expect(p).toMatchObject({
      procedureCode: CODE, agencyUnitId: unit['H30.105'], agencyUnitName: 'Sở Xây dựng', year: 2026, status: 'draft', statusLabel: 'Dự thảo',
      baseVersionNo: 1, reviewId: null, changes: planA(), frozen: false, measured: null, version: 1,
      allowed: { edit: true, propose: true, approve: false, reject: false },
    });
    expect(p.before).toEqual(expected.before);
    expect(p.after).toEqual(expected.after);
    expect(p.saving).toEqual(expected.saving);
    expect(p.saving.savingVnd).toBeGreaterThan(0);
    expect(p.saving.savingVnd).toBe(expected.before.yearly.totalVnd - expected.after.yearly.totalVnd);
    expect(p.documents.filter((d: { removed: boolean }) => d.removed).map((d: { name: string }) => d.name)).toEqual([REMOVED]);
    expect(p.onlineMode).toEqual({ before: 'partial', after: 'full' });
    expect(p.timeLimit).toEqual({ before: { amount: 20, unit: 'calendar_days' }, after: { amount: 20, unit: 'calendar_days' } });
    expect(p.fees).toEqual([{ name: FEE, beforeVnd: 150_000, afterVnd: 150_000 }]);
    expect(p.history).toMatchObject([{ action: 'plan_created', actorName: 'Hoàng Thị Thu Hà' }]);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'unit_id']).where('entity', '=', 'procedure_review_plan').where('entity_id', '=', String(p.id)).execute();
    expect(audit).toEqual([{ action: 'procedure_review.plan_created', unit_id: unit['H30.105'] }]);
  });

  it('shows fees, reused documents and the time limit as changed', async () => {
    const c = changes({ reuseDocuments: ['Giấy tờ hợp pháp về quyền sử dụng đất'], fees: [{ name: FEE, amountVnd: 100_000 }], timeLimit: { amount: 15, unit: 'calendar_days' } });
    const res = await create({ title: 'Giảm lệ phí và rút ngắn thời hạn', changes: c }, 'lanhdao.sxd');
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    ids.b = p.id;
    expect(p.fees).toEqual([{ name: FEE, beforeVnd: 150_000, afterVnd: 100_000 }]);
    expect(p.timeLimit).toEqual({ before: { amount: 20, unit: 'calendar_days' }, after: { amount: 15, unit: 'calendar_days' } });
    expect(p.documents.find((d: { name: string }) => d.name === 'Giấy tờ hợp pháp về quyền sử dụng đất')).toMatchObject({ removed: false, reused: true });
    const expected = await expectedSheets(c);
    expect(p.saving).toEqual(expected.saving);
  });

  it('refuses changes that do not fit the version, with each problem', async () => {
    const c = changes({ removeDocuments: ['Giấy chứng nhận không có trong thủ tục'], fees: [{ name: 'Phí không có', amountVnd: 0 }], timeLimit: { amount: 30, unit: 'calendar_days' } });
    const res = await create({ changes: c });
    expect(res.statusCode).toBe(400);
    const problems = planProblems((await contentOf(1)).content, c);
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(errorOf(res).fields!.map((f) => f.message)).toEqual(problems.map((p) => p.vi));
    expect(errorOf(res).fields!.every((f) => f.path.startsWith('changes.'))).toBe(true);
  });

  it('is drafted by those who work at the agency, for a procedure in force and the agency\'s own review', async () => {
    expect((await create({}, 'chuyenvien.stp')).statusCode).toBe(404);
    expect((await create({}, 'vanthu.sxd')).statusCode).toBe(403);
    const section = await create({ agencyUnitId: unit['H30.105.01'] });
    expect(section.statusCode).toBe(400);
    expect(section.body).toContain('không cho riêng một phòng, ban');
    const unknown = await create({ procedureCode: '9.999999' });
    expect([unknown.statusCode, errorOf(unknown).fields![0]!.path]).toEqual([400, 'procedureCode']);
    const other = await reviewOf('H30.102', 'lanhdao.stp');
    const wrongReview = await create({ reviewId: other });
    expect([wrongReview.statusCode, errorOf(wrongReview).fields![0]!.path]).toEqual([400, 'reviewId']);
    const own = await reviewOf('H30.105', 'chuyenvien.sxd');
    const withReview = await create({ reviewId: own, title: 'Phương án theo phiếu rà soát', changes: changes({ onlineMode: 'full' }) });
    expect(withReview.statusCode, withReview.body).toBe(201);
    expect(withReview.json().reviewId).toBe(own);
    ids.c = withReview.json().id;
    for (const who of ['chuyenvien.stp', 'lanhdao.stp']) {
      expect((await api('GET', `/plans/${ids.a}`, who)).statusCode, who).toBe(404);
      expect((await api('GET', '/plans', who)).json().items.map((p: { id: number }) => p.id), who).not.toContain(ids.a);
    }
    expect((await plan(ids.a, 'vanthu.sxd')).allowed).toEqual({ edit: false, propose: false, approve: false, reject: false, return: false });
  });

  it('edits a draft under the version read: a stale one answers 409', async () => {
    const res = await api('PUT', `/plans/${ids.a}`, 'chuyenvien.sxd', { title: 'Bỏ quyết định phê duyệt dự án, thực hiện trực tuyến toàn trình', rationale: null, changes: planA(), version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, title: 'Bỏ quyết định phê duyệt dự án, thực hiện trực tuyến toàn trình', rationale: null });
    expect(res.json().history.at(-1)).toMatchObject({ action: 'plan_updated' });
    const stale = await api('PUT', `/plans/${ids.a}`, 'chuyenvien.sxd', { title: 'Bản cũ', rationale: null, changes: planA(), version: 1 });
    expect([stale.statusCode, errorOf(stale).code]).toEqual([409, 'VERSION_CONFLICT']);
    const badChange = await api('PUT', `/plans/${ids.a}`, 'chuyenvien.sxd', { title: 'Sai', rationale: null, changes: changes({ removeDocuments: ['Không có'] }), version: 2 });
    expect(badChange.statusCode).toBe(400);
  });
});

describe('proposing and deciding', () => {
  it('is proposed by the specialist, returned with a note, and approved by the head only', async () => {
    const proposed = await act(ids.a, 'chuyenvien.sxd', { action: 'propose', version: 2 });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json()).toMatchObject({ status: 'proposed', version: 3, allowed: { edit: false, propose: false, approve: false, reject: false } });
    expect((await api('PUT', `/plans/${ids.a}`, 'chuyenvien.sxd', { title: 'Sửa', rationale: null, changes: changes(), version: 3 })).json().error.code).toBe('PLAN_NOT_DRAFT');
    expect((await act(ids.a, 'chuyenvien.sxd', { action: 'approve', version: 3 })).statusCode).toBe(403);
    expect((await act(ids.a, 'lanhdao.stp', { action: 'approve', version: 3 })).statusCode).toBe(404);
    expect((await plan(ids.a, 'lanhdao.sxd')).allowed).toEqual({ edit: false, propose: false, approve: true, reject: true, return: true });
    const noNote = await act(ids.a, 'lanhdao.sxd', { action: 'return', version: 3 });
    expect([noNote.statusCode, errorOf(noNote).fields![0]!.path]).toEqual([400, 'note']);
    const returned = await act(ids.a, 'lanhdao.sxd', { action: 'return', version: 3, note: 'Bổ sung căn cứ khai thác dữ liệu' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'draft', version: 4 });
    expect(returned.json().history.at(-1)).toMatchObject({ action: 'plan_returned', note: 'Bổ sung căn cứ khai thác dữ liệu', actorName: 'Trần Minh Đức' });
    expect((await act(ids.a, 'lanhdao.sxd', { action: 'approve', version: 4 })).json().error.code).toBe('PLAN_STATUS');
    expect((await act(ids.a, 'chuyenvien.sxd', { action: 'propose', version: 4 })).statusCode).toBe(200);
    const stale = await act(ids.a, 'lanhdao.sxd', { action: 'approve', version: 4 });
    expect([stale.statusCode, errorOf(stale).code]).toEqual([409, 'VERSION_CONFLICT']);
    const live = await plan(ids.a);
    const approved = await act(ids.a, 'lanhdao.sxd', { action: 'approve', version: 5 });
    expect(approved.statusCode, approved.body).toBe(200);
    const p = approved.json();
    expect(p).toMatchObject({ status: 'approved', statusLabel: 'Đã phê duyệt', frozen: true, approvedByName: 'Trần Minh Đức', version: 6 });
    expect([p.before, p.after, p.saving]).toEqual([live.before, live.after, live.saving]);
    const row = await t.db.selectFrom('pr_plans').select(['before_snapshot', 'after_snapshot']).where('id', '=', ids.a).executeTakeFirstOrThrow();
    expect([row.before_snapshot, row.after_snapshot]).toEqual([live.before, live.after]);
    expect(p.history.map((h: { action: string }) => h.action)).toEqual(['plan_created', 'plan_updated', 'plan_proposed', 'plan_returned', 'plan_proposed', 'plan_approved']);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'procedure_review_plan').where('entity_id', '=', String(ids.a)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(p.history.map((h: { action: string }) => `procedure_review.${h.action}`));
  });

  it('is rejected with a note', async () => {
    expect((await act(ids.c, 'chuyenvien.sxd', { action: 'propose', version: 1 })).statusCode).toBe(200);
    expect((await act(ids.c, 'lanhdao.sxd', { action: 'reject', version: 2 })).statusCode).toBe(400);
    const rejected = await act(ids.c, 'lanhdao.sxd', { action: 'reject', version: 2, note: 'Trùng với phương án đã phê duyệt' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', statusLabel: 'Không phê duyệt', allowed: { edit: false, propose: false, approve: false, reject: false } });
  });

  it('keeps the approved figures when the parameters change; a draft follows them', async () => {
    const approvedBefore = await plan(ids.a);
    const draftBefore = await plan(ids.b);
    const version = (await api('GET', '/parameters', 'admin')).json().items.find((p: { year: number }) => p.year === 2026).version;
    const higher = { ...PARAMETERS, monthlyIncomeVnd: 9_000_000 };
    expect((await t.request('PUT', '/api/v1/procedure-review/parameters/2026', { session: s.admin, body: { ...higher, version } })).statusCode).toBe(200);
    const approvedAfter = await plan(ids.a);
    expect([approvedAfter.before, approvedAfter.after, approvedAfter.saving]).toEqual([approvedBefore.before, approvedBefore.after, approvedBefore.saving]);
    const draftAfter = await plan(ids.b);
    expect(draftAfter.before.perDossier.totalVnd).toBeGreaterThan(draftBefore.before.perDossier.totalVnd);
    const bChanges = draftAfter.changes as PlanChanges;
    expect(draftAfter.saving).toEqual((await expectedSheets(bChanges, higher)).saving);
    // Back to the year's real figures for what follows.
    expect((await t.request('PUT', '/api/v1/procedure-review/parameters/2026', { session: s.admin, body: { ...PARAMETERS, version: version + 1 } })).statusCode).toBe(200);
  });
});

describe('lists and the year\'s summary', () => {
  it('lists the plans with their savings, by agency, year and status', async () => {
    await create({ year: 2025, title: 'Phương án năm trước', changes: changes({ onlineMode: 'full' }) });
    const mine = [ids.a, ids.b, ids.c];
    const all = (await api('GET', '/plans?year=2026', 'chuyenvien.sxd')).json().items as { id: number; year: number; saving: Saving }[];
    expect(all.map((p) => p.id)).toEqual(expect.arrayContaining(mine));
    expect(all.every((p) => p.year === 2026)).toBe(true);
    for (const item of all) expect(item.saving, String(item.id)).toEqual((await plan(item.id)).saving);
    const approved = (await api('GET', '/plans?status=approved', 'chuyenvien.sxd')).json().items.map((p: { id: number }) => p.id);
    expect([approved.includes(ids.a), approved.includes(ids.b), approved.includes(ids.c)]).toEqual([true, false, false]);
    const bySection = (await api('GET', `/plans?unitId=${unit['H30.105.01']}&year=2026`, 'chuyenvien.sxd')).json().items.map((p: { id: number }) => p.id);
    expect(bySection.sort()).toEqual(all.map((p) => p.id).sort());
    expect((await api('GET', `/plans?unitId=${unit['H30.102']}`, 'chuyenvien.sxd')).statusCode).toBe(404);
  });

  it('rolls up the plans that stand (not rejected) per agency and for the province', async () => {
    const res = await api('GET', '/plans/summary?year=2026', 'lanhdao.sxd');
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json();
    // Every plan of the Department for 2026 (the test's and any the demo drafted), as the list shows them.
    const listed = (await api('GET', `/plans?unitId=${unit['H30.105']}&year=2026`, 'lanhdao.sxd')).json().items as { id: number; status: string; saving: Saving }[];
    const standing = listed.filter((p) => p.status !== 'rejected');
    expect(standing.map((p) => p.id)).toEqual(expect.arrayContaining([ids.a, ids.b]));
    expect(standing.map((p) => p.id)).not.toContain(ids.c);
    const expected = rollUp(standing.map((p) => p.saving));
    expect(expected.savingVnd).toBe(standing.reduce((sum, p) => sum + p.saving.savingVnd, 0));
    const counts = { plans: standing.length, approved: standing.filter((p) => p.status === 'approved').length };
    expect(summary.agencies).toEqual([{ agencyUnitId: unit['H30.105'], agencyUnitName: 'Sở Xây dựng', ...expected, ...counts }]);
    expect(summary.province).toEqual({ ...expected, ...counts });
    const other = (await api('GET', '/plans/summary?year=2026', 'lanhdao.stp')).json();
    expect(other.agencies.map((a: { agencyUnitId: number }) => a.agencyUnitId)).not.toContain(unit['H30.105']);
    expect((await api('GET', '/plans/summary', 'lanhdao.sxd')).statusCode).toBe(400);
  });
});

describe('the real saving, measured once a new version is in force', () => {
  it('costs the dossiers filed under the new version against the plan\'s before', async () => {
    expect((await plan(ids.a)).measured).toBeNull();
    // The catalogue administrator publishes version 2 without the removed document, in force from 10 March.
    const admin = (url: string, body: unknown, method = 'POST') => t.request(method, `/api/v1/admin/procedures/${CODE}/versions${url}`, { session: s.admin, body });
    const draft = await admin('', { changeNote: 'Thực hiện phương án đơn giản hóa: bỏ quyết định phê duyệt dự án' });
    expect(draft.statusCode, draft.body).toBe(201);
    const v1 = (await contentOf(1)).content;
    const v2content = { ...v1, documents: v1.documents.filter((d) => d.name !== REMOVED) };
    const put = await admin('/2', { ...v2content, revision: draft.json().revision }, 'PUT');
    expect(put.statusCode, put.body).toBe(200);
    const published = await admin('/2/actions', { action: 'publish', decision: { number: '310/QĐ-UBND', date: '2026-03-05', signer: 'Chủ tịch Ủy ban nhân dân tỉnh', title: 'Công bố thủ tục hành chính được sửa đổi' }, effectiveFrom: '2026-03-10', revision: put.json().revision });
    expect(published.statusCode, published.body).toBe(200);
    expect((await plan(ids.a)).measured).toBeNull(); // not in force yet on 2 March

    clock = new Date('2026-05-04T09:00:00+07:00');
    expect((await plan(ids.a)).measured).toBeNull(); // in force, but no dossier filed under it yet
    await importLines([dossierLine('online', '2026-03-16'), dossierLine('online', '2026-03-30'), dossierLine('desk', '2026-04-06'), dossierLine('online', '2026-04-20')]);
    const p = await plan(ids.a);
    const v2 = await contentOf(2);
    const period = { from: '2026-03-10', to: '2026-05-03' };
    const facts = (await procedureFacts(t.db, { unitIds: subtree, ...period, procedureCodes: [CODE], versionIds: [v2.id] })).find((f) => f.procedureCode === CODE)!;
    expect(facts.dossiers).toBe(4);
    const sheet = costSheet(wageOf(PARAMETERS), costLines({ content: v2.content, facts, defaults: DEFAULTS }), yearlyDossiers(facts, period));
    const beforePerDossier = p.before.perDossier.totalVnd as number;
    expect(p.measured).toEqual({
      versionNo: 2, versionId: v2.id, effectiveFrom: '2026-03-10', period, dossiers: 4,
      perDossierVnd: sheet.perDossier.totalVnd, beforePerDossierVnd: beforePerDossier,
      yearlySavingVnd: (beforePerDossier - sheet.perDossier.totalVnd) * p.before.yearlyDossiers,
      percent: saving(beforePerDossier, sheet.perDossier.totalVnd).percent,
    });
    expect(p.measured.yearlySavingVnd).toBeGreaterThan(0);
    expect((await plan(ids.c)).measured).toBeNull(); // a rejected plan saved nothing
  });
});
