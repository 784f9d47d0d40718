import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeProcedure, inMemoryCatalog } from '../../../test/support/procedure-factory.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { createDossierService } from './dossiers.service.js';

// The dossier clock, pinned: Monday 02/03/2026 09:00 (+07:00); the dossier is due Thursday 05/03 09:00.
let now = new Date('2026-03-02T09:00:00+07:00');
let t: TestApp;
const s = {} as Record<string, Session>;
let code = '';
let secret = '';
const PAUSED_AT = new Date('2026-03-03T09:00:00+07:00');

beforeAll(async () => {
  t = await createTestApp({
    override: (services) => ({
      dossiers: createDossierService({ db: services.db, org: services.org, catalog: inMemoryCatalog([communeProcedure()]), deadlines: services.calendar.deadlines, keys: services.dataKeys, now: () => now }),
    }),
  });
  for (const u of ['motcua.tanphong', 'chuyenvien.tanphong', 'admin']) s[u] = await t.login(u);
  const created = await t.request('POST', '/api/v1/dossiers', { session: s['motcua.tanphong'], body: {
    procedureCode: '1.001193', channel: 'desk', resultDelivery: 'desk', idempotencyKey: 'lookup-paused-0001',
    applicant: { kind: 'citizen', fullName: 'Lò Thị Hương', idNumber: '012345678901', phone: '0912345678' },
  } });
  code = created.json().code;
  await act(s['motcua.tanphong']!, { action: 'transfer' });
  await act(s['chuyenvien.tanphong']!, { action: 'take' });
  secret = (await t.request('GET', `/api/v1/dossiers/${code}`, { session: s.admin })).json().lookupSecret;
});
afterAll(async () => { await t?.close(); });

async function act(session: Session, body: Record<string, unknown>) {
  const current = await t.request('GET', `/api/v1/dossiers/${code}`, { session: s.admin });
  const res = await t.request('POST', `/api/v1/dossiers/${code}/actions`, { session, body: { version: current.json().version, ...body } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const lookup = (query: string) => t.request('GET', `/api/v1/public/dossiers/${code}?${query}`);

describe('public lookup parameter', () => {
  it('takes the receipt secret as ?key= (the documented name) and still as ?secret=', async () => {
    const byKey = await lookup(`key=${secret}`);
    expect(byKey.statusCode, byKey.body).toBe(200);
    expect(byKey.json()).toMatchObject({ code, statusCode: 4 });
    const bySecret = await lookup(`secret=${secret}`);
    expect(bySecret.statusCode).toBe(200);
    expect(bySecret.json()).toEqual(byKey.json());
    // Typed in lower case from the paper.
    expect((await lookup(`key=${secret.toLowerCase()}`)).statusCode).toBe(200);
  });

  it('a wrong, empty or missing key answers like an unknown code', async () => {
    for (const query of ['key=AAAAAA', 'secret=AAAAAA', 'key=', '']) expect((await lookup(query)).statusCode).toBe(404);
    expect((await lookup('key=AAAAAA&secret=' + secret)).statusCode).toBe(404);
  });
});

describe('the paused clock', () => {
  it('while the applicant supplements, staff and public see the clock paused, not "within" an old date', async () => {
    now = PAUSED_AT;
    await act(s['chuyenvien.tanphong']!, { action: 'request_supplement', items: [{ name: 'Giấy chứng sinh', reason: 'Bản chụp không rõ' }] });
    for (const at of ['2026-03-04T09:00:00+07:00', '2026-03-20T09:00:00+07:00']) {
      now = new Date(at);
      const pub = await lookup(`key=${secret}`);
      expect(pub.json()).toMatchObject({ statusCode: 5, timeliness: 'paused', pausedSince: PAUSED_AT.toISOString() });
      const staff = (await t.request('GET', `/api/v1/dossiers/${code}`, { session: s['motcua.tanphong'] })).json();
      expect(staff).toMatchObject({ statusCode: 5, timeliness: 'paused', pausedSince: PAUSED_AT.toISOString() });
    }
  });

  it('the clock runs again when the supplement arrives, with the due date moved by the pause', async () => {
    now = new Date('2026-03-05T09:00:00+07:00'); // two working days after the pause
    await act(s['motcua.tanphong']!, { action: 'supplement_received' });
    const pub = (await lookup(`key=${secret}`)).json();
    expect(pub).toMatchObject({ statusCode: 4, timeliness: 'within', pausedSince: null });
    expect(pub.dueAt).toBe(new Date('2026-03-09T09:00:00+07:00').toISOString());
  });
});
