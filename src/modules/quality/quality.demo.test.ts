import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';

// The demo's quality management system and reform budget are made on the day the demo is seeded: on an
// ordinary day, in the middle of Tết 2027 (a day off) and a few days after the statutory year's cut-off
// (15/12), each record is in the state it is meant to show.
const apps: TestApp[] = [];
afterAll(async () => { for (const t of apps) await t.close(); });

describe.each([
  ['an ordinary day', TEST_NOW],
  ['Tết 2027', new Date('2027-02-08T02:00:00Z')],
  ['just after the statutory year began', new Date('2026-12-17T02:00:00Z')],
])('the quality demo made on %s', (_name, now) => {
  it('shows Construction\'s QMS announced, its objectives measured, documents current, the audit\'s nonconformity closed, a review held, and the budget lines', async () => {
    const t = await createTestApp({ now });
    apps.push(t);
    const head = await t.login('lanhdao.sxd');
    const get = async (url: string) => { const r = await t.request('GET', url, { session: head }); expect(r.statusCode, url).toBe(200); return r.json(); };

    const systems = (await get('/api/v1/quality/systems')).items as { id: number; agencyName: string }[];
    const qms = systems.find((s) => s.agencyName === 'Sở Xây dựng')!;
    const detail = await get(`/api/v1/quality/systems/${qms.id}`);
    expect(detail.policyApproved).not.toBeNull();
    expect(detail.isoSecretary.name).toBe('Hoàng Thị Thu Hà');
    expect(detail.declaration).toMatchObject({ decisionNo: '215/QĐ-SXD', status: 'valid' });

    const objectives = (await get(`/api/v1/quality/systems/${qms.id}/objectives`)).items as { code: string; reading: { denominator: number | null; value: number | null; met: boolean | null } }[];
    expect(objectives.map((o) => o.code)).toEqual(['MT-01', 'MT-02', 'MT-03', 'MT-04']);
    expect(objectives.find((o) => o.code === 'MT-04')!.reading).toMatchObject({ value: 100, met: true });

    const documents = (await get(`/api/v1/quality/systems/${qms.id}/documents`)).items as { code: string; current: { issueNo: number } | null; sync: { status: string } | null }[];
    expect(documents).toHaveLength(4);
    for (const d of documents) expect(d.current?.issueNo, d.code).toBe(1);
    for (const d of documents.filter((x) => x.code.startsWith('QT-0'))) expect(d.sync?.status, d.code).toBe('current');

    const ncs = (await get(`/api/v1/quality/systems/${qms.id}/nonconformities`)).items as { code: string; status: string; source: string }[];
    expect(ncs).toEqual([expect.objectContaining({ source: 'audit', status: 'closed' })]);
    const audits = (await get(`/api/v1/quality/systems/${qms.id}/audits`)).items as { status: string; findings: { nonconformity: number } }[];
    expect(audits).toEqual([expect.objectContaining({ status: 'reported', findings: expect.objectContaining({ nonconformity: 1 }) })]);
    const reviews = (await get(`/api/v1/quality/systems/${qms.id}/reviews`)).items as { id: number; status: string }[];
    expect(reviews.map((r) => r.status)).toEqual(['held']);
    const review = await get(`/api/v1/quality/reviews/${reviews[0]!.id}`);
    expect(review.inputs.frozen).toBe(true);
    expect(review.inputs.objectives).toHaveLength(4);

    const year = new Date(now.getTime() + 7 * 3_600_000).getUTCFullYear();
    const budget = await get(`/api/v1/reform-budget/lines?unitId=${await t.unitId('H30.105')}&year=${year}`);
    expect(budget.items).toHaveLength(2);
    const snv = await t.request('GET', `/api/v1/reform-budget/lines?unitId=${await t.unitId('H30.101')}&year=${year}`, { session: await t.login('lanhdao.snv') });
    expect(snv.json().items.filter((l: { overspent: boolean }) => l.overspent)).toHaveLength(1);
  }, 300_000);
});
