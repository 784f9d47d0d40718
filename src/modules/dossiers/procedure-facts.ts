import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../platform/db/transaction.js';

/** Per procedure, what its dossiers show over a period (issue 21; the shape is procedure-review's `ProcedureFacts`). */
export type DossierProcedureFacts = {
  procedureCode: string; procedureName: string;
  dossiers: number; online: number; post: number; desk: number;
  supplementDossiers: number; supplementTrips: number; supplementOnline: number;
  completed: number; late: number; resultsReturned: number; resultsAtDesk: number;
};

/** Both ways of asking for more papers: the desk's guidance at reception and the request while processing. */
const SUPPLEMENT_TYPES = ['supplement_requested', 'reception_supplement_requested'] as const;

const DAY_MS = 86_400_000;
/** The first instant of a Vietnamese day (UTC+7, no daylight saving). */
const startOfDay = (day: string) => new Date(`${day}T00:00:00+07:00`);

/**
 * The facts of the dossiers received in [from, to] (Vietnamese days) by the given units or for them (the
 * competent unit), per procedure,
 * ordered by procedure code. Archived dossiers count too (they are history like any other): the
 * dossiers are read from `dossier_records`, their events from `dossier_history`. A dossier belongs to the
 * period in which it was received; what happened to it afterwards (supplements, the result, lateness)
 * counts whenever it happened, so a period's figures describe its dossiers' whole journey.
 * Two grouped queries: one over the dossiers, one over their supplement and hand-back events.
 */
export async function procedureFacts(db: Db, input: { unitIds: number[]; from: string; to: string; procedureCodes?: string[]; versionIds?: number[] }): Promise<DossierProcedureFacts[]> {
  if (input.unitIds.length === 0) return [];
  if (input.procedureCodes?.length === 0 || input.versionIds?.length === 0) return [];
  const start = startOfDay(input.from);
  const end = new Date(startOfDay(input.to).getTime() + DAY_MS);
  if (end <= start) return [];

  // One filter for both queries (the alias `d` is the dossier in each).
  const inScope = sql.join([
    // A department's dossiers are received at the province's service centre: the competent unit counts them too.
    sql`(d.receiving_unit_id = any(${input.unitIds}::int[]) or d.competent_unit_id = any(${input.unitIds}::int[]))`,
    sql`d.received_at >= ${start}`,
    sql`d.received_at < ${end}`,
    ...(input.procedureCodes ? [sql`d.procedure_code = any(${input.procedureCodes}::text[])`] : []),
    ...(input.versionIds ? [sql`d.procedure_version_id = any(${input.versionIds}::int[])`] : []),
  ], sql` and `);
  const filter = sql<SqlBool>`(${inScope})`;

  const counts = await db.selectFrom('dossier_records as d').where(filter)
    .select([
      'd.procedure_code',
      // The name as the latest dossier recorded it: a later version may have renamed the procedure.
      sql<string>`(array_agg(d.procedure_name order by d.received_at desc, d.id desc))[1]`.as('procedure_name'),
      sql<string>`count(*)`.as('dossiers'),
      sql<string>`count(*) filter (where d.channel = 'online')`.as('online'),
      sql<string>`count(*) filter (where d.channel = 'post')`.as('post'),
      sql<string>`count(*) filter (where d.channel = 'desk')`.as('desk'),
      sql<string>`count(*) filter (where d.completed_at is not null)`.as('completed'),
      // Late: finished after the due instant, or with an apology letter that moved the date (the letter
      // admits the dossier could not be done in time, whatever the new date).
      sql<string>`count(*) filter (where d.completed_at is not null and (d.completed_at > d.due_at or d.extended))`.as('late'),
    ])
    .groupBy('d.procedure_code').orderBy('d.procedure_code').execute();
  if (counts.length === 0) return [];

  const supplement = sql`e.type = any(${[...SUPPLEMENT_TYPES]}::text[])`;
  const events = await db.selectFrom('dossier_records as d')
    .innerJoin('dossier_history as e', 'e.dossier_id', 'd.id')
    .where(filter)
    .where('e.type', 'in', [...SUPPLEMENT_TYPES, 'result_returned'])
    // A dossier's events sit in the partition of its creation, never after its receipt: lets the planner skip later years.
    .where('e.dossier_created_at', '<', end)
    .select([
      'd.procedure_code',
      sql<string>`count(distinct d.id) filter (where ${supplement})`.as('supplement_dossiers'),
      sql<string>`count(*) filter (where ${supplement} and d.channel <> 'online')`.as('supplement_trips'),
      sql<string>`count(*) filter (where ${supplement} and d.channel = 'online')`.as('supplement_online'),
      sql<string>`count(distinct d.id) filter (where e.type = 'result_returned')`.as('results_returned'),
      sql<string>`count(distinct d.id) filter (where e.type = 'result_returned' and e.payload ->> 'method' = 'desk')`.as('results_at_desk'),
    ])
    .groupBy('d.procedure_code').execute();
  const byCode = new Map(events.map((r) => [r.procedure_code, r]));

  return counts.map((c) => {
    const e = byCode.get(c.procedure_code);
    return {
      procedureCode: c.procedure_code, procedureName: c.procedure_name,
      dossiers: Number(c.dossiers), online: Number(c.online), post: Number(c.post), desk: Number(c.desk),
      supplementDossiers: Number(e?.supplement_dossiers ?? 0), supplementTrips: Number(e?.supplement_trips ?? 0), supplementOnline: Number(e?.supplement_online ?? 0),
      completed: Number(c.completed), late: Number(c.late),
      resultsReturned: Number(e?.results_returned ?? 0), resultsAtDesk: Number(e?.results_at_desk ?? 0),
    };
  });
}
