import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pdfToText } from '../../platform/documents/pdf-text.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';

// Đăng ký khai sinh at Tân Phong: received at the commune's desk; its head covers step 2 in the demo.
const PROCEDURE = '1.001193';
let now = TEST_NOW;
let t: TestApp;
const staff = {} as Record<string, Session>;
let tanPhongDesk: number;
let counter = 0;
let address = 0;
/** Each kiosk from its own address unless a test means the same one (the wrong-code limit is per address). */
const nextAddress = () => `10.9.${Math.floor(++address / 250)}.${address % 250}`;

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  for (const u of ['motcua.tanphong', 'lanhdao.tanphong', 'motcua.doanket', 'admin']) staff[u] = await t.login(u);
  tanPhongDesk = await t.unitId('H30.501.01');
});
afterAll(async () => { await t?.close(); });
beforeEach(() => { now = TEST_NOW; });

async function receive(): Promise<string> {
  const res = await t.request('POST', '/api/v1/dossiers', { session: staff['motcua.tanphong'], body: {
    procedureCode: PROCEDURE, channel: 'desk', resultDelivery: 'desk', idempotencyKey: `satisfaction-${++counter}`,
    applicant: { kind: 'citizen', fullName: 'Giàng Thị Mỷ', phone: '0912345678', idNumber: '001190004321' },
  } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().code;
}

async function act(session: Session | undefined, code: string, body: Record<string, unknown>) {
  const version = (await t.db.selectFrom('dossiers').select('version').where('code', '=', code).executeTakeFirstOrThrow()).version;
  const res = await t.request('POST', `/api/v1/dossiers/${code}/actions`, { session, body: { version, ...body } });
  expect(res.statusCode, res.body).toBe(200);
}

/** Received, handled, the result recorded and returned at the desk by the Tân Phong desk officer. */
async function returned(): Promise<string> {
  const code = await receive();
  await act(staff['motcua.tanphong'], code, { action: 'transfer' });
  await act(staff['lanhdao.tanphong'], code, { action: 'take' });
  await act(staff['lanhdao.tanphong'], code, { action: 'transfer' });
  await act(staff['lanhdao.tanphong'], code, { action: 'record_result', summary: 'Cấp Giấy khai sinh' });
  await act(staff['motcua.tanphong'], code, { action: 'return_result', receiverName: 'Giàng Thị Mỷ', method: 'desk' });
  return code;
}

const issue = (code: string, session = staff['motcua.tanphong'], body: Record<string, unknown> = {}) =>
  t.request('POST', `/api/v1/dossiers/${code}/rating-code`, { session, body });
const kiosk = (path: 'check' | '', body: Record<string, unknown>, remoteAddress = nextAddress()) =>
  t.app.inject({ method: 'POST', url: `/api/v1/public/ratings${path ? `/${path}` : ''}`, payload: body, remoteAddress });

describe('the kiosk code', () => {
  it('is shown at the desk, checked at the kiosk with no personal data, and works once', async () => {
    const code = await receive();
    const issued = await issue(code);
    expect(issued.statusCode, issued.body).toBe(200);
    const { code: kioskCode } = issued.json();
    expect(kioskCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    // Never in clear in the database: a keyed hash and a sealed copy.
    const stored = await t.db.selectFrom('rating_codes').selectAll().where('dossier_code', '=', code).execute();
    expect(JSON.stringify(stored)).not.toContain(kioskCode.replace('-', ''));
    // Shown again, it is the same code.
    expect((await issue(code)).json().code).toBe(kioskCode);

    const check = await kiosk('check', { code: kioskCode.toLowerCase() });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toEqual({ procedureName: expect.stringContaining('khai sinh'), unitName: expect.any(String), receivedOn: '02/03/2026' });
    expect(check.body).not.toMatch(/Giàng|0912345678|001190004321/);
    expect(check.body).not.toContain(code);

    const rated = await kiosk('', { code: kioskCode, level: 'satisfied', comment: 'Cán bộ hướng dẫn tận tình' });
    expect(rated.statusCode, rated.body).toBe(201);
    const again = await kiosk('', { code: kioskCode, level: 'not_satisfied' });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('RATING_CODE_USED');
    const row = await t.db.selectFrom('dossier_ratings').selectAll().where('dossier_code', '=', code).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'kiosk', level: 'satisfied', citizen_id: null, unit_id: tanPhongDesk, official_name: expect.any(String) });
    // The desk cannot issue another code for a rated dossier, nor type in a paper slip.
    expect((await issue(code)).json().error.code).toBe('ALREADY_RATED');
    const paper = await t.request('POST', `/api/v1/dossiers/${code}/rating`, { session: staff['motcua.tanphong'], body: { level: 'very_satisfied' } });
    expect(paper.statusCode).toBe(409);
  });

  it('issued anew, the old one stops working', async () => {
    const code = await receive();
    const first = (await issue(code)).json().code;
    const second = (await issue(code, staff['motcua.tanphong'], { renew: true })).json().code;
    expect(second).not.toBe(first);
    expect((await kiosk('check', { code: first })).json().error.code).toBe('RATING_CODE_INVALID');
    expect((await kiosk('check', { code: second })).statusCode).toBe(200);
  });

  it('is printed on the receipt (slip 01)', async () => {
    const code = await receive();
    const pdf = await t.request('GET', `/api/v1/dossiers/${code}/slips/01.pdf`, { session: staff['motcua.tanphong'] });
    expect(pdf.statusCode).toBe(200);
    const text = await pdfToText(pdf.rawPayload);
    // pdf.js splits the text run at the dash: read it back joined.
    const printed = /Mã đánh giá mức độ hài lòng:\s*([2-9A-HJ-NP-Z]{4})-\s*([2-9A-HJ-NP-Z]{4})/.exec(text.replace(/\s+/g, ' '))?.slice(1, 3).join('-');
    expect(printed, text).toBeDefined();
    // The desk's button shows the same live code; the kiosk takes it.
    expect((await issue(code)).json().code).toBe(printed);
    expect((await kiosk('check', { code: printed! })).statusCode).toBe(200);
  });

  it('expires the configured number of days after the result is returned', async () => {
    const code = await returned();
    const kioskCode = (await issue(code)).json().code;
    now = new Date(TEST_NOW.getTime() + 31 * 86_400_000);
    const late = await kiosk('', { code: kioskCode, level: 'satisfied' });
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe('RATING_CODE_EXPIRED');
  });

  it('refuses guessing: wrong codes look alike whatever they are, and an address is stopped after a few a minute', async () => {
    const code = await receive();
    const real = (await issue(code)).json().code;
    const ip = '10.77.0.1';
    const answers = [];
    for (const guess of ['AAAA-AAAA', 'ZZZZ-2222', 'not a code', 'BBBB-BBBB', 'CCCC-CCCC']) answers.push(await kiosk('check', { code: guess }, ip));
    for (const a of answers) {
      expect(a.statusCode).toBe(404);
      expect(a.json().error.code).toBe('RATING_CODE_INVALID');
      expect(a.json().error.message).toBe(answers[0]!.json().error.message);
    }
    // Now even the right code is refused from that address for the rest of the minute.
    const blocked = await kiosk('check', { code: real }, ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('RATING_CODE_TOO_MANY');
    expect((await kiosk('', { code: real, level: 'satisfied' }, ip)).statusCode).toBe(429);
    // Another kiosk is not affected; the right code is counted as presented.
    expect((await kiosk('check', { code: real })).statusCode).toBe(200);
    expect((await t.db.selectFrom('rating_codes').select('attempts').where('dossier_code', '=', code).executeTakeFirstOrThrow()).attempts).toBe(1);
    expect(t.services.satisfaction.wrongCodes()).toBeGreaterThanOrEqual(5);
  });
});

describe('one rating per dossier whatever the channel', () => {
  it('a paper slip by the desk, then neither the kiosk nor a second slip', async () => {
    const code = await returned();
    const kioskCode = (await issue(code)).json().code;
    const paper = await t.request('POST', `/api/v1/dossiers/${code}/rating`, { session: staff['motcua.tanphong'], body: { level: 'not_satisfied', comment: 'Phải chờ lâu' } });
    expect(paper.statusCode, paper.body).toBe(201);
    expect(paper.json()).toMatchObject({ level: 'not_satisfied', channel: 'paper' });
    const k = await kiosk('', { code: kioskCode, level: 'satisfied' });
    expect(k.statusCode).toBe(409);
    expect(k.json().error.code).toBe('ALREADY_RATED');
    expect((await t.request('POST', `/api/v1/dossiers/${code}/rating`, { session: staff['motcua.tanphong'], body: { level: 'satisfied' } })).statusCode).toBe(409);
    const row = await t.db.selectFrom('dossier_ratings').selectAll().where('dossier_code', '=', code).executeTakeFirstOrThrow();
    const desk = await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', 'motcua.tanphong').executeTakeFirstOrThrow();
    // The official rated is who returned the result at the desk; the slip was typed by the same officer.
    expect(row).toMatchObject({ channel: 'paper', official_staff_id: desk.staff_id, recorded_by_staff_id: desk.staff_id });
  });

  it('paper ratings only by staff who have a hand in the dossier: another commune does not see it', async () => {
    const code = await receive();
    const other = await t.request('POST', `/api/v1/dossiers/${code}/rating`, { session: staff['motcua.doanket'], body: { level: 'satisfied' } });
    expect(other.statusCode).toBe(404);
    expect((await issue(code, staff['motcua.doanket'])).statusCode).toBe(404);
    expect((await t.request('POST', `/api/v1/dossiers/${code}/rating`, { body: { level: 'satisfied' } })).statusCode).toBe(401);
  });
});

describe('results', () => {
  it('per unit, official and procedure, limited to the caller\'s reach; the public sees units only', async () => {
    const day = '2026-03-02';
    const code = await receive();
    const k = (await issue(code)).json().code;
    expect((await kiosk('', { code: k, level: 'very_satisfied' })).statusCode).toBe(201);

    const byUnit = await t.request('GET', `/api/v1/satisfaction?from=${day}&to=${day}&groupBy=unit`, { session: staff['lanhdao.tanphong'] });
    expect(byUnit.statusCode, byUnit.body).toBe(200);
    const units = byUnit.json();
    const row = units.rows.find((r: { key: string }) => r.key === String(tanPhongDesk));
    expect(row.counts.very_satisfied).toBeGreaterThanOrEqual(1);
    expect(row.satisfiedRate).toBeGreaterThan(0);
    expect(units.total.total).toBe(units.rows.reduce((n: number, r: { total: number }) => n + r.total, 0));

    const byOfficial = (await t.request('GET', `/api/v1/satisfaction?from=${day}&to=${day}&groupBy=official`, { session: staff['lanhdao.tanphong'] })).json();
    expect(byOfficial.rows.length).toBeGreaterThanOrEqual(1);
    expect(byOfficial.rows[0].name).not.toBe('');
    const byProcedure = (await t.request('GET', `/api/v1/satisfaction?from=${day}&to=${day}&groupBy=procedure`, { session: staff['lanhdao.tanphong'] })).json();
    expect(byProcedure.rows.find((r: { key: string }) => r.key === PROCEDURE).name).toContain('khai sinh');

    // Another commune's desk sees none of Tân Phong's ratings, and naming Tân Phong is 404.
    const doanKet = (await t.request('GET', `/api/v1/satisfaction?from=${day}&to=${day}`, { session: staff['motcua.doanket'] })).json();
    expect(doanKet.rows.find((r: { key: string }) => r.key === String(tanPhongDesk))).toBeUndefined();
    expect((await t.request('GET', `/api/v1/satisfaction?from=${day}&to=${day}&unitId=${tanPhongDesk}`, { session: staff['motcua.doanket'] })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/v1/satisfaction?from=${day}&to=${day}`)).statusCode).toBe(401);

    const pub = await t.app.inject({ method: 'GET', url: `/api/v1/public/satisfaction?from=${day}&to=${day}`, remoteAddress: nextAddress() });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().rows.find((r: { key: string }) => r.key === String(tanPhongDesk))).toBeDefined();
    expect(pub.json().groupBy).toBe('unit');
    // No names of officials, no comments.
    expect(pub.body).not.toContain(byOfficial.rows[0].name);

    const bad = await t.request('GET', `/api/v1/satisfaction?from=2026-03-05&to=2026-03-01`, { session: staff['lanhdao.tanphong'] });
    expect(bad.statusCode).toBe(400);

    // The statistics module's function: the same counts.
    const stats = await t.services.satisfaction.results({ from: new Date('2026-03-01T17:00:00Z'), to: new Date('2026-03-02T17:00:00Z'), unitIds: [tanPhongDesk], groupBy: 'unit' });
    expect(stats.total.total).toBe(row.total);
  });
});
