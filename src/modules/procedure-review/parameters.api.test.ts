import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';

// Monday 2 March 2026, 9:00 in Hà Nội.
const NOW = new Date('2026-03-02T09:00:00+07:00');
// Years the demo does not keep, so this file owns them.
const YEAR = 2031;
let t: TestApp;
const s = {} as Record<string, Session>;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  for (const u of ['admin', 'kiemtra', 'lanhdao.snv', 'chuyenvien.tanphong']) s[u] = await t.login(u);
}, 240_000);
afterAll(async () => { await t?.close(); });

const api = (method: string, url: string, who: string, body?: unknown) => t.request(method, `/api/v1/procedure-review${url}`, { session: s[who], body });
const errorCode = (res: { json(): { error?: { code: string } } }) => res.json().error?.code;

const defaults = {
  informationHours: 1, formHours: 0.5, documentHours: 0.75, certifyHours: 0.5, certifyVndPerCopy: 2000, copyVndPerCopy: 500,
  travelHours: 1.5, waitingHours: 0.25, travelVnd: 30_000, supplementHours: 1,
};
const body = { monthlyIncomeVnd: 5_400_000, workingDaysPerMonth: 22, hoursPerDay: 8, source: 'Tổng cục Thống kê, Khảo sát mức sống dân cư 2024 (thu nhập bình quân đầu người một tháng)', defaults };

describe('compliance-cost parameters', () => {
  it('are read by everyone who reads reviews; only the province-wide catalogue administrator may edit', async () => {
    expect((await api('GET', '/parameters', 'admin')).json().mayEdit).toBe(true);
    for (const who of ['kiemtra', 'lanhdao.snv', 'chuyenvien.tanphong']) {
      const res = await api('GET', '/parameters', who);
      expect(res.statusCode, who).toBe(200);
      expect(res.json().mayEdit, who).toBe(false);
    }
  });

  it('creates a year without a version, with the hourly rate it values an hour at', async () => {
    const res = await api('PUT', `/parameters/${YEAR}`, 'admin', body);
    expect(res.statusCode, res.body).toBe(200);
    // 5,400,000 / (22 × 8) = 30,681.8181… đồng an hour, shown with 2 decimals half-up.
    expect(res.json()).toEqual({ year: YEAR, ...body, hourlyRateVnd: 30_681.82, version: 1, updatedAt: NOW.toISOString() });
    const list = (await api('GET', '/parameters', 'chuyenvien.tanphong')).json();
    expect(list.items[0]).toMatchObject({ year: YEAR, version: 1 });
    const years = list.items.map((p: { year: number }) => p.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));

    const history = await t.db.selectFrom('pr_events').select(['action', 'actor_name', 'data']).where('entity', '=', 'parameters').where('entity_id', '=', YEAR).execute();
    expect(history).toMatchObject([{ action: 'parameters_saved', actor_name: 'Lò Văn Thành', data: { created: true, before: null, after: { year: YEAR, monthlyIncomeVnd: 5_400_000 } } }]);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'procedure_review_parameters').where('entity_id', '=', String(YEAR)).execute();
    expect(audit).toEqual([{ action: 'procedure_review.parameters_saved' }]);
  });

  it('changes a year only under the version read: 409 without it or with a stale one', async () => {
    const again = await api('PUT', `/parameters/${YEAR}`, 'admin', body);
    expect([again.statusCode, errorCode(again)]).toEqual([409, 'VERSION_CONFLICT']);
    const changed = await api('PUT', `/parameters/${YEAR}`, 'admin', { ...body, monthlyIncomeVnd: 6_000_000, hoursPerDay: 7, version: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    // 6,000,000 / (22 × 7) = 38,961.0389…
    expect(changed.json()).toMatchObject({ monthlyIncomeVnd: 6_000_000, hoursPerDay: 7, hourlyRateVnd: 38_961.04, version: 2 });
    const stale = await api('PUT', `/parameters/${YEAR}`, 'admin', { ...body, version: 1 });
    expect([stale.statusCode, errorCode(stale)]).toEqual([409, 'VERSION_CONFLICT']);
    // A version for a year nobody created answers the same: what the caller read is not there.
    const ghost = await api('PUT', `/parameters/${YEAR + 5}`, 'admin', { ...body, version: 1 });
    expect([ghost.statusCode, errorCode(ghost)]).toEqual([409, 'VERSION_CONFLICT']);
    const history = await t.db.selectFrom('pr_events').select('data').where('entity', '=', 'parameters').where('entity_id', '=', YEAR).orderBy('id').execute();
    expect(history).toHaveLength(2);
    expect(history[1]!.data).toMatchObject({ created: false, before: { monthlyIncomeVnd: 5_400_000, hoursPerDay: 8 }, after: { monthlyIncomeVnd: 6_000_000, hoursPerDay: 7 } });
  });

  it('refuses anyone without catalog.manage granted province-wide (403), leaving the year as it was', async () => {
    for (const who of ['lanhdao.snv', 'kiemtra', 'chuyenvien.tanphong']) {
      const res = await api('PUT', `/parameters/${YEAR}`, who, { ...body, version: 2 });
      expect([res.statusCode, errorCode(res)], who).toEqual([403, 'FORBIDDEN']);
      expect((await api('PUT', `/parameters/${YEAR + 1}`, who, body)).statusCode, who).toBe(403);
    }
    const list = (await api('GET', '/parameters', 'admin')).json();
    expect(list.items.find((p: { year: number }) => p.year === YEAR)).toMatchObject({ version: 2, monthlyIncomeVnd: 6_000_000 });
    expect(list.items.some((p: { year: number }) => p.year === YEAR + 1)).toBe(false);
  });

  it('answers 400 to bad input, naming the field', async () => {
    const bad = async (url: string, b: unknown, path: string) => {
      const res = await api('PUT', url, 'admin', b);
      expect([res.statusCode, errorCode(res)], JSON.stringify(b)).toEqual([400, 'VALIDATION_FAILED']);
      expect(JSON.stringify(res.json().error), path).toContain(path);
      return res;
    };
    const threeDecimals = await bad(`/parameters/${YEAR + 2}`, { ...body, defaults: { ...defaults, formHours: 0.125 } }, 'defaults.formHours');
    expect(threeDecimals.body).toContain('tối đa 2 chữ số thập phân');
    await bad(`/parameters/${YEAR + 2}`, { ...body, monthlyIncomeVnd: 0 }, 'monthlyIncomeVnd');
    await bad(`/parameters/${YEAR + 2}`, { ...body, monthlyIncomeVnd: 5_400_000.5 }, 'monthlyIncomeVnd');
    await bad(`/parameters/${YEAR + 2}`, { ...body, workingDaysPerMonth: 32 }, 'workingDaysPerMonth');
    await bad(`/parameters/${YEAR + 2}`, { ...body, defaults: { ...defaults, travelVnd: -1 } }, 'defaults.travelVnd');
    await bad(`/parameters/${YEAR + 2}`, { ...body, defaults: { ...defaults, waitingHours: undefined } }, 'defaults.waitingHours');
    await bad(`/parameters/${YEAR + 2}`, { ...body, rate: 1 }, 'rate');
    await bad(`/parameters/${YEAR + 2}`, { ...body, source: ' ' }, 'source');
    await bad('/parameters/1999', body, 'year');
    await bad('/parameters/hai-nghin', body, 'year');
    expect((await api('GET', '/parameters', 'admin')).json().items.some((p: { year: number }) => p.year === YEAR + 2)).toBe(false);
  });

  it('gives the other parts the year\'s rate, else the latest earlier year\'s, else none', async () => {
    const { rateFor } = t.services.procedureReview.parameters;
    const items = (await api('GET', '/parameters', 'admin')).json().items as { year: number; monthlyIncomeVnd: number }[];
    expect(await rateFor(YEAR)).toEqual({ wage: { year: YEAR, monthlyIncomeVnd: 6_000_000, workingDaysPerMonth: 22, hoursPerDay: 7, source: body.source }, defaults });
    expect((await rateFor(YEAR + 40))?.wage.year).toBe(YEAR);
    // Below this file's year: whatever the demo keeps, the latest year not after the one asked for.
    const earlier = items.filter((p) => p.year <= YEAR - 1).sort((a, b) => b.year - a.year)[0];
    expect((await rateFor(YEAR - 1))?.wage.year ?? null).toBe(earlier?.year ?? null);
    expect(await rateFor(2000)).toBe(null);
  });
});
