import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, screenshot } from './axe.js';
import { openBrowser, startApp, type RunningApp } from './support.js';

/**
 * The pages a citizen uses, checked by axe-core (WCAG 2.1 A and AA) at a phone's width (360 px):
 * no serious or critical violation. Reports: test-results/axe-*.json; screenshots beside them.
 */
describe('citizen pages are accessible on a phone', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    app = await startApp();
    ({ browser, page } = await openBrowser());
    await page.setViewportSize({ width: 360, height: 780 });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const PUBLIC_PAGES: [string, string, RegExp][] = [
    ['portal-home', '/', /Tra cứu/],
    ['procedures', '/thu-tuc', /thủ tục/i],
    ['procedure', '/thu-tuc/1.001193', /khai sinh/i],
    ['lookup', '/tra-cuu', /Mã hồ sơ/],
    ['statistics', '/thong-ke', /Xếp hạng đơn vị/],
  ];

  for (const [name, path, text] of PUBLIC_PAGES) {
    it(`${path}: no serious or critical axe-core violation, nothing wider than the screen`, async () => {
      await page.goto(`${app.url}${path}`);
      await page.getByText(text).first().waitFor();
      await page.waitForLoadState('networkidle');
      const { serious, report } = await axeCheck(page, `360-${name}`);
      expect(serious, `axe-core report: ${report}`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'horizontal scrolling at 360 px').toBeLessThanOrEqual(0);
      await screenshot(page, `360-${name}`);
    });
  }
});
