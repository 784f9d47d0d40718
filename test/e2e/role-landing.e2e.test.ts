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

/** The desk receives a dossier and hands it to the culture-social section, nobody named: work for the head to assign. */
async function dossierWaitingInSection(): Promise<string> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'motcua_csrf')!.value;
  const post = (url: string, data: unknown) => page.request.post(`${app.url}${url}`, { data, headers: { 'x-csrf-token': csrf } });
  const created = await post('/api/v1/dossiers', {
    procedureCode: '1.001758', channel: 'desk', resultDelivery: 'desk', idempotencyKey: `role-landing-${Date.now()}`,
    applicant: { kind: 'citizen', fullName: 'Sùng Thị Mỷ', idNumber: '012345678902', phone: '0912000111' },
  });
  expect(created.status()).toBe(201);
  const { code, version } = await created.json();
  expect((await post(`/api/v1/dossiers/${code}/actions`, { action: 'transfer', version })).status()).toBe(200);
  return code;
}

async function act(button: string, fill?: () => Promise<void>): Promise<void> {
  await actions().getByRole('button', { name: button, exact: true }).click();
  await fill?.();
  await dialog().getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await expect.poll(() => page.getByText(`Đã thực hiện: ${button}.`).count(), POLL).toBeGreaterThan(0);
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
      const staff = dialog().getByLabel('Cán bộ xử lý');
      await staff.click();
      await staff.fill('Phạm Văn Hải');
      await page.locator('.ant-select-item-option', { hasText: 'Phạm Văn Hải' }).first().click();
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
    await expect.poll(() => page.getByText('Đã xử lý xong').count(), POLL).toBeGreaterThan(0);
    const events = await page.locator('[data-event]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event')));
    expect(events).not.toContain('taken');
    expect(events.slice(0, 2)).toEqual(['result_recorded', 'transferred']);
  });
});
