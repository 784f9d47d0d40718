/**
 * Feedback about an official's conduct, end to end (issue 12): a citizen scans the badge QR of a
 * ward's desk officer on a 360 px phone, opens the official's public page and sends feedback about
 * the official with contact details and consent; the ward's leader sees it flagged in the inbox,
 * classifies it and assigns it to a specialist; the specialist drafts the answer; the leader
 * approves it and publishes a redacted text; the public page shows the answer and neither the
 * citizen's name nor phone. Every portal page passes axe-core at 360 px (reports in test-results/).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, screenshot } from './axe.js';
import { chooseOption, openBrowser, signIn, startApp, type RunningApp } from './support.js';

let app: RunningApp;
let browser: Browser;
let phone: Page;

const CITIZEN = { name: 'Nguyễn Thị Lan Hương', phone: '0912 345 678' };
const OFFICIAL = 'Lường Thị Ánh'; // motcua.tanphong, the ward's one-stop desk
const SPECIALIST = 'Phạm Văn Hải'; // chuyenvien.tanphong

async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.ant-skeleton, .ant-spin-spinning'), undefined, { timeout: 20_000 });
  const { serious, report } = await axeCheck(page, name);
  expect(serious, `axe-core: ${report}`).toEqual([]);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide, `${name}: wider than the phone`).toBeLessThanOrEqual(page.viewportSize()!.width + 1);
  await screenshot(page, name);
}

/** A staff member signed in, in their own browser context, on a desktop-sized screen. */
async function staffPage(username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await signIn(page, app.url, username);
  return page;
}

/** Opens the action's dialog, lets `fill` fill it, confirms, and waits for the dialog to close. */
async function act(page: Page, label: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => {}): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  // A refusal stays in the dialog: say what it said.
  await dialog.waitFor({ state: 'hidden', timeout: 20_000 }).catch(async () => { throw new Error(`${label}: ${await dialog.innerText()}`); });
}

beforeAll(async () => {
  app = await startApp();
  ({ browser, page: phone } = await openBrowser());
  await phone.setViewportSize({ width: 360, height: 780 });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('feedback about an official, from the badge QR to the published answer', () => {
  it('is sent from a phone, handled by the ward and published without personal data', async () => {
    // The badge's QR code opens the official's public page.
    const admin = await browser.newContext();
    expect((await admin.request.post(`${app.url}/api/v1/auth/login`, { data: { username: 'admin', password: 'motcua' } })).status()).toBe(200);
    const { items } = (await (await admin.request.get(`${app.url}/api/v1/org/staff?q=${encodeURIComponent(OFFICIAL)}`)).json()) as { items: { publicId: string; fullName: string }[] };
    const publicId = items.find((s) => s.fullName === OFFICIAL)!.publicId;
    await admin.close();

    await phone.goto(`${app.url}/can-bo-cong-khai/${publicId}`);
    await phone.getByTestId('official-name').waitFor();
    await expectAccessible(phone, '360-feedback-official');
    await phone.getByRole('link', { name: 'Phản ánh về cán bộ này' }).click();
    await phone.waitForURL((u) => u.pathname === '/phan-anh' && u.searchParams.get('canbo') === publicId);

    // The official is named and the conduct category chosen.
    await expect.poll(() => phone.getByTestId('about-official').innerText(), { timeout: 20_000 }).toContain(OFFICIAL);
    const conduct = phone.getByRole('radio', { name: /thái độ, hành vi của cán bộ/ });
    expect(await conduct.isChecked()).toBe(true);
    await expectAccessible(phone, '360-feedback-send');

    await phone.getByLabel('Tiêu đề').fill('Cán bộ một cửa yêu cầu nộp thêm giấy tờ không có trong quy định');
    await phone.getByLabel('Nội dung phản ánh, kiến nghị').fill(`Ngày 02/3 tôi là ${CITIZEN.name} (điện thoại ${CITIZEN.phone}) đến nộp hồ sơ đăng ký khai sinh cho con; cán bộ yêu cầu thêm bản sao sổ hộ khẩu và hẹn quay lại hôm sau.`);
    await phone.getByLabel('Họ và tên', { exact: true }).fill(CITIZEN.name);
    await phone.getByLabel('Số điện thoại', { exact: true }).fill(CITIZEN.phone);
    await phone.getByRole('checkbox', { name: /đồng ý để cơ quan công khai/ }).check();
    await phone.getByRole('button', { name: 'Gửi phản ánh' }).click();

    // The receipt: the code and the lookup key.
    const code = (await phone.getByTestId('receipt-code').innerText({ timeout: 20_000 })).trim();
    const secret = (await phone.getByTestId('receipt-secret').innerText()).trim();
    expect(code).toMatch(/^PAKN-\d{8}-\d{4}$/);
    expect(secret.length).toBeGreaterThan(3);
    await expectAccessible(phone, '360-feedback-receipt');

    // The public lookup by code and key: the status, no personal data.
    await phone.getByRole('link', { name: 'Tra cứu kết quả xử lý' }).click();
    await phone.getByTestId('feedback-status').waitFor({ timeout: 20_000 });
    const status = await phone.locator('main').innerText();
    expect(status).toContain(code);
    expect(status).not.toContain(CITIZEN.name);
    await expectAccessible(phone, '360-feedback-lookup');

    // The ward's leader sees it flagged in the inbox, classifies it and assigns it to a specialist.
    const leader = await staffPage('lanhdao.tanphong');
    await leader.goto(`${app.url}/can-bo/phan-anh`);
    const row = leader.locator(`tr[data-code="${code}"]`);
    await row.waitFor({ timeout: 20_000 });
    expect(await row.getAttribute('data-conduct')).toBe('true');
    expect(await row.innerText()).toContain('Về cán bộ');
    await row.getByRole('link', { name: code }).click();
    await leader.getByTestId('conduct-flag').waitFor();
    expect(await leader.getByTestId('submitter').innerText()).toContain(CITIZEN.name);
    // It arrives at the official's own unit (the ward's service centre); the leader sends it to the
    // ward's culture and society section, which takes it in competence, so that someone other than
    // the official handles it.
    await act(leader, 'Phân loại', async (dialog) => {
      await dialog.getByText('Chuyển đơn vị có thẩm quyền').click();
      await chooseOption(leader, dialog.getByRole('combobox', { name: /Đơn vị có thẩm quyền/ }), 'Văn hóa - Xã hội', leader.locator('.ant-select-item-option[title="Phòng Văn hóa - Xã hội"]'), 'Phòng Văn hóa - Xã hội');
      await dialog.getByLabel('Lý do', { exact: true }).fill('Giao phòng Văn hóa - Xã hội xác minh, không để cán bộ bị phản ánh tự xử lý.');
    });
    await expect.poll(() => leader.locator('main').innerText()).toContain('Phòng Văn hóa - Xã hội');
    await act(leader, 'Phân loại');
    await expect.poll(() => leader.locator('main').innerText()).toContain('Đang xử lý');
    await act(leader, 'Giao xử lý', async (dialog) => {
      // chooseOption retries until the field shows the choice: on a loaded machine a click can land while the list still filters.
      await chooseOption(leader, dialog.getByRole('combobox', { name: /Cán bộ xử lý/ }), SPECIALIST, leader.locator('.ant-select-item-option').filter({ hasText: SPECIALIST }));
    });
    await expect.poll(() => leader.locator('main').innerText()).toContain(SPECIALIST);

    // The specialist drafts the answer.
    const specialist = await staffPage('chuyenvien.tanphong');
    await specialist.goto(`${app.url}/can-bo/phan-anh/${code}`);
    const answer = 'UBND phường đã làm việc với công chức một cửa: hồ sơ đăng ký khai sinh không yêu cầu sổ hộ khẩu. Hồ sơ của công dân được tiếp nhận ngay và công chức đã được nhắc nhở, chấn chỉnh.';
    await act(specialist, 'Dự thảo trả lời', async (dialog) => {
      await dialog.getByLabel('Nội dung trả lời').fill(answer);
    });
    await expect.poll(() => specialist.locator('main').innerText()).toContain('Chờ lãnh đạo duyệt trả lời');

    // The leader approves it, then publishes a redacted copy (the name and phone taken out).
    await leader.reload();
    await act(leader, 'Duyệt trả lời');
    await expect.poll(() => leader.locator('main').innerText()).toContain('Đã trả lời');
    const redacted = 'Công dân phản ánh: khi nộp hồ sơ đăng ký khai sinh, công chức một cửa yêu cầu nộp thêm bản sao sổ hộ khẩu và hẹn quay lại hôm sau.';
    await act(leader, 'Công khai', async (dialog) => {
      const question = dialog.getByLabel('Nội dung phản ánh (bản công khai)');
      expect(await question.inputValue()).toContain(CITIZEN.name); // the original, for the approver to redact
      await question.fill(redacted);
    });
    await expect.poll(() => leader.locator('main').innerText()).toContain('Đã trả lời và công khai');

    // The public page shows the answer and none of the citizen's personal data.
    await phone.goto(`${app.url}/phan-anh/cong-khai`);
    const item = phone.locator(`[data-code="${code}"]`);
    await item.waitFor({ timeout: 20_000 });
    const shown = await phone.locator('main').innerText();
    expect(await item.innerText()).toContain(answer);
    expect(await item.innerText()).toContain(redacted);
    expect(shown).not.toContain(CITIZEN.name);
    expect(shown).not.toContain(CITIZEN.phone);
    expect(shown).not.toContain('0912');
    // The figures per unit: a chart of the busiest units, and every figure in words beside it.
    await expect.poll(() => phone.locator('[data-chart] svg').count(), { timeout: 20_000 }).toBe(1);
    expect(await phone.locator('[data-chart]').getAttribute('aria-label')).toBeTruthy();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(phone, '360-feedback-published');
  });
});
