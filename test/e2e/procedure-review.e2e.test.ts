/**
 * Reviewing and simplifying procedures (issue 21), in the browser: a ward's specialist opens the ranking
 * of procedures by yearly compliance cost, picks the costliest, opens its review form and fills it (every
 * yes/no question, the recommendation "Đơn giản hóa" and a conclusion), downloads the form as DOCX and as
 * PDF and reads both back; then drafts a simplification plan that removes one document and allows
 * full-online filing, and sees the saving — the same figure the API computes from the two cost sheets.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, pdfText, signIn, startApp, type RunningApp } from './support.js';

let app: RunningApp;
let browser: Browser;
const POLL = { timeout: 30_000, interval: 250 };
const SHOTS = '/tmp/shots';
const CONCLUSION = 'Đề nghị bỏ giấy tờ không cần thiết và cho phép nộp hồ sơ trực tuyến toàn trình.';

async function staffPage(username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, app.url, username);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/procedure-review-e2e-${name}.png`, fullPage: true });
}

type Ranking = { items: { procedureCode: string; procedureName: string; yearlyVnd: number }[] };
type SheetLine = { key: string; group: string; label: string; times: number };
type Plan = { saving: { savingVnd: number; beforeVnd: number; afterVnd: number; percent: number | null }; before: { lines: SheetLine[] }; after: { lines: SheetLine[] }; changes: { removeDocuments: string[]; onlineMode?: string } };
/** Vietnamese thousands separators, as the pages print đồng. */
const dong = (n: number) => n.toLocaleString('vi-VN');

beforeAll(async () => {
  app = await startApp();
  ({ browser } = await openBrowser());
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a ward chooses what to simplify first, reviews it and plans the simplification', () => {
  it('ranking → costliest procedure → review form (DOCX, PDF) → plan removing a document with full-online filing → saving', async () => {
    const page = await staffPage('chuyenvien.tanphong');
    await page.goto(`${app.url}/can-bo/ra-soat-tthc`);
    const table = page.getByRole('table', { name: /xếp hạng theo chi phí tuân thủ/i });
    await table.getByRole('row').nth(1).waitFor(POLL);

    // The costliest procedure is the first row, and it is the API's first by yearly cost.
    const ranking = await (await page.request.get(`${app.url}/api/v1/procedure-review/costs?sort=yearly`)).json() as Ranking;
    expect(ranking.items.length).toBeGreaterThan(1);
    const costliest = ranking.items[0]!;
    expect(costliest.yearlyVnd).toBeGreaterThanOrEqual(ranking.items[1]!.yearlyVnd);
    const firstRow = table.getByRole('row').nth(1);
    expect(await firstRow.innerText()).toContain(costliest.procedureName);
    expect(await firstRow.innerText()).toContain(dong(costliest.yearlyVnd));
    await shot(page, '1-ranking');

    await firstRow.getByRole('link', { name: costliest.procedureName }).click();
    await page.getByRole('button', { name: 'Lập phiếu rà soát' }).click();
    await page.waitForURL(/\/ra-soat-tthc\/phieu\/\d+$/, { timeout: 20_000 });
    const reviewUrl = page.url();
    const reviewId = Number(reviewUrl.split('/').pop());

    // Every yes/no question answered "Có" (follow-ups appear as answers are given), then the recommendation.
    // A question's group is named by its number and text ("9. …"); the language switch is a radio group too.
    const questions = page.getByRole('radiogroup', { name: /^\d+[a-z]?\. / });
    await questions.first().waitFor(POLL);
    for (let round = 0; round < 40; round++) {
      const count = await questions.count();
      let answered = 0;
      for (let i = 0; i < count; i++) {
        const yes = questions.nth(i).getByRole('radio', { name: 'Có', exact: true });
        if (await yes.isChecked()) { answered++; continue; }
        await yes.check();
      }
      if (answered === count) break;
    }
    await page.getByRole('radiogroup', { name: 'Kiến nghị' }).getByRole('radio', { name: 'Đơn giản hóa' }).check();
    await page.getByLabel('Kết luận, đề xuất cụ thể').fill(CONCLUSION);
    await page.getByRole('button', { name: 'Lưu phiếu' }).click();
    await expect.poll(async () => {
      const r = await (await page.request.get(`${app.url}/api/v1/procedure-review/reviews/${reviewId}`)).json() as { recommendation: string | null; conclusion: string | null };
      return `${r.recommendation}|${r.conclusion}`;
    }, POLL).toBe(`simplify|${CONCLUSION}`);
    await shot(page, '2-review');

    // The form as DOCX, downloaded from the page and read back.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Tải phiếu \(DOCX\)/ }).click()]);
    const docx = await JSZip.loadAsync(await readFile((await download.path())!));
    const xml = (await docx.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain('PHIẾU RÀ SOÁT');
    expect(xml).toContain(costliest.procedureName);
    expect(xml).toContain(CONCLUSION);
    // …and as PDF, from the same page's link.
    const pdfHref = await page.getByRole('link', { name: /Tải phiếu \(PDF\)/ }).getAttribute('href');
    const pdf = await page.request.get(new URL(pdfHref!, app.url).toString());
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const text = (await pdfText(Buffer.from(await pdf.body()))).replace(/\s+/g, ' ');
    expect(text).toContain('PHIẾU RÀ SOÁT');
    expect(text).toContain(costliest.procedureName.replace(/\s+/g, ' ').slice(0, 40));

    // The plan: one document removed and full-online filing allowed.
    await page.getByRole('button', { name: 'Lập phương án đơn giản hóa' }).click();
    const dialog = page.getByRole('dialog');
    const removal = dialog.getByRole('group', { name: 'Giấy tờ bỏ khỏi thành phần hồ sơ' }).or(dialog.locator('.ant-form-item').filter({ hasText: 'Giấy tờ bỏ khỏi thành phần hồ sơ' }));
    const firstDocument = removal.first().getByRole('checkbox').last();
    await firstDocument.waitFor(POLL);
    const removedName = (await removal.first().locator('label.ant-checkbox-wrapper').last().innerText()).trim();
    await firstDocument.check();
    await dialog.getByRole('switch', { name: 'Cho phép nộp trực tuyến toàn trình' }).click();
    await dialog.getByRole('button', { name: 'Lập phương án' }).click();
    await page.waitForURL(/\/ra-soat-tthc\/phuong-an\/\d+$/, { timeout: 20_000 });
    const planId = Number(page.url().split('/').pop());

    const plan = await (await page.request.get(`${app.url}/api/v1/procedure-review/plans/${planId}`)).json() as Plan;
    expect(plan.changes.removeDocuments).toEqual([removedName]);
    expect(plan.changes.onlineMode).toBe('full');
    expect(plan.saving.savingVnd).toBe(plan.saving.beforeVnd - plan.saving.afterVnd);
    expect(plan.saving.savingVnd).toBeGreaterThan(0);
    // After the plan: no line for the removed document, and no trip to the desk.
    expect(plan.after.lines.some((l) => l.label.includes(removedName))).toBe(false);
    expect(plan.before.lines.some((l) => l.label.includes(removedName))).toBe(true);
    expect(plan.after.lines.filter((l) => l.key.startsWith('trip.') || l.key === 'supplement.trip').every((l) => l.times === 0)).toBe(true);

    // The page shows the saving the API computed.
    await expect.poll(() => page.getByTestId('plan-saving').innerText(), POLL).toContain(dong(plan.saving.savingVnd));
    await shot(page, '3-plan');
  }, 240_000);
});
