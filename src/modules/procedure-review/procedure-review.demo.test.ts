import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';
import { vnDay } from './procedure-review.context.js';

// The demo's procedure reviews are made on the day the demo is seeded: on an ordinary day, in the middle of
// Tết 2027 (a day off, in a year with no parameters of its own) and in the last fortnight of a year (every
// planned item's due day falls inside the year), each record is in the state it is meant to show, its figures
// read from the demo's dossiers. A demo made before Sở Xây dựng existed (1/7/2025) has only the parameters.
const apps: TestApp[] = [];
afterAll(async () => { for (const t of apps) await t.close(); });

/** Enough generated dossiers for the department's procedures to have some in the year before the seed. */
const DOSSIERS = 400;
const P = '/api/v1/procedure-review';
const PLANNED = ['1.009972', '1.009984', '1.009976'];

describe.each([
  ['an ordinary day', TEST_NOW],
  ['Tết 2027', new Date('2027-02-08T02:00:00Z')],
  ['17/12/2026', new Date('2026-12-17T02:00:00Z')],
])('the procedure-review demo made on %s', (_name, now) => {
  it('shows the parameters, Construction\'s approved review plan, the approved review with its history and the proposed plan with a saving', async () => {
    const t = await createTestApp({ now, demoDossiers: DOSSIERS });
    apps.push(t);
    const head = await t.login('lanhdao.sxd');
    const get = async (url: string) => { const r = await t.request('GET', url, { session: head }); expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(200); return r.json(); };
    const today = vnDay(now);
    const year = Number(today.slice(0, 4));
    const sxd = await t.unitId('H30.105');

    const parameters = (await get(`${P}/parameters`)).items as { year: number; monthlyIncomeVnd: number; workingDaysPerMonth: number; hoursPerDay: number; hourlyRateVnd: number; source: string; defaults: Record<string, number> }[];
    expect(parameters.map((p) => p.year)).toEqual([2026, 2025]);
    for (const p of parameters) {
      expect(p).toMatchObject({ monthlyIncomeVnd: 5_400_000, workingDaysPerMonth: 22, hoursPerDay: 8 });
      expect(p.source).toContain('5,4 triệu đồng');
      expect(p.defaults).toMatchObject({ certifyVndPerCopy: 2000, travelVnd: 30_000 });
    }

    // The ranking of the department's procedures over the default period (the year ending yesterday).
    const ranking = await get(`${P}/costs?unitId=${sxd}`);
    const yesterday = Number(vnDay(new Date(now.getTime() - 86_400_000)).slice(0, 4));
    expect(ranking.parameters?.year).toBe(Math.min(yesterday, 2026));
    const rows = ranking.items as { procedureCode: string; dossiers: number; yearlyVnd: number; reviewId: number | null; planCount: number }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.yearlyVnd, r.procedureCode).toBeGreaterThan(0);
    // The planned procedures are ones the demo's dossiers use.
    for (const code of PLANNED) expect(rows.find((r) => r.procedureCode === code)?.dossiers ?? 0, code).toBeGreaterThan(0);

    const plans = (await get(`${P}/review-plans?year=${year}`)).items as { id: number; agencyUnitId: number; status: string; items: number; done: number; overdue: number }[];
    const plan = plans.filter((p) => p.agencyUnitId === sxd);
    expect(plan).toEqual([expect.objectContaining({ status: 'approved', items: 3, done: 1, overdue: 0 })]);
    const detail = await get(`${P}/review-plans/${plan[0]!.id}`);
    const items = detail.items as { procedureCode: string; dueOn: string; state: string; reviewStatus: string | null }[];
    expect(items.map((i) => i.procedureCode).sort()).toEqual([...PLANNED].sort());
    for (const i of items) expect(i.dueOn >= today && i.dueOn <= `${year}-12-31`, `${i.procedureCode} due ${i.dueOn}`).toBe(true);
    expect(items.find((i) => i.procedureCode === '1.009972')).toMatchObject({ state: 'done', reviewStatus: 'approved' });
    expect((detail.history as { action: string }[]).map((h) => h.action)).toEqual(['review_plan_created', 'review_plan_approved']);

    const reviews = (await get(`${P}/reviews?unitId=${sxd}&year=${year}`)).items as { id: number; procedureCode: string; status: string; recommendation: string; yearlyVnd: number }[];
    expect(reviews).toEqual([expect.objectContaining({ procedureCode: '1.009972', status: 'approved', recommendation: 'simplify' })]);
    expect(reviews[0]!.yearlyVnd).toBeGreaterThan(0);
    const review = await get(`${P}/reviews/${reviews[0]!.id}`);
    expect(review.approvedByName).toBe('Trần Minh Đức');
    expect(review.reviewerName).toBe('Hoàng Thị Thu Hà');
    expect((review.history as { action: string }[]).map((h) => h.action)).toEqual(['review_created', 'review_updated', 'review_submitted', 'review_approved']);

    const simplification = (await get(`${P}/plans?unitId=${sxd}&year=${year}`)).items as { id: number; procedureCode: string; status: string; saving: { beforeVnd: number; afterVnd: number; savingVnd: number } }[];
    expect(simplification).toEqual([expect.objectContaining({ procedureCode: '1.009972', status: 'proposed' })]);
    const saving = simplification[0]!.saving;
    expect(saving.savingVnd).toBeGreaterThan(0);
    expect(saving.savingVnd).toBe(saving.beforeVnd - saving.afterVnd);
    const planDetail = await get(`${P}/plans/${simplification[0]!.id}`);
    expect(planDetail.reviewId).toBe(review.id);
    expect(planDetail.changes).toMatchObject({ onlineMode: 'full', removeDocuments: [expect.stringContaining('Quyết định phê duyệt dự án')] });
    expect((planDetail.documents as { name: string; removed: boolean }[]).filter((x) => x.removed)).toHaveLength(1);
    expect((planDetail.history as { action: string }[]).map((h) => h.action)).toEqual(['plan_created', 'plan_proposed']);
  }, 300_000);
});

describe('the procedure-review demo made before Sở Xây dựng existed', () => {
  it('has the parameters and no review, plan or review plan', async () => {
    const t = await createTestApp({ now: new Date('2025-03-03T09:00:00+07:00') });
    apps.push(t);
    const admin = await t.login('admin');
    const get = async (url: string) => { const r = await t.request('GET', url, { session: admin }); expect(r.statusCode, url).toBe(200); return r.json(); };
    expect((await get(`${P}/parameters`)).items.map((p: { year: number }) => p.year)).toEqual([2026, 2025]);
    expect((await get(`${P}/review-plans`)).items).toEqual([]);
    expect((await get(`${P}/reviews`)).items).toEqual([]);
    expect((await get(`${P}/plans`)).items).toEqual([]);
  }, 300_000);
});
