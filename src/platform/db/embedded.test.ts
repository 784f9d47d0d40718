import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './connection.js';
import { DataDirLockedError } from './data-dir-lock.js';
import { migrate } from './migrate.js';

// These tests are about the embedded database itself, so they use PGlite whatever TEST_DB says.
const dir = mkdtempSync(join(tmpdir(), 'motcua-embedded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded PostgreSQL (PGlite) data directory', () => {
  it('keeps data across close and reopen', async () => {
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    await migrate(first.db);
    await sql`insert into org_units (name, kind) values ('Tỉnh Bền Vững', 'province')`.execute(first.db);
    await first.close();
    const second = await openDatabase({ kind: 'pglite', dataDir: dir });
    const rows = await sql<{ name: string }>`select name from org_units`.execute(second.db);
    expect(rows.rows.map((r) => r.name)).toEqual(['Tỉnh Bền Vững']);
    const again = await migrate(second.db);
    expect(again.applied).toEqual([]);
    await second.close();
  }, 60_000);

  it('refuses a second opener in the same process with a clear message', async () => {
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      await first.close();
    }
  }, 60_000);

  it('a second server process on the same directory exits at once, naming the directory', async () => {
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: { ...process.env, MOTCUA_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', MOTCUA_LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d) => { stderr += String(d); });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain('chỉ một tiến trình được mở cơ sở dữ liệu nhúng');
      expect(stderr).toContain(dir);
    } finally {
      await first.close();
    }
  }, 60_000);
});
