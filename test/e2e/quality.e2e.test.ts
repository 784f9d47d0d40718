/**
 * Quality management to TCVN ISO 9001 (issue 20), in the browser: Justice's head sets up the agency's QMS
 * — its scope and an objective "≥ 95% hồ sơ đúng hạn", measured at once from the dossiers — and a
 * process; plans and runs an internal audit that finds one nonconformity, owned by the Judicial Support
 * section. The section's specialist plans the corrective action and marks it done; the head verifies it
 * effective and closes it. The management review then shows the objective with the value the objectives
 * page measured, and the closed nonconformity among its inputs.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck } from './axe.js';
import { chooseByLabel as choose, fillDate, openBrowser, signIn, startApp, type RunningApp } from './support.js';

let app: RunningApp;
let browser: Browser;
const POLL = { timeout: 20_000, interval: 250 };
const SHOTS = '/tmp/shots';
const vnToday = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const inDays = (n: number) => new Date(Date.parse(`${vnToday}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const SCOPE = 'Tiếp nhận, giải quyết thủ tục hành chính lĩnh vực bổ trợ tư pháp, hộ tịch, chứng thực của Sở Tư pháp.';
const OBJECTIVE = 'Không thấp hơn 95% hồ sơ được giải quyết đúng hạn';
const FINDING = 'Phiếu kiểm soát quá trình của hồ sơ không ghi thời điểm chuyển bước thẩm định.';
const OWNER_UNIT = 'Phòng Bổ trợ tư pháp'; // H30.102.02, where chuyenvien.stp works

async function staffPage(username: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport });
  const page = await context.newPage();
  await signIn(page, app.url, username);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/quality-e2e-${name}.png`, fullPage: true });
}

/** Presses the dialog's button and waits for it to close (a refusal stays in it: say what it said). */
async function send(page: Page, button: string): Promise<void> {
  const dialog = page.getByRole('dialog').last();
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect.poll(async () => (await dialog.isVisible()) ? await dialog.innerText() : 'closed', POLL).toBe('closed');
}

beforeAll(async () => {
  app = await startApp();
  ({ browser } = await openBrowser());
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('an agency keeps its ISO 9001 system in motcua', () => {
  let qmsUrl = '';
  let measured = '';
  let ncUrl = '';

  it('the head sets up the QMS with its scope and an objective measured at once, and a process', async () => {
    const page = await staffPage('lanhdao.stp');
    await page.goto(`${app.url}/can-bo/chat-luong`);
    await page.getByRole('button', { name: 'Thiết lập HTQLCL' }).click();
    const setup = page.getByRole('dialog');
    await choose(page, setup, 'Cơ quan', 'Sở Tư pháp');
    await send(page, 'Thiết lập');
    await page.waitForURL(/\/can-bo\/chat-luong\/\d+$/, { timeout: 20_000 });
    qmsUrl = page.url();

    await page.getByRole('button', { name: 'Sửa phạm vi áp dụng' }).click();
    await page.getByRole('dialog').getByLabel('Phạm vi áp dụng').fill(SCOPE);
    await send(page, 'Lưu');
    await expect.poll(() => page.getByTestId('qms-scope-text').innerText(), POLL).toContain(SCOPE);

    await page.getByRole('link', { name: 'Mục tiêu', exact: true }).click();
    await page.getByRole('button', { name: 'Thêm mục tiêu' }).click();
    const objective = page.getByRole('dialog');
    await objective.getByLabel('Nội dung mục tiêu').fill(OBJECTIVE);
    await objective.getByLabel('Chỉ tiêu (%)').fill('95');
    await send(page, 'Thêm mục tiêu');
    const reading = page.getByTestId('qms-objectives').getByTestId('qms-reading').first();
    await expect.poll(() => reading.innerText(), POLL).toMatch(/%|Chưa có dữ liệu/);
    measured = (await reading.innerText()).split('\n')[0]!.trim();
    expect(await page.getByTestId('qms-objectives').innerText()).toContain(OBJECTIVE);
    await shot(page, 'objectives');

    await page.getByRole('link', { name: 'Quy trình', exact: true }).click();
    await page.getByRole('button', { name: 'Thêm quy trình' }).click();
    const process = page.getByRole('dialog');
    await process.getByText('Hỗ trợ', { exact: true }).click();
    await process.getByLabel('Mã quy trình').fill('QT-KSTL');
    await process.getByLabel('Tên quy trình').fill('Kiểm soát tài liệu và hồ sơ');
    await send(page, 'Thêm quy trình');
    await expect.poll(() => page.locator('main').innerText(), POLL).toContain('QT-KSTL');
    await page.context().close();
  });

  it('an internal audit finds one nonconformity, which opens a numbered nonconformity report', async () => {
    const page = await staffPage('lanhdao.stp');
    await page.goto(`${qmsUrl}/danh-gia-noi-bo`);
    await page.getByRole('button', { name: 'Lập kế hoạch đánh giá' }).click();
    const plan = page.getByRole('dialog');
    await plan.getByLabel('Tên cuộc đánh giá').fill('Đánh giá nội bộ quy trình kiểm soát tài liệu');
    await fillDate(plan, 'Từ ngày', dmy(vnToday));
    await fillDate(plan, 'Đến ngày', dmy(vnToday));
    await choose(page, plan, 'Quy trình được đánh giá', 'QT-KSTL');
    await plan.getByLabel('Quy trình được đánh giá').press('Escape');
    await choose(page, plan, 'Trưởng đoàn đánh giá', 'Đặng Quốc Việt', 'Dang Quoc');
    await plan.getByLabel('Nội dung câu hỏi 1').fill('Hồ sơ được ghi đủ các bước trên phiếu kiểm soát quá trình?');
    await send(page, 'Lập kế hoạch đánh giá');
    await page.waitForURL(/\/can-bo\/chat-luong\/danh-gia\/\d+$/, { timeout: 20_000 });

    await page.getByRole('button', { name: 'Bắt đầu đánh giá' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Bắt đầu đánh giá' }).click();
    await page.getByRole('button', { name: 'Ghi nhận phát hiện' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Ghi nhận phát hiện' }).click();
    const finding = page.getByRole('dialog');
    await finding.getByText('Không phù hợp', { exact: true }).click();
    await finding.getByLabel('Mô tả phát hiện').fill(FINDING);
    await choose(page, finding, 'Đơn vị chịu trách nhiệm khắc phục', OWNER_UNIT, 'Bo tro');
    await send(page, 'Ghi nhận phát hiện');
    const opened = page.getByTestId('nc-opened');
    await expect.poll(() => opened.innerText(), POLL).toMatch(new RegExp(`KPH-${vnToday.slice(0, 4)}-\\d{3}`));
    ncUrl = new URL((await opened.getByRole('link').first().getAttribute('href'))!, app.url).toString();
    await shot(page, 'audit');
    await page.context().close();
  });

  it('the owner section plans the corrective action and marks it done, at phone width, with no serious accessibility finding', async () => {
    const page = await staffPage('chuyenvien.stp', { width: 390, height: 844 });
    await page.goto(`${qmsUrl}/khong-phu-hop`);
    await page.getByRole('switch', { name: 'Của tôi' }).click();
    await expect.poll(() => page.getByTestId('nc-table').innerText(), POLL).toContain(FINDING.slice(0, 30));
    await page.goto(ncUrl);
    await page.getByRole('button', { name: 'Lập kế hoạch khắc phục' }).click();
    const plan = page.getByRole('dialog');
    await plan.getByLabel('Nguyên nhân gốc').fill('Mẫu phiếu kiểm soát cũ không có cột thời điểm chuyển bước.');
    await plan.getByLabel('Nội dung hành động 1').fill('Ban hành lại mẫu phiếu kiểm soát quá trình có cột thời điểm chuyển bước.');
    await fillDate(plan, 'Thời hạn hành động 1', dmy(inDays(7)));
    await send(page, 'Lưu');
    await page.getByRole('button', { name: 'Đã thực hiện hành động 1' }).click();
    await page.getByRole('dialog').getByLabel('Kết quả thực hiện').fill('Đã ban hành mẫu phiếu mới, áp dụng từ hôm nay.');
    await send(page, 'Đã thực hiện');
    await expect.poll(() => page.locator('[data-status]').first().getAttribute('data-status'), POLL).toBe('actions_done');
    // The owner never verifies their own action (ISO 9001 §10.2: someone independent judges it).
    expect(await page.getByRole('button', { name: 'Xác nhận hiệu lực' }).count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await axeCheck(page, 'nonconformity page at 390 px');
    await shot(page, 'nc-owner-phone');
    await page.context().close();
  });

  it('the head verifies it effective and closes it; the management review shows the objective as measured', async () => {
    const page = await staffPage('lanhdao.stp');
    await page.goto(ncUrl);
    await page.getByRole('button', { name: 'Xác nhận hiệu lực' }).click();
    const verify = page.getByRole('dialog');
    await verify.getByText('Có hiệu lực', { exact: true }).click();
    await verify.getByLabel('Nhận xét').fill('Kiểm tra 5 hồ sơ sau khi áp dụng mẫu mới: đều ghi đủ thời điểm.');
    await send(page, 'Xác nhận hiệu lực');
    await page.getByRole('button', { name: 'Đóng phiếu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Đóng phiếu' }).click();
    await expect.poll(() => page.locator('[data-status]').first().getAttribute('data-status'), POLL).toBe('closed');
    await shot(page, 'nc-closed');

    await page.goto(`${qmsUrl}/xem-xet`);
    await page.getByRole('button', { name: 'Tạo cuộc xem xét' }).click();
    const review = page.getByRole('dialog');
    await fillDate(review, 'Ngày họp xem xét', dmy(vnToday));
    await send(page, 'Tạo cuộc xem xét');
    await page.waitForURL(/\/can-bo\/chat-luong\/xem-xet\/\d+$/, { timeout: 20_000 });
    const objectives = page.getByTestId('review-objectives');
    await expect.poll(() => objectives.innerText(), POLL).toContain(OBJECTIVE);
    expect(await objectives.getByTestId('objective-value').first().innerText()).toContain(measured);
    const inputs = await page.getByTestId('review-inputs').innerText();
    expect(inputs).toMatch(/Đã đóng|đóng/i);
    await shot(page, 'review');
    await page.context().close();
  });
});
