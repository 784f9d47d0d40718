import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Where the journeys leave what a person should look at: axe-core reports and screenshots. */
export const ARTIFACTS_DIR = join(process.cwd(), 'test-results');

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type AxeFinding = { id: string; impact: string | null; help: string; nodes: string[] };

/**
 * Runs axe-core (WCAG 2.1 A/AA rules) in the page as it stands and writes the full report to
 * test-results/axe-<name>.json; returns the serious and critical violations, which a page must not have.
 * The script goes in through the DevTools protocol (`evaluate`), which the page's CSP does not govern.
 */
export async function axeCheck(page: Page, name: string): Promise<{ serious: AxeFinding[]; report: string }> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[]; passes: unknown[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return { violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) })), passes: r.passes.length };
  });
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const report = join(ARTIFACTS_DIR, `axe-${name}.json`);
  writeFileSync(report, JSON.stringify({ url: page.url(), viewport: page.viewportSize(), ...result }, null, 2));
  return { serious: result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), report };
}

/** A full-page screenshot at test-results/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
