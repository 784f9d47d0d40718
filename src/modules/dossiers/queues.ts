import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { reachable, requireActor, type Actor } from '../../platform/access/policy.js';
import type { Database } from '../../database.js';
import type { Db } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import { MAX_INT8 } from '../../platform/http/bounds.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { DeadlineCalculator } from './ports.js';
import type { QueueName, QueueQuery } from './schema.js';
import type { DossierRow } from './dossiers.repository.js';
import { classifySearch, phoneKey, type QueueSearch } from './rules/queue-search.js';
import type { DataProtection } from '../../platform/crypto/data-protection.js';
import { normaliseIdNumber } from './personal-data.js';

const OPEN = [1, 2, 4, 5, 6, 9];
const DONE = [3, 7, 8, 10];
/** The clock runs in these statuses (received, in progress, awaiting payment); in 5 it is paused. */
const CLOCK_RUNNING = [2, 4, 6];

/** The queues whose size the workspace shows at a glance ("rõ việc"). */
export const COUNTED_QUEUES = ['mine', 'awaiting_reception', 'unassigned', 'near_due', 'overdue', 'step_overdue', 'supplement', 'all_open', 'done'] as const;
export type CountedQueue = (typeof COUNTED_QUEUES)[number];

type Cursor = { k: string | null; id: string };
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    // Only what `encode` writes: an ISO instant of years 1000–9999 (toISOString) and a bigint id.
    // Anything else (a year 0 or BC date, an id past 2^63) used to reach PostgreSQL and answer 500.
    const instantOk = c.k === null || (typeof c.k === 'string' && /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/.test(c.k) && !Number.isNaN(Date.parse(c.k)));
    if (instantOk && typeof c.id === 'string' && /^\d{1,19}$/.test(c.id) && BigInt(c.id) <= MAX_INT8) return c;
  } catch { /* fall through */ }
  throw errors.badRequest('Con trỏ phân trang không hợp lệ.', 'Invalid page cursor.');
}

type Eb = ExpressionBuilder<Database, 'dossiers'>;

/** Who is asking and when: the units each queue reaches and the instants it compares against. */
type Scope = { actor: Actor; processUnits: number[]; readUnits: number[]; now: Date; nearDueUntil: Date };

function scopeOf(ctx: RequestContext, calc: DeadlineCalculator, now: Date): Scope {
  const actor = requireActor(ctx.actor);
  return { actor, processUnits: reachable(actor, 'dossier.process'), readUnits: reachable(actor, 'dossier.read'), now, nearDueUntil: calc.addWorkingHours(now, 8) };
}

const some = (units: number[]) => (units.length ? units : [-1]);

/**
 * Open work past its deadline: the clock ran out, or it had already run out when the dossier was
 * paused for a supplement (a pause before the deadline stops the clock: not late). The same rule
 * as `dossierTimeliness`, so a row in this queue always carries the "Đang quá hạn" tag.
 */
export function overdueWhere(eb: Eb, now: Date): Expression<SqlBool> {
  return eb.and([
    eb('status', 'in', [...CLOCK_RUNNING, 5]),
    eb.or([
      eb.and([eb('status', 'in', CLOCK_RUNNING), eb('due_at', '<', now)]),
      eb.and([eb('status', '=', 5), eb('paused_at', '>', eb.ref('due_at'))]),
    ]),
  ]);
}

/**
 * Work queues ("rõ người, rõ việc"): mine, my units' unassigned work, near due (≤ 1 working day),
 * overdue, waiting for a supplement. The list and its count share this one predicate, so a tab's
 * badge is the number of rows the tab shows. "Near due" and "overdue" watch the work held by the
 * units the caller may read — a province-wide auditor watches the whole province — while "mine" and
 * "unassigned" are work the caller may take.
 */
function queueWhere(queue: QueueName, s: Scope) {
  const involved = (units: number[]) => sql<boolean>`involved_unit_ids && ${sql.val(some(units))}::int[]`;
  return (eb: Eb): Expression<SqlBool> => {
    switch (queue) {
      case 'mine':
        return eb.and([eb('current_staff_id', '=', s.actor.staffId), eb('status', 'in', OPEN)]);
      case 'awaiting_reception':
        // Submitted online (status 1) and not yet received: the work of the desk it was sent to.
        return eb.and([eb('receiving_unit_id', 'in', some(s.processUnits)), eb('status', '=', 1)]);
      case 'unassigned':
        return eb.and([eb('current_unit_id', 'in', some(s.processUnits)), eb('current_staff_id', 'is', null), eb('status', 'in', OPEN)]);
      case 'near_due':
        return eb.and([eb('current_unit_id', 'in', some(s.readUnits)), eb('status', 'in', CLOCK_RUNNING), eb('due_at', '>=', s.now), eb('due_at', '<=', s.nearDueUntil)]);
      case 'overdue':
        return eb.and([eb('current_unit_id', 'in', some(s.readUnits)), overdueWhere(eb, s.now)]);
      case 'step_overdue':
        // The step it stands at has outrun its share of the time (the internal process's budget,
        // `step_due_at`), whether or not the dossier's own deadline has passed: where it is stuck.
        return eb.and([eb('current_unit_id', 'in', some(s.readUnits)), eb('status', 'in', CLOCK_RUNNING), eb('step_due_at', '<', s.now)]);
      case 'supplement':
        return eb.and([involved(s.readUnits), eb('status', '=', 5)]);
      case 'all_open':
        return eb.and([involved(s.readUnits), eb('status', 'in', OPEN)]);
      case 'received_here':
        return eb('receiving_unit_id', 'in', some(s.readUnits));
      case 'done':
        return eb.and([involved(s.readUnits), eb('status', 'in', DONE)]);
    }
  };
}

/**
 * The search box: an ID number by its blind index (migration 0013: the number itself is encrypted;
 * every configured key's index, so rows not yet re-sealed after a key rotation are still found), a
 * phone number on its expression index (migration 0008), any other term on the dossier code or the
 * applicant's name without diacritics.
 */
function searchWhere(search: QueueSearch, keys: DataProtection) {
  return (eb: Eb): Expression<SqlBool> => {
    switch (search.kind) {
      case 'id_number': {
        const indexes = keys.blindIndexes(normaliseIdNumber(search.idNumber));
        return eb.or([eb('applicant_id_index', 'in', indexes), eb('representative_id_index', 'in', indexes)]);
      }
      case 'phone':
        return eb(sql`dossier_phone_key(applicant ->> 'phone')`, '=', phoneKey(search.phone));
      case 'text':
        return eb.or([
          eb('code', 'ilike', `%${search.text}%`),
          eb(sql`f_unaccent(lower(applicant_name))`, 'like', sql`'%' || f_unaccent(lower(${search.text})) || '%'`),
        ]);
    }
  };
}

const DIGITAL_FILTERS = [['digitised', 'digitised'], ['resultDigitised', 'result_digitised'], ['paidOnline', 'paid_online'], ['fullyOnline', 'fully_online']] as const;

export type QueuePage = { items: DossierRow[]; nextCursor: string | null };

/**
 * One page of a queue. Keyset paging on (due instant, id) or (received instant, id): no OFFSET, so
 * page 10 000 costs what page 1 costs. Dossiers without a due date (awaiting reception, refused)
 * come last when sorting by due date — never left out, or the list would disagree with its count.
 */
export async function listQueue(db: Db, ctx: RequestContext, q: QueueQuery, calc: DeadlineCalculator, now: Date, keys: DataProtection): Promise<QueuePage> {
  const scope = scopeOf(ctx, calc, now);
  const byDue = q.sort !== 'received';
  // Dossiers without a due date (awaiting reception) sort last as 'infinity': the order and the
  // cursor are then one row comparison, which the partial index dossiers_open_due_idx (migration
  // 0026) serves in order, so a page reads its rows and stops instead of sorting every open dossier.
  const sortKey = byDue ? sql<Date>`coalesce(due_at, 'infinity'::timestamptz)` : sql<Date>`created_at`;
  let query = db.selectFrom('dossiers').selectAll().where(queueWhere(q.queue, scope));
  if (q.status) query = query.where('status', '=', q.status);
  if (q.procedureCode) query = query.where('procedure_code', '=', q.procedureCode);
  // The digital flags (migration 0017): "not digitised yet" is the desk's list of papers to scan.
  for (const [param, column] of DIGITAL_FILTERS) {
    const want = q[param];
    if (want !== undefined) query = query.where(column, '=', want);
  }
  const search = q.q ? classifySearch(q.q) : null;
  if (search) query = query.where(searchWhere(search, keys));
  if (q.cursor) {
    const c = decode(q.cursor);
    const k = c.k === null ? sql`'infinity'::timestamptz` : sql`${new Date(c.k)}::timestamptz`;
    query = query.where(sql<boolean>`(${sortKey}, id) > (${k}, ${c.id}::bigint)`);
  }
  const rows = await query.orderBy(sortKey).orderBy('id').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const key = last ? (byDue ? last.due_at : last.created_at) : null;
  return { items: page, nextCursor: rows.length > q.limit && last ? encode({ k: key ? key.toISOString() : null, id: last.id }) : null };
}

/**
 * The size of each counted queue, from the same predicate as its list, up to `cap` (beyond it the
 * badge reads "cap+"): counting stops there, so a province-wide count stays cheap.
 */
export async function countQueues(db: Db, ctx: RequestContext, calc: DeadlineCalculator, now: Date, cap: number): Promise<Record<CountedQueue, { n: number; more: boolean }>> {
  const scope = scopeOf(ctx, calc, now);
  const counts = await Promise.all(COUNTED_QUEUES.map(async (queue) => {
    const row = await db.selectFrom((eb) => eb.selectFrom('dossiers').select('id').where(queueWhere(queue, scope)).limit(cap + 1).as('capped'))
      .select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const n = Number(row.n);
    return [queue, { n: Math.min(n, cap), more: n > cap }] as const;
  }));
  return Object.fromEntries(counts) as Record<CountedQueue, { n: number; more: boolean }>;
}
