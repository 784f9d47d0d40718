import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { demoAccountStaff, demoProcedures, demoUnits } from '../dossiers/import/generator/demo-data.js';
import { generateDossiers } from '../dossiers/import/generator/index.js';

// Reports kept per period (docs/reports.md "Báo cáo lưu theo kỳ"). The clock is pinned on Monday
// 11/05/2026 03:00 (+07:00): month 4 of 2026 (15/03–14/04) ended within the look-back, the first
// quarter (ended 15/03) before it. A history of March and April is imported first.
const NOW = new Date('2026-05-11T03:00:00+07:00');
let now = NOW;
let t: TestApp;
const s = {} as Record<string, Session>;

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  for (const u of ['admin', 'kiemtra', 'lanhdao.tanphong', 'chuyenvien.tanphong']) s[u] = await t.login(u);
  const accounts = demoAccountStaff();
  const lines = [...generateDossiers({
    procedures: demoProcedures('2026-03-02'), units: demoUnits(), staff: accounts, accounts,
    calc: await t.services.calendar.deadlines.calculator(), from: new Date('2026-03-02T00:00:00+07:00'), to: new Date('2026-04-30T17:00:00+07:00'),
    now: new Date('2026-05-08T17:00:00+07:00'), count: 150, seed: 9,
  })];
  const boundary = '----motcua-archive';
  const body = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ho-so.ndjson"\r\nContent-Type: application/x-ndjson\r\n\r\n${lines.map((l) => JSON.stringify(l)).join('\n')}\r\n--${boundary}--\r\n`);
  const res = await t.request('POST', '/api/v1/admin/import/dossiers', { session: s.admin, body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  expect(res.json()).toMatchObject({ failed: 0 });
}, 240_000);
afterAll(async () => { await t?.close(); });

describe('reports kept per period', () => {
  it('keeps form II.06a of the province once its period has ended, with the figures and files as they stood', async () => {
    await t.services.jobs.runDueJobs(NOW);
    const list = await t.request('GET', '/api/v1/reports/archive', { session: s.kiemtra });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as { id: number; form: string; period: { code: string; from: string; to: string; label: { vi: string } }; unit: { code: string } }[];
    expect(items.map((i) => [i.form, i.period.code, i.unit.code])).toEqual([['II.06a', '2026-M04', 'H30']]);
    expect(items[0]!.period).toMatchObject({ from: '2026-03-15', to: '2026-04-14', label: { vi: 'Tháng 4/2026' } });

    const live = (await t.request('GET', '/api/v1/reports/ii06a?from=2026-03-15&to=2026-04-14', { session: s.kiemtra })).json();
    expect(live.totals.received.total).toBeGreaterThan(0);
    const xlsx = await t.request('GET', `/api/v1/reports/archive/${items[0]!.id}/xlsx`, { session: s.kiemtra });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('bao-cao-II06a-H30-2026-M04.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const total = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((r) => sheet.getCell(r, 2).value === 'Tổng cộng')!;
    expect(sheet.getCell(total, 3).value).toBe(live.totals.received.total);
    const pdf = await t.request('GET', `/api/v1/reports/archive/${items[0]!.id}/pdf`, { session: s.kiemtra });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = await t.db.selectFrom('audit_events').select(['action', 'entity_id']).where('action', '=', 'report.archived').execute();
    expect(audit).toEqual([{ action: 'report.archived', entity_id: String(items[0]!.id) }]);
  });

  it('keeps it once: another run, a day later, adds nothing for that period', async () => {
    const kept = await t.services.reports.archive.keepDue(new Date(NOW.getTime() + 86_400_000));
    expect(kept).toBe(0);
    expect((await t.db.selectFrom('report_archive').select('id').execute()).length).toBe(1);
  });

  it('shows a kept report only within the reader’s reach; bad input is 400', async () => {
    const commune = await t.request('GET', '/api/v1/reports/archive', { session: s['lanhdao.tanphong'] });
    expect(commune.json().items).toEqual([]);
    const id = (await t.db.selectFrom('report_archive').select('id').executeTakeFirstOrThrow()).id;
    expect((await t.request('GET', `/api/v1/reports/archive/${id}/pdf`, { session: s['lanhdao.tanphong'] })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/v1/reports/archive', { session: s['chuyenvien.tanphong'] })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/reports/archive')).statusCode).toBe(401);
    const bad = await t.request('GET', `/api/v1/reports/archive/${id}/doc`, { session: s.kiemtra });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('Định dạng');
    expect((await t.request('GET', '/api/v1/reports/archive/99999/xlsx', { session: s.kiemtra })).statusCode).toBe(404);
  });
});
