import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, startApp, type RunningApp } from './support.js';

/**
 * What the API has, the UI offers (issue 9 §14): the administrator's outbox, a staff member's bell and
 * notifications page, and the desk's register (form 07) download. One app start for all three.
 */
let app: RunningApp;
let browser: Browser;
const POLL = { timeout: 30_000, interval: 250 };

beforeAll(async () => {
  app = await startApp();
  ({ browser } = await openBrowser());
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Each person in a browser context of their own, as on their own computer. */
async function as(username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, app.url, username);
  return page;
}

/**
 * A GET as `username` through the API, to know what the demo holds before looking at the screen.
 * Each person signs in once and keeps the session, as a browser would: sign-in is limited per address
 * and per account (MOTCUA_LOGIN_RATE_PER_MINUTE, MOTCUA_LOGIN_RATE_PER_ACCOUNT), so signing in for
 * every poll would lock out the browser sign-ins that follow.
 */
const sessions = new Map<string, Promise<string>>();
async function sessionOf(username: string): Promise<string> {
  let cookie = sessions.get(username);
  if (!cookie) {
    cookie = fetch(`${app.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'motcua' }) })
      .then((login) => {
        if (!login.ok) throw new Error(`API sign-in as ${username}: HTTP ${login.status}`);
        return login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      });
    sessions.set(username, cookie);
    cookie.catch(() => sessions.delete(username));
  }
  return cookie;
}
async function apiGet<T>(username: string, path: string): Promise<T> {
  const res = await fetch(`${app.url}/api/v1${path}`, { headers: { cookie: await sessionOf(username) } });
  if (!res.ok) throw new Error(`GET ${path} as ${username}: HTTP ${res.status}`);
  return (await res.json()) as T;
}
const unreadOf = async (username: string) => (await apiGet<{ unreadCount: number }>(username, '/notifications/mine?limit=1')).unreadCount;

/**
 * The demo's working staff, specialists first. The reminder job tells the assignee of a late step or a
 * near deadline and the unit's head; which of them it reaches depends on the day the demo is seeded
 * (its random history), so on some days only heads have a notification. The bell is the same for all.
 */
function demoStaff(): string[] {
  const file = JSON.parse(readFileSync('demo/org/accounts.json', 'utf8')) as { accounts: { username: string; roles: [string, string][]; worksDossiers?: boolean }[] };
  const holding = (role: string) => file.accounts.filter((a) => a.worksDossiers !== false && a.roles.some(([r]) => r === role)).map((a) => a.username);
  return [...new Set([...holding('specialist'), ...holding('unit_head'), ...holding('desk_officer')])];
}

/** dd/mm/yyyy of a Vietnamese calendar day `daysAgo` before today. */
function vnDay(daysAgo: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(Date.now() - daysAgo * 86_400_000));
}

async function typeDate(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

describe('notifications, register and outbox in the UI', () => {
  it('an administrator opens the outbox, reads a message and sends it again', async () => {
    // The reminder job writes its first messages shortly after start-up.
    const staff = demoStaff();
    await expect.poll(async () => (await Promise.all(staff.map(unreadOf))).some((n) => n > 0), { timeout: 90_000, interval: 2_000 }).toBe(true);
    // …and the delivery job, finding no SMTP server, leaves them "not sent".
    const notSent = () => apiGet<{ items: unknown[] }>('admin', '/admin/outbox?status=not_sent&limit=1');
    await expect.poll(async () => (await notSent()).items.length, { timeout: 60_000, interval: 2_000 }).toBeGreaterThan(0);

    const page = await as('admin');
    await page.goto(`${app.url}/quan-tri`);
    await page.getByRole('link', { name: 'Hộp thư đi' }).click();
    await page.waitForURL(/\/quan-tri\/hop-thu-di$/);
    const rows = page.getByTestId('outbox-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), POLL).toBeGreaterThan(0);
    await expect.poll(async () => /Tất cả \(([1-9]\d*)\)/.test(await page.getByText(/^Tất cả \(/).innerText()), POLL).toBe(true);

    await page.getByText(/^Chưa gửi \(chưa cấu hình kênh gửi\) \(\d+\)$/).click();
    await expect.poll(() => rows.first().getByText('Chưa gửi (chưa cấu hình kênh gửi)').count(), POLL).toBe(1);
    await rows.first().getByRole('button', { name: 'Chi tiết' }).click();
    const drawer = page.locator('.ant-drawer');
    await expect.poll(() => drawer.getByTestId('outbox-body').innerText(), POLL).toMatch(/Hồ sơ H30\./);
    // Without SMTP_URL every e-mail is "not sent": the administrator may queue it again.
    await drawer.getByRole('button', { name: 'Gửi lại' }).click();
    await expect.poll(() => page.getByText('Tin nhắn đã được đưa lại vào hàng chờ gửi.').count(), POLL).toBeGreaterThan(0);
    await page.context().close();
  });

  it('a member of staff (a specialist where the demo has one reminded) sees the unread count on the bell, marks one notification read and the count drops', async () => {
    let reminded = '';
    for (const u of demoStaff()) if (!reminded && (await unreadOf(u)) > 0) reminded = u;
    expect(reminded, 'someone among the demo staff has an unread notification').not.toBe('');
    const page = await as(reminded);
    await page.goto(`${app.url}/can-bo`);
    const bell = page.getByTestId('notification-bell');
    await expect.poll(async () => Number(await bell.getAttribute('data-unread')), POLL).toBeGreaterThan(0);
    const before = Number(await bell.getAttribute('data-unread'));
    expect(await bell.getAttribute('aria-label')).toBe(`Thông báo: ${before} chưa đọc`);

    await bell.click();
    await page.waitForURL(/\/can-bo\/thong-bao$/);
    const unread = page.locator('[data-testid="notification"][data-unread="true"]');
    await expect.poll(() => unread.count(), POLL).toBeGreaterThan(0);
    await unread.first().getByRole('button', { name: 'Đánh dấu đã đọc' }).click();
    await expect.poll(async () => Number(await bell.getAttribute('data-unread')), POLL).toBe(before - 1);
    await expect.poll(() => page.getByText(`Chưa đọc (${before - 1})`).count(), POLL).toBe(1);
    await page.context().close();
  });

  it('a desk officer downloads the register (form 07) as a spreadsheet; a period over a year is refused in plain words', async () => {
    const page = await as('motcua.tanphong');
    await page.goto(`${app.url}/can-bo`);
    await page.getByRole('link', { name: 'Sổ theo dõi hồ sơ' }).click();
    await page.waitForURL(/\/can-bo\/so-theo-doi$/);
    // The desk's own commune is proposed as the unit.
    await expect.poll(() => page.locator('.ant-form').getByText('Phường Tân Phong').count(), POLL).toBeGreaterThan(0);

    const from = vnDay(30);
    const to = vnDay(0);
    await typeDate(page, 'Từ ngày', from);
    await typeDate(page, 'Đến ngày', to);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Tải Excel/ }).click()]);
    const iso = (d: string) => d.split('/').reverse().join('-');
    expect(download.suggestedFilename()).toBe(`so-theo-doi-ho-so-${iso(from)}-${iso(to)}.xlsx`);
    const file = readFileSync(await download.path());
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK'); // an OOXML package is a zip
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell(3, 1).value)).toMatch(/^SỔ THEO DÕI HỒ SƠ/);
    const period = new RegExp(`^Từ ngày ${from} đến ngày ${to} — (\\d+) hồ sơ$`).exec(String(sheet.getCell(4, 1).value));
    expect(period, String(sheet.getCell(4, 1).value)).not.toBeNull();
    const count = Number(period![1]);
    expect(count).toBeGreaterThan(0);
    const codes = sheet.getColumn(2).values.filter((v) => typeof v === 'string' && /^H30\.501\./.test(v));
    expect(codes).toHaveLength(count);

    await typeDate(page, 'Từ ngày', vnDay(400));
    await page.getByRole('button', { name: /Tải PDF/ }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Mỗi lần in tối đa 366 ngày.' }).count(), POLL).toBeGreaterThan(0);
    await page.context().close();
  });
});
