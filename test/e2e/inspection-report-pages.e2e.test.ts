/**
 * The inspection report pages (issue 18 scope 4), a smoke test on the demo: the province's auditor opens the
 * report from the side menu (the current statutory quarter first), chooses the year, and reads in Biểu 01 the
 * figures the API gives for the same days; the workbook downloaded from the page has the same total row and
 * the PDF is a PDF. The inspectorate's head sees his own unit's subtree, and a unit outside his reach is
 * refused with the server's words. On the portal, without signing in, the public summary lists the published
 * results with the denouncer's name and phone nowhere on the page; a phone shows both pages without a
 * sideways scroll of the page itself. The full journey through the council is the lead's (issue 18).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, startApp, type RunningApp } from './support.js';

let app: RunningApp;
let browser: Browser;
const POLL = { timeout: 20_000, interval: 250 };
// The published founded denunciation of demo/inspection/demo.json ("to-cao-da-ket-luan"): its denouncer.
const DENOUNCER = { name: 'Nguyễn Thị Thanh Loan', phone: '0912445566' };
const todayVn = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
/** The statutory year today falls in (15/12 of the year before to 14/12). */
const statutoryYear = Number(todayVn.slice(0, 4)) + (todayVn.slice(5) > '12-14' ? 1 : 0);

type Figures = { carriedOver: number; received: number; accepted: number; refused: number; resolved: number; resolution: { onTime: number; late: number };
  outcomes: Record<'founded' | 'partly_founded' | 'unfounded' | 'withdrawn', number>; published: number; open: { total: number; overdue: number } };
/** Biểu 01's figures in the workbook's column order. */
const row01 = (f: Figures) => [f.carriedOver, f.received, f.accepted, f.refused, f.resolved, f.resolution.onTime, f.resolution.late,
  f.outcomes.founded, f.outcomes.partly_founded, f.outcomes.unfounded, f.outcomes.withdrawn, f.published, f.open.total, f.open.overdue];

async function staffPage(username: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, app.url, username);
  return page;
}

const scopeLine = async (page: Page) => (await page.getByTestId('insp-rep-scope').innerText()).split('\n')[0]!;
const totalRow = async (page: Page, table: string) =>
  (await page.getByTestId(`insp-rep-${table}`).locator('tbody tr').filter({ hasText: 'Tổng cộng' }).innerText()).split(/\s+/).filter((x) => /^\d+$/.test(x)).map(Number);

beforeAll(async () => {
  app = await startApp();
  ({ browser } = await openBrowser());
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('inspection report pages', () => {
  it('shows the period chosen with the API\'s figures and downloads the same report', async () => {
    const page = await staffPage('kiemtra');
    await page.getByRole('menuitem', { name: /Báo cáo thanh tra, KNTC/ }).click();
    await page.waitForURL((u) => u.pathname === '/can-bo/thanh-tra/bao-cao');
    await page.getByTestId('insp-rep-t01').waitFor();
    expect(await scopeLine(page)).toMatch(/^Quý (I|II|III|IV) năm \d{4} .*Tỉnh Lai Châu \(toàn tỉnh\)/);

    await page.getByLabel('Kỳ báo cáo').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^Năm ${statutoryYear} \\(`) }).click();
    await page.waitForURL((u) => u.searchParams.get('period') === `${statutoryYear}-Y`);
    await expect.poll(() => scopeLine(page), POLL).toContain(`Năm ${statutoryYear} (từ 15/12/${statutoryYear - 1} đến 14/12/${statutoryYear})`);

    const from = `${statutoryYear - 1}-12-15`;
    const to = `${statutoryYear}-12-14`;
    const api = await (await page.request.get(`${app.url}/api/v1/inspection/reports?from=${from}&to=${to}`)).json() as { cases: { total: Figures } };
    // The demo's cases all lie within the last hundred days; the year holds at least one received.
    expect(api.cases.total.received).toBeGreaterThan(0);
    await expect.poll(() => totalRow(page, 't01'), POLL).toEqual(row01(api.cases.total));

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải bảng tính (XLSX)' }).click()]);
    expect(xlsx.suggestedFilename()).toBe(`bao-cao-thanh-tra-${statutoryYear}-Y.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Khiếu nại, tố cáo')!;
    let total: unknown[] = [];
    sheet.eachRow((r) => { const v = (r.values as unknown[]).slice(1); if (v.includes('Tổng cộng') && !total.length) total = v.filter((x) => typeof x === 'number'); });
    expect(total).toEqual(row01(api.cases.total));
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải bản PDF' }).click()]);
    expect(readFileSync(await pdf.path()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('keeps the inspectorate\'s head within his reach', async () => {
    const page = await staffPage('lanhdao.ttt');
    await page.goto(`${app.url}/can-bo/thanh-tra/bao-cao?period=${statutoryYear}-Y`);
    await expect.poll(() => scopeLine(page), POLL).toContain('Thanh tra tỉnh và các đơn vị trực thuộc');
    // The province (the province auditor's scope) is outside his report.read reach: the server does not reveal it.
    const auditor = await staffPage('kiemtra');
    const province = await (await auditor.request.get(`${app.url}/api/v1/inspection/reports?from=${statutoryYear - 1}-12-15&to=${statutoryYear}-12-14`)).json() as { scope: { unitId: number; province: boolean } };
    expect(province.scope.province).toBe(true);
    await page.goto(`${app.url}/can-bo/thanh-tra/bao-cao?period=${statutoryYear}-Y&unit=${province.scope.unitId}`);
    await page.getByText('Không tìm thấy đơn vị.').waitFor({ timeout: 20_000 });
  });

  it('publishes the summary without the denouncer, on a phone too', async () => {
    const years = [statutoryYear, statutoryYear - 1];
    const answers = await Promise.all(years.map(async (y) => (await fetch(`${app.url}/api/v1/public/inspection-summary?year=${y}`)).json() as Promise<{ cases: { received: number }; published: { decisionNo: string | null }[] }>));
    const at = answers.findIndex((a) => a.published.length > 0);
    expect(at).toBeGreaterThanOrEqual(0);
    const year = years[at]!;

    for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
      const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport });
      const page = await context.newPage();
      await page.goto(`${app.url}/ket-qua-khieu-nai-to-cao?nam=${year}`);
      await page.getByTestId('insp-pub-result').first().waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('insp-pub-result').count()).toBe(answers[at]!.published.length);
      expect(await page.getByTestId('insp-pub-result').first().innerText()).toContain(answers[at]!.published[0]!.decisionNo!);
      expect(await page.getByTestId('insp-pub-received').innerText()).toContain(String(answers[at]!.cases.received));
      const text = await page.locator('main').innerText();
      expect(text).not.toContain(DENOUNCER.name);
      expect(text).not.toContain(DENOUNCER.phone);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await context.close();
    }

    const phone = await staffPage('lanhdao.stp', { width: 390, height: 844 });
    await phone.goto(`${app.url}/can-bo/thanh-tra/bao-cao?period=${statutoryYear}-Y`);
    await phone.getByTestId('insp-rep-t07').waitFor({ timeout: 20_000 });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
