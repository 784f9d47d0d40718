import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';

// What belongs to no unit — the province's calendar, its message templates, unit-less outbox
// messages and audit events, importing dossiers for every unit — needs the permission for the whole
// province. The access matrix found a commune-level administrator reaching all of it (issue 10).
let t: TestApp;
let root: Session;
let commune: Session;
beforeAll(async () => {
  t = await createTestApp();
  root = await t.login('admin');
  const created = await t.request('POST', '/api/v1/org/staff', { session: root, body: {
    fullName: 'Quản trị phường Tân Phong', unitId: await t.unitId('H30.501.01'), username: 'quantri.tanphong', password: 'Tan-Phong-quan-tri-2026',
    roles: [{ role: 'admin', unitId: await t.unitId('H30.501') }],
  } });
  expect(created.statusCode).toBe(201);
  commune = await t.login('quantri.tanphong', 'Tan-Phong-quan-tri-2026');
});
afterAll(async () => { await t?.close(); });

const notice = {
  document: 'Công văn 998/UBND-VX', date: '2026-11-20', title: 'Hoán đổi ngày làm việc (thử)', issuer: 'UBND tỉnh Lai Châu',
  days: [{ date: '2027-02-12', kind: 'swap_off', name: 'Nghỉ hoán đổi' }, { date: '2027-02-20', kind: 'makeup_workday', name: 'Làm bù' }],
};

describe('province-wide settings need a grant at the province', () => {
  it('a commune administrator cannot change the province calendar; the province administrator can', async () => {
    const year = await t.request('GET', '/api/v1/calendar/admin/years/2027', { session: root });
    expect(year.statusCode).toBe(200);
    const body = { ...notice, version: year.json().version, dryRun: true };
    expect((await t.request('GET', '/api/v1/calendar/admin/years/2027', { session: commune })).statusCode).toBe(403);
    expect((await t.request('POST', '/api/v1/calendar/years/2027/notices', { session: commune, body })).statusCode).toBe(403);
    expect((await t.request('POST', '/api/v1/calendar/years/2027/notices', { session: root, body })).statusCode).toBe(200);
  });

  it('a commune administrator cannot read or edit the province message templates', async () => {
    expect((await t.request('GET', '/api/v1/admin/message-templates', { session: commune })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/admin/message-templates', { session: root })).statusCode).toBe(200);
  });

  it('a commune administrator cannot import historical dossiers for the province', async () => {
    const boundary = '----motcua-province-wide';
    const body = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ho-so.ndjson"\r\nContent-Type: application/x-ndjson\r\n\r\n{}\r\n--${boundary}--\r\n`);
    const res = await t.request('POST', '/api/v1/admin/import/dossiers', { session: commune, body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(res.statusCode).toBe(403);
  });

  it("the audit log shows unit-less events (other people's failed sign-ins) only to those who read the whole province's log", async () => {
    await t.request('POST', '/api/v1/auth/login', { body: { username: 'motcua.tinh', password: 'sai-mat-khau' } });
    const failed = (s: Session) => t.request('GET', '/api/v1/audit?action=auth.login_failed', { session: s });
    const seenByRoot = await failed(root);
    expect(seenByRoot.statusCode).toBe(200);
    expect(seenByRoot.json().items.length).toBeGreaterThan(0);
    const seenByCommune = await failed(commune);
    expect(seenByCommune.statusCode).toBe(200);
    expect(seenByCommune.json().items).toEqual([]);
  });
});
