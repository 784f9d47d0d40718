/**
 * Inspection plans and inspections (issue 18 scope 1), in the browser: the provincial inspectorate's
 * specialist drafts next year's plan, the head approves it and amends it with reasons; an inspection is
 * opened from the plan's item with its team, started, its checklist judged and its figures taken again,
 * a finding recorded; the conclusion is refused while an item marked as a finding has none, then signed
 * with two recommendations; the inspected department reads it without the team's notes or log (on a
 * phone too) and reports; the head returns one report, accepts both, and the inspection closes.
 */
import type { Locator, Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, startApp, type RunningApp, chooseByLabel as choose } from './support.js';

let app: RunningApp;
let browser: Browser;
const POLL = { timeout: 15_000, interval: 250 };
const vnToday = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const today = vnToday.split('-').reverse().join('/');
const next = Number(vnToday.slice(0, 4)) + 1;
const NOTE = 'Nhiều hồ sơ cấp phép xây dựng trả muộn';

async function staffPage(username: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport });
  const page = await context.newPage();
  await signIn(page, app.url, username);
  return page;
}


/** Types a date (dd/mm/yyyy) and leaves the field with Tab: Enter would send the form. */
async function date(scope: Page | Locator, label: string, value: string): Promise<void> {
  const field = scope.getByLabel(label, { exact: true });
  await field.click();
  await field.fill(value);
  await field.press('Tab');
  await expect.poll(() => field.inputValue(), POLL).toBe(value);
}

/** Sends the open dialog with its button, and waits for it to close (a refusal stays in it: say what it said). */
async function send(page: Page, button = 'Ghi nhận'): Promise<void> {
  const d = page.getByRole('dialog');
  await d.getByRole('button', { name: button, exact: true }).click();
  await d.waitFor({ state: 'hidden', timeout: 20_000 }).catch(async () => { throw new Error(`${button}: ${await d.innerText()}`); });
}

beforeAll(async () => {
  app = await startApp();
  ({ browser } = await openBrowser());
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('inspection plans and inspections', () => {
  let planUrl = '';
  let inspectionUrl = '';

  it('drafts a plan, approves it by decision, and amends it only with reasons the history keeps', async () => {
    const specialist = await staffPage('thanhtra.ttt');
    await specialist.goto(`${app.url}/can-bo/thanh-tra/ke-hoach`);
    await specialist.getByRole('button', { name: 'Lập kế hoạch' }).click();
    const d = specialist.getByRole('dialog');
    await d.getByLabel('Năm kế hoạch').fill(String(next));
    expect(await d.getByLabel('Tên kế hoạch').inputValue()).toContain(`năm ${next}`);
    await send(specialist, 'Tạo dự thảo');
    await specialist.waitForURL(/\/ke-hoach\/\d+$/);
    planUrl = specialist.url();
    for (const [typed, unit, from, to] of [['xay dung', 'Sở Xây dựng', `06/04/${next}`, `17/04/${next}`], ['tu phap', 'Sở Tư pháp', `07/06/${next}`, `18/06/${next}`]] as const) {
      await specialist.getByRole('button', { name: 'Thêm cuộc thanh tra, kiểm tra' }).click();
      await choose(specialist, specialist.getByRole('dialog'), 'Đơn vị được thanh tra, kiểm tra', unit, typed);
      await date(specialist.getByRole('dialog'), 'Dự kiến từ ngày', from);
      await date(specialist.getByRole('dialog'), 'Dự kiến đến ngày', to);
      await send(specialist);
    }
    // A period reaching into the following year: the server's reason under the field, the dialog stays.
    await specialist.getByRole('button', { name: 'Thêm cuộc thanh tra, kiểm tra' }).click();
    const bad = specialist.getByRole('dialog');
    await choose(specialist, bad, 'Đơn vị được thanh tra, kiểm tra', 'Sở Nội vụ', 'noi vu');
    await date(bad, 'Dự kiến từ ngày', `07/12/${next}`);
    await date(bad, 'Dự kiến đến ngày', `05/01/${next + 1}`);
    await bad.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await bad.getByText(`Thời gian dự kiến phải trong năm ${next} của kế hoạch.`).waitFor();
    await bad.getByRole('button', { name: 'Hủy', exact: true }).click();
    // A specialist drafts; approving is the head's.
    expect(await specialist.getByRole('button', { name: 'Phê duyệt kế hoạch' }).count()).toBe(0);
    await specialist.context().close();

    const head = await staffPage('lanhdao.ttt');
    await head.goto(planUrl);
    await head.getByRole('button', { name: 'Phê duyệt kế hoạch' }).click();
    await head.getByRole('dialog').getByLabel('Số quyết định phê duyệt').fill('250/QĐ-TTr');
    await send(head, 'Phê duyệt');
    await expect.poll(() => head.locator('.mc-page-title').innerText(), POLL).toContain('Đã phê duyệt');
    await head.getByRole('group', { name: 'Thao tác với cuộc tại Sở Xây dựng' }).getByRole('button', { name: 'Sửa' }).click();
    const amend = head.getByRole('dialog');
    await date(amend, 'Dự kiến từ ngày', `13/04/${next}`);
    await date(amend, 'Dự kiến đến ngày', `24/04/${next}`);
    await amend.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await amend.getByText('Bắt buộc phải nhập.').waitFor(); // an amendment needs its reason
    await amend.getByLabel('Lý do điều chỉnh').fill('Sở Xây dựng đề nghị lùi một tuần');
    await send(head);
    await head.getByRole('group', { name: 'Thao tác với cuộc tại Sở Tư pháp' }).getByRole('button', { name: 'Bỏ khỏi kế hoạch' }).click();
    await head.getByRole('dialog').getByLabel('Lý do điều chỉnh').fill('Trùng với cuộc kiểm tra của Sở Nội vụ');
    await send(head, 'Bỏ khỏi kế hoạch');
    const page = await head.locator('main').innerText();
    expect(page).toContain(`Đã đưa ra khỏi kế hoạch ngày ${today}: Trùng với cuộc kiểm tra của Sở Nội vụ`);
    expect(page).toContain(`Trước: 06/04/${next} – 17/04/${next}`);
    expect(page).toContain(`Sau: 13/04/${next} – 24/04/${next}`);
    expect(page).toContain('Lý do: Sở Xây dựng đề nghị lùi một tuần');
    await head.context().close();

    // The unit a plan means to inspect does not read it.
    const inspected = await staffPage('lanhdao.sxd');
    await inspected.goto(planUrl);
    await inspected.getByText('Không tìm thấy kế hoạch, hoặc bạn không được xem kế hoạch này.').waitFor();
    await inspected.context().close();
  });

  it('opens the inspection from the item, keeps its record, and refuses a conclusion with an unrecorded finding', async () => {
    const head = await staffPage('lanhdao.ttt');
    await head.goto(planUrl);
    await head.getByRole('link', { name: 'Mở cuộc thanh tra' }).click();
    await head.waitForURL(/cuoc-thanh-tra\/moi\?planId=\d+&itemId=\d+/);
    await expect.poll(() => head.locator('.ant-select', { has: head.getByLabel('Cuộc trong kế hoạch', { exact: true }) }).innerText(), POLL).toContain('Sở Xây dựng');
    await head.getByLabel('Số quyết định thanh tra, kiểm tra').fill('40/QĐ-TTr');
    await date(head, 'Ngày quyết định', today);
    await choose(head, head, 'Thành viên 1', 'Nguyễn Thị Minh Phương', 'Phương');
    await head.getByRole('button', { name: 'Mở cuộc thanh tra', exact: true }).click();
    await head.waitForURL(/cuoc-thanh-tra\/\d+$/, { timeout: 20_000 });
    inspectionUrl = head.url();
    await head.goto(planUrl);
    await expect.poll(() => head.locator('main').innerText(), POLL).toContain(`Cuộc số ${inspectionUrl.split('/').pop()}`);
    await head.context().close();

    const lead = await staffPage('thanhtra.ttt');
    await lead.goto(inspectionUrl);
    await lead.getByRole('button', { name: 'Bắt đầu làm việc tại đơn vị' }).click();
    await send(lead);
    await lead.getByTestId('checklist').getByRole('button', { name: 'Lấy lại số liệu' }).waitFor();
    await choose(lead, lead, 'Đánh giá: Hồ sơ thủ tục hành chính giải quyết quá hạn', 'Có vi phạm, tồn tại');
    await lead.getByLabel('Ghi chú: Hồ sơ thủ tục hành chính giải quyết quá hạn').fill(NOTE);
    await choose(lead, lead, 'Đánh giá: Niêm yết, công khai thủ tục hành chính tại nơi tiếp nhận', 'Có vi phạm, tồn tại');
    await lead.getByRole('button', { name: 'Lưu đánh giá' }).click();
    await expect.poll(() => lead.getByTestId('checklist-rollup').innerText(), POLL).toContain('2 có vi phạm');
    await lead.getByRole('button', { name: 'Lấy lại số liệu' }).click();
    await lead.getByTestId('checklist-moved').waitFor();
    // The verdicts and the note stay when the figures are taken again.
    expect(await lead.getByLabel('Ghi chú: Hồ sơ thủ tục hành chính giải quyết quá hạn').inputValue()).toBe(NOTE);
    await lead.getByRole('button', { name: 'Thêm vi phạm, tồn tại' }).click();
    const f = lead.getByRole('dialog');
    await choose(lead, f, 'Loại vi phạm, tồn tại', 'Giải quyết hồ sơ, công việc chậm, quá hạn');
    await f.getByLabel('Nội dung').fill('Hồ sơ cấp phép xây dựng giải quyết quá hạn, không có văn bản xin lỗi.');
    await choose(lead, f, 'Mục kiểm tra liên quan', 'Hồ sơ thủ tục hành chính giải quyết quá hạn');
    await send(lead);
    await expect.poll(() => lead.getByTestId('findings').innerText(), POLL).toContain('không có văn bản xin lỗi');
    // Signing is the head's: the team lead has no such button.
    expect(await lead.getByRole('button', { name: 'Ký kết luận' }).count()).toBe(0);
    await lead.context().close();

    const head2 = await staffPage('lanhdao.ttt');
    await head2.goto(inspectionUrl);
    await head2.getByRole('button', { name: 'Ký kết luận' }).click();
    const c = head2.getByRole('dialog');
    await c.getByText('Mục đánh giá có vi phạm nhưng chưa ghi nội dung vi phạm: Niêm yết, công khai thủ tục hành chính tại nơi tiếp nhận').waitFor();
    await c.getByLabel('Số kết luận').fill('45/KL-TTr');
    await c.getByLabel('Nội dung kết luận').fill('Sở Xây dựng còn để hồ sơ quá hạn và chưa niêm yết đủ thủ tục.');
    await c.getByRole('button', { name: 'Ký kết luận', exact: true }).click();
    await c.getByText(/Mục đánh giá có vi phạm nhưng chưa ghi nhận nội dung vi phạm/).waitFor(); // the server's 409, in the dialog
    await c.getByRole('button', { name: 'Hủy', exact: true }).click();
    await head2.context().close();
  });

  it('is concluded with recommendations the inspected unit follows up until the last is accepted', async () => {
    const lead = await staffPage('thanhtra.ttt');
    await lead.goto(inspectionUrl);
    await lead.getByRole('button', { name: 'Thêm vi phạm, tồn tại' }).click();
    const f = lead.getByRole('dialog');
    await choose(lead, f, 'Loại vi phạm, tồn tại', 'Không niêm yết, công khai thủ tục hành chính');
    await f.getByLabel('Nội dung').fill('Thiếu 12 thủ tục lĩnh vực xây dựng tại quầy.');
    await choose(lead, f, 'Mục kiểm tra liên quan', 'Niêm yết, công khai thủ tục hành chính tại nơi tiếp nhận');
    await send(lead);
    await lead.context().close();

    const head = await staffPage('lanhdao.ttt');
    await head.goto(inspectionUrl);
    await head.getByRole('button', { name: 'Ký kết luận' }).click();
    const c = head.getByRole('dialog');
    await c.getByLabel('Số kết luận').fill('45/KL-TTr');
    await c.getByLabel('Nội dung kết luận').fill('Sở Xây dựng còn để hồ sơ quá hạn và chưa niêm yết đủ thủ tục.');
    await c.getByRole('button', { name: 'Thêm kiến nghị' }).click();
    await c.getByLabel('Nội dung kiến nghị 1').fill('Kiểm điểm trách nhiệm cá nhân để hồ sơ quá hạn');
    await c.getByLabel('Số ngày làm việc của kiến nghị 1').fill('5');
    await c.getByRole('button', { name: 'Thêm kiến nghị' }).click();
    await c.getByLabel('Nội dung kiến nghị 2').fill('Niêm yết đầy đủ thủ tục hành chính tại bộ phận một cửa');
    await c.getByRole('radiogroup', { name: 'Cách tính hạn của kiến nghị 2' }).getByText('Ngày cụ thể').click();
    await date(c, 'Hạn thực hiện kiến nghị 2', `31/01/${next}`);
    await send(head, 'Ký kết luận');
    const recs = head.getByTestId('recommendations');
    await expect.poll(() => recs.innerText(), POLL).toContain('5 ngày làm việc kể từ ngày kết luận');
    expect(await head.getByTestId('rec-1').locator('[data-clock]').getAttribute('data-clock')).toMatch(/^(on_track|near_due)$/);
    await head.context().close();

    // The inspected department: the conclusion and verdicts, not the team's note nor its log; it reports.
    const dept = await staffPage('lanhdao.sxd');
    await dept.goto(`${app.url}/can-bo/thanh-tra/cuoc-thanh-tra?scope=inspected`);
    await dept.getByRole('link', { name: `Cuộc thanh tra số ${inspectionUrl.split('/').pop()}` }).click();
    await dept.getByTestId('inspected-view').waitFor();
    const seen = await dept.locator('main').innerText();
    expect(seen).toContain('Có vi phạm, tồn tại');
    expect(seen).not.toContain(NOTE);
    expect(seen).not.toContain('Nhật ký làm việc của đoàn');
    await dept.getByTestId('rec-1').getByRole('button', { name: 'Báo cáo kết quả' }).click();
    await dept.getByRole('dialog').getByLabel('Kết quả thực hiện').fill('Đã tổ chức kiểm điểm chuyên viên thụ lý.');
    await send(dept);
    await expect.poll(() => dept.getByTestId('rec-1').innerText(), POLL).toContain('Đã báo cáo, chờ đánh giá');
    await dept.context().close();

    const phone = await staffPage('lanhdao.sxd', { width: 390, height: 844 });
    await phone.goto(inspectionUrl);
    await phone.getByTestId('recommendations').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.context().close();

    const head2 = await staffPage('lanhdao.ttt');
    await head2.goto(inspectionUrl);
    await head2.getByTestId('rec-1').getByRole('button', { name: 'Trả lại' }).click();
    await head2.getByRole('dialog').getByLabel('Lý do trả lại').fill('Chưa có biên bản kiểm điểm');
    await send(head2);
    await expect.poll(() => head2.getByTestId('rec-1').innerText(), POLL).toContain('Chưa có biên bản kiểm điểm');
    for (const n of [1, 2]) {
      await head2.getByTestId(`rec-${n}`).getByRole('button', { name: 'Đánh giá hoàn thành' }).click();
      await send(head2);
    }
    await expect.poll(() => head2.locator('.mc-page-title').innerText(), POLL).toContain('Đã kết thúc');
    expect(await head2.getByTestId('rec-2').locator('[data-clock]').getAttribute('data-clock')).toBe('closed_on_time');
    await head2.context().close();
  });
});
