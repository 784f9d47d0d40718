import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe('sign-in API', () => {
  it('signs in with the demo password and answers /me with the roles', async () => {
    const session = await t.login('admin');
    const me = await t.request('GET', '/api/v1/auth/me', { session });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ username: 'admin', fullName: 'Lò Văn Thành', roles: [{ role: 'admin' }] });
  });

  it('sets an HttpOnly SameSite session cookie and a readable CSRF cookie', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', { body: { username: 'kiemtra', password: 'motcua' } });
    const cookies = res.cookies as { name: string; httpOnly?: boolean; sameSite?: string }[];
    expect(cookies.find((c) => c.name === 'motcua_sid')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookies.find((c) => c.name === 'motcua_csrf')?.httpOnly).toBeFalsy();
  });

  it('answers 401 with a Vietnamese message for a wrong password, and the same for an unknown user', async () => {
    const wrong = await t.request('POST', '/api/v1/auth/login', { body: { username: 'motcua.tinh', password: 'sai' } });
    const unknown = await t.request('POST', '/api/v1/auth/login', { body: { username: 'khong-ton-tai', password: 'sai' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.json().error.message).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(unknown.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks the account after five wrong passwords, then refuses even the right one (with the same answer)', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await t.request('POST', '/api/v1/auth/login', { body: { username: 'chuyenvien.sxd', password: `sai-${i}` } });
      expect(res.statusCode).toBe(401);
    }
    const locked = await t.request('POST', '/api/v1/auth/login', { body: { username: 'chuyenvien.sxd', password: 'motcua' } });
    // 401 like any wrong password: a 423 would tell a stranger the username exists (issue 10 item 8c).
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.code).toBe('INVALID_CREDENTIALS');
    const account = await t.db.selectFrom('auth_accounts').select('locked_until').where('username', '=', 'chuyenvien.sxd').executeTakeFirstOrThrow();
    expect(account.locked_until).not.toBeNull();
    const audit = await t.db.selectFrom('audit_events').select('action').where('action', '=', 'auth.locked').execute();
    expect(audit).toHaveLength(1);
  });

  it('rejects a cookie-authenticated write without the CSRF header', async () => {
    const session = await t.login('admin');
    const unitId = await t.unitId('H30.102');
    const body = { parentId: unitId, code: 'H30.102.09', name: 'Phòng thử CSRF', kind: 'section' };
    const without = await t.request('POST', '/api/v1/org/units', { session, body, csrf: false });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_REJECTED');
    const forged = await t.request('POST', '/api/v1/org/units', { session, body, headers: { 'x-csrf-token': 'forged' }, csrf: false });
    expect(forged.statusCode).toBe(403);
    const ok = await t.request('POST', '/api/v1/org/units', { session, body });
    expect(ok.statusCode).toBe(201);
  });

  it('changes the password: the demo flag goes, other sessions end, the old password stops working', async () => {
    const first = await t.login('lanhdao.sxd');
    const second = await t.login('lanhdao.sxd');
    const weak = await t.request('POST', '/api/v1/auth/password', { session: first, body: { currentPassword: 'motcua', newPassword: 'ngan' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0]).toMatchObject({ path: 'newPassword' });
    const res = await t.request('POST', '/api/v1/auth/password', { session: first, body: { currentPassword: 'motcua', newPassword: 'Lai-Chau-2026!' } });
    expect(res.statusCode).toBe(204);
    expect((await t.request('GET', '/api/v1/auth/me', { session: first })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/v1/auth/me', { session: second })).statusCode).toBe(401);
    await expect(t.login('lanhdao.sxd')).rejects.toThrow();
    await t.login('lanhdao.sxd', 'Lai-Chau-2026!');
    const account = await t.db.selectFrom('auth_accounts').select('demo_password').where('username', '=', 'lanhdao.sxd').executeTakeFirstOrThrow();
    expect(account.demo_password).toBe(false);
  });

  it('logs out: the session no longer works', async () => {
    const session = await t.login('motcua.doanket');
    expect((await t.request('POST', '/api/v1/auth/logout', { session })).statusCode).toBe(204);
    expect((await t.request('GET', '/api/v1/auth/me', { session })).statusCode).toBe(401);
  });
});

describe('bad input never answers 500', () => {
  it.each([
    ['malformed JSON', '{"username": ', 'INVALID_JSON', 400],
    ['unknown field', JSON.stringify({ username: 'a', password: 'b', admin: true }), 'VALIDATION_FAILED', 400],
    ['wrong type', JSON.stringify({ username: 12, password: 'b' }), 'VALIDATION_FAILED', 400],
    ['oversize body', JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'b' }), 'BODY_TOO_LARGE', 413],
  ])('%s', async (_name, payload, code, status) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.requestId).toBeTruthy();
  });

  it('names each invalid field in Vietnamese and English', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', { body: { username: '', extra: 1 } });
    const fields = res.json().error.fields as { path: string; message: string; messageEn: string }[];
    expect(fields.map((f) => f.path).sort()).toEqual(['extra', 'password', 'username']);
    expect(fields.find((f) => f.path === 'username')!.message).toContain('Tên đăng nhập');
    expect(fields.find((f) => f.path === 'username')!.messageEn).toContain('Username');
  });
});

describe('login rate limit', () => {
  it('answers 429 in Vietnamese once an address exceeds the per-minute limit', async () => {
    const limited = await createTestApp({ env: { MOTCUA_LOGIN_RATE_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.request('POST', '/api/v1/auth/login', { body: { username: 'x', password: 'y' } })).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const res = await limited.request('POST', '/api/v1/auth/login', { body: { username: 'x', password: 'y' } });
      expect(res.json().error.message).toContain('thử lại');
    } finally {
      await limited.close();
    }
  });
});
