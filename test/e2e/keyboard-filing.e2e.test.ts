/**
 * Filing online with the keyboard alone (issue 11 item 8): from the procedure's public page through
 * every filing step to the submitted dossier, with Tab, Shift+Tab, Enter, Space, the arrow keys and
 * typing — no pointer, and no `click()`/`fill()` on our pages (only the local e-ID provider's own
 * sign-in form, which is not ours, is filled in). On the way it checks what a keyboard user needs:
 * every control reached shows where the focus is, and after each step change the focus lands on the
 * new step's heading (a screen reader announces it; the next Tab starts from there, not from the top).
 */
import type { Browser, FileChooser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './axe.js';
import { openBrowser, startApp, type RunningApp } from './support.js';

let app: RunningApp;
let browser: Browser;
let page: Page;

const PROCEDURE = '1.004873'; // Cấp Giấy xác nhận tình trạng hôn nhân: full online, at the ward
const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

// File choosers are intercepted from the start: a listener added just before the key press asks the
// browser to intercept asynchronously, and on a loaded machine the press could win that race (the
// chooser then opens uncaught and the wait times out although the page did its part).
const choosers: FileChooser[] = [];
beforeAll(async () => {
  app = await startApp();
  ({ browser, page } = await openBrowser());
  page.on('filechooser', (c) => choosers.push(c));
});

/** Presses Space on the focused upload control and returns the chooser it opened. */
async function openChooserWithSpace(): Promise<FileChooser> {
  const before = choosers.length;
  await page.keyboard.press('Space');
  await expect.poll(() => choosers.length, {
    timeout: 20_000,
    message: 'Space on the upload control opened no file chooser',
  }).toBeGreaterThan(before);
  return choosers[choosers.length - 1]!;
}
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Whether the focused element (or the widget it is the keyboard part of) shows a focus indicator. */
async function focusShown(p: Page): Promise<string | null> {
  return p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'nothing has the focus';
    const shows = (x: Element | null | undefined) => {
      if (!x) return false;
      const s = getComputedStyle(x);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) || (s.boxShadow !== 'none' && s.boxShadow !== '');
    };
    const candidates = [el, el.closest('.ant-select')?.querySelector('.ant-select-selector'), el.closest('.ant-radio-wrapper, .ant-checkbox-wrapper'), el.closest('.ant-input-affix-wrapper, .ant-input-textarea-affix-wrapper')];
    return candidates.some(shows) ? null : `no visible focus on <${el.tagName.toLowerCase()}> "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}"`;
  });
}

/** Presses Tab (or Shift+Tab) until the target has the focus, checking each stop shows it. */
async function tabTo(target: Locator, { back = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false)) {
      expect(await focusShown(page)).toBeNull();
      return;
    }
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${target.toString()} with ${back ? 'Shift+Tab' : 'Tab'} in ${max} presses; the focus is on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200))}`);
}

/** After a step change: the focus is on the new step's heading. */
async function expectFocusOnHeading(name: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => {
    const el = document.activeElement;
    return el && /^H[1-6]$/.test(el.tagName) ? el.textContent : null;
  }), { timeout: 10_000 }).toBe(name);
  expect(await focusShown(page)).toBeNull();
}

describe('online filing with the keyboard alone', () => {
  it('goes from the procedure page to a submitted dossier in the desk’s queue without a pointer', async () => {
    const main = page.locator('main');
    await page.goto(`${app.url}/thu-tuc/${PROCEDURE}`);
    await page.locator('main h1').first().waitFor({ timeout: 20_000 });
    await tabTo(page.locator('main').getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).or(page.locator('main').getByRole('button', { name: 'Nộp hồ sơ trực tuyến' })).first());
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === `/cong-dan/nop-ho-so/${PROCEDURE}`);

    // The e-ID offer, reached and followed by keyboard.
    await tabTo(page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }));
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.origin !== app.url && u.pathname.startsWith('/interaction/'), { timeout: 20_000 });
    // The provider's form is not ours: filled in as the provider's page allows.
    await page.getByLabel(/Số định danh cá nhân/).fill('012190001234');
    await page.getByLabel(/Mật khẩu/).fill('motcua');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.origin === app.url && u.pathname === `/cong-dan/nop-ho-so/${PROCEDURE}`, { timeout: 20_000 });

    await tabTo(main.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }));
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.has('draft'), { timeout: 20_000 });
    await expect.poll(() => main.innerText(), { timeout: 20_000 }).toContain('012190001234');
    // The draft's first step: its heading has the focus (the start button that had it is gone).
    await expectFocusOnHeading('Người nộp');

    // Step 1 → 2.
    await tabTo(main.getByRole('button', { name: 'Tiếp tục' }));
    await page.keyboard.press('Enter');
    await expectFocusOnHeading('Nội dung');

    // Step 2: the place (a searchable list: typed, then chosen with the arrow keys and Enter) and the request.
    await tabTo(page.getByLabel('Nơi tiếp nhận hồ sơ'));
    await page.keyboard.type('Tân Phong');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => main.innerText()).toContain('Tân Phong');
    await tabTo(page.getByLabel('Nội dung đề nghị', { exact: true }));
    await page.keyboard.type('Xác nhận tình trạng hôn nhân để đăng ký kết hôn');
    // Back and forth: Shift+Tab to the list is still there, and "Quay lại" keeps what was typed.
    await tabTo(page.getByLabel('Nơi tiếp nhận hồ sơ'), { back: true });
    await tabTo(main.getByRole('button', { name: 'Quay lại' }));
    await page.keyboard.press('Enter');
    await expectFocusOnHeading('Người nộp');
    await tabTo(main.getByRole('button', { name: 'Tiếp tục' }));
    await page.keyboard.press('Enter');
    await expectFocusOnHeading('Nội dung');
    expect(await page.getByLabel('Nội dung đề nghị', { exact: true }).inputValue()).toBe('Xác nhận tình trạng hôn nhân để đăng ký kết hôn');
    await tabTo(main.getByRole('button', { name: 'Tiếp tục' }));
    await page.keyboard.press('Space');
    await expectFocusOnHeading('Giấy tờ');

    // Step 3: each upload control opened from the keyboard; after an upload the focus stays in its slot.
    for (const [label, name, content, slotName] of [
      [/Tải lên tệp cho “Tờ khai/, 'to-khai.pdf', pdf('tờ khai'), 'Tờ khai'],
      [/Tải lên tệp cho “Giấy tờ chứng minh/, 'quyet-dinh-ly-hon.pdf', pdf('quyết định ly hôn'), 'Giấy tờ chứng minh'],
    ] as const) {
      await tabTo(page.getByLabel(label));
      const chooser = await openChooserWithSpace();
      await chooser.setFiles({ name, mimeType: 'application/pdf', buffer: content });
      await expect.poll(() => main.innerText(), { timeout: 20_000 }).toContain(name);
      // On the attached file in this document's own slot (not merely in some slot), before tabbing on.
      await expect.poll(() => page.evaluate(() => {
        const el = document.activeElement;
        return el?.closest('[data-attached]') ? ((el.closest('.mc-online-slot') as HTMLElement | null)?.dataset.document ?? null) : null;
      }), { timeout: 20_000 }).toMatch(new RegExp(`^${slotName}`));
      expect(await focusShown(page)).toBeNull();
    }
    await screenshot(page, 'keyboard-filing-documents');

    // Step 4: the result online (chosen with the arrow keys, back and forth), then the review.
    await tabTo(main.getByRole('button', { name: 'Tiếp tục' }));
    await page.keyboard.press('Enter');
    await expectFocusOnHeading('Nhận kết quả');
    await tabTo(main.getByRole('radio', { name: /trực tuyến/i }));
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => main.getByRole('radio', { checked: true }).getAttribute('value')).toBe('post');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => main.getByRole('radio', { checked: true }).getAttribute('value')).toBe('online');
    await tabTo(main.getByRole('button', { name: 'Tiếp tục' }));
    await page.keyboard.press('Enter');
    await expectFocusOnHeading('Kiểm tra và nộp');
    await expect.poll(() => main.innerText()).toContain('Hồ sơ đã đủ để nộp.');
    await screenshot(page, 'keyboard-filing-review');

    await tabTo(main.getByRole('button', { name: 'Nộp hồ sơ', exact: true }));
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname.startsWith('/cong-dan/ho-so/H30.'), { timeout: 20_000 });
    const code = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    // In the ward desk's queue, awaiting online reception (status 1).
    const desk = await browser.newContext();
    const login = await desk.request.post(`${app.url}/api/v1/auth/login`, { data: { username: 'motcua.tanphong', password: 'motcua' } });
    expect(login.status()).toBe(200);
    const dossier = await (await desk.request.get(`${app.url}/api/v1/dossiers/${code}`)).json();
    expect(dossier).toMatchObject({ statusCode: 1, channel: 'online' });
    const queue = await (await desk.request.get(`${app.url}/api/v1/dossiers?queue=received_here&status=1&limit=200`)).json();
    expect(queue.items.map((d: { code: string }) => d.code)).toContain(code);
    await desk.close();
  });
});
