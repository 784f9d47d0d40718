import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { createCalendarModule } from './calendar.module.js';

// Changing the province calendar: notices, day edits, office hours. Each change must reach the
// deadline calculator the dossiers use at once, carry a version, and leave an audit row.

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(async () => {
  await t?.close();
});

const vn = (local: string) => new Date(`${local}:00+07:00`);
const iso = (d: Date) => d.toISOString();

async function yearVersion(year: number): Promise<number> {
  const res = await t.request('GET', `/api/v1/calendar/admin/years/${year}`, { session: admin });
  expect(res.statusCode).toBe(200);
  return res.json().version as number;
}

async function auditRows(action: string, entityId: string) {
  return t.db.selectFrom('audit_events').selectAll().where('action', '=', action).where('entity_id', '=', entityId).execute();
}

// 2027 has no notice in the demo: Tết (mùng 1 = Saturday 6/2/2027) is 5–9/2 by default, and the
// weekend holidays 6/2 and 7/2 are made up on Wednesday 10/2 and Thursday 11/2 (art. 111(3)).
const swapNotice = {
  document: 'Công văn 999/UBND-VX', date: '2026-11-20', title: 'Hoán đổi ngày làm việc dịp Tết Đinh Mùi 2027 (thử nghiệm)',
  issuer: 'UBND tỉnh Lai Châu',
  days: [
    { date: '2027-02-12', kind: 'swap_off', name: 'Nghỉ hoán đổi sang thứ Bảy 20/02/2027' },
    { date: '2027-02-20', kind: 'makeup_workday', name: 'Làm bù cho thứ Sáu 12/02/2027' },
  ],
};

describe('recording a notice', () => {
  it('shows what would change without recording anything (dryRun)', async () => {
    const version = await yearVersion(2027);
    const res = await t.request('POST', '/api/v1/calendar/years/2027/notices', { session: admin, body: { ...swapNotice, version, dryRun: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json().recorded).toBe(false);
    expect(res.json().changes.map((c: { date: string; change: string }) => `${c.date} ${c.change}`)).toEqual(['2027-02-12 added', '2027-02-20 added']);
    expect(await yearVersion(2027)).toBe(version);
    expect(await auditRows('calendar.notice.recorded', '2027')).toHaveLength(0);
  });

  it('changes deadlines.calculator() at once, explains the change and writes an audit row', async () => {
    const calc = await t.services.calendar.deadlines.calculator(); // warm the cache first
    const from = vn('2027-02-04T09:00');
    // Thu 4/2 6 h; 5–11/2 Tết, weekend and compensatory days; Fri 12/2 8 h; Mon 15/2 2 h.
    expect(iso(calc.due(from, { amount: 2, unit: 'working_days' }))).toBe(iso(vn('2027-02-15T09:00')));

    const version = await yearVersion(2027);
    const res = await t.request('POST', '/api/v1/calendar/years/2027/notices', { session: admin, body: { ...swapNotice, version } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.recorded).toBe(true);
    expect(body.year.version).toBe(version + 1);
    const change = body.year.changes.find((c: { date: string }) => c.date === '2027-02-12');
    expect(change).toMatchObject({ change: 'added', source: 'notice', basis: { document: 'Công văn 999/UBND-VX', date: '2026-11-20' } });
    expect(change.note).toContain('Công văn 999/UBND-VX');

    // Fri 12/2 is now off: Mon 15/2 8 h, Tue 16/2 2 h.
    const after = await t.services.calendar.deadlines.calculator();
    expect(after).not.toBe(calc);
    expect(iso(after.due(from, { amount: 2, unit: 'working_days' }))).toBe(iso(vn('2027-02-16T09:00')));
    const viaApi = await t.request('GET', `/api/v1/calendar/deadline?from=${encodeURIComponent('2027-02-04T09:00:00+07:00')}&amount=2&unit=working_days`);
    expect(viaApi.json().due).toBe('2027-02-16T09:00:00+07:00');

    const year = (await t.request('GET', '/api/v1/calendar/years/2027')).json();
    expect(year.days.find((d: { date: string }) => d.date === '2027-02-12')).toMatchObject({ kind: 'swap_off', source: 'notice' });
    const rows = await auditRows('calendar.notice.recorded', '2027');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor_name).toContain('admin');
    expect(JSON.stringify(rows[0]!.summary)).toContain('Công văn 999/UBND-VX');
  });

  it('refuses the same document twice (409) and a stale version (409 STALE_VERSION)', async () => {
    const version = await yearVersion(2027);
    const again = await t.request('POST', '/api/v1/calendar/years/2027/notices', { session: admin, body: { ...swapNotice, version } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('NOTICE_ALREADY_RECORDED');
    const stale = await t.request('POST', '/api/v1/calendar/years/2027/notices', { session: admin, body: { ...swapNotice, document: 'Công văn 1000/UBND-VX', version: version - 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect(await yearVersion(2027)).toBe(version);
  });

  it('answers 400 naming the field for days that do not fit', async () => {
    const version = await yearVersion(2027);
    const res = await t.request('POST', '/api/v1/calendar/years/2027/notices', {
      session: admin,
      body: { ...swapNotice, document: 'Công văn 1001/UBND-VX', version, days: [
        { date: '2027-03-03', kind: 'makeup_workday', name: 'Làm bù ngày thường?' },
        { date: '2028-01-03', kind: 'swap_off', name: 'Năm khác' },
      ], removes: ['2027-03-10'] },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(['days.0.kind', 'days.1.date', 'removes.0']);
    expect(res.json().error.fields[0].message).toContain('ngày làm bù');
  });

  it('withdraws a notice: its days leave the calendar and the calculator', async () => {
    const notice = await t.db.selectFrom('calendar_notices').select('id').where('document', '=', 'Công văn 999/UBND-VX').executeTakeFirstOrThrow();
    const version = await yearVersion(2027);
    const res = await t.request('POST', `/api/v1/calendar/notices/${notice.id}/withdraw`, { session: admin, body: { version, reason: 'Ghi nhầm văn bản thử nghiệm' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().days.find((d: { date: string }) => d.date === '2027-02-12')).toBeUndefined();
    const calc = await t.services.calendar.deadlines.calculator();
    expect(iso(calc.due(vn('2027-02-04T09:00'), { amount: 2, unit: 'working_days' }))).toBe(iso(vn('2027-02-15T09:00')));
    expect(await auditRows('calendar.notice.withdrawn', '2027')).toHaveLength(1);
    expect((await t.request('POST', `/api/v1/calendar/notices/${notice.id}/withdraw`, { session: admin, body: { version: version + 1, reason: 'lần hai' } })).statusCode).toBe(404);
  });
});

describe('editing a day', () => {
  it('adds a day off with a reason, shows it as a manual change, and can undo it', async () => {
    let version = await yearVersion(2028);
    expect(version).toBe(0); // never stored: the first change stores the year
    const res = await t.request('PUT', '/api/v1/calendar/days/2028-06-02', {
      session: admin,
      body: { version, kind: 'holiday', name: 'Nghỉ lễ kỷ niệm thành lập tỉnh', reason: 'Theo quyết định của Chủ tịch UBND tỉnh', basis: { document: 'Quyết định 12/QĐ-UBND', date: '2028-05-20' } },
    });
    expect(res.statusCode).toBe(200);
    const day = res.json().days.find((d: { date: string }) => d.date === '2028-06-02');
    expect(day).toMatchObject({ kind: 'holiday', source: 'manual', reason: 'Theo quyết định của Chủ tịch UBND tỉnh' });
    expect(res.json().changes.find((c: { date: string }) => c.date === '2028-06-02')).toMatchObject({ change: 'added', source: 'manual' });
    const calc = await t.services.calendar.deadlines.calculator();
    expect(iso(calc.due(vn('2028-06-01T09:00'), { amount: 1, unit: 'working_days' }))).toBe(iso(vn('2028-06-05T09:00')));
    expect(await auditRows('calendar.day.edited', '2028')).toHaveLength(1);

    version = res.json().version;
    const undo = await t.request('PUT', '/api/v1/calendar/days/2028-06-02', { session: admin, body: { version, kind: 'ordinary', reason: 'Quyết định bị hủy' } });
    expect(undo.statusCode).toBe(200);
    expect(undo.json().days.find((d: { date: string }) => d.date === '2028-06-02')).toBeUndefined();
    const calc2 = await t.services.calendar.deadlines.calculator();
    expect(iso(calc2.due(vn('2028-06-01T09:00'), { amount: 1, unit: 'working_days' }))).toBe(iso(vn('2028-06-02T09:00')));
  });

  it('cancels a default holiday and records why', async () => {
    const version = await yearVersion(2028);
    const res = await t.request('PUT', '/api/v1/calendar/days/2028-05-01', { session: admin, body: { version, kind: 'ordinary', reason: 'Thử: bỏ ngày lễ mặc định' } });
    expect(res.statusCode).toBe(200);
    const change = res.json().changes.find((c: { date: string }) => c.date === '2028-05-01');
    expect(change).toMatchObject({ change: 'removed', source: 'manual', reason: 'Thử: bỏ ngày lễ mặc định' });
    expect(change.note).toContain('Quốc tế Lao động');
  });

  it('answers 409 for a stale version and 400 for a kind that does not fit or a missing reason', async () => {
    const version = await yearVersion(2028);
    const stale = await t.request('PUT', '/api/v1/calendar/days/2028-06-05', { session: admin, body: { version: version - 1, kind: 'holiday', name: 'X', reason: 'y' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const weekday = await t.request('PUT', '/api/v1/calendar/days/2028-06-05', { session: admin, body: { version, kind: 'makeup_workday', name: 'Làm bù', reason: 'thử' } });
    expect(weekday.statusCode).toBe(400);
    expect(weekday.json().error.fields[0]).toMatchObject({ path: 'kind' });
    const noReason = await t.request('PUT', '/api/v1/calendar/days/2028-06-05', { session: admin, body: { version, kind: 'holiday', name: 'X' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('reason');
    const badDate = await t.request('PUT', '/api/v1/calendar/days/2028-02-30', { session: admin, body: { version, kind: 'holiday', name: 'X', reason: 'y' } });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.fields[0].path).toBe('params.date');
    expect(await yearVersion(2028)).toBe(version);
  });
});

describe('office hours', () => {
  it('appends a version in force from its date; the public view and the calculator follow; stale and bad input are refused', async () => {
    const before = (await t.request('GET', '/api/v1/calendar/hours')).json();
    expect(before.current).toMatchObject({ intervals: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }], hoursPerDay: 8, saturdayWorking: false });

    const bad = await t.request('PUT', '/api/v1/calendar/hours', { session: admin, body: { version: before.current.version, intervals: [{ start: '13:00', end: '12:00' }], saturdayWorking: false } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('intervals.0.end');

    const body = { version: before.current.version, intervals: [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }], saturdayWorking: false, effectiveFrom: '2000-01-01', reason: 'Thử giờ làm việc mới' };
    const res = await t.request('PUT', '/api/v1/calendar/hours', { session: admin, body });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: before.current.version + 1, hoursPerDay: 8 });
    const calc = await t.services.calendar.deadlines.calculator();
    expect(iso(calc.due(vn('2026-03-02T07:00'), { amount: 1, unit: 'working_hours' }))).toBe(iso(vn('2026-03-02T08:30')));
    expect(await auditRows('calendar.hours.set', String(before.current.version + 1))).toHaveLength(1);

    const stale = await t.request('PUT', '/api/v1/calendar/hours', { session: admin, body });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');

    // Put the demo hours back for the tests that follow.
    const ok = await t.request('PUT', '/api/v1/calendar/hours', { session: admin, body: { version: before.current.version + 1, intervals: before.current.intervals, saturdayWorking: false, effectiveFrom: '2000-01-01', reason: 'Khôi phục' } });
    expect(ok.statusCode).toBe(200);
  });
});

describe('several app processes', () => {
  it('another process sees a change after its re-check interval; within it, it keeps its cached calendar', async () => {
    const other = createCalendarModule(t.db, { recheckMs: 0 });
    const lazy = createCalendarModule(t.db, { recheckMs: 3_600_000 });
    const from = vn('2029-07-05T09:00'); // Thursday
    const dueOf = async (m: ReturnType<typeof createCalendarModule>) => iso((await m.deadlines.calculator()).due(from, { amount: 1, unit: 'working_days' }));
    expect(await dueOf(other)).toBe(iso(vn('2029-07-06T09:00')));
    expect(await dueOf(lazy)).toBe(iso(vn('2029-07-06T09:00')));
    const res = await t.request('PUT', '/api/v1/calendar/days/2029-07-06', { session: admin, body: { version: await yearVersion(2029), kind: 'holiday', name: 'Nghỉ thử', reason: 'thử nhiều tiến trình' } });
    expect(res.statusCode).toBe(200);
    expect(await dueOf(other)).toBe(iso(vn('2029-07-09T09:00')));
    expect(await dueOf(lazy)).toBe(iso(vn('2029-07-06T09:00')));
    expect(other.service.cache.builds).toBe(2);
  });

  it('a cache hit does no I/O: one build serves many calls', async () => {
    const m = createCalendarModule(t.db, { recheckMs: 60_000 });
    for (let i = 0; i < 100; i++) await m.deadlines.calculator();
    expect(m.service.cache.builds).toBe(1);
  });
});
