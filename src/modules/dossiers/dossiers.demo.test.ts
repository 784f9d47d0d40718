import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectWorkForEveryDemoAccount } from '../../../test/support/demo-work.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DEMO_DOSSIER_COUNT, seedDemoDossiers } from './dossiers.demo.js';
import * as repo from './dossiers.repository.js';
import { demoAccountStaff } from './import/generator/demo-data.js';
import { apply, initialState } from './rules/reducer.js';
import { notAtResultStep } from './rules/result-step.js';

// The demo database (loaded by createTestApp as by a newcomer's first start) carries generated dossiers.
// Seeded on Thursday 3/12/2026, the day `chuyenvien.tanphong` once found nothing to do (issue 9);
// dossiers.demo-dates.test.ts covers other days of the calendar.
const NOW = new Date('2026-12-03T10:00:00+07:00');
let t: TestApp;
beforeAll(async () => { t = await createTestApp({ demoDossiers: true, now: NOW }); }, 300_000);
afterAll(async () => { await t?.close(); });

describe('demo dossiers', () => {
  it('cover every kind of outcome: open and overdue, finished on time and late, refused, stopped, withdrawn', async () => {
    const rows = await t.db.selectFrom('dossiers').select(['status', 'due_at', 'completed_at']).execute();
    expect(rows.length).toBeGreaterThan(DEMO_DOSSIER_COUNT * 0.95);
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of [2, 3, 4, 5, 7, 8, 9, 10]) expect(statuses, `status ${s}`).toContain(s);
    const open = rows.filter((r) => [2, 4, 5, 6].includes(r.status));
    expect(open.filter((r) => r.due_at! < NOW).length).toBeGreaterThan(0);
    expect(open.filter((r) => r.due_at! >= NOW).length).toBeGreaterThan(0);
    const done = rows.filter((r) => r.status === 10);
    const late = done.filter((r) => r.completed_at! > r.due_at!).length / done.length;
    expect(late).toBeGreaterThan(0.03);
    expect(late).toBeLessThan(0.15);
  });

  it('give the demo accounts live work in their queues', async () => {
    for (const [user, queues] of [['chuyenvien.tanphong', ['mine', 'unassigned']], ['motcua.tanphong', ['mine', 'all_open']], ['chuyenvien.sxd', ['mine', 'unassigned']], ['lanhdao.tanphong', ['done']]] as const) {
      const session = await t.login(user);
      let total = 0;
      for (const q of queues) total += (await t.request('GET', `/api/v1/dossiers?queue=${q}&limit=200`, { session })).json().items.length;
      expect(total, user).toBeGreaterThan(0);
    }
    await expectWorkForEveryDemoAccount(t, '3/12/2026');
  }, 120_000);

  it('carry past ratings of about a third of the returned dossiers, each after its return and before now, naming the official', async () => {
    const returned = await t.db.selectFrom('dossiers').select(['code', 'returned_at']).where('returned_at', 'is not', null).execute();
    const ratings = await t.db.selectFrom('dossier_ratings').select(['dossier_code', 'level', 'channel', 'rated_at', 'official_name']).execute();
    const returnedAt = new Map(returned.map((d) => [d.code, d.returned_at!]));
    expect(ratings.length).toBeGreaterThan(returned.length * 0.2);
    expect(ratings.length).toBeLessThan(returned.length * 0.5);
    for (const r of ratings) {
      expect(r.rated_at.getTime(), r.dossier_code).toBeGreaterThan(returnedAt.get(r.dossier_code)!.getTime());
      expect(r.rated_at.getTime()).toBeLessThan(NOW.getTime());
    }
    expect(new Set(ratings.map((r) => r.level))).toEqual(new Set(['very_satisfied', 'satisfied', 'not_satisfied']));
    expect(new Set(ratings.map((r) => r.channel))).toEqual(new Set(['kiosk', 'paper']));
    expect(ratings.filter((r) => r.official_name).length).toBeGreaterThan(ratings.length * 0.9);
    // So the statistics have a satisfaction figure to show.
    const session = await t.login('kiemtra');
    const form = (await t.request('GET', '/api/v1/reports/ii06a?from=2026-08-01&to=2026-12-03', { session })).json();
    expect(form.totals.satisfactionRate).toBeGreaterThan(50);
  });

  it('are digitised where a real desk would have scanned them: every online one, most at the desk; the scan downloads', async () => {
    const rows = await t.db.selectFrom('dossiers').select(['code', 'channel', 'digitised', 'documents', 'receiving_unit_id']).where('received_at', 'is not', null).execute();
    const online = rows.filter((r) => r.channel === 'online' && (r.documents as unknown[]).length > 0);
    expect(online.length).toBeGreaterThan(0);
    expect(online.filter((r) => !r.digitised).map((r) => r.code)).toEqual([]);
    const desk = rows.filter((r) => r.channel !== 'online');
    const share = desk.filter((r) => r.digitised).length / desk.length;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.75);
    // The scan is a stored file the desk can open from the dossier.
    const session = await t.login('motcua.tanphong');
    const listed = (await t.request('GET', '/api/v1/dossiers?queue=all_open&digitised=true&limit=5', { session })).json().items as { code: string }[];
    expect(listed.length).toBeGreaterThan(0);
    const mine = rows.find((r) => r.code === listed[0]!.code)!;
    const key = (mine.documents as { fileKey?: string }[])[0]!.fileKey!;
    const file = await t.request('GET', `/api/v1/dossiers/${encodeURIComponent(mine.code)}/files/${key}`, { session });
    expect(file.statusCode, file.body.slice(0, 200)).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const dash = (await t.request('GET', '/api/v1/reports/dashboard?from=2026-08-01&to=2026-12-03', { session: await t.login('kiemtra') })).json();
    expect(dash.rates.digitised.value).toBeGreaterThan(45);
  });

  it('were all imported: a second run of the deterministic generator finds every code already there', async () => {
    const again = await seedDemoDossiers(t.services, NOW);
    expect(again.errors).toEqual([]);
    expect(again.imported).toBe(0);
  }, 120_000);

  it('record every result at the result step, and never by a demo account without the approving permission (issue 11 item 7)', async () => {
    const accounts = demoAccountStaff();
    const staff = await t.db.selectFrom('org_staff').select(['id', 'badge_number']).execute();
    const badgeOf = new Map(staff.map((x) => [x.id, x.badge_number]));
    const approvers = new Set(accounts.filter((a) => a.roles.some(([r]) => r === 'unit_head')).map((a) => a.badge));
    const nonApprovers = new Set(accounts.filter((a) => !approvers.has(a.badge)).map((a) => a.badge));
    const decided = await t.db.selectFrom('dossiers').select('id').where('status', 'in', [9, 10]).execute();
    expect(decided.length).toBeGreaterThan(DEMO_DOSSIER_COUNT * 0.5);
    let byApprover = 0;
    for (const { id } of decided) {
      let s = initialState();
      for (const e of await repo.loadEvents(t.db, id)) {
        if (e.type === 'result_recorded') {
          expect(notAtResultStep(s.route, s.step), `dossier ${id}`).toBeNull();
          const badge = e.actor.staffId ? badgeOf.get(e.actor.staffId) : null;
          expect(badge && nonApprovers.has(badge), `dossier ${id}: result recorded by ${e.actor.name}`).toBeFalsy();
          if (badge && approvers.has(badge)) byApprover++;
        }
        s = apply(s, e);
      }
    }
    // The demo's heads sign a good share of the results (the rest are at units without a demo account).
    expect(byApprover).toBeGreaterThan(decided.length * 0.3);
  }, 120_000);

  it('have hash chains that verify', async () => {
    const v = await t.services.dossiers.verifyAll();
    expect(v.checked).toBeGreaterThan(DEMO_DOSSIER_COUNT * 0.95);
    expect(v.broken).toEqual([]);
  });
});
