import { sql, type ExpressionBuilder } from 'kysely';
import { reachable, requireActor } from '../../platform/access/policy.js';
import type { Database } from '../../database.js';
import type { Db } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { DeadlineCalculator } from './ports.js';
import type { QueueQuery } from './schema.js';
import type { DossierRow } from './dossiers.repository.js';

const OPEN = [1, 2, 4, 5, 6, 9];
const DONE = [3, 7, 8, 10];

type Cursor = { k: string; id: string };
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.k === 'string' && /^\d+$/.test(c.id) && !Number.isNaN(Date.parse(c.k))) return c;
  } catch { /* fall through */ }
  throw errors.badRequest('Con trỏ phân trang không hợp lệ.', 'Invalid page cursor.');
}

/**
 * Work queues ("rõ người, rõ việc"): mine, my units' unassigned work, near due (≤ 1 working day),
 * overdue, waiting for a supplement. Keyset paging on (due or received instant, id): no OFFSET,
 * so page 10 000 costs what page 1 costs.
 */
export async function listQueue(db: Db, ctx: RequestContext, q: QueueQuery, calc: DeadlineCalculator, now: Date): Promise<{ items: DossierRow[]; nextCursor: string | null }> {
  const actor = requireActor(ctx.actor);
  const processUnits = reachable(actor, 'dossier.process');
  const readUnits = reachable(actor, 'dossier.read');
  const sortCol = q.sort === 'received' ? 'created_at' : 'due_at';
  let query = db.selectFrom('dossiers').selectAll();
  const inUnits = (units: number[]) => (eb: ExpressionBuilder<Database, 'dossiers'>) => eb('current_unit_id', 'in', units.length ? units : [-1]);
  const involved = (units: number[]) => sql<boolean>`involved_unit_ids && ${sql.val(units.length ? units : [-1])}::int[]`;
  switch (q.queue) {
    case 'mine':
      query = query.where('current_staff_id', '=', actor.staffId).where('status', 'in', OPEN);
      break;
    case 'unassigned':
      query = query.where(inUnits(processUnits)).where('current_staff_id', 'is', null).where('status', 'in', OPEN);
      break;
    case 'near_due':
      query = query.where(inUnits(processUnits)).where('status', 'in', [2, 4, 6]).where('due_at', '>=', now).where('due_at', '<=', calc.addWorkingHours(now, 8));
      break;
    case 'overdue':
      query = query.where(inUnits(processUnits)).where('status', 'in', [2, 4, 5, 6]).where('due_at', '<', now);
      break;
    case 'supplement':
      query = query.where(involved(readUnits)).where('status', '=', 5);
      break;
    case 'all_open':
      query = query.where(involved(readUnits)).where('status', 'in', OPEN);
      break;
    case 'received_here':
      query = query.where('receiving_unit_id', 'in', readUnits.length ? readUnits : [-1]);
      break;
    case 'done':
      query = query.where(involved(readUnits)).where('status', 'in', DONE);
      break;
  }
  if (q.status) query = query.where('status', '=', q.status);
  if (q.procedureCode) query = query.where('procedure_code', '=', q.procedureCode);
  if (q.q) {
    const term = q.q;
    query = query.where((eb) => eb.or([
      eb('code', 'ilike', `%${term}%`),
      eb(sql`f_unaccent(lower(applicant_name))`, 'like', sql`'%' || f_unaccent(lower(${term})) || '%'`),
    ]));
  }
  if (sortCol === 'due_at') query = query.where('due_at', 'is not', null);
  if (q.cursor) {
    const c = decode(q.cursor);
    query = query.where((eb) => eb.or([eb(sortCol, '>', new Date(c.k)), eb.and([eb(sortCol, '=', new Date(c.k)), eb('id', '>', c.id)])]));
  }
  const rows = await query.orderBy(sortCol).orderBy('id').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const key = last ? (sortCol === 'due_at' ? last.due_at : last.created_at) : null;
  return { items: page, nextCursor: rows.length > q.limit && last && key ? encode({ k: key.toISOString(), id: last.id }) : null };
}
