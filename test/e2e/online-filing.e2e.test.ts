/**
 * A citizen files online from a phone, end to end, as `npm start` serves it on a fresh machine:
 * the procedure's page → sign-in at the local e-ID provider (a real OpenID provider on its own
 * port) → the filing steps with two uploads through the real file inputs → the desk receives it and
 * asks for the fee → the citizen pays at the local gateway (its own port, the signed redirect and
 * server-to-server notification) → the ward's leader records the result with its signed file → the
 * desk returns it online → the citizen downloads the result from their document store and rates the
 * service. The dossier then counts as fully online. The staff work through their own screens, signed
 * in as the demo accounts in a second browser (the queue, the dossier's page, its action buttons and
 * forms); the supplement journey drives the desk through the API. Every citizen page passes axe-core
 * at 360 px; reports and screenshots are left in test-results/.
 */
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, screenshot } from './axe.js';
import { openBrowser, signIn, startApp, type RunningApp } from './support.js';

let app: RunningApp;
let browser: Browser;
let page: Page;
let staffContext: BrowserContext;
let staffPage: Page;

const PROCEDURE = '1.004873'; // Cấp Giấy xác nhận tình trạng hôn nhân: full online, 15.000 đồng, at the ward
const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

type Staff = { act(code: string, body: Record<string, unknown>): Promise<{ status: number; json: Record<string, unknown> }>; get(code: string): Promise<Record<string, unknown>>; upload(name: string, content: Buffer): Promise<string> };

/** A staff member signed in through the API in their own browser context (their own cookies). */
async function staff(username: string): Promise<Staff> {
  const ctx = await browser.newContext();
  const request: APIRequestContext = ctx.request;
  const login = await request.post(`${app.url}/api/v1/auth/login`, { data: { username, password: 'motcua' } });
  expect(login.status(), `sign-in of ${username}`).toBe(200);
  const csrf = (await ctx.cookies()).find((c) => c.name === 'motcua_csrf')!.value;
  const get = async (code: string) => (await (await request.get(`${app.url}/api/v1/dossiers/${code}`)).json()) as Record<string, unknown>;
  return {
    get,
    async act(code, body) {
      const { version } = await get(code);
      const res = await request.post(`${app.url}/api/v1/dossiers/${code}/actions`, { headers: { 'x-csrf-token': csrf }, data: { version, ...body } });
      return { status: res.status(), json: await res.json() };
    },
    async upload(name, content) {
      const res = await request.post(`${app.url}/api/v1/files`, { headers: { 'x-csrf-token': csrf }, multipart: { file: { name, mimeType: 'application/pdf', buffer: content } } });
      expect(res.status()).toBe(201);
      return (await res.json()).key as string;
    },
  };
}

/** The staff screens, in the second browser: sign in as a demo account, open a dossier, act on it. */
const POLL = { timeout: 20_000, interval: 200 };
const staffDialog = () => staffPage.locator('.ant-modal-wrap:visible');
const actionCard = () => staffPage.locator('.ant-card', { has: staffPage.getByText('Thao tác', { exact: true }) });

async function staffSignIn(username: string): Promise<void> {
  await staffContext.clearCookies();
  await signIn(staffPage, app.url, username);
}

async function openDossier(code: string): Promise<void> {
  await staffPage.goto(`${app.url}/can-bo/ho-so/${code}`);
  await actionCard().waitFor({ timeout: 20_000 });
}

/** Opens an action (a button, or under "Thao tác khác"), fills its form and confirms it; waits for "Đã thực hiện". */
async function staffAct(name: string, fill?: () => Promise<void>): Promise<void> {
  const button = actionCard().getByRole('button', { name, exact: true });
  await expect.poll(async () => (await button.count()) + (await actionCard().getByRole('button', { name: /Thao tác khác/ }).count()), POLL).toBeGreaterThan(0);
  if (await button.count()) {
    await button.click();
  } else {
    await actionCard().getByRole('button', { name: /Thao tác khác/ }).click();
    await staffPage.getByRole('menuitem', { name, exact: true }).click();
  }
  await staffDialog().waitFor();
  await fill?.();
  await staffDialog().getByRole('button', { name: 'Xác nhận', exact: true }).click();
  const outcome = async () => ((await staffPage.getByText(`Đã thực hiện: ${name}.`).count()) > 0 ? 'done'
    : (await staffDialog().locator('[role=alert], .ant-form-item-explain-error').allInnerTexts()).join(' | ') || 'pending');
  await expect.poll(outcome, { ...POLL, timeout: 40_000 }).toBe('done');
  await staffDialog().waitFor({ state: 'hidden' });
}

async function expectAccessible(name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const { serious, report } = await axeCheck(page, name);
  expect(serious, `axe-core: ${report}`).toEqual([]);
  // What sticks out of the page itself (a menu that scrolls inside its own strip is fine).
  const wide = await page.evaluate(() => {
    const clipped = (e: Element | null): boolean => {
      for (let a = e?.parentElement; a && a !== document.body; a = a.parentElement) if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) return true;
      return false;
    };
    return [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(e))
      .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${(e.textContent ?? '').slice(0, 40)}"`);
  });
  expect(wide, `${name}: wider than the phone`).toEqual([]);
  await screenshot(page, name);
}

beforeAll(async () => {
  app = await startApp();
  ({ browser, page } = await openBrowser());
  await page.setViewportSize({ width: 360, height: 780 });
  staffContext = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1366, height: 900 } });
  staffPage = await staffContext.newPage();
});
afterAll(async () => {
  await staffContext?.close();
  await browser?.close();
  await app?.stop();
});

describe('online public services, end to end on a phone', () => {
  it('files with e-ID and two uploads, pays online, receives the result online and rates it: fully online', async () => {
    // The procedure's public page offers online filing; the filing page asks for the e-ID first.
    await page.goto(`${app.url}/thu-tuc/${PROCEDURE}`);
    await page.getByText('Nộp hồ sơ trực tuyến').first().click();
    await page.waitForURL((u) => u.pathname === `/cong-dan/nop-ho-so/${PROCEDURE}`);
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
    await page.waitForURL((u) => u.origin !== app.url && u.pathname.startsWith('/interaction/'), { timeout: 20_000 });
    await page.getByLabel(/Số định danh cá nhân/).fill('012190001234');
    await page.getByLabel(/Mật khẩu/).fill('motcua');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.origin === app.url && u.pathname === `/cong-dan/nop-ho-so/${PROCEDURE}`, { timeout: 20_000 });

    // A draft is kept on the server: it survives closing the browser.
    await page.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await page.waitForURL((u) => u.searchParams.has('draft'), { timeout: 20_000 });

    // Step 1: the applicant, from the e-ID, never typed.
    const main = page.locator('main');
    await expect.poll(() => main.innerText(), { timeout: 20_000 }).toContain('012190001234');
    expect(await main.innerText()).toContain('Lò Thị Mai');
    await expectAccessible('360-filing-applicant');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Step 2: where and what.
    await page.getByLabel('Nơi tiếp nhận hồ sơ').click();
    await page.keyboard.type('Tân Phong');
    await page.keyboard.press('Enter');
    await page.getByLabel('Nội dung đề nghị').fill('Xác nhận tình trạng hôn nhân để đăng ký kết hôn');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Step 3: two uploads through the real file inputs.
    const inputs = page.locator('input[type=file]');
    await expect.poll(() => inputs.count()).toBe(2);
    await page.getByLabel(/Tải lên tệp cho “Tờ khai/).setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: pdf('tờ khai') });
    await expect.poll(() => main.innerText()).toContain('to-khai.pdf');
    await page.getByLabel(/Tải lên tệp cho “Giấy tờ chứng minh/).setInputFiles({ name: 'quyet-dinh-ly-hon.pdf', mimeType: 'application/pdf', buffer: pdf('quyết định ly hôn') });
    await expect.poll(() => main.innerText()).toContain('quyet-dinh-ly-hon.pdf');
    await expectAccessible('360-filing-documents');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Step 4: the result online (the default); step 5: review and submit.
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => main.innerText()).toContain('Hồ sơ đã đủ để nộp.');
    await expectAccessible('360-filing-review');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/cong-dan/ho-so/H30.'), { timeout: 20_000 });
    const code = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    // The desk of the ward finds it among the open dossiers, receives it (status 1 → 2) and asks for the fee.
    const desk = await staff('motcua.tanphong'); // reads the dossier back (the API) for the assertions
    expect((await desk.get(code)).statusCode).toBe(1);
    await staffSignIn('motcua.tanphong');
    await staffPage.goto(`${app.url}/can-bo/ho-so`);
    // Sent online, not yet received: it waits in the desk's "Chờ tiếp nhận" tab, counted on the tab.
    await staffPage.getByRole('tab', { name: /Chờ tiếp nhận/ }).click();
    await expect.poll(() => staffPage.getByRole('tab', { name: /Chờ tiếp nhận/ }).getAttribute('aria-selected'), POLL).toBe('true');
    await staffPage.getByRole('searchbox', { name: 'Tìm hồ sơ' }).fill(code);
    await staffPage.keyboard.press('Enter');
    await staffPage.locator(`tr[data-code="${code}"]`).getByRole('link', { name: code }).click();
    await staffPage.waitForURL((u) => u.pathname === `/can-bo/ho-so/${code}`);
    await staffAct('Tiếp nhận');
    await staffAct('Yêu cầu nộp phí, lệ phí', async () => {
      // The fee table's line for the case comes filled in: 15.000 đồng.
      expect(await staffDialog().locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).join(' '))).toMatch(/15[.,]?000/);
    });
    expect((await desk.get(code)).statusCode).toBe(6);

    // The citizen pays at the local gateway; the notification credits the dossier.
    await page.reload();
    await page.getByRole('button', { name: /Thanh toán trực tuyến/ }).click();
    await page.waitForURL((u) => u.origin !== app.url, { timeout: 20_000 });
    expect(await page.locator('body').innerText()).toContain('15.000');
    await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
    await page.waitForURL((u) => u.origin === app.url, { timeout: 20_000 });
    await expect.poll(async () => (await desk.get(code)).paidOnline, { timeout: 20_000 }).toBe(true);

    // The desk hands it on to the review step; the ward's leader (whose grant covers the justice
    // section's review) hands it on to himself for signature and records the result with its
    // signed file; the desk returns it online.
    await openDossier(code);
    await staffAct('Chuyển xử lý');
    await staffSignIn('lanhdao.tanphong');
    await openDossier(code);
    const signed = pdf('Giấy xác nhận tình trạng hôn nhân số 7/2026, đã ký số');
    for (let hops = 0; hops < 4 && (await actionCard().getByRole('button', { name: 'Ghi nhận kết quả', exact: true }).count()) === 0; hops++) {
      await staffAct('Chuyển xử lý');
    }
    await staffAct('Ghi nhận kết quả', async () => {
      await staffDialog().getByLabel('Nội dung kết quả giải quyết').fill('Cấp Giấy xác nhận tình trạng hôn nhân số 7/2026');
      await staffDialog().getByLabel('Số, ký hiệu văn bản kết quả').fill('7/2026');
      await staffDialog().locator('input[type=file]').setInputFiles({ name: 'Giấy xác nhận tình trạng hôn nhân.pdf', mimeType: 'application/pdf', buffer: signed });
      await staffDialog().getByText(/Giấy xác nhận tình trạng hôn nhân\.pdf/).waitFor({ timeout: 20_000 });
    });
    await staffSignIn('motcua.tanphong');
    await openDossier(code);
    await staffAct('Trả kết quả', async () => {
      expect(await staffDialog().getByLabel('Người nhận kết quả').inputValue()).toBe('Lò Thị Mai');
    });
    expect(await desk.get(code)).toMatchObject({ statusCode: 10, returnMethod: 'online' });

    // The result is in the citizen's document store, whole.
    await page.goto(`${app.url}/cong-dan/giay-to`);
    const resultRow = page.locator('li, .ant-list-item, tr').filter({ hasText: `Kết quả hồ sơ ${code}` }).first();
    await resultRow.waitFor({ timeout: 20_000 });
    await expectAccessible('360-documents');
    const [download] = await Promise.all([page.waitForEvent('download'), resultRow.getByText('Tải về').click()]);
    const chunks: Buffer[] = [];
    for await (const c of (await download.createReadStream())) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(signed)).toBe(true);

    // The rating, once, on the dossier's page.
    await page.goto(`${app.url}/cong-dan/ho-so/${encodeURIComponent(code)}`);
    await page.getByText('Rất hài lòng').click();
    await page.getByLabel('Ý kiến của bạn (không bắt buộc)').fill('Không phải đi lại, nhận kết quả nhanh.');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Bạn đã đánh giá');
    await expectAccessible('360-my-dossier');

    const done = await desk.get(code);
    expect(done).toMatchObject({ statusCode: 10, paidOnline: true, resultDigitised: true, fullyOnline: true });
  });

  it('pauses the clock for a supplement the citizen sends online, then resumes it, and says so', async () => {
    // Filed through the API as the signed-in citizen (the filing screens are the test above).
    const csrf = (await page.context().cookies()).find((c) => c.name === 'motcua_citizen_csrf')!.value;
    const api = page.request;
    const call = async (method: 'post' | 'patch', path: string, data?: unknown, multipart?: Record<string, unknown>) => {
      const res = await api[method](`${app.url}/api/v1/citizen${path}`, { headers: { 'x-csrf-token': csrf }, ...(multipart ? { multipart: multipart as never } : { data }) });
      expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
      return res.json();
    };
    const draft = await call('post', '/dossiers', { procedureCode: PROCEDURE });
    const file = await call('post', '/files', undefined, { file: { name: 'to-khai-2.pdf', mimeType: 'application/pdf', buffer: pdf('tờ khai lần hai') }, draftId: draft.id });
    const units = (await (await api.get(`${app.url}/api/v1/citizen/dossiers/${draft.id}`)).json()).procedure.receivingUnits as { id: number; name: string; communeName?: string }[];
    const tanPhong = units.find((u) => `${u.communeName ?? ''} ${u.name}`.includes('Tân Phong'))!;
    await call('patch', `/dossiers/${draft.id}`, { version: draft.version, receivingUnitId: tanPhong.id, request: 'Xác nhận tình trạng hôn nhân', documents: [{ name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', fileId: file.id }] });
    const submitted = await call('post', `/dossiers/${draft.id}/submit`, { idempotencyKey: 'journey-supplement-1' });
    const code = submitted.dossier.code as string;

    const desk = await staff('motcua.tanphong');
    expect((await desk.act(code, { action: 'receive' })).status).toBe(200);
    const dueBefore = (await desk.get(code)).dueAt as string;
    const asked = await desk.act(code, { action: 'request_supplement', items: [{ name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', reason: 'Bản chụp mờ, không đọc được chữ ký' }] });
    expect(asked.status, JSON.stringify(asked.json)).toBe(200);

    // The citizen sees what to supplement and that the clock is paused.
    await page.goto(`${app.url}/cong-dan/ho-so/${encodeURIComponent(code)}`);
    const deadline = page.getByTestId('deadline');
    await expect.poll(() => deadline.innerText(), { timeout: 20_000 }).toContain('Tạm dừng tính thời hạn');
    expect(await page.locator('main').innerText()).toContain('Bản chụp mờ, không đọc được chữ ký');
    await expectAccessible('360-my-dossier-supplement');
    await page.getByLabel(/Tải lên tệp cho “Tờ khai/).setInputFiles({ name: 'to-khai-ro.pdf', mimeType: 'application/pdf', buffer: pdf('tờ khai bản rõ') });
    await expect.poll(() => page.locator('main').innerText()).toContain('to-khai-ro.pdf');
    await page.getByLabel('Ghi chú gửi cơ quan').fill('Gửi lại bản chụp rõ nét');
    await page.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();

    // Received: the clock resumed and the due date moved by the time it stood still.
    await expect.poll(() => deadline.innerText(), { timeout: 20_000 }).toContain('tiếp tục tính thời hạn');
    const after = await desk.get(code);
    expect(after.statusCode).not.toBe(5);
    expect(new Date(after.dueAt as string).getTime()).toBeGreaterThanOrEqual(new Date(dueBefore).getTime());
  });
});
