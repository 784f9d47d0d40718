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
  it('drills from a unit’s late count to its dossiers, and exports form II.06a that Excel opens with the same figures', async () => {
    await signIn(page, app.url, 'kiemtra');
    const { from, to } = lastDays(100);
    const json = await page.evaluate(async (q) => (await fetch(`/api/v1/reports/ii06a?${q}`)).json(), `from=${from}&to=${to}&groupBy=unit`) as Report;
    // The unit with the most dossiers completed late.
    const unit = [...json.rows].sort((a, b) => b.completed.late - a.completed.late)[0]!;
    expect(unit.completed.late).toBeGreaterThan(0);

    await page.goto(`${app.url}/can-bo/bao-cao?from=${from}&to=${to}&groupBy=unit`);
    await page.getByText('Hồ sơ trễ hạn theo đơn vị').waitFor({ timeout: 20_000 });
    // The chart draws the late work; the table beside it carries the same figures as links.
    expect(await page.locator('[data-chart] svg').count()).toBe(1);
    await page.getByRole('link', { name: `Xem ${unit.completed.late} hồ sơ: Quá hạn, ${unit.name}` }).first().click();
    await page.waitForURL((u) => u.pathname === '/can-bo/bao-cao/ho-so');
    await expect.poll(() => page.getByTestId('behind-total').innerText(), POLL).toBe(`${unit.completed.late} hồ sơ`);
    const rows = page.locator('tr[data-code]');
    await expect.poll(() => rows.count(), POLL).toBe(Math.min(unit.completed.late, 50));
    // Each dossier opens its own page.
    const first = (await rows.first().getAttribute('data-code'))!;
    await rows.first().getByRole('link', { name: first }).click();
    await page.waitForURL((u) => decodeURIComponent(u.pathname) === `/can-bo/ho-so/${first}`);
    await page.goBack();
    await page.getByRole('button', { name: /Về báo cáo/ }).click();
    await page.waitForURL((u) => u.pathname === '/can-bo/bao-cao' && u.searchParams.get('from') === from);

    // The form in Excel: downloaded from the page, opened with ExcelJS, checked against the API's figures.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Tải Excel/ }).click()]);
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
  });
});
