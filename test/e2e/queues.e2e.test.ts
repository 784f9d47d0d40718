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
const DAY = 86_400_000;

/** yymmdd of an instant's Vietnamese day, as in dossier codes. */
const vnYymmdd = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(2, 10).replace(/-/g, '');

async function adminSession(): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${app.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'motcua' }) });
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  return { cookie: cookies.join('; '), csrf: cookies.find((c) => c.startsWith('motcua_csrf='))!.split('=')[1]! };
}

/**
 * A dossier received at Tân Phong's desk a month ago and never moved on: whatever day the journey
 * runs, it is open and past its deadline, held by the desk officer. Loaded through the documented
 * historical import, as a province brings its past work.
 */
async function importOverdueDossier(): Promise<{ code: string; secret: string }> {
  const receivedAt = new Date(Date.now() - 30 * DAY);
  const code = `H30.501.01-${vnYymmdd(receivedAt)}-9001`;
  const line = {
    code, receivingUnitCode: 'H30.501.01', procedureCode: '2.001035', channel: 'desk', resultDelivery: 'desk',
    applicant: { kind: 'citizen', fullName: 'Sùng A Chứ', idNumber: '011099000123', phone: '0977000123' },
    events: [{ type: 'received', at: receivedAt.toISOString(), actor: { badge: 'TP-0101' } }],
  };
  const session = await adminSession();
  const form = new FormData();
  form.append('file', new Blob([`${JSON.stringify(line)}\n`], { type: 'application/x-ndjson' }), 'qua-han.ndjson');
  const res = await fetch(`${app.url}/api/v1/admin/import/dossiers`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, body: form });
  const body = await res.json();
  expect(body, JSON.stringify(body)).toMatchObject({ imported: 1, failed: 0 });
  const detail = await (await fetch(`${app.url}/api/v1/dossiers/${code}`, { headers: { cookie: session.cookie } })).json();
  expect(detail.timeliness).toBe('overdue');
  return { code, secret: detail.lookupSecret };
}

describe('overdue work stands out', () => {
  it('at 1366 px the overdue row is tinted with a red edge, the table fits without scrolling, and the tab count matches the rows', async () => {
    const { code, secret } = await importOverdueDossier();
    await signIn(page, app.url, 'motcua.tanphong');
    await page.goto(`${app.url}/can-bo/ho-so?hang=overdue`);
    const row = page.locator(`tr[data-code="${code}"]`);
    await row.waitFor({ timeout: 20_000 });
    expect(await row.getAttribute('class')).toContain('mc-row-overdue');
    const style = await row.locator('td').first().evaluate((td) => {
      const s = getComputedStyle(td);
      return { background: s.backgroundColor, edge: s.boxShadow };
    });
    expect(style.background).toBe('rgb(255, 241, 240)');
    expect(style.edge).toContain('rgb(207, 19, 34)');
    expect(await row.locator('[data-timeliness="overdue"]').innerText()).toBe('Đang quá hạn');

    // Nothing is cut off: neither the page nor the table scrolls sideways.
    const widths = await page.evaluate(() => {
      const table = document.querySelector('.mc-queue .ant-table-content, .mc-queue .ant-table-body') as HTMLElement;
      return { page: document.documentElement.scrollWidth, table: table.scrollWidth, visible: table.clientWidth };
    });
    expect(widths.page).toBeLessThanOrEqual(1366);
    expect(widths.table).toBeLessThanOrEqual(widths.visible);

    // The badge on the tab counts the rows the tab shows.
    const rows = page.locator('.mc-queue tbody tr[data-code]');
    const badge = page.getByRole('tab', { name: /Quá hạn/ }).locator('[data-count]');
    await expect.poll(async () => Number(await badge.getAttribute('data-count')), POLL).toBe(await rows.count());
    for (const timeliness of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-timeliness')))) expect(timeliness).toBe('overdue');

    // Work not past its deadline is not tinted.
    await page.getByRole('tab', { name: /Đang xử lý/ }).click();
    const within = page.locator('.mc-queue tbody tr[data-timeliness="within"]').first();
    if (await within.count()) expect(await within.getAttribute('class')).not.toContain('mc-row-overdue');

    // The receipt's QR link, with the documented ?key= and the older ?secret=, opens the lookup.
    await page.context().clearCookies();
    for (const param of ['key', 'secret']) {
      await page.goto(`${app.url}/tra-cuu?ma=${encodeURIComponent(code)}&${param}=${secret}`);
      await expect.poll(() => page.getByLabel(code).getByText('Đang quá hạn').count(), POLL).toBeGreaterThan(0);
    }
  });
});
