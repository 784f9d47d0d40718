import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { Tx } from '../../platform/db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import * as repo from './dossiers.repository.js';
import type { DossierEvent, EventPayload } from './rules/events.js';
import { GENESIS, type ChainSigner } from './rules/hash-chain.js';
import { apply, type DossierState } from './rules/reducer.js';
import { writeApplicantNotifications } from './notifications/applicant-notifications.js';
import { dossierFacts, publishDossierEvents } from './event-subscribers.js';

/** Who an event names: the staff member, else the citizen acting online on their own dossier, else the system. */
export function actorOf(ctx: RequestContext): { staffId: number | null; name: string } {
  if (ctx.actor) return { staffId: ctx.actor.staffId, name: ctx.actor.fullName };
  if (ctx.citizen) return { staffId: null, name: ctx.citizen.fullName };
  return { staffId: null, name: 'Hệ thống' };
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
  let s = state;
  let prev = lastHash;
  const written: repo.StoredEvent[] = [];
  const appended: DossierEvent[] = [];
  for (const p of payloads) {
    const e = { ...p, seq: s.version + 1, at: at.toISOString(), actor: actorOf(ctx), unitId: ctx.actor?.unitId ?? null } as DossierEvent;
    appended.push(e);
    const stored = await repo.insertEvent(trx, signer, row.id, row.code, e, prev, ctx.requestId);
    written.push(stored);
    prev = stored.hash;
    s = apply(s, e);
  }
  const saved = await repo.saveProjection(trx, row, state.version, s, involved, signer.headMac(row.code, s.version, prev ?? GENESIS));
  if (!saved) throw errors.stale();
  // Read models of other modules (reports) follow in the same transaction (event-subscribers.ts).
  await publishDossierEvents(trx, [{ dossier: dossierFacts(row), events: appended, fromStart: state.version === 0, history: () => repo.loadEvents(trx, row.id) }]);
  await recordAudit(trx, ctx, {
    action: `dossier.${payloads.map((p) => p.type).join('+')}`, entity: 'dossier', entityId: row.code,
    unitId: s.currentUnitId ?? row.receiving_unit_id, after: { status: s.status, version: s.version },
  });
  // The transactional outbox: the applicant's message commits with the event or not at all.
  await writeApplicantNotifications(trx, row, s, written);
  return { state: s, events: written };
}
