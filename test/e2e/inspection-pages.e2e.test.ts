/**
 * The inspection pages (issue 18), a smoke test: the Department of Construction's deputy director turns a
 * citizen's feedback about one of his officials into a denunciation from the feedback page; the form comes
 * prefilled and the case shows the denouncer to him, its team, while the auditor reading the same case gets
 * only the notice that the identity is secret; a form sent after someone else changed the case is refused as
 * stale and the page reloads. He accepts and concludes it, opens the discipline file from the conclusion
 * (prefilled, the case kept as its source), and the official reads her own file without the council's
 * deliberations, on a phone too. Then (issue 18, "Done when") the file goes through the council's steps, its
 * secret ballot and the head's reprimand decision, which the official's page shows in force and the year's
 * report counts.
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
  await d.waitFor({ state: 'hidden', timeout: 20_000 }).catch(async () => {
    await page.screenshot({ path: `/tmp/inspection-e2e-${button.replace(/\W+/g, '-')}.png` }).catch(() => undefined);
    throw new Error(`${button}: ${await d.innerText()}`);
  });
}

/** Chooses an option of a select one cannot type into. */
async function choose(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  await page.locator('.ant-select-dropdown').filter({ visible: true }).locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await expect.poll(() => field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-form-item ")][1]').innerText(), POLL).toContain(option);
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
  let fileUrl = '';

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
    fileUrl = head.url();
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

  it('goes through the council and its secret ballot to the head\'s reprimand, in force for the official', async () => {
    const head = await staffPage('lanhdao.sxd');
    // Two colleagues of the department for the council: the section's leader and the office's personnel officer.
    const people = async (code: string) => {
      const units = await (await head.request.get(`${app.url}/api/v1/org/units`)).json() as { items?: { id: number; code: string }[] } | { id: number; code: string }[];
      const list = Array.isArray(units) ? units : units.items ?? [];
      const unit = list.find((u) => u.code === code)!;
      const { items } = await (await head.request.get(`${app.url}/api/v1/org/staff?unitId=${unit.id}&pageSize=50`)).json() as { items: { fullName: string; active: boolean }[] };
      return items.filter((x) => x.active && x.fullName !== OFFICIAL).map((x) => x.fullName);
    };
    const [leader] = await people('H30.105.01');
    const [personnel] = await people('H30.105.02');
    const pickStaff = async (d: Locator, label: string, name: string) => {
      const field = d.getByLabel(label, { exact: true });
      const options = head.locator('.ant-select-dropdown').filter({ visible: true }).locator('.ant-select-item-option');
      await field.click();
      await field.fill(name);
      // Wait for the search's own answer (the picker first shows the unit's people, then those matching the name).
      await expect.poll(async () => (await options.allInnerTexts()).every((o) => o.includes(name)) && (await options.count()) > 0, POLL).toBe(true);
      await options.filter({ hasText: name }).first().click();
      await expect.poll(() => d.innerText(), POLL).toContain(name);
    };

    // The report of this statutory year (15/12 of the year before to 14/12) before the decision, for the department.
    const todayVn = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const year = Number(todayVn.slice(0, 4)) + (todayVn.slice(5) > '12-14' ? 1 : 0);
    const reprimands = async () => ((await (await head.request.get(`${app.url}/api/v1/inspection/reports?from=${year - 1}-12-15&to=${year}-12-14`)).json()) as { discipline: { decidedByForm: { khien_trach: number } } }).discipline.decidedByForm.khien_trach;
    const before = await reprimands();

    await head.goto(fileUrl);
    await head.getByTestId('discipline-actions').waitFor();
    for (const step of ['Thông báo xem xét kỷ luật', 'Họp kiểm điểm', 'Báo cáo kiểm điểm']) await act(head, `Ghi nhận: ${step}`);
    await act(head, 'Thành lập hội đồng kỷ luật', async (d) => {
      await pickStaff(d, 'Thành viên: Chủ tịch hội đồng', 'Trần Minh Đức');
      await pickStaff(d, 'Thành viên: Đại diện lãnh đạo đơn vị sử dụng', leader!);
      await pickStaff(d, 'Thành viên: Đại diện bộ phận tổ chức cán bộ', personnel!);
    });
    for (const step of ['Giấy triệu tập họp hội đồng', 'Họp hội đồng kỷ luật']) await act(head, `Ghi nhận: ${step}`);
    await act(head, 'Ghi kết quả bỏ phiếu kín', async (d) => {
      await d.getByLabel('Số phiếu: Khiển trách', { exact: true }).fill('3');
      await choose(head, d.getByLabel('Hình thức hội đồng kiến nghị', { exact: true }), 'Khiển trách');
      await d.getByLabel('Biên bản họp hội đồng', { exact: true }).fill('Hội đồng họp đủ 3/3 thành viên; 3/3 phiếu đồng ý kỷ luật, 3 phiếu khiển trách.');
    });
    await expect.poll(() => head.locator('body').innerText(), POLL).toContain('Đồng ý kỷ luật: 3/3');
    await act(head, 'Ghi nhận: Kiến nghị của hội đồng');
    await act(head, 'Ra quyết định kỷ luật', async (d) => {
      await d.getByLabel('Số quyết định', { exact: true }).fill('45/QĐ-SXD');
    });
    await expect.poll(() => head.locator('body').innerText(), POLL).toContain('Số 45/QĐ-SXD');
    expect(await head.getByTestId('discipline-clocks').innerText()).not.toContain('Quá hạn');

    // The year's report counts it: one reprimand more in Biểu 04, on the page as in the API.
    await head.goto(`${app.url}/can-bo/thanh-tra/bao-cao?period=${year}-Y`);
    const reprimandRow = head.getByTestId('insp-rep-t04').locator('tbody tr').filter({ hasText: 'Khiển trách' });
    await expect.poll(async () => (await reprimandRow.innerText()).split(/\s+/).filter((x) => /^\d+$/.test(x)).map(Number)[1], POLL).toBe(before + 1);
    expect(await reprimands()).toBe(before + 1);
    await head.context().close();

    // The official sees the decision and its validity, still without the ballot.
    const official = await staffPage('chuyenvien.sxd');
    await official.goto(fileUrl);
    await official.getByTestId('ballot-hidden').waitFor();
    const page = await official.locator('body').innerText();
    expect(page).toContain('Khiển trách');
    expect(page).toContain('45/QĐ-SXD');
    expect(page).not.toContain('3 phiếu khiển trách');
    await official.context().close();
  });
});
