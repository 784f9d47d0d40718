import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/support/test-db.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { createScheduler } from '../../platform/jobs/index.js';
import { workingDayPredicate } from '../directives/wiring.js';
import { createRegistryService } from './registry.service.js';
import { sha256Hex, type ExchangeTransport } from './transport/exchange-transport.js';
import { startLocalCounterpart, type LocalCounterpart } from './transport/local-counterpart.js';
import { createLocalTransport } from './transport/local-transport.js';

// The Department of Home Affairs (Sở Nội vụ, H30.101) releases a plan to the Departments of Justice
// (H30.102) and Construction (H30.105), to the province itself (no records office above it) and to the
// Ministry of Home Affairs outside the province, reached through the `local` transport's counterpart.
// Justice registers its copy, Construction returns its own as wrongly addressed, then Home Affairs
// recalls the plan. The clock stays at TEST_NOW (Monday 2/3/2026); only the job runner's moves on.
let t: TestApp;
let counterpart: LocalCounterpart;
let dir: string;
/** The outside receiver can be switched off to see the outbox retry and give up. */
const outage = { down: false };
const s = {} as Record<string, Session>;
const u = {} as Record<string, number>;
const staff = {} as Record<string, number>;
const P = '/api/v1/registry';
const api = (method: string, url: string, who: string, body?: unknown) => t.request(method, `${P}${url}`, { session: s[who]!, body });
const doc = async (id: number, who = 'vt.snv') => (await api('GET', `/documents/${id}`, who)).json();
const deliveries = async (id: number, who: string) => (await api('GET', `/documents/${id}/deliveries`, who)).json() as Delivery[];
type Delivery = { id: number; toUnitId: number | null; toName: string; transport: string; status: string; reason: string | null; receiptId: string | null; incomingDocumentId: number | null; deliveredAt: string | null; receivedAt: string | null; returnedAt: string | null; recalledAt: string | null; attempts: number; lastError: string | null };

/** The jobs the exchange enqueued, run by a scheduler that knows only them (the app's own recurring jobs stay out of the test). */
async function runExchangeJobs(at: Date = TEST_NOW) {
  const jobs = createScheduler(t.db);
  t.services.registry.exchange.registerJobs(jobs);
  return jobs.runDueJobs(at);
}

async function makeStaff(username: string, unitCode: string, role: string) {
  const res = await t.request('POST', '/api/v1/org/staff', { session: s.admin!, body: { fullName: `Văn thư ${username}`, unitId: u[unitCode], position: 'Văn thư cơ quan', username, password: 'Mat-khau-Lai-Chau-2026', roles: [{ role, unitId: u[unitCode] }] } });
  expect(res.statusCode, res.body).toBe(201);
  await t.db.updateTable('auth_accounts').set({ must_change_password: false }).where('username', '=', username).execute();
  s[username] = await t.login(username, 'Mat-khau-Lai-Chau-2026');
}

/** A draft of the Department of Home Affairs through the outgoing API, signed and released by its records office. */
async function released(subject: string, recipients: unknown[], annex?: Buffer): Promise<number> {
  const created = await api('POST', '/outgoing', 'chuyenvien.snv', {
    draftingUnitId: u['H30.101.01'], docType: 'KH', subject, body: 'I. MỤC ĐÍCH, YÊU CẦU\n1. Rà soát thủ tục hành chính.', recipients, approverStaffId: staff['lanhdao.snv'], pages: 3,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as number;
  if (annex) {
    const key = await t.services.files.put(annex);
    await t.db.insertInto('reg_attachments').values({ document_id: id, file_key: key, file_name: 'phu-luc.pdf', mime: 'application/pdf', size: annex.length, sha256: sha256Hex(annex), main: false }).execute();
  }
  const step = async (who: string, body: Record<string, unknown>) => {
    const res = await api('POST', `/outgoing/${id}/actions`, who, { version: (await doc(id, who)).version, ...body });
    expect(res.statusCode, `${body.action}: ${res.body}`).toBe(200);
    return res.json();
  };
  await step('chuyenvien.snv', { action: 'submit' });
  await step('lanhdao.snv', { action: 'approve', signerTitle: 'Phó Giám đốc' });
  expect((await step('vt.snv', { action: 'release' })).status).toBe('released');
  return id;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-exchange-'));
  counterpart = await startLocalCounterpart({ dir, now: () => TEST_NOW });
  const local = createLocalTransport({ url: counterpart.url, timeoutMs: 5_000 });
  const transport: ExchangeTransport = {
    name: local.name,
    send: (e) => (outage.down ? Promise.reject(new Error('Không kết nối được hệ thống nhận: ECONNREFUSED')) : local.send(e)),
    recall: (n) => local.recall!(n),
  };
  t = await createTestApp({
    override: (services) => ({
      registry: createRegistryService({
        db: services.db, org: services.org, now: services.now, files: services.files, exchangeTransport: transport,
        workingDays: async () => workingDayPredicate(await services.calendar.deadlines.calculator()),
      }),
    }),
  });
  s.admin = await t.login('admin');
  for (const code of ['H30', 'H30.101', 'H30.101.01', 'H30.102', 'H30.102.01', 'H30.105']) u[code] = await t.unitId(code);
  const settings = [['H30.101', 'SNV'], ['H30.102', 'STP'], ['H30.105', 'SXD']] as const;
  for (const [code, symbol] of settings) {
    const res = await t.request('PUT', `${P}/agencies/${u[code]}/settings`, { session: s.admin, body: { symbol, placeName: 'Lai Châu', managingBody: 'UBND tỉnh Lai Châu', numbering: 'per_type' } });
    expect(res.statusCode, res.body).toBe(200);
  }
  // The province itself keeps no register: a unit with no records office above it cannot receive.
  await t.db.deleteFrom('reg_settings').where('unit_id', '=', u.H30!).execute();
  await makeStaff('vt.snv', 'H30.101', 'clerk');
  await makeStaff('vt.stp', 'H30.102', 'clerk');
  await makeStaff('vt.sxd', 'H30.105', 'clerk');
  for (const name of ['chuyenvien.snv', 'lanhdao.snv', 'lanhdao.stp', 'lanhdao.sxd']) s[name] = await t.login(name);
  for (const row of await t.db.selectFrom('auth_accounts').select(['username', 'staff_id']).where('username', 'in', ['lanhdao.snv']).execute()) staff[row.username] = row.staff_id!;
});
afterAll(async () => {
  await t?.close();
  await counterpart?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('release, delivery, receipt, return and recall between units', () => {
  const annex = Buffer.from('%PDF-1.4\n% Phụ lục: danh mục thủ tục hành chính rà soát năm 2026\n%%EOF\n');
  let out: number;
  const copy = {} as Record<'stp' | 'sxd', number>;

  it('delivers a released document to each addressee\'s records office with its files, and tells the sender what could not be', async () => {
    out = await released('Kế hoạch rà soát thủ tục hành chính năm 2026', [{ unitId: u['H30.102'] }, { unitId: u['H30.105'] }, { unitId: u.H30 }, { name: 'Bộ Nội vụ' }], annex);
    const sent = await doc(out);
    expect(sent.allowedActions).toContain('recall');
    const list = await deliveries(out, 'vt.snv');
    expect(list.map((d) => [d.toUnitId, d.transport, d.status])).toEqual([
      [u['H30.102'], 'internal', 'delivered'], [u['H30.105'], 'internal', 'delivered'], [u.H30, 'internal', 'failed'], [null, 'local', 'pending'],
    ]);
    expect(list[0]!.receiptId).toMatch(/^[0-9a-f-]{36}$/);
    expect(list[0]!.deliveredAt).toBe(TEST_NOW.toISOString());
    expect(list[2]!.reason).toContain('chưa có văn thư cơ quan');
    copy.stp = list[0]!.incomingDocumentId!;
    copy.sxd = list[1]!.incomingDocumentId!;

    const row = await t.db.selectFrom('reg_documents').select(['file_key', 'file_sha256']).where('id', '=', out).executeTakeFirstOrThrow();
    const arrived = await doc(copy.stp, 'vt.stp');
    expect(arrived).toMatchObject({
      unitId: u['H30.102'], direction: 'in', status: 'arrived', channel: 'exchange', senderUnitId: u['H30.101'], senderUnitName: 'Sở Nội vụ',
      docType: 'KH', symbol: sent.symbol, number: sent.number, issuedOn: '2026-03-02', subject: sent.subject, signerName: sent.signerName, signerTitle: 'Phó Giám đốc',
      pages: 3, hasFile: true, fileSha256: row.file_sha256, arrivalNumber: null,
    });
    expect(arrived.attachments.map((a: { fileName: string; sha256: string }) => [a.fileName, a.sha256])).toEqual([['phu-luc.pdf', sha256Hex(annex)]]);
    expect(arrived.events.map((e: { action: string }) => e.action)).toContain('delivered');
    expect(arrived.allowedActions).toEqual(expect.arrayContaining(['register', 'return']));
    // The same stored files: nothing copied, nothing the sender's records office could lose.
    const copyRow = await t.db.selectFrom('reg_documents').select(['file_key']).where('id', '=', copy.stp).executeTakeFirstOrThrow();
    expect(copyRow.file_key).toBe(row.file_key);
    // Found by the receiving records office in its own list, without diacritics.
    const found = (await api('GET', `/documents?direction=in&status=arrived&q=${encodeURIComponent('ra soat thu tuc')}`, 'vt.stp')).json().items.map((i: { id: number }) => i.id);
    expect(found).toEqual([copy.stp]);
    expect((await doc(out)).events.filter((e: { action: string }) => e.action === 'delivered')).toHaveLength(2);
  });

  it('shows a receiver only its own delivery, and nothing of the sender\'s record', async () => {
    const mine = await deliveries(copy.stp, 'vt.stp');
    expect(mine.map((d) => [d.toUnitId, d.status])).toEqual([[u['H30.102'], 'delivered']]);
    expect((await api('GET', `/documents/${out}/deliveries`, 'vt.stp')).statusCode).toBe(404);
    expect((await api('GET', `/documents/${out}`, 'vt.stp')).statusCode).toBe(404);
    expect((await api('GET', `/documents/${copy.stp}/deliveries`, 'vt.sxd')).statusCode).toBe(404);
  });

  it('sends to an outside agency after the release commits: it arrives at the counterpart with its files, and its receipt comes back', async () => {
    expect(await counterpart.received()).toHaveLength(0);
    const run = await runExchangeJobs();
    expect(run.succeeded).toBeGreaterThanOrEqual(1);
    const [envelope] = await counterpart.received();
    const sent = await doc(out);
    expect(envelope).toMatchObject({
      From: { OrganId: 'H30.101', OrganName: 'Sở Nội vụ' }, To: [{ OrganId: null, OrganName: 'Bộ Nội vụ' }],
      ToPlaces: ['Sở Tư pháp', 'Sở Xây dựng', 'Tỉnh Lai Châu', 'Bộ Nội vụ'],
      Document: { OrganId: 'H30.101', CodeNumber: sent.symbol.split('/')[0], CodeNotation: sent.symbol.split('/').slice(1).join('/'), IssuedDate: '2026-03-02', TypeName: 'Kế hoạch', Subject: sent.subject, PageAmount: 3, SignerInfo: { Position: 'Phó Giám đốc', FullName: sent.signerName }, Priority: 0 },
    });
    expect(envelope!.Attachments.map((a) => [a.Main, a.Sha256])).toEqual([[true, sent.fileSha256], [false, sha256Hex(annex)]]);
    for (const a of envelope!.Attachments) {
      const res = await fetch(`${counterpart.url}/envelopes/${envelope!.key}/files/${a.Sha256}`);
      expect(sha256Hex(Buffer.from(await res.arrayBuffer()))).toBe(a.Sha256);
    }
    const outside = (await deliveries(out, 'vt.snv')).find((d) => d.transport === 'local')!;
    expect(outside).toMatchObject({ status: 'delivered', receiptId: envelope!.receiptId, attempts: 1, lastError: null });
    // A job run again sends nothing twice.
    await runExchangeJobs(new Date(TEST_NOW.getTime() + 3_600_000));
    expect(await counterpart.received()).toHaveLength(1);
  });

  it('sends the reception receipt back when the receiver registers its copy', async () => {
    const res = await api('POST', `/incoming/${copy.stp}/actions`, 'vt.stp', { action: 'register', version: (await doc(copy.stp, 'vt.stp')).version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'registered', arrivalOn: '2026-03-02' });
    const stp = (await deliveries(out, 'vt.snv')).find((d) => d.toUnitId === u['H30.102'])!;
    expect(stp).toMatchObject({ status: 'received', receivedAt: TEST_NOW.toISOString() });
    const receipt = (await doc(out)).events.find((e: { action: string }) => e.action === 'receipt_received');
    expect(receipt.details).toMatchObject({ toUnitId: u['H30.102'], arrivalNumber: res.json().arrivalNumber });
  });

  it('lets only the receiver\'s records office return a wrongly addressed copy, with a reason the sender reads', async () => {
    const version = (await doc(copy.sxd, 'vt.sxd')).version;
    const reason = 'Văn bản không thuộc thẩm quyền của Sở Xây dựng, gửi nhầm nơi nhận.';
    expect((await api('POST', `/incoming/${copy.sxd}/return`, 'vt.stp', { version, reason })).statusCode).toBe(404);
    expect((await api('POST', `/incoming/${copy.sxd}/return`, 'lanhdao.sxd', { version, reason })).statusCode).toBe(403);
    const short = await api('POST', `/incoming/${copy.sxd}/return`, 'vt.sxd', { version, reason: 'sai' });
    expect([short.statusCode, short.json().error.fields[0].path]).toEqual([400, 'reason']);
    expect((await api('POST', `/incoming/${copy.sxd}/return`, 'vt.sxd', { version: version + 1, reason })).statusCode).toBe(409);
    expect((await api('POST', `/incoming/${out}/return`, 'vt.snv', { version: 1, reason })).statusCode).toBe(404);
    const res = await api('POST', `/incoming/${copy.sxd}/return`, 'vt.sxd', { version, reason });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'returned', allowedActions: [] });
    expect((await deliveries(out, 'vt.snv')).find((d) => d.toUnitId === u['H30.105'])).toMatchObject({ status: 'returned', reason, returnedAt: TEST_NOW.toISOString() });
    expect((await doc(out)).events.find((e: { action: string }) => e.action === 'delivery_returned')).toMatchObject({ note: reason });
    const again = await api('POST', `/incoming/${copy.sxd}/return`, 'vt.sxd', { version: version + 1, reason });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'NOT_RETURNABLE']);
  });

  it('refuses the return of a copy already handed to a handler', async () => {
    const id = await released('Công văn đề nghị cử cán bộ tham gia đoàn kiểm tra', [{ unitId: u['H30.102'] }]);
    const copyId = (await deliveries(id, 'vt.snv'))[0]!.incomingDocumentId!;
    await api('POST', `/incoming/${copyId}/actions`, 'vt.stp', { action: 'register', version: (await doc(copyId, 'vt.stp')).version });
    const routed = await api('POST', `/incoming/${copyId}/actions`, 'lanhdao.stp', { action: 'route', version: (await doc(copyId, 'vt.stp')).version, lead: { unitId: u['H30.102.01'] }, dueInWorkingDays: 5 });
    expect(routed.statusCode, routed.body).toBe(200);
    const res = await api('POST', `/incoming/${copyId}/return`, 'vt.stp', { version: routed.json().version, reason: 'Không thuộc thẩm quyền của Sở.' });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'NOT_RETURNABLE']);
  });

  it('lets only the sender\'s records office or leadership recall; the outgoing is frozen and every copy withdrawn', async () => {
    const { version } = await doc(out);
    const reason = 'Thu hồi để điều chỉnh phạm vi rà soát theo chỉ đạo của UBND tỉnh.';
    expect((await api('POST', `/outgoing/${out}/recall`, 'vt.stp', { version, reason })).statusCode).toBe(404);
    expect((await api('POST', `/outgoing/${out}/recall`, 'chuyenvien.snv', { version, reason })).statusCode).toBe(403);
    expect((await api('POST', `/outgoing/${copy.stp}/recall`, 'vt.stp', { version: 1, reason })).statusCode).toBe(404);
    expect((await api('POST', `/outgoing/${out}/recall`, 'vt.snv', { version: version - 1, reason })).statusCode).toBe(409);
    // Justice has routed its copy meanwhile: its handler's assignment is cancelled by the recall.
    const routed = await api('POST', `/incoming/${copy.stp}/actions`, 'lanhdao.stp', { action: 'route', version: (await doc(copy.stp, 'vt.stp')).version, lead: { unitId: u['H30.102.01'] }, dueInWorkingDays: 10 });
    expect(routed.statusCode, routed.body).toBe(200);

    const annexId = (await doc(copy.stp, 'vt.stp')).attachments[0].id as number;
    const download = () => api('GET', `/documents/${copy.stp}/attachments/${annexId}`, 'vt.stp');
    const before = await download();
    expect([before.statusCode, sha256Hex(before.rawPayload)]).toEqual([200, sha256Hex(annex)]);

    const res = await api('POST', `/outgoing/${out}/recall`, 'lanhdao.snv', { version, reason });
    expect(res.statusCode, res.body).toBe(200);
    expect((await download()).statusCode).toBe(404);
    expect(res.json()).toMatchObject({ status: 'recalled', statusLabel: 'Đã thu hồi', allowedActions: [] });
    expect(res.json().events.at(-1)).toMatchObject({ action: 'recalled', note: reason });
    const again = await api('POST', `/outgoing/${out}/recall`, 'lanhdao.snv', { version: res.json().version, reason });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'ALREADY_RECALLED']);

    const withdrawn = await doc(copy.stp, 'vt.stp');
    expect(withdrawn).toMatchObject({ status: 'recalled', hasFile: false, attachments: [], allowedActions: [] });
    expect(withdrawn.assignments.map((a: { status: string }) => a.status)).toEqual(['cancelled']);
    // The row and its history stay: the recall's metadata (what was withdrawn, why) is kept.
    const event = withdrawn.events.find((e: { action: string }) => e.action === 'recalled');
    expect(event).toMatchObject({ note: reason, details: { previousStatus: 'routed', withdrawnFiles: [{ fileName: 'phu-luc.pdf', sha256: sha256Hex(annex) }], cancelledAssignments: 1 } });
    expect(withdrawn.events.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['delivered', 'registered', 'recalled']));
    // The copy sent back earlier stays returned; the failed delivery keeps its reason.
    expect((await doc(copy.sxd, 'vt.sxd')).status).toBe('returned');
    expect((await deliveries(out, 'vt.snv')).map((d) => d.status)).toEqual(['recalled', 'returned', 'failed', 'recalled']);
    expect((await deliveries(copy.stp, 'vt.stp'))[0]).toMatchObject({ status: 'recalled', reason, recalledAt: TEST_NOW.toISOString() });
    // The sender keeps its own record and file.
    expect((await doc(out)).hasFile).toBe(true);
  });

  it('tells the outside receiver of the recall: its copy\'s files are deleted there', async () => {
    await runExchangeJobs();
    const [envelope] = await counterpart.received();
    expect(envelope!.recall).toMatchObject({ Reason: expect.stringContaining('Thu hồi để điều chỉnh') });
    const res = await fetch(`${counterpart.url}/envelopes/${envelope!.key}/files/${envelope!.Attachments[0]!.Sha256}`);
    expect(res.status).toBe(404);
    expect((await doc(out)).events.map((e: { action: string }) => e.action)).toContain('recall_delivered');
  });
});

describe('the outbox when the outside receiver is down', () => {
  it('keeps the release, retries with back-off, then gives up and tells the sender why', async () => {
    outage.down = true;
    try {
      const id = await released('Báo cáo kết quả thực hiện cải cách hành chính quý I năm 2026', [{ name: 'Văn phòng Chính phủ' }]);
      let d = (await deliveries(id, 'vt.snv'))[0]!;
      expect(d).toMatchObject({ status: 'pending', transport: 'local' });
      await runExchangeJobs();
      d = (await deliveries(id, 'vt.snv'))[0]!;
      expect(d).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('ECONNREFUSED') });
      // The scheduler's back-off (at most an hour between tries): run it well after each.
      for (let hour = 2; hour <= 16; hour += 2) await runExchangeJobs(new Date(TEST_NOW.getTime() + hour * 3_600_000));
      d = (await deliveries(id, 'vt.snv'))[0]!;
      expect(d).toMatchObject({ status: 'failed', attempts: 8, reason: expect.stringContaining('Không gửi được sau 8 lần thử') });
      expect((await doc(id)).events.map((e: { action: string }) => e.action)).toContain('delivery_failed');
      expect((await counterpart.received()).map((e) => e.To[0]!.OrganName)).not.toContain('Văn phòng Chính phủ');
    } finally {
      outage.down = false;
    }
  });
});
