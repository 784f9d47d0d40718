import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';

// The four public contract endpoints on the demo province calendar (demo/calendar/: CV 6620/UBND-VX
// for 2026, CV 8726/VPCP-KGVX for 2025, 2027 from the Labour Code defaults). Runs on PGlite and on
// PostgreSQL (TEST_DB=postgresql).

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.request('GET', url);
const enc = encodeURIComponent;

function fieldsOf(res: { json(): unknown }): { path: string; message: string }[] {
  return (res.json() as { error: { fields?: { path: string; message: string }[] } }).error.fields ?? [];
}

describe('GET /api/v1/calendar/years/:year', () => {
  it('lists the non-ordinary days of 2026 with kind, name and legal basis', async () => {
    const res = await get('/api/v1/calendar/years/2026');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { year: number; days: { date: string; kind: string; name: string; basis: { document: string; date: string } | null }[] };
    expect(body.year).toBe(2026);
    const byDate = new Map(body.days.map((d) => [d.date, d]));
    const cv6620 = { document: 'Công văn 6620/UBND-VX', date: '2025-10-24' };
    expect(byDate.get('2026-02-16')).toMatchObject({ date: '2026-02-16', kind: 'holiday', name: 'Tết Nguyên đán (29 tháng Chạp)', basis: cv6620 });
    expect(byDate.get('2026-08-22')).toMatchObject({ kind: 'makeup_workday', basis: cv6620 });
    expect(byDate.get('2026-08-31')).toMatchObject({ kind: 'swap_off', basis: cv6620 });
    // Giỗ Tổ on Sunday 26/4/2026 gives Monday 27/4 off (Labour Code art. 111(3)); no notice changed it.
    expect(byDate.get('2026-04-27')).toMatchObject({ kind: 'compensatory', basis: { document: 'Bộ luật Lao động số 45/2019/QH14, Điều 111 khoản 3', date: '2019-11-20' } });
    expect(byDate.get('2026-01-10')?.kind).toBe('makeup_workday');
    expect(byDate.has('2026-03-03')).toBe(false); // an ordinary Tuesday
    for (const d of body.days) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['date', 'kind', 'name', 'basis']));
      expect(d.date).toMatch(/^2026-\d{2}-\d{2}$/);
    }
    expect(body.days.map((d) => d.date)).toEqual([...body.days.map((d) => d.date)].sort());
  });

  it('answers a year without stored data from the Labour Code defaults', async () => {
    const res = await get('/api/v1/calendar/years/2030');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2030, stored: false, version: 0 });
    // Tết Canh Tuất: mùng 1 is Saturday 2/2/2030, the default pattern starts the day before.
    expect(res.json().days.find((d: { date: string }) => d.date === '2030-02-01')).toMatchObject({ kind: 'holiday', source: 'default' });
  });

  it.each(['abc', '2101', '1899', '20266'])('answers 400 naming the year for %s', async (year) => {
    const res = await get(`/api/v1/calendar/years/${year}`);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)[0]).toMatchObject({ path: 'params.year' });
    expect(fieldsOf(res)[0]!.message).toContain('Năm');
  });
});

describe('GET /api/v1/calendar/deadline', () => {
  it('counts 3 working days from Friday 13/2/2026 10:00 across the Tết break to 25/2 10:00', async () => {
    const res = await get(`/api/v1/calendar/deadline?from=${enc('2026-02-13T10:00:00+07:00')}&amount=3&unit=working_days`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.due).toBe('2026-02-25T10:00:00+07:00');
    expect(Array.isArray(body.explanation)).toBe(true);
    const skipped = body.explanation.filter((e: { kind: string }) => e.kind === 'skipped').map((e: { date: string }) => e.date);
    expect(skipped).toEqual(['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22']);
    const tet = body.explanation.find((e: { date: string }) => e.date === '2026-02-17');
    expect(tet).toMatchObject({ reason: 'holiday', basis: { document: 'Công văn 6620/UBND-VX', date: '2025-10-24' } });
    expect(tet.note).toContain('Tết Nguyên đán');
    const counted = body.explanation.filter((e: { kind: string }) => e.kind === 'counted').reduce((s: number, e: { hours: number }) => s + e.hours, 0);
    expect(counted).toBe(24);
    expect(body.explanation.at(-1)).toMatchObject({ kind: 'due', at: '2026-02-25T10:00:00+07:00' });
  });

  it('reads an unencoded "+07:00" (a space after URL decoding) and a missing offset as Vietnam time', async () => {
    for (const from of ['2026-02-13T10:00:00+07:00', '2026-02-13T10:00', '2026-02-13T03:00:00Z']) {
      const res = await get(`/api/v1/calendar/deadline?from=${from}&amount=3&unit=working_days`);
      expect(res.statusCode, from).toBe(200);
      expect(res.json().due).toBe('2026-02-25T10:00:00+07:00');
    }
  });

  // [from, amount, unit, cutoff, due, why]
  const cases: [string, string, string, string | null, string, string][] = [
    ['2026-02-12T09:00:00+07:00', '5', 'working_days', null, '2026-02-26T09:00:00+07:00', 'Thu 12/2 + 5: Fri 13, Mon 23 … Thu 26 (issue 3)'],
    ['2026-08-21T09:00:00+07:00', '1', 'working_days', null, '2026-08-22T09:00:00+07:00', 'Saturday 22/8 is a make-up working day'],
    ['2026-08-28T09:00:00+07:00', '1', 'working_days', null, '2026-09-03T09:00:00+07:00', '29/8–2/9 off: weekend, swap 31/8, Quốc khánh'],
    ['2026-08-20T09:00:00+07:00', '10', 'calendar_days', null, '2026-09-03T07:00:00+07:00', 'ends Sunday 30/8, moves past the swap and holidays'],
    ['2026-02-13T16:00:00+07:00', '2', 'working_hours', null, '2026-02-23T08:00:00+07:00', '1 h on 13/2, 1 h after Tết'],
    ['2026-03-05T15:30:00+07:00', '0', 'working_days', '15:00', '2026-03-06T17:00:00+07:00', 'same-day procedure received after the 15:00 cut-off'],
    ['2025-04-25T09:00:00+07:00', '1', 'working_days', null, '2025-04-26T09:00:00+07:00', 'Saturday 26/4/2025 worked for the 2/5 swap (CV 8726)'],
  ];
  it.each(cases)('%s + %s %s (cutoff %s) → %s: %s', async (from, amount, unit, cutoff, due) => {
    const res = await get(`/api/v1/calendar/deadline?from=${enc(from)}&amount=${amount}&unit=${unit}${cutoff ? `&cutoff=${cutoff}` : ''}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().due).toBe(due);
  });

  // [query, field, words the Vietnamese message must contain]
  const bad: [string, string, string][] = [
    ['amount=3&unit=working_days', 'from', 'Thời điểm tiếp nhận'],
    [`from=2026-02-30T10:00&amount=3&unit=working_days`, 'from', 'không phải thời điểm'],
    [`from=hôm-nay&amount=3&unit=working_days`, 'from', 'from'],
    [`from=1990-01-02T10:00&amount=3&unit=working_days`, 'from', '2000–2100'],
    [`from=2026-02-13T10:00&amount=3&unit=weeks`, 'unit', 'Đơn vị tính'],
    [`from=2026-02-13T10:00&amount=3`, 'unit', 'bắt buộc'],
    [`from=2026-02-13T10:00&amount=-1&unit=working_days`, 'amount', 'không âm'],
    [`from=2026-02-13T10:00&amount=abc&unit=working_days`, 'amount', 'Thời hạn'],
    [`from=2026-02-13T10:00&amount=2001&unit=working_days`, 'amount', '2000 ngày làm việc'],
    [`from=2026-02-13T10:00&amount=1.5&unit=calendar_days`, 'amount', 'số nguyên'],
    [`from=2026-02-13T10:00&amount=1&unit=working_days&cutoff=25:00`, 'cutoff', 'Giờ chốt'],
    [`from=2026-02-13T10:00&amount=1&unit=working_days&counting=tomorrow`, 'counting', 'Cách tính'],
  ];
  it.each(bad)('answers 400 for %s naming %s', async (query, field, words) => {
    const res = await get(`/api/v1/calendar/deadline?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    const f = fieldsOf(res).find((x) => x.path === `querystring.${field}`);
    expect(f, JSON.stringify(fieldsOf(res))).toBeDefined();
    expect(f!.message).toContain(words);
  });
});

describe('GET /api/v1/calendar/lunar and /solar', () => {
  it('converts solar to Vietnamese lunar dates, leap months included', async () => {
    expect((await get('/api/v1/calendar/lunar?date=2026-02-17')).json()).toEqual({ day: 1, month: 1, year: 2026, leap: false });
    expect((await get('/api/v1/calendar/lunar?date=2025-07-25')).json()).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    // Tết 1985 was 21/1 in Vietnam (UTC+7) and 20/2 in China: the Vietnamese calendar is used.
    expect((await get('/api/v1/calendar/lunar?date=1985-01-21')).json()).toEqual({ day: 1, month: 1, year: 1985, leap: false });
  });

  it('converts lunar to solar dates', async () => {
    const res = await get('/api/v1/calendar/solar?lunar=10-3-2026');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ date: '2026-04-26' });
    expect((await get('/api/v1/calendar/solar?lunar=1-6-2025&leap=1')).json()).toEqual({ date: '2025-07-25' });
    expect((await get('/api/v1/calendar/solar?lunar=1-6-2025')).json()).toEqual({ date: '2025-06-25' });
  });

  const bad: [string, string, string][] = [
    ['/api/v1/calendar/lunar?date=2026-13-01', 'querystring.date', 'không phải ngày hợp lệ'],
    ['/api/v1/calendar/lunar', 'querystring.date', 'bắt buộc'],
    ['/api/v1/calendar/lunar?date=1899-12-31', 'querystring.date', '1900–2100'],
    ['/api/v1/calendar/solar?lunar=30-2-2026', 'querystring.lunar', 'tháng thiếu'],
    ['/api/v1/calendar/solar?lunar=1-6-2026&leap=1', 'querystring.lunar', 'không có tháng 6 nhuận'],
    ['/api/v1/calendar/solar?lunar=10/3/2026', 'querystring.lunar', 'D-M-YYYY'],
    ['/api/v1/calendar/solar?lunar=1-13-2026', 'querystring.lunar', 'tháng phải từ 1 đến 12'],
    ['/api/v1/calendar/solar?lunar=1-1-2026&leap=yes', 'querystring.leap', 'Tháng nhuận'],
  ];
  it.each(bad)('answers 400 for %s', async (url, path, words) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    const f = fieldsOf(res).find((x) => x.path === path);
    expect(f, JSON.stringify(fieldsOf(res))).toBeDefined();
    expect(f!.message).toContain(words);
  });
});

describe('access to the admin endpoints', () => {
  let sessions: Record<string, Session>;
  beforeAll(async () => {
    sessions = { kiemtra: await t.login('kiemtra'), motcua: await t.login('motcua.tinh'), lanhdao: await t.login('lanhdao.stp') };
  });

  it('answers 401 without sign-in and 403 to staff without calendar.manage', async () => {
    const body = { version: 0, kind: 'holiday', name: 'Thử', reason: 'thử quyền' };
    expect((await t.request('PUT', '/api/v1/calendar/days/2028-06-01', { body })).statusCode).toBe(401);
    for (const s of Object.values(sessions)) {
      expect((await t.request('PUT', '/api/v1/calendar/days/2028-06-01', { session: s, body })).statusCode).toBe(403);
      expect((await t.request('GET', '/api/v1/calendar/admin/years/2028', { session: s })).statusCode).toBe(403);
      expect((await t.request('PUT', '/api/v1/calendar/hours', { session: s, body: { version: 1, intervals: [{ start: '08:00', end: '16:00' }], saturdayWorking: false } })).statusCode).toBe(403);
    }
    const rows = await t.db.selectFrom('calendar_day_edits').select('id').where('date', '=', '2028-06-01').execute();
    expect(rows).toHaveLength(0);
  });
});
