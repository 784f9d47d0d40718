/**
 * The inspection pages (issue 18), a smoke test: the Department of Construction's deputy director turns a
 * citizen's feedback about one of his officials into a denunciation from the feedback page; the form comes
 * prefilled and the case shows the denouncer to him, its team, while the auditor reading the same case gets
 * only the notice that the identity is secret; a form sent after someone else changed the case is refused as
 * stale and the page reloads. He accepts and concludes it, opens the discipline file from the conclusion
 * (prefilled, the case kept as its source), and the official reads her own file without the council's
 * deliberations, on a phone too. The full journey through the council is the lead's (issue 18, "Done when").
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, startApp, type RunningApp } from './support.js';

let app: RunningApp;
let browser: Browser;
const POLL = { timeout: 15_000, interval: 250 };
const OFFICIAL = 'Hoàng Thị Thu Hà'; // chuyenvien.sxd, Phòng Quản lý xây dựng of Sở Xây dựng
const CITIZEN = { name: 'Lò Văn Phản Ánh', phone: '0977123456' };
const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10).split('-').reverse().join('/');

async function staffPage(username: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport });
  const page = await context.newPage();
  await signIn(page, app.url, username);
  return page;
}

/** Opens an action's dialog, fills it, records it, and waits for it to close (a refusal stays in it: say what it said). */
async function act(page: Page, button: string, fill: (d: Locator) => Promise<void> = async () => {}): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const d = page.getByRole('dialog');
  await d.waitFor();
  await fill(d);
  await d.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
  await d.waitFor({ state: 'hidden', timeout: 20_000 }).catch(async () => { throw new Error(`${button}: ${await d.innerText()}`); });
}

/** Chooses an option of a select one cannot type into. */
async function choose(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  await page.locator('.ant-select-dropdown').filter({ visible: true }).locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await expect.poll(() => field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]').innerText(), POLL).toContain(option);
}

/** The value shown in a form item, found by its label. */
const fieldText = (page: Page, label: string) => page.locator('.ant-form-item').filter({ has: page.getByText(label, { exact: true }) }).first().innerText();

beforeAll(async () => {
  app = await startApp();
  ({ browser } = await openBrowser());
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('complaint, denunciation and discipline pages', () => {
  let feedbackCode = '';
  let caseUrl = '';

  it('turns feedback about an official into a denunciation whose denouncer only the team reads', async () => {
    const head = await staffPage('lanhdao.sxd');
    const { items } = await (await head.request.get(`${app.url}/api/v1/org/staff?q=${encodeURIComponent(OFFICIAL)}`)).json() as { items: { publicId: string; fullName: string }[] };
    const sent = await fetch(`${app.url}/api/v1/public/feedback`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        categoryCode: 'can-bo', about: { kind: 'official', staffPublicId: items.find((s) => s.fullName === OFFICIAL)!.publicId },
        title: 'Cán bộ đòi nộp thêm giấy tờ ngoài quy định', content: 'Cán bộ yêu cầu nộp thêm nhiều giấy tờ không có trong thủ tục và hẹn đi hẹn lại.',
        submitter: { name: CITIZEN.name, phone: CITIZEN.phone, address: 'Bản Hon, xã Bình Lư' }, consentToPublish: false,
      }),
    });
    expect(sent.status).toBe(201);
    feedbackCode = ((await sent.json()) as { code: string }).code;

    await head.goto(`${app.url}/can-bo/phan-anh/${feedbackCode}`);
    await head.getByTestId('conduct-flag').waitFor();
    await head.getByRole('button', { name: 'Chuyển thành đơn tố cáo' }).click();
    await head.waitForURL((u) => u.pathname === '/can-bo/thanh-tra/don/moi' && u.searchParams.get('feedbackId') === feedbackCode);
    await head.getByText(`Nội dung lấy từ phản ánh, kiến nghị ${feedbackCode}`, { exact: false }).waitFor();
    expect(await head.getByLabel('Họ và tên', { exact: true }).inputValue()).toBe(CITIZEN.name);
    expect(await head.getByLabel('Nội dung đơn', { exact: true }).inputValue()).toContain('giấy tờ ngoài quy định');
    await expect.poll(() => fieldText(head, 'Cán bộ bị khiếu nại, tố cáo'), POLL).toContain(OFFICIAL);
    expect(await fieldText(head, 'Loại đơn')).toContain('Tố cáo');
    await head.getByRole('button', { name: 'Tiếp nhận đơn' }).click();
    await head.waitForURL((u) => /^\/can-bo\/thanh-tra\/don\/\d+$/.test(u.pathname), { timeout: 20_000 });
    caseUrl = head.url();

    // The receiver leads the team: the denouncer is shown to him, with the warning that it is confidential.
    await expect.poll(() => head.getByTestId('case-party').innerText(), POLL).toContain(CITIZEN.name);
    expect(await head.getByTestId('case-clocks').innerText()).toContain('Thời hạn xử lý ban đầu');
    expect(await head.locator('body').innerText()).toContain(`Chuyển từ phản ánh, kiến nghị ${feedbackCode}`);

    // In the list the case carries its next deadline, coloured by how close it is.
    await head.goto(`${app.url}/can-bo/thanh-tra/don?kind=denunciation`);
    const row = head.getByRole('row').filter({ has: head.getByRole('link', { name: `Đơn số ${caseUrl.split('/').pop()}`, exact: true }) });
    const clock = row.locator('.mc-insp-clock');
    await clock.waitFor();
    expect(await clock.innerText()).toMatch(/^Hạn \d\d\/\d\d\/\d{4} \((còn \d+ ngày|hết hạn hôm nay)\)$/);
    expect(['running', 'soon']).toContain(await clock.getAttribute('data-urgency'));
    expect(await row.innerText()).not.toContain(CITIZEN.name);

    // The province's auditor reads the case, never who sent it.
    const auditor = await staffPage('kiemtra');
    await auditor.goto(caseUrl);
    await auditor.getByTestId('party-secret').waitFor();
    const seen = await auditor.locator('body').innerText();
    for (const secret of [CITIZEN.name, CITIZEN.phone, 'Bản Hon']) expect(seen).not.toContain(secret);
    expect(await auditor.locator('body').innerText()).toContain('Bạn không có thao tác nào với đơn này lúc này.');
    await auditor.context().close();
    await head.context().close();
  });

  it('refuses a form sent after someone else changed the case, and reloads it', async () => {
    const head = await staffPage('lanhdao.sxd');
    await head.goto(caseUrl);
    await head.getByTestId('case-actions').waitFor();
    await head.getByRole('button', { name: 'Phân công tổ xử lý', exact: true }).click();
    const d = head.getByRole('dialog');
    await d.waitFor();
    // Meanwhile the case is marked complex from another tab (the same API the page uses).
    const csrf = (await head.context().cookies()).find((c) => c.name === 'motcua_csrf')!.value;
    const id = caseUrl.split('/').pop();
    const { version } = await (await head.request.get(`${app.url}/api/v1/inspection/cases/${id}`)).json() as { version: number };
    const changed = await head.request.post(`${app.url}/api/v1/inspection/cases/${id}/actions`, { headers: { 'x-csrf-token': csrf }, data: { action: 'classify', version, complexity: 'complex' } });
    expect(changed.status(), await changed.text()).toBe(200);
    await d.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    const notice = head.locator('.ant-modal-confirm');
    await notice.locator('.ant-modal-confirm-title').filter({ hasText: 'Dữ liệu đã thay đổi' }).waitFor();
    await notice.getByRole('button', { name: 'Tải lại' }).click();
    await expect.poll(() => head.locator('.mc-insp-facts-1').first().innerText(), POLL).toContain('Phức tạp');
    await head.context().close();
  });

  it('opens the discipline file from the conclusion, which the official reads without the deliberations', async () => {
    const head = await staffPage('lanhdao.sxd');
    await head.goto(caseUrl);
    await head.getByTestId('case-actions').waitFor();
    await act(head, 'Thụ lý');
    await act(head, 'Kết luận, quyết định', async (d) => {
      await choose(head, d.getByLabel('Kết quả giải quyết', { exact: true }), 'Đúng một phần');
      await d.getByLabel('Nội dung kết luận, quyết định', { exact: true }).fill(`Tố cáo đúng một phần: bà ${OFFICIAL} yêu cầu nộp giấy tờ ngoài quy định.`);
      await d.getByLabel('Số văn bản', { exact: true }).fill('12/KL-SXD');
    });
    await head.getByText('Đã có kết luận', { exact: true }).first().waitFor();
    await head.getByRole('button', { name: 'Lập hồ sơ xem xét kỷ luật' }).click();
    await head.waitForURL((u) => u.pathname === '/can-bo/thanh-tra/ky-luat/moi');
    await expect.poll(() => fieldText(head, 'Người bị xem xét kỷ luật'), POLL).toContain(OFFICIAL);
    expect(await fieldText(head, 'Đơn vị có thẩm quyền xử lý')).toContain('Sở Xây dựng');
    expect(await head.getByLabel('Hành vi vi phạm', { exact: true }).inputValue()).toContain('giấy tờ ngoài quy định');
    expect(await head.getByLabel('Ngày phát hiện', { exact: true }).inputValue()).toBe(today);
    const ended = head.getByLabel('Ngày chấm dứt hành vi vi phạm', { exact: true });
    await ended.click();
    await ended.fill(today);
    await ended.press('Tab');
    await head.getByRole('button', { name: 'Lập hồ sơ', exact: true }).click();
    await head.waitForURL((u) => /^\/can-bo\/thanh-tra\/ky-luat\/\d+$/.test(u.pathname), { timeout: 20_000 });
    const fileUrl = head.url();
    await head.getByRole('link', { name: `Kết luận đơn số ${caseUrl.split('/').pop()}` }).waitFor();
    expect(await head.getByTestId('discipline-clocks').innerText()).toContain('Thời hạn xử lý kỷ luật');
    expect(await head.getByTestId('discipline-actions').innerText()).toContain('Ghi nhận: Thông báo xem xét kỷ luật');
    await head.context().close();

    // The official reads her own file on her phone: no actions, no deliberations, nothing wider than the screen.
    const official = await staffPage('chuyenvien.sxd', { width: 360, height: 740 });
    await official.goto(fileUrl);
    await official.getByTestId('subject-notice').waitFor();
    await official.getByTestId('ballot-hidden').waitFor();
    expect(await official.getByTestId('discipline-actions').count()).toBe(0);
    expect(await official.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(361);
    await official.context().close();
  });
});
