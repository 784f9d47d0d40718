/**
 * A citizen signs in with e-ID as `npm start` offers it on a fresh machine: the portal's
 * "Đăng nhập VNeID" → the local OpenID provider's own page (a real server on its own port, started by
 * the app in demo mode) → back on the portal signed in; the account page shows the e-ID data read-only
 * and takes corrected contact details, also on a 360-px phone; then the citizen signs out.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, startApp, type RunningApp } from './support.js';

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

describe('citizen e-ID sign-in journey', () => {
  it('signs in at the local provider, sees and corrects the account, signs out', async () => {
    await page.goto(`${app.url}/`);
    await page.getByRole('link', { name: 'Đăng nhập VNeID' }).click();

    // The provider's page: another origin, its banner, a form that works from the keyboard.
    await page.waitForURL((u) => u.origin !== app.url && u.pathname.startsWith('/interaction/'), { timeout: 20_000 });
    await expect.poll(() => page.getByRole('heading', { name: 'Cổng định danh điện tử (mô phỏng)' }).isVisible()).toBe(true);
    expect(await page.getByRole('note').innerText()).toContain('không phải VNeID');
    await page.getByLabel(/Số định danh cá nhân/).fill('012190001234');
    await page.getByLabel(/Mật khẩu/).fill('sai-mat-khau');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('không đúng');
    await page.getByLabel(/Mật khẩu/).fill('motcua');
    await page.keyboard.press('Enter');

    // Back on the portal, signed in: the header carries the citizen's name.
    await page.waitForURL((u) => u.origin === app.url, { timeout: 20_000 });
    const menu = page.getByRole('button', { name: /Lò Thị Mai/ });
    await menu.waitFor({ timeout: 20_000 });
    await menu.click();
    await page.getByRole('menuitem', { name: 'Tài khoản của tôi' }).click();
    await page.waitForURL(`${app.url}/cong-dan/tai-khoan`);

    // The e-ID data, read-only; the contact details, editable.
    const main = page.locator('main');
    await expect.poll(() => main.innerText()).toContain('012190001234');
    expect(await main.innerText()).toContain('17/05/1990');
    expect(await page.getByLabel('Số điện thoại').inputValue()).toBe('0912345678');
    await page.getByLabel('Số điện thoại').fill('0987654321');
    await page.getByLabel('Địa chỉ liên hệ').fill('Số 5, đường Trần Phú, phường Tân Phong, tỉnh Lai Châu');
    await page.getByRole('button', { name: 'Lưu thông tin liên hệ' }).click();
    await expect.poll(() => page.getByText('Đã lưu thông tin liên hệ.').isVisible()).toBe(true);

    // On a phone: the same page after a reload, nothing wider than the screen.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await expect.poll(() => page.getByLabel('Số điện thoại').inputValue()).toBe('0987654321');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.getByRole('button', { name: /Lò Thị Mai/ }).isVisible()).toBe(true);

    // Her feedback: one sent while signed in is listed under "Phản ánh của tôi" and can be withdrawn while open.
    await page.setViewportSize({ width: 1366, height: 900 });
    const sent = await page.evaluate(async () => {
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('motcua_citizen_csrf='))?.split('=')[1] ?? '';
      const res = await fetch('/api/v1/citizen/feedback', {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ categoryCode: 'hoi-dap', about: { kind: 'other' }, title: 'Giờ làm việc thứ Bảy', content: 'Bộ phận một cửa phường có làm việc sáng thứ Bảy không?', consentToPublish: false }),
      });
      return { status: res.status, body: await res.json() };
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    await page.goto(`${app.url}/cong-dan/phan-anh`);
    const mine = page.locator(`[data-code="${sent.body.code}"]`);
    await mine.waitFor({ timeout: 20_000 });
    expect(await mine.innerText()).toContain('Giờ làm việc thứ Bảy');
    await mine.getByRole('button', { name: 'Rút phản ánh' }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Rút phản ánh' }).click();
    await expect.poll(() => mine.getByRole('button', { name: 'Rút phản ánh' }).count(), { timeout: 20_000 }).toBe(0);
    expect(await mine.innerText()).toMatch(/Đã rút|rút/i);

    // Sign out: the header offers the e-ID sign-in again and the session is gone.
    await page.getByRole('button', { name: /Lò Thị Mai/ }).click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await page.getByRole('link', { name: 'Đăng nhập VNeID' }).waitFor({ timeout: 20_000 });
    const me = await page.request.get(`${app.url}/api/v1/citizen/me`);
    expect(me.status()).toBe(401);
  });

  it('a refused sign-in lands on a Vietnamese explanation, not an error page', async () => {
    await page.goto(`${app.url}/api/v1/citizen/auth/callback?code=abc&state=xyz`);
    await page.waitForURL((u) => u.pathname === '/cong-dan/dang-nhap');
    expect(await page.getByRole('alert').innerText()).toContain('Phiên đăng nhập không hợp lệ');
  });
});
