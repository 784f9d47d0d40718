/**
 * A directive end to end (issue 15): the Department of Home Affairs pastes a plan, confirms the tasks
 * its outline proposes and registers it; the Department of Justice's head gives its task to a
 * specialist, who reports progress with a scan; the head asks for completion and the Department of
 * Home Affairs approves it; the current period's report (6 months or the year) then counts it done.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './axe.js';
import { chooseOption, openBrowser, signIn, startApp, type RunningApp } from './support.js';

let app: RunningApp;
let browser: Browser;

// A plan of our own making, pasted as an officer would: heading lines, a number, two numbered items.
const PLAN = [
  'ỦY BAN NHÂN DÂN', 'TỈNH LAI CHÂU', '', 'Số: 52/KH-UBND', '', 'KẾ HOẠCH', 'Kiểm tra công tác cải cách hành chính năm 2026', '',
  '1. Sở Tư pháp chủ trì rà soát các thủ tục hành chính lĩnh vực hộ tịch, đề xuất phương án',
  'đơn giản hóa, báo cáo UBND tỉnh.',
  '2. Sở Tài chính bố trí kinh phí cho công tác kiểm tra cải cách hành chính năm 2026.',
].join('\n');

async function staffPage(username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, app.url, username);
  return page;
}

/** Opens an action's dialog, fills it, confirms, and waits for the dialog to close (a refusal stays in it: say what it said). */
async function act(page: Page, action: string, confirm: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => {}): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 20_000 }).catch(async () => { throw new Error(`${action}: ${await dialog.innerText()}`); });
}

beforeAll(async () => {
  app = await startApp();
  ({ browser } = await openBrowser());
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a directive from registration to the 6-month report', () => {
  it('is registered from its outline, assigned, reported on with a file, completed, approved and counted', async () => {
    const snv = await staffPage('chuyenvien.snv');
    await snv.goto(`${app.url}/can-bo/chi-dao`);
    await snv.getByRole('button', { name: 'Đăng ký văn bản' }).click();
    await snv.getByRole('heading', { name: 'Đăng ký văn bản chỉ đạo' }).waitFor();
    await snv.getByLabel('Loại văn bản').click();
    await snv.locator('.ant-select-item-option').filter({ hasText: /^Kế hoạch$/ }).click();
    await expect.poll(() => snv.locator('.ant-select').filter({ has: snv.getByLabel('Loại văn bản') }).innerText()).toContain('Kế hoạch');
    await snv.getByLabel('Số ký hiệu').fill('52/KH-UBND');
    await snv.getByLabel('Ngày ban hành').fill('15/01/2026');
    await snv.getByLabel('Ngày ban hành').press('Enter');
    await snv.getByLabel('Cơ quan ban hành').fill('Ủy ban nhân dân tỉnh Lai Châu');
    await snv.getByLabel('Trích yếu').fill('Kiểm tra công tác cải cách hành chính năm 2026');
    await snv.getByLabel('Nội dung văn bản').fill(PLAN);
    await snv.getByRole('button', { name: 'Đề xuất nhiệm vụ từ nội dung' }).click();
    // The outline proposes both items with their departments matched.
    const first = snv.getByLabel('Nội dung nhiệm vụ 1');
    await first.waitFor();
    expect(await first.inputValue()).toMatch(/^Sở Tư pháp chủ trì rà soát .* đơn giản hóa, báo cáo UBND tỉnh\.$/);
    const leads = snv.getByTestId('directive-task-table');
    await expect.poll(() => leads.innerText()).toContain('Sở Tư pháp');
    expect(await leads.innerText()).toContain('Sở Tài chính');
    await screenshot(snv, 'directive-register-outline');
    await snv.getByRole('button', { name: 'Xác nhận và đăng ký' }).click();
    await snv.getByRole('heading', { name: 'Kế hoạch 52/KH-UBND' }).waitFor({ timeout: 20_000 });
    const documentUrl = snv.url();

    // The Department of Justice's head gives its task to a specialist.
    const head = await staffPage('lanhdao.stp');
    await head.goto(`${app.url}/can-bo/chi-dao/viec-cua-toi?scope=unit`);
    await head.getByText(/Sở Tư pháp chủ trì rà soát các thủ tục hành chính lĩnh vực hộ tịch/).first().click();
    await head.getByRole('heading', { name: /Nhiệm vụ 1 \(văn bản 52\/KH-UBND\)/ }).waitFor();
    const taskUrl = head.url();
    await act(head, 'Giao người phụ trách', 'Giao việc', async (d) => {
      await chooseOption(head, d.getByLabel('Cán bộ phụ trách'), 'Vàng A Dính', head.locator('.ant-select-item-option').filter({ hasText: 'Vàng A Dính' }));
    });
    await expect.poll(() => head.getByTestId('task-history').innerText()).toContain('Giao người phụ trách');

    // The specialist reports progress with a scan of the minutes.
    const officer = await staffPage('chuyenvien.stp');
    await officer.goto(taskUrl);
    await act(officer, 'Báo cáo tiến độ', 'Gửi báo cáo tiến độ', async (d) => {
      await d.getByRole('spinbutton', { name: 'Tiến độ (%)' }).fill('60');
      await d.getByLabel('Nội dung báo cáo').fill('Đã rà soát 12/20 thủ tục hộ tịch.');
      await d.locator('input[type=file]').setInputFiles({ name: 'bien-ban-ra-soat.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% biên bản rà soát\n') });
      await d.getByText('bien-ban-ra-soat.pdf').waitFor();
      await expect.poll(() => d.locator('.ant-upload-list-item-uploading').count()).toBe(0);
    });
    const history = officer.getByTestId('task-history');
    await expect.poll(() => history.innerText()).toContain('Đã rà soát 12/20 thủ tục hộ tịch.');
    expect(await history.getByRole('link', { name: /bien-ban-ra-soat\.pdf/ }).count()).toBe(1);

    // The head asks for completion; the Department of Home Affairs' leader approves it.
    await head.reload();
    await act(head, 'Đề nghị công nhận hoàn thành', 'Gửi đề nghị', async (d) => {
      await d.getByLabel('Kết quả thực hiện').fill('Đã rà soát đủ 20 thủ tục; đề xuất đơn giản hóa 4 thủ tục.');
    });
    const leader = await staffPage('lanhdao.snv');
    await leader.goto(taskUrl);
    await act(leader, 'Công nhận hoàn thành', 'Công nhận');
    await expect.poll(() => leader.locator('main').innerText()).toContain('Hoàn thành');
    await screenshot(leader, 'directive-task-approved');

    // The report of the period being collected (the 6-month one from 15/12 to 14/6, the year's after) counts it.
    await leader.goto(documentUrl);
    await act(leader, 'Tạo kỳ báo cáo', 'Tạo kỳ');
    await leader.getByRole('heading', { name: /^Báo cáo (6 tháng đầu năm|Năm) \d{4} \(văn bản 52\/KH-UBND\)$/ }).waitFor({ timeout: 20_000 });
    const totals = leader.getByTestId('period-totals');
    await expect.poll(() => totals.innerText()).toMatch(/Hoàn thành\s*1/);
    const units = await leader.getByTestId('period-units').innerText();
    expect(units).toContain('Sở Tư pháp');
    expect(units).toContain('Sở Tài chính');
    await screenshot(leader, 'directive-period');
    const [download] = await Promise.all([leader.waitForEvent('download'), leader.getByRole('link', { name: 'Tải báo cáo DOCX' }).or(leader.getByRole('button', { name: 'Tải báo cáo DOCX' })).click()]);
    expect(download.suggestedFilename()).toMatch(/^bao-cao-52-KH-UBND-\d{4}-(H1|Y)\.docx$/);
  });
});
