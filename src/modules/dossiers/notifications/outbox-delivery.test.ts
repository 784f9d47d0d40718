import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeProcedure, inMemoryCatalog } from '../../../../test/support/procedure-factory.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/support/test-app.js';
import { createServices } from '../../../app.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { systemContext } from '../../../platform/http/context.js';
import { outboxMessageId } from '../../../platform/notify/delivery.js';
import { createNotifyService } from '../../../platform/notify/notify.service.js';
import { NO_SMS_REASON, smtpTransport, type MailTransport } from '../../../platform/notify/transports.js';
import * as repo from '../dossiers.repository.js';
import { createDossierService } from '../dossiers.service.js';
import { appendEvents } from '../event-writer.js';
import { reduce } from '../rules/reducer.js';

/** A real SMTP server on a random local port, which the test can stop and start again (the outage). */
type Mail = { to: string[]; raw: string; subject: string; text: string; messageId: string };
const inbox: Mail[] = [];
let smtp: SMTPServer;
let port = 0;
function startSmtp(): Promise<void> {
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), ...decodeMail(Buffer.concat(chunks).toString('utf8')) });
        done();
      });
    },
  });
  return new Promise((resolve) => { smtp.listen(port, '127.0.0.1', () => { port = (smtp.server.address() as AddressInfo).port; resolve(); }); });
}
const stopSmtp = () => new Promise<void>((resolve) => smtp.close(() => resolve()));

/** Just enough MIME for what nodemailer writes: RFC 2047 header words and a base64 text body. */
function decodeMail(raw: string): { raw: string; subject: string; text: string; messageId: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(headers)?.[1] ?? '';
  const words = (v: string) => v.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
  const body = rest.join('\n\n');
  const text = /base64/i.test(header('Content-Transfer-Encoding')) ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : body;
  return { raw, subject: words(header('Subject')), text, messageId: header('Message-ID').trim() };
}

let now = new Date('2026-03-02T09:00:00+07:00');
const later = (minutes: number) => { now = new Date(now.getTime() + minutes * 60_000); return now; };
let t: TestApp;
const s = {} as Record<string, Session>;
const applicant = { kind: 'citizen', fullName: 'Lò Thị Hương', idNumber: '012345678901', phone: '0912 345 678', email: 'huong.lo@example.vn', address: 'Bản Sang Ngà, phường Tân Phong' };
let keyCounter = 0;

beforeAll(async () => {
  await startSmtp();
  t = await createTestApp({
    now: () => now,
    env: { SMTP_URL: `smtp://127.0.0.1:${port}/?from=motcua@laichau.gov.vn` },
    override: (services) => ({ dossiers: createDossierService({ db: services.db, org: services.org, catalog: inMemoryCatalog([communeProcedure()]), deadlines: services.calendar.deadlines, keys: services.dataKeys, now: () => now }) }),
  });
  for (const u of ['motcua.tanphong', 'lanhdao.tanphong', 'lanhdao.sxd', 'chuyenvien.tanphong', 'admin']) s[u] = await t.login(u);
});
afterAll(async () => {
  await t?.close();
  await stopSmtp();
});

async function receive(who: Partial<typeof applicant> = applicant): Promise<string> {
  const res = await t.request('POST', '/api/v1/dossiers', { session: s['motcua.tanphong'], body: { procedureCode: '1.001193', channel: 'desk', applicant: who, resultDelivery: 'desk', idempotencyKey: `outbox-test-${++keyCounter}` } });
  expect(res.statusCode).toBe(201);
  return res.json().code;
}
const messagesOf = (code: string) => t.db.selectFrom('outbox_messages').selectAll().where('reference', '=', code).orderBy('id').execute();

describe('transactional outbox', () => {
  it('a rolled-back transaction leaves no message (and no event)', async () => {
    const code = await receive();
    const before = await messagesOf(code);
    expect(before.map((m) => [m.channel, m.template_key, m.status])).toEqual([['email', 'dossier.received', 'pending'], ['sms', 'dossier.received', 'pending']]);
    let inside = 0;
    await expect(inTransaction(t.db, async (trx) => {
      const row = (await repo.findByCode(trx, code, true))!;
      const events = await repo.loadEvents(trx, row.id);
      await appendEvents(trx, t.services.chain, systemContext('test'), row, reduce(events), events.at(-1)!.hash, [{ type: 'stopped', reason: 'Không đủ điều kiện' }], now, row.involved_unit_ids);
      inside = (await trx.selectFrom('outbox_messages').select('id').where('reference', '=', code).execute()).length;
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    expect(inside).toBe(4);
    expect(await messagesOf(code)).toHaveLength(2);
    const row = (await repo.findByCode(t.db, code))!;
    expect(await repo.loadEvents(t.db, row.id)).toHaveLength(1);
  });

  it('an SMTP outage leaves the mail pending with back-off; it goes out when the server returns', async () => {
    await t.services.jobs.runDueJobs(later(1)); // flush what earlier tests left
    const code = await receive();
    await stopSmtp();
    await t.services.jobs.runDueJobs(later(0.5));
    let [mail, sms] = await messagesOf(code);
    expect(mail).toMatchObject({ channel: 'email', status: 'pending', attempts: 1 });
    expect(mail!.next_attempt_at.getTime()).toBeGreaterThan(now.getTime());
    expect(mail!.last_error).toMatch(/ECONNREFUSED|ECONNECTION|connect/i);
    // No SMS provider is configured: the outbox records what would have been sent.
    expect(sms).toMatchObject({ channel: 'sms', status: 'not_sent', last_error: NO_SMS_REASON, recipient: '0912345678' });
    expect(sms!.body).toContain(code);

    await startSmtp();
    await t.services.jobs.runDueJobs(later(0.5)); // before the back-off ends: still waiting
    expect((await messagesOf(code))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    await t.services.jobs.runDueJobs(later(1));
    [mail] = await messagesOf(code);
    expect(mail).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    const got = inbox.filter((m) => m.messageId === outboxMessageId(mail!, 'laichau.gov.vn'));
    expect(got).toHaveLength(1);
    expect(got[0]!.to).toEqual(['huong.lo@example.vn']);
    expect(got[0]!.subject).toBe(`Hồ sơ ${code} đã được tiếp nhận`);
    expect(got[0]!.text).toContain('Kính gửi Ông/Bà Lò Thị Hương,');
    expect(got[0]!.text).toContain(`Mã hồ sơ: ${code}`);
    expect(got[0]!.text).toContain('Thủ tục: Đăng ký khai sinh');
    expect(got[0]!.text).toMatch(/Thời gian hẹn trả kết quả: 05\/03\/2026 09:0\d/);
    expect(got[0]!.raw).toMatch(/^From: motcua@laichau\.gov\.vn/im);
  });

  it('no message is sent twice after a crash between claim and completion: a restarted worker leaves it "uncertain"', async () => {
    await t.services.jobs.runDueJobs(later(1));
    const code = await receive({ ...applicant, phone: undefined, email: 'nguoinop2@example.vn' });
    // Worker A sends through the real server, then dies before recording it (it never returns).
    let wakeA!: () => void;
    const asleep = new Promise<void>((r) => { wakeA = r; });
    const real = smtpTransport(t.config.smtpUrl!, 'motcua@localhost');
    const dying: MailTransport = { name: 'smtp', async send(m) { const out = await real.send(m); await asleep; return out; } };
    const workerA = createNotifyService(t.db, { smtpUrl: t.config.smtpUrl, publicUrl: t.config.publicUrl, templates: [], mail: dying, workerId: 'worker-a' });
    const runA = workerA.deliverDue(now);
    const [mine] = await messagesOf(code);
    const messageId = outboxMessageId(mine!, 'laichau.gov.vn');
    await waitUntil(() => inbox.some((m) => m.messageId === messageId));
    expect((await messagesOf(code))[0]).toMatchObject({ status: 'sending', claimed_by: 'worker-a', attempts: 1 });

    // The restarted process: new services (new scheduler, new delivery worker) over the same database.
    const restarted = createServices(t.config, t);
    await restarted.jobs.runDueJobs(later(0.5)); // lease still running: hands off
    await restarted.jobs.runDueJobs(later(5)); // lease over: the fate is unknown, so it is not resent
    expect((await messagesOf(code))[0]).toMatchObject({ status: 'uncertain', attempts: 1 });
    expect(inbox.filter((m) => m.messageId === messageId)).toHaveLength(1);
    // Messages that were sent before the crash are not sent again either.
    expect(inbox.filter((m) => m.to.includes('huong.lo@example.vn')).length).toBe(new Set(inbox.filter((m) => m.to.includes('huong.lo@example.vn')).map((m) => m.messageId)).size);

    // Staff see it and decide; a retry reuses the same Message-ID, so the receiving side can tell.
    const listed = await t.request('GET', '/api/v1/admin/outbox?status=uncertain', { session: s['lanhdao.tanphong'] });
    expect(listed.json().items.map((i: { reference: string }) => i.reference)).toContain(code);
    const retried = await t.request('POST', `/api/v1/admin/outbox/${mine!.id}/retry`, { session: s['lanhdao.tanphong'] });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0 });
    await restarted.jobs.runDueJobs(later(1));
    expect((await messagesOf(code))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    expect(inbox.filter((m) => m.messageId === messageId)).toHaveLength(2);

    // Worker A wakes up late: its claim is no longer the row's, so it records nothing.
    wakeA();
    await runA;
    expect((await messagesOf(code))[0]).toMatchObject({ status: 'sent', claimed_by: restarted.notify.workerId });
  });

  it('a crash mid-send leaves only the message being sent uncertain; the others due with it go out after the restart', async () => {
    await t.services.jobs.runDueJobs(later(1));
    const codes: string[] = [];
    for (let i = 1; i <= 3; i++) codes.push(await receive({ ...applicant, phone: undefined, email: `nguoinop-crash${i}@example.vn` }));
    // Worker B hangs in its first send for ever: the process died there.
    let tried = 0;
    const hanging: MailTransport = { name: 'smtp', send: () => { tried++; return new Promise<never>(() => undefined); } };
    const workerB = createNotifyService(t.db, { smtpUrl: t.config.smtpUrl, publicUrl: t.config.publicUrl, templates: [], mail: hanging, workerId: 'worker-b' });
    void workerB.deliverDue(now);
    await waitUntil(() => tried === 1);
    const states = async () => (await Promise.all(codes.map(messagesOf))).flat().filter((m) => m.channel === 'email').map((m) => m.status).sort();
    expect(await states()).toEqual(['pending', 'pending', 'sending']);

    const restarted = createServices(t.config, t);
    await restarted.jobs.runDueJobs(later(5));
    expect(await states()).toEqual(['sent', 'sent', 'uncertain']);
  });
});

describe('outbox endpoints', () => {
  it('unit heads see their units’ messages, others’ answer 404, officers without the right 403; retry only when retryable', async () => {
    const code = await receive();
    const [mail] = await messagesOf(code);
    const own = await t.request('GET', `/api/v1/admin/outbox?reference=${encodeURIComponent(code)}`, { session: s['lanhdao.tanphong'] });
    expect(own.statusCode).toBe(200);
    expect(own.json().items).toHaveLength(2);
    expect(own.json().items[0]).toMatchObject({ reference: code, statusLabel: { vi: expect.any(String) } });
    const other = await t.request('GET', `/api/v1/admin/outbox?reference=${encodeURIComponent(code)}`, { session: s['lanhdao.sxd'] });
    expect(other.json().items).toHaveLength(0);
    expect((await t.request('POST', `/api/v1/admin/outbox/${mail!.id}/retry`, { session: s['lanhdao.sxd'] })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/v1/admin/outbox', { session: s['chuyenvien.tanphong'] })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/admin/outbox?status=lost', { session: s.admin })).statusCode).toBe(400);
    const pending = await t.request('POST', `/api/v1/admin/outbox/${mail!.id}/retry`, { session: s.admin });
    expect(pending.statusCode).toBe(409);
    expect(pending.json().error.code).toBe('OUTBOX_NOT_RETRYABLE');
    const page1 = await t.request('GET', '/api/v1/admin/outbox?limit=2', { session: s.admin });
    const page2 = await t.request('GET', `/api/v1/admin/outbox?limit=2&cursor=${page1.json().nextCursor}`, { session: s.admin });
    expect(page2.json().items[0].id).not.toBe(page1.json().items[0].id);
  });

  it('an administrator edits a template; the next message uses it; bad variables and stale versions are refused', async () => {
    const list = await t.request('GET', '/api/v1/admin/message-templates', { session: s.admin });
    const received = list.json().items.find((i: { key: string }) => i.key === 'dossier.received');
    expect(received).toMatchObject({ version: 0, edited: false });
    expect((await t.request('GET', '/api/v1/admin/message-templates', { session: s['lanhdao.tanphong'] })).statusCode).toBe(403);
    const body = { subject: 'UBND phường Tân Phong: đã nhận hồ sơ {{code}}', body: 'Kính gửi {{applicantName}}, đã nhận hồ sơ {{code}}, hẹn {{dueAt | date}}.', sms: 'Đã nhận hồ sơ {{code}}', version: 0 };
    const bad = await t.request('PUT', '/api/v1/admin/message-templates/dossier.received', { session: s.admin, body: { ...body, body: 'Xin chào {{hoTen}} {{code | tien}}' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { message: string }) => f.message).join(' ')).toContain('{{hoTen}}');
    const ok = await t.request('PUT', '/api/v1/admin/message-templates/dossier.received', { session: s.admin, body });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 1, edited: true });
    expect((await t.request('PUT', '/api/v1/admin/message-templates/dossier.received', { session: s.admin, body })).statusCode).toBe(409);
    const code = await receive();
    const [mail] = await messagesOf(code);
    expect(mail!.subject).toBe(`UBND phường Tân Phong: đã nhận hồ sơ ${code}`);
    expect(mail!.body).toBe(`Kính gửi Lò Thị Hương, đã nhận hồ sơ ${code}, hẹn 05/03/2026.`);
  });
});

async function waitUntil(cond: () => boolean, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
