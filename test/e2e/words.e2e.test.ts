import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, startApp, type RunningApp } from './support.js';

/**
 * The words of the interface (issue 9, item 9): every page titled "<page> — <portal>", and none of
 * Ant Design's English showing through in Vietnamese — button texts, icon names, fixed labels.
 */
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

/** English a Vietnamese page must not carry: Ant Design's defaults and its icons' names. */
const ENGLISH = /^(select all|select current page|custom selection|cancel|ok|close|clear|search|down|up|left|right|calendar|swap-right|close-circle|increase value|decrease value|legend|segmented control|icon|expand row|collapse row|copy|edit|delete|plus|minus|eye|eye-invisible|check|loading|inbox|paper-clip|user|logout|menu|menu-fold|menu-unfold|file|download|upload|reload|info-circle|exclamation-circle|check-circle|question-circle)$/i;

async function words(p: Page): Promise<{ title: string; leaks: string[] }> {
  return p.evaluate((source) => {
    const english = new RegExp(source, 'i');
    const found: string[] = [];
    const visible = (e: Element) => e.getAttribute('aria-hidden') !== 'true' && !e.closest('[aria-hidden="true"]');
    for (const e of document.querySelectorAll('[aria-label]')) if (visible(e) && english.test(e.getAttribute('aria-label')!.trim())) found.push(`aria-label="${e.getAttribute('aria-label')}" on <${e.tagName.toLowerCase()} class="${e.className}">`);
    for (const e of document.querySelectorAll('button, [role="button"]')) if (english.test((e.textContent ?? '').trim())) found.push(`button "${e.textContent}"`);
    for (const e of document.querySelectorAll('[placeholder], [title]')) {
      for (const a of ['placeholder', 'title']) if (english.test(e.getAttribute(a)?.trim() ?? '')) found.push(`${a}="${e.getAttribute(a)}"`);
    }
    return { title: document.title, leaks: found };
  }, ENGLISH.source);
}

async function visit(path: string, ready: () => Promise<unknown>): Promise<{ title: string; leaks: string[] }> {
  await page.goto(`${app.url}${path}`);
  await ready();
  await page.waitForTimeout(300); // lazy parts (icons in selects, pagination) settle
  return words(page);
}

describe('words of the interface', () => {
  it('titles every page "<page> — <portal>" and lets no English through, public and staff pages alike', async () => {
    const home = await visit('/', () => page.getByRole('heading', { level: 1 }).first().waitFor());
    await expect.poll(() => page.title()).not.toBe('Cổng Dịch vụ công'); // the configured name, not the fallback
    const portal = await page.title();
    expect(portal).not.toContain(' — ');
    expect(home.leaks).toEqual([]);

    const h1 = () => page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 20_000 });
    const publicPages = ['/thu-tuc', '/thu-tuc/1.001193', '/dich-vu-truc-tuyen', '/tra-cuu', '/lich-lam-viec', '/dang-nhap'];
    for (const path of publicPages) {
      const { leaks } = await visit(path, h1);
      await expect.poll(() => page.title(), { message: path }).toMatch(new RegExp(`^[^—]+ — ${portal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      expect(leaks, path).toEqual([]);
    }

    await signIn(page, app.url, 'admin');
    const staffPages = ['/quan-tri/don-vi', '/quan-tri/can-bo', '/quan-tri/nhat-ky', '/quan-tri/thu-tuc', '/quan-tri/lich', '/can-bo/ho-so', '/can-bo/tiep-nhan'];
    for (const path of staffPages) {
      const { leaks } = await visit(path, h1);
      const heading = (await page.getByRole('heading', { level: 1 }).first().textContent())!.replace(/\s+/g, ' ').trim();
      // The portal's name arrives with the site settings; the title then settles on the scheme.
      await expect.poll(() => page.title(), { message: path }).toBe(`${heading} — ${portal}`);
      expect(leaks, path).toEqual([]);
    }
  });

  it('the audit log reads in words, and a dialog\'s own buttons are Vietnamese', async () => {
    await visit('/quan-tri/nhat-ky', () => page.getByTestId('audit-table').locator('tr.ant-table-row').first().waitFor());
    const table = page.getByTestId('audit-table');
    await expect.poll(() => table.getByText('Tài khoản admin').count()).toBeGreaterThan(0);
    expect(await table.getByText('Đăng nhập', { exact: true }).count()).toBeGreaterThan(0);
    expect(await table.getByText(/auth\.login|account #/).count()).toBe(0);

    await visit('/quan-tri/can-bo', () => page.getByRole('button', { name: 'Nhập từ tệp' }).waitFor());
    await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('link', { name: /Tải tệp mẫu/ }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Đóng' }).count()).toBeGreaterThan(0);
    expect((await words(page)).leaks).toEqual([]);
  });
});
