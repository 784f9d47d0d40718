import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, openBrowser, pdfText, signIn, startApp, type RunningApp } from './support.js';

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

async function pickUnit(page: Page, label: string, unitName: string): Promise<void> {
  await chooseOption(page, page.getByLabel(label, { exact: true }), unitName, page.locator('.ant-select-tree-node-content-wrapper', { hasText: unitName }));
}

describe('provincial administrator', () => {
  it('creates a unit and a staff member, then prints badges whose text carries the name with diacritics', async () => {
    await signIn(page, app.url, 'admin');
    await page.goto(`${app.url}/quan-tri/don-vi`);
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await pickUnit(page, 'Đơn vị cấp trên', 'Sở Y tế');
    await page.getByLabel('Tên đơn vị').fill('Phòng Kế hoạch - Tài chính');
    await page.getByLabel('Mã định danh điện tử').fill('H30.108.05');
    await page.getByLabel('Loại đơn vị').click();
    await page.locator('.ant-select-item-option', { hasText: 'Phòng' }).first().click();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByText('Phòng Kế hoạch - Tài chính').count(), { timeout: 20_000 }).toBeGreaterThan(0);

    await page.goto(`${app.url}/quan-tri/can-bo`);
    await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByLabel('Họ và tên').fill('Nguyễn Thị Phương Thảo');
    await drawer.getByLabel('Chức vụ, chức danh').fill('Chuyên viên');
    await pickUnit(page, 'Đơn vị', 'Phòng Kế hoạch - Tài chính');
    await drawer.getByLabel('Số thẻ').fill('YT-0501');
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    // Search only once the drawer has closed on a saved member; if the save was refused, say why.
    await drawer.waitFor({ state: 'hidden', timeout: 30_000 }).catch(async () => {
      throw new Error(`the staff drawer did not close after Lưu: ${await drawer.innerText()}`);
    });
    await page.getByPlaceholder(/Họ tên, số thẻ/).fill('Phương Thảo');
    await page.getByPlaceholder(/Họ tên, số thẻ/).press('Enter');
    await expect.poll(() => page.getByRole('cell', { name: 'Nguyễn Thị Phương Thảo' }).count(), { timeout: 20_000 }).toBeGreaterThan(0);

    // Badges: choose the person on the printing page; the PDF opens in a new tab.
    await page.goto(`${app.url}/quan-tri/in-the`);
    await page.getByPlaceholder(/Họ tên/).first().fill('Phương Thảo');
    await page.getByPlaceholder(/Họ tên/).first().press('Enter');
    const row = page.getByRole('row', { name: /Nguyễn Thị Phương Thảo/ });
    await row.getByRole('checkbox').check();
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('button.ant-btn-primary', { hasText: 'In thẻ' }).first().click()]);
    const pdfUrl = popup.url();
    expect(pdfUrl).toContain('/api/v1/org/badges.pdf');
    const res = await page.request.get(pdfUrl);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const text = await pdfText(Buffer.from(await res.body()));
    expect(text).toContain('Nguyễn Thị Phương Thảo');
    expect(text).toContain('YT-0501');
    await popup.close();
  });

  it('a commune desk officer cannot reach the staff administration of another commune', async () => {
    await page.context().clearCookies();
    await signIn(page, app.url, 'motcua.tanphong');
    await page.goto(`${app.url}/quan-tri/can-bo`);
    await expect.poll(() => page.getByText(/không có quyền|403/i).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // The API says the same: the other commune does not exist for this officer.
    const units = await (await page.request.get(`${app.url}/api/v1/org/units`)).json();
    const names = (units.items as { name: string }[]).map((u) => u.name);
    expect(names.some((n) => n.includes('Tân Phong'))).toBe(true);
    expect(names.some((n) => n.includes('Đoàn Kết'))).toBe(false);
    const doanKet = await page.request.get(`${app.url}/api/v1/org/staff?q=Chu Thị Lan`);
    expect((await doanKet.json()).total).toBe(0);
  });
});
