import { systemContext } from '../../platform/http/context.js';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeProcedure, inMemoryCatalog } from '../../../test/support/procedure-factory.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { createDataProtection, DataKeyMissingError, DEVELOPMENT_DATA_KEY } from '../../platform/crypto/data-protection.js';
import { createFileStore } from '../../platform/files/file-store.js';
import { createDossierService } from './dossiers.service.js';
import { sealStoredDossiers } from './personal-data.js';

// Issue 10 item 13: ID numbers at rest, the blind index, key rotation and views with a reason.
const NOW = new Date('2026-03-02T09:00:00+07:00');
let t: TestApp;
const s = {} as Record<string, Session>;
const person = { kind: 'citizen', fullName: 'Lò Thị Hương', idNumber: '012345678901', phone: '0912345678', representative: { fullName: 'Lò Văn Pọm', idNumber: '034098765432' } };
const REASON = encodeURIComponent('Kiểm tra theo kế hoạch số 12/KH-UBND');

beforeAll(async () => {
  t = await createTestApp({
    override: (services) => ({
      dossiers: createDossierService({ db: services.db, org: services.org, catalog: inMemoryCatalog([communeProcedure()]), deadlines: services.calendar.deadlines, keys: services.dataKeys, now: () => NOW }),
    }),
  });
  for (const u of ['motcua.tanphong', 'kiemtra', 'motcua.doanket']) s[u] = await t.login(u);
}, 400_000);
afterAll(async () => { await t?.close(); });

let n = 0;
async function receive(applicant: Record<string, unknown> = person): Promise<string> {
  const res = await t.request('POST', '/api/v1/dossiers', { session: s['motcua.tanphong'], body: { procedureCode: '1.001193', channel: 'desk', applicant, resultDelivery: 'desk', idempotencyKey: `pd-${++n}-${Date.now()}` } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().code;
}
const stored = (code: string) => t.db.selectFrom('dossiers').select(['id', 'applicant', 'applicant_id_index', 'representative_id_index']).where('code', '=', code).executeTakeFirstOrThrow();
const search = (q: string) => t.request('GET', `/api/v1/dossiers?queue=received_here&q=${q}&reason=${REASON}`, { session: s['motcua.tanphong'] });

describe('ID numbers at rest', () => {
  it('are stored sealed with a blind index, and the staff view shows them in clear (the API keeps its shape)', async () => {
    // Failed before: applicant.idNumber was stored as "012345678901".
    const code = await receive();
    const row = await stored(code);
    const text = JSON.stringify(row.applicant);
    expect(text).not.toContain('012345678901');
    expect(text).not.toContain('034098765432');
    expect(row.applicant.idNumber).toMatch(new RegExp(`^enc1:${t.services.dataKeys.currentKeyId}:`));
    expect(row.applicant_id_index).toMatch(/^[0-9a-f]{64}$/);
    expect(row.representative_id_index).toMatch(/^[0-9a-f]{64}$/);
    const view = await t.request('GET', `/api/v1/dossiers/${code}`, { session: s['motcua.tanphong'] });
    expect(view.statusCode).toBe(200);
    expect(view.json().applicant).toEqual({ ...person, representative: { ...person.representative } });
    // The event log never carried the applicant; it still does not.
    const events = await t.db.selectFrom('dossier_events').select('payload').where('dossier_id', '=', row.id).execute();
    expect(JSON.stringify(events)).not.toContain('012345678901');
  });

  it('are found exactly through the index, as applicant or representative, however typed', async () => {
    const code = await receive({ ...person, idNumber: '001188009911', representative: { fullName: 'Đèo Văn Sáng', idNumber: '001188009922' } });
    expect((await search('001188009911')).json().items.map((r: { code: string }) => r.code)).toEqual([code]);
    expect((await search(encodeURIComponent('001 188 009 922'))).json().items.map((r: { code: string }) => r.code)).toEqual([code]);
    expect((await search('00118800991')).json().items).toEqual([]);
  });

  it('written before encryption are sealed at start-up and found again', async () => {
    const code = await receive({ ...person, idNumber: '002200110033', representative: undefined });
    const row = await stored(code);
    // As migration 0013 leaves an existing row: the number in clear, no index.
    await t.db.updateTable('dossiers').set({ applicant: JSON.stringify({ ...person, idNumber: '002200110033', representative: undefined }), applicant_id_index: null }).where('id', '=', row.id).execute();
    expect((await search('002200110033')).json().items).toEqual([]);
    expect(await sealStoredDossiers(t.db, t.services.dataKeys)).toBeGreaterThanOrEqual(1);
    expect((await stored(code)).applicant.idNumber).toMatch(/^enc1:/);
    expect((await search('002200110033')).json().items.map((r: { code: string }) => r.code)).toEqual([code]);
    expect(await sealStoredDossiers(t.db, t.services.dataKeys)).toBe(0);
  });

  it('survive a key rotation: found during it, re-sealed by it, and unreadable with only the old key afterwards', async () => {
    const code = await receive({ ...person, idNumber: '003300220044', representative: undefined });
    const oldKeys = t.services.dataKeys;
    const newKey = Buffer.alloc(32, 7);
    const rotated = createDataProtection(newKey, [DEVELOPMENT_DATA_KEY]);
    expect(rotated.currentKeyId).not.toBe(oldKeys.currentKeyId);
    const during = createDossierService({ db: t.db, org: t.services.org, catalog: inMemoryCatalog([communeProcedure()]), deadlines: t.services.calendar.deadlines, keys: rotated, now: () => NOW });
    // Before re-sealing, the old index still matches (the search tries every configured key).
    const exported = await during.exportForSubject(systemContext(), '003300220044');
    expect(exported.map((d) => d.code)).toEqual([code]);
    expect(await sealStoredDossiers(t.db, rotated)).toBeGreaterThanOrEqual(1);
    const after = await stored(code);
    expect(after.applicant.idNumber).toMatch(new RegExp(`^enc1:${rotated.currentKeyId}:`));
    expect(after.applicant_id_index).toBe(rotated.blindIndex('003300220044'));
    expect((await during.exportForSubject(systemContext(), '003300220044'))[0]!.applicant).toMatchObject({ idNumber: '003300220044' });
    expect(() => oldKeys.openText(after.applicant.idNumber as string)).toThrow(DataKeyMissingError);
    // Back to the configured key for the rest of the file.
    await sealStoredDossiers(t.db, createDataProtection(DEVELOPMENT_DATA_KEY, [newKey]));
  });
});

describe('a view of personal data outside one’s own work', () => {
  const viewed = () => t.db.selectFrom('audit_events').selectAll().where('action', '=', 'personal_data.viewed').orderBy('id').execute();

  it('needs a reason from an auditor, and is logged with it; the desk reads as before, unlogged', async () => {
    // Failed before: the auditor read the applicant's ID number with no reason and no trace.
    const code = await receive();
    const before = (await viewed()).length;
    const bare = await t.request('GET', `/api/v1/dossiers/${code}`, { session: s.kiemtra });
    expect(bare.statusCode).toBe(403);
    expect(bare.json().error).toMatchObject({ code: 'PERSONAL_DATA_REASON_REQUIRED', message: expect.stringContaining('phải nêu lý do') });
    expect(bare.body).not.toContain('012345678901');
    const withReason = await t.request('GET', `/api/v1/dossiers/${code}?reason=${REASON}`, { session: s.kiemtra });
    expect(withReason.statusCode).toBe(200);
    expect(withReason.json().applicant.idNumber).toBe('012345678901');
    const byHeader = await t.request('GET', `/api/v1/dossiers/${code}`, { session: s.kiemtra, headers: { 'x-access-reason': REASON } });
    expect(byHeader.statusCode).toBe(200);
    const desk = await t.request('GET', `/api/v1/dossiers/${code}`, { session: s['motcua.tanphong'] });
    expect(desk.statusCode).toBe(200);
    const rows = (await viewed()).slice(before);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ entity: 'dossier', entity_id: code, actor_name: expect.stringContaining('kiemtra'), summary: { after: { reason: 'Kiểm tra theo kế hoạch số 12/KH-UBND' } } });
  });

  it('is still not found for someone who may not read the dossier, reason or not', async () => {
    const code = await receive();
    expect((await t.request('GET', `/api/v1/dossiers/${code}?reason=${REASON}`, { session: s['motcua.doanket'] })).statusCode).toBe(404);
  });
});

describe('uploaded files at rest', () => {
  it('are stored sealed and read back in clear; a file stored before is read as it is and sealed later', async () => {
    // Failed before: the bytes on disk were the scan itself.
    const dir = join(t.config.dataDir, 'files');
    const store = createFileStore(dir, t.services.dataKeys);
    const scan = Buffer.from('%PDF-1.4\n% Căn cước công dân 012345678901\n');
    const key = await store.put(scan);
    const onDisk = readFileSync(join(dir, key.slice(0, 2), key));
    expect(onDisk.includes(Buffer.from('012345678901'))).toBe(false);
    expect((await store.get(key))!.equals(scan)).toBe(true);
    // Tampering is detected, not returned as content.
    const flipped = Buffer.from(onDisk);
    flipped[flipped.length - 1]! ^= 1;
    writeFileSync(join(dir, key.slice(0, 2), key), flipped);
    await expect(store.get(key)).rejects.toThrow();
    // A legacy file in clear: readable, then sealed by sealAll.
    writeFileSync(join(dir, key.slice(0, 2), key), scan);
    expect((await store.get(key))!.equals(scan)).toBe(true);
    expect(await store.sealAll()).toBeGreaterThanOrEqual(1);
    expect(readFileSync(join(dir, key.slice(0, 2), key)).includes(Buffer.from('012345678901'))).toBe(false);
    expect((await store.get(key))!.equals(scan)).toBe(true);
    expect(readdirSync(join(dir, key.slice(0, 2))).some((f) => f.endsWith('.tmp'))).toBe(false);
  });
});
