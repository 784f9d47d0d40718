import { sql } from 'kysely';
import type { Db, Tx } from '../db/transaction.js';
import type { RequestContext } from '../http/context.js';
import { actionPattern } from './vocabulary.js';

export type AuditInput = {
  action: string;
  entity: string;
  entityId?: string | number | null;
  /** The unit the record belongs to; auditors see events of units they reach. */
  unitId?: number | null;
  before?: unknown;
  after?: unknown;
  note?: string;
};

/**
 * Writes one audit event inside the caller's transaction. There is deliberately no update or
 * delete here: the table is append-only, and the database refuses changes too (migration 0001).
 */
export async function recordAudit(trx: Tx, ctx: RequestContext, input: AuditInput): Promise<void> {
  await auditInsert(trx, ctx, input).execute();
}

/** The INSERT `recordAudit` runs, for a caller that sends it with other writes in one statement. */
export function auditInsert(trx: Tx, ctx: RequestContext, input: AuditInput) {
  const summary: Record<string, unknown> = {};
  if (input.before !== undefined) summary.before = input.before;
  if (input.after !== undefined) summary.after = input.after;
  if (input.note) summary.note = input.note;
  return trx
    .insertInto('audit_events')
    .values({
      actor_staff_id: ctx.actor?.staffId ?? null,
      actor_name: ctx.actor ? `${ctx.actor.fullName} (${ctx.actor.username})` : ctx.citizen ? `Công dân ${ctx.citizen.fullName} (#${ctx.citizen.id})` : 'Hệ thống',
      unit_id: input.unitId ?? null,
      action: input.action,
      entity: input.entity,
      entity_id: input.entityId == null ? null : String(input.entityId),
      summary: JSON.stringify(summary),
      ip: ctx.ip,
      request_id: ctx.requestId,
    });
}

export type AuditQuery = {
  action?: string;
  entity?: string;
  entityId?: string;
  actor?: string;
  from?: Date;
  to?: Date;
  cursor?: string;
  limit: number;
};

export type AuditRow = {
  id: string; at: Date; actorName: string | null; unitId: number | null; action: string; entity: string;
  entityId: string | null; summary: Record<string, unknown>; ip: string | null; requestId: string | null;
};

/**
 * Keyset-paged search (newest first). `units` limits to events of units the caller reaches;
 * system-wide events (no unit) are shown only to callers with `includeUnitless`.
 */
export async function searchAudit(db: Db, q: AuditQuery, units: number[], includeUnitless: boolean): Promise<{ items: AuditRow[]; nextCursor: string | null }> {
  let query = db.selectFrom('audit_events').selectAll();
  // "dossier.transferred" also finds the rows that recorded it with other steps ("dossier.taken+transferred").
  if (q.action) query = query.where(sql<boolean>`action ~ ${actionPattern(q.action)}`);
  if (q.entity) query = query.where('entity', '=', q.entity);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.actor) query = query.where(sql<boolean>`f_unaccent(lower(actor_name)) like '%' || f_unaccent(lower(${q.actor})) || '%'`);
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<', q.to);
  if (q.cursor) query = query.where('id', '<', q.cursor);
  query = query.where((eb) => {
    const parts = [];
    if (units.length) parts.push(eb('unit_id', 'in', units));
    if (includeUnitless) parts.push(eb('unit_id', 'is', null));
    return parts.length ? eb.or(parts) : eb.val(false);
  });
  const rows = await query.orderBy('id', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      id: r.id, at: r.at, actorName: r.actor_name, unitId: r.unit_id, action: r.action, entity: r.entity,
      entityId: r.entity_id, summary: r.summary, ip: r.ip, requestId: r.request_id,
    })),
    nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null,
  };
}
