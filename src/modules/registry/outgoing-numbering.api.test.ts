import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/support/test-db.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { createOutgoingService } from './outgoing.service.js';

// Numbers are unique and without gaps per agency, series and year (Decree 30 art. 15), however many
// releases run at once: 60 approved documents of the Department of Home Affairs — 50 open plans and 10
// confidential ones, two series — released by 60 simultaneous requests. Run on PGlite (one connection)
// and on PostgreSQL (TEST_DB=postgresql: a pool, real row locks between the instances below). A release that fails after taking its
// number gives it back: the outgoing part is built here with an exchange hook the test can make throw,
// as a delivery that fails inside the release transaction would.
let t: TestApp;
let clock = TEST_NOW;
let failDelivery = false;
const s = {} as Record<string, Session>;
const u = {} as Record<string, number>;
const staff = {} as Record<string, number>;
const P = '/api/v1/registry';

beforeAll(async () => {
  t = await createTestApp({
    now: () => clock,
    override: (services) => {
      // Four instances taking the requests in turn, as four worker processes on one database would: each
      // runs its own releases of a series one by one, so the instances meet on the counter's row lock.
      const instances = Array.from({ length: 4 }, () => createOutgoingService(
        { db: services.db, org: services.org, files: services.files, now: services.now, workingDays: async () => () => true },
        {
          onReleased: async (trx, doc, ctx) => {
            if (failDelivery) throw new Error('delivery refused (test)');
            await services.registry.exchange.onReleased(trx, doc, ctx);
          },
        },
      ));
      let turn = 0;
      const outgoing = { ...instances[0]!, act: (...args: Parameters<typeof instances[0]['act']>) => instances[turn++ % instances.length]!.act(...args) };
      return { registry: { ...services.registry, outgoing } };
    },
  });
  s.admin = await t.login('admin');
  for (const code of ['H30.101', 'H30.101.01']) u[code] = await t.unitId(code);
  const settings = await t.request('PUT', `${P}/agencies/${u['H30.101']}/settings`, { session: s.admin, body: { symbol: 'SNV', placeName: 'Lai Châu', managingBody: 'UBND tỉnh Lai Châu', numbering: 'per_type' } });
  expect(settings.statusCode, settings.body).toBe(200);
  const clerk = await t.request('POST', '/api/v1/org/staff', { session: s.admin, body: { fullName: 'Điêu Thị Văn Thư', unitId: u['H30.101'], position: 'Văn thư', username: 'vt.numbering', password: 'Mat-khau-Lai-Chau-2026', roles: [{ role: 'clerk', unitId: u['H30.101'] }] } });
  expect(clerk.statusCode, clerk.body).toBe(201);
  await t.db.updateTable('auth_accounts').set({ must_change_password: false }).where('username', '=', 'vt.numbering').execute();
  s.clerk = await t.login('vt.numbering', 'Mat-khau-Lai-Chau-2026');
  for (const name of ['lanhdao.snv', 'chuyenvien.snv']) staff[name] = (await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', name).executeTakeFirstOrThrow()).staff_id!;
});
afterAll(async () => { await t?.close(); });

/** An approved document as drafting and signing leave it (their paths are outgoing.api.test.ts's). */
async function approved(subject: string, confidentiality: 'normal' | 'mat' = 'normal') {
  const row = await t.db.insertInto('reg_documents').values({
    unit_id: u['H30.101']!, direction: 'out', status: 'approved', doc_type: 'KH', subject, body: 'Nội dung kế hoạch.', confidentiality,
    recipients: JSON.stringify([{ name: 'Báo Lai Châu' }]), drafting_unit_id: u['H30.101.01']!, drafted_by_staff_id: staff['chuyenvien.snv']!,
    approver_staff_id: staff['lanhdao.snv']!, approved_at: clock, signer_name: 'Lê Thị Thu Hằng', signer_title: 'Phó Giám đốc', signing_prefix: 'KT',
  }).returning(['id', 'version']).executeTakeFirstOrThrow();
  return row;
}
const release = (doc: { id: number; version: number }) => t.request('POST', `${P}/outgoing/${doc.id}/actions`, { session: s.clerk!, body: { action: 'release', version: doc.version } });
const lastNumber = async (series: string, year = 2026) =>
  (await t.db.selectFrom('reg_counters').select('last_number').where('unit_id', '=', u['H30.101']!).where('year', '=', year).where('series', '=', series).executeTakeFirst())?.last_number ?? 0;
const range = (from: number, count: number) => Array.from({ length: count }, (_v, i) => from + i);

describe('numbers under concurrency', () => {
  it('gives 60 simultaneous releases in two series each number of its series exactly once', async () => {
    const [openBase, secretBase] = [await lastNumber('out:KH'), await lastNumber('out:mat:KH')];
    const docs = [
      ...await Promise.all(range(1, 50).map((i) => approved(`Kế hoạch số ${i} về cải cách hành chính`))),
      ...await Promise.all(range(1, 10).map((i) => approved(`Kế hoạch mật số ${i}`, 'mat'))),
    ];
    const answers = await Promise.all(docs.map(release));
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    const rows = await t.db.selectFrom('reg_documents').select(['id', 'number', 'symbol', 'series', 'issued_on', 'status', 'file_sha256', 'confidentiality']).where('id', 'in', docs.map((d) => d.id)).execute();
    const numbers = (series: string) => rows.filter((r) => r.series === series).map((r) => r.number!).sort((a, b) => a - b);
    expect(numbers('out:KH')).toEqual(range(openBase + 1, 50));
    expect(numbers('out:mat:KH')).toEqual(range(secretBase + 1, 10));
    for (const r of rows) {
      expect(r).toMatchObject({ status: 'released', issued_on: '2026-03-02', series: r.confidentiality === 'normal' ? 'out:KH' : 'out:mat:KH' });
      expect(r.symbol).toBe(`${String(r.number).padStart(2, '0')}/KH-SNV`);
      expect(r.file_sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect([await lastNumber('out:KH'), await lastNumber('out:mat:KH')]).toEqual([openBase + 50, secretBase + 10]);
    // Each answer is the released document with its own number.
    const answered = answers.map((a) => a.json() as { id: number; number: number });
    for (const a of answered) expect(rows.find((r) => r.id === a.id)?.number).toBe(a.number);
  }, 120_000);

  it('gives back the number of a release that fails after taking it', async () => {
    const base = await lastNumber('out:KH');
    const [first, second] = [await approved('Kế hoạch phát hành lỗi'), await approved('Kế hoạch phát hành tiếp theo')];
    failDelivery = true;
    const failed = await release(first);
    failDelivery = false;
    expect(failed.statusCode).toBe(500);
    const after = await t.db.selectFrom('reg_documents').select(['status', 'number', 'symbol', 'file_key', 'version']).where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'approved', number: null, symbol: null, file_key: null, version: first.version });
    expect(await lastNumber('out:KH')).toBe(base);
    const events = await t.db.selectFrom('reg_events').select('action').where('document_id', '=', first.id).execute();
    expect(events.map((e) => e.action)).not.toContain('released');

    const next = await release(second);
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json().number).toBe(base + 1);
    const retried = await release(first);
    expect(retried.json().number).toBe(base + 2);
  });

  it('restarts every series at 01 on 1 January', async () => {
    clock = new Date('2027-01-04T08:00:00+07:00');
    s.clerk = await t.login('vt.numbering', 'Mat-khau-Lai-Chau-2026');
    expect(await lastNumber('out:KH', 2027)).toBe(0);
    const res = await release(await approved('Kế hoạch công tác năm 2027'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ number: 1, symbol: '01/KH-SNV', issuedOn: '2027-01-04' });
    expect(await lastNumber('out:KH')).toBeGreaterThanOrEqual(52);
  });
});
