import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

describe('/.well-known/security.txt (RFC 9116)', () => {
  let withContact: TestApp;
  let without: TestApp;
  beforeAll(async () => {
    withContact = await createTestApp({ demo: false, now: new Date('2026-03-02T09:00:00+07:00'), env: { MOTCUA_SECURITY_CONTACT: 'mailto:attt@stttt.laichau.gov.vn', MOTCUA_PUBLIC_URL: 'https://dichvucong.laichau.gov.vn' } });
    without = await createTestApp({ demo: false });
  });
  afterAll(async () => { await withContact?.close(); await without?.close(); });

  it('names the configured contact, expires within a year of the clock, and prefers Vietnamese', async () => {
    const res = await withContact.request('GET', '/.well-known/security.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const fields = Object.fromEntries(res.body.trim().split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
    expect(fields).toEqual({
      Contact: 'mailto:attt@stttt.laichau.gov.vn',
      Expires: '2026-08-29T00:00:00Z',
      'Preferred-Languages': 'vi, en',
      Canonical: 'https://dichvucong.laichau.gov.vn/.well-known/security.txt',
    });
  });

  it('is not served when no contact is configured (a made-up address would lose reports)', async () => {
    expect((await without.request('GET', '/.well-known/security.txt')).statusCode).toBe(404);
  });

  it('refuses a contact that is not a mailto:, https: or tel: address', async () => {
    const { loadConfig } = await import('../../config.js');
    expect(() => loadConfig({ MOTCUA_SECURITY_CONTACT: 'attt@example.vn' })).toThrow(/MOTCUA_SECURITY_CONTACT/);
  });
});
