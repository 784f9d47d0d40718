import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createDataProtection } from '../../src/platform/crypto/data-protection.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../support/multipart.js';
import { statusLine } from './load.js';
import { destroyAgent, freshDemoDatabase, intakeBody, login, request, sleep, startServer, type FreshDatabase, type Server, type Session } from './support.js';

/**
 * The file store becomes unwritable under load: desks upload a scan and then receive a dossier
 * pointing at it. While the store is broken an upload answers a clear 503 FILE_STORE_UNAVAILABLE
 * (never a bare 500), an intake pointing at the scan that was not stored is refused, and no
 * acknowledged dossier references a file that is missing. The store is broken by replacing its
 * directory with a regular file (ENOTDIR), which stops root too, unlike chmod.
 */
const WORKERS = 6;
const BROKEN_MS = 4_000;
/** The server's own data key: stored scans are sealed, and the test opens them as the server would. */
const DATA_KEY = randomBytes(32);

type Step = { at: number; upload: number; uploadCode?: string; uploadMessage?: string; intake?: number; key: string; fileKey: string };

/**
 * Puts the real store back. The blocking file has to go first, and in that instant a server under
 * load may rightly recreate the directory (mkdir -p) and store a scan in it; such a directory is
 * moved aside whole and its scans merged into the store once the load stops, so none is lost.
 */
function restoreStore(root: string): string[] {
  rmSync(root);
  const strays: string[] = [];
  for (;;) {
    try {
      renameSync(`${root}.away`, root);
      return strays;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || strays.length > 20) throw e;
      const stray = `${root}.stray-${strays.length}`;
      renameSync(root, stray);
      strays.push(stray);
    }
  }
}

describe('file store unwritable under load', () => {
  let db: FreshDatabase;
  let server: Server;
  beforeAll(async () => {
    const env = { MOTCUA_DATA_KEY: DATA_KEY.toString('base64') };
    db = await freshDemoDatabase('motcua_res_files', env);
    server = await startServer({ databaseUrl: db.url, dataDir: db.dataDir, env });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
    await destroyAgent();
  });

  it('answers 503 FILE_STORE_UNAVAILABLE while broken, acknowledges no dossier with a missing scan, and recovers', async () => {
    const session: Session = await login(server.port, 'motcua.tanphong');
    const steps: Step[] = [];
    let running = true;
    let n = 0;
    const loops = Array.from({ length: WORKERS }, async () => {
      while (running) {
        const i = ++n;
        const pdf = Buffer.from(`%PDF-1.4\n% bản quét tờ khai số ${i} của ${process.pid}\n`);
        const fileKey = createHash('sha256').update(pdf).digest('hex');
        const { payload, headers } = multipartFile('file', `to-khai-${i}.pdf`, pdf, 'application/pdf');
        const up = await request(server.port, 'POST', '/api/v1/files', { raw: payload, contentType: headers['content-type'], session });
        const step: Step = { at: Date.now(), upload: up.status, uploadCode: up.json?.error?.code, uploadMessage: up.json?.error?.message, key: `files-${process.pid}-${i}`, fileKey };
        // The intake is sent whatever the upload answered: a client that ignores the error (or
        // computes the key itself) must still not get a dossier pointing at a file that is not there.
        const res = await request(server.port, 'POST', '/api/v1/dossiers', { session, body: intakeBody(step.key, { documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, fileKey }] }) });
        step.intake = res.status;
        steps.push(step);
      }
    });

    const root = join(db.dataDir, 'files');
    await sleep(3_000);
    const brokenAt = Date.now();
    renameSync(root, `${root}.away`);
    writeFileSync(root, 'the store directory is gone');
    await sleep(BROKEN_MS);
    const strays = restoreStore(root);
    const restoredAt = Date.now();
    await sleep(3_000);
    running = false;
    await Promise.all(loops);
    for (const stray of strays) cpSync(stray, root, { recursive: true, force: false });

    const uploads = new Map<number, number>();
    const intakes = new Map<number, number>();
    for (const s of steps) {
      uploads.set(s.upload, (uploads.get(s.upload) ?? 0) + 1);
      intakes.set(s.intake!, (intakes.get(s.intake!) ?? 0) + 1);
    }
    const whileBroken = steps.filter((s) => s.at > brokenAt + 100 && s.at < restoredAt);
    expect(whileBroken.length).toBeGreaterThan(3);
    expect(steps.filter((s) => s.upload >= 500 && s.uploadCode !== 'FILE_STORE_UNAVAILABLE').map((s) => `${s.upload} ${s.uploadCode}`), 'never a bare 5xx').toEqual([]);
    expect(steps.filter((s) => s.intake! >= 500), 'no intake 5xx').toEqual([]);
    const failed = steps.filter((s) => s.upload !== 201);
    expect(failed.length, 'some uploads met the broken store').toBeGreaterThan(0);
    for (const s of failed) {
      expect(s.upload).toBe(503);
      expect(s.uploadMessage).toContain('Kho lưu tệp');
      expect(s.intake, 'an intake pointing at a scan that was not stored').toBe(400);
    }
    expect(steps.filter((s) => s.at > restoredAt + 500).every((s) => s.upload === 201 && s.intake === 201), 'uploads and intakes succeed again after the restore').toBe(true);

    // Every acknowledged dossier's scan is in the store, sealed under the server's key, and opens whole.
    const keys = createDataProtection(DATA_KEY);
    const acknowledged = steps.filter((s) => s.intake === 201);
    const rows = await sql<{ idempotency_key: string; documents: { fileKey?: string }[] }>`select idempotency_key, documents from dossiers where idempotency_key = any(${acknowledged.map((s) => s.key)})`.execute(db.handle.db);
    expect(rows.rows.length).toBe(acknowledged.length);
    let scans = 0;
    for (const r of rows.rows) {
      for (const d of r.documents) {
        if (!d.fileKey) continue;
        const file = join(root, d.fileKey.slice(0, 2), d.fileKey);
        expect(existsSync(file), `${r.idempotency_key}: scan ${d.fileKey}`).toBe(true);
        const stored = readFileSync(file);
        expect(stored.includes(Buffer.from('%PDF-')), `${r.idempotency_key}: scan stored in clear`).toBe(false);
        expect(createHash('sha256').update(keys.openBytes(stored)).digest('hex')).toBe(d.fileKey);
        scans++;
      }
    }
    const refusedPresent = await sql<{ n: string }>`select count(*) as n from dossiers where idempotency_key = any(${failed.map((s) => s.key)})`.execute(db.handle.db);
    expect(Number(refusedPresent.rows[0]!.n)).toBe(0);

    console.log(`RESILIENCE file store unwritable for ${BROKEN_MS / 1000} s under load (${WORKERS} desks uploading then receiving): ${steps.length} upload+intake pairs; ` +
      `uploads ${statusLine(uploads)}; intakes ${statusLine(intakes)}; acknowledged ${acknowledged.length}, each scan stored and whole (${scans} checked); dossiers for failed uploads 0`);
  });
});
