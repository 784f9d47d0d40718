import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * A newcomer's first start, once per run: `src/main.ts` on an empty data directory migrates the
 * embedded database and seeds the demo province, answers /health, and stops cleanly (SIGTERM, the
 * database closed). Each journey then starts the server on a copy of that directory (support.ts),
 * instead of spending most of a minute seeding the same demo again. The worker is off here so the
 * copy holds exactly what seeding wrote; each journey's server runs its own worker as before.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const { launch } = await import('./support.js');
  const dir = mkdtempSync(join(tmpdir(), 'motcua-e2e-demo-'));
  const t0 = Date.now();
  let app: Awaited<ReturnType<typeof launch>>;
  try {
    app = await launch(dir, { MOTCUA_JOBS_POLL_MS: '0' });
    await app.stop({ keepDataDir: true });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  if (existsSync(join(dir, 'motcua.lock'))) throw new Error(`the first start did not release its data directory:\n${app.log()}`);
  const seeded = /demo dossiers: (\d+)/.exec(app.log())?.[1] ?? '?';
  console.log(`e2e: the demo data directory seeded once by src/main.ts in ${Math.round((Date.now() - t0) / 1000)} s (${seeded} demo dossiers); each journey starts on a copy`);
  project.provide('e2eDemoDataDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
