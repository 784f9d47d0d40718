import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroyAgent, freshDemoDatabase, intakeBody, login, request, sleep, startServer, type FreshDatabase, type Server } from './support.js';

/**
 * A job worker killed mid-job. The outbox delivery job (`notify.deliver`) is sending an e-mail to a
 * local SMTP server that has received the message but stalls before accepting it; the server is
 * killed with SIGKILL right then, and started again.
 *
 * What the design promises (docs/OPERATIONS.md, delivery.ts, scheduler.ts): jobs run at least once —
 * the dead worker's lease ends and the job runs again; the outbox sends each message **at most
 * once by itself** — the message whose send was cut is marked `uncertain` and never resent
 * automatically, staff may retry it, and every copy carries the same Message-ID. So: after the
 * restart the job runs again, every other message is accepted exactly once, the interrupted one is
 * `uncertain` and not resent, and a staff retry delivers it once with the Message-ID it had.
 */
type Received = { messageId: string; to: string[]; accepted: boolean };

/**
 * Minimal SMTP listener on loopback; `stallNext(to)` keeps the next message for one of `to` unanswered.
 * The demo's own staff reminders may be in the outbox too (they depend on the hour the demo was
 * made), so the test stalls and counts only the messages it wrote.
 */
async function startSmtp() {
  const received: Received[] = [];
  let stallFor: Set<string> | undefined;
  let stalled: ((messageId: string) => void) | undefined;
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? '?';
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        if (stallFor && to.some((a) => stallFor!.has(a))) {
          stallFor = undefined;
          received.push({ messageId, to, accepted: false });
          stalled?.(messageId);
          return; // never answers: the sender waits, mid-job
        }
        received.push({ messageId, to, accepted: true });
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    /** The next message for one of `to` is received and left unanswered; resolves with its Message-ID. */
    stallNext: (to: string[]) => new Promise<string>((resolve) => { stallFor = new Set(to); stalled = resolve; }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('a job worker killed mid-job', () => {
  let db: FreshDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let server: Server | undefined;
  beforeAll(async () => {
    db = await freshDemoDatabase('motcua_res_jobs');
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
    await db?.drop();
    await destroyAgent();
  });

  it('runs the job again after a restart; each message is accepted once, the interrupted one is uncertain until staff retry it', async () => {
    // The worker polls every 200 ms so the test does not wait 5 s per pass; deliveries start at once.
    const start = () => startServer({ databaseUrl: db.url, dataDir: db.dataDir, env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}?from=motcua@laocai.example`, MOTCUA_JOBS_POLL_MS: '200' } });
    // Other mail waits in the outbox too, as the demo's staff reminders may (they depend on the hour the
    // demo was made): the job sends them alongside, and the counts below are of the test's own messages.
    for (let i = 1; i <= 4; i++) {
      await sql`insert into outbox_messages (dedupe_key, channel, recipient, subject, body, unit_ids, next_attempt_at, created_at)
        values (${`job-crash-other-${i}`}, 'email', ${`canbo${i}@example.vn`}, 'Nhắc việc', 'Hồ sơ sắp đến hạn', '{}', now(), now())`.execute(db.handle.db);
    }
    server = await start();
    const desk = await login(server.port, 'motcua.tanphong');
    const ours = [1, 2, 3].map((i) => `nguoidan${i}@example.vn`);
    const mine = (m: Received) => m.to.some((a) => ours.includes(a));
    const firstStalled = smtp.stallNext(ours);
    // Three receipts to three applicants, each a message in the outbox written with its intake.
    const codes: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const res = await request(server.port, 'POST', '/api/v1/dossiers', { session: desk, body: intakeBody(`jobs-${process.pid}-${i}`, { applicant: { kind: 'citizen', fullName: `Lò Thị Hương ${i}`, email: ours[i - 1]! } }) });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      codes.push(res.json.code);
    }
    const interruptedId = await Promise.race([firstStalled, sleep(60_000).then(() => { throw new Error('the delivery job never reached the SMTP server'); })]);
    const mid = await sql<{ id: string; status: string }>`select id, status from outbox_messages where channel = 'email' and recipient = any(${ours}) order by id`.execute(db.handle.db);
    expect(mid.rows.filter((r) => r.status === 'sending').length, 'a message is being sent when the worker dies').toBe(1);
    await server.kill9();

    // The dead worker's leases (job: 5 min, outbox claim: 2 min) would end by themselves; the test
    // ends them instead of waiting, as the passing of that time would.
    await sql`update jobs set locked_until = now() - interval '1 second' where locked_until is not null`.execute(db.handle.db);
    await sql`update outbox_messages set locked_until = now() - interval '1 second' where status = 'sending'`.execute(db.handle.db);
    const job = await sql<{ attempts: number; run_at: Date }>`select attempts, run_at from jobs where unique_key = 'recurring:notify.deliver'`.execute(db.handle.db);
    expect(job.rows[0]!.attempts, 'the delivery job was claimed by the dead worker').toBe(1);

    server = await start();
    const deadline = Date.now() + 60_000;
    let rows: { id: string; status: string; attempts: number; reference: string }[] = [];
    for (;;) {
      rows = (await sql<{ id: string; status: string; attempts: number; reference: string }>`select id, status, attempts, reference from outbox_messages where channel = 'email' and recipient = any(${ours}) order by id`.execute(db.handle.db)).rows;
      if (rows.every((r) => r.status === 'sent' || r.status === 'uncertain')) break;
      if (Date.now() > deadline) throw new Error(`the job did not run again: ${JSON.stringify(rows)}`);
      await sleep(250);
    }
    const after = await sql<{ attempts: number; locked_by: string | null; run_at: Date }>`select attempts, locked_by, run_at from jobs where unique_key = 'recurring:notify.deliver'`.execute(db.handle.db);
    expect(after.rows[0]!.run_at.getTime(), 'the job ran again and was rescheduled').toBeGreaterThan(job.rows[0]!.run_at.getTime());

    const uncertain = rows.filter((r) => r.status === 'uncertain');
    expect(uncertain.length, 'the interrupted message is uncertain').toBe(1);
    expect(rows.filter((r) => r.status === 'sent').length).toBe(2);
    const accepted = smtp.received.filter((m) => m.accepted && mine(m));
    expect(accepted.length, 'the other messages accepted once each').toBe(2);
    expect(new Set(accepted.map((m) => m.messageId)).size).toBe(2);
    expect(accepted.map((m) => m.messageId), 'the interrupted message was not resent by itself').not.toContain(interruptedId);

    // Staff see it and retry it: delivered once, with the Message-ID the first copy carried.
    const admin = await login(server.port, 'admin');
    const retry = await request(server.port, 'POST', `/api/v1/admin/outbox/${uncertain[0]!.id}/retry`, { session: admin });
    expect(retry.status, JSON.stringify(retry.json)).toBe(200);
    while (smtp.received.filter((m) => m.accepted && mine(m)).length < 3 && Date.now() < deadline + 30_000) await sleep(250);
    await sleep(1_000); // a second, unwanted copy would arrive within a pass or two
    const final = smtp.received.filter((m) => m.accepted && mine(m));
    expect(final.length).toBe(3);
    expect(final.filter((m) => m.messageId === interruptedId).length, 'the retried copy carries the same Message-ID').toBe(1);
    const settled = await sql<{ status: string }>`select status from outbox_messages where channel = 'email' and recipient = any(${ours})`.execute(db.handle.db);
    expect(settled.rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);

    console.log(`RESILIENCE job worker killed mid-send: 3 outbox e-mails, SIGKILL while the SMTP server held message 1; after restart the delivery job ran again: ` +
      `2 accepted once each, 1 uncertain and not resent; staff retry → accepted once with the same Message-ID; SMTP acceptances ${final.length} for 3 messages`);
  });
});
