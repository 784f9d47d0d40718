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

const APPLICANT = 'Lò Thị Hương';
const SCAN = Buffer.from('%PDF-1.4\n% Bản quét tờ khai tại quầy một cửa\n%%EOF\n');
// The machine running the journeys may be busy: wait for the UI, not for a fixed second.
const POLL = { timeout: 20_000, interval: 200 };
const dialog = () => page.locator('.ant-modal-wrap:visible');

async function confirmAction(button: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  // The action's own answer first, so a refused action says why instead of a missing message.
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/dossiers\/[^/]+\/actions$/.test(new URL(r.url()).pathname), POLL);
  await dialog().getByRole('button', { name: 'Xác nhận', exact: true }).click();
  const res = await answered;
  expect(res.status(), `${button}: ${await res.text()}`).toBe(200);
  await expect.poll(() => page.getByText(`Đã thực hiện: ${button}.`).count(), POLL).toBeGreaterThan(0);
  await dialog().waitFor({ state: 'hidden' });
}

describe('one-stop desk journey', () => {
  it('the desk receives a walk-in dossier, the specialist takes it from the unassigned queue and moves it on, the applicant follows it publicly', async () => {
    // 1. Desk officer of Tân Phong: the intake form, from the catalogue's procedure and checklist.
    await signIn(page, app.url, 'motcua.tanphong');
    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).first().click();
    await page.waitForURL(/\/can-bo\/tiep-nhan$/);
    const picker = page.getByLabel('Thủ tục hành chính');
    await picker.click();
    await picker.fill('mai táng');
    await page.locator('.ant-select-item-option', { hasText: 'Hỗ trợ chi phí mai táng' }).first().click();
    await page.getByRole('button', { name: 'Đã nhận đủ', exact: true }).click();
    // Digitisation at the counter (Decree 118 art. 17(1)(c)): the first paper is scanned through the real file input.
    const scanInput = page.locator('.mc-checklist input[type="file"]').first();
    const scannedName = ((await scanInput.getAttribute('aria-label')) ?? '').replace(/^Bản quét: /, '');
    await scanInput.setInputFiles({ name: 'to-khai-quet.pdf', mimeType: 'application/pdf', buffer: SCAN });
    await page.getByText('Đã đính kèm: to-khai-quet.pdf').waitFor({ timeout: 15_000 });
    await page.getByLabel('Họ và tên').fill(APPLICANT);
    await page.getByLabel('Số định danh cá nhân').fill('012345678901');
    await page.getByLabel('Điện thoại').fill('0912345678');
    // A double click must still make one dossier (one idempotency key per form).
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).dblclick();
    await page.getByText('Đã tiếp nhận hồ sơ').waitFor({ timeout: 15_000 });
    const code = (await page.getByTestId('dossier-code').locator('.mc-code').innerText()).trim();
    expect(code).toMatch(/^H30\.501\.01-\d{6}-\d{4}$/);
    expect(await page.getByRole('link', { name: 'In giấy tiếp nhận (mẫu 01)' }).getAttribute('href')).toBe(`/api/v1/dossiers/${code}/slips/01.pdf`);
    const mine = await (await page.request.get(`${app.url}/api/v1/dossiers?queue=received_here&q=${encodeURIComponent(APPLICANT)}`)).json();
    expect(mine.items.map((d: { code: string }) => d.code)).toEqual([code]);

    // 2. Open it and hand it to the culture-social section's queue (step 2 of the internal process).
    await page.getByRole('link', { name: 'Xem hồ sơ' }).click();
    await page.waitForURL(new RegExp(`/can-bo/ho-so/${code.replace(/\./g, '\\.')}$`));
    const secret = (await page.getByTestId('lookup-secret').innerText()).trim();
    // The scanned document is marked digitised and its scan downloads as it was uploaded.
    const scanned = page.locator('[data-document="0"]');
    expect(await scanned.getAttribute('data-digitised')).toBe('yes');
    expect(await scanned.innerText()).toContain(scannedName);
    expect(await scanned.getByText('Đã số hóa', { exact: true }).count()).toBe(1);
    const href = await scanned.getByRole('link', { name: /to-khai-quet\.pdf/ }).getAttribute('href');
    const file = await page.request.get(`${app.url}${href}`);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.compare(await file.body(), SCAN)).toBe(0);
    expect(secret).toMatch(/^[A-Z2-9]{6}$/);
    await confirmAction('Chuyển xử lý');
    await expect.poll(() => page.getByText('Chưa phân công').count(), POLL).toBeGreaterThan(0);

    // 3. The specialist finds it in "Chưa phân công", takes it and passes it to the leadership.
    await page.context().clearCookies();
    await signIn(page, app.url, 'chuyenvien.tanphong');
    await page.goto(`${app.url}/can-bo/ho-so`);
    await page.getByRole('tab', { name: /Chưa phân công/ }).click();
    await page.getByRole('link', { name: code, exact: true }).click();
    await confirmAction('Nhận xử lý');
    await confirmAction('Chuyển xử lý');
    const history = page.locator('[data-event]');
    await expect.poll(async () => (await history.evaluateAll((els) => els.map((e) => e.getAttribute('data-event')))).join(','), POLL).toBe('transferred,taken,transferred,scans_attached,received');
    // Now at the head's step: the specialist has nothing left to do on it.
    await expect.poll(() => page.getByText('Không có thao tác nào ở trạng thái hiện tại.').count(), POLL).toBe(1);

    // 4. The public lookup from the receipt's QR: status and steps, no personal data.
    await page.context().clearCookies();
    await page.goto(`${app.url}/tra-cuu?ma=${encodeURIComponent(code)}&k=${secret}`);
    await page.getByText('Quá trình giải quyết').waitFor({ timeout: 10_000 });
    const card = page.getByLabel(code);
    await expect.poll(() => card.getByText('Đang xử lý', { exact: true }).count(), POLL).toBeGreaterThan(0);
    expect(await card.getByText('Ký duyệt').count()).toBe(1);
    expect(await page.locator('body').innerText()).not.toContain(APPLICANT);
    // A wrong key reveals nothing.
    await page.goto(`${app.url}/tra-cuu?ma=${encodeURIComponent(code)}&k=AAAAAA`);
    await page.getByText(/Không tìm thấy hồ sơ/).waitFor({ timeout: 10_000 });
    expect(await page.getByText('Quá trình giải quyết').count()).toBe(0);
  });
});
