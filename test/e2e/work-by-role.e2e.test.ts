import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, openBrowser, signIn, startApp, type RunningApp } from './support.js';

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

const POLL = { timeout: 20_000, interval: 200 };
const dialog = () => page.locator('.ant-modal-wrap:visible');
const actions = () => page.locator('.ant-card', { has: page.getByText('Thao tác', { exact: true }) });

async function signInFresh(username: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, app.url, username);
}

/** Where the app settles after sign-in (a surface's index redirects once more). */
async function landing(): Promise<string> {
  await page.waitForLoadState('networkidle');
  return new URL(page.url()).pathname;
}

/** POST as the signed-in user (the API wants the CSRF cookie's value in a header). */
async function post(url: string, data: unknown) {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'motcua_csrf')!.value;
  return page.request.post(`${app.url}${url}`, { data, headers: { 'x-csrf-token': csrf } });
}

/** The desk receives a dossier (through the API: the intake form has its own test below). */
async function receiveByApi(procedureCode: string): Promise<{ code: string; version: number }> {
  const created = await post('/api/v1/dossiers', {
    procedureCode, channel: 'desk', resultDelivery: 'desk', idempotencyKey: `work-by-role-${procedureCode}-${Date.now()}`,
    applicant: { kind: 'citizen', fullName: 'Sùng Thị Mỷ', idNumber: '012345678902', phone: '0912000111' },
  });
  expect(created.status()).toBe(201);
  return created.json();
}

/** ... handed to the culture-social section with nobody named: work for the head to assign. */
async function dossierWaitingInSection(): Promise<string> {
  const { code, version } = await receiveByApi('1.001758');
  expect((await post(`/api/v1/dossiers/${code}/actions`, { action: 'transfer', version })).status()).toBe(200);
  return code;
}

async function act(button: string, fill?: () => Promise<void>): Promise<void> {
  await actions().getByRole('button', { name: button, exact: true }).click();
  await fill?.();
  await dialog().getByRole('button', { name: 'Xác nhận', exact: true }).click();
  // Done, or the dialog's own complaint (so a failure says what the form or the server answered).
  const outcome = async () => ((await page.getByText(`Đã thực hiện: ${button}.`).count()) > 0 ? 'done'
    : (await dialog().locator('[role=alert], .ant-form-item-explain-error').allInnerTexts()).join(' | ') || 'pending');
  await expect.poll(outcome, { ...POLL, timeout: 40_000 }).toBe('done');
  await dialog().waitFor({ state: 'hidden' });
}

describe('each role starts on its own work', () => {
  it('lands admin on administration, the auditor on the province overview, desk and specialist on their queues, the head on the unit overview', async () => {
    await signInFresh('admin');
    expect(await landing()).toMatch(/^\/quan-tri/);

    await signInFresh('kiemtra');
    expect(await landing()).toBe('/can-bo');
    await page.getByText('Hồ sơ trong phạm vi theo dõi').waitFor({ timeout: 10_000 });
    expect(await page.getByText('Phạm vi theo dõi: Tỉnh Lai Châu').count()).toBe(1);

    for (const queueWorker of ['motcua.tanphong', 'chuyenvien.tanphong']) {
      await signInFresh(queueWorker);
      expect(await landing()).toBe('/can-bo/ho-so');
      await page.getByRole('tab', { name: /Của tôi/ }).waitFor({ timeout: 10_000 });
    }

    await signInFresh('lanhdao.tanphong');
    expect(await landing()).toBe('/can-bo');
    await page.getByText('Công việc của đơn vị').waitFor({ timeout: 10_000 });
    await page.getByTestId('overview-to-assign').getByText('Hồ sơ chờ phân công').waitFor();
  });

  it('the head assigns with a button and signs without taking the dossier first', async () => {
    await signInFresh('motcua.tanphong');
    const code = await dossierWaitingInSection();

    await signInFresh('lanhdao.tanphong');
    await expect.poll(() => page.getByTestId('overview-to-assign').locator('a.mc-code').count(), POLL).toBeGreaterThan(0);
    await page.goto(`${app.url}/can-bo/ho-so/${code}`);
    // Nobody holds the section's step: assigning comes first, taking it himself is not offered as a button.
    await actions().getByRole('button', { name: 'Phân công', exact: true }).waitFor({ timeout: 10_000 });
    expect(await actions().locator('button.ant-btn-primary').first().innerText()).toBe('Phân công');
    expect(await actions().getByRole('button', { name: 'Nhận xử lý', exact: true }).count()).toBe(0);
    await act('Phân công', async () => {
      await chooseOption(page, dialog().getByLabel('Cán bộ xử lý'), 'Phạm Văn Hải', page.locator('.ant-select-item-option', { hasText: 'Phạm Văn Hải' }));
    });

    // The specialist sends it up for signature without naming anyone.
    await signInFresh('chuyenvien.tanphong');
    await page.goto(`${app.url}/can-bo/ho-so/${code}`);
    await act('Chuyển xử lý');

    // At the head's own step, nobody holding it: he signs straight away.
    await signInFresh('lanhdao.tanphong');
    await page.goto(`${app.url}/can-bo/ho-so/${code}`);
    await actions().getByRole('button', { name: 'Ghi nhận kết quả', exact: true }).waitFor({ timeout: 10_000 });
    expect(await actions().getByRole('button', { name: 'Nhận xử lý', exact: true }).count()).toBe(0);
    await act('Ghi nhận kết quả', () => dialog().getByLabel('Nội dung kết quả giải quyết').fill('Hỗ trợ chi phí mai táng 7.200.000 đồng'));
    const history = () => page.locator('[data-event]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event')));
    await expect.poll(async () => (await history())[0], { ...POLL, timeout: 40_000 }).toBe('result_recorded');
    const events = await history();
    expect(events).not.toContain('taken');
    expect(events.slice(0, 2)).toEqual(['result_recorded', 'transferred']);
  });
});

describe('intake of an organisation at the desk, read back at 1366 px', () => {
  it('labels the organisation’s fields and its representative, names the right field in errors, and keeps the summary readable', async () => {
    await signInFresh('motcua.tanphong');
    await page.goto(`${app.url}/can-bo/tiep-nhan`);
    const picker = page.getByLabel('Thủ tục hành chính');
    await picker.click();
    await picker.fill('mai táng');
    await page.locator('.ant-select-item-option', { hasText: 'Hỗ trợ chi phí mai táng' }).first().click();
    await page.getByRole('button', { name: 'Đã nhận đủ', exact: true }).click();
    // A person first: the ID number says what it is.
    await page.getByLabel('Số định danh cá nhân/CCCD', { exact: true }).waitFor();
    await page.getByText('Tổ chức, doanh nghiệp', { exact: true }).click();
    // The form switches after the click re-renders; count the labels once it has (count() does not wait).
    await page.getByLabel('Tên tổ chức', { exact: true }).waitFor();
    for (const label of ['Tên tổ chức', 'Mã số doanh nghiệp/mã số thuế', 'Địa chỉ trụ sở', 'Họ và tên người đại diện', 'Chức vụ', 'Số định danh cá nhân/CCCD của người đại diện']) {
      expect(await page.getByLabel(label, { exact: true }).count(), label).toBe(1);
    }
    await page.getByLabel('Tên tổ chức', { exact: true }).fill('A');
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    const nameItem = page.locator('.ant-form-item', { has: page.getByLabel('Tên tổ chức', { exact: true }) });
    await expect.poll(() => nameItem.locator('.ant-form-item-explain-error').innerText(), POLL).toContain('tên tổ chức');
    expect(await page.locator('.ant-form-item-explain-error', { hasText: /họ và tên người nộp/i }).count()).toBe(0);
    expect(await page.locator('.ant-form-item-explain-error', { hasText: 'người đại diện' }).count()).toBe(2);

    await page.getByLabel('Tên tổ chức', { exact: true }).fill('Hợp tác xã Chè Tân Uyên');
    await page.getByLabel('Mã số doanh nghiệp/mã số thuế', { exact: true }).fill('6200123456');
    await page.getByLabel('Họ và tên người đại diện', { exact: true }).fill('Lò Văn Páo');
    await page.getByLabel('Chức vụ', { exact: true }).fill('Giám đốc');
    await page.getByLabel('Số định danh cá nhân/CCCD của người đại diện', { exact: true }).fill('012088001234');
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page.getByText('Đã tiếp nhận hồ sơ').waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: 'Xem hồ sơ' }).click();
    const facts = page.locator('.mc-facts');
    await facts.getByText('Lò Văn Páo · Giám đốc · 012088001234').waitFor({ timeout: 10_000 });
    expect(await facts.getByText('Mã số thuế', { exact: true }).count()).toBe(1);
    expect(await facts.getByText('6200123456').count()).toBe(1);
    // Readable at 1366 px: every value has room for a line of words, not one word per line.
    const room = await facts.locator('td.ant-descriptions-item').evaluateAll((cells) => cells.map((td) => td.getBoundingClientRect().width - (td.querySelector('.ant-descriptions-item-label')?.getBoundingClientRect().width ?? 0)));
    expect(Math.min(...room)).toBeGreaterThan(180);
    expect(await page.getByTestId('route-steps').getAttribute('data-layout')).toBe('horizontal');

    // An eight-step route does not fit across the page: it is listed down it, each step on one line.
    const { code } = await receiveByApi('1.012756');
    await page.goto(`${app.url}/can-bo/ho-so/${code}`);
    const steps = page.getByTestId('route-steps');
    await steps.waitFor({ timeout: 10_000 });
    expect(await steps.getAttribute('data-layout')).toBe('vertical');
    const items = await steps.locator('.ant-steps-item').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(items.length).toBe(8);
    expect(Math.min(...items)).toBeGreaterThan(300);
  });
});
