import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_CITIZEN, type TestApp } from '../../../test/support/test-app.js';

describe('citizen sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('answers 401 on citizen endpoints without a citizen session, with a message that says how to sign in', async () => {
    const res = await t.request('GET', '/api/v1/citizen/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('CITIZEN_UNAUTHENTICATED');
    expect(res.json().error.message).toContain('VNeID');
  });

  it('shows the profile from the e-ID, ID number in clear for its owner and sealed at rest', async () => {
    const s = await t.citizenSession();
    const me = await t.request('GET', '/api/v1/citizen/me', { session: s });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ fullName: TEST_CITIZEN.fullName, idNumber: TEST_CITIZEN.idNumber, birthDate: TEST_CITIZEN.birthDate, phone: TEST_CITIZEN.phone });
    const row = await t.db.selectFrom('citizens').select(['id_number', 'id_number_index']).where('subject', '=', TEST_CITIZEN.subject).executeTakeFirstOrThrow();
    expect(row.id_number).not.toContain(TEST_CITIZEN.idNumber!);
    expect(row.id_number_index).toBe(t.services.dataKeys.blindIndex(TEST_CITIZEN.idNumber!));
  });

  it('keeps one account per identity: a second sign-in takes the registry name but keeps corrected contact details', async () => {
    const subject = 'cd-repeat';
    const first = await t.citizenSession({ subject });
    const me = (await t.request('GET', '/api/v1/citizen/me', { session: first })).json();
    const edited = await t.request('PATCH', '/api/v1/citizen/me', { session: first, body: { version: me.version, phone: '0987654321', email: null, address: 'Số 5, phường Tân Phong' } });
    expect(edited.statusCode).toBe(200);
    const second = await t.citizenSession({ subject, fullName: 'Lò Thị Mai Anh' });
    const again = (await t.request('GET', '/api/v1/citizen/me', { session: second })).json();
    expect(again).toMatchObject({ id: me.id, fullName: 'Lò Thị Mai Anh', phone: '0987654321', address: 'Số 5, phường Tân Phong' });
    const count = await t.db.selectFrom('citizens').select((eb) => eb.fn.countAll().as('n')).where('subject', '=', subject).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('detects a stale edit and refuses a bad phone number in Vietnamese', async () => {
    const s = await t.citizenSession({ subject: 'cd-stale' });
    const me = (await t.request('GET', '/api/v1/citizen/me', { session: s })).json();
    expect((await t.request('PATCH', '/api/v1/citizen/me', { session: s, body: { version: me.version, phone: '0911111111' } })).statusCode).toBe(200);
    const stale = await t.request('PATCH', '/api/v1/citizen/me', { session: s, body: { version: me.version, phone: '0922222222' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const bad = await t.request('PATCH', '/api/v1/citizen/me', { session: s, body: { version: me.version + 1, phone: 'gọi tôi' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Số điện thoại không hợp lệ');
  });

  it('refuses a write without the citizen CSRF header', async () => {
    const s = await t.citizenSession({ subject: 'cd-csrf' });
    const me = (await t.request('GET', '/api/v1/citizen/me', { session: s })).json();
    const res = await t.request('PATCH', '/api/v1/citizen/me', { session: s, csrf: false, body: { version: me.version, phone: '0933333333' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_REJECTED');
  });

  it('never lets a citizen session reach a staff endpoint, nor a staff session a citizen endpoint', async () => {
    const citizen = await t.citizenSession({ subject: 'cd-border' });
    const staffOnly = await t.request('GET', '/api/v1/dossiers?queue=all_open', { session: citizen });
    expect(staffOnly.statusCode).toBe(401);
    const authMe = await t.request('GET', '/api/v1/auth/me', { session: citizen });
    expect(authMe.statusCode).toBe(401);
    const staff = await t.login('motcua.tanphong');
    expect((await t.request('GET', '/api/v1/citizen/me', { session: staff })).statusCode).toBe(401);
    // Both cookies in one browser: each side sees only its own session, and citizen writes need only the citizen token.
    const both = { cookie: `${staff.cookie}; ${citizen.cookie}`, csrf: citizen.csrf };
    expect((await t.request('GET', '/api/v1/citizen/me', { session: both })).json().fullName).toBe(TEST_CITIZEN.fullName);
    const me = (await t.request('GET', '/api/v1/citizen/me', { session: both })).json();
    expect((await t.request('PATCH', '/api/v1/citizen/me', { session: both, body: { version: me.version, phone: '0944444444' } })).statusCode).toBe(200);
  });

  it('signs out: the session ends and is audited', async () => {
    const s = await t.citizenSession({ subject: 'cd-out' });
    expect((await t.request('POST', '/api/v1/citizen/logout', { session: s })).statusCode).toBe(204);
    expect((await t.request('GET', '/api/v1/citizen/me', { session: s })).statusCode).toBe(401);
    const events = await t.db.selectFrom('audit_events').select(['action', 'actor_name']).where('entity', '=', 'citizen').where('action', '=', 'citizen.signed_out').execute();
    expect(events.some((e) => e.actor_name?.startsWith('Công dân '))).toBe(true);
  });
});
