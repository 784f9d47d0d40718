/**
 * Personnel end to end (issue 17, "Done when"): the Department of Justice's HR officer proposes the
 * department's job-position scheme and sends it for appraisal; the Department of Home Affairs appraises it
 * and its head records the approval decision; HR places a specialist in a position from his page and the
 * gap table counts him; the specialist proposes a correction to his record, which changes nothing until HR
 * approves it; he assesses his year, the department's head reviews and approves the rating; the Department
 * of Home Affairs downloads the staffing workbook, read back with ExcelJS against the API's figures.
 * Dates are today's and the evaluation year is this year, in Vietnam, whenever the suite runs.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, openBrowser, signIn, startApp, type RunningApp } from './support.js';

let app: RunningApp;
let browser: Browser;
const year = Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4));
const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10).split('-').reverse().join('/');
const SHOTS = '/tmp/personnel-shots';
const POLL = { timeout: 15_000, interval: 250 };

async function staffPage(username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, app.url, username);
  return page;
}

/** Reads the API with the page's own session, only to learn figures to compare the pages and the workbook with. */
async function read(page: Page, path: string) {
  const res = await page.request.get(`${app.url}/api/v1${path}`);
  if (!res.ok()) throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
  return res.json();
}

/** Opens a dialog with `button`, fills it, confirms with `confirm`, and waits for it to close (a refusal stays in it: say what it said). */
async function dialog(page: Page | Locator, button: string, confirm: string, fill: (d: Locator) => Promise<void> = async () => {}): Promise<void> {
  const root = 'page' in page ? page.page() : page;
  await page.getByRole('button', { name: button, exact: true }).first().click();
  const d = root.getByRole('dialog');
  await d.waitFor();
  await fill(d);
  await d.getByRole('button', { name: confirm, exact: true }).click();
  await d.waitFor({ state: 'hidden', timeout: 20_000 }).catch(async () => { throw new Error(`${button}: ${await d.innerText()}`); });
}

/** A button that asks again in a confirmation box: confirm it there. */
async function confirmed(page: Page, button: string, confirm: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const box = page.locator('.ant-modal-confirm');
  await box.getByRole('button', { name: confirm, exact: true }).click();
  await box.waitFor({ state: 'hidden', timeout: 20_000 });
}

/** Chooses an option of a select one cannot type into, and checks the field shows it. */
async function pick(page: Page, field: Locator, option: string, shown = option): Promise<void> {
  const root = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  await field.click();
  const list = page.locator('.ant-select-dropdown').filter({ visible: true });
  await list.locator('.ant-select-item-option').filter({ hasText: option }).first().click({ timeout: 10_000 }).catch(async () => {
    const item = await root.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-form-item ")][1]').innerText().catch(() => '');
    throw new Error(`"${option}" is not offered by ${field.toString()}: the list shows "${await list.innerText().catch(() => '')}"; the field says "${item}"`);
  });
  await expect.poll(() => root.innerText(), POLL).toContain(shown);
}

async function pickDate(scope: Locator | Page, label: string, value: string): Promise<void> {
  const field = scope.getByLabel(label, { exact: true });
  await field.click();
  await field.fill(value);
  await field.press('Enter');
}

/** The value beside a label in the record's read-only form (a bordered description list). */
const recordValue = (page: Page, label: string) => page.locator('th', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::td[1]').first().innerText();

/** The texts of a table row's cells, the row found by a cell's text. */
const rowCells = (page: Page, text: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name: text, exact: true }) }).last().getByRole('cell').allInnerTexts();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startApp();
  ({ browser } = await openBrowser());
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a department\'s personnel from its job-position scheme to the staffing report', () => {
  it('proposes, appraises and approves a scheme, places a specialist, corrects his record, rates his year and reports', async () => {
    // 1. Sở Tư pháp's HR officer proposes the scheme: a leadership post and two professional ones, and sends it.
    const hr = await staffPage('nhansu.stp');
    await hr.goto(`${app.url}/can-bo/nhan-su/de-an`);
    await hr.getByRole('button', { name: 'Lập đề án' }).click();
    await hr.getByRole('heading', { name: 'Lập đề án vị trí việc làm' }).waitFor();
    await chooseOption(hr, hr.getByLabel('Đơn vị', { exact: true }), 'Sở Tư pháp', hr.locator('.ant-select-item-option').filter({ hasText: /^Sở Tư pháp$/ }));
    await pickDate(hr, 'Ngày hiệu lực', today);
    await hr.getByLabel('Mã vị trí dòng 1').fill('LD-01');
    await hr.getByLabel('Tên vị trí dòng 1').fill('Giám đốc Sở Tư pháp');
    await pick(hr, hr.getByLabel('Nhóm vị trí dòng 1'), 'Lãnh đạo, quản lý');
    await hr.getByLabel('Mã ngạch dòng 1').fill('01.001');
    await hr.getByLabel('Ngạch dòng 1', { exact: true }).fill('Chuyên viên cao cấp');
    await hr.getByRole('button', { name: 'Thêm vị trí' }).click();
    await hr.getByLabel('Mã vị trí dòng 2').fill('CM-01');
    await hr.getByLabel('Tên vị trí dòng 2').fill('Chuyên viên bổ trợ tư pháp');
    await hr.getByLabel('Mã ngạch dòng 2').fill('01.003');
    await hr.getByLabel('Ngạch dòng 2', { exact: true }).fill('Chuyên viên');
    await hr.getByLabel('Số người dòng 2').fill('2');
    await hr.getByText('2 vị trí, tổng số người làm việc: 3').waitFor();
    await hr.getByRole('button', { name: 'Tạo dự thảo' }).click();
    await hr.waitForURL((u) => /^\/can-bo\/nhan-su\/de-an\/\d+$/.test(u.pathname));
    const schemeUrl = hr.url();
    await hr.getByText('Dự thảo', { exact: true }).waitFor();
    await confirmed(hr, 'Gửi thẩm định', 'Gửi thẩm định');
    await hr.getByText('Chờ thẩm định', { exact: true }).waitFor();

    // 2. The Department of Home Affairs finds it in its list and agrees; its head records the decision.
    const snv = await staffPage('nhansu.snv');
    await snv.goto(`${app.url}/can-bo/nhan-su/de-an`);
    await snv.getByRole('row').filter({ hasText: 'Chờ thẩm định' }).getByRole('link', { name: 'Sở Tư pháp' }).click();
    await snv.waitForURL(schemeUrl);
    await dialog(snv, 'Thẩm định', 'Ghi kết quả', async (d) => {
      await d.getByText('Đồng ý, trình phê duyệt').click();
      await d.getByLabel('Ý kiến thẩm định').fill('Danh mục vị trí phù hợp với chức năng, nhiệm vụ của Sở; đủ điều kiện trình phê duyệt.');
    });
    await snv.getByText('Đã thẩm định', { exact: true }).waitFor();
    const head = await staffPage('lanhdao.snv');
    await head.goto(schemeUrl);
    await dialog(head, 'Phê duyệt', 'Phê duyệt', async (d) => {
      await d.getByLabel('Số quyết định').fill('2150/QĐ-UBND');
      await pickDate(d, 'Ngày quyết định', today);
      await d.getByLabel('Người ký').fill('Chủ tịch Ủy ban nhân dân tỉnh');
    });
    await head.getByText('Đã phê duyệt', { exact: true }).waitFor();
    await head.getByText(`Quyết định số 2150/QĐ-UBND ngày ${today}, người ký: Chủ tịch Ủy ban nhân dân tỉnh`).waitFor();

    // 3. HR places Vàng A Dính in CM-01 from his page; the gap table then counts one filled and one vacant.
    await hr.goto(`${app.url}/can-bo/nhan-su`);
    await hr.getByLabel('Tìm công chức').fill('vang a dinh');
    // The search runs once typing pauses; wait for its answer, or it would replace the page being opened.
    await hr.waitForURL((u) => u.searchParams.get('q') === 'vang a dinh');
    await expect.poll(() => hr.getByRole('table', { name: 'Danh sách hồ sơ công chức' }).getByRole('link').count(), POLL).toBe(1);
    await hr.getByRole('link', { name: 'Vàng A Dính', exact: true }).click();
    await hr.waitForURL((u) => /^\/can-bo\/nhan-su\/\d+$/.test(u.pathname));
    await hr.getByRole('tab', { name: 'Quá trình' }).click();
    await dialog(hr, 'Ghi nhận biến động', 'Ghi nhận', async (d) => {
      await d.getByText('Bổ nhiệm, bố trí', { exact: true }).waitFor();
      await pickDate(d, 'Ngày có hiệu lực', today);
      await pick(hr, d.getByLabel('Vị trí việc làm'), 'CM-01 — Chuyên viên bổ trợ tư pháp (còn thiếu 2)', 'CM-01');
      await d.getByLabel('Số quyết định').fill('88/QĐ-STP');
      await pickDate(d, 'Ngày quyết định', today);
      await d.getByLabel('Người ký').fill('Giám đốc Sở Tư pháp');
    });
    const placements = hr.getByRole('table', { name: 'Bố trí vị trí việc làm' });
    await placements.getByText('CM-01 — Chuyên viên bổ trợ tư pháp').waitFor();
    await placements.getByText('Hiện tại').waitFor();
    await hr.screenshot({ path: `${SHOTS}/person.png`, fullPage: true });
    await hr.getByRole('menuitem', { name: 'Đề án vị trí việc làm' }).click();
    await chooseOption(hr, hr.getByLabel('Đơn vị', { exact: true }), 'Sở Tư pháp', hr.locator('.ant-select-item-option').filter({ hasText: /^Sở Tư pháp$/ }));
    await hr.getByText('Vị trí việc làm đang có hiệu lực: Sở Tư pháp').waitFor();
    // Code, name, group, approved, filled, vacant, over, holders.
    await expect.poll(() => rowCells(hr, 'CM-01'), POLL).toEqual(['CM-01', 'Chuyên viên bổ trợ tư pháp', 'Chuyên môn, nghiệp vụ', '2', '1', '1', '0', 'Vàng A Dính']);

    // 4. He proposes a correction to his foreign language; the record keeps the old value until HR approves.
    const dinh = await staffPage('chuyenvien.stp');
    const before = (await read(dinh, '/personnel/me')).record.foreignLanguage as string;
    const language = 'Tiếng Anh bậc 4 (B2)';
    expect(before).not.toBe(language);
    await dinh.getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await dinh.waitForURL((u) => u.pathname === '/can-bo/ho-so-cua-toi');
    await dinh.getByRole('tab', { name: /^Đề nghị thay đổi/ }).click();
    await dialog(dinh, 'Đề nghị thay đổi hồ sơ', 'Gửi đề nghị', async (d) => {
      await d.getByRole('button', { name: 'Trình độ' }).click();
      await d.getByLabel('Ngoại ngữ', { exact: true }).fill(language);
      await d.getByLabel('Lý do thay đổi').fill('Được cấp chứng chỉ tiếng Anh bậc 4 theo Khung năng lực ngoại ngữ 6 bậc.');
    });
    const proposal = dinh.locator('[data-change]').filter({ hasText: 'Chờ phê duyệt' });
    await proposal.getByRole('cell', { name: language }).waitFor();
    await proposal.getByRole('cell', { name: before }).waitFor();
    await dinh.getByRole('tab', { name: 'Sơ yếu lý lịch' }).click();
    expect(await recordValue(dinh, 'Ngoại ngữ')).toBe(before);

    await hr.getByRole('menuitem', { name: 'Đề nghị thay đổi hồ sơ' }).click();
    await hr.waitForURL((u) => u.pathname === '/can-bo/nhan-su/de-nghi');
    const queued = hr.locator('[data-change]').filter({ hasText: 'Vàng A Dính' }).filter({ hasText: language });
    await dialog(queued, 'Phê duyệt', 'Phê duyệt', async (d) => {
      await d.getByLabel('Ghi chú (không bắt buộc)').fill('Đã đối chiếu bản sao chứng chỉ.');
    });
    await expect.poll(() => queued.count(), POLL).toBe(0);
    await dinh.reload();
    await dinh.getByRole('tab', { name: 'Sơ yếu lý lịch' }).waitFor();
    await expect.poll(() => recordValue(dinh, 'Ngoại ngữ'), POLL).toBe(language);

    // 5. This year's evaluation: he assesses himself; the department's head reviews the sheet and approves.
    await dinh.getByRole('tab', { name: 'Đánh giá năm' }).click();
    const myYear = dinh.getByLabel('Năm đánh giá');
    await myYear.fill(String(year));
    await myYear.press('Tab');
    await dinh.getByRole('heading', { name: `Tự đánh giá năm ${year}` }).waitFor();
    await dinh.getByLabel('Tự đánh giá kết quả thực hiện nhiệm vụ').fill('Hoàn thành 10/10 nhiệm vụ được giao, 6 nhiệm vụ vượt mức; thẩm định hồ sơ đúng hạn.');
    await dinh.getByLabel(/^Điểm tiêu chí chung/).fill('18');
    await dinh.getByLabel(/^Điểm kết quả thực hiện nhiệm vụ/).fill('74');
    for (const [label, value] of [['Số nhiệm vụ', '10'], ['Hoàn thành', '10'], ['Vượt mức', '6'], ['Số tiêu chí', '10'], ['Yếu', '0'], ['Không đạt', '0']]) {
      await dinh.getByLabel(label!, { exact: true }).fill(value!);
    }
    await dinh.getByText('Theo quy định: 92 điểm, dự kiến').waitFor();
    await dinh.getByRole('button', { name: 'Lưu tự đánh giá' }).click();
    await dinh.getByText('Đã lưu phần tự đánh giá.').waitFor();

    const ld = await staffPage('lanhdao.stp');
    await ld.goto(`${app.url}/can-bo/nhan-su`);
    await ld.getByRole('menuitem', { name: 'Đánh giá, xếp loại' }).click();
    await ld.waitForURL((u) => u.pathname === '/can-bo/nhan-su/danh-gia');
    await chooseOption(ld, ld.getByLabel('Đơn vị', { exact: true }), 'Sở Tư pháp', ld.locator('.ant-select-item-option').filter({ hasText: /^Sở Tư pháp$/ }));
    const evalYear = ld.getByLabel('Năm đánh giá');
    await evalYear.fill(String(year));
    await evalYear.press('Tab');
    await ld.getByRole('table', { name: `Kết quả đánh giá năm ${year}` }).waitFor();
    const sheetRow = ld.getByRole('row').filter({ has: ld.getByRole('link', { name: 'Vàng A Dính', exact: true }) });
    await sheetRow.getByText('Đã tự đánh giá').waitFor();
    await dialog(sheetRow, 'Nhận xét', 'Lưu nhận xét', async (d) => {
      await d.getByText('18 + 74 = 92').waitFor();
      await d.getByLabel('Nhận xét của người quản lý').fill('Hoàn thành tốt nhiệm vụ; cần chủ động hơn khi tham mưu văn bản.');
      await d.getByLabel('Biên bản họp đánh giá').fill(`Biên bản họp Phòng Bổ trợ tư pháp năm ${year}: 5/5 ý kiến tán thành mức Hoàn thành tốt nhiệm vụ.`);
      await d.getByLabel(/^Điểm tiêu chí chung/).fill('18');
      await d.getByLabel(/^Điểm kết quả thực hiện nhiệm vụ/).fill('70');
      await d.getByText('Theo quy định: 88 điểm, dự kiến').waitFor();
    });
    await sheetRow.getByText('Đã nhận xét').waitFor();
    await confirmed(ld, 'Phê duyệt kết quả', 'Phê duyệt');
    await sheetRow.getByText('Đã phê duyệt').waitFor();
    await sheetRow.getByText('Hoàn thành tốt nhiệm vụ', { exact: true }).waitFor();
    expect(await sheetRow.getByRole('cell').allInnerTexts()).toContain('88');
    await ld.screenshot({ path: `${SHOTS}/evaluations.png`, fullPage: true });

    // 6. The Department of Home Affairs downloads the staffing workbook and it carries the API's figures.
    await snv.goto(`${app.url}/can-bo/nhan-su`);
    await snv.getByRole('menuitem', { name: 'Thống kê đội ngũ' }).click();
    await snv.waitForURL((u) => u.pathname === '/can-bo/nhan-su/thong-ke');
    const stats = await read(snv, '/personnel/stats') as { asOf: string; rows: { unitName: string; counts: { total: number } }[]; total: { total: number } };
    const justice = stats.rows.find((r) => r.unitName === 'Sở Tư pháp');
    expect(justice, `the staffing table's rows: ${stats.rows.map((r) => r.unitName).join(', ')}`).toBeDefined();
    await snv.getByRole('cell', { name: 'Sở Tư pháp', exact: true }).waitFor();
    const [download] = await Promise.all([snv.waitForEvent('download'), snv.getByRole('link', { name: /Tải Excel/ }).click()]);
    expect(download.suggestedFilename()).toBe(`thong-ke-cong-chuc-${stats.asOf}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const rows = [...Array(sheet.rowCount).keys()].map((i) => i + 1);
    const rowWhere = (col: number, value: string) => rows.find((r) => sheet.getCell(r, col).value === value);
    expect(rowWhere(1, 'BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC')).toBeDefined();
    // The header: "Ngạch" over its grades, merged across them, with the grades in the row under it.
    const cellsOf = (r: number) => sheet.getRow(r).values as unknown[];
    const header = rows.find((r) => cellsOf(r).includes('Ngạch'))!;
    expect(header).toBeDefined();
    const ngach = cellsOf(header).indexOf('Ngạch');
    expect(sheet.getCell(header + 1, ngach).value).toBe('Chuyên viên cao cấp');
    expect(sheet.getCell(header, ngach + 1).master.address).toBe(sheet.getCell(header, ngach).address);
    expect(sheet.getCell(header, 3).value).toBe('Tổng số');
    const justiceRow = rowWhere(2, 'Sở Tư pháp')!;
    expect(justiceRow).toBeGreaterThan(header);
    expect(sheet.getCell(justiceRow, 3).value).toBe(justice!.counts.total);
    const totalRow = rowWhere(2, 'Tổng cộng')!;
    expect(totalRow).toBeGreaterThan(justiceRow);
    expect(sheet.getCell(totalRow, 3).value).toBe(stats.total.total);
  }, 180_000);
});
