/**
 * Every public page on a 360 × 740 phone: nothing may make the page wider than the screen (tables
 * scroll or stack inside their own box, long words wrap), and no link may lead to a page that does
 * not exist. The routes come from the registered modules, so a new public page is measured too — a
 * page with a parameter needs a real value from the demo data below, or this test says which is missing.
 */
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupUrl } from '../../src/modules/dossiers/slips/slip-context.js';
import { openBrowser, startApp, type RunningApp } from './support.js';

const PHONE = { width: 360, height: 740 };

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let publicPatterns: string[] = [];

beforeAll(async () => {
  const [started, registry] = await Promise.all([startApp(), publicPages()]);
  app = started;
  publicPatterns = registry;
  ({ browser, context, page } = await openBrowser());
  await page.setViewportSize(PHONE);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Paths of the pages anyone may open, as the web app registers them ("/thu-tuc/:code"). */
type PageEntry = { surface: string; path: string; requireAuth?: boolean };
type Registry = { modules: readonly { pages: PageEntry[] }[] };
type PagePath = { pagePath(page: PageEntry): string };

async function publicPages(): Promise<string[]> {
  // Through a variable, so the server's type check does not take in the web app (its own project).
  const web = '../../web/src';
  const { modules } = (await import(`${web}/app/modules.js`)) as Registry;
  const { pagePath } = (await import(`${web}/shared/module.js`)) as PagePath;
  return modules
    .flatMap((m) => m.pages)
    .filter((p) => p.surface === 'public' || (p.surface === 'bare' && !p.requireAuth))
    .map((p) => pagePath(p));
}

const toRegExp = (pattern: string) => new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\/:[^/]+/g, '/[^/]+')}/?$`);

async function staffApi(request: APIRequestContext, username: string) {
  const login = await request.post(`${app.url}/api/v1/auth/login`, { data: { username, password: 'motcua' } });
  expect(login.status()).toBe(200);
  const csrf = (await context.cookies(app.url)).find((c) => c.name === 'motcua_csrf')?.value ?? '';
  return {
    get: async <T>(path: string) => (await (await request.get(`${app.url}/api/v1${path}`)).json()) as T,
    post: async <T>(path: string, data: unknown) => {
      const res = await request.post(`${app.url}/api/v1${path}`, { data, headers: { 'x-csrf-token': csrf } });
      expect(res.ok(), await res.text()).toBe(true);
      return (await res.json()) as T;
    },
  };
}

/** Real values for each parameterised public page, from the demo data. */
async function concretePaths(): Promise<Map<string, string[]>> {
  const admin = await staffApi(context.request, 'admin');
  const { items: procedures } = await admin.get<{ items: { code: string }[] }>('/procedures?pageSize=100');
  // The three procedures with the most to say: long names, many documents, long internal processes.
  const sized = await Promise.all(procedures.map(async ({ code }) => ({ code, size: JSON.stringify(await admin.get(`/procedures/${code}`)).length })));
  const biggest = sized.sort((a, b) => b.size - a.size).slice(0, 3).map((p) => `/thu-tuc/${p.code}`);
  const { items: staff } = await admin.get<{ items: { publicId: string }[] }>(`/org/staff?q=${encodeURIComponent('Phạm Văn Hải')}`);
  const { items: open } = await admin.get<{ items: { code: string }[] }>('/dossiers?queue=all_open&limit=1');
  const dossier = await admin.get<{ code: string; lookupSecret: string }>(`/dossiers/${open[0]!.code}`);
  const receiptLink = new URL(lookupUrl(app.url, dossier.code, dossier.lookupSecret));
  await context.clearCookies();
  return new Map([
    ['/thu-tuc/:code', biggest],
    ['/can-bo-cong-khai/:publicId', [`/can-bo-cong-khai/${staff[0]!.publicId}`]],
    // The lookup page empty, and showing a dossier as the receipt's QR code opens it.
    ['/tra-cuu', ['/tra-cuu', `${receiptLink.pathname}${receiptLink.search}`]],
    // Citizen pages, as anyone not signed in meets them: the offer to sign in with e-ID
    // (signed in, they are measured by the online-filing journey).
    ['/cong-dan/nop-ho-so/:procedureCode', ['/cong-dan/nop-ho-so/1.004873']],
    ['/cong-dan/ho-so/:code', [`/cong-dan/ho-so/${encodeURIComponent(dossier.code)}`]],
    // A survey invitation no one issued: the page that explains the code is not valid (the demo's survey is closed).
    ['/khao-sat/:code', ['/khao-sat/ABCDEFGHJKLM']],
  ]);
}

/** Waits until the page has loaded its data and drawn it (no skeleton or spinner left). */
async function settle(): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.ant-skeleton, .ant-spin-spinning'), undefined, { timeout: 20_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** The document's width, and the elements sticking out past the screen's right edge (for the message). */
async function width(): Promise<{ scrollWidth: number; culprits: string[] }> {
  return page.evaluate((screen) => {
    const sticksOut = (el: Element) => el.getBoundingClientRect().right > screen + 1;
    // Content scrolled inside its own box (the header's menu, a wide table) does not widen the page.
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible' && !sticksOut(a)) return true;
      }
      return false;
    };
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => sticksOut(el) && !clipped(el) && ![...el.children].some(sticksOut))
      .slice(0, 5)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> ${(el.textContent ?? '').slice(0, 40)}`);
    return { scrollWidth: document.documentElement.scrollWidth, culprits };
  }, PHONE.width);
}

/** Links on the page to this site's own pages that no registered page answers. */
async function deadLinks(): Promise<string[]> {
  // Anchors within the page (#main, #trinh-tu) are not links to other pages.
  const hrefs = await page.locator('a[href]:not([href^="#"])').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  const patterns = publicPatterns.map(toRegExp);
  return hrefs
    .map((href) => new URL(href))
    .filter((u) => u.origin === app.url && !u.pathname.startsWith('/api/') && !u.pathname.startsWith('/can-bo') && !u.pathname.startsWith('/quan-tri'))
    .filter((u) => !patterns.some((p) => p.test(u.pathname)))
    .map((u) => u.pathname);
}

describe('public pages on a 360 px phone', () => {
  it('are no wider than the screen and link only to pages that exist', async () => {
    const params = await concretePaths();
    const paths = publicPatterns.flatMap((pattern) => {
      const concrete = params.get(pattern) ?? (pattern.includes(':') ? [] : [pattern]);
      expect(concrete.length, `no demo value for the public page ${pattern}: add one to concretePaths()`).toBeGreaterThan(0);
      return concrete;
    });
    paths.push('/khong-co-trang-nay'); // the not-found page is public too
    expect(paths).toEqual(expect.arrayContaining(['/', '/thu-tuc', '/dich-vu-truc-tuyen', '/lich-lam-viec', '/dang-nhap']));

    // Every page is measured before failing, so one run names every page that needs work.
    const problems: string[] = [];
    for (const path of paths) {
      await page.goto(`${app.url}${path}`);
      await settle();
      const { scrollWidth, culprits } = await width();
      if (scrollWidth > PHONE.width) problems.push(`${path} is ${scrollWidth} px wide: ${culprits.join(' | ')}`);
      for (const dead of await deadLinks()) problems.push(`${path} links to ${dead}, which is no page`);
    }
    expect(problems).toEqual([]);
  });

  it('the procedure draft editor fits too, on every tab', async () => {
    const admin = await staffApi(page.request, 'admin');
    const draft = await admin.post<{ number: number }>('/admin/procedures/1.009972/versions', {});
    await page.goto(`${app.url}/quan-tri/thu-tuc/1.009972/v/${draft.number}`);
    await settle();
    const tabs = page.locator('.ant-tabs-tab');
    const keys = await tabs.evaluateAll((els) => els.map((el) => el.getAttribute('data-node-key') ?? ''));
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys) {
      // Tabs beyond the screen are behind the "more" menu; clicking the element itself still selects it.
      await page.locator(`.ant-tabs-tab[data-node-key="${key}"] .ant-tabs-tab-btn`).evaluate((el) => (el as HTMLElement).click());
      await expect.poll(() => page.locator(`.ant-tabs-tab-active[data-node-key="${key}"]`).count()).toBe(1);
      const { scrollWidth, culprits } = await width();
      expect(scrollWidth, `tab ${key} is ${scrollWidth} px wide: ${culprits.join(' | ')}`).toBeLessThanOrEqual(PHONE.width);
    }
  });
});
