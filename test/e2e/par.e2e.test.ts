/**
 * The PAR index end to end (issue 16): the Department of Home Affairs copies last year's criteria set for
 * communes and wards into this year, issues it and opens this year's round; Tân Phong ward self-scores with
 * an evidence file and submits; the Department of Justice appraises its criterion and asks for an explanation;
 * the ward explains; the council approves; the ranking appears on the public portal. The demo holds last
 * year's round, published, so "this year" is whatever year the suite runs in.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, startApp, type RunningApp } from './support.js';

let app: RunningApp;
let browser: Browser;
const year = Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4));
const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10).split('-').reverse().join('/');

async function staffPage(username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, app.url, username);
  return page;
}

/** A call to the API with the page's own session (its CSRF cookie as the header). */
async function call(page: Page, method: string, path: string, body?: unknown) {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'motcua_csrf')?.value ?? '';
  const res = await page.request.fetch(`${app.url}/api/v1${path}`, { method, headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' }, ...(body === undefined ? {} : { data: JSON.stringify(body) }) });
  if (res.status() >= 300) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return res.json();
}

/** Opens a dialog with `button`, fills it, confirms with `confirm`, and waits for it to close (a refusal stays in it: say what it said). */
async function dialog(page: Page, button: string | RegExp, confirm: string, fill: (d: ReturnType<Page['getByRole']>) => Promise<void> = async () => {}): Promise<void> {
  await page.getByRole('button', { name: button }).first().click();
  const d = page.getByRole('dialog');
  await d.waitFor();
  await fill(d);
  await d.getByRole('button', { name: confirm, exact: true }).click();
  await d.waitFor({ state: 'hidden', timeout: 30_000 }).catch(async () => { throw new Error(`${String(button)}: ${await d.innerText()}`); });
}

/** A button whose Popconfirm asks again: confirm it with the same words. */
async function confirmed(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).first().click();
  const pop = page.locator('.ant-popconfirm').filter({ visible: true });
  await pop.getByRole('button', { name: button, exact: true }).click();
  await pop.waitFor({ state: 'hidden' });
}

async function pickDate(d: ReturnType<Page['getByRole']>, label: string, value: string) {
  const field = d.getByLabel(label);
  await field.click();
  await field.fill(value);
  await field.press('Enter');
}

beforeAll(async () => {
  app = await startApp();
  ({ browser } = await openBrowser());
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a PAR round from last year\'s set to the public ranking', () => {
  it('is opened, self-scored with evidence, appraised, explained, approved by the council and published', async () => {
    // The Department of Home Affairs copies last year's set for communes and wards, issues it and opens the round.
    const snv = await staffPage('chuyenvien.snv');
    await snv.goto(`${app.url}/can-bo/cchc/bo-tieu-chi`);
    await dialog(snv, 'Sao chép sang năm mới', 'Sao chép', async (d) => {
      await d.getByLabel('Sao chép từ bộ').click();
      await snv.locator('.ant-select-item-option').filter({ hasText: 'xã, phường' }).first().click();
      await expect.poll(async () => d.getByLabel('Tên bộ tiêu chí').inputValue()).toContain(String(year));
    });
    await snv.waitForURL(/\/can-bo\/cchc\/bo-tieu-chi\/\d+$/);
    await dialog(snv, /^Ban hành$/, 'Ban hành', async (d) => {
      await d.getByLabel('Số quyết định').fill(`2790/QĐ-UBND`);
      await pickDate(d, 'Ngày quyết định', today);
      await d.getByLabel('Người ký').fill('Chủ tịch Ủy ban nhân dân tỉnh');
    });
    await snv.getByText('Đã ban hành').first().waitFor();

    await snv.goto(`${app.url}/can-bo/cchc`);
    await dialog(snv, 'Mở đợt đánh giá', 'Mở đợt đánh giá', async (d) => {
      await d.getByLabel('Năm đánh giá').fill(String(year));
      await d.getByLabel('Hạn tự đánh giá (số ngày làm việc kể từ hôm nay)').fill('10');
      await d.getByText(/xã, phường/).first().click();
    });
    await snv.waitForURL(/\/can-bo\/cchc\/dot\/\d+$/);
    const roundId = Number(/dot\/(\d+)$/.exec(snv.url())![1]);
    const board = await call(snv, 'GET', `/par/rounds/${roundId}`);
    const tanPhong = board.participants.find((p: { unitName: string }) => p.unitName === 'Phường Tân Phong');
    expect(board.participants.length).toBe(38);
    const sheetUrl = `${app.url}/can-bo/cchc/dot/${roundId}/don-vi/${tanPhong.unitId}`;

    // The ward's head self-scores: two criteria and an evidence file through the sheet, the rest through the API.
    const ward = await staffPage('lanhdao.tanphong');
    const sheet = await call(ward, 'GET', `/par/rounds/${roundId}/units/${tanPhong.unitId}`);
    type Node = { code: string; leaf: boolean; maxPoints: number; applicable: boolean; scoring: { kind: string; tiers?: { threshold: number }[] } | null; can: { self: boolean } | null };
    let version = sheet.version as number;
    for (const n of sheet.nodes as Node[]) {
      if (!n.leaf || !n.can?.self || ['1.1', '1.4'].includes(n.code)) continue;
      const k = n.scoring!.kind;
      const input = k === 'binary' ? true : k === 'ratio' ? 0.9 : k === 'tiered' ? n.scoring!.tiers![0]!.threshold : k === 'penalty' || k === 'bonus' ? 0 : n.maxPoints;
      version = (await call(ward, 'PUT', `/par/rounds/${roundId}/units/${tanPhong.unitId}/leaves/${n.code}/self`, { version, input, explanation: 'Báo cáo kết quả năm của phường, mục tương ứng.' })).version;
    }
    await ward.goto(sheetUrl);
    await dialog(ward, 'Tự chấm 1.1', 'Lưu', async (d) => { await d.getByRole('switch').click(); });
    await dialog(ward, 'Thêm tài liệu 1.1', 'Lưu', async (d) => {
      await d.getByLabel('Tên tài liệu').fill('Kế hoạch cải cách hành chính năm của phường');
      await d.locator('input[type=file]').setInputFiles({ name: 'ke-hoach-cchc.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% Kế hoạch CCHC của phường Tân Phong\n') });
      await d.getByText('ke-hoach-cchc.pdf').waitFor();
      await d.getByLabel('Mục, điều').fill('Mục II');
      await d.getByLabel('Trang').fill('3');
    });
    await ward.getByRole('link', { name: /ke-hoach-cchc\.pdf|Kế hoạch cải cách hành chính năm của phường/ }).first().waitFor();
    await dialog(ward, 'Tự chấm 1.4', 'Lưu', async (d) => {
      await d.getByLabel(/Điểm tự chấm/).fill('1.5');
      await d.getByLabel(/Giải trình/).fill('Đã tổ chức 2 hội nghị; biên bản lưu tại văn phòng phường.');
    });
    await confirmed(ward, 'Phê duyệt và gửi');
    await ward.getByText('Đã gửi').first().waitFor();

    // The organiser opens the first appraisal; the Department of Justice appraises its criterion and asks for an explanation.
    await snv.reload();
    await dialog(snv, /Chuyển sang giai đoạn "Thẩm định lần 1"/, 'Chuyển giai đoạn');
    const justiceCode = (sheet.nodes as (Node & { appraisingUnitName: string | null })[]).find((n) => n.leaf && n.applicable && n.appraisingUnitName === 'Sở Tư pháp' && n.scoring?.kind !== 'survey' && n.scoring?.kind !== 'computed')!.code;
    const stp = await staffPage('lanhdao.stp');
    await stp.goto(sheetUrl);
    await stp.getByText('Bạn thấy các tiêu chí do đơn vị mình thẩm định.').waitFor();
    await dialog(stp, `Thẩm định ${justiceCode}`, 'Lưu', async (d) => {
      await d.getByLabel(/Điểm/).fill('1');
      await d.getByLabel('Lý do').fill('Chưa có danh mục văn bản đã rà soát kèm theo.');
    });
    await dialog(stp, `Yêu cầu giải trình ${justiceCode}`, 'Lưu', async (d) => {
      await d.getByLabel('Nội dung yêu cầu giải trình').fill('Đề nghị bổ sung danh mục văn bản đã rà soát trong năm.');
    });

    // The ward explains within the explanation stage.
    await snv.reload();
    await dialog(snv, /Chuyển sang giai đoạn "Giải trình"/, 'Chuyển giai đoạn');
    await ward.reload();
    await dialog(ward, `Giải trình ${justiceCode}`, 'Lưu', async (d) => {
      await d.getByLabel('Nội dung giải trình').fill('Bổ sung danh mục 18 văn bản đã rà soát (kèm theo).');
      await d.getByLabel(/Điểm đề nghị/).fill('2');
    });
    await confirmed(ward, 'Gửi giải trình');
    await ward.getByText(/Đã gửi giải trình/).first().waitFor();

    // Second appraisal accepts it; the council is set, votes, and approves by majority.
    await snv.reload();
    await dialog(snv, /Chuyển sang giai đoạn "Thẩm định lần 2"/, 'Chuyển giai đoạn');
    await stp.reload();
    await dialog(stp, `Thẩm định ${justiceCode}`, 'Lưu', async (d) => {
      await d.getByLabel(/Điểm/).fill('2');
      await d.getByLabel('Lý do').fill('Chấp nhận giải trình.');
    });
    const staffId = async (p: Page) => (await call(p, 'GET', '/auth/me')).user.staffId as number;
    const members = [
      { staffId: await staffId(await staffPage('lanhdao.snv')), role: 'chair' },
      { staffId: await staffId(snv), role: 'secretary' },
      { staffId: await staffId(stp), role: 'member' },
    ];
    await call(snv, 'PUT', `/par/rounds/${roundId}/council`, { version: (await call(snv, 'GET', `/par/rounds/${roundId}`)).round.version, members });
    await snv.reload();
    await dialog(snv, /Chuyển sang giai đoạn "Hội đồng thẩm định"/, 'Chuyển giai đoạn');
    await dialog(snv, 'Biểu quyết', 'Gửi biểu quyết', async (d) => { await d.getByText('Tán thành', { exact: true }).click(); });
    await call(stp, 'POST', `/par/rounds/${roundId}/votes`, { vote: 'approve' });
    await snv.reload();
    await dialog(snv, 'Công bố kết quả', 'Công bố', async (d) => {
      await d.getByLabel('Số quyết định').fill('15/QĐ-UBND');
      await pickDate(d, 'Ngày quyết định', today);
      await d.getByLabel('Người ký').fill('Chủ tịch Ủy ban nhân dân tỉnh');
    });
    await snv.getByText('Đã công bố').first().waitFor();

    // The ranking on the public portal, with the ward's index as the sheet computed it.
    const final = await call(ward, 'GET', `/par/rounds/${roundId}/units/${tanPhong.unitId}`);
    const portal = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await portal.goto(`${app.url}/chi-so-cchc`);
    await portal.getByText(`năm ${year}`).first().waitFor();
    await portal.getByRole('cell', { name: 'Phường Tân Phong' }).first().waitFor();
    const shown = final.totals.index.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    await expect.poll(async () => portal.locator('body').innerText(), { timeout: 10_000 }).toContain(shown);
    await portal.screenshot({ path: '/tmp/par-public-ranking.png', fullPage: true }).catch(() => undefined);
  }, 240_000);
});
