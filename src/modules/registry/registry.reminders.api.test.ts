import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scheduler } from '../../platform/jobs/scheduler.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';
import { loadDirectory } from '../dossiers/reminders/recipients.js';
import { workingDayPredicate } from '../directives/wiring.js';
import { createRegistryReminders, nextDailyRun } from './registry.reminders.js';

// Sở Tư pháp (H30.102): two documents routed on Monday 2/3/2026 (TEST_NOW) due within two working days,
// so on Wednesday 4/3 — one of them confidential. The reminder job is run at pinned instants.
let t: TestApp;
let clock = TEST_NOW;
const s = {} as Record<string, Session>;
const u = {} as Record<string, number>;
const P = '/api/v1/registry';
const call = (method: string, url: string, who: string, body?: unknown) => t.request(method, `${P}${url}`, { session: s[who]!, body });
let reminders: ReturnType<typeof createRegistryReminders>;
const ids = {} as Record<'plain' | 'secret', number>;

const staffId = async (username: string) => (await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', username).executeTakeFirstOrThrow()).staff_id;
const notes = async (username: string) => t.db.selectFrom('staff_notifications').select(['kind', 'title', 'body', 'link']).where('staff_id', '=', await staffId(username)).where('kind', 'like', 'registry_%').orderBy('id').execute();

async function registerAndRoute(body: Record<string, unknown>, route: Record<string, unknown>): Promise<number> {
  const res = await call('POST', '/incoming', 'clerk', { unitId: u['H30.102'], channel: 'paper', docType: 'CV', issuedOn: '2026-02-27', issuerName: 'Công an tỉnh Lai Châu', ...body });
  expect(res.statusCode, res.body).toBe(201);
  const routed = await call('POST', `/incoming/${res.json().id}/actions`, 'lanhdao.stp', { action: 'route', version: res.json().version, dueInWorkingDays: 2, ...route });
  expect(routed.statusCode, routed.body).toBe(200);
  expect(routed.json().dueOn).toBe('2026-03-04');
  return res.json().id;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  // The demo's own routed documents (registry.demo.ts) would be reminded of too: the counts below are
  // this test's documents only, so the demo's assignments are set aside.
  await t.db.updateTable('reg_assignments').set({ status: 'cancelled' }).where('status', '=', 'open').execute();
  s.admin = await t.login('admin');
  for (const code of ['H30.102', 'H30.102.01']) u[code] = await t.unitId(code);
  expect((await t.request('PUT', `${P}/agencies/${u['H30.102']}/settings`, { session: s.admin, body: { symbol: 'STP', placeName: 'Lai Châu', numbering: 'per_type' } })).statusCode).toBe(200);
  const made = await t.request('POST', '/api/v1/org/staff', { session: s.admin, body: { fullName: 'Văn thư thử nghiệm', unitId: u['H30.102'], position: 'Văn thư', username: 'vt.stp.nhac', password: 'Mat-khau-Lai-Chau-2026', roles: [{ role: 'clerk', unitId: u['H30.102'] }] } });
  expect(made.statusCode, made.body).toBe(201);
  await t.db.updateTable('auth_accounts').set({ must_change_password: false }).where('username', '=', 'vt.stp.nhac').execute();
  s.clerk = await t.login('vt.stp.nhac', 'Mat-khau-Lai-Chau-2026');
  for (const name of ['lanhdao.stp', 'chuyenvien.stp']) s[name] = await t.login(name);
  const lead = { staffId: await staffId('chuyenvien.stp') };
  ids.plain = await registerAndRoute({ symbol: '45/CAT-PV01', subject: 'Về việc phối hợp tuyên truyền pháp luật' }, { lead, coordinators: [{ unitId: u['H30.102.01'] }] });
  ids.secret = await registerAndRoute({ symbol: '46/CAT-PV01', subject: 'Về danh mục bí mật nhà nước ngành tư pháp', confidentiality: 'mat' }, { lead });
  reminders = createRegistryReminders({
    db: t.db, workingDays: async () => workingDayPredicate(await t.services.calendar.deadlines.calculator()),
    recipients: { load: () => loadDirectory(t.db, t.services.org) },
  });
}, 300_000);
afterAll(async () => { await t?.close(); });

describe('the daily reminder of incoming documents', () => {
  it('tells each handler of a deadline two working days away, once a day; a unit\'s assignment goes to its head', async () => {
    expect(await reminders.run(new Date('2026-03-02T10:00:00+07:00'))).toEqual({ dueSoon: 3, overdue: 0 });
    const handler = await notes('chuyenvien.stp');
    expect(handler.map((n) => n.kind)).toEqual(['registry_assignment_due_soon', 'registry_assignment_due_soon']);
    expect(handler[0]!.title).toMatch(/^Văn bản đến số \d+ \(45\/CAT-PV01\) đến hạn giải quyết ngày 04\/03\/2026$/);
    expect(handler[0]!.link).toBe(`/can-bo/van-thu/van-ban/${ids.plain}`);
    expect(handler[0]!.body).toContain('Về việc phối hợp tuyên truyền pháp luật');
    expect(handler[0]!.body).toContain('còn 2 ngày làm việc');
    // The confidential document's subject never goes into a message (it may leave by e-mail).
    expect(handler[1]!.body).not.toContain('bí mật nhà nước');
    expect(handler[1]!.body).toContain('văn bản mật');
    // Phòng Hành chính tư pháp has no head of its own: the department's head answers for it.
    expect((await notes('lanhdao.stp')).map((n) => [n.kind, n.link])).toEqual([['registry_assignment_due_soon', `/can-bo/van-thu/van-ban/${ids.plain}`]]);
    expect(await reminders.run(new Date('2026-03-02T15:00:00+07:00'))).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await reminders.run(new Date('2026-03-03T07:45:00+07:00'))).toEqual({ dueSoon: 3, overdue: 0 });
  });

  it('sends nothing on a day off, and tells of the overdue every working day until the lead reports', async () => {
    expect(await reminders.run(new Date('2026-03-07T07:45:00+07:00'))).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await reminders.run(new Date('2026-03-09T07:45:00+07:00'))).toEqual({ dueSoon: 0, overdue: 3 });
    const late = (await notes('chuyenvien.stp')).filter((n) => n.kind === 'registry_assignment_overdue');
    expect(late).toHaveLength(2);
    expect(late[0]!.title).toMatch(/^Văn bản đến số \d+ \(45\/CAT-PV01\) đã quá hạn giải quyết 5 ngày$/);
    clock = new Date('2026-03-09T09:00:00+07:00');
    const version = (await call('GET', `/documents/${ids.plain}`, 'chuyenvien.stp')).json().version;
    const done = await call('POST', `/incoming/${ids.plain}/actions`, 'chuyenvien.stp', { action: 'report', version, report: 'Đã phối hợp tuyên truyền theo đề nghị.' });
    expect(done.json().status).toBe('done');
    // The handled document is no longer reminded, its co-ordinator's open part included; the other one is.
    expect(await reminders.run(new Date('2026-03-10T07:45:00+07:00'))).toEqual({ dueSoon: 0, overdue: 1 });
    expect((await notes('lanhdao.stp')).filter((n) => n.kind === 'registry_assignment_overdue')).toHaveLength(1);
  });

  it('is a durable job named registry.reminders, run each morning at 7:45 Vietnamese time', () => {
    const jobs: { kind: string; next: (after: Date) => Date }[] = [];
    reminders.registerJobs({ every: (kind: string, next: (after: Date) => Date) => { jobs.push({ kind, next }); } } as unknown as Scheduler);
    expect(jobs.map((j) => j.kind)).toEqual(['registry.reminders']);
    expect(jobs[0]!.next(new Date('2026-03-02T08:00:00+07:00')).toISOString()).toBe('2026-03-03T00:45:00.000Z');
    expect(nextDailyRun(new Date('2026-03-02T07:00:00+07:00'), 7, 45).toISOString()).toBe('2026-03-02T00:45:00.000Z');
  });
});
