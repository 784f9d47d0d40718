import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { formatViInteger } from '../../platform/documents/vi-format.js';
import { pdfToText } from '../../platform/documents/pdf-text.js';

// Monday 2 March 2026, 9:00 in Hà Nội: live costs are over the 365 days ending yesterday.
const NOW = new Date('2026-03-02T09:00:00+07:00');
const CODE = '1.009984'; // Cấp chứng chỉ năng lực hoạt động xây dựng hạng II, hạng III — Sở Xây dựng
const OTHER = '1.009976'; // Gia hạn giấy phép xây dựng — Sở Xây dựng
let t: TestApp;
const s = {} as Record<string, Session>;
const unit = {} as Record<string, number>;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  for (const u of ['admin', 'kiemtra', 'chuyenvien.sxd', 'lanhdao.sxd', 'chuyenvien.stp', 'lanhdao.stp']) s[u] = await t.login(u);
  for (const c of ['H30.105', 'H30.105.01', 'H30.102']) unit[c] = await t.unitId(c);
  await saveParameters(5_400_000);
}, 240_000);
afterAll(async () => { await t?.close(); });

const api = (method: string, url: string, who: string, body?: unknown) => t.request(method, `/api/v1/procedure-review${url}`, { session: s[who], body });
type ErrorBody = { code: string; details?: Record<string, unknown>; fields?: { path: string; message: string }[] };
const errorOf = (res: { json(): { error?: ErrorBody } }) => res.json().error!;
const review = async (id: number, who = 'chuyenvien.sxd') => {
  const res = await api('GET', `/reviews/${id}`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const act = (id: number, who: string, body: Record<string, unknown>) => api('POST', `/reviews/${id}/actions`, who, body);

/** The year's parameters as the province's administrator keeps them (creates 2026 when the demo has none). */
async function saveParameters(monthlyIncomeVnd: number) {
  const items = (await api('GET', '/parameters', 'admin')).json().items as { year: number; version: number; defaults: unknown; source: string }[];
  const current = items.find((p) => p.year === 2026) ?? items[0];
  const defaults = current?.defaults ?? {
    informationHours: 1, formHours: 1, documentHours: 0.5, certifyHours: 0.5, certifyVndPerCopy: 2000, copyVndPerCopy: 500,
    travelHours: 1, waitingHours: 0.5, travelVnd: 30_000, supplementHours: 1,
  };
  const body = { monthlyIncomeVnd, workingDaysPerMonth: 22, hoursPerDay: 8, source: 'Số liệu thử', defaults, ...(current?.year === 2026 ? { version: current.version } : {}) };
  const res = await api('PUT', '/parameters/2026', 'admin', body);
  expect(res.statusCode, res.body).toBe(200);
}

/** The Department's review plan item for a procedure this year: the demo's when it has one, else a plan made here. */
async function planItems(): Promise<Map<string, number>> {
  const plan = await t.db.selectFrom('pr_review_plans').select('id').where('agency_unit_id', '=', unit['H30.105']!).where('year', '=', 2026).executeTakeFirst();
  if (!plan) {
    const res = await api('POST', '/review-plans', 'chuyenvien.sxd', {
      agencyUnitId: unit['H30.105'], year: 2026, title: 'Kế hoạch rà soát năm 2026',
      items: [{ procedureCode: CODE, dueOn: '2026-06-30' }, { procedureCode: OTHER, dueOn: '2026-09-30' }],
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const rows = await t.db.selectFrom('pr_review_plan_items as i').innerJoin('pr_review_plans as p', 'p.id', 'i.plan_id').select(['i.id', 'i.procedure_code'])
    .where('p.agency_unit_id', '=', unit['H30.105']!).where('p.year', '=', 2026).execute();
  return new Map(rows.map((r) => [r.procedure_code, r.id]));
}

/** Every yes/no question answered (the follow-ups too), a few with explanations. */
const ANSWERS = {
  ...Object.fromEntries(['q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q9', 'q10', 'q11', 'q12', 'q13', 'q15', 'q16'].map((k) => [k, { choice: 'yes' }])),
  q1: { choice: 'yes', text: 'Bảo đảm tổ chức, cá nhân hoạt động xây dựng đủ năng lực.' },
  q8: { choice: 'no', text: 'Đề nghị bỏ bản sao chứng thực văn bằng đã có trong cơ sở dữ liệu.' },
  q14: { choice: 'no' }, q9c: { choice: 'no' }, q10c: { choice: 'yes' }, q11b: { choice: 'no' }, q16c: { choice: 'yes' },
  q17: { text: 'Chi phí chủ yếu là thời gian chuẩn bị hồ sơ.' },
};

let id = 0;
let otherId = 0;

describe('opening a review', () => {
  it('opens one per agency, year and procedure, from an item of the agency\'s plan', async () => {
    const items = await planItems();
    const wrongItem = await api('POST', '/reviews', 'chuyenvien.sxd', { procedureCode: CODE, agencyUnitId: unit['H30.105'], year: 2026, planItemId: items.get(OTHER) });
    expect([wrongItem.statusCode, errorOf(wrongItem).fields?.[0]?.path]).toEqual([400, 'planItemId']);
    const res = await api('POST', '/reviews', 'chuyenvien.sxd', { procedureCode: CODE, agencyUnitId: unit['H30.105'], year: 2026, planItemId: items.get(CODE) });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    id = r.id;
    expect(r).toMatchObject({
      procedureCode: CODE, agencyUnitId: unit['H30.105'], agencyUnitName: 'Sở Xây dựng', year: 2026, status: 'draft', versionNo: 1,
      planItemId: items.get(CODE), reviewerName: 'Hoàng Thị Thu Hà', approvedByName: null, version: 1, frozen: false,
      allowed: { edit: true, submit: true, approve: false, return: false }, answers: {}, recommendation: null,
    });
    expect(r.procedureName).toContain('chứng chỉ năng lực hoạt động xây dựng');
    expect(r.form.sections.map((x: { key: string }) => x.key)).toEqual(['necessity', 'reasonableness', 'legality', 'cost']);
    expect(r.cost).toMatchObject({ procedureCode: CODE, unitId: unit['H30.105'], period: { from: '2025-03-02', to: '2026-03-01' } });
    expect(r.history).toMatchObject([{ action: 'review_created', label: 'Lập phiếu rà soát, đánh giá TTHC', actorName: 'Hoàng Thị Thu Hà' }]);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'unit_id']).where('entity', '=', 'procedure_review_review').where('entity_id', '=', String(id)).execute();
    expect(audit).toEqual([{ action: 'procedure_review.review_created', unit_id: unit['H30.105'] }]);

    const again = await api('POST', '/reviews', 'lanhdao.sxd', { procedureCode: CODE, agencyUnitId: unit['H30.105'], year: 2026 });
    expect([again.statusCode, errorOf(again).code, errorOf(again).details]).toEqual([409, 'REVIEW_EXISTS', { id }]);
    const other = await api('POST', '/reviews', 'chuyenvien.sxd', { procedureCode: OTHER, agencyUnitId: unit['H30.105'], year: 2026 });
    expect(other.statusCode, other.body).toBe(201);
    otherId = other.json().id;
  });

  it('refuses a section, a procedure not in force, and anyone outside the agency', async () => {
    const section = await api('POST', '/reviews', 'chuyenvien.sxd', { procedureCode: CODE, agencyUnitId: unit['H30.105.01'], year: 2025 });
    expect([section.statusCode, errorOf(section).fields?.[0]?.path]).toEqual([400, 'agencyUnitId']);
    const unknown = await api('POST', '/reviews', 'chuyenvien.sxd', { procedureCode: '9.999999', agencyUnitId: unit['H30.105'], year: 2025 });
    expect([unknown.statusCode, errorOf(unknown).fields?.[0]?.path]).toEqual([400, 'procedureCode']);
    expect((await api('POST', '/reviews', 'lanhdao.stp', { procedureCode: CODE, agencyUnitId: unit['H30.105'], year: 2025 })).statusCode).toBe(404);
    expect((await api('POST', '/reviews', 'kiemtra', { procedureCode: CODE, agencyUnitId: unit['H30.105'], year: 2025 })).statusCode).toBe(403);
  });
});

describe('who sees a review', () => {
  it('answers 404 to another agency\'s staff, in every route, and leaves it out of their list', async () => {
    for (const who of ['chuyenvien.stp', 'lanhdao.stp']) {
      expect((await api('GET', `/reviews/${id}`, who)).statusCode, who).toBe(404);
      expect((await api('PUT', `/reviews/${id}`, who, { answers: {}, estimates: {}, recommendation: null, conclusion: null, version: 1 })).statusCode, who).toBe(404);
      expect((await act(id, who, { action: 'submit', version: 1 })).statusCode, who).toBe(404);
      expect((await api('GET', `/reviews/${id}/form.pdf`, who)).statusCode, who).toBe(404);
      expect((await api('GET', '/reviews?year=2026', who)).json().items.map((i: { id: number }) => i.id), who).not.toContain(id);
    }
    expect((await api('GET', `/reviews?unitId=${unit['H30.105']}`, 'chuyenvien.stp')).statusCode).toBe(404);
  });

  it('lets the province\'s oversight read but not change it', async () => {
    expect((await review(id, 'kiemtra')).allowed).toEqual({ edit: false, submit: false, approve: false, return: false });
    expect((await api('PUT', `/reviews/${id}`, 'kiemtra', { answers: {}, estimates: {}, recommendation: null, conclusion: null, version: 1 })).statusCode).toBe(403);
  });
});

describe('filling in, submitting, returning and approving', () => {
  it('saves the answers and estimates under the version read; a stale version is refused', async () => {
    const before = await review(id);
    const line = before.cost.sheet.lines.find((l: { editable: { hours: boolean } }) => l.editable.hours);
    expect(line, 'the sheet has a line the reviewer estimates').toBeTruthy();
    const hours = line.hours + 1.25;
    const res = await api('PUT', `/reviews/${id}`, 'chuyenvien.sxd', { answers: { q1: ANSWERS.q1 }, estimates: { [line.key]: { hours, note: 'Khảo sát 5 hồ sơ' } }, recommendation: null, conclusion: null, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.version).toBe(2);
    expect(r.answers).toEqual({ q1: ANSWERS.q1 });
    expect(r.cost.sheet.lines.find((l: { key: string }) => l.key === line.key).hours).toBe(hours);
    expect(r.cost.sheet.perDossier.totalVnd).toBeGreaterThan(before.cost.sheet.perDossier.totalVnd);
    const stale = await api('PUT', `/reviews/${id}`, 'chuyenvien.sxd', { answers: {}, estimates: {}, recommendation: null, conclusion: null, version: 1 });
    expect([stale.statusCode, errorOf(stale).code]).toEqual([409, 'VERSION_CONFLICT']);
    expect((await review(id)).answers).toEqual({ q1: ANSWERS.q1 });
  });

  it('refuses an answer to a question the form does not have, a yes/no to a text question, and an estimate of a line it lacks', async () => {
    const bad = await api('PUT', `/reviews/${id}`, 'chuyenvien.sxd', {
      answers: { q99: { choice: 'yes' }, q17: { choice: 'no' } }, estimates: { 'no-such-line': { hours: 1 } }, recommendation: null, conclusion: null, version: 2,
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields!.map((f) => f.path).sort()).toEqual(['answers.q17.choice', 'answers.q99', 'estimates.no-such-line']);
  });

  it('will not submit while yes/no questions or the recommendation are missing, and says which', async () => {
    const res = await act(id, 'chuyenvien.sxd', { action: 'submit', version: 2 });
    expect(res.statusCode).toBe(400);
    const paths = errorOf(res).fields!.map((f) => f.path);
    expect(paths).toContain('answers.q4');
    expect(paths).toContain('answers.q16');
    expect(paths).not.toContain('answers.q1');
    expect(paths).not.toContain('answers.q9c'); // asked only once question 9 is answered "yes"
    expect(paths.at(-1)).toBe('recommendation');
    expect(errorOf(res).fields!.find((f) => f.path === 'answers.q4')!.message).toBe('Câu 4: chưa chọn Có hoặc Không.');
  });

  it('submits a complete form; the head returns it with a note, then approves it; a specialist cannot approve', async () => {
    const saved = await api('PUT', `/reviews/${id}`, 'chuyenvien.sxd', { answers: ANSWERS, estimates: (await review(id)).estimates, recommendation: 'simplify', conclusion: 'Đề nghị đơn giản hóa thành phần hồ sơ.', version: 2 });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await act(id, 'chuyenvien.sxd', { action: 'submit', version: 3 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', statusLabel: 'Đã trình, chờ phê duyệt', version: 4, allowed: { edit: false, submit: false, approve: false, return: false } });
    const locked = await api('PUT', `/reviews/${id}`, 'chuyenvien.sxd', { answers: ANSWERS, estimates: {}, recommendation: 'keep', conclusion: null, version: 4 });
    expect([locked.statusCode, errorOf(locked).code]).toEqual([409, 'REVIEW_NOT_DRAFT']);
    expect((await act(id, 'chuyenvien.sxd', { action: 'approve', version: 4 })).statusCode).toBe(403);
    const noNote = await act(id, 'lanhdao.sxd', { action: 'return', version: 4 });
    expect([noNote.statusCode, errorOf(noNote).fields?.[0]?.path]).toEqual([400, 'note']);
    const returned = await act(id, 'lanhdao.sxd', { action: 'return', note: 'Bổ sung giải trình câu 8.', version: 4 });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'draft', version: 5 });
    expect(returned.json().history.at(-1)).toMatchObject({ action: 'review_returned', note: 'Bổ sung giải trình câu 8.', actorName: 'Trần Minh Đức' });
    expect((await act(id, 'chuyenvien.sxd', { action: 'submit', version: 5 })).statusCode).toBe(200);
    const head = await review(id, 'lanhdao.sxd');
    expect(head.allowed).toEqual({ edit: false, submit: false, approve: true, return: true });
    const approved = await act(id, 'lanhdao.sxd', { action: 'approve', version: 6 });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedByName: 'Trần Minh Đức', approvedAt: NOW.toISOString(), frozen: true, version: 7 });
    expect(approved.json().history.map((e: { action: string }) => e.action)).toEqual([
      'review_created', 'review_updated', 'review_updated', 'review_submitted', 'review_returned', 'review_submitted', 'review_approved',
    ]);
    expect(approved.json().cost.sheet).toEqual(head.cost.sheet);
    expect(approved.json().cost.reviews).toContainEqual({ id, agencyUnitName: 'Sở Xây dựng', year: 2026, status: 'approved' });
    const row = await t.db.selectFrom('pr_reviews').select('cost_snapshot').where('id', '=', id).executeTakeFirstOrThrow();
    expect((row.cost_snapshot as { cost: { sheet: unknown; facts: unknown } }).cost).toMatchObject({ sheet: head.cost.sheet, facts: head.cost.facts });
  });

  it('keeps the approved cost when the parameters change, while a draft follows them', async () => {
    const approved = await review(id);
    const draftBefore = await review(otherId);
    await saveParameters(10_800_000);
    const after = await review(id);
    expect(after.cost).toEqual(approved.cost);
    expect(after.form).toEqual(approved.form);
    expect(after.cost.sheet.wage.monthlyIncomeVnd).toBe(5_400_000);
    const draftAfter = await review(otherId);
    expect(draftAfter.cost.sheet.wage.monthlyIncomeVnd).toBe(10_800_000);
    expect(draftAfter.cost.sheet.perDossier.workVnd).toBeGreaterThan(draftBefore.cost.sheet.perDossier.workVnd);
  });

  it('lists the reviews with their yearly cost (the frozen one once approved)', async () => {
    const list = (await api('GET', '/reviews?year=2026', 'chuyenvien.sxd')).json().items as { id: number; status: string; yearlyVnd: number; recommendation: string | null }[];
    const approved = await review(id);
    expect(list.find((i) => i.id === id)).toMatchObject({ status: 'approved', recommendation: 'simplify', yearlyVnd: approved.cost.sheet.yearly.totalVnd });
    expect(list.find((i) => i.id === otherId)).toMatchObject({ status: 'draft', yearlyVnd: (await review(otherId)).cost.sheet.yearly.totalVnd });
    const drafts = (await api('GET', `/reviews?status=draft&unitId=${unit['H30.105.01']}`, 'chuyenvien.sxd')).json().items as { id: number }[];
    expect(drafts.map((i) => i.id)).toContain(otherId);
    expect(drafts.map((i) => i.id)).not.toContain(id);
  });
});

describe('the form in its official layout', () => {
  const yearlyText = (r: { cost: { sheet: { yearly: { totalVnd: number } } } }) => `Chi phí tuân thủ một năm: ${formatViInteger(r.cost.sheet.yearly.totalVnd)} đồng.`;

  it('downloads as DOCX with the procedure, the ticked answers and the yearly cost', async () => {
    const r = await review(id);
    const res = await api('GET', `/reviews/${id}/form.docx`, 'lanhdao.sxd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('officedocument.wordprocessingml');
    expect(res.headers['content-disposition']).toContain(`filename="phieu-ra-soat-${CODE}-2026.docx"`);
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const expected of ['PHIẾU RÀ SOÁT, ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH', 'SỞ XÂY DỰNG', r.procedureName, `${CODE} (phiên bản 1`, '☒ Có', '☒ Không', ANSWERS.q8.text, yearlyText(r), 'Trần Minh Đức', 'Hoàng Thị Thu Hà', 'Ngày 02/03/2026']) {
      expect(text, expected).toContain(expected);
    }
  });

  it('downloads as PDF with the same content', async () => {
    const r = await review(id);
    const res = await api('GET', `/reviews/${id}/form.pdf`, 'chuyenvien.sxd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`phieu-ra-soat-${CODE}-2026.pdf`);
    const text = (await pdfToText(res.rawPayload)).replace(/\s+/g, ' ');
    for (const expected of ['PHIẾU RÀ SOÁT, ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH', r.procedureName, ANSWERS.q1.text, yearlyText(r), 'Trần Minh Đức', 'Ngày 02/03/2026']) {
      expect(text, expected).toContain(expected);
    }
  });

  it('marks a draft as not approved', async () => {
    const res = await api('GET', `/reviews/${otherId}/form.docx`, 'chuyenvien.sxd');
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml.replace(/<[^>]+>/g, '')).toContain('chưa được phê duyệt');
  });
});
