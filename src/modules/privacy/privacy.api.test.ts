import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeProcedure, inMemoryCatalog } from '../../../test/support/procedure-factory.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { createDossierService } from '../dossiers/dossiers.service.js';
import { createPrivacyService } from './privacy.service.js';

// Data-subject requests and retention (issue 10 item 13; Decree 356/2025: acknowledge within 2 working days).
const FRIDAY = new Date('2026-03-06T10:00:00+07:00');
let now = FRIDAY;
let t: TestApp;
const s = {} as Record<string, Session>;

beforeAll(async () => {
  t = await createTestApp({
    now: () => now,
    override: (services) => {
      const dossiers = createDossierService({ db: services.db, org: services.org, catalog: inMemoryCatalog([communeProcedure()]), deadlines: services.calendar.deadlines, keys: services.dataKeys, files: services.files, chain: services.chain, now: () => now });
      const privacy = createPrivacyService({
        db: services.db, keys: services.dataKeys, files: services.files, dossiers, now: () => now,
        workingDays: { addWorkingDays: async (from, days) => (await services.calendar.deadlines.calculator()).due(from, { amount: days, unit: 'working_days' }) },
      });
      return { dossiers, privacy };
    },
  });
  for (const u of ['motcua.tanphong', 'motcua.doanket', 'kiemtra', 'admin', 'chuyenvien.tanphong']) s[u] = await t.login(u);
}, 400_000);
afterAll(async () => { await t?.close(); });

const ID = '001190001234';
const body = (over: Record<string, unknown> = {}) => ({ kind: 'access', idNumber: ID, requesterName: 'Lò Thị Hương', channel: 'desk', ...over });
const post = (session: Session, url: string, b: unknown) => t.request('POST', url, { session, body: b });

describe('data-subject requests', () => {
  it('records a request with an acknowledgement due in 2 working days (over the weekend) and the settlement date from the table', async () => {
    const res = await post(s['motcua.tanphong']!, '/api/v1/privacy/requests', body());
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    const calc = await t.services.calendar.deadlines.calculator();
    expect(r).toMatchObject({ kind: 'access', status: 'received', idNumber: ID, channel: 'desk', overdue: { acknowledge: false, resolve: false }, version: 0 });
    expect(r.acknowledgeDueAt).toBe(calc.due(FRIDAY, { amount: 2, unit: 'working_days' }).toISOString());
    // Friday → two working days later is the next Tuesday or Wednesday (by the calendar's counting), never the weekend.
    const ack = new Date(r.acknowledgeDueAt);
    expect(ack.getTime()).toBeGreaterThan(new Date('2026-03-09T00:00:00+07:00').getTime());
    expect([2, 3]).toContain(new Date(ack.getTime() + 7 * 3_600_000).getUTCDay());
    expect(r.resolveDueAt).toBe(calc.due(FRIDAY, { amount: 10, unit: 'working_days' }).toISOString());
    // The ID number is sealed in the table, found by its index.
    const row = await t.db.selectFrom('privacy_requests').selectAll().where('id', '=', String(r.id)).executeTakeFirstOrThrow();
    expect(row.id_number_sealed).toMatch(/^enc1:/);
    expect(JSON.stringify(row)).not.toContain(ID);
    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'privacy.request_received').where('entity_id', '=', String(r.id)).execute();
    expect(audit).toHaveLength(1);
  });

  it('moves received → acknowledged → done under a version guard, and a refusal needs its reason', async () => {
    const r = (await post(s['motcua.tanphong']!, '/api/v1/privacy/requests', body({ kind: 'correction', details: 'Sai ngày sinh trong hồ sơ' }))).json();
    const url = `/api/v1/privacy/requests/${r.id}/actions`;
    const ack = await post(s['motcua.tanphong']!, url, { action: 'acknowledge', version: 0 });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', statusName: 'Đã xác nhận', acknowledgedAt: FRIDAY.toISOString(), version: 1 });
    expect((await post(s['motcua.tanphong']!, url, { action: 'complete', version: 0, outcome: 'Đã sửa' })).statusCode).toBe(409);
    expect((await post(s['motcua.tanphong']!, url, { action: 'acknowledge', version: 1 })).json().error.code).toBe('PRIVACY_REQUEST_CLOSED');
    const bare = await post(s['motcua.tanphong']!, url, { action: 'refuse', version: 1 });
    expect(bare.statusCode).toBe(400);
    const done = await post(s['motcua.tanphong']!, url, { action: 'complete', version: 1, outcome: 'Đã sửa ngày sinh theo giấy khai sinh' });
    expect(done.json()).toMatchObject({ status: 'done', outcome: 'Đã sửa ngày sinh theo giấy khai sinh', version: 2 });
    const actions = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'privacy_request').where('entity_id', '=', String(r.id)).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['privacy.request_received', 'privacy.request_acknowledged', 'privacy.request_done']);
  });

  it('flags a request not acknowledged in time as overdue, and lists it', async () => {
    const r = (await post(s['motcua.tanphong']!, '/api/v1/privacy/requests', body({ kind: 'deletion', channel: 'letter' }))).json();
    now = new Date(new Date(r.acknowledgeDueAt).getTime() + 60_000);
    try {
      const got = (await t.request('GET', `/api/v1/privacy/requests/${r.id}`, { session: s['motcua.tanphong'] })).json();
      expect(got.overdue).toEqual({ acknowledge: true, resolve: false });
      const list = (await t.request('GET', '/api/v1/privacy/requests?overdue=true', { session: s['motcua.tanphong'] })).json().items;
      expect(list.map((x: { id: number }) => x.id)).toContain(r.id);
    } finally {
      now = FRIDAY;
    }
  });

  it('is kept to the units that may handle it: another ward does not see it, an auditor may not record one', async () => {
    const r = (await post(s['motcua.tanphong']!, '/api/v1/privacy/requests', body())).json();
    expect((await t.request('GET', `/api/v1/privacy/requests/${r.id}`, { session: s['motcua.doanket'] })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/v1/privacy/requests', { session: s['motcua.doanket'] })).json().items.map((x: { id: number }) => x.id)).not.toContain(r.id);
    expect((await post(s.kiemtra!, '/api/v1/privacy/requests', body())).statusCode).toBe(403);
    expect((await post(s['motcua.tanphong']!, '/api/v1/privacy/requests', body({ idNumber: '12' }))).statusCode).toBe(400);
  });

  it('exports every dossier of the person (found by the blind index) for an access request, audited', async () => {
    const applicant = { kind: 'citizen', fullName: 'Lò Thị Hương', idNumber: ID, phone: '0912345678' };
    const codes: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await post(s['motcua.tanphong']!, '/api/v1/dossiers', { procedureCode: '1.001193', channel: 'desk', applicant, resultDelivery: 'desk', idempotencyKey: `privacy-export-${i}-${Date.now()}` });
      expect(res.statusCode, res.body).toBe(201);
      codes.push(res.json().code);
    }
    await post(s['motcua.tanphong']!, '/api/v1/dossiers', { procedureCode: '1.001193', channel: 'desk', applicant: { ...applicant, idNumber: '001190009999' }, resultDelivery: 'desk', idempotencyKey: `privacy-other-${Date.now()}` });
    const r = (await post(s['motcua.tanphong']!, '/api/v1/privacy/requests', body())).json();
    const res = await t.request('GET', `/api/v1/privacy/requests/${r.id}/export`, { session: s['motcua.tanphong'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const out = res.json();
    expect(out.subject).toEqual({ idNumber: ID, name: 'Lò Thị Hương' });
    expect(out.dossiers.map((d: { code: string }) => d.code).sort()).toEqual(codes.sort());
    expect(out.dossiers[0].applicant.idNumber).toBe(ID);
    expect(out.dossiers[0].events.length).toBeGreaterThan(0);
    expect(await t.db.selectFrom('audit_events').select('summary').where('action', '=', 'privacy.data_exported').where('entity_id', '=', String(r.id)).execute())
      .toEqual([{ summary: { after: { dossiers: 2 } } }]);
    const correction = (await post(s['motcua.tanphong']!, '/api/v1/privacy/requests', body({ kind: 'correction' }))).json();
    expect((await t.request('GET', `/api/v1/privacy/requests/${correction.id}/export`, { session: s['motcua.tanphong'] })).statusCode).toBe(409);
  });

  it('has time limits as data an administrator edits', async () => {
    const list = (await t.request('GET', '/api/v1/privacy/time-limits', { session: s['motcua.tanphong'] })).json().items;
    expect(list.find((l: { kind: string }) => l.kind === 'access')).toMatchObject({ acknowledgeWorkingDays: 2 });
    const put = (session: Session, b: unknown) => t.request('PUT', '/api/v1/privacy/time-limits/access', { session, body: b });
    expect((await put(s['motcua.tanphong']!, { acknowledgeWorkingDays: 2, resolveWorkingDays: 15, basis: 'x' })).statusCode).toBe(403);
    expect((await put(s.admin!, { acknowledgeWorkingDays: 2, resolveWorkingDays: 15, basis: 'Quyết định của UBND tỉnh' })).json()).toMatchObject({ resolveWorkingDays: 15 });
    const r = (await post(s['motcua.tanphong']!, '/api/v1/privacy/requests', body())).json();
    const calc = await t.services.calendar.deadlines.calculator();
    expect(r.resolveDueAt).toBe(calc.due(FRIDAY, { amount: 15, unit: 'working_days' }).toISOString());
  });
});

describe('retention periods', () => {
  it('are seeded from demo/ and edited by an administrator only, audited', async () => {
    const list = (await t.request('GET', '/api/v1/privacy/retention', { session: s.admin })).json().items;
    expect(list.map((p: { recordType: string }) => p.recordType).sort()).toEqual(['audit_event', 'dossier', 'identity_document_image', 'privacy_request']);
    const put = (session: Session, b: unknown) => t.request('PUT', '/api/v1/privacy/retention/identity_document_image', { session, body: b });
    expect((await put(s['motcua.tanphong']!, { months: 12 })).statusCode).toBe(403);
    expect((await put(s.admin!, { months: 12, documentNamePattern: '([' })).statusCode).toBe(400);
    const ok = await put(s.admin!, { months: 12, basis: 'Quyết định của tỉnh', documentNamePattern: 'căn cước|hộ chiếu' });
    expect(ok.json()).toMatchObject({ recordType: 'identity_document_image', months: 12, documentNamePattern: 'căn cước|hộ chiếu' });
    expect(await t.db.selectFrom('audit_events').select('action').where('action', '=', 'privacy.retention_updated').execute()).toHaveLength(1);
  });

  it('lists what is past retention in a dry run, and otherwise erases only identity scans of old closed dossiers', async () => {
    const scan = Buffer.from('%PDF-1.4\n% Căn cước công dân\n');
    const form = Buffer.from('%PDF-1.4\n% Tờ khai\n');
    const shared = Buffer.from('%PDF-1.4\n% Hộ chiếu, cũng nộp vào hồ sơ mới\n');
    const [scanKey, formKey, sharedKey] = [await t.services.files.put(scan), await t.services.files.put(form), await t.services.files.put(shared)];
    const receive = async (documents: unknown[]) => {
      const res = await post(s['motcua.tanphong']!, '/api/v1/dossiers', { procedureCode: '1.001193', channel: 'desk', applicant: { kind: 'citizen', fullName: 'Lò Văn A', idNumber: '001190005555' }, resultDelivery: 'desk', idempotencyKey: `ret-${Math.random()}`, documents });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().code as string;
    };
    const old = await receive([{ name: 'Căn cước công dân (bản chụp)', originals: 0, copies: 1, fileKey: scanKey }, { name: 'Tờ khai', originals: 1, fileKey: formKey }, { name: 'Hộ chiếu', copies: 1, fileKey: sharedKey }]);
    await receive([{ name: 'Hộ chiếu', copies: 1, fileKey: sharedKey }]);
    // The old one closed (result returned) two years ago.
    await t.db.updateTable('dossiers').set({ status: 10, returned_at: new Date('2024-01-15T09:00:00+07:00') }).where('code', '=', old).execute();

    const dry = await t.services.privacy.retention({ dryRun: true });
    const images = dry.find((r) => r.recordType === 'identity_document_image')!;
    expect(images).toMatchObject({ months: 12, pastRetention: 1, erased: 0 });
    expect(dry.find((r) => r.recordType === 'dossier')!.pastRetention).toBe(0);
    expect((await t.services.files.get(scanKey))!.equals(scan)).toBe(true);

    const run = await t.services.privacy.retention({ dryRun: false });
    expect(run.find((r) => r.recordType === 'identity_document_image')).toMatchObject({ pastRetention: 1, erased: 1 });
    expect(await t.services.files.get(scanKey)).toBeUndefined();
    expect((await t.services.files.get(formKey))!.equals(form)).toBe(true);
    // Still referenced by an open dossier: kept.
    expect((await t.services.files.get(sharedKey))!.equals(shared)).toBe(true);
    expect(await t.db.selectFrom('retention_erasures').select(['file_key', 'dossier_codes']).execute()).toEqual([{ file_key: scanKey, dossier_codes: [old] }]);
    expect(await t.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'privacy.file_erased').execute()).toEqual([{ entity_id: scanKey }]);
    // The dossier itself is never deleted; a second run finds nothing more.
    expect(await t.db.selectFrom('dossiers').select('code').where('code', '=', old).executeTakeFirst()).toBeDefined();
    expect((await t.services.privacy.retention({ dryRun: false })).find((r) => r.recordType === 'identity_document_image')).toMatchObject({ pastRetention: 0, erased: 0 });
  });
});
