import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS, runConformance, type CheckResult } from '../../../test/open311/conformance.js';
import { parseXml } from '../../../test/open311/xml-reader.js';
import { NASTY_STRINGS } from '../../../test/support/openapi-fuzz.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';

/**
 * Open311 GeoReport v2 (issue 12 item 4) on the real app listening on a port: the conformance suite
 * a third party runs (test/open311/conformance.ts) run here as it is, then what the suite cannot know
 * from outside — keys, the feedback item a POST makes, what is never published.
 */
let t: TestApp;
let admin: Session;
let base: string;
let apiKey: string;
let appId: number;

const form = (fields: Record<string, string>) => ({ payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const post = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) => {
  const f = form(fields);
  return t.app.inject({ method: 'POST', url, payload: f.payload, headers: { ...f.headers, ...headers } });
};
const VALID = { service_code: 'thu-tuc', address_string: 'Bộ phận một cửa xã Tân Phong', first_name: 'Thị Hoa', last_name: 'Tòng', phone: '0912000111', description: 'Cán bộ hẹn ngày trả kết quả nhưng không trả đúng hẹn.' };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const res = await t.request('POST', '/api/v1/open311/apps', { session: admin, body: { name: 'Ứng dụng Phản ánh Lai Châu', contact: 'dev@example.vn' } });
  expect(res.statusCode, res.body).toBe(201);
  ({ apiKey } = res.json());
  appId = res.json().app.id;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => { await t?.close(); });

describe('the conformance suite against this server', () => {
  let results: CheckResult[];
  beforeAll(async () => {
    results = await runConformance({ url: `${base}/open311/v2`, apiKey, serviceCode: 'hoi-dap', discoveryUrl: `${base}/open311/discovery.json` });
  }, 60_000);
  it.each(CHECKS.map((c) => c.name))('%s', (name) => {
    const r = results.find((x) => x.name === name)!;
    expect(r.status, r.detail).toBe('PASS');
  });
});

describe('registered applications and their keys', () => {
  it('shows the key once, keeps only a keyed hash, and lists the app without it', async () => {
    expect(apiKey).toMatch(/^o311_[A-Za-z0-9_-]{32}$/);
    const row = await t.db.selectFrom('open311_apps').selectAll().where('id', '=', appId).executeTakeFirstOrThrow();
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(apiKey);
    const list = await t.request('GET', '/api/v1/open311/apps', { session: admin });
    expect(list.body).not.toContain(apiKey);
    expect(list.json().items.find((a: { id: number }) => a.id === appId)).toMatchObject({ name: 'Ứng dụng Phản ánh Lai Châu', keyPrefix: apiKey.slice(0, 9), revokedAt: null });
    const audit = await t.db.selectFrom('audit_events').select(['summary']).where('action', '=', 'open311.app.created').where('entity_id', '=', String(appId)).executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.summary)).not.toContain(apiKey);
  });

  it('only the province administrator manages them', async () => {
    const head = await t.login('lanhdao.tanphong');
    expect((await t.request('GET', '/api/v1/open311/apps', { session: head })).statusCode).toBe(403);
    expect((await t.request('POST', '/api/v1/open311/apps', { session: head, body: { name: 'X app' } })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/open311/apps')).statusCode).toBe(401);
  });

  it('refuses a second active app of the same name; a stale revoke is 409; a revoked key is refused with 403', async () => {
    expect((await t.request('POST', '/api/v1/open311/apps', { session: admin, body: { name: 'ỨNG DỤNG PHẢN ÁNH LAI CHÂU' } })).statusCode).toBe(409);
    const made = await t.request('POST', '/api/v1/open311/apps', { session: admin, body: { name: 'Ứng dụng thử' } });
    const { app, apiKey: key } = made.json();
    expect((await post('/open311/v2/requests.json', { ...VALID, api_key: key })).statusCode).toBe(200);
    const used = await t.request('GET', '/api/v1/open311/apps', { session: admin });
    expect(used.json().items.find((a: { id: number }) => a.id === app.id).lastUsedAt).not.toBeNull();
    expect((await t.request('POST', `/api/v1/open311/apps/${app.id}/revoke`, { session: admin, body: { version: app.version + 5 } })).statusCode).toBe(409);
    const revoked = await t.request('POST', `/api/v1/open311/apps/${app.id}/revoke`, { session: admin, body: { version: app.version } });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const refused = await post('/open311/v2/requests.xml', { ...VALID, api_key: key });
    expect(refused.statusCode).toBe(403);
    expect(parseXml(refused.body).root.name).toBe('errors');
    expect(await t.db.selectFrom('audit_events').select('id').where('action', '=', 'open311.app.revoked').where('entity_id', '=', String(app.id)).execute()).toHaveLength(1);
  });
});

describe('POST requests: a feedback item through the api channel', () => {
  it('maps the spec\'s fields to the feedback item and keeps the location, device and attributes', async () => {
    const res = await post('/open311/v2/requests.json', {
      ...VALID, api_key: apiKey, email: 'hoa@example.vn', lat: '22.3964', long: '103.4582', device_id: 'dev-1', account_id: 'acc-9',
      media_url: 'https://example.vn/anh.jpg', 'attribute[consent_to_publish]': 'true', 'attribute[title]': 'Trả kết quả trễ hẹn',
    });
    expect(res.statusCode, res.body).toBe(200);
    const [created] = res.json();
    expect(created).toMatchObject({ account_id: 'acc-9', service_request_id: expect.stringMatching(/^PAKN-\d{8}-\d{4}$/) });
    expect(created.service_notice).toMatch(/Hạn trả lời: \d{2}\/\d{2}\/\d{4}/);
    const item = await t.db.selectFrom('feedback_items').selectAll().where('code', '=', created.service_request_id).executeTakeFirstOrThrow();
    expect(item).toMatchObject({ channel: 'api', app_name: 'Ứng dụng Phản ánh Lai Châu', category_code: 'thu-tuc', title: 'Trả kết quả trễ hẹn', consent_to_publish: true, status: 'received' });
    expect(item.submitter).toMatchObject({ name: 'Tòng Thị Hoa', phone: '0912000111', email: 'hoa@example.vn' });
    expect(item.content).toContain('Địa điểm: Bộ phận một cửa xã Tân Phong; tọa độ 22.3964, 103.4582');
    const extra = await t.db.selectFrom('open311_requests').selectAll().where('feedback_code', '=', created.service_request_id).executeTakeFirstOrThrow();
    expect(extra).toMatchObject({ app_id: appId, lat: 22.3964, long: 103.4582, device_id: 'dev-1', account_id: 'acc-9', media_url: 'https://example.vn/anh.jpg' });
    // Not published: not readable through Open311 (the submitter follows it with the code and secret).
    expect((await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${created.service_request_id}.json` })).statusCode).toBe(404);
  });

  it('the feedback module\'s own checks come back as the spec\'s errors naming the spec\'s fields', async () => {
    const res = await post('/open311/v2/requests.json', { ...VALID, api_key: apiKey, first_name: '', last_name: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual([{ code: 400, description: expect.stringMatching(/^first_name\/last_name: /) }]);
    const noContact = await post('/open311/v2/requests.json', { ...VALID, api_key: apiKey, phone: '' }, { 'accept-language': 'en' });
    expect(noContact.statusCode).toBe(400);
    expect(noContact.json()[0].description).toMatch(/^phone: /);
  });

  it('a staff session cookie without the CSRF header neither blocks nor authorises a POST', async () => {
    const res = await post('/open311/v2/requests.json', { ...VALID, api_key: apiKey }, { cookie: admin.cookie });
    expect(res.statusCode, res.body).toBe(200);
    const noKey = await post('/open311/v2/requests.json', VALID, { cookie: admin.cookie, 'x-csrf-token': admin.csrf });
    expect(noKey.statusCode).toBe(403);
    expect(noKey.json()[0].code).toBe(403);
  });

  it('a JSON body, a wrong content type or bad UTF-8 is a 400 in the spec\'s format', async () => {
    const json = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: JSON.stringify(VALID), headers: { 'content-type': 'application/json' } });
    expect(json.statusCode).toBe(400);
    expect(json.json()[0]).toMatchObject({ code: 400 });
    const bytes = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.xml', payload: Buffer.from([0x61, 0x3d, 0xff, 0xfe]), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(bytes.statusCode).toBe(400);
    expect(parseXml(bytes.body).root.name).toBe('errors');
  });
});

describe('GET requests: published feedback only, never personal data', () => {
  it('lists the published demo items, closed, with our status label and the handling unit', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json' });
    const list = res.json() as Record<string, unknown>[];
    const published = await t.db.selectFrom('feedback_items').select(['code', 'submitter', 'due_at']).where('status', '=', 'published').execute();
    expect(list.map((r) => r.service_request_id).sort()).toEqual(published.map((p) => p.code).sort());
    // expected_datetime is the answer's deadline, in Vietnam's offset, for every item that has one.
    expect(published.some((p) => p.due_at)).toBe(true);
    for (const p of published) {
      const r = list.find((x) => x.service_request_id === p.code)!;
      if (!p.due_at) expect(r.expected_datetime).toBeNull();
      else {
        expect(r.expected_datetime).toMatch(/\+07:00$/);
        expect(Date.parse(r.expected_datetime as string)).toBe(p.due_at.getTime());
      }
    }
    expect(list.every((r) => r.status === 'closed' && r.status_notes === 'Đã trả lời và công khai' && typeof r.agency_responsible === 'string')).toBe(true);
    for (const p of published) {
      const s = p.submitter as { name: string; phone?: string | null; email?: string | null };
      for (const secret of [s.name, s.phone, s.email].filter(Boolean)) expect(res.body).not.toContain(secret);
    }
    const unpublished = await t.db.selectFrom('feedback_items').select('code').where('status', '<>', 'published').limit(1).executeTakeFirstOrThrow();
    expect((await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${unpublished.code}.xml` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?status=open' })).json()).toEqual([]);
  });

  it('answers anything under /open311 in the spec\'s format: unknown paths, methods and formats, nasty input', async () => {
    const problems: string[] = [];
    const urls = ['/open311/v2/nothing.json', '/open311/v2/services.html', '/open311/v2/services/thu-tuc.csv', '/open311/v3/services.xml'];
    for (const s of NASTY_STRINGS.slice(0, 40)) {
      // A lone surrogate has no UTF-8: sent as the bytes of one (invalid UTF-8 in the URL).
      let e: string;
      try { e = encodeURIComponent(s); } catch { e = '%ED%A0%80x'; }
      urls.push(`/open311/v2/requests.json?start_date=${e}`, `/open311/v2/requests.xml?service_request_id=${e}`, `/open311/v2/services/${e}.json`, `/open311/v2/requests/${e}.xml`, `/open311/v2/requests.json?status=${e}&service_code=${e}`);
    }
    for (const url of urls) {
      const res = await t.app.inject({ method: 'GET', url, remoteAddress: `10.0.${urls.indexOf(url) >> 8}.${urls.indexOf(url) & 255}` });
      if (res.statusCode >= 500) problems.push(`${url} → ${res.statusCode}`);
      else if (res.statusCode >= 400) {
        const xml = /\.xml(\?|$)/.test(url.split('?')[0]!) || url.includes('.xml?');
        try {
          if (xml) { if (parseXml(res.body).root.name !== 'errors') problems.push(`${url}: not <errors>`); }
          else if (!Array.isArray(res.json()) || !res.json()[0]?.description) problems.push(`${url}: not [{code, description}]`);
        } catch (e) { problems.push(`${url}: ${(e as Error).message} ${res.body.slice(0, 80)}`); }
      }
    }
    const del = await t.app.inject({ method: 'DELETE', url: '/open311/v2/services.json' });
    expect(del.statusCode).toBe(404);
    expect(del.json()[0].code).toBe(404);
    expect(problems).toEqual([]);
  });
});
