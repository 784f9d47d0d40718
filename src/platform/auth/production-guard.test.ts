import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A process-level rule, so it runs the real entry point: production must not serve demo passwords.
const dir = mkdtempSync(join(tmpdir(), 'motcua-prod-guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('production start-up guard', () => {
  it('refuses to start while an account still has the demo password', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DATABASE_URL: '', MOTCUA_DATA_DIR: dir, MOTCUA_ENV: 'production', MOTCUA_PUBLIC_URL: 'https://dichvucong.example.gov.vn', MOTCUA_CHAIN_KEY: 'production-guard-test-key-0123456789abcdef', MOTCUA_DATA_KEY: 'q0C0tY7m0m2zXhBpQhS1g7u3A0l9Q2z1cJb3Yd5Xk8E=', MOTCUA_DEMO: 'on', PORT: '0', HOST: '127.0.0.1', MOTCUA_LOG_LEVEL: 'silent', MOTCUA_JOBS_POLL_MS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += String(d); });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('mật khẩu mẫu');
    expect(stderr).toMatch(/Refusing to start in production: \d+ account/);
    // It seeds the whole demo first (about 20 s on an idle machine); a loaded CI machine gets room.
  }, 300_000);
});
