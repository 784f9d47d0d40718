import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module script without type declarations
import { ensureChromium, INSTALL_COMMAND } from '../../scripts/ensure-chromium.mjs';

const ROOT = join(import.meta.dirname, '../..');

describe('npm test without Chromium', () => {
  it('stops at once, before any suite, naming the browser and how to point at one', () => {
    const started = Date.now();
    const r = spawnSync(process.execPath, ['scripts/test.mjs'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Chromium is missing (/nonexistent/chromium)');
    expect(r.stderr).toContain('CHROMIUM_PATH');
    expect(r.stdout).not.toContain('=== type check');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('without the rights to install, prints the exact apt command and installs nothing', () => {
    const errors: string[] = [];
    const ok = ensureChromium({ path: '/nonexistent/chromium', isRoot: false, hasApt: true, log: () => { throw new Error('must not install'); }, error: (m: string) => errors.push(m) });
    expect(ok).toBe(false);
    expect(errors.join('\n')).toContain(INSTALL_COMMAND);
    expect(INSTALL_COMMAND).toMatch(/apt-get install -y --no-install-recommends chromium/);
  });

  it('finds a browser that is there', () => {
    expect(ensureChromium({ path: process.execPath, error: () => { throw new Error('must not complain'); } })).toBe(true);
  });
});
