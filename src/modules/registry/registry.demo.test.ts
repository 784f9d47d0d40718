import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';

// The demo's documents are made on the day the demo is seeded: on an ordinary day and in the middle of
// Tết 2027 (a day off), each is in the state it is meant to show, numbered in its year.
const apps: TestApp[] = [];
afterAll(async () => { for (const t of apps) await t.close(); });

type Doc = { id: number; status: string; symbol: string | null; subject: string; unitName: string; dueOn: string | null; arrivalNumber: number | null };

describe.each([['an ordinary day', TEST_NOW], ['Tết 2027', new Date('2027-02-08T02:00:00Z')]])('the registry demo made on %s', (_name, now) => {
  it('shows the plan released and delivered, routed at Justice, waiting at Construction, a paper document answered, a draft to sign and the file list', async () => {
    const t = await createTestApp({ now });
    apps.push(t);
    const year = new Date(now.getTime() + 7 * 3_600_000).getUTCFullYear();
    const list = async (who: string, query: string) => ((await t.request('GET', `/api/v1/registry/documents?${query}`, { session: await t.login(who) })).json().items as Doc[]);

    const out = await list('vanthu.snv', 'direction=out');
    const plan = out.find((d) => d.subject.startsWith('Kế hoạch kiểm tra công tác cải cách hành chính'))!;
    expect(plan).toMatchObject({ status: 'released', symbol: '01/KH-SNV', subject: `Kế hoạch kiểm tra công tác cải cách hành chính năm ${year}` });
    const deliveries = (await t.request('GET', `/api/v1/registry/documents/${plan.id}/deliveries`, { session: await t.login('vanthu.snv') })).json() as { toName: string; status: string }[];
    expect(deliveries.map((x) => [x.toName, x.status]).sort()).toEqual([['Sở Tư pháp', 'received'], ['Sở Xây dựng', 'delivered']]);

    const atJustice = (await list('lanhdao.stp', 'direction=in')).find((d) => d.symbol === '01/KH-SNV')!;
    expect(atJustice).toMatchObject({ status: 'routed', arrivalNumber: expect.any(Number) });
    expect(atJustice.dueOn! > new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)).toBe(true);
    expect((await list('chuyenvien.stp', 'mine=true')).map((d) => d.id)).toContain(atJustice.id);
    expect((await list('vanthu.sxd', 'direction=in&status=arrived')).map((d) => d.symbol)).toContain('01/KH-SNV');

    const paper = (await list('lanhdao.snv', 'direction=in')).find((d) => d.symbol === '215/UBND-NC')!;
    expect(paper.status).toBe('done');
    expect((await list('lanhdao.stp', 'direction=out&status=submitted')).map((d) => d.subject)).toContain('Thông báo lịch tiếp nhận hồ sơ đăng ký hoạt động đấu giá tài sản');

    const snv = await t.unitId('H30.101');
    const files = (await t.request('GET', `/api/v1/registry/files?unitId=${snv}&year=${year}`, { session: await t.login('vanthu.snv') })).json();
    expect(JSON.stringify(files)).toContain('01.CCHC');
    expect(JSON.stringify(files)).toContain('12/QĐ-SNV');
  });
});
