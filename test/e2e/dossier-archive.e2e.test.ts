import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServices } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/platform/db/connection.js';
import { systemContext } from '../../src/platform/http/context.js';
import { axeCheck } from './axe.js';
import { launch, openBrowser, signIn, type RunningApp } from './support.js';

// The archive of closed dossiers as people meet it (issue 14 item 5): the demo's data directory, on
// which the archive has run "six years from now" (every closed demo dossier moved), then the real
// server on it. The administrator reads and changes the period; an officer opens an archived
// dossier by its code and sees it read-only and marked; a citizen looks it up with the receipt's key.
const POLL = { timeout: 20_000 };
let app: RunningApp;
let browser: Browser;
let page: Page;
let archived: { code: string; secret: string };

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-e2e-archive-'));
  cpSync(inject('e2eDemoDataDir'), dir, { recursive: true });
  const handle = await openDatabase({ kind: 'pglite', dataDir: dir });
  try {
    const later = new Date(Date.now() + 6 * 366 * 86_400_000);
    const services = createServices(loadConfig({ MOTCUA_DATA_DIR: dir, MOTCUA_LOG_LEVEL: 'silent' }), handle, { now: () => later });
    const run = await services.archive.run(systemContext('e2e'), { now: later });
    expect(run.dossiers).toBeGreaterThan(100);
    // A returned dossier the Tân Phong desk officer received: their own work, read without a stated reason.
    const desk = handle.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', 'motcua.tanphong');
    const row = await handle.db.selectFrom('dossiers_archive as d').select(['d.code', 'd.lookup_secret']).where('d.status', '=', 10)
      .where((eb) => eb.exists(eb.selectFrom('dossier_events_archive as e').select('e.id').whereRef('e.dossier_id', '=', 'd.id').where('e.type', '=', 'received').where('e.actor_staff_id', '=', desk)))
      .orderBy('d.id').executeTakeFirstOrThrow();
    archived = { code: row.code, secret: row.lookup_secret };
  } finally {
    await handle.close();
  }
  app = await launch(dir);
  ({ browser, page } = await openBrowser());
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the archive of closed dossiers', () => {
  it('the administrator sees what was archived and changes the period', async () => {
    await signIn(page, app.url, 'admin');
    await page.goto(`${app.url}/quan-tri/luu-tru-ho-so`);
    await page.getByText('Thời hạn chuyển vào kho lưu trữ').waitFor(POLL);
    const archivedCount = page.locator('.ant-descriptions-item', { hasText: 'Đã lưu trữ' }).locator('.ant-descriptions-item-content');
    await expect.poll(async () => Number((await archivedCount.innerText()).replace(/\D/g, '')), POLL).toBeGreaterThan(100);
    expect(await page.getByRole('cell', { name: 'Kho lưu trữ' }).count()).toBeGreaterThan(0);
    const years = page.getByLabel('Số năm sau khi hồ sơ kết thúc');
    expect(await years.inputValue()).toBe('5');
    await years.fill('');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Nhập số năm nguyên từ 1 đến 50').waitFor(POLL);
    await years.fill('7');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu thời hạn lưu trữ').waitFor(POLL);
    const saved = await (await page.request.get(`${app.url}/api/v1/admin/dossier-archive`)).json();
    expect(saved).toMatchObject({ afterYears: 7, version: 2 });
  });

  it('an officer opens an archived dossier by its code: marked, read-only, its history and slips still there', async () => {
    await page.context().clearCookies();
    await signIn(page, app.url, 'motcua.tanphong');
    // The queues hold live dossiers only: searching the code offers to open it by its code.
    await page.goto(`${app.url}/can-bo/ho-so?queue=done`);
    await page.getByLabel('Tìm hồ sơ').fill(archived.code);
    await page.getByLabel('Tìm hồ sơ').press('Enter');
    await page.getByRole('link', { name: `Mở hồ sơ ${archived.code}` }).click();
    await page.locator('[data-archived]').waitFor(POLL);
    expect(await page.locator('[data-archived]').innerText()).toBe('Đã lưu trữ');
    await page.getByText(/được chuyển vào kho lưu trữ ngày/).waitFor(POLL);
    // Nothing to act on, the history in full, the slips to print.
    expect(await page.getByText('Thao tác', { exact: true }).count()).toBe(0);
    await expect.poll(() => page.locator('[data-event]').count(), POLL).toBeGreaterThanOrEqual(4);
    const receipt = await page.request.get(`${app.url}/api/v1/dossiers/${encodeURIComponent(archived.code)}/slips/01.pdf`);
    expect(receipt.status()).toBe(200);
  });

  it('a citizen looks it up with the receipt\'s key and is told it is archived', async () => {
    await page.context().clearCookies();
    await page.goto(`${app.url}/tra-cuu?ma=${encodeURIComponent(archived.code)}&k=${archived.secret}`);
    await page.getByText('Quá trình giải quyết').waitFor(POLL);
    const card = page.getByLabel(archived.code);
    expect(await card.locator('[data-archived]').innerText()).toBe('Đã lưu trữ');
    await card.getByText(/được chuyển vào kho lưu trữ ngày/).waitFor(POLL);
    // The public pages are held to WCAG 2.1 AA (accessibility.e2e.test.ts): the archived note too.
    const { serious, report } = await axeCheck(page, 'lookup-archived');
    expect(serious, `axe-core report: ${report}`).toEqual([]);
  });
});
