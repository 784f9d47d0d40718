import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFacts, createHistory, importHistory, type CountedFacts, type HistoryLine, type HistoryProcedure, type Shares } from '../../../test/support/dossier-history.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import type { ProcedureContent } from '../catalog/schema.js';
import { costSheet } from './rules/cost.js';
import { costLines, yearlyDossiers } from './rules/cost-model.js';
import { applyPlan } from './rules/plan-changes.js';
import type { CostSheet, Defaults, PlanChanges, ProcedureFacts, WageRate } from './rules/types.js';

// Monday 2 March 2026, 9:00 in Hà Nội.
const NOW = new Date('2026-03-02T09:00:00+07:00');
const PERIOD = { from: '2025-10-01', to: '2026-01-31' };
const Q = `from=${PERIOD.from}&to=${PERIOD.to}`;
const H = 3_600_000;
const D = 24 * H;

// Four ward procedures whose dossiers differ on purpose: many and smooth; few with many supplements;
// at the desk only and often late; a handful still open (no completed dossier: no lateness to rate).
const COPY = { code: '2.000635', channels: ['desk', 'post', 'online'] } as const;
const MARITAL = { code: '1.004873', channels: ['desk', 'online'] } as const;
const SIGNATURE = { code: '2.000884', channels: ['desk'] } as const;
const BIRTH = { code: '1.001193', channels: ['desk', 'online'] } as const;
const TAN_PHONG = { code: 'H30.501.01', badge: 'TP-0101' };
const DOAN_KET = { code: 'H30.502.01', badge: 'DK-0101' };
const WAGE = { monthlyIncomeVnd: 4_200_000, workingDaysPerMonth: 22, hoursPerDay: 8, source: 'Số liệu kiểm thử' };
const DEFAULTS: Defaults = {
  informationHours: 1.5, formHours: 0.5, documentHours: 1, certifyHours: 0.75, certifyVndPerCopy: 2000, copyVndPerCopy: 500,
  travelHours: 1.25, waitingHours: 0.5, travelVnd: 25_000, supplementHours: 2,
};

let t: TestApp;
const s = {} as Record<string, Session>;
const unit = {} as Record<string, number>;
let lines: HistoryLine[] = [];
let expected: CountedFacts[] = [];
const content = new Map<string, { id: number; number: number; content: ProcedureContent }>();

function generate(): HistoryLine[] {
  const h = createHistory({ seed: 2121, now: NOW });
  const out: HistoryLine[] = [];
  const within = (from: string, days: number) => Date.parse(`${from}T00:00:00+07:00`) + h.rng.int(0, days - 1) * D + (8 + h.rng.between(0, 8)) * H;
  const add = (n: number, procedure: HistoryProcedure, shares: Partial<Shares>, from = '2025-10-01', days = 120, desk = TAN_PHONG) => {
    for (let i = 0; i < n; i++) out.push(h.dossier({ receivedMs: within(from, days), procedure, desk, received: true, shares }));
  };
  add(16, COPY, { guidance: 0.05, supplement: 0.1, extension: 0.05, open: 0.05 });
  add(8, MARITAL, { guidance: 0.4, supplement: 0.8, extension: 0.1 });
  add(10, SIGNATURE, { guidance: 0.1, supplement: 0.2, extension: 0.6, open: 0 });
  add(3, BIRTH, { guidance: 0, supplement: 0, extension: 0, open: 1, withdrawn: 0 }, '2026-01-20', 10);
  // Outside the figures: another ward's desk, and before or after the period.
  add(8, SIGNATURE, {}, '2025-10-01', 120, DOAN_KET);
  add(4, MARITAL, {}, '2025-09-01', 25);
  add(4, COPY, {}, '2026-02-02', 20);
  return out;
}

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  for (const u of ['admin', 'lanhdao.tanphong', 'chuyenvien.tanphong', 'lanhdao.snv']) s[u] = await t.login(u);
  for (const c of ['H30', 'H30.501', 'H30.502', 'H30.501.02']) unit[c] = await t.unitId(c);
  lines = generate();
  await importHistory(t, s.admin!, lines);
  expected = countFacts(lines, { desks: [TAN_PHONG.code], ...PERIOD });
  for (const p of [COPY, MARITAL, SIGNATURE, BIRTH]) {
    const v = (await t.services.catalog.service.findInForce(p.code, new Date(`${PERIOD.to}T12:00:00+07:00`)))!;
    content.set(p.code, { id: v.id, number: v.number, content: v.content as ProcedureContent });
  }
  // The year's parameters (the demo may keep 2026 already: saved under the version read).
  const current = (await api('GET', '/parameters', 'admin')).json().items.find((p: { year: number }) => p.year === 2026);
  const saved = await api('PUT', '/parameters/2026', 'admin', { ...WAGE, defaults: DEFAULTS, ...(current ? { version: current.version } : {}) });
  if (saved.statusCode !== 200) throw new Error(saved.body);
}, 300_000);
afterAll(async () => { await t?.close(); });

const api = (method: string, url: string, who: string, body?: unknown) => t.request(method, `/api/v1/procedure-review${url}`, { session: s[who], body });
const wage: WageRate = { year: 2026, ...WAGE };
const factsOf = (f: CountedFacts): ProcedureFacts => ({ ...f, procedureName: content.get(f.procedureCode)!.content.name });
/** The sheet the rules give on the same inputs, computed here from the counted facts. */
const sheetFor = (f: CountedFacts, c: ProcedureContent = content.get(f.procedureCode)!.content, facts: ProcedureFacts | null = factsOf(f)): CostSheet =>
  costSheet(wage, costLines({ content: c, facts, defaults: DEFAULTS }), yearlyDossiers(facts, PERIOD));
const share = (n: number, d: number) => ({ numerator: n, denominator: d, value: d === 0 ? null : Math.round((n / d) * 10_000) / 10_000 });

function expectedRanking(sort: 'yearly' | 'perDossier' | 'supplementShare' | 'lateRate') {
  const rows = expected.map((f) => {
    const sheet = sheetFor(f);
    return {
      procedureCode: f.procedureCode, procedureName: content.get(f.procedureCode)!.content.name, fieldName: content.get(f.procedureCode)!.content.field.name,
      versionNo: content.get(f.procedureCode)!.number, dossiers: f.dossiers, perDossierVnd: sheet.perDossier.totalVnd, yearlyVnd: sheet.yearly.totalVnd,
      supplementShare: share(f.supplementDossiers, f.dossiers), lateRate: share(f.late, f.completed), onlineShare: share(f.online, f.dossiers),
    };
  });
  const key = (r: (typeof rows)[number]) => ({ yearly: r.yearlyVnd, perDossier: r.perDossierVnd, supplementShare: r.supplementShare.value, lateRate: r.lateRate.value })[sort];
  return rows.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x === y) return a.procedureCode.localeCompare(b.procedureCode);
    if (x === null) return 1;
    if (y === null) return -1;
    return y - x;
  }).map((r, i) => ({ rank: i + 1, ...r }));
}

describe('the ranking', () => {
  it('orders the subtree\'s procedures by each key, from the imported dossiers', async () => {
    expect(expected.map((f) => f.procedureCode).sort()).toEqual([COPY.code, MARITAL.code, SIGNATURE.code, BIRTH.code].sort());
    expect(expected.find((f) => f.procedureCode === BIRTH.code)!.completed).toBe(0);
    const orders = new Set<string>();
    for (const sort of ['yearly', 'perDossier', 'supplementShare', 'lateRate'] as const) {
      const res = await api('GET', `/costs?unitId=${unit['H30.501']}&${Q}&sort=${sort}`, 'lanhdao.tanphong');
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json();
      const want = expectedRanking(sort);
      expect(r.items.map(({ reviewId: _r, planCount: _p, ...i }: Record<string, unknown>) => i), sort).toEqual(want);
      expect(r).toMatchObject({ unitId: unit['H30.501'], unitName: 'Phường Tân Phong', period: PERIOD, sort, parameters: { year: 2026, hourlyRateVnd: 23_863.64, source: WAGE.source } });
      expect(r.totals).toEqual({ procedures: 4, dossiers: want.reduce((a, i) => a + i.dossiers, 0), yearlyVnd: want.reduce((a, i) => a + i.yearlyVnd, 0) });
      orders.add(want.map((i) => i.procedureCode).join());
    }
    // The keys disagree on this data, so each order above was really tested.
    expect(orders.size).toBeGreaterThanOrEqual(3);
    // No completed dossier: no lateness to rank, last whatever the others.
    expect(expectedRanking('lateRate').at(-1)!.procedureCode).toBe(BIRTH.code);
  });

  it('cuts at the limit, keeps the totals of all, and takes the caller\'s highest unit by default', async () => {
    const r = (await api('GET', `/costs?${Q}&limit=2`, 'lanhdao.tanphong')).json();
    expect(r.unitId).toBe(unit['H30.501']);
    expect(r.items.map((i: { procedureCode: string }) => i.procedureCode)).toEqual(expectedRanking('yearly').slice(0, 2).map((i) => i.procedureCode));
    expect(r.totals.procedures).toBe(4);
    const province = (await api('GET', `/costs?${Q}`, 'admin')).json();
    expect(province.unitId).toBe(unit.H30);
    // The province's figures include the other ward's dossiers.
    expect(province.totals.dossiers).toBe(countFacts(lines, { desks: [TAN_PHONG.code, DOAN_KET.code], ...PERIOD }).reduce((a, f) => a + f.dossiers, 0));
    const byDefault = (await api('GET', '/costs', 'lanhdao.tanphong')).json();
    expect(byDefault.period).toEqual({ from: '2025-03-02', to: '2026-03-01' });
  });

  it('answers 404 for a unit the caller does not read, 400 for a bad period or an unknown parameter', async () => {
    for (const [who, id] of [['lanhdao.snv', unit['H30.501']], ['lanhdao.tanphong', unit['H30.502']], ['chuyenvien.tanphong', unit['H30.502']], ['admin', 999_999]] as const) {
      expect((await api('GET', `/costs?unitId=${id}&${Q}`, who)).statusCode, who).toBe(404);
      expect((await api('GET', `/costs/${COPY.code}?unitId=${id}&${Q}`, who)).statusCode, who).toBe(404);
    }
    // A section's specialist reads the figures of the agency they work in.
    expect((await api('GET', `/costs?unitId=${unit['H30.501']}&${Q}`, 'chuyenvien.tanphong')).statusCode).toBe(200);
    expect((await api('GET', `/costs?unitId=${unit['H30.501']}&from=2026-02-01&to=2026-01-31`, 'admin')).statusCode).toBe(400);
    expect((await api('GET', `/costs?unitId=${unit['H30.501']}&${Q}&sort=cheapest`, 'admin')).statusCode).toBe(400);
  });

  it('lists the agencies the caller reads for the pickers, with what they may do there', async () => {
    const head = (await api('GET', '/units', 'lanhdao.tanphong')).json().items;
    expect(head).toContainEqual({ id: unit['H30.501'], name: 'Phường Tân Phong', code: 'H30.501', kind: 'commune', parentId: unit.H30, manage: true, approve: true });
    expect(head.map((u: { id: number }) => u.id)).not.toContain(unit['H30.502']);
    const specialist = (await api('GET', '/units', 'chuyenvien.tanphong')).json().items;
    expect(specialist).toContainEqual(expect.objectContaining({ id: unit['H30.501'], manage: true, approve: false }));
    expect(specialist.map((u: { id: number }) => u.id)).not.toContain(unit['H30.501.02']);
  });
});

describe('the cost of one procedure', () => {
  let reviewId = 0;
  const draftChanges: PlanChanges = { removeDocuments: ['Văn bản ủy quyền'], reuseDocuments: [], onlineMode: 'full', fees: [] };

  it('is the rules\' cost sheet on the same facts, with the catalogue\'s documents and fees', async () => {
    const f = expected.find((x) => x.procedureCode === COPY.code)!;
    const res = await api('GET', `/costs/${COPY.code}?unitId=${unit['H30.501']}&${Q}`, 'chuyenvien.tanphong');
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    const v = content.get(COPY.code)!;
    expect(c.sheet).toEqual(sheetFor(f));
    expect(c.sheet.perDossier.totalVnd).toBeGreaterThan(0);
    expect(c).toMatchObject({
      procedureCode: COPY.code, procedureName: v.content.name, version: { id: v.id, number: v.number, effectiveFrom: '2025-07-01' },
      unitId: unit['H30.501'], unitName: 'Phường Tân Phong', period: PERIOD, facts: factsOf(f),
      supplementShare: share(f.supplementDossiers, f.dossiers), lateRate: share(f.late, f.completed), onlineShare: share(f.online, f.dossiers),
      timeLimit: { amount: v.content.channels.find((ch) => ch.kind === 'desk')!.time.amount, unit: v.content.channels.find((ch) => ch.kind === 'desk')!.time.unit },
      onlineMode: v.content.onlineMode, reviews: [], plans: [],
    });
    expect(c.documents).toEqual(v.content.documents.map((d) => ({ name: d.name, optional: d.optional, reusable: d.reusableFromNationalDb, certifiedCopies: d.certifiedCopies, copies: d.copies, form: !!d.formTemplate })));
    expect(c.documents.filter((d: { form: boolean }) => d.form)).toHaveLength(1);
    expect(c.fees).toEqual([{ name: 'Phí cấp bản sao trích lục hộ tịch', amountVnd: 8000 }]);
  });

  it('does not take the reviewer\'s estimates here (400), and answers 404 for a procedure with no version in force', async () => {
    const estimates = encodeURIComponent(JSON.stringify({ 'information': { hours: 3 } }));
    expect((await api('GET', `/costs/${COPY.code}?unitId=${unit['H30.501']}&${Q}&estimates=${estimates}`, 'admin')).statusCode).toBe(400);
    expect((await api('GET', `/costs?unitId=${unit['H30.501']}&${Q}&estimates=${estimates}`, 'admin')).statusCode).toBe(400);
    const none = await api('GET', `/costs/9.999999?unitId=${unit['H30.501']}&${Q}`, 'admin');
    expect(none.statusCode).toBe(404);
    expect(none.body).toContain('không có phiên bản hiệu lực');
  });

  it('links the agency\'s review of the year and its plans that are not rejected', async () => {
    const v = content.get(COPY.code)!;
    const review = (agency: number, year: number) => t.db.insertInto('pr_reviews').values({ agency_unit_id: agency, year, procedure_code: COPY.code, procedure_name: v.content.name, version_id: v.id, version_no: v.number })
      .returning('id').executeTakeFirstOrThrow();
    reviewId = (await review(unit['H30.501']!, 2026)).id;
    const lastYear = (await review(unit['H30.501']!, 2025)).id;
    await review(unit['H30.502']!, 2026);
    const plan = (status: 'draft' | 'approved' | 'rejected', changes: PlanChanges, snapshots?: [number, number]) => t.db.insertInto('pr_plans').values({
      agency_unit_id: unit['H30.501']!, year: 2026, procedure_code: COPY.code, procedure_name: v.content.name, base_version_id: v.id, base_version_no: v.number,
      review_id: reviewId, title: `Phương án ${status}`, changes: JSON.stringify(changes), status,
      ...(snapshots ? { before_snapshot: JSON.stringify({ yearly: { totalVnd: snapshots[0] } }), after_snapshot: JSON.stringify({ yearly: { totalVnd: snapshots[1] } }) } : {}),
    }).returning('id').executeTakeFirstOrThrow();
    const approved = (await plan('approved', draftChanges, [1_000_000, 400_000])).id;
    const draft = (await plan('draft', draftChanges)).id;
    await plan('rejected', draftChanges);

    const ranking = (await api('GET', `/costs?unitId=${unit['H30.501']}&${Q}`, 'lanhdao.tanphong')).json();
    const row = (code: string) => ranking.items.find((i: { procedureCode: string }) => i.procedureCode === code);
    expect(row(COPY.code)).toMatchObject({ reviewId, planCount: 2 });
    expect(row(MARITAL.code)).toMatchObject({ reviewId: null, planCount: 0 });

    const f = expected.find((x) => x.procedureCode === COPY.code)!;
    const after = applyPlan(v.content, factsOf(f), draftChanges);
    const live = sheetFor(f).yearly.totalVnd - sheetFor(f, after.content, after.facts).yearly.totalVnd;
    expect(live).toBeGreaterThan(0);
    const c = (await api('GET', `/costs/${COPY.code}?unitId=${unit['H30.501']}&${Q}`, 'lanhdao.tanphong')).json();
    expect(c.reviews).toEqual([
      { id: reviewId, agencyUnitName: 'Phường Tân Phong', year: 2026, status: 'draft' },
      { id: lastYear, agencyUnitName: 'Phường Tân Phong', year: 2025, status: 'draft' },
    ]);
    expect(c.plans).toEqual([
      { id: draft, title: 'Phương án draft', status: 'draft', savingVnd: live },
      { id: approved, title: 'Phương án approved', status: 'approved', savingVnd: 600_000 },
    ]);
  });

  it('costs nothing without parameters for the year or an earlier one, and says so', async () => {
    await t.db.deleteFrom('pr_parameters').execute();
    const r = (await api('GET', `/costs?unitId=${unit['H30.501']}&${Q}`, 'admin')).json();
    expect(r.parameters).toBe(null);
    expect(r.items).toHaveLength(4);
    for (const i of r.items) expect([i.perDossierVnd, i.yearlyVnd]).toEqual([0, 0]);
    const f = expected.find((x) => x.procedureCode === SIGNATURE.code)!;
    const c = (await api('GET', `/costs/${SIGNATURE.code}?unitId=${unit['H30.501']}&${Q}`, 'admin')).json();
    expect(c.parameters).toBe(null);
    expect(c.sheet.yearly.totalVnd).toBe(0);
    expect(c.sheet.yearlyDossiers).toBe(yearlyDossiers(factsOf(f), PERIOD));
    expect(c.facts).toEqual(factsOf(f));
  });
});
