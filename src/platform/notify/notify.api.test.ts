import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { createNotifyService } from './notify.service.js';
import { writeOutboxMessage, writeStaffMessage, type StaffRecipient } from './outbox.js';

/**
 * The in-app notifications and the administrators' outbox as the web app uses them: each user reads
 * and marks only their own notifications; the outbox, its counts and one message's detail follow
 * the same reach (administrators everything, unit heads their units' messages, others nothing).
 */
const NOW = new Date('2026-03-02T09:00:00+07:00');
let t: TestApp;
const s = {} as Record<string, Session>;
const staff = {} as Record<string, StaffRecipient>;
const ids = {} as Record<'tanphong' | 'sxd' | 'unitless', string>;

async function recipient(username: string): Promise<StaffRecipient> {
  const row = await t.db.selectFrom('auth_accounts as a').innerJoin('org_staff as s', 's.id', 'a.staff_id')
    .select(['s.id', 's.full_name', 's.email']).where('a.username', '=', username).executeTakeFirstOrThrow();
  return { staffId: row.id, fullName: row.full_name, email: null };
}

async function notice(to: StaffRecipient, n: number): Promise<void> {
  const message = { subject: `Hồ sơ H30-TEST-${n} quá thời gian bước`, body: `Nội dung thông báo ${n}`, sms: null };
  await writeStaffMessage(t.db, to, { dedupeKey: `test:${n}`, kind: 'step_overdue', message, templateKey: 'staff.step_overdue', reference: `H30-TEST-${n}`, link: `/can-bo/ho-so/H30-TEST-${n}`, at: NOW });
}

async function mail(key: string, unitIds: number[]): Promise<string> {
  await writeOutboxMessage(t.db, { dedupeKey: `test:${key}`, channel: 'email', recipient: `${key}@example.vn`, subject: `Thư ${key}`, body: `Thân thư ${key}`, reference: `REF-${key}`, unitIds, at: NOW });
  const row = await t.db.selectFrom('outbox_messages').select('id').where('dedupe_key', '=', `test:${key}`).executeTakeFirstOrThrow();
  await t.db.updateTable('outbox_messages').set({ status: 'failed', attempts: 8, last_error: '550 mailbox unavailable' }).where('id', '=', row.id).execute();
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp({
    override: (services) => ({ notify: createNotifyService(services.db, { publicUrl: 'http://motcua.test', templates: [], now: () => NOW }) }),
  });
  for (const u of ['admin', 'chuyenvien.tanphong', 'lanhdao.tanphong', 'lanhdao.sxd', 'motcua.tanphong']) {
    s[u] = await t.login(u);
    staff[u] = await recipient(u);
  }
  await notice(staff['chuyenvien.tanphong']!, 1);
  await notice(staff['chuyenvien.tanphong']!, 2);
  await notice(staff['chuyenvien.tanphong']!, 3);
  await notice(staff['lanhdao.tanphong']!, 4);
  ids.tanphong = await mail('tanphong', [await t.unitId('H30.501')]);
  ids.sxd = await mail('sxd', [await t.unitId('H30.105')]);
  ids.unitless = await mail('unitless', []);
});
afterAll(async () => { await t?.close(); });

const get = (url: string, who?: string) => t.request('GET', url, { session: who ? s[who] : undefined });
const post = (url: string, who?: string) => t.request('POST', url, { session: who ? s[who] : undefined });

describe('my notifications', () => {
  it('each user lists only their own; mark-all-read marks only the caller’s and the unread count drops to 0', async () => {
    const mine = await get('/api/v1/notifications/mine', 'chuyenvien.tanphong');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().unreadCount).toBe(3);
    expect(mine.json().items.map((i: { reference: string }) => i.reference)).toEqual(['H30-TEST-3', 'H30-TEST-2', 'H30-TEST-1']);
    const heads = await get('/api/v1/notifications/mine', 'lanhdao.tanphong');
    expect(heads.json().items.map((i: { reference: string }) => i.reference)).toEqual(['H30-TEST-4']);

    // Another user's notification is not found, not "forbidden": its existence is not revealed.
    const others = heads.json().items[0].id;
    expect((await post(`/api/v1/notifications/${others}/read`, 'chuyenvien.tanphong')).statusCode).toBe(404);

    const one = await post(`/api/v1/notifications/${mine.json().items[0].id}/read`, 'chuyenvien.tanphong');
    expect(one.json()).toMatchObject({ readAt: NOW.toISOString() });
    expect((await get('/api/v1/notifications/mine?unread=true', 'chuyenvien.tanphong')).json()).toMatchObject({ unreadCount: 2 });

    const all = await post('/api/v1/notifications/read-all', 'chuyenvien.tanphong');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({ marked: 2, unreadCount: 0 });
    const after = (await get('/api/v1/notifications/mine', 'chuyenvien.tanphong')).json();
    expect(after.unreadCount).toBe(0);
    expect(after.items.every((i: { readAt: string | null }) => i.readAt === NOW.toISOString())).toBe(true);
    // The head's notification is untouched by the specialist's "mark all".
    expect((await get('/api/v1/notifications/mine', 'lanhdao.tanphong')).json()).toMatchObject({ unreadCount: 1, items: [{ readAt: null }] });
    expect((await post('/api/v1/notifications/read-all', 'chuyenvien.tanphong')).json()).toEqual({ marked: 0, unreadCount: 0 });
  });

  it('needs a session and the CSRF header', async () => {
    expect((await post('/api/v1/notifications/read-all')).statusCode).toBe(401);
    const noCsrf = await t.request('POST', '/api/v1/notifications/read-all', { session: s['lanhdao.tanphong'], csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect((await get('/api/v1/notifications/mine', 'lanhdao.tanphong')).json().unreadCount).toBe(1);
  });
});

describe('the outbox for administrators', () => {
  it('one message’s detail: administrators see any, a unit head only their units’, officers are refused', async () => {
    for (const id of Object.values(ids)) {
      const res = await get(`/api/v1/admin/outbox/${id}`, 'admin');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id, status: 'failed', statusLabel: { vi: 'Gửi không thành công' }, lastError: '550 mailbox unavailable' });
    }
    expect((await get(`/api/v1/admin/outbox/${ids.tanphong}`, 'lanhdao.tanphong')).json()).toMatchObject({ recipient: 'tanphong@example.vn', body: 'Thân thư tanphong' });
    expect((await get(`/api/v1/admin/outbox/${ids.sxd}`, 'lanhdao.tanphong')).statusCode).toBe(404);
    expect((await get(`/api/v1/admin/outbox/${ids.unitless}`, 'lanhdao.tanphong')).statusCode).toBe(404);
    expect((await get(`/api/v1/admin/outbox/${ids.tanphong}`, 'chuyenvien.tanphong')).statusCode).toBe(403);
    expect((await get(`/api/v1/admin/outbox/${ids.tanphong}`, 'motcua.tanphong')).statusCode).toBe(403);
    expect((await get(`/api/v1/admin/outbox/${ids.tanphong}`)).statusCode).toBe(401);
    const missing = await get('/api/v1/admin/outbox/999999', 'admin');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/tin nhắn/);
    expect((await get('/api/v1/admin/outbox/abc', 'admin')).statusCode).toBe(400);
  });

  it('counts per status cover only the messages the caller may see', async () => {
    const admin = (await get('/api/v1/admin/outbox/counts', 'admin')).json();
    expect(admin.counts).toMatchObject({ failed: 3, pending: 0, sent: 0, uncertain: 0, not_sent: 0, sending: 0 });
    expect((await get('/api/v1/admin/outbox/counts', 'lanhdao.tanphong')).json().counts.failed).toBe(1);
    expect((await get('/api/v1/admin/outbox/counts', 'lanhdao.sxd')).json().counts.failed).toBe(1);
    expect((await get('/api/v1/admin/outbox/counts', 'chuyenvien.tanphong')).statusCode).toBe(403);
    expect((await get('/api/v1/admin/outbox/counts')).statusCode).toBe(401);
  });

  it('retry: refused to officers and to heads of other units; an administrator retries a message of no unit, audited', async () => {
    expect((await post(`/api/v1/admin/outbox/${ids.unitless}/retry`, 'chuyenvien.tanphong')).statusCode).toBe(403);
    expect((await post(`/api/v1/admin/outbox/${ids.unitless}/retry`, 'lanhdao.tanphong')).statusCode).toBe(404);
    expect((await post(`/api/v1/admin/outbox/${ids.sxd}/retry`, 'lanhdao.tanphong')).statusCode).toBe(404);
    const res = await post(`/api/v1/admin/outbox/${ids.unitless}/retry`, 'admin');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await get('/api/v1/admin/outbox/counts', 'admin')).json().counts).toMatchObject({ failed: 2, pending: 1 });
    const audit = await t.db.selectFrom('audit_events').select(['action', 'entity_id']).where('action', '=', 'outbox.retried').execute();
    expect(audit).toEqual([{ action: 'outbox.retried', entity_id: ids.unitless }]);
    expect((await post(`/api/v1/admin/outbox/${ids.unitless}/retry`, 'admin')).statusCode).toBe(409);
  });
});
