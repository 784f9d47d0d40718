import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, startApp, type RunningApp } from './support.js';

let app: RunningApp;
let browser: Browser;
let page: Page;
beforeAll(async () => {
  app = await startApp();
  ({ browser, page } = await openBrowser());
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const POLL = { timeout: 20_000, interval: 250 };
type Figures = { received: { total: number }; completed: { total: number; late: number }; inProgress: { overdue: number } };
type Report = { rows: (Figures & { key: string; name: string })[]; totals: Figures };

/** The demo's history covers the last 120 days whatever day it is generated: the journey reports on the last 100. */
function lastDays(days: number): { from: string; to: string } {
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(d);
  return { from: day(new Date(Date.now() - days * 86_400_000)), to: day(new Date()) };
}

describe('a leader reads the statistics', () => {
  it('opens the dashboard, drills from a unit’s late count to its dossiers, and exports form II.06a that Excel opens with the same figures', async () => {
    await signIn(page, app.url, 'kiemtra');
    const { from, to } = lastDays(100);
    const json = await page.evaluate(async (q) => (await fetch(`/api/v1/reports/ii06a?${q}`)).json(), `from=${from}&to=${to}&groupBy=unit`) as Report;
    // The unit with the most dossiers completed late.
    const unit = [...json.rows].sort((a, b) => b.completed.late - a.completed.late)[0]!;
    expect(unit.completed.late).toBeGreaterThan(0);

    // The dashboard, reached from the menu, then set to the same days by its address.
    await page.goto(`${app.url}/can-bo`);
    await page.getByRole('link', { name: 'Bảng điều hành' }).first().click();
    await page.waitForURL((u) => u.pathname === '/can-bo/bao-cao/bang-dieu-hanh');
    await page.getByText('Xếp hạng đơn vị theo tỷ lệ đúng hạn').waitFor({ timeout: 20_000 });
    await page.goto(`${app.url}/can-bo/bao-cao/bang-dieu-hanh?from=${from}&to=${to}`);
    await page.getByText('Xếp hạng đơn vị theo tỷ lệ đúng hạn').waitFor({ timeout: 20_000 });
    // The monthly trend is drawn; the ranking row of the unit shows the form's late count as a link.
    await expect.poll(() => page.locator('[data-chart] svg').count(), POLL).toBeGreaterThanOrEqual(1);
    const row = page.locator(`tr[data-unit="${unit.key}"]`);
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.innerText()).toContain(unit.name);
    await row.getByRole('link', { name: `Xem ${unit.completed.late} hồ sơ: Giải quyết quá hạn, ${unit.name}` }).click();
    await page.waitForURL((u) => u.pathname === '/can-bo/bao-cao/ho-so');
    await expect.poll(() => page.getByTestId('behind-total').innerText(), POLL).toBe(`${unit.completed.late} hồ sơ`);
    const rows = page.locator('tr[data-code]');
    await expect.poll(() => rows.count(), POLL).toBe(Math.min(unit.completed.late, 50));
    // Each dossier opens its own page.
    const first = (await rows.first().getAttribute('data-code'))!;
    await rows.first().getByRole('link', { name: first }).click();
    await page.waitForURL((u) => decodeURIComponent(u.pathname) === `/can-bo/ho-so/${first}`);
    await page.goBack();
    // On to the form of the same period and unit, whose figures are the same links.
    await page.getByRole('button', { name: /Về báo cáo/ }).click();
    await page.waitForURL((u) => u.pathname === '/can-bo/bao-cao' && u.searchParams.get('from') === from);
    await page.getByText('Hồ sơ trễ hạn theo đơn vị').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByRole('link', { name: `Xem ${unit.completed.late} hồ sơ: Quá hạn, ${unit.name}` }).count(), POLL).toBeGreaterThan(0);

    // The form in Excel: downloaded from the page, opened with ExcelJS, checked against the API's figures.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải Excel (mẫu biểu)' }).click()]);
    expect(download.suggestedFilename()).toBe(`bao-cao-II06a-H30-${from}-${to}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
    expect(cells).toContain('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    const header = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((r) => sheet.getCell(r, 3).value === 'Số hồ sơ nhận giải quyết')!;
    expect(sheet.getCell(header, 6).master.address).toBe(sheet.getCell(header, 3).address); // merged over its four columns
    const total = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((r) => sheet.getCell(r, 2).value === 'Tổng cộng')!;
    expect(sheet.getCell(total, 3).value).toBe(json.totals.received.total);
    expect(sheet.getCell(total, 10).value).toBe(json.totals.completed.late);
    const unitRow = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((r) => sheet.getCell(r, 2).value === unit.name)!;
    expect(sheet.getCell(unitRow, 10).value).toBe(unit.completed.late);

    // Form II.07b of the same period, below: its workbook carries the page's total.
    const ii07b = page.getByTestId('ii07b');
    const catalogue = await page.evaluate(async (q) => (await fetch(`/api/v1/reports/ii07b?${q}`)).json(), `from=${from}&to=${to}`) as { totals: { total: number } };
    await expect.poll(() => ii07b.innerText(), POLL).toContain('Cấp xã');
    const [form07] = await Promise.all([page.waitForEvent('download'), ii07b.getByRole('link', { name: /Tải Excel/ }).click()]);
    expect(form07.suggestedFilename()).toBe(`bao-cao-II07b-${from}-${to}.xlsx`);
    const book07 = new ExcelJS.Workbook();
    await book07.xlsx.load(readFileSync(await form07.path()) as unknown as ArrayBuffer);
    const s07 = book07.worksheets[0]!;
    const total07 = [...Array(s07.rowCount).keys()].map((i) => i + 1).find((r) => s07.getCell(r, 2).value === 'Tổng cộng')!;
    expect(s07.getCell(total07, 3).value).toBe(catalogue.totals.total);

    // The reports kept when their period ended (a month always ended within the job's look-back).
    const keptCard = page.getByTestId('kept-reports');
    await expect.poll(async () => { await page.reload(); await keptCard.waitFor({ timeout: 20_000 }); return keptCard.getByRole('link', { name: /Tải Excel báo cáo Tháng/ }).count(); }, { timeout: 60_000, interval: 3_000 }).toBeGreaterThan(0);
    const [kept] = await Promise.all([page.waitForEvent('download'), keptCard.getByRole('link', { name: /Tải Excel báo cáo Tháng/ }).first().click()]);
    expect(kept.suggestedFilename()).toMatch(/^bao-cao-II06a-H30-\d{4}-M\d{2}\.xlsx$/);
  });

  it('the public reads the province’s figures and a commune’s, with no dossier behind them', async () => {
    const visitor = await browser.newPage();
    await visitor.goto(`${app.url}/`);
    await visitor.locator('nav').getByRole('link', { name: 'Thống kê' }).click();
    await visitor.waitForURL((u) => u.pathname === '/thong-ke');
    const stats = await visitor.evaluate(async () => (await fetch('/api/v1/public/statistics')).json()) as { totals: { received: number }; units: { code: string; name: string; hasChildren: boolean }[] };
    await visitor.getByText('Xếp hạng đơn vị theo tỷ lệ đúng hạn').waitFor({ timeout: 20_000 });
    expect(await visitor.locator('main').innerText()).toContain(stats.totals.received.toLocaleString('vi-VN'));
    // Counts only: no figure links to dossiers for the public.
    expect(await visitor.locator('a[href*="/can-bo/"]').count()).toBe(0);
    const commune = stats.units.find((u) => u.code === 'H30.501')!;
    await visitor.getByRole('link', { name: `Xem các đơn vị trực thuộc ${commune.name}` }).click();
    await visitor.waitForURL((u) => u.searchParams.get('unit') === 'H30.501');
    await expect.poll(() => visitor.getByTestId('dashboard-as-of').innerText(), POLL).toContain(commune.name);
    await visitor.close();
  });
});
