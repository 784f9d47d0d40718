import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeProcedure, inMemoryCatalog } from '../../../../test/support/procedure-factory.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/support/test-app.js';
import { createServices } from '../../../app.js';
import { createDossierService } from '../dossiers.service.js';
import { isNearDue, nextDailyAt, nextSlot } from './reminder-rules.js';

// One working week of March 2026 (no holiday), Vietnamese time; the clock only moves forward.
const vn = (s: string) => new Date(`${s}+07:00`);
let now = vn('2026-03-02T09:00:00');
let t: TestApp;
const s = {} as Record<string, Session>;
let code = '';

beforeAll(async () => {
  t = await createTestApp({
    now: () => now,
    override: (services) => ({ dossiers: createDossierService({ db: services.db, org: services.org, catalog: inMemoryCatalog([communeProcedure()]), deadlines: services.calendar.deadlines, keys: services.dataKeys, now: () => now }) }),
  });
  for (const u of ['motcua.tanphong', 'chuyenvien.tanphong', 'lanhdao.tanphong', 'admin']) s[u] = await t.login(u);
});
afterAll(async () => { await t?.close(); });

async function act(session: Session | undefined, body: Record<string, unknown>) {
  const current = await t.request('GET', `/api/v1/dossiers/${code}`, { session: s.admin });
  const res = await t.request('POST', `/api/v1/dossiers/${code}/actions`, { session, body: { version: current.json().version, ...body } });
  expect(res.statusCode).toBe(200);
  return res.json();
}
const notices = (kind: string) => t.db.selectFrom('staff_notifications as n').innerJoin('org_staff as s', 's.id', 'n.staff_id')
  .select(['n.id', 'n.title', 'n.body', 's.email', 'n.dedupe_key']).where('n.reference', '=', code).where('n.kind', '=', kind).orderBy('n.id').execute();
const mails = (template: string) => t.db.selectFrom('outbox_messages').select(['recipient', 'subject']).where('reference', '=', code).where('template_key', '=', template).orderBy('recipient').execute();

describe('reminder timing rules', () => {
  it('slots, daily times and "one working day before" are computed in Vietnamese time with the calendar', () => {
    expect(nextSlot(vn('2026-03-02T09:03:10'), 5 * 60_000)).toEqual(vn('2026-03-02T09:05:00'));
    expect(nextSlot(vn('2026-03-02T09:05:00'), 5 * 60_000)).toEqual(vn('2026-03-02T09:10:00'));
    expect(nextDailyAt(vn('2026-03-02T07:29:00'), 7, 30)).toEqual(vn('2026-03-02T07:30:00'));
    expect(nextDailyAt(vn('2026-03-02T07:30:00'), 7, 30)).toEqual(vn('2026-03-03T07:30:00'));
    const eightHours = { addWorkingHours: (from: Date, h: number) => new Date(from.getTime() + h * 3_600_000) };
    expect(isNearDue(eightHours, vn('2026-03-04T09:00:00'), vn('2026-03-04T17:00:00'))).toBe(true);
    expect(isNearDue(eightHours, vn('2026-03-04T08:59:00'), vn('2026-03-04T17:00:00'))).toBe(false);
    expect(isNearDue(eightHours, vn('2026-03-04T18:00:00'), vn('2026-03-04T17:00:00'))).toBe(false);
  });
});

describe('reminders and escalation as durable jobs', () => {
  it('a step past its budget gives exactly one reminder to the assignee and the unit head, also across a restart', async () => {
    code = (await t.request('POST', '/api/v1/dossiers', { session: s['motcua.tanphong'], body: { procedureCode: '1.001193', channel: 'desk', applicant: { kind: 'citizen', fullName: 'Sùng A Páo' }, resultDelivery: 'desk', idempotencyKey: 'reminder-test-0001' } })).json().code;
    await act(s['motcua.tanphong'], { action: 'transfer' });
    const taken = await act(s['chuyenvien.tanphong'], { action: 'take' });
    // Step 2 has a 12 working-hour budget: Monday 09:00 → Tuesday 15:00.
    expect(new Date(taken.stepDueAt)).toEqual(vn('2026-03-03T15:00:00'));

    await t.services.jobs.runDueJobs(vn('2026-03-03T14:55:00'));
    expect(await notices('step_overdue')).toHaveLength(0);
    await t.services.jobs.runDueJobs(vn('2026-03-03T15:01:00'));
    let got = await notices('step_overdue');
    expect(got.map((n) => n.email).sort()).toEqual(['chuyenvien.tanphong@laichau.gov.vn', 'lanhdao.tanphong@laichau.gov.vn']);
    expect(got[0]!.title).toBe(`Hồ sơ ${code} quá thời gian bước "Thẩm định"`);
    expect(got[0]!.body).toContain('Hạn của bước: 03/03/2026 15:00');
    expect(got[0]!.body).toContain('Người đang xử lý: Phạm Văn Hải');
    expect((await mails('staff.step_overdue')).map((m) => m.recipient)).toEqual(['chuyenvien.tanphong@laichau.gov.vn', 'lanhdao.tanphong@laichau.gov.vn']);

    // The job again, the scan by hand twice, and a restarted process with a new worker: nothing more.
    await t.services.jobs.runDueJobs(vn('2026-03-03T15:06:00'));
    await t.services.reminders.scan(vn('2026-03-03T15:07:00'));
    await t.services.reminders.scan(vn('2026-03-03T15:07:00'));
    const restarted = createServices(t.config, t);
    await restarted.jobs.runDueJobs(vn('2026-03-03T15:12:00'));
    expect(await notices('step_overdue')).toHaveLength(2);
    expect(await mails('staff.step_overdue')).toHaveLength(2);
    const once = await t.db.selectFrom('dossier_reminders').selectAll().where('kind', '=', 'step_overdue').execute();
    expect(once).toHaveLength(1);
    expect(once[0]!.occurrence).toEqual(vn('2026-03-03T15:00:00'));

    // In the app: the assignee's list, unread count, mark as read; nobody else can touch it.
    const mine = await t.request('GET', '/api/v1/notifications/mine?unread=true', { session: s['chuyenvien.tanphong'] });
    const item = mine.json().items.find((i: { reference: string }) => i.reference === code);
    expect(item).toMatchObject({ kind: 'step_overdue', link: `/can-bo/ho-so/${code}`, readAt: null });
    const unread = mine.json().unreadCount;
    expect((await t.request('POST', `/api/v1/notifications/${item.id}/read`, { session: s['lanhdao.tanphong'] })).statusCode).toBe(404);
    expect((await t.request('POST', `/api/v1/notifications/${item.id}/read`, { session: s['chuyenvien.tanphong'] })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/v1/notifications/mine', { session: s['chuyenvien.tanphong'] })).json().unreadCount).toBe(unread - 1);
    expect((await t.request('GET', '/api/v1/notifications/mine')).statusCode).toBe(401);
    got = await notices('step_overdue');
    expect(got).toHaveLength(2);
  });

  it('one working day before the deadline the competent officer is prompted once to issue slip 04; a new step is a new occasion', async () => {
    // Due Thursday 09:00; Wednesday 08:30 is more than one working day before it.
    await t.services.reminders.scan(vn('2026-03-04T08:30:00'));
    expect(await notices('near_due')).toHaveLength(0);
    await t.services.reminders.scan(vn('2026-03-04T09:05:00'));
    await t.services.reminders.scan(vn('2026-03-04T09:10:00'));
    const prompts = await notices('near_due');
    expect(prompts.map((n) => n.email).sort()).toEqual(['chuyenvien.tanphong@laichau.gov.vn', 'lanhdao.tanphong@laichau.gov.vn']);
    expect(prompts[0]!.title).toBe(`Hồ sơ ${code} sắp đến hạn trả kết quả (05/03/2026 09:00)`);
    expect(prompts[0]!.body).toContain('Văn bản xin lỗi và đề nghị gia hạn');

    now = vn('2026-03-04T09:15:00');
    await act(s['chuyenvien.tanphong'], { action: 'transfer' });
    // Step 3 (4 working hours) is due at 15:15; its overrun is a second occasion, for the head.
    await t.services.reminders.scan(vn('2026-03-04T15:20:00'));
    const overdue = await notices('step_overdue');
    expect(overdue).toHaveLength(3);
    expect(overdue[2]!.email).toBe('lanhdao.tanphong@laichau.gov.vn');
    expect(overdue[2]!.title).toContain('Phê duyệt');
  });

  it('each working morning the overdue dossiers go to the unit head and the one-stop desk, once a day; not on days off', async () => {
    await t.services.jobs.runDueJobs(vn('2026-03-06T07:31:00'));
    const lists = await t.db.selectFrom('staff_notifications as n').innerJoin('org_staff as s', 's.id', 'n.staff_id').select(['s.email', 'n.title', 'n.body'])
      .where('n.kind', '=', 'overdue_digest').orderBy('s.email').execute();
    expect(lists.map((l) => l.email)).toEqual(['lanhdao.tanphong@laichau.gov.vn', 'motcua.tanphong@laichau.gov.vn']);
    expect(lists[0]!.title).toBe('Danh sách 1 hồ sơ quá hạn ngày 06/03/2026');
    expect(lists[0]!.body).toContain(`1. ${code} — Đăng ký khai sinh — Sùng A Páo — hạn 05/03/2026 09:00 (quá 1 ngày làm việc)`);
    expect(await t.services.reminders.digest(vn('2026-03-06T10:00:00'))).toMatchObject({ recipients: 0, dossiers: 1 });
    expect(await t.services.reminders.digest(vn('2026-03-07T07:30:00'))).toMatchObject({ skipped: true });
    expect((await t.db.selectFrom('staff_notifications').select('id').where('kind', '=', 'overdue_digest').execute())).toHaveLength(2);
  });

  it('two processes scanning at the same moment still send one reminder', async () => {
    now = vn('2026-03-06T09:00:00');
    code = (await t.request('POST', '/api/v1/dossiers', { session: s['motcua.tanphong'], body: { procedureCode: '1.001193', channel: 'desk', applicant: { kind: 'citizen', fullName: 'Giàng Thị Mỷ' }, resultDelivery: 'desk', idempotencyKey: 'reminder-test-0002' } })).json().code;
    await act(s['motcua.tanphong'], { action: 'transfer' });
    await act(s['chuyenvien.tanphong'], { action: 'take' });
    const a = createServices(t.config, t);
    const b = createServices(t.config, t);
    const at = vn('2026-03-09T15:05:00'); // the weekend does not count: due Monday 15:00
    await Promise.all([a.reminders.scan(at), b.reminders.scan(at), a.reminders.scan(at)]);
    expect((await notices('step_overdue')).map((n) => n.email).sort()).toEqual(['chuyenvien.tanphong@laichau.gov.vn', 'lanhdao.tanphong@laichau.gov.vn']);
  });
});
