import type { Selectable } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { systemContext } from '../../platform/http/context.js';
import { enqueueJob, type Job } from '../../platform/jobs/index.js';
import type { RegDeliveriesTable } from './exchange.tables.js';
import type { DocumentRow, RegistryDeps } from './registry.context.js';
import * as repo from './registry.repository.js';
import type { Recipient } from './registry.tables.js';
import { documentTypeName } from './rules/document-types.js';
import { priorityOf, secrecyOf, sha256Hex, splitSymbol, type EnvelopeAttachment, type ExchangeEnvelope } from './transport/exchange-transport.js';

type Delivery = Selectable<RegDeliveriesTable>;

export const SEND_JOB = 'registry.exchange.send';
export const RECALL_JOB = 'registry.exchange.recall';
/** With the scheduler's back-off (30 s doubling, capped at an hour) eight tries span about two hours. */
const SEND_ATTEMPTS = 8;

/**
 * Sending to addressees outside the province (issue 19 scope 3). The release transaction only writes the
 * delivery (`pending`) and enqueues a job in that same transaction — the jobs table is the outbox: the
 * send exists exactly when the release committed, survives a restart, and is retried with back-off. The
 * network call is never made inside the release transaction (a slow or dead receiver would hold the
 * numbering lock, and a rolled-back release must not have reached anyone). A direct call after COMMIT
 * was not chosen: the outgoing part owns that transaction, and a crash between COMMIT and the call
 * would lose the send. The receiver must therefore accept a repeated envelope (same EnvelopeId).
 */
export function createOutsideSender(deps: RegistryDeps) {
  const { db } = deps;

  /** Writes in the release transaction; the job picks it up once committed. */
  const enqueueSend = (trx: Parameters<typeof enqueueJob>[0], deliveryId: number) =>
    enqueueJob(trx, SEND_JOB, { runAt: deps.now(), uniqueKey: `${SEND_JOB}:${deliveryId}`, payload: { deliveryId }, maxAttempts: SEND_ATTEMPTS });
  const enqueueRecall = (trx: Parameters<typeof enqueueJob>[0], deliveryId: number) =>
    enqueueJob(trx, RECALL_JOB, { runAt: deps.now(), uniqueKey: `${RECALL_JOB}:${deliveryId}`, payload: { deliveryId }, maxAttempts: SEND_ATTEMPTS });

  const envelopeIdOf = (d: Pick<Delivery, 'id'>, senderCode: string | null, senderId: number) => `${senderCode ?? `unit-${senderId}`}:reg-delivery:${d.id}`;

  async function senderOf(doc: DocumentRow) {
    const units = await deps.org.allUnits();
    const sender = units.find((u) => u.id === doc.unit_id);
    const names = new Map(units.map((u) => [u.id, u.name]));
    return { code: sender?.code ?? null, name: sender?.name ?? '', unitName: (id: number) => names.get(id) ?? '' };
  }

  /** The document as the input data standard describes it (Appendix VI Part II), with every file it carries. */
  async function envelopeFor(d: Delivery, doc: DocumentRow): Promise<ExchangeEnvelope> {
    const sender = await senderOf(doc);
    const rows = await db.selectFrom('reg_attachments').select(['file_key', 'file_name', 'mime', 'main']).where('document_id', '=', doc.id).orderBy('id').execute();
    const files: { key: string; name: string; mime: string; main: boolean }[] = rows.map((r) => ({ key: r.file_key, name: r.file_name, mime: r.mime, main: r.main }));
    // The released copy itself (rendered at release when no signed main file was attached).
    if (doc.file_key && !files.some((f) => f.key === doc.file_key)) {
      files.unshift({ key: doc.file_key, name: `${(doc.symbol ?? `van-ban-${doc.id}`).replace(/[^\p{L}\p{N}._-]+/gu, '-')}.pdf`, mime: 'application/pdf', main: true });
    }
    const attachments: EnvelopeAttachment[] = [];
    for (const f of files) {
      const bytes = await deps.files.get(f.key);
      if (!bytes) throw new Error(`Tệp ${f.name} của văn bản không còn trong kho lưu trữ.`);
      attachments.push({ Name: f.name, Mime: f.mime, Size: bytes.length, Sha256: sha256Hex(bytes), Main: f.main, ContentBase64: bytes.toString('base64') });
    }
    const issuer = { OrganId: sender.code, OrganName: doc.issuer_name ?? sender.name };
    return {
      EnvelopeId: envelopeIdOf(d, sender.code, doc.unit_id),
      From: { OrganId: sender.code, OrganName: sender.name },
      To: [{ OrganId: null, OrganName: d.to_name }],
      ToPlaces: (doc.recipients as Recipient[]).map((r) => (r.unitId ? sender.unitName(r.unitId) || r.name || '' : r.name ?? '')).filter(Boolean),
      Document: {
        ...issuer, ...splitSymbol(doc.symbol, doc.number), IssuedDate: doc.issued_on ?? '', TypeName: documentTypeName(doc.doc_type), Subject: doc.subject,
        PageAmount: doc.pages, SignerInfo: { Position: doc.signer_title, FullName: doc.signer_name },
        Priority: priorityOf(doc.urgency), Secrecy: secrecyOf(doc.confidentiality), DueDate: null,
      },
      Attachments: attachments,
    };
  }

  /** One try of one delivery; throws to be retried, and gives up (delivery `failed`) after the last try. */
  async function send(deliveryId: number, job: Pick<Job, 'attempts' | 'maxAttempts'>): Promise<void> {
    const d = await db.selectFrom('reg_deliveries').selectAll().where('id', '=', deliveryId).executeTakeFirst();
    if (!d || d.status !== 'pending') return;
    const doc = await repo.findDocument(db, d.document_id);
    if (!doc) return;
    const transport = deps.exchangeTransport;
    let receiptId: string;
    try {
      if (!transport) throw new Error('Chưa kết nối trục liên thông văn bản với bên ngoài.');
      receiptId = (await transport.send(await envelopeFor(d, doc))).receiptId;
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 1500);
      const final = !transport || job.attempts >= job.maxAttempts;
      await inTransaction(db, async (trx) => {
        const at = deps.now();
        const res = await trx.updateTable('reg_deliveries').set({
          attempts: d.attempts + 1, last_error: message, updated_at: at,
          ...(final ? { status: 'failed' as const, failed_at: at, reason: `Không gửi được sau ${job.attempts} lần thử: ${message}` } : {}),
        }).where('id', '=', d.id).where('status', '=', 'pending').executeTakeFirst();
        if (final && Number(res.numUpdatedRows) === 1) {
          await repo.insertEvent(trx, doc.id, null, 'delivery_failed', at, message, { deliveryId: d.id, toName: d.to_name, transport: d.transport });
          await recordAudit(trx, systemContext(`job:${SEND_JOB}`), { action: 'registry.exchange_send_failed', entity: 'registry_document', entityId: doc.id, unitId: doc.unit_id, after: { deliveryId: d.id, toName: d.to_name }, note: message });
        }
      });
      if (!final) throw err;
      return;
    }
    await inTransaction(db, async (trx) => {
      const at = deps.now();
      const cur = await trx.selectFrom('reg_deliveries').select(['status']).where('id', '=', d.id).forUpdate().executeTakeFirstOrThrow();
      if (cur.status === 'pending') {
        await trx.updateTable('reg_deliveries').set({ status: 'delivered', delivered_at: at, receipt_id: receiptId, attempts: d.attempts + 1, last_error: null, updated_at: at }).where('id', '=', d.id).execute();
        await repo.insertEvent(trx, doc.id, null, 'delivered', at, null, { deliveryId: d.id, toName: d.to_name, transport: d.transport, receiptId });
        await recordAudit(trx, systemContext(`job:${SEND_JOB}`), { action: 'registry.exchange_sent', entity: 'registry_document', entityId: doc.id, unitId: doc.unit_id, after: { deliveryId: d.id, toName: d.to_name, receiptId } });
      } else if (cur.status === 'recalled') {
        // Recalled while the envelope was on its way: the receiver holds it now and must be told.
        await trx.updateTable('reg_deliveries').set({ receipt_id: receiptId, updated_at: at }).where('id', '=', d.id).execute();
        await enqueueRecall(trx, d.id);
      }
    });
  }

  /** Tells an outside receiver that held the document of its recall (Appendix VI: the copy is deleted there). */
  async function notifyRecall(deliveryId: number): Promise<void> {
    const d = await db.selectFrom('reg_deliveries').selectAll().where('id', '=', deliveryId).executeTakeFirst();
    const transport = deps.exchangeTransport;
    if (!d || d.status !== 'recalled' || !d.receipt_id || d.recall_receipt_id || !transport?.recall) return;
    const doc = await repo.findDocument(db, d.document_id);
    if (!doc) return;
    const sender = await senderOf(doc);
    const { receiptId } = await transport.recall({ EnvelopeId: envelopeIdOf(d, sender.code, doc.unit_id), Reason: d.reason ?? '', RecalledAt: (d.recalled_at ?? deps.now()).toISOString() });
    await inTransaction(db, async (trx) => {
      const at = deps.now();
      await trx.updateTable('reg_deliveries').set({ recall_receipt_id: receiptId, updated_at: at }).where('id', '=', d.id).execute();
      await repo.insertEvent(trx, doc.id, null, 'recall_delivered', at, null, { deliveryId: d.id, toName: d.to_name, receiptId });
      await recordAudit(trx, systemContext(`job:${RECALL_JOB}`), { action: 'registry.exchange_recall_sent', entity: 'registry_document', entityId: doc.id, unitId: doc.unit_id, after: { deliveryId: d.id, toName: d.to_name, receiptId } });
    });
  }

  function registerJobs(jobs: { register(kind: string, handler: (job: Job) => Promise<void>): void }): void {
    jobs.register(SEND_JOB, (job) => send(Number(job.payload.deliveryId), job));
    jobs.register(RECALL_JOB, (job) => notifyRecall(Number(job.payload.deliveryId)));
  }

  return { enqueueSend, enqueueRecall, registerJobs, envelopeFor };
}
