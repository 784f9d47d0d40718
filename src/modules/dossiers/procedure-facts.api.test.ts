import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFacts, createHistory, importHistory, type HistoryLine } from '../../../test/support/dossier-history.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { procedureFacts } from './procedure-facts.js';

// Monday 2 March 2026, 9:00 in Hà Nội: the history ends before it.
const NOW = new Date('2026-03-02T09:00:00+07:00');
const PERIOD = { from: '2025-10-01', to: '2026-01-31' };
const DAYS = 123; // 1 October 2025 – 31 January 2026, both included
const H = 3_600_000;
const D = 24 * H;

// Three demo procedures of a ward: one offered at the desk, by post and online; one at the desk and
// online whose second version took effect on 1 January 2026; one at the desk only.
const COPY = { code: '2.000635', channels: ['desk', 'post', 'online'] } as const;
const MARITAL = { code: '1.004873', channels: ['desk', 'online'] } as const;
const SIGNATURE = { code: '2.000884', channels: ['desk'] } as const;
const TAN_PHONG = { code: 'H30.501.01', badge: 'TP-0101' };
const DOAN_KET = { code: 'H30.502.01', badge: 'DK-0101' };

let t: TestApp;
let admin: Session;
let lines: HistoryLine[] = [];
let tanPhong = 0;
let tanPhongUnits: number[] = [];

/** ~100 dossiers over five months around the period, most at Tân Phong, some at Đoàn Kết (outside its subtree). */
function generate(): HistoryLine[] {
  const h = createHistory({ seed: 21, now: NOW });
  const out: HistoryLine[] = [];
  const start = Date.parse('2025-09-10T00:00:00+07:00');
  const end = Date.parse('2026-02-25T00:00:00+07:00');
  for (let i = 0; i < 96; i++) {
    const day = start + h.rng.int(0, Math.floor((end - start) / D)) * D;
    const receivedMs = day + (7.5 + h.rng.between(0, 9)) * H;
    const procedure = h.rng.weighted([COPY, MARITAL, SIGNATURE], (p) => (p === SIGNATURE ? 1 : 2));
    out.push(h.dossier({ receivedMs, procedure, desk: h.rng.chance(0.8) ? TAN_PHONG : DOAN_KET }));
  }
  // The period's edges in Vietnamese time: five minutes either side of midnight (17:00 UTC).
  for (const at of ['2025-09-30T23:55:00+07:00', '2025-10-01T00:05:00+07:00', '2026-01-31T23:55:00+07:00', '2026-02-01T00:05:00+07:00']) {
    out.push(h.dossier({ receivedMs: Date.parse(at), procedure: COPY, desk: TAN_PHONG, channel: 'desk', received: true, shares: { guidance: 0 } }));
  }
  // Supplements asked twice (at reception, then in processing), late and extended, on every channel.
  for (const channel of ['desk', 'post', 'online'] as const) {
    out.push(h.dossier({ receivedMs: Date.parse('2025-11-12T09:30:00+07:00'), procedure: COPY, desk: TAN_PHONG, channel, received: true, shares: { guidance: 1, supplement: 1, extension: 1, open: 0, withdrawn: 0, returned: 1 } }));
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  admin = await t.login('admin');
  tanPhong = await t.unitId('H30.501');
  tanPhongUnits = (await t.services.org.subtrees([tanPhong])).get(tanPhong)!;
  lines = generate();
}, 240_000);
afterAll(async () => { await t?.close(); });

const facts = (input: Partial<Parameters<typeof procedureFacts>[1]> = {}) => procedureFacts(t.db, { unitIds: tanPhongUnits, ...PERIOD, ...input });

describe('facts of imported dossier histories', () => {
  it('starts from no dossier of the ward, and imports the history through the import route', async () => {
    expect(await facts()).toEqual([]);
    const kinds = new Set(lines.flatMap((l) => l.events.map((e) => e.type)));
    for (const k of ['submitted', 'reception_supplement_requested', 'refused', 'received', 'transferred', 'supplement_requested', 'supplement_received', 'extended', 'withdrawn', 'result_recorded', 'result_returned']) {
      expect(kinds, k).toContain(k);
    }
    const res = await importHistory(t, admin, lines);
    expect(res.imported).toBe(lines.length);
  });

  it('counts volumes, channels, supplements, lateness and results as the history shows them', async () => {
    const expected = countFacts(lines, { desks: [TAN_PHONG.code], ...PERIOD });
    // The generated history is varied enough for the comparison to mean something.
    const sum = (k: keyof (typeof expected)[number]) => expected.reduce((s, f) => s + (f[k] as number), 0);
    expect(expected.map((f) => f.procedureCode)).toEqual([MARITAL.code, COPY.code, SIGNATURE.code].sort());
    expect(sum('dossiers')).toBeGreaterThan(40);
    for (const k of ['online', 'post', 'desk', 'supplementDossiers', 'supplementTrips', 'supplementOnline', 'completed', 'late', 'resultsReturned', 'resultsAtDesk'] as const) expect(sum(k), k).toBeGreaterThan(0);
    expect(sum('supplementTrips') + sum('supplementOnline')).toBeGreaterThan(sum('supplementDossiers'));
    expect(sum('late')).toBeLessThan(sum('completed'));

    const got = await facts();
    expect(got.map(({ procedureName: _n, ...f }) => f)).toEqual(expected);
    const names = new Map((await t.db.selectFrom('dossiers').select(['procedure_code', 'procedure_name']).distinct().execute()).map((r) => [r.procedure_code, r.procedure_name]));
    for (const f of got) expect(f.procedureName).toBe(names.get(f.procedureCode));
  });

  it('keeps the period in Vietnamese days and the units to the subtree asked for', async () => {
    const edges = lines.slice(-7, -3).map((l) => l.code);
    const inPeriod = await t.db.selectFrom('dossiers').select('code').where('code', 'in', edges).where('received_at', '>=', new Date('2025-10-01T00:00:00+07:00'))
      .where('received_at', '<', new Date('2026-02-01T00:00:00+07:00')).execute();
    expect(inPeriod.map((r) => r.code).sort()).toEqual([edges[1], edges[2]].sort());

    const oneDay = { from: '2026-01-31', to: '2026-01-31' };
    expect(await facts(oneDay)).toEqual(expect.arrayContaining([expect.objectContaining(countFacts(lines, { desks: [TAN_PHONG.code], ...oneDay }).find((f) => f.procedureCode === COPY.code))]));

    const doanKet = await t.unitId('H30.502');
    const both = (await t.services.org.subtrees([tanPhong, doanKet]));
    const units = [...both.get(tanPhong)!, ...both.get(doanKet)!];
    expect((await procedureFacts(t.db, { unitIds: units, ...PERIOD })).map(({ procedureName: _n, ...f }) => f))
      .toEqual(countFacts(lines, { desks: [TAN_PHONG.code, DOAN_KET.code], ...PERIOD }));
    expect(await procedureFacts(t.db, { unitIds: [], ...PERIOD })).toEqual([]);
  });

  it('narrows to procedures and to the catalogue versions the dossiers were received under', async () => {
    expect((await facts({ procedureCodes: [SIGNATURE.code] })).map(({ procedureName: _n, ...f }) => f))
      .toEqual(countFacts(lines, { desks: [TAN_PHONG.code], ...PERIOD }).filter((f) => f.procedureCode === SIGNATURE.code));
    const v2 = await t.services.catalog.service.findInForce(MARITAL.code, new Date('2026-01-15T12:00:00+07:00'));
    const v1 = await t.services.catalog.service.findInForce(MARITAL.code, new Date('2025-11-15T12:00:00+07:00'));
    expect(v1 && v2 && v1.id !== v2.id).toBe(true);
    // A dossier keeps the version in force on the day it reached the desk (its first event).
    const underV2 = (l: HistoryLine) => l.events[0]!.at.slice(0, 10) >= '2026-01-01';
    const expected = countFacts(lines, { desks: [TAN_PHONG.code], ...PERIOD, keep: underV2 }).filter((f) => f.procedureCode === MARITAL.code);
    expect(expected[0]?.dossiers).toBeGreaterThan(0);
    expect((await facts({ versionIds: [v2!.id] })).map(({ procedureName: _n, ...f }) => f)).toEqual(expected);
  });
});

describe('the same facts through the compliance-cost page', () => {
  it('shows each procedure\'s facts, supplement share and yearly dossiers over the unit\'s subtree', async () => {
    const expected = countFacts(lines, { desks: [TAN_PHONG.code], ...PERIOD });
    for (const who of ['admin', 'lanhdao.tanphong']) {
      const session = who === 'admin' ? admin : await t.login(who);
      for (const f of expected) {
        const unit = who === 'admin' ? `&unitId=${tanPhong}` : '';
        const res = await t.request('GET', `/api/v1/procedure-review/costs/${f.procedureCode}?from=${PERIOD.from}&to=${PERIOD.to}${unit}`, { session });
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json();
        expect(body.unitId).toBe(tanPhong);
        expect({ ...body.facts, procedureName: undefined }).toEqual({ ...f, procedureName: undefined });
        const share = Math.round((f.supplementDossiers / f.dossiers) * 10_000) / 10_000;
        expect(body.supplementShare).toEqual({ numerator: f.supplementDossiers, denominator: f.dossiers, value: share });
        // A period shorter than a year is scaled to 365 days, half-up.
        expect(body.sheet.yearlyDossiers).toBe(Math.floor((f.dossiers * 365 * 2 + DAYS) / (2 * DAYS)));
      }
    }
  });
});
