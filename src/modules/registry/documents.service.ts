import { sql } from 'kysely';
import { can, reachable, ROLE_PERMISSIONS, ROLES, type Actor, type Permission } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { documentView, loadViewNames } from './document-view.js';
import { actorOf, worksAt, staleVersion, todayOf, type DocumentParties, type DocumentRow, type RegistryDeps } from './registry.context.js';
import * as repo from './registry.repository.js';
import { loadReadable as loadReadableDocument } from './readable.js';
import { DOCUMENT_TYPES } from './rules/document-types.js';
import { fold } from './rules/search.js';
import type { DocumentListQuery, SettingsInput } from './schema.js';

/** The actions a part of the service offers the caller on a document (outgoing, incoming, exchange). */
export type ActionsProvider = (actor: Actor, doc: DocumentRow, parties: DocumentParties) => string[];

/**
 * What the parts share: the agencies and their settings, lists and search across both registers, one
 * document with its history (each view is an event: Decree 30 Appendix VI keeps the access history).
 */
export function createDocumentsService(deps: RegistryDeps, actionProviders: () => ActionsProvider[]) {
  const { db } = deps;

  const loadReadable = (actor: Actor, id: number) => loadReadableDocument(db, actor, id);

  async function list(ctx: RequestContext, q: DocumentListQuery) {
    const actor = actorOf(ctx);
    const readUnits = reachable(actor, 'document.read');
    const secretUnits = [...new Set([...reachable(actor, 'document.sign'), ...reachable(actor, 'document.register')])];
    let query = db.selectFrom('reg_documents as d').selectAll('d')
      .where((eb) => eb.or([
        eb('d.drafted_by_staff_id', '=', actor.staffId),
        eb('d.approver_staff_id', '=', actor.staffId),
        eb.exists(eb.selectFrom('reg_assignments as a').select('a.id').whereRef('a.document_id', '=', 'd.id').where('a.status', '<>', 'cancelled')
          .where((a) => a.or([a('a.staff_id', '=', actor.staffId), ...(readUnits.length ? [a('a.unit_id', 'in', readUnits)] : [])]))),
        ...(readUnits.length ? [eb.and([eb('d.unit_id', 'in', readUnits), eb('d.confidentiality', '=', 'normal')])] : []),
        ...(secretUnits.length ? [eb('d.unit_id', 'in', secretUnits)] : []),
      ]));
    if (q.mine) {
      query = query.where((eb) => eb.or([
        eb('d.drafted_by_staff_id', '=', actor.staffId), eb('d.approver_staff_id', '=', actor.staffId),
        eb.exists(eb.selectFrom('reg_assignments as a').select('a.id').whereRef('a.document_id', '=', 'd.id').where('a.staff_id', '=', actor.staffId).where('a.status', '<>', 'cancelled')),
      ]));
    }
    if (q.direction) query = query.where('d.direction', '=', q.direction);
    if (q.unitId) query = query.where('d.unit_id', '=', q.unitId);
    if (q.status) query = query.where('d.status', '=', q.status);
    if (q.year) query = query.where(sql<number>`extract(year from coalesce(d.arrival_on, d.issued_on, (d.created_at at time zone 'Asia/Ho_Chi_Minh')::date))`, '=', q.year);
    const today = todayOf(deps);
    if (q.overdue !== undefined) {
      query = q.overdue
        ? query.where('d.status', '=', 'routed').where('d.due_on', '<', today)
        : query.where((eb) => eb.or([eb('d.status', '<>', 'routed'), eb('d.due_on', 'is', null), eb('d.due_on', '>=', today)]));
    }
    const key = fold(q.q);
    if (key) query = query.where('d.search_text', 'like', `%${key.replace(/[\\%_]/g, '\\$&')}%`);
    if (q.dossier) query = query.where('d.source_kind', '=', 'dossier').where('d.source_ref', '=', q.dossier);
    if (q.before) query = query.where('d.id', '<', q.before);
    const rows = await query.orderBy('d.id', 'desc').limit(q.limit + 1).execute();
    const page = rows.slice(0, q.limit);
    const names = await loadViewNames(deps.org, page);
    return { items: page.map((r) => documentView(r, names, today)), nextBefore: rows.length > q.limit ? page.at(-1)!.id : null };
  }

  /** `viewed: false` when a part answers its own change with the detail: that is not a view to record. */
  async function get(ctx: RequestContext, id: number, opts: { viewed?: boolean } = {}) {
    const actor = actorOf(ctx);
    const { row, parties } = await loadReadable(actor, id);
    const [assignments, attachments] = await Promise.all([
      db.selectFrom('reg_assignments').selectAll().where('document_id', '=', id).orderBy('id').execute(),
      db.selectFrom('reg_attachments').select(['id', 'file_name', 'mime', 'size', 'sha256', 'main', 'signatures', 'created_at']).where('document_id', '=', id).orderBy('id').execute(),
    ]);
    // The view is part of the document's history (Decree 30 Appendix VI: access and view history).
    if (opts.viewed !== false) await repo.insertEvent(db, id, actor, 'viewed', deps.now());
    const events = await repo.eventsOf(db, id);
    const names = await loadViewNames(deps.org, [row], [...assignments.map((a) => a.staff_id), ...events.map((e) => e.actor_staff_id)]);
    const directives = (await deps.links?.directives(ctx, id)) ?? [];
    const today = todayOf(deps);
    return {
      ...documentView(row, names, today),
      body: row.body,
      assignments: assignments.map((a) => ({
        id: a.id, role: a.role, unitId: a.unit_id, unitName: a.unit_id ? names.unit(a.unit_id) : null, staff: names.staff(a.staff_id),
        dueOn: a.due_on, overdue: a.status === 'open' && a.due_on !== null && a.due_on < today, instructions: a.instructions, status: a.status, report: a.report, reportedAt: a.reported_at?.toISOString() ?? null,
      })),
      attachments: attachments.map((a) => ({ id: a.id, fileName: a.file_name, mime: a.mime, size: a.size, sha256: a.sha256, main: a.main, signatures: a.signatures, createdAt: a.created_at.toISOString() })),
      events: events.map((e) => ({ id: Number(e.id), at: e.at.toISOString(), action: e.action, actorName: e.actor_name, note: e.note, details: e.details })),
      allowedActions: actionProviders().flatMap((p) => p(actor, row, parties)),
      // Issue 19 scope 5: where the document came from and what was made of it elsewhere.
      source: row.source_kind ? { kind: row.source_kind, ref: row.source_ref } : null,
      directives,
    };
  }

  /** The agencies the caller works for or oversees, with their settings and what the caller may do there. */
  async function agencies(ctx: RequestContext) {
    const actor = actorOf(ctx);
    const [settings, units] = await Promise.all([db.selectFrom('reg_settings').selectAll().orderBy('unit_id').execute(), deps.org.allUnits()]);
    const byId = new Map(units.map((u) => [u.id, u]));
    const agencyIds = new Set(settings.map((s) => s.unit_id));
    // A section's staff draft for their agency: the agency counts as theirs when they hold a grant below it.
    const mine = (unitId: number, perm: Permission) => worksAt(actor, perm, unitId, units, agencyIds);
    return settings
      .filter((s) => mine(s.unit_id, 'document.read') || mine(s.unit_id, 'document.draft') || can(actor, 'org.manage', s.unit_id))
      .map((s) => ({
        unitId: s.unit_id, unitName: byId.get(s.unit_id)?.name ?? '', symbol: s.symbol, placeName: s.place_name, managingBody: s.managing_body, numbering: s.numbering, version: s.version,
        may: { read: can(actor, 'document.read', s.unit_id), draft: mine(s.unit_id, 'document.draft'), sign: can(actor, 'document.sign', s.unit_id), register: can(actor, 'document.register', s.unit_id), configure: can(actor, 'org.manage', s.unit_id) },
      }));
  }

  /** An agency's records-office settings, set by an administrator of the unit (configuration, not code). */
  async function putSettings(ctx: RequestContext, unitId: number, input: SettingsInput) {
    const actor = actorOf(ctx);
    const unit = (await deps.org.allUnits()).find((u) => u.id === unitId);
    if (!unit || !can(actor, 'org.read', unitId)) throw errors.notFound('đơn vị', 'unit');
    if (!can(actor, 'org.manage', unitId)) throw errors.forbidden();
    await inTransaction(db, async (trx) => {
      const before = await trx.selectFrom('reg_settings').selectAll().where('unit_id', '=', unitId).forUpdate().executeTakeFirst();
      const values = { symbol: input.symbol, place_name: input.placeName, managing_body: input.managingBody || null, numbering: input.numbering };
      if (before) {
        if (input.version !== undefined && input.version !== before.version) throw staleVersion();
        await trx.updateTable('reg_settings').set({ ...values, version: before.version + 1, updated_at: deps.now() }).where('unit_id', '=', unitId).execute();
      } else {
        await trx.insertInto('reg_settings').values({ unit_id: unitId, ...values, updated_at: deps.now() }).execute();
      }
      await recordAudit(trx, ctx, { action: 'registry.settings_saved', entity: 'registry_settings', entityId: unitId, unitId, before: before ?? null, after: values });
    });
    return (await agencies(ctx)).find((a) => a.unitId === unitId) ?? null;
  }

  /**
   * The people of an agency (its subtree) whom a document may go to — its signers for a submission,
   * handlers for routing, the person keeping a file — for anyone who works there with documents. The
   * org module's staff list is narrower (a section's specialist reads only the section), and a drafter
   * must be able to find the department's head.
   */
  async function people(ctx: RequestContext, unitId: number, q: { q?: string | undefined; signers?: boolean | undefined }) {
    const actor = actorOf(ctx);
    const units = await deps.org.allUnits();
    const agencies = await repo.agencyIds(db);
    const mine = (perm: Permission) => worksAt(actor, perm, unitId, units, agencies);
    if (!agencies.has(unitId) || !(mine('document.read') || mine('document.draft') || mine('document.register'))) throw errors.notFound('cơ quan', 'agency');
    const subtree = (await deps.org.subtrees([unitId])).get(unitId) ?? [unitId];
    // Signers hold a role with document.sign at the agency or above it (a grant covers its subtree).
    const above: number[] = [];
    for (let at: number | null | undefined = unitId; at != null; at = units.find((u) => u.id === at)?.parentId) above.push(at);
    const signingRoles = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('document.sign') && r !== 'admin');
    let query = db.selectFrom('org_staff as s').innerJoin('org_units as u', 'u.id', 's.unit_id')
      .select((eb) => ['s.id', 's.full_name', 's.position', 'u.name as unit_name',
        eb.exists(eb.selectFrom('access_grants as g').select('g.id').whereRef('g.staff_id', '=', 's.id').where('g.role', 'in', signingRoles).where('g.unit_id', 'in', above)).as('may_sign')])
      .where('s.active', '=', true).where('s.unit_id', 'in', subtree);
    const key = fold(q.q);
    if (key) query = query.where(sql<string>`lower(f_unaccent(s.full_name))`, 'like', `%${key.replace(/[\\%_]/g, '\\$&')}%`);
    const rows = await query.orderBy('s.full_name').limit(200).execute();
    return { items: rows.filter((r) => !q.signers || r.may_sign).map((r) => ({ id: r.id, fullName: r.full_name, position: r.position, unitName: r.unit_name, active: true, maySign: Boolean(r.may_sign) })) };
  }

  /** The electronic copy of a document (an exchanged copy's file, a released document's copy), for its readers; each download is an event. */
  async function file(ctx: RequestContext, id: number) {
    const actor = actorOf(ctx);
    const { row } = await loadReadable(actor, id);
    const content = row.file_key ? await deps.files.get(row.file_key) : undefined;
    if (!row.file_key || !content) throw errors.notFound('bản điện tử của văn bản', 'electronic copy');
    await repo.insertEvent(db, id, actor, 'file_downloaded', deps.now());
    const name = `${(row.symbol ?? `van-ban-${row.id}`).replace(/[^\p{L}\p{N}.-]+/gu, '-')}.pdf`;
    return { name, type: content.subarray(0, 5).toString('latin1') === '%PDF-' ? 'application/pdf' : 'application/octet-stream', content };
  }

  const documentTypes = () => DOCUMENT_TYPES.map((t) => ({ code: t.code, name: t.name, abbreviation: t.abbreviation, legal: t.legal }));

  /** A document as another module may cite it (directives, PAR evidence): only one the caller may read. */
  async function readable(ctx: RequestContext, id: number) {
    try {
      const { row } = await loadReadable(actorOf(ctx), id);
      return { id: row.id, unitId: row.unit_id, direction: row.direction, symbol: row.symbol, subject: row.subject, issuedOn: row.issued_on, issuerName: row.issuer_name, signerName: row.signer_name, body: row.body };
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return null;
      throw err;
    }
  }

  return { loadReadable, readable, list, get, agencies, putSettings, documentTypes, people, file };
}
export type DocumentsService = ReturnType<typeof createDocumentsService>;
