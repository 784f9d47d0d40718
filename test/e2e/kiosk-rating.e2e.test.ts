import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, screenshot } from './axe.js';
import { openBrowser, signIn, startApp, type RunningApp } from './support.js';

let app: RunningApp;
let browser: Browser;
let desk: Page;
beforeAll(async () => {
  app = await startApp();
  ({ browser, page: desk } = await openBrowser());
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const POLL = { timeout: 20_000, interval: 200 };

describe('the satisfaction kiosk at the desk', () => {
  it('the desk shows the code on the dossier page; a citizen at the kiosk (a tablet) rates once; the same code is then refused', async () => {
    // 1. The desk officer of Tân Phong receives a walk-in dossier (through the API, as the intake form would).
    await signIn(desk, app.url, 'motcua.tanphong');
    const csrf = (await desk.context().cookies()).find((c) => c.name === 'motcua_csrf')!.value;
    const created = await desk.request.post(`${app.url}/api/v1/dossiers`, {
      headers: { 'x-csrf-token': csrf },
      data: { procedureCode: '1.001193', channel: 'desk', resultDelivery: 'desk', idempotencyKey: 'kiosk-journey-1', applicant: { kind: 'citizen', fullName: 'Lò Thị Hoa', phone: '0912345678', idNumber: '001190009999' } },
    });
    expect(created.status(), await created.text()).toBe(201);
    const code = (await created.json()).code as string;

    // 2. On the dossier page, "Mã đánh giá" shows the one-time code on screen.
    await desk.goto(`${app.url}/can-bo/ho-so/${code}`);
    await desk.getByTestId('show-rating-code').click();
    const shown = desk.getByTestId('rating-code');
    await shown.waitFor(POLL);
    const kioskCode = (await shown.innerText()).trim();
    expect(kioskCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);

    // 3. A citizen at the kiosk: a tablet at the desk, nobody signed in.
    const kioskContext = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 800, height: 1280 }, hasTouch: true });
    const kiosk = await kioskContext.newPage();
    await kiosk.goto(`${app.url}/danh-gia`);
    await kiosk.getByRole('heading', { level: 1, name: 'Đánh giá mức độ hài lòng' }).waitFor(POLL);
    const entry = await axeCheck(kiosk, 'kiosk-code');
    expect(entry.serious, `axe-core on the kiosk (see ${entry.report})`).toEqual([]);
    await kiosk.getByLabel('Mã đánh giá').fill(kioskCode.toLowerCase().replace('-', ' '));
    await kiosk.getByRole('button', { name: 'Tiếp tục' }).click();
    // What is rated: the procedure, the desk and the date; no name, no ID number.
    await kiosk.getByText('Đăng ký khai sinh', { exact: false }).first().waitFor(POLL);
    expect(await kiosk.locator('main').innerText()).not.toMatch(/Lò Thị Hoa|001190009999|0912345678/);
    const rating = await axeCheck(kiosk, 'kiosk-rate');
    expect(rating.serious, `axe-core on the kiosk's question (see ${rating.report})`).toEqual([]);
    await kiosk.getByRole('button', { name: 'Rất hài lòng' }).click();
    expect(await kiosk.getByRole('button', { name: 'Rất hài lòng' }).getAttribute('aria-pressed')).toBe('true');
    await kiosk.getByLabel('Ý kiến thêm (không bắt buộc)').fill('Cán bộ hướng dẫn tận tình, nhanh chóng.');
    await kiosk.mouse.move(0, 0);
    const chosen = await axeCheck(kiosk, 'kiosk-chosen');
    expect(chosen.serious, `axe-core with a level chosen (see ${chosen.report})`).toEqual([]);
    await screenshot(kiosk, 'kiosk-tablet');
    await kiosk.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await kiosk.getByText('Cảm ơn ông/bà đã đánh giá!').waitFor(POLL);
    // The thank-you clears itself for the next citizen.
    await kiosk.getByLabel('Mã đánh giá').waitFor({ timeout: 20_000 });

    // 4. The same code a second time (the next person, or the same one again): refused.
    await kiosk.getByLabel('Mã đánh giá').fill(kioskCode);
    await kiosk.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => kiosk.getByRole('alert').innerText(), POLL).toContain('đã được sử dụng');

    // 5. At phone width the kiosk still fits and passes axe.
    await kiosk.setViewportSize({ width: 360, height: 740 });
    const phone = await axeCheck(kiosk, 'kiosk-phone');
    expect(phone.serious, `axe-core on the kiosk at 360 px (see ${phone.report})`).toEqual([]);
    expect(await kiosk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await kioskContext.close();

    // 6. The desk's page now says it was rated; the report counts it for the desk.
    await desk.reload();
    await desk.getByTestId('show-rating-code').click();
    await expect.poll(() => desk.getByText('đã được đánh giá', { exact: false }).count(), POLL).toBeGreaterThan(0);
    await desk.goto(`${app.url}/can-bo/muc-do-hai-long`);
    await desk.getByRole('heading', { name: 'Mức độ hài lòng' }).first().waitFor(POLL);
    await expect.poll(() => desk.locator('.ant-table-row').count(), POLL).toBeGreaterThan(0);
  });
});
