import type { Db } from '../../platform/db/transaction.js';
import type { RequestContext } from '../../platform/http/context.js';
import { canActOn, canRead } from './dossier-access.js';
import * as repo from './dossiers.repository.js';
import { reduce } from './rules/reducer.js';

/**
 * What the satisfaction module reads of a dossier to bind a rating to it (modules/satisfaction/ports.ts):
 * no personal data — the procedure, the desk, the dates, and the events' actors (who received it and
 * who returned the result), from which it decides the official rated.
 */
export type DossierRatingFacts = {
  code: string;
  status: number;
  receivingUnitId: number;
  procedureCode: string;
  procedureName: string;
  receivedAt: string | null;
  returnedAt: string | null;
  events: { type: string; actor: { staffId: number | null; name: string } }[];
  /** For a staff caller: whether they may read the dossier, and whether they move it on (its desk, its holder). */
  access: { read: boolean; actsOn: boolean };
};

export async function ratingFacts(db: Db, ctx: RequestContext | null, code: string): Promise<DossierRatingFacts | undefined> {
  const row = await repo.findByCode(db, code);
  if (!row) return undefined;
  const events = await repo.loadEvents(db, row.id);
  const state = reduce(events);
  const actor = ctx?.actor ?? null;
  const read = canRead(actor, row);
  return {
    code: row.code, status: state.status, receivingUnitId: row.receiving_unit_id, procedureCode: row.procedure_code, procedureName: row.procedure_name,
    receivedAt: state.receivedAt, returnedAt: state.returnedAt,
    events: events.map((e) => ({ type: e.type, actor: { staffId: e.actor.staffId, name: e.actor.name } })),
    access: { read, actsOn: read && !!actor && canActOn(actor, row, state) },
  };
}
