import { can, type Actor } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { ActionsProvider } from './documents.service.js';
import { incomingRegister, registerPdf, trackingRegister, type RegisterEntry } from './exports/incoming-registers.js';
import { routingSlipPdf } from './exports/routing-slip.js';
import { duplicateWarning, handlerKey, incomingActions, incomingSearchText, numberOfSymbol, repeatedHandler, sameDocument, stateRefusal, type Identity } from './incoming-rules.js';
import type { HandlerInput, IncomingActionInput, IncomingCreateInput, RegisterQuery, ReportInput, RouteInput } from './incoming.schema.js';
import { actorOf, documentNotFound, invalid, mayRead, staleVersion, todayOf, type DocumentRow, type ExchangeHooks, type RegistryDeps } from './registry.context.js';
import * as repo from './registry.repository.js';
import type { RegAssignmentsTable } from './registry.tables.js';
import { arrivalSeries, routingDeadline } from './rules/routing.js';
import type { Selectable } from 'kysely';

type Assignment = Selectable<RegAssignmentsTable>;

const agencyNotFound = () => errors.notFound('cơ quan', 'agency');
const refuse = (r: { code: string; vi: string; en: string }) => errors.conflict(r.code, r.vi, r.en);
// A unit's assignment is handled by its leadership, and by those of its people who work on documents
// there (document.draft) — never by a read-only reader, and every handler can open the document (mayRead).
const handlesUnit = (actor: Actor, unitId: number) => can(actor, 'document.sign', unitId) || (actor.unitId === unitId && can(actor, 'document.draft', unitId));

/**
 * Incoming documents (issue 19 scope 2, Decree 30/2020 arts 20–24; API.md "Incoming"): the records office
 * registers what comes in with the next arrival number of the year, the agency's leadership routes it to
 * a lead and co-ordinators with a deadline, the handlers report. Each change is one transaction with its
 * history row and audit row under the document's version; everything it needs is read before.
 */
export function createIncomingService(deps: RegistryDeps, hooks: Pick<ExchangeHooks, 'onRegistered'>) {
  const { db } = deps;

  async function loadIncoming(actor: Actor, id: number) {
    const row = await repo.findDocument(db, id);
    if (!row || row.direction !== 'in') throw documentNotFound();
    const parties = await repo.partiesOf(db, id);
    if (!mayRead(actor, row, parties)) throw documentNotFound();
    return row;
  }

  /**
   * A person's assignment is handled by that person; a unit's by the staff working in that unit and by
   * whoever leads it (document.sign there, the agency's leadership included) — not by everyone who may
   * draft there, which would make the records office a handler of every section.
   */
  const handles = (actor: Actor, a: Pick<Assignment, 'staff_id' | 'unit_id'>) => a.staff_id === actor.staffId || (a.unit_id !== null && handlesUnit(actor, a.unit_id));

  /** The duplicate warning of Appendix VI: the same symbol of the same issuer on the same day, already given an arrival number here. */
  async function refuseDuplicate(unitId: number, doc: Identity, except: number | null) {
    if (!doc.issuedOn) return;
    const candidates = await db.selectFrom('reg_documents').select(['id', 'symbol', 'issuer_name', 'issued_on', 'arrival_number', 'arrival_on'])
      .where('unit_id', '=', unitId).where('direction', '=', 'in').where('issued_on', '=', doc.issuedOn)
      .where('arrival_number', 'is not', null).where('status', 'not in', ['returned', 'recalled'])
      .orderBy('id').execute();
    const earlier = candidates.filter((c) => c.id !== except && sameDocument(doc, { symbol: c.symbol, issuerName: c.issuer_name, issuedOn: c.issued_on }));
    if (earlier.length) {
      const w = duplicateWarning(earlier.map((e) => ({ arrivalNumber: e.arrival_number, arrivalOn: e.arrival_on })));
      throw errors.conflict(w.code, w.vi, w.en, { earlier: earlier.map((e) => ({ id: e.id, arrivalNumber: e.arrival_number, arrivalOn: e.arrival_on })) });
    }
  }

  /** POST /incoming: a paper or electronic document from outside the province, registered at once. */
  async function create(ctx: RequestContext, input: IncomingCreateInput): Promise<number> {
    const actor = actorOf(ctx);
    const unit = (await deps.org.allUnits()).find((u) => u.id === input.unitId);
    if (!unit || !(can(actor, 'document.read', input.unitId) || can(actor, 'document.register', input.unitId))) throw agencyNotFound();
    if (!can(actor, 'document.register', input.unitId)) throw errors.forbidden();
    if (!(await repo.settingsOf(db, input.unitId))) {
      throw invalid('unitId', 'Đơn vị này chưa được khai báo thông tin văn thư (chưa là cơ quan có sổ văn bản).', 'The unit has no records-office settings.');
    }
    const today = todayOf(deps);
    const arrivalOn = input.arrivalOn ?? today;
    if (arrivalOn > today) throw invalid('arrivalOn', 'Ngày đến không được sau ngày hôm nay.', 'The arrival day is in the future.');
    if (input.issuedOn > arrivalOn) throw invalid('issuedOn', 'Ngày tháng văn bản không được sau ngày đến.', 'The document is dated after its arrival.');
    if (!input.confirmDuplicate) await refuseDuplicate(input.unitId, { symbol: input.symbol, issuerName: input.issuerName, issuedOn: input.issuedOn }, null);
    const at = deps.now();
    return inTransaction(db, async (trx) => {
      const series = arrivalSeries(input.unitId, arrivalOn, input.confidentiality);
      const arrivalNumber = await repo.nextNumber(trx, series.unitId, series.year, series.series);
      const fields = {
        unit_id: input.unitId, direction: 'in' as const, status: 'registered' as const, doc_type: input.docType, subject: input.subject,
        number: numberOfSymbol(input.symbol), symbol: input.symbol, issued_on: input.issuedOn, issuer_name: input.issuerName, signer_name: input.signerName ?? null,
        urgency: input.urgency ?? 'normal', confidentiality: input.confidentiality ?? 'normal', pages: input.pages ?? null,
        arrival_number: arrivalNumber, arrival_on: arrivalOn, channel: input.channel, note: input.note || null, instructions: null,
      };
      const row = await trx.insertInto('reg_documents').values({ ...fields, search_text: incomingSearchText(fields), created_at: at, updated_at: at }).returningAll().executeTakeFirstOrThrow();
      await repo.insertEvent(trx, row.id, actor, 'registered', at, null, { arrivalNumber, arrivalOn, channel: input.channel, duplicateConfirmed: input.confirmDuplicate === true });
      await recordAudit(trx, ctx, { action: 'registry.incoming_registered', entity: 'registry_document', entityId: row.id, unitId: row.unit_id, after: { arrivalNumber, arrivalOn, channel: input.channel, symbol: input.symbol, issuer: input.issuerName } });
      await hooks.onRegistered(trx, row, ctx);
      return row.id;
    });
  }

  /** `register`: an electronic document delivered by the exchange enters the register with its arrival number. */
  async function registerArrived(ctx: RequestContext, actor: Actor, row: DocumentRow, input: Extract<IncomingActionInput, { action: 'register' }>) {
    if (!can(actor, 'document.register', row.unit_id)) throw errors.forbidden();
    if (input.version !== row.version) throw staleVersion();
    const refusal = stateRefusal('register', row.status);
    if (refusal) throw refuse(refusal);
    if (!input.confirmDuplicate) await refuseDuplicate(row.unit_id, { symbol: row.symbol, issuerName: row.issuer_name, issuedOn: row.issued_on }, row.id);
    const today = todayOf(deps);
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const series = arrivalSeries(row.unit_id, today, row.confidentiality);
      const arrivalNumber = await repo.nextNumber(trx, series.unitId, series.year, series.series);
      const updated = await trx.updateTable('reg_documents').set({
        status: 'registered', arrival_number: arrivalNumber, arrival_on: today, note: input.note || row.note,
        search_text: incomingSearchText({ ...row, arrival_number: arrivalNumber }), version: row.version + 1, updated_at: at,
      }).where('id', '=', row.id).where('version', '=', row.version).returningAll().executeTakeFirst();
      if (!updated) throw staleVersion();
      await repo.insertEvent(trx, row.id, actor, 'registered', at, input.note || null, { arrivalNumber, arrivalOn: today, channel: row.channel, duplicateConfirmed: input.confirmDuplicate === true });
      await recordAudit(trx, ctx, { action: 'registry.incoming_registered', entity: 'registry_document', entityId: row.id, unitId: row.unit_id, before: { status: row.status }, after: { status: 'registered', arrivalNumber, arrivalOn: today } });
      await hooks.onRegistered(trx, updated, ctx);
    });
  }

  /** Each handler checked against the agency: a unit inside it (not the agency itself) or a person working in it. */
  async function resolveHandlers(row: DocumentRow, input: RouteInput) {
    const list: { path: string; role: 'lead' | 'coordinate'; h: HandlerInput }[] = [
      { path: 'lead', role: 'lead', h: input.lead }, ...input.coordinators.map((h, i) => ({ path: `coordinators.${i}`, role: 'coordinate' as const, h })),
    ];
    const repeated = repeatedHandler(input.lead, input.coordinators);
    if (repeated !== null) throw invalid(`coordinators.${repeated}`, 'Đơn vị, cá nhân này đã được chọn ở trên.', 'The same handler is named twice.');
    const scope = new Set((await deps.org.subtrees([row.unit_id])).get(row.unit_id) ?? [row.unit_id]);
    const units = new Map((await deps.org.allUnits()).map((u) => [u.id, u.name]));
    const staff = new Map((await deps.org.staffNamesByIds(list.flatMap((x) => (x.h.staffId ? [x.h.staffId] : [])))).map((s) => [s.id, s]));
    return list.map(({ path, role, h }) => {
      if (h.staffId) {
        const s = staff.get(h.staffId);
        if (!s || !scope.has(s.unitId)) throw invalid(`${path}.staffId`, 'Người được giao phải là cán bộ của cơ quan nhận văn bản.', 'The person does not work in this agency.');
        return { role, staff_id: s.id, unit_id: null, name: s.fullName, key: handlerKey(h) };
      }
      const unitId = h.unitId!;
      if (!units.has(unitId) || !scope.has(unitId) || unitId === row.unit_id) {
        throw invalid(`${path}.unitId`, 'Chọn một phòng, đơn vị thuộc cơ quan nhận văn bản.', 'Choose a unit inside the receiving agency.');
      }
      return { role, staff_id: null, unit_id: unitId, name: units.get(unitId)!, key: handlerKey(h) };
    });
  }

  /** `route` (art. 24): the leadership names the lead and co-ordinators and the deadline; routing again cancels what is still open. */
  async function route(ctx: RequestContext, actor: Actor, row: DocumentRow, input: RouteInput) {
    if (!can(actor, 'document.sign', row.unit_id)) throw errors.forbidden();
    if (input.version !== row.version) throw staleVersion();
    const refusal = stateRefusal('route', row.status);
    if (refusal) throw refuse(refusal);
    const handlers = await resolveHandlers(row, input);
    const isWorking = await deps.workingDays();
    const today = todayOf(deps);
    const deadline = routingDeadline({ dueOn: input.dueOn, dueInWorkingDays: input.dueInWorkingDays }, today, isWorking);
    if ('problem' in deadline) throw invalid(deadline.problem.path, deadline.problem.vi, deadline.problem.en);
    const instructions = input.instructions || null;
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const updated = await trx.updateTable('reg_documents').set({
        status: 'routed', due_on: deadline.dueOn, instructions, routed_by_staff_id: actor.staffId, routed_at: at,
        search_text: incomingSearchText({ ...row, instructions }), version: row.version + 1, updated_at: at,
      }).where('id', '=', row.id).where('version', '=', row.version).returning('id').executeTakeFirst();
      if (!updated) throw staleVersion();
      const cancelled = await trx.updateTable('reg_assignments').set({ status: 'cancelled' }).where('document_id', '=', row.id).where('status', '=', 'open').returning('id').execute();
      await trx.insertInto('reg_assignments').values(handlers.map((h) => ({ document_id: row.id, role: h.role, unit_id: h.unit_id, staff_id: h.staff_id, due_on: deadline.dueOn, instructions: null, created_at: at }))).execute();
      const details = {
        lead: handlers[0]!.name, coordinators: handlers.slice(1).map((h) => h.name), dueOn: deadline.dueOn, dueOnAsked: deadline.movedFrom,
        dueInWorkingDays: input.dueInWorkingDays ?? null, cancelledAssignments: cancelled.length,
      };
      await repo.insertEvent(trx, row.id, actor, row.status === 'routed' ? 're_routed' : 'routed', at, instructions, details);
      await recordAudit(trx, ctx, {
        action: 'registry.incoming_routed', entity: 'registry_document', entityId: row.id, unitId: row.unit_id,
        before: { status: row.status, dueOn: row.due_on, instructions: row.instructions }, after: { status: 'routed', ...details, instructions },
      });
    });
  }

  /** `report`: a handler reports; the lead's report closes the document (done), a co-ordinator's is recorded. */
  async function report(ctx: RequestContext, actor: Actor, row: DocumentRow, input: ReportInput) {
    const refusal = stateRefusal('report', row.status);
    if (refusal) throw refuse(refusal);
    const open = await db.selectFrom('reg_assignments').selectAll().where('document_id', '=', row.id).where('status', '=', 'open').orderBy('id').execute();
    const mine = open.filter((a) => handles(actor, a));
    if (!mine.length) throw errors.forbidden();
    const target = input.assignmentId ? mine.find((a) => a.id === input.assignmentId) : mine.find((a) => a.role === 'lead') ?? mine[0];
    if (!target) throw invalid('assignmentId', 'Đây không phải việc được giao cho bạn còn đang mở.', 'Not one of your open assignments.');
    if (input.version !== row.version) throw staleVersion();
    if (input.replyDocumentId !== undefined) {
      const reply = await repo.findDocument(db, input.replyDocumentId);
      if (!reply || reply.direction !== 'out' || reply.unit_id !== row.unit_id || reply.status === 'cancelled') {
        throw invalid('replyDocumentId', 'Văn bản trả lời phải là văn bản đi của cùng cơ quan.', 'The reply must be an outgoing document of the same agency.');
      }
    }
    const done = target.role === 'lead';
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const updated = await trx.updateTable('reg_documents').set({
        ...(done ? { status: 'done' as const, done_at: at, reply_document_id: input.replyDocumentId ?? row.reply_document_id } : {}), version: row.version + 1, updated_at: at,
      }).where('id', '=', row.id).where('version', '=', row.version).returning('id').executeTakeFirst();
      if (!updated) throw staleVersion();
      const closed = await trx.updateTable('reg_assignments').set({ status: 'reported', report: input.report, reported_at: at })
        .where('id', '=', target.id).where('status', '=', 'open').returning('id').executeTakeFirst();
      if (!closed) throw staleVersion();
      const details = { assignmentId: target.id, role: target.role, replyDocumentId: input.replyDocumentId ?? null, done };
      await repo.insertEvent(trx, row.id, actor, 'reported', at, input.report, details);
      await recordAudit(trx, ctx, { action: 'registry.incoming_reported', entity: 'registry_document', entityId: row.id, unitId: row.unit_id, before: { status: row.status }, after: { status: done ? 'done' : row.status, ...details } });
    });
  }

  async function act(ctx: RequestContext, id: number, input: IncomingActionInput): Promise<void> {
    const actor = actorOf(ctx);
    const row = await loadIncoming(actor, id);
    switch (input.action) {
      case 'register': return registerArrived(ctx, actor, row, input);
      case 'route': return route(ctx, actor, row, input);
      case 'report': return report(ctx, actor, row, input);
    }
  }

  const allowedActions: ActionsProvider = (actor, doc, parties) => {
    if (doc.direction !== 'in') return [];
    const inUnits = [...parties.unitIds].some((u) => handlesUnit(actor, u));
    return incomingActions({
      status: doc.status, mayRegister: can(actor, 'document.register', doc.unit_id), maySign: can(actor, 'document.sign', doc.unit_id),
      handles: parties.staffIds.has(actor.staffId) || inUnits,
    });
  };

  /** The entries of a register: the documents with their handlers' names and the reply's symbol. */
  async function registerEntries(actor: Actor, unitId: number, q: RegisterQuery, tracking: boolean): Promise<RegisterEntry[]> {
    let query = db.selectFrom('reg_documents').selectAll().where('unit_id', '=', unitId).where('direction', '=', 'in')
      .where('arrival_number', 'is not', null).where('arrival_on', '>=', q.from).where('arrival_on', '<=', q.to);
    if (tracking) query = query.where('status', 'in', ['registered', 'routed', 'done']);
    const rows = await query.orderBy('arrival_on').orderBy('arrival_number').execute();
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const assignments = await db.selectFrom('reg_assignments').selectAll().where('document_id', 'in', ids).where('status', '<>', 'cancelled').orderBy('id').execute();
    const units = new Map((await deps.org.allUnits()).map((u) => [u.id, u.name]));
    const staff = new Map((await deps.org.staffNamesByIds([...new Set(assignments.flatMap((a) => (a.staff_id ? [a.staff_id] : [])))])).map((s) => [s.id, s.fullName]));
    const replyIds = [...new Set(rows.flatMap((r) => (r.reply_document_id ? [r.reply_document_id] : [])))];
    const replies = new Map(replyIds.length ? (await db.selectFrom('reg_documents').select(['id', 'symbol']).where('id', 'in', replyIds).execute()).map((r) => [r.id, r.symbol]) : []);
    const seesSecret = can(actor, 'document.sign', unitId) || can(actor, 'document.register', unitId);
    return rows.map((row) => ({
      row,
      handlers: assignments.filter((a) => a.document_id === row.id).map((a) => ({ role: a.role, name: a.staff_id ? staff.get(a.staff_id) ?? '' : units.get(a.unit_id!) ?? '' })),
      replySymbol: row.reply_document_id ? replies.get(row.reply_document_id) ?? null : null,
      masked: row.confidentiality !== 'normal' && !seesSecret,
    }));
  }

  /** GET /registers/incoming and /registers/tracking: an agency's readers, as JSON or as the printed PDF. */
  async function registerBook(ctx: RequestContext, kind: 'incoming' | 'tracking', q: RegisterQuery) {
    const actor = actorOf(ctx);
    if (!can(actor, 'document.read', q.unitId)) throw agencyNotFound();
    const settings = await repo.settingsOf(db, q.unitId);
    if (!settings) throw agencyNotFound();
    const entries = await registerEntries(actor, q.unitId, q, kind === 'tracking');
    const name = (await deps.org.allUnits()).find((u) => u.id === q.unitId)?.name ?? '';
    const base = { agency: { unitId: q.unitId, name, managingBody: settings.managing_body }, from: q.from, to: q.to };
    const sheet = kind === 'incoming' ? incomingRegister(base, entries) : trackingRegister(base, entries, todayOf(deps), await deps.workingDays());
    if (q.format === 'json') return { format: 'json' as const, sheet };
    const file = kind === 'incoming' ? 'so-dang-ky-van-ban-den' : 'so-theo-doi-giai-quyet-van-ban-den';
    return { format: 'pdf' as const, file: { name: `${file}-${settings.symbol}-${q.from}-${q.to}.pdf`, type: 'application/pdf', content: await registerPdf(sheet) } };
  }

  /** GET /incoming/:id/routing-slip: its readers; the print is logged in the history (Appendix VI: logging of use). */
  async function routingSlip(ctx: RequestContext, id: number) {
    const actor = actorOf(ctx);
    const row = await loadIncoming(actor, id);
    const settings = await repo.settingsOf(db, row.unit_id);
    const assignments = await db.selectFrom('reg_assignments').selectAll().where('document_id', '=', id).where('status', '<>', 'cancelled').orderBy('id').execute();
    const units = new Map((await deps.org.allUnits()).map((u) => [u.id, u.name]));
    const people = new Map((await deps.org.staffNamesByIds([...new Set([...assignments.flatMap((a) => (a.staff_id ? [a.staff_id] : [])), ...(row.routed_by_staff_id ? [row.routed_by_staff_id] : [])])])).map((s) => [s.id, s]));
    const content = await routingSlipPdf({
      agency: { name: units.get(row.unit_id) ?? '', managingBody: settings?.managing_body ?? null },
      row,
      routedBy: row.routed_by_staff_id ? people.get(row.routed_by_staff_id)?.fullName ?? null : null,
      assignments: assignments.map((a) => {
        const person = a.staff_id ? people.get(a.staff_id) : undefined;
        return {
          role: a.role, name: person ? `${person.fullName} (${person.unitName})` : units.get(a.unit_id!) ?? '', staffName: person?.fullName ?? null,
          unitName: a.unit_id ? units.get(a.unit_id) ?? null : person?.unitName ?? null, dueOn: a.due_on, report: a.report, reportedAt: a.reported_at,
        };
      }),
    });
    await repo.insertEvent(db, id, actor, 'slip_printed', deps.now());
    return { name: `phieu-giai-quyet-van-ban-den-${row.arrival_number ?? id}.pdf`, type: 'application/pdf', content };
  }

  return { create, act, allowedActions, registerBook, routingSlip };
}
export type IncomingService = ReturnType<typeof createIncomingService>;
