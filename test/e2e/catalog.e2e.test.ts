import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, pdfText, startApp, type RunningApp } from './support.js';

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

describe('a citizen looking for a procedure', () => {
  it('finds it without typing diacritics, opens it, downloads the form and the posting sheet', async () => {
    await page.goto(`${app.url}/`);
    // The header re-renders once the site identity arrives, and a click in that moment can be lost;
    // the home page also has a search box with a similar label: be on the catalogue page first.
    await page.locator('footer').waitFor();
    await expect.poll(async () => {
      if (new URL(page.url()).pathname !== '/thu-tuc') await page.getByRole('link', { name: 'Thủ tục hành chính' }).first().click();
      return new URL(page.url()).pathname;
    }, { timeout: 20_000, interval: 1000 }).toBe('/thu-tuc');
    await page.locator('.mc-cat-result-name').first().waitFor();
    const box = page.locator('.mc-cat-search').getByLabel('Tìm thủ tục');
    await box.fill('dang ky khai sinh');
    await box.press('Enter');
    const first = page.locator('.mc-cat-result-name').first();
    await expect.poll(() => first.textContent(), { timeout: 15_000 }).toBe('Đăng ký khai sinh');

    // A typo still finds it, and the page says the results are approximate.
    await box.fill('khai sihn');
    await box.press('Enter');
    await expect.poll(() => page.getByText('có thể bạn gõ nhầm').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => first.textContent()).toBe('Đăng ký khai sinh');

    await first.click();
    await page.waitForURL(/\/thu-tuc\/1\.001193$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Đăng ký khai sinh');
    await expect.poll(() => page.getByText('Tờ khai đăng ký khai sinh').count()).toBeGreaterThan(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Tải mẫu/ }).first().click()]);
    expect(download.suggestedFilename()).toBe('to-khai-dang-ky-khai-sinh.docx');

    const sheet = await page.request.get(await page.getByRole('link', { name: /In niêm yết/ }).getAttribute('href').then((h) => `${app.url}${h}`));
    expect(sheet.headers()['content-type']).toBe('application/pdf');
    const text = await pdfText(Buffer.from(await sheet.body()));
    expect(text).toContain('Đăng ký khai sinh');
    expect(text).toContain('Thành phần, số lượng hồ sơ');
  });
});
