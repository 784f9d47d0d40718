import { createHash } from 'node:crypto';
import type { Updateable } from 'kysely';
import { can, type Actor } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { loadViewNames } from './document-view.js';
import type { ActionsProvider } from './documents.service.js';
import { documentPdf, type DocumentPdfInput } from './exports/document-pdf.js';
import { OUTGOING_REGISTER_COLUMNS, outgoingRegisterPdf, registerRow } from './exports/outgoing-register.js';
import { allowedOutgoingActions, mayTake, OUTGOING_EVENTS, statusRefusal, type OutgoingAction } from './outgoing-rules.js';
import * as repo from './outgoing.repository.js';
import type { OutgoingActionInput, OutgoingCreateInput, OutgoingEditFields, OutgoingRegisterQuery } from './outgoing.schema.js';
import { actorOf, agencyOf, documentNotFound, invalid, mayRead, staleVersion, todayOf, vnDay, type DocumentRow, type ExchangeHooks, type RegistryDeps } from './registry.context.js';
import * as shared from './registry.repository.js';
import type { Recipient, RegDocumentsTable } from './registry.tables.js';
import { documentType, documentTypeName } from './rules/document-types.js';
import { formatSymbol, seriesKey, symbolTail, unitAbbreviation, type Numbering, type SymbolInput } from './rules/numbering.js';
import { searchKey } from './rules/search.js';

type Unit = Awaited<ReturnType<RegistryDeps['org']['allUnits']>>[number];
type OrgState = { units: Unit[]; byId: Map<number, Unit>; agencies: Set<number> };
type Change = { values: Updateable<RegDocumentsTable>; details: Record<string, unknown>; note?: string | null | undefined };

const NO_PARTIES = { staffIds: new Set<number>(), unitIds: new Set<number>() };

/**
 * Runs the releases of one series one after the other within this process. The database alone keeps
 * numbers unique and gap-free (the counter row stays locked until COMMIT); this queue only makes the
 * waiting happen here rather than in open transactions: a release holds its counter while it renders
 * the copy, and fifty releases of one series queued on the row lock would hold fifty pooled connections
 * and starve every other request. Other processes (several workers on PostgreSQL) still queue on the lock.
 */
function keyedQueue() {
  const tails = new Map<string, Promise<void>>();
  return <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const run = (tails.get(key) ?? Promise.resolve()).then(work);
    const tail = run.then(() => undefined, () => undefined);
    tails.set(key, tail);
    void tail.then(() => { if (tails.get(key) === tail) tails.delete(key); });
    return run;
  };
}
const REGISTER_LIMIT = 10_000;

/**
 * Outgoing documents (issue 19 scope 1; API.md "Outgoing"; Decree 30 art. 14): drafted in a section,
 * submitted to a signer of the agency, signed, then numbered and released by the records office with
 * its electronic copy, and delivered to the addressees in the same transaction (ExchangeHooks). Every
 * change is one transaction with its history row and audit event, under the document's version; the
 * org tree, settings and grants are read before it.
 */
export function createOutgoingService(deps: RegistryDeps, hooks: Pick<ExchangeHooks, 'onReleased'>) {
  const { db } = deps;
  const inSeriesOrder = keyedQueue();

  async function orgState(): Promise<OrgState> {
    const [units, agencies] = await Promise.all([deps.org.allUnits(), shared.agencyIds(db)]);
    return { units, byId: new Map(units.map((u) => [u.id, u])), agencies };
  }

  /** An outgoing document the caller may read, else 404 (its existence is not disclosed). */
  async function loadOutgoing(actor: Actor, id: number): Promise<DocumentRow> {
    const row = await shared.findDocument(db, id);
    if (!row || row.direction !== 'out') throw documentNotFound();
    if (!mayRead(actor, row, await shared.partiesOf(db, id))) throw documentNotFound();
    return row;
  }

  /** The agency that numbers what the unit drafts (its nearest ancestor with records-office settings). */
  function agencyFor(unitId: number, state: OrgState, path: string): number {
    if (!state.byId.has(unitId)) throw invalid(path, 'Đơn vị soạn thảo không tồn tại.', 'The drafting unit does not exist.');
    const agency = agencyOf(unitId, state.units, state.agencies);
    if (agency === null) throw invalid(path, 'Đơn vị soạn thảo chưa thuộc cơ quan nào đã khai báo thông tin văn thư.', 'The drafting unit belongs to no agency with records-office settings.');
    return agency;
  }

  function requireDraftRight(actor: Actor, unitId: number, agencyId: number) {
    if (can(actor, 'document.draft', unitId) || can(actor, 'document.draft', agencyId)) return;
    if (can(actor, 'document.read', agencyId)) throw errors.forbidden();
    throw errors.notFound('đơn vị', 'unit');
  }

  /** Units of the province are stored with their name at the time, for the printed "Nơi nhận:". */
  function checkRecipients(recipients: OutgoingCreateInput['recipients'], state: OrgState): Recipient[] {
    return recipients.map((r, i) => {
      if (!('unitId' in r)) return { name: r.name };
      const unit = state.byId.get(r.unitId);
      if (!unit) throw invalid(`recipients.${i}.unitId`, 'Đơn vị nhận không tồn tại.', 'The receiving unit does not exist.');
      return { unitId: unit.id, name: unit.name };
    });
  }

  /** The approver must be able to sign for the agency: `document.sign` there or above it. */
  async function checkApprover(staffId: number, agencyId: number, state: OrgState, path: string) {
    const chain: number[] = [];
    for (let at: number | null | undefined = agencyId; at != null && chain.length < 64; at = state.byId.get(at)?.parentId) chain.push(at);
    if (!(await repo.maySign(db, staffId, chain))) {
      throw invalid(path, 'Người ký duyệt phải là lãnh đạo có thẩm quyền ký văn bản của cơ quan.', 'The approver must hold the right to sign for the agency.');
    }
  }

  function legalCheck(docType: string, legal: boolean) {
    if (legal && !documentType(docType)?.legal) throw invalid('legal', 'Chỉ nghị quyết và quyết định mới được ban hành là văn bản quy phạm pháp luật.', 'Only resolutions and decisions are legal normative documents.');
  }

  const searchText = (d: Pick<DocumentRow, 'symbol' | 'subject' | 'doc_type' | 'issuer_name' | 'signer_name' | 'note'>, recipients: Recipient[], draftingUnit: string | undefined) =>
    searchKey([d.symbol, d.subject, documentTypeName(d.doc_type), d.issuer_name, d.signer_name, draftingUnit, ...recipients.map((r) => r.name), d.note]);

  /** What an action other than release changes, after the checks that read the database. */
  async function changes(actor: Actor, row: DocumentRow, input: Exclude<OutgoingActionInput, { action: 'release' }>, at: Date): Promise<Change> {
    switch (input.action) {
      case 'edit': return edit(actor, row, input);
      case 'submit': {
        const approver = input.approverStaffId ?? row.approver_staff_id;
        if (!approver) throw invalid('approverStaffId', 'Chọn người ký duyệt.', 'Choose the approver.');
        await checkApprover(approver, row.unit_id, await orgState(), 'approverStaffId');
        return { values: { status: 'submitted', approver_staff_id: approver }, details: { approverStaffId: approver }, note: input.note };
      }
      case 'return': return { values: { status: 'draft' }, details: {}, note: input.note };
      case 'approve': {
        // The one who signs is the approver from now on, whoever was asked (API.md: signer name = the approver).
        const prefix = input.signingPrefix === undefined ? row.signing_prefix : input.signingPrefix;
        const values = { status: 'approved' as const, approver_staff_id: actor.staffId, approved_at: at, signer_name: actor.fullName, signer_title: input.signerTitle, signing_prefix: prefix };
        const draftingUnit = row.drafting_unit_id === null ? undefined : (await orgState()).byId.get(row.drafting_unit_id)?.name;
        return { values: { ...values, search_text: searchText({ ...row, signer_name: actor.fullName }, row.recipients as Recipient[], draftingUnit) }, details: { signerTitle: input.signerTitle, signingPrefix: prefix }, note: input.note };
      }
      case 'cancel': return { values: { status: 'cancelled' }, details: {}, note: input.note };
    }
  }

  async function edit(actor: Actor, row: DocumentRow, input: OutgoingEditFields): Promise<Change> {
    const state = await orgState();
    const draftingUnitId = input.draftingUnitId ?? row.drafting_unit_id ?? row.unit_id;
    const agencyId = agencyFor(draftingUnitId, state, 'draftingUnitId');
    if (input.draftingUnitId !== undefined) requireDraftRight(actor, draftingUnitId, agencyId);
    const docType = input.docType ?? row.doc_type;
    legalCheck(docType, input.legal ?? row.legal);
    const recipients = input.recipients ? checkRecipients(input.recipients, state) : (row.recipients as Recipient[]);
    const approver = input.approverStaffId === undefined ? row.approver_staff_id : input.approverStaffId;
    if (approver !== null && (input.approverStaffId !== undefined || agencyId !== row.unit_id)) await checkApprover(approver, agencyId, state, 'approverStaffId');
    const values: Updateable<RegDocumentsTable> = {
      unit_id: agencyId, drafting_unit_id: draftingUnitId, doc_type: docType, legal: input.legal ?? row.legal, approver_staff_id: approver,
      ...(input.subject !== undefined ? { subject: input.subject } : {}),
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(input.recipients !== undefined ? { recipients: JSON.stringify(recipients) } : {}),
      ...(input.urgency !== undefined ? { urgency: input.urgency } : {}),
      ...(input.confidentiality !== undefined ? { confidentiality: input.confidentiality } : {}),
      ...(input.signerTitle !== undefined ? { signer_title: input.signerTitle } : {}),
      ...(input.signingPrefix !== undefined ? { signing_prefix: input.signingPrefix } : {}),
      ...(input.pages !== undefined ? { pages: input.pages } : {}),
      ...(input.copies !== undefined ? { copies: input.copies } : {}),
      ...(input.note !== undefined ? { note: input.note || null } : {}),
    };
    const merged = { ...row, subject: input.subject ?? row.subject, doc_type: docType, note: input.note === undefined ? row.note : input.note || null };
    values.search_text = searchText(merged, recipients, state.byId.get(draftingUnitId)?.name);
    const changed = Object.keys(input).filter((k) => k !== 'action' && k !== 'version');
    return { values, details: { changed } };
  }

  /** Everything the printed copy shows but its number: read before the release's transaction. */
  async function printable(row: DocumentRow, year: number): Promise<Omit<DocumentPdfInput, 'symbol' | 'issuedOn' | 'draft'> & { symbolInput: SymbolInput & { numbering: Numbering }; draftingUnitName: string | undefined }> {
    const [settings, state] = await Promise.all([shared.settingsOf(db, row.unit_id), orgState()]);
    if (!settings) throw errors.conflict('AGENCY_NOT_CONFIGURED', 'Cơ quan chưa khai báo thông tin văn thư (ký hiệu, địa danh).', 'The agency has no records-office settings.');
    const agency = state.byId.get(row.unit_id);
    const drafting = row.drafting_unit_id === null ? undefined : state.byId.get(row.drafting_unit_id);
    const draftingUnitSymbol = drafting && drafting.id !== row.unit_id ? unitAbbreviation(drafting.shortName) : null;
    const symbolInput = { type: row.doc_type, legal: row.legal, year, agencySymbol: settings.symbol, draftingUnitSymbol, numbering: settings.numbering };
    return {
      symbolInput, draftingUnitName: drafting?.name, managingBody: settings.managing_body, agencyName: agency?.name ?? settings.symbol, placeName: settings.place_name, docType: row.doc_type,
      symbolTail: symbolTail(symbolInput), year, subject: row.subject, body: row.body, urgency: row.urgency, confidentiality: row.confidentiality,
      signingPrefix: row.signing_prefix, signerTitle: row.signer_title, signerName: row.signer_name,
      recipients: (row.recipients as Recipient[]).map((r) => (r.unitId ? state.byId.get(r.unitId)?.name ?? r.name ?? '' : r.name ?? '')),
      archiveCopy: drafting && drafting.id !== row.unit_id ? drafting.shortName ?? drafting.name : null,
    };
  }

  /**
   * Numbering and release, one transaction: the document is locked under its version first (a stale
   * release never takes a number), then the series' counter — held until COMMIT, so releases of one
   * series queue and a rollback gives the number back (registry.repository.ts nextNumber) — then the
   * copy is rendered (CPU only), the row written, the history and audit rows, and the exchange delivers.
   */
  async function release(ctx: RequestContext, actor: Actor, row: DocumentRow, version: number) {
    const at = deps.now();
    const today = vnDay(at);
    const year = Number(today.slice(0, 4));
    const print = await printable(row, year);
    const main = await repo.mainAttachment(db, row.id);
    const series = seriesKey({ docType: row.doc_type, legal: row.legal, confidentiality: row.confidentiality }, print.symbolInput.numbering);
    await inSeriesOrder(`${row.unit_id}:${year}:${series}`, () => inTransaction(db, async (trx) => {
      const locked = await trx.selectFrom('reg_documents').select('version').where('id', '=', row.id).forUpdate().executeTakeFirst();
      if (locked?.version !== version) throw staleVersion();
      const number = await shared.nextNumber(trx, row.unit_id, year, series);
      const symbol = formatSymbol({ ...print.symbolInput, number });
      // A signed PDF the records office attached as the document itself is the copy; otherwise it is rendered.
      let file = main ? { key: main.file_key, sha256: main.sha256 } : null;
      if (!file) {
        const pdf = await documentPdf({ ...print, symbol, issuedOn: today, draft: false });
        file = { key: await deps.files.put(pdf), sha256: createHash('sha256').update(pdf).digest('hex') };
      }
      const values = { status: 'released' as const, number, symbol, series, issued_on: today, released_at: at, issuer_name: print.agencyName, file_key: file.key, file_sha256: file.sha256 };
      const released = await repo.updateDocument(trx, row.id, version, { ...values, search_text: searchText({ ...row, ...values }, row.recipients as Recipient[], print.draftingUnitName) }, at);
      if (!released) throw staleVersion();
      await shared.insertEvent(trx, row.id, actor, 'released', at, null, { number, symbol, series, sha256: file.sha256, copy: main ? 'attachment' : 'rendered' });
      await recordAudit(trx, ctx, { action: 'registry.outgoing_released', entity: 'registry_document', entityId: row.id, unitId: row.unit_id, before: { status: row.status }, after: { status: 'released', symbol, issuedOn: today } });
      await hooks.onReleased(trx, released, ctx);
    }));
  }

  const allowedActions: ActionsProvider = (actor, doc) => allowedOutgoingActions(actor, doc);

  return {
    allowedActions,

    /** A new draft; returns its id (the route answers with the detail). */
    async create(ctx: RequestContext, input: OutgoingCreateInput, origin?: { kind: 'dossier'; ref: string }): Promise<number> {
      const actor = actorOf(ctx);
      const state = await orgState();
      const agencyId = agencyFor(input.draftingUnitId, state, 'draftingUnitId');
      requireDraftRight(actor, input.draftingUnitId, agencyId);
      legalCheck(input.docType, input.legal ?? false);
      const recipients = checkRecipients(input.recipients, state);
      if (input.approverStaffId) await checkApprover(input.approverStaffId, agencyId, state, 'approverStaffId');
      const at = deps.now();
      const values = {
        unit_id: agencyId, direction: 'out' as const, status: 'draft' as const, doc_type: input.docType, legal: input.legal ?? false, subject: input.subject, body: input.body,
        urgency: input.urgency ?? 'normal', confidentiality: input.confidentiality ?? 'normal', recipients: JSON.stringify(recipients), drafting_unit_id: input.draftingUnitId,
        drafted_by_staff_id: actor.staffId, approver_staff_id: input.approverStaffId ?? null, signer_title: input.signerTitle ?? null, signing_prefix: input.signingPrefix ?? null,
        pages: input.pages ?? null, copies: input.copies ?? null, note: input.note || null, created_at: at, updated_at: at,
        // What it was made from in another module (scope 5), e.g. the dossier whose result it issues.
        source_kind: origin?.kind ?? null, source_ref: origin?.ref ?? null,
      };
      const search = searchText({ symbol: null, subject: input.subject, doc_type: input.docType, issuer_name: null, signer_name: null, note: values.note }, recipients, state.byId.get(input.draftingUnitId)?.name);
      return inTransaction(db, async (trx) => {
        const id = await repo.insertDocument(trx, { ...values, search_text: search });
        await shared.insertEvent(trx, id, actor, 'created', at, null, { docType: input.docType, recipients: recipients.length, ...(origin ? { source: origin } : {}) });
        await recordAudit(trx, ctx, { action: 'registry.outgoing_created', entity: 'registry_document', entityId: id, unitId: agencyId, after: { docType: input.docType, subject: input.subject, draftingUnitId: input.draftingUnitId } });
        return id;
      });
    },

    /** One action on a document read at `version`; returns its id. */
    async act(ctx: RequestContext, id: number, input: OutgoingActionInput): Promise<number> {
      const actor = actorOf(ctx);
      const row = await loadOutgoing(actor, id);
      if (!mayTake(actor, row, input.action)) throw errors.forbidden();
      const refused = statusRefusal(row.status, input.action);
      if (refused) throw errors.conflict(refused.code, refused.vi, refused.en);
      if (input.version !== row.version) throw staleVersion();
      if (input.action === 'release') {
        await release(ctx, actor, row, input.version);
        return id;
      }
      const at = deps.now();
      const change = await changes(actor, row, input, at);
      const event = OUTGOING_EVENTS[input.action as Exclude<OutgoingAction, 'release'>];
      await inTransaction(db, async (trx) => {
        if (!(await repo.updateDocument(trx, id, input.version, change.values, at))) throw staleVersion();
        await shared.insertEvent(trx, id, actor, event, at, change.note ?? null, change.details);
        await recordAudit(trx, ctx, {
          action: `registry.outgoing_${event as 'edited' | 'submitted' | 'returned' | 'approved' | 'cancelled'}`,
          entity: 'registry_document', entityId: id, unitId: row.unit_id, before: { status: row.status }, after: { status: change.values.status ?? row.status, ...change.details },
          ...(change.note ? { note: change.note } : {}),
        });
      });
      return id;
    },

    /** The document as PDF: the released copy as kept, or the draft rendered now with "DỰ THẢO" across it. */
    async pdf(ctx: RequestContext, id: number) {
      const actor = actorOf(ctx);
      const row = await loadOutgoing(actor, id);
      const name = `${(row.symbol ?? `du-thao-${row.id}`).replace(/\//g, '_')}.pdf`;
      let content: Buffer | undefined;
      if (row.file_key && (row.status === 'released' || row.status === 'recalled')) {
        content = await deps.files.get(row.file_key);
        if (!content) throw errors.notFound('bản điện tử của văn bản', 'document file');
      } else {
        const print = await printable(row, Number(todayOf(deps).slice(0, 4)));
        content = await documentPdf({ ...print, symbol: null, issuedOn: null, draft: true });
      }
      // Reading the document is part of its history (Decree 30 Appendix VI: access and view history).
      await shared.insertEvent(db, id, actor, 'viewed', deps.now(), null, { format: 'pdf' });
      return { name, type: 'application/pdf', content };
    },

    /** Sổ đăng ký văn bản đi of an agency over a period (document.read there); JSON or the printed book. */
    async register(ctx: RequestContext, q: OutgoingRegisterQuery) {
      const actor = actorOf(ctx);
      const settings = await shared.settingsOf(db, q.unitId);
      if (!settings || !can(actor, 'document.read', q.unitId)) throw errors.notFound('sổ đăng ký văn bản đi', 'outgoing register');
      const today = todayOf(deps);
      const from = q.from ?? `${(q.to ?? today).slice(0, 4)}-01-01`;
      const to = q.to ?? (from > today ? `${from.slice(0, 4)}-12-31` : today);
      if (from > to) throw invalid('to', 'Đến ngày phải sau hoặc trùng Từ ngày.', 'The period ends before it starts.');
      const found = await repo.releasedBetween(db, q.unitId, from, to, REGISTER_LIMIT + 1);
      if (found.length > REGISTER_LIMIT) throw invalid('from', `Kỳ đã chọn có hơn ${REGISTER_LIMIT.toLocaleString('vi-VN')} văn bản; hãy chọn kỳ ngắn hơn.`, 'Too many documents in the period; choose a shorter one.');
      // A confidential document is listed only to those who may read it (its own register: art. 15(2)).
      const rows = found.filter((r) => mayRead(actor, r, NO_PARTIES));
      const names = await loadViewNames(deps.org, rows);
      const agencyName = names.unit(q.unitId);
      const book = { unitId: q.unitId, agencyName, from, to, columns: OUTGOING_REGISTER_COLUMNS.map((c) => ({ key: c.key, label: c.label })), rows: rows.map((r) => registerRow(r, names)) };
      if (q.format === 'json') return { kind: 'json' as const, book };
      const content = await outgoingRegisterPdf({ managingBody: settings.managing_body, agencyName, from, to, rows: book.rows });
      return { kind: 'pdf' as const, file: { name: `so-dang-ky-van-ban-di-${settings.symbol}-${from}-${to}.pdf`, type: 'application/pdf', content } };
    },
  };
}
export type OutgoingService = ReturnType<typeof createOutgoingService>;
