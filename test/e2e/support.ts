import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfToText } from '../../src/platform/documents/pdf-text.js';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

declare module 'vitest' {
  interface ProvidedContext {
    /** The data directory of one newcomer's first start, made by global-setup.ts; '' when there is none. */
    e2eDemoDataDir: string;
  }
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export type RunningApp = { url: string; dataDir: string; stop(opts?: { keepDataDir?: boolean }): Promise<void>; log: () => string };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Starts `src/main.ts` as a newcomer would (embedded database, demo data) on a free port.
 *
 * Migrating an empty PGlite and seeding the demo (about 3,000 generated dossiers) takes most of a
 * minute, so global-setup.ts does that first start once per run, with the real entry point, and each
 * journey starts on its own copy of that data directory (same data, no journey sees another's).
 * `fresh: true`, or an `env` (which might change what is seeded), starts on an empty directory instead.
 */
export async function startApp(env: Record<string, string> = {}, opts: { fresh?: boolean } = {}): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
  const template = opts.fresh || Object.keys(env).length > 0 ? '' : demoDataDir();
  if (template) cpSync(template, dataDir, { recursive: true });
  return launch(dataDir, env);
}

function demoDataDir(): string {
  let dir = '';
  try {
    dir = inject('e2eDemoDataDir');
  } catch { /* not under the e2e config's global setup */ }
  return dir && existsSync(dir) ? dir : '';
}

/** `src/main.ts` on `dataDir`, answering /health; stop() removes the directory unless told to keep it. */
export async function launch(dataDir: string, env: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, DATABASE_URL: '', MOTCUA_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', MOTCUA_LOG_LEVEL: 'warn', MOTCUA_PUBLIC_URL: `http://127.0.0.1:${port}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => { output += String(d); });
  child.stderr?.on('data', (d) => { output += String(d); });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`the app did not answer /health:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url, dataDir, log: () => output,
    async stop({ keepDataDir = false } = {}) {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      if (!keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function openBrowser(): Promise<{ browser: Browser; context: BrowserContext; page: Page }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  return { browser, context, page };
}

export async function signIn(page: Page, baseUrl: string, username: string, password = 'motcua'): Promise<void> {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'), { timeout: 20_000 });
}

/** Reads a PDF's text back in-process (pdf.js), the way a person would read the printout. */
export async function pdfText(pdf: Buffer): Promise<string> {
  return pdfToText(pdf);
}

/**
 * Chooses an option of an Ant Design select (or tree select) by typing and clicking, as a person
 * does, and checks the choice took: on a loaded machine the list re-renders while it filters, and a
 * click can land on an option that is being replaced. Then it types and clicks again, as a person would.
 */
export async function chooseOption(page: Page, field: import('playwright-core').Locator, typed: string, option: import('playwright-core').Locator, shown = typed): Promise<void> {
  const root = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const chosen = async () => (await root.innerText().catch(() => '')).includes(shown);
  for (let attempt = 0; attempt < 4 && !(await chosen()); attempt++) {
    await field.click();
    await field.fill(typed);
    await option.first().click({ timeout: 10_000 }).catch(() => undefined);
    for (let i = 0; i < 10 && !(await chosen()); i++) await page.waitForTimeout(200);
  }
  if (!(await chosen())) throw new Error(`"${shown}" could not be chosen in ${field.toString()}: the field shows "${await root.innerText().catch(() => '')}"`);
}

/**
 * Chooses an option of an Ant Design select found by its label (typing first when given), and checks it
 * took; on a loaded machine the first click can land while the list re-renders, so it tries again.
 */
export async function chooseByLabel(page: Page, scope: Page | import('playwright-core').Locator, label: string, option: string, typed?: string): Promise<void> {
  const field = scope.getByLabel(label, { exact: true });
  const root = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const chosen = async () => (await root.innerText()).includes(option);
  for (let attempt = 0; attempt < 5; attempt++) {
    await field.click();
    if (typed) await field.fill(typed);
    const opt = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first();
    await opt.click({ timeout: 10_000 }).catch(() => undefined);
    for (let i = 0; i < 10; i++) { if (await chosen()) return; await page.waitForTimeout(200); }
  }
  throw new Error(`${label}: "${option}" could not be chosen`);
}

/** Types a day (dd/mm/yyyy) into an Ant Design date picker found by its label, and checks it took. */
export async function fillDate(scope: Page | import('playwright-core').Locator, label: string, value: string): Promise<void> {
  const field = scope.getByLabel(label, { exact: true });
  for (let attempt = 0; attempt < 3 && (await field.inputValue()) !== value; attempt++) {
    await field.click();
    await field.fill(value);
    await field.press('Enter');
  }
  if ((await field.inputValue()) !== value) throw new Error(`${label}: "${value}" could not be typed (shows "${await field.inputValue()}")`);
}
