import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { Tx } from '../../platform/db/transaction.js';
import { auditInsert } from '../../platform/audit/audit.service.js';
import * as repo from './dossiers.repository.js';
import type { DossierEvent, EventPayload } from './rules/events.js';
import { GENESIS, type ChainSigner } from './rules/hash-chain.js';
import { apply, initialState, type DossierState } from './rules/reducer.js';
import { digitalFlags, type ListedDocument } from './rules/digital.js';
import { writeApplicantNotifications, type ApplicantTemplates } from './notifications/applicant-notifications.js';
import { immediateWrites, WriteBatch, type Writes } from './write-batch.js';
import { dossierFacts, publishDossierEvents } from './event-subscribers.js';

/** Who an event names: the staff member, else the citizen acting online on their own dossier, else the system. */
export function actorOf(ctx: RequestContext): { staffId: number | null; name: string } {
  if (ctx.actor) return { staffId: ctx.actor.staffId, name: ctx.actor.fullName };
  if (ctx.citizen) return { staffId: null, name: ctx.citizen.fullName };
  return { staffId: null, name: 'Hệ thống' };
}

/** Numbers the events after `state`, stamps them with the actor and the instant, and reduces them. */
export function eventsAfter(ctx: RequestContext, state: DossierState, payloads: EventPayload[], at: Date): { events: DossierEvent[]; state: DossierState } {
  let s = state;
  const events: DossierEvent[] = [];
  for (const p of payloads) {
    const e = { ...p, seq: s.version + 1, at: at.toISOString(), actor: actorOf(ctx), unitId: ctx.actor?.unitId ?? null } as DossierEvent;
    events.push(e);
    s = apply(s, e);
  }
  return { events, state: s };
}

/**
 * Appends events to a dossier inside the caller's transaction: hash-chained and signed, reduced into
 * the new state, projection and chain anchor saved under the version guard, and an audit row — all
 * or nothing.
 */
export async function appendEvents(
  trx: Tx, signer: ChainSigner, ctx: RequestContext, row: repo.DossierRow, state: DossierState, lastHash: string | null,
  payloads: EventPayload[], at: Date, involved: number[],
): Promise<{ state: DossierState; events: repo.StoredEvent[] }> {
  const { events: appended, state: s } = eventsAfter(ctx, state, payloads, at);
  let prev = lastHash;
  const written: repo.StoredEvent[] = [];
  for (const e of appended) {
    const stored = await repo.insertEvent(trx, signer, row, e, prev, ctx.requestId);
    written.push(stored);
    prev = stored.hash;
  }
  const saved = await repo.saveProjection(trx, row, state.version, s, involved, signer.headMac(row.code, s.version, prev ?? GENESIS));
  if (!saved) throw errors.stale();
  await afterEvents(trx, immediateWrites(trx), ctx, row, state, s, appended, written, payloads);
  return { state: s, events: written };
}

/**
 * The writes of a NEW dossier whose row (projection included) is already inserted under a provisional
 * code, now that its code is known: its events chained under the code, the code and the chain's anchor
 * on the row, the read models, the audit row and the applicant's messages — all sent as one statement
 * (write-batch.ts). The intake calls this right after taking the desk's daily counter, so the counter's
 * row lock is held for this statement and the COMMIT only. Nothing here reads the database when the
 * subscribers need no reads for a new dossier (they are given the digital flags) and the templates
 * were read beforehand.
 */
export async function writeNewDossier(
  trx: Tx, signer: ChainSigner, ctx: RequestContext, row: repo.DossierRow, payloads: EventPayload[],
  planned: { events: DossierEvent[]; state: DossierState }, templates: ApplicantTemplates,
): Promise<{ state: DossierState; events: repo.StoredEvent[] }> {
  const { events: appended, state: s } = planned;
  const batch = new WriteBatch(trx);
  let prev: string | null = null;
  const written: repo.StoredEvent[] = [];
  const rows = [];
  for (const e of appended) {
    const { values, stored } = repo.chainedEventRow(signer, row, e, prev, ctx.requestId);
    rows.push(values);
    written.push(stored);
    prev = stored.hash;
  }
  await batch.write(trx.insertInto('dossier_events').values(rows));
  // The row was inserted in this transaction: no one else can have changed it, so no version guard.
  await batch.write(trx.updateTable('dossiers').set({ code: row.code, chain_mac: signer.headMac(row.code, s.version, prev ?? GENESIS) }).where('id', '=', row.id));
  await afterEvents(trx, batch, ctx, row, initialState(), s, appended, written, payloads, templates);
  await batch.flush();
  return { state: s, events: written };
}

async function afterEvents(
  trx: Tx, writes: Writes, ctx: RequestContext, row: repo.DossierRow, before: DossierState, s: DossierState,
  appended: DossierEvent[], written: repo.StoredEvent[], payloads: EventPayload[], templates?: ApplicantTemplates,
): Promise<void> {
  // Read models of other modules (reports) follow in the same transaction (event-subscribers.ts).
  await publishDossierEvents(trx, [{
    dossier: dossierFacts(row), events: appended, fromStart: before.version === 0, history: () => repo.loadEvents(trx, row.id),
    flags: digitalFlags(s, row.documents as ListedDocument[]),
  }], writes);
  await writes.write(auditInsert(trx, ctx, {
    action: `dossier.${payloads.map((p) => p.type).join('+')}`, entity: 'dossier', entityId: row.code,
    unitId: s.currentUnitId ?? row.receiving_unit_id, after: { status: s.status, version: s.version },
  }));
  // The transactional outbox: the applicant's message commits with the event or not at all.
  await writeApplicantNotifications(trx, row, s, written, { writes, ...(templates ? { templates } : {}) });
}
