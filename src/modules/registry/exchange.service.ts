import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { can, type Actor } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { ActionsProvider } from './documents.service.js';
import { createOutsideSender } from './exchange-outside.js';
import { copyOnRecall, deliveryOnRecall, DELIVERY_STATUS_LABELS, exchangeActions, mayRecall, mayReturn, needsRecallNotice, planDeliveries, type PlannedDelivery } from './exchange-rules.js';
import type { RecallInput, ReturnInput } from './exchange.schema.js';
import type { RegDeliveriesTable } from './exchange.tables.js';
import { actorOf, documentNotFound, staleVersion, vnDay, type DocumentRow, type ExchangeHooks, type RegistryDeps } from './registry.context.js';
import { loadReadable as loadReadableDocument } from './readable.js';
import * as repo from './registry.repository.js';
import type { Recipient } from './registry.tables.js';
import { documentTypeName } from './rules/document-types.js';
import { searchKey } from './rules/search.js';

type Delivery = Selectable<RegDeliveriesTable>;

const notRecallable = (doc: DocumentRow) => (doc.status === 'recalled'
  ? errors.conflict('ALREADY_RECALLED', 'Văn bản đã được thu hồi trước đó.', 'The document was already recalled.')
  : errors.conflict('NOT_RECALLABLE', 'Chỉ thu hồi được văn bản đã ban hành.', 'Only a released document can be recalled.'));
const notReturnable = () => errors.conflict('NOT_RETURNABLE',
  'Chỉ trả lại được văn bản nhận qua trục liên thông khi văn thư còn giữ (chờ vào sổ hoặc đã vào sổ, chưa phân công giải quyết).',
  'Only a document received through the exchange and not yet routed to a handler can be returned.');

/**
 * Electronic exchange between units (issue 19 scope 3, Decree 30/2020 arts 16–20, Appendix VI). A release
 * delivers the document to every addressee in its own transaction (ExchangeHooks.onReleased): a copy in
 * status `arrived` at each addressee's records office, or a send through the outside transport after
 * COMMIT (exchange-outside.ts). Registering a copy sends the reception receipt back; the sender may recall
 * (every copy withdrawn) and the receiver may return a wrongly addressed copy. The sender sees every
 * delivery; a receiver only its own.
 */
export function createExchangeService(deps: RegistryDeps) {
  const { db } = deps;
  const outside = createOutsideSender(deps);

  /** One copy per addressee agency, made inside the release transaction (trx only: one connection on PGlite). */
  async function makeCopy(trx: Tx, doc: DocumentRow, agencyId: number, senderName: string, at: Date): Promise<number> {
    const issuer = doc.issuer_name ?? senderName;
    const copy = await trx.insertInto('reg_documents').values({
      unit_id: agencyId, direction: 'in', status: 'arrived', channel: 'exchange', sender_unit_id: doc.unit_id,
      doc_type: doc.doc_type, legal: doc.legal, subject: doc.subject, number: doc.number, symbol: doc.symbol, issued_on: doc.issued_on,
      issuer_name: issuer, signer_name: doc.signer_name, signer_title: doc.signer_title, signing_prefix: doc.signing_prefix,
      urgency: doc.urgency, confidentiality: doc.confidentiality, pages: doc.pages, recipients: '[]',
      // The same stored files (content-addressed keys): the copy is the sender's electronic original.
      file_key: doc.file_key, file_sha256: doc.file_sha256,
      search_text: searchKey([doc.symbol, doc.subject, issuer, doc.signer_name, documentTypeName(doc.doc_type)]),
      created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    const files = await trx.selectFrom('reg_attachments').selectAll().where('document_id', '=', doc.id).orderBy('id').execute();
    if (files.length) {
      await trx.insertInto('reg_attachments').values(files.map((f) => ({
        document_id: copy.id, file_key: f.file_key, file_name: f.file_name, mime: f.mime, size: f.size, sha256: f.sha256, main: f.main,
        signatures: f.signatures === null ? null : JSON.stringify(f.signatures), added_by_staff_id: null, created_at: at,
      }))).execute();
    }
    return copy.id;
  }

  /** ExchangeHooks.onReleased: each addressee gets its copy or its send, the sender its receipts. */
  async function onReleased(trx: Tx, doc: DocumentRow, ctx: RequestContext): Promise<void> {
    const recipients = doc.recipients as Recipient[];
    if (doc.direction !== 'out' || !recipients.length) return;
    const at = deps.now();
    // The org tree read through trx, not deps.org: the release transaction holds PGlite's only connection.
    const units = (await trx.selectFrom('org_units').select(['id', 'parent_id', 'name', sql<string | null>`to_char(effective_to, 'YYYY-MM-DD')`.as('effective_to')]).execute())
      .map((u) => ({ id: u.id, parentId: u.parent_id, name: u.name, effectiveTo: u.effective_to }));
    const agencies = await repo.agencyIds(trx);
    const senderName = units.find((u) => u.id === doc.unit_id)?.name ?? '';
    const plan = planDeliveries(recipients, units, agencies, vnDay(at));
    const copies = new Map<number, number>();
    const summary: { toName: string; status: string; incomingDocumentId: number | null }[] = [];
    const actor = ctx.actor ?? null;
    for (const p of plan) {
      const planned = p.kind === 'outside' && !deps.exchangeTransport
        ? { kind: 'failed', toUnitId: null, toName: p.toName, reason: 'Chưa kết nối trục liên thông văn bản với cơ quan ngoài hệ thống; hãy gửi bản giấy.' } satisfies PlannedDelivery
        : p;
      if (planned.kind === 'internal') {
        let copyId = copies.get(planned.agencyId);
        const first = copyId === undefined;
        if (copyId === undefined) copies.set(planned.agencyId, (copyId = await makeCopy(trx, doc, planned.agencyId, senderName, at)));
        const receiptId = randomUUID();
        const d = await trx.insertInto('reg_deliveries').values({
          document_id: doc.id, to_unit_id: planned.toUnitId, to_name: planned.toName, transport: 'internal', status: 'delivered',
          incoming_document_id: copyId, receipt_id: receiptId, delivered_at: at, created_at: at, updated_at: at,
        }).returning('id').executeTakeFirstOrThrow();
        if (first) await repo.insertEvent(trx, copyId, null, 'delivered', at, null, { senderUnitId: doc.unit_id, senderName, symbol: doc.symbol, receiptId });
        await repo.insertEvent(trx, doc.id, actor, 'delivered', at, null, { deliveryId: d.id, toUnitId: planned.toUnitId, toName: planned.toName, receiptId });
        summary.push({ toName: planned.toName, status: 'delivered', incomingDocumentId: copyId });
      } else if (planned.kind === 'outside') {
        const d = await trx.insertInto('reg_deliveries').values({
          document_id: doc.id, to_name: planned.toName, transport: deps.exchangeTransport!.name, status: 'pending', created_at: at, updated_at: at,
        }).returning('id').executeTakeFirstOrThrow();
        await outside.enqueueSend(trx, d.id);
        await repo.insertEvent(trx, doc.id, actor, 'delivery_queued', at, null, { deliveryId: d.id, toName: planned.toName, transport: deps.exchangeTransport!.name });
        summary.push({ toName: planned.toName, status: 'pending', incomingDocumentId: null });
      } else {
        const d = await trx.insertInto('reg_deliveries').values({
          document_id: doc.id, to_unit_id: planned.toUnitId, to_name: planned.toName, transport: p.kind === 'outside' ? 'none' : 'internal',
          status: 'failed', reason: planned.reason, failed_at: at, created_at: at, updated_at: at,
        }).returning('id').executeTakeFirstOrThrow();
        await repo.insertEvent(trx, doc.id, actor, 'delivery_failed', at, planned.reason, { deliveryId: d.id, toUnitId: planned.toUnitId, toName: planned.toName });
        summary.push({ toName: planned.toName, status: 'failed', incomingDocumentId: null });
      }
    }
    await recordAudit(trx, ctx, { action: 'registry.exchange_delivered', entity: 'registry_document', entityId: doc.id, unitId: doc.unit_id, after: { deliveries: summary } });
  }

  /** ExchangeHooks.onRegistered: the reception receipt the sender sees (Decree 30 art. 20: notified the same day). */
  async function onRegistered(trx: Tx, doc: DocumentRow, ctx: RequestContext): Promise<void> {
    if (doc.direction !== 'in' || doc.channel !== 'exchange') return;
    const at = deps.now();
    const rows = await trx.updateTable('reg_deliveries').set({ status: 'received', received_at: at, updated_at: at })
      .where('incoming_document_id', '=', doc.id).where('status', '=', 'delivered')
      .returning(['id', 'document_id', 'to_unit_id', 'to_name']).execute();
    if (!rows.length) return;
    for (const r of rows) {
      await repo.insertEvent(trx, r.document_id, ctx.actor ?? null, 'receipt_received', at, null, {
        deliveryId: r.id, toUnitId: r.to_unit_id, toName: r.to_name, arrivalNumber: doc.arrival_number, arrivalOn: doc.arrival_on,
      });
    }
    await recordAudit(trx, ctx, { action: 'registry.exchange_received', entity: 'registry_document', entityId: doc.id, unitId: doc.unit_id, after: { deliveryIds: rows.map((r) => r.id), arrivalNumber: doc.arrival_number } });
  }

  const allowedActions: ActionsProvider = (actor, doc, parties) =>
    exchangeActions(doc, { register: can(actor, 'document.register', doc.unit_id), sign: can(actor, 'document.sign', doc.unit_id) }, parties.staffIds.size + parties.unitIds.size);

  const loadReadable = (actor: Actor, id: number) => loadReadableDocument(db, actor, id);

  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const deliveryView = (d: Delivery) => ({
    id: d.id, documentId: d.document_id, toUnitId: d.to_unit_id, toName: d.to_name, transport: d.transport, status: d.status, statusLabel: DELIVERY_STATUS_LABELS[d.status],
    deliveredAt: iso(d.delivered_at), receivedAt: iso(d.received_at), returnedAt: iso(d.returned_at), recalledAt: iso(d.recalled_at), failedAt: iso(d.failed_at),
    reason: d.reason, receiptId: d.receipt_id, incomingDocumentId: d.incoming_document_id, attempts: d.attempts, lastError: d.last_error,
  });

  /** The sender sees every delivery of its outgoing document; a receiver, from its copy, only its own. */
  async function deliveries(ctx: RequestContext, id: number) {
    const { row } = await loadReadable(actorOf(ctx), id);
    const rows = await db.selectFrom('reg_deliveries').selectAll()
      .where(row.direction === 'out' ? 'document_id' : 'incoming_document_id', '=', id).orderBy('id').execute();
    return rows.map(deliveryView);
  }

  /**
   * The sender recalls a released document (Appendix VI: freeze the outgoing one, delete the incoming
   * copies, keep the metadata of the recall): the outgoing is `recalled` and nothing more is done to it;
   * each copy is `recalled`, its files no longer served and its open assignments cancelled, its row and
   * history kept; every delivery on its way or done is `recalled`, and outside receivers are told.
   */
  async function recall(ctx: RequestContext, id: number, input: RecallInput) {
    const actor = actorOf(ctx);
    const { row } = await loadReadable(actor, id);
    if (row.direction !== 'out') throw documentNotFound();
    if (!can(actor, 'document.register', row.unit_id) && !can(actor, 'document.sign', row.unit_id)) throw errors.forbidden();
    if (!mayRecall(row)) throw notRecallable(row);
    if (input.version !== row.version) throw staleVersion();
    await inTransaction(db, async (trx) => {
      const at = deps.now();
      const res = await trx.updateTable('reg_documents').set({ status: 'recalled', version: row.version + 1, updated_at: at })
        .where('id', '=', id).where('version', '=', input.version).where('status', '=', 'released').executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
      const list = await trx.selectFrom('reg_deliveries').selectAll().where('document_id', '=', id).orderBy('id').forUpdate().execute();
      const copyIds = [...new Set(list.flatMap((d) => (d.incoming_document_id === null ? [] : [d.incoming_document_id])))];
      const copies = copyIds.length ? await trx.selectFrom('reg_documents').selectAll().where('id', 'in', copyIds).orderBy('id').forUpdate().execute() : [];
      const withdrawn: number[] = [];
      for (const copy of copies) {
        if (copyOnRecall(copy.status) === 'keep') continue;
        const files = await trx.selectFrom('reg_attachments').select(['file_name', 'sha256', 'size', 'main']).where('document_id', '=', copy.id).orderBy('id').execute();
        // The copy's content is withdrawn, not the stored files: their keys are shared with the sender's record.
        await trx.deleteFrom('reg_attachments').where('document_id', '=', copy.id).execute();
        const cancelled = await trx.updateTable('reg_assignments').set({ status: 'cancelled' }).where('document_id', '=', copy.id).where('status', '=', 'open').returning('id').execute();
        await trx.updateTable('reg_documents').set({ status: 'recalled', file_key: null, version: copy.version + 1, updated_at: at }).where('id', '=', copy.id).execute();
        await repo.insertEvent(trx, copy.id, actor, 'recalled', at, input.reason, {
          previousStatus: copy.status, senderUnitId: row.unit_id, mainFileSha256: copy.file_sha256,
          withdrawnFiles: files.map((f) => ({ fileName: f.file_name, sha256: f.sha256, size: f.size, main: f.main })), cancelledAssignments: cancelled.length,
        });
        withdrawn.push(copy.id);
      }
      const recalled: number[] = [];
      for (const d of list) {
        if (deliveryOnRecall(d.status) === d.status) continue;
        await trx.updateTable('reg_deliveries').set({ status: 'recalled', recalled_at: at, reason: input.reason, updated_at: at }).where('id', '=', d.id).execute();
        if (needsRecallNotice(d)) await outside.enqueueRecall(trx, d.id);
        recalled.push(d.id);
      }
      await repo.insertEvent(trx, id, actor, 'recalled', at, input.reason, { deliveryIds: recalled, withdrawnCopies: withdrawn.length });
      await recordAudit(trx, ctx, {
        action: 'registry.exchange_recalled', entity: 'registry_document', entityId: id, unitId: row.unit_id,
        before: { status: row.status, version: row.version }, after: { status: 'recalled', withdrawnCopyIds: withdrawn, recalledDeliveryIds: recalled }, note: input.reason,
      });
    });
  }

  /** The receiver's records office sends a wrongly addressed copy back (Decree 30 art. 20); the sender sees why. */
  async function returnToSender(ctx: RequestContext, id: number, input: ReturnInput) {
    const actor = actorOf(ctx);
    const { row, parties } = await loadReadable(actor, id);
    if (row.direction !== 'in') throw documentNotFound();
    if (!can(actor, 'document.register', row.unit_id)) throw errors.forbidden();
    if (!mayReturn(row, parties.staffIds.size + parties.unitIds.size)) throw notReturnable();
    if (input.version !== row.version) throw staleVersion();
    await inTransaction(db, async (trx) => {
      const at = deps.now();
      const open = await trx.selectFrom('reg_assignments').select('id').where('document_id', '=', id).where('status', '=', 'open').execute();
      if (open.length) throw notReturnable();
      const res = await trx.updateTable('reg_documents').set({ status: 'returned', version: row.version + 1, updated_at: at })
        .where('id', '=', id).where('version', '=', input.version).where('status', 'in', ['arrived', 'registered']).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
      const rows = await trx.updateTable('reg_deliveries').set({ status: 'returned', returned_at: at, reason: input.reason, updated_at: at })
        .where('incoming_document_id', '=', id).where('status', 'in', ['delivered', 'received'])
        .returning(['id', 'document_id', 'to_unit_id', 'to_name']).execute();
      await repo.insertEvent(trx, id, actor, 'returned_to_sender', at, input.reason, { previousStatus: row.status, senderUnitId: row.sender_unit_id, deliveryIds: rows.map((r) => r.id) });
      for (const r of rows) await repo.insertEvent(trx, r.document_id, actor, 'delivery_returned', at, input.reason, { deliveryId: r.id, toUnitId: r.to_unit_id, toName: r.to_name });
      await recordAudit(trx, ctx, {
        action: 'registry.exchange_returned', entity: 'registry_document', entityId: id, unitId: row.unit_id,
        before: { status: row.status, version: row.version }, after: { status: 'returned', deliveryIds: rows.map((r) => r.id) }, note: input.reason,
      });
    });
  }

  const hooks: ExchangeHooks = { onReleased, onRegistered };
  return { ...hooks, allowedActions, deliveries, recall, returnToSender, registerJobs: outside.registerJobs };
}
export type ExchangeService = ReturnType<typeof createExchangeService>;
