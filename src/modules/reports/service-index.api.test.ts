import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { demoAccountStaff, demoProcedures, demoUnits } from '../dossiers/import/generator/demo-data.js';
import { generateDossiers } from '../dossiers/import/generator/index.js';

// The service index (docs/reports.md "Chỉ số phục vụ") over imported histories, checked against a plain
// count over the same events written here, with the clock pinned at Monday 11/05/2026 10:00 (+07:00).
const NOW = new Date('2026-05-11T10:00:00+07:00');
let t: TestApp;
const s = {} as Record<string, Session>;
const demo = JSON.parse(readFileSync(new URL('../../../demo/service-index/qd766-tinh.json', import.meta.url), 'utf8')) as { effectiveFrom: string; groups: { indicators: { code: string; measure: string; max: number; scoring: { kind: string; threshold?: number; below?: number; target?: number } }[] }[] };

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  for (const u of ['admin', 'kiemtra', 'lanhdao.tanphong', 'chuyenvien.tanphong']) s[u] = await t.login(u);
  const accounts = demoAccountStaff();
  const lines = [...generateDossiers({
    procedures: demoProcedures('2026-01-05'), units: demoUnits(), staff: accounts, accounts,
    calc: await t.services.calendar.deadlines.calculator(), from: new Date('2026-01-05T00:00:00+07:00'), to: new Date('2026-04-30T17:00:00+07:00'),
    now: new Date('2026-05-08T17:00:00+07:00'), count: 400, seed: 766,
  })];
  const boundary = '----motcua-index';
  for (let i = 0; i < lines.length; i += 100) {
    const part = lines.slice(i, i + 100);
    const body = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ho-so.ndjson"\r\nContent-Type: application/x-ndjson\r\n\r\n${part.map((l) => JSON.stringify(l)).join('\n')}\r\n--${boundary}--\r\n`);
    const res = await t.request('POST', '/api/v1/admin/import/dossiers', { session: s.admin, body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(res.statusCode, res.body).toBe(200);
  }
  // Ratings (the satisfaction module's table, as its three channels write it): every third received
  // dossier rated, a day after its completion or reception, one level in three "not satisfied".
  const ds = await t.db.selectFrom('dossiers').select(['code', 'receiving_unit_id', 'procedure_code', 'procedure_name', 'received_at', 'completed_at']).where('received_at', 'is not', null).orderBy('id').execute();
  const levels = ['very_satisfied', 'satisfied', 'not_satisfied'] as const;
  const rated = ds.filter((_d, i) => i % 3 === 0).map((d, i) => ({
    dossier_code: d.code, channel: 'kiosk' as const, citizen_id: null, unit_id: d.receiving_unit_id, procedure_code: d.procedure_code, procedure_name: d.procedure_name,
    official_staff_id: null, official_name: null, recorded_by_staff_id: null, level: levels[i % 3]!, comment: null,
    rated_at: new Date(new Date(d.completed_at ?? d.received_at!).getTime() + 86_400_000),
  })).filter((r) => r.rated_at < NOW);
  await t.db.insertInto('dossier_ratings').values(rated).execute();
}, 240_000);
afterAll(async () => { await t?.close(); });

// ---- the oracle: plain counts over the dossiers, their events and the ratings ----

type D = { code: string; unitId: number; channel: string; procedure: string; digitised: boolean; resultDigitised: boolean; events: { type: string; at: Date; payload: Record<string, unknown> }[] };

async function load() {
  const ds = await t.db.selectFrom('dossiers').select(['id', 'code', 'channel', 'receiving_unit_id', 'competent_unit_id', 'procedure_code', 'digitised', 'result_digitised']).execute();
  const evs = await t.db.selectFrom('dossier_events').select(['dossier_id', 'type', 'at', 'payload']).orderBy('dossier_id').orderBy('seq').execute();
  const byId = new Map<string, D>(ds.map((d) => [String(d.id), { code: d.code, unitId: d.competent_unit_id ?? d.receiving_unit_id, channel: d.channel, procedure: d.procedure_code, digitised: d.digitised, resultDigitised: d.result_digitised, events: [] }]));
  for (const e of evs) byId.get(String(e.dossier_id))!.events.push({ type: e.type, at: new Date(e.at), payload: e.payload as Record<string, unknown> });
  const ratings = await t.db.selectFrom('dossier_ratings').select(['dossier_code', 'level', 'rated_at']).execute();
  return { ds: [...byId.values()], ratings };
}

const vnDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Whether a dossier is handled early/on time (or within its deadline at the end), as docs/reports.md words II.06a. */
function good(d: D, end: Date): boolean {
  const rec = d.events.find((e) => e.type === 'received')!;
  const dues = [{ from: new Date(rec.payload.receivedAt as string), due: new Date(rec.payload.dueAt as string) }];
  for (const e of d.events) if (e.type === 'supplement_received' || e.type === 'extended') dues.push({ from: e.at, due: new Date(e.payload.newDueAt as string) });
  const pauseStart = d.events.find((e) => e.type === 'supplement_requested')?.at;
  const pauseEnd = d.events.find((e) => e.type === 'supplement_received')?.at;
  const done = d.events.find((e) => ['result_recorded', 'stopped', 'withdrawn'].includes(e.type));
  if (done && done.at < end) {
    if (done.type === 'withdrawn') return true;
    const paused = !!pauseStart && pauseStart <= done.at && (!pauseEnd || pauseEnd > done.at);
    const judged = paused ? pauseStart! : done.at;
    const due = dues.filter((v) => v.from <= done.at).at(-1)!.due;
    return judged <= due;
  }
  const paused = !!pauseStart && pauseStart < end && (!pauseEnd || pauseEnd >= end);
  if (paused) return !(pauseStart! > dues.filter((v) => v.from <= pauseStart!).at(-1)!.due);
  return !(dues.filter((v) => v.from < end).at(-1)!.due < end);
}

function expected(ds: D[], ratings: { dossier_code: string; level: string; rated_at: Date }[], inScope: (unitId: number) => boolean, start: Date, end: Date) {
  const mine = ds.filter((d) => inScope(d.unitId));
  const receivedAt = (d: D) => { const r = d.events.find((e) => e.type === 'received'); return r ? new Date(r.payload.receivedAt as string) : null; };
  const doneAt = (d: D) => d.events.find((e) => ['result_recorded', 'stopped', 'withdrawn'].includes(e.type))?.at ?? null;
  const inReport = mine.filter((d) => { const r = receivedAt(d); const c = doneAt(d); return r && r < end && (!c || c >= start); });
  const receivedIn = mine.filter((d) => { const r = receivedAt(d); return r && r >= start && r < end; });
  const fee = receivedIn.filter((d) => d.events.some((e) => e.type === 'payment_requested'));
  const paid = (d: D) => d.events.some((e) => e.type === 'payment_confirmed' && e.payload.method === 'online' && Number(e.payload.amount) > 0);
  const results = mine.filter((d) => d.events.some((e) => e.type === 'result_recorded' && e.at >= start && e.at < end));
  const codes = new Map(mine.map((d) => [d.code, d]));
  const given = ratings.filter((r) => r.rated_at >= start && r.rated_at < end && codes.has(r.dossier_code));
  const procs = demoProcedures(vnDay(new Date(end.getTime() - 1)));
  const online = new Set(procs.filter((p) => p.onlineMode !== 'none').map((p) => p.code));
  const uniq = (xs: string[]) => new Set(xs).size;
  return new Map<string, [number, number]>([
    ['on_time_rate', [inReport.filter((d) => good(d, end)).length, inReport.length]],
    ['online_submission_rate', [receivedIn.filter((d) => d.channel === 'online').length, receivedIn.length]],
    ['digitised_rate', [receivedIn.filter((d) => d.digitised).length, receivedIn.length]],
    ['paid_online_rate', [fee.filter(paid).length, fee.length]],
    ['fee_procedures_paid_online_rate', [uniq(fee.filter(paid).map((d) => d.procedure)), uniq(fee.map((d) => d.procedure))]],
    ['result_digitised_rate', [results.filter((d) => d.resultDigitised).length, results.length]],
    ['online_procedures_rate', [online.size, procs.length]],
    ['online_services_used_rate', [uniq(receivedIn.filter((d) => d.channel === 'online' && online.has(d.procedure)).map((d) => d.procedure)), online.size]],
    ['satisfaction_rate', [given.filter((r) => r.level !== 'not_satisfied').length, given.length]],
  ]);
}

/** Points as the demo definition words each rule, computed here on their own. */
function points(ind: { max: number; scoring: { kind: string; threshold?: number; below?: number; target?: number } }, ratio: number | null): number {
  if (ratio === null) return 0;
  const p = ind.scoring.kind === 'ratio' ? ratio * ind.max : ind.scoring.kind === 'step' ? (ratio >= ind.scoring.threshold! ? ind.max : ind.scoring.below!) : ratio >= ind.scoring.target! ? ind.max : (ratio / ind.scoring.target!) * ind.max;
  return Math.round(p * 100) / 100;
}

const PERIODS: [string, string][] = [['2025-12-15', '2026-03-14'], ['2026-03-15', '2026-04-14'], ['2026-02-01', '2026-05-11']];

async function index(q: string, session = s.kiemtra) {
  const res = await t.request('GET', `/api/v1/reports/service-index?${q}`, { session });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('service index (Decision 766) from imported histories', () => {
  it('each indicator equals a plain count over the events, per period and unit subtree, with its points', async () => {
    const { ds, ratings } = await load();
    const units = await t.services.org.allUnits();
    const parent = new Map(units.map((u) => [u.id, u.parentId]));
    const under = (root: number) => (id: number) => { for (let u: number | null = id; u !== null; u = parent.get(u) ?? null) if (u === root) return true; return false; };
    let nonZero = 0;
    for (const [from, to] of PERIODS) {
      const start = new Date(`${from}T00:00:00+07:00`);
      const end = new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000);
      for (const code of ['H30', 'H30.501']) {
        const root = units.find((u) => u.code === code)!;
        const body = await index(`from=${from}&to=${to}&unit=${code}`);
        const want = expected(ds, ratings, under(root.id), start, end);
        let total = 0;
        for (const g of body.groups) {
          for (const i of g.indicators) {
            const def = demo.groups.flatMap((x) => x.indicators).find((x) => x.code === i.code)!;
            const w = want.get(def.measure);
            if (def.measure === 'feedback_on_time_rate') continue; // checked below against the feedback module's own figures
            if (!w) {
              expect(i, `${i.code} has no source`).toMatchObject({ value: null, points: 0, note: 'Chưa có dữ liệu' });
              continue;
            }
            const ratio = w[1] ? w[0] / w[1] : null;
            expect({ code: i.code, numerator: i.numerator, denominator: i.denominator, value: i.value, points: i.points }, `${from}..${to} ${code}`).toEqual({
              code: i.code, numerator: w[0], denominator: w[1], value: ratio === null ? null : Math.round(ratio * 10_000) / 100, points: points(def, ratio),
            });
            if (w[0] > 0) nonZero++;
          }
          expect(g.points).toBeCloseTo(g.indicators.reduce((a: number, i: { points: number }) => a + i.points, 0), 2);
          total += g.points;
        }
        expect(body.total).toBeCloseTo(total, 2);
        expect(body.max).toBe(100);
      }
    }
    // Nothing is checked against figures that stay at zero.
    expect(nonZero).toBeGreaterThan(20);
  }, 120_000);

  it('lists the dossiers behind an indicator: as many as its denominator, the counted ones its numerator', async () => {
    const q = 'from=2025-12-15&to=2026-03-14&unit=H30';
    const body = await index(q);
    for (const code of ['2.1', '3.3', '4.3']) {
      const ind = body.groups.flatMap((g: { indicators: unknown[] }) => g.indicators).find((i: { code: string }) => i.code === code) as { numerator: number; denominator: number };
      const all = (await t.request('GET', `/api/v1/reports/service-index/dossiers?${q}&indicator=${code}&limit=200`, { session: s.kiemtra })).json();
      expect(all.total, code).toBe(ind.denominator);
      const counted = (await t.request('GET', `/api/v1/reports/service-index/dossiers?${q}&indicator=${code}&counted=true&limit=1`, { session: s.kiemtra })).json();
      expect(counted.total, code).toBe(ind.numerator);
      expect(all.items.length).toBe(Math.min(200, ind.denominator));
    }
    const none = await t.request('GET', `/api/v1/reports/service-index/dossiers?${q}&indicator=1.1`, { session: s.kiemtra });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('SERVICE_INDEX_NOT_DOSSIERS');
    expect((await t.request('GET', `/api/v1/reports/service-index/dossiers?${q}&indicator=9.9`, { session: s.kiemtra })).statusCode).toBe(404);
  });

  it('feedback answered on time comes from the feedback module', async () => {
    const body = await index('from=2025-12-15&to=2026-06-14&unit=H30');
    const st = await t.services.feedback.stats({ from: '2025-12-15', to: '2026-06-14' });
    const ind = body.groups.flatMap((g: { indicators: unknown[] }) => g.indicators).find((i: { code: string }) => i.code === '4.1');
    expect(ind).toMatchObject({ numerator: st.units.reduce((a, u) => a + u.answeredOnTime, 0), denominator: st.units.reduce((a, u) => a + u.received, 0) });
  });

  it('II.06a satisfaction rate: ratings given in the period of the row\'s dossiers', async () => {
    const { ds, ratings } = await load();
    const res = await t.request('GET', '/api/v1/reports/ii06a?from=2025-12-15&to=2026-03-14&unit=H30&groupBy=procedure', { session: s.kiemtra });
    const body = res.json();
    const start = new Date('2025-12-15T00:00:00+07:00');
    const end = new Date('2026-03-15T00:00:00+07:00');
    const byCode = new Map(ds.map((d) => [d.code, d]));
    const per = new Map<string, [number, number]>();
    for (const r of ratings) {
      if (r.rated_at < start || r.rated_at >= end) continue;
      const p = byCode.get(r.dossier_code)!.procedure;
      const v = per.get(p) ?? [0, 0];
      per.set(p, [v[0] + (r.level === 'not_satisfied' ? 0 : 1), v[1] + 1]);
    }
    expect(per.size).toBeGreaterThan(0);
    for (const row of body.rows) {
      const v = per.get(row.key);
      expect(row.satisfactionRate, row.key).toBe(v ? Math.round((v[0] / v[1]) * 10_000) / 100 : null);
    }
    const all = [...per.values()].reduce((a, v) => [a[0] + v[0], a[1] + v[1]], [0, 0]);
    expect(body.totals.satisfactionRate).toBe(Math.round((all[0] / all[1]) * 10_000) / 100);
  });
});

describe('service index: its read model', () => {
  it('rebuilt from the events and the dossiers, it holds the same rows as written live', async () => {
    const before = await t.db.selectFrom('report_index_facts').selectAll().orderBy('dossier_id').execute();
    expect(before.some((r) => r.fee_charged) && before.some((r) => r.paid_online)).toBe(true);
    await t.db.deleteFrom('report_index_facts').execute();
    await t.services.reports.rebuild();
    expect(await t.db.selectFrom('report_index_facts').selectAll().orderBy('dossier_id').execute()).toEqual(before);
  });
});

describe('service index: versions by effective date', () => {
  const def = () => { const { effectiveFrom: _e, ...d } = structuredClone(demo) as unknown as { effectiveFrom: string; groups: { indicators: { code: string; scoring: unknown }[] }[] }; return d; };

  it('a new version applies to periods ending on or after its date; the old one before', async () => {
    const d = def();
    d.groups[1]!.indicators[0]!.scoring = { kind: 'target', target: 0.5 };
    (d as unknown as { label: string }).label = 'Thử nghiệm 2026';
    const put = await t.request('PUT', '/api/v1/reports/service-index/versions/2026-04-01', { session: s.admin, body: { revision: null, definition: d } });
    expect(put.statusCode, put.body).toBe(200);
    const before = await index('from=2025-12-15&to=2026-03-31&unit=H30');
    const after = await index('from=2025-12-15&to=2026-04-01&unit=H30');
    expect(before.version.effectiveFrom).toBe('2022-06-23');
    expect(after.version).toMatchObject({ effectiveFrom: '2026-04-01', label: 'Thử nghiệm 2026' });
    const ind = after.groups[1].indicators[0];
    expect(ind.points).toBe(points({ max: 20, scoring: { kind: 'target', target: 0.5 } }, ind.numerator / ind.denominator));
    // Replacing it needs the revision replaced: a stale one is refused.
    expect((await t.request('PUT', '/api/v1/reports/service-index/versions/2026-04-01', { session: s.admin, body: { revision: null, definition: d } })).statusCode).toBe(409);
    expect((await t.request('PUT', '/api/v1/reports/service-index/versions/2026-04-01', { session: s.admin, body: { revision: 1, definition: d } })).json().revision).toBe(2);
    const list = (await t.request('GET', '/api/v1/reports/service-index/versions', { session: s.kiemtra })).json();
    expect(list.items.map((v: { effectiveFrom: string; inForce: boolean }) => [v.effectiveFrom, v.inForce])).toEqual([['2022-06-23', false], ['2026-04-01', true]]);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', '2026-04-01').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['report.index_version_added', 'report.index_version_replaced']);
  });

  it('refuses an invalid definition with Vietnamese messages, and anyone but a province administrator', async () => {
    const d = def();
    (d.groups[0] as unknown as { max: number }).max = 10;
    const bad = await t.request('PUT', '/api/v1/reports/service-index/versions/2027-01-01', { session: s.admin, body: { revision: null, definition: d } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('điểm tối đa 10 khác tổng điểm các chỉ tiêu');
    expect((await t.request('PUT', '/api/v1/reports/service-index/versions/2027-01-01', { session: s['lanhdao.tanphong'], body: { revision: null, definition: def() } })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/reports/service-index?from=2026-01-01&to=2026-01-31', { session: s['chuyenvien.tanphong'] })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/reports/service-index?from=2026-01-01&to=2026-01-31&unit=H30', { session: s['lanhdao.tanphong'] })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/v1/reports/service-index?from=2021-01-01&to=2021-01-31', { session: s.kiemtra })).json().error.code).toBe('SERVICE_INDEX_NO_VERSION');
  });
});

// ---- the dashboards over the same histories (issue 13 item 4; dashboard.service.ts) ----

describe('dashboards: the leaders’ one and the public one', () => {
  const Q = 'from=2025-12-15&to=2026-06-14'; // the first six months, not over: counted up to now
  const monthOf = (d: Date) => vnDay(d).slice(0, 7);

  it('agrees with form II.06a, counts each month from the events, and ranks the units below', async () => {
    const dash = (await t.request('GET', `/api/v1/reports/dashboard?${Q}`, { session: s.kiemtra })).json();
    const form = (await t.request('GET', `/api/v1/reports/ii06a?${Q}`, { session: s.kiemtra })).json();
    expect(dash.unit.code).toBe(form.unit.code);
    expect(dash.totals).toMatchObject({
      received: form.totals.received.total, online: form.totals.received.online, completed: form.totals.completed.total,
      late: form.totals.completed.late, overdue: form.totals.inProgress.overdue, awaitingSupplement: form.totals.awaitingSupplement,
    });
    expect(dash.totals.received).toBeGreaterThan(100);
    expect(dash.rates.satisfaction.value).toBe(form.totals.satisfactionRate);

    // The trend, month by month, against a plain count over the events.
    const { ds } = await load();
    const start = new Date('2025-12-15T00:00:00+07:00');
    const received = new Map<string, number>();
    const completed = new Map<string, number>();
    for (const d of ds) {
      const r = d.events.find((e) => e.type === 'received');
      if (!r) continue;
      const at = new Date(r.payload.receivedAt as string);
      if (at >= start && at < NOW) received.set(monthOf(at), (received.get(monthOf(at)) ?? 0) + 1);
      const done = d.events.find((e) => ['result_recorded', 'stopped', 'withdrawn'].includes(e.type));
      if (done && done.at >= start && done.at < NOW) completed.set(monthOf(done.at), (completed.get(monthOf(done.at)) ?? 0) + 1);
    }
    expect(dash.trend.map((p: { month: string }) => p.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    for (const p of dash.trend) {
      expect([p.month, p.received]).toEqual([p.month, received.get(p.month) ?? 0]);
      expect([p.month, p.completed]).toEqual([p.month, completed.get(p.month) ?? 0]);
    }
    const sum = (k: string) => dash.trend.reduce((a: number, p: Record<string, number>) => a + p[k]!, 0);
    expect(sum('late')).toBe(form.totals.completed.late);
    expect(sum('online')).toBe(form.totals.received.online);

    // The ranking: one row per row of the form, best on-time rate first, the rank a 1-based position.
    expect(dash.units).toHaveLength(form.rows.length);
    const rated = dash.units.filter((u: { rank: number | null }) => u.rank !== null);
    for (let i = 1; i < rated.length; i++) expect(rated[i].onTime.value).toBeLessThanOrEqual(rated[i - 1].onTime.value);
    expect(rated[0].rank).toBe(1);
    for (const u of dash.units) {
      const row = form.rows.find((r: { key: string }) => r.key === u.code);
      expect(u.overdue).toBe(row.inProgress.overdue);
      expect(u.onTime.numerator).toBe(row.completed.early + row.completed.onTime + row.inProgress.withinDeadline);
      expect(u.onTime.denominator).toBe(row.received.total);
    }
    // The rates are shares of what they count.
    expect(dash.rates.online.denominator).toBe(dash.totals.receivedInPeriod);
    expect(dash.rates.onTime.denominator).toBe(dash.totals.received);
  });

  it('a commune head sees their commune by default, not the province; input errors are 400 in Vietnamese', async () => {
    const mine = await t.request('GET', `/api/v1/reports/dashboard?${Q}`, { session: s['lanhdao.tanphong'] });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().unit).toMatchObject({ code: 'H30.501', parentCode: null }); // no way up to the province's figures
    const fromProvince = (await t.request('GET', `/api/v1/reports/dashboard?${Q}&unit=H30.501`, { session: s.kiemtra })).json();
    expect(fromProvince.unit.parentCode).toBe('H30');
    expect((await t.request('GET', `/api/v1/reports/dashboard?${Q}&unit=H30`, { session: s['lanhdao.tanphong'] })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/v1/reports/dashboard?${Q}`, { session: s['chuyenvien.tanphong'] })).statusCode).toBe(403);
    expect((await t.request('GET', `/api/v1/reports/dashboard?${Q}`)).statusCode).toBe(401);
    const reversed = await t.request('GET', '/api/v1/reports/dashboard?from=2026-05-01&to=2026-04-01', { session: s.kiemtra });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.message).toContain('Ngày bắt đầu');
    expect((await t.request('GET', '/api/v1/reports/dashboard?from=2026-13-01&to=2026-04-01', { session: s.kiemtra })).statusCode).toBe(400);
  });

  it('publishes the statutory year’s figures to anyone, the same counts and no dossier', async () => {
    const pub = await t.request('GET', '/api/v1/public/statistics');
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.headers['cache-control']).toContain('max-age');
    const body = pub.json();
    expect(body.period).toMatchObject({ code: '2026-Y', from: '2025-12-15', to: '2026-12-14' });
    const staff = (await t.request('GET', '/api/v1/reports/dashboard?from=2025-12-15&to=2026-12-14', { session: s.kiemtra })).json();
    expect(body.totals).toEqual(staff.totals);
    expect(body.units.map((u: { code: string; rank: number | null }) => [u.code, u.rank])).toEqual(staff.units.map((u: { code: string; rank: number | null }) => [u.code, u.rank]));
    const codes = (await t.db.selectFrom('dossiers').select('code').limit(50).execute()).map((d) => d.code);
    for (const c of codes) expect(pub.body).not.toContain(c);
    const ward = (await t.request('GET', '/api/v1/public/statistics?unit=H30.501&year=2026')).json();
    expect(ward.unit).toMatchObject({ code: 'H30.501', parentCode: 'H30' });
    expect(ward.totals.received).toBeLessThan(body.totals.received);
    expect((await t.request('GET', '/api/v1/public/statistics?unit=H99')).statusCode).toBe(404);
    const bad = await t.request('GET', '/api/v1/public/statistics?year=hai-nghin');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('Năm phải là số');
  });
});
