import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { loadConfig } from '../../config.js';
import { createAuthService } from './auth.service.js';
import { passwordProblems } from './passwords.js';
import { commonPasswordCount, isCommonPassword } from './common-passwords.js';

// Issue 10 item 12: a new session id at sign-in, idle expiry, revocation by an administrator, and
// the password policy. Sessions run on a clock the test moves.
let clock = new Date('2026-03-02T09:00:00+07:00');
let t: TestApp;
beforeAll(async () => {
  const config = loadConfig({ MOTCUA_ENV: 'test', MOTCUA_SESSION_IDLE_MINUTES: '30', MOTCUA_LOGIN_RATE_PER_ACCOUNT: '1000' });
  t = await createTestApp({ override: (s) => ({ auth: createAuthService(s.db, s.org.directory, config, { now: () => clock }) }) });
});
afterAll(async () => { await t?.close(); });

const minutes = (n: number) => { clock = new Date(clock.getTime() + n * 60_000); };
const me = (session: Session) => t.request('GET', '/api/v1/auth/me', { session }).then((r) => r.statusCode);

describe('session lifetime', () => {
  it('gives a new session id at sign-in and ends the one the browser arrived with', async () => {
    const planted = await t.login('motcua.tinh');
    const res = await t.request('POST', '/api/v1/auth/login', { body: { username: 'motcua.tinh', password: 'motcua' }, headers: { cookie: planted.cookie } });
    expect(res.statusCode).toBe(200);
    const sid = (res.cookies as { name: string; value: string }[]).find((c) => c.name === 'motcua_sid')!.value;
    expect(planted.cookie).not.toContain(sid);
    expect(await me(planted)).toBe(401);
  });

  it('ends a session left unused for the idle time, and keeps one in use', async () => {
    const used = await t.login('lanhdao.stp');
    const idle = await t.login('chuyenvien.stp');
    for (let i = 0; i < 4; i++) {
      minutes(20);
      expect(await me(used)).toBe(200);
    }
    // 80 minutes on: the used one lives, the idle one ended at 30.
    expect(await me(idle)).toBe(401);
    minutes(31);
    expect(await me(used)).toBe(401);
  });
});

describe('revoking sessions', () => {
  it('lets an administrator end every session of a staff member, audited', async () => {
    const target = await t.login('motcua.tanphong');
    const other = await t.login('motcua.tanphong');
    const admin = await t.login('admin');
    const staff = await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', 'motcua.tanphong').executeTakeFirstOrThrow();
    const res = await t.request('POST', `/api/v1/auth/staff/${staff.staff_id}/revoke-sessions`, { session: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ended: 2 });
    expect(await me(target)).toBe(401);
    expect(await me(other)).toBe(401);
    expect(await me(admin)).toBe(200);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'entity', 'entity_id', 'actor_name']).where('action', '=', 'auth.sessions_revoked').execute();
    expect(audit).toEqual([{ action: 'auth.sessions_revoked', entity: 'staff', entity_id: String(staff.staff_id), actor_name: expect.stringContaining('(admin)') }]);
  });

  it('refuses it to staff without the right, and to strangers', async () => {
    const admin = await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const specialist = await t.login('chuyenvien.tanphong');
    const refused = await t.request('POST', `/api/v1/auth/staff/${admin.staff_id}/revoke-sessions`, { session: specialist });
    expect([403, 404]).toContain(refused.statusCode);
    expect((await t.request('POST', `/api/v1/auth/staff/${admin.staff_id}/revoke-sessions`)).statusCode).toBe(401);
    const admins = await t.login('admin');
    expect((await t.request('POST', '/api/v1/auth/staff/999999/revoke-sessions', { session: admins })).statusCode).toBe(404);
    expect((await t.request('POST', '/api/v1/auth/staff/99999999999/revoke-sessions', { session: admins })).statusCode).toBe(400);
  });
});

describe('rights kept between requests (issue 14)', () => {
  const user = (session: Session) => t.request('GET', '/api/v1/auth/me', { session }).then((r) => ({ status: r.statusCode, user: r.statusCode === 200 ? r.json().user : null }));
  const revision = async () => Number((await sql<{ revision: string }>`select revision from access_revision`.execute(t.db)).rows[0]!.revision);

  it('sees a change of grants, staff, units or account, written by anyone, on the very next request', async () => {
    const session = await t.login('lanhdao.tanphong');
    const first = await user(session);
    expect(first.status).toBe(200);
    const staffId = first.user.staffId as number;
    const grants = await t.db.selectFrom('access_grants').selectAll().where('staff_id', '=', staffId).execute();
    expect(grants.length).toBeGreaterThan(0);
    expect((await user(session)).user).toEqual(first.user);

    // Written straight to the tables, as another process or an import would: no service is told.
    await t.db.deleteFrom('access_grants').where('staff_id', '=', staffId).execute();
    expect((await user(session)).user).toMatchObject({ roles: [], permissions: [] });
    await t.db.insertInto('access_grants').values(grants.map(({ id: _id, ...g }) => g)).execute();
    expect((await user(session)).user).toEqual(first.user);

    const unitId = grants[0]!.unit_id;
    const unit = await t.db.selectFrom('org_units').select('name').where('id', '=', unitId).executeTakeFirstOrThrow();
    await t.db.updateTable('org_units').set({ name: 'Đơn vị đổi tên' }).where('id', '=', unitId).execute();
    expect((await user(session)).user.roles.find((r: { unitId: number }) => r.unitId === unitId).unitName).toBe('Đơn vị đổi tên');
    await t.db.updateTable('org_units').set({ name: unit.name }).where('id', '=', unitId).execute();

    await t.db.updateTable('org_staff').set({ active: false }).where('id', '=', staffId).execute();
    expect((await user(session)).status).toBe(401);
    await t.db.updateTable('org_staff').set({ active: true }).where('id', '=', staffId).execute();
    expect((await user(session)).status).toBe(200);

    await t.db.updateTable('auth_accounts').set({ disabled: true }).where('staff_id', '=', staffId).execute();
    expect((await user(session)).status).toBe(401);
    await t.db.updateTable('auth_accounts').set({ disabled: false }).where('staff_id', '=', staffId).execute();
    expect((await user(session)).user).toEqual(first.user);
  });

  it('does not move the revision for sign-in bookkeeping or a session’s use', async () => {
    const session = await t.login('chuyenvien.tanphong');
    const before = await revision();
    expect((await t.request('POST', '/api/v1/auth/login', { body: { username: 'chuyenvien.tanphong', password: 'sai-mat-khau' } })).statusCode).toBe(401);
    await t.login('chuyenvien.tanphong');
    minutes(2);
    expect((await user(session)).status).toBe(200);
    expect(await revision()).toBe(before);
  });
});

describe('password policy', () => {
  it('refuses short, common, breached-style and username-based passwords, in Vietnamese', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(300);
    for (const weak of ['123456a@', 'matkhau2025!', 'Matkhau@123456', 'anhyeuem123456', 'Admin@1234567', '012345678901', 'aaaaaaaaaaaaaa', 'motcua.tinh2026!']) {
      expect(passwordProblems(weak, 'motcua.tinh').length, weak).toBeGreaterThan(0);
    }
    expect(isCommonPassword('Lai-Chau-2026!')).toBe(false);
    expect(passwordProblems('Lai-Chau-2026!', 'motcua.tinh')).toEqual([]);
    expect(passwordProblems('hoa ban nở trắng núi rừng', 'motcua.tinh')).toEqual([]);
    expect(passwordProblems('ngan-qua', 'x')[0]!.vi).toContain('ít nhất 12 ký tự');
    expect(passwordProblems('Xyz-motcua.tinh-9', 'motcua.tinh').map((p) => p.vi)).toContain('Mật khẩu không được chứa tên đăng nhập.');
  });

  it('answers a common password at the change-password endpoint with the field and the reason', async () => {
    const session = await t.login('lanhdao.sxd');
    const res = await t.request('POST', '/api/v1/auth/password', { session, body: { currentPassword: 'motcua', newPassword: 'matkhau2025!' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'newPassword', message: expect.stringContaining('quá phổ biến'), messageEn: expect.stringContaining('too common') }]);
  });
});
