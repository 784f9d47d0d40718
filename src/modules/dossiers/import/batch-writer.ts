import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import type { Db, Tx } from '../../../platform/db/transaction.js';
import type { RequestContext } from '../../../platform/http/context.js';
import { digitalFlags, type ListedDocument } from '../rules/digital.js';
import { makeLookupSecret } from '../rules/dossier-code.js';
import { eventHash, GENESIS, HASH_VERSION, type ChainedEvent, type ChainSigner } from '../rules/hash-chain.js';
import type { PreparedDossier, StaffRef } from './replay.js';
import { publishDossierEvents } from '../event-subscribers.js';

/**
 * Writes a chunk of prepared dossiers in the caller's transaction with a handful of statements:
 * one multi-row INSERT of the dossiers (rows passed as arrays and `unnest`ed, so 500 dossiers are
 * one round trip and a few parameters), one of their events, one upsert of the daily counters and
 * one audit row. Hashes and signatures are computed as `insertEvent` computes them, so `verify` accepts them.
 * A code already present is left alone (`on conflict do nothing`): that is what makes a re-import
 * change nothing, even when two imports race.
 */
export async function writeChunk(trx: Tx, signer: ChainSigner, ctx: RequestContext, chunk: PreparedDossier[], runId: string, lines: [number, number]): Promise<{ inserted: Set<string>; events: number }> {
  const secrets = randomBytes(6 * chunk.length);
  // Each dossier's chain first: hashes depend on its code only, and the row carries the signed head.
  const chains = new Map(chunk.map((p) => [p.code, chainOf(signer, p, runId)]));
  const anchor = (p: PreparedDossier) => signer.headMac(p.code, p.state.version, chains.get(p.code)!.at(-1)?.hash ?? GENESIS);
  const flags = new Map(chunk.map((p) => [p.code, digitalFlags(p.state, JSON.parse(p.values.documents) as ListedDocument[])]));
  const col = <T>(pick: (p: PreparedDossier, i: number) => T) => chunk.map(pick);
  const date = (v: string | null) => (v ? new Date(v) : null);
  const rows = await sql<{ id: string; code: string; created_at: Date }>`
    insert into dossiers (code, lookup_secret, procedure_code, procedure_version_id, procedure_name, field_code, field_name, case_code, channel,
      receiving_unit_id, competent_unit_id, applicant, applicant_name, applicant_id_index, representative_id_index, documents, fees, result_delivery, processing_time,
      status, received_at, due_at, completed_at, returned_at, current_step, current_unit_id, current_staff_id, step_due_at, paused_at,
      involved_unit_ids, extended, digitised, result_digitised, paid_online, fully_online, version, chain_mac, created_at, updated_at)
    select code, secret, pcode, pver, pname, fcode, fname, ccode, channel, runit, cunit, applicant::jsonb, aname, aidx, ridx, docs::jsonb, fees::jsonb, delivery,
      ptime::jsonb, status, received, due, completed, returned, step, cur_unit, cur_staff, step_due, paused, involved::int[], extended,
      digitised, result_digitised, paid_online, fully_online, version, chain_mac, created, updated
    from unnest(
      ${col((p) => p.code)}::text[], ${col((_p, i) => makeLookupSecret((n) => secrets.subarray(6 * i, 6 * i + n)))}::text[],
      ${col((p) => p.values.procedureCode)}::text[], ${col((p) => p.values.procedureVersionId)}::int[], ${col((p) => p.values.procedureName)}::text[],
      ${col((p) => p.values.fieldCode)}::text[], ${col((p) => p.values.fieldName)}::text[], ${col((p) => p.values.caseCode)}::text[],
      ${col((p) => p.values.channel)}::text[], ${col((p) => p.values.receivingUnitId)}::int[], ${col((p) => p.values.competentUnitId)}::int[],
      ${col((p) => p.values.applicant)}::text[], ${col((p) => p.values.applicantName)}::text[],
      ${col((p) => p.values.applicantIdIndex)}::text[], ${col((p) => p.values.representativeIdIndex)}::text[], ${col((p) => p.values.documents)}::text[],
      ${col((p) => p.values.fees)}::text[], ${col((p) => p.values.resultDelivery)}::text[], ${col((p) => p.values.processingTime)}::text[],
      ${col((p) => p.state.status)}::smallint[], ${col((p) => date(p.state.receivedAt))}::timestamptz[], ${col((p) => date(p.state.dueAt))}::timestamptz[],
      ${col((p) => date(p.state.completedAt))}::timestamptz[], ${col((p) => date(p.state.returnedAt))}::timestamptz[], ${col((p) => p.state.step || null)}::int[],
      ${col((p) => p.state.currentUnitId)}::int[], ${col((p) => p.state.assignee?.staffId ?? null)}::int[], ${col((p) => date(p.state.stepDueAt))}::timestamptz[], ${col((p) => date(p.state.pausedSince))}::timestamptz[],
      ${col((p) => `{${p.values.involvedUnitIds.join(',')}}`)}::text[], ${col((p) => p.state.extended)}::boolean[],
      ${col((p) => flags.get(p.code)!.digitised)}::boolean[], ${col((p) => flags.get(p.code)!.resultDigitised)}::boolean[],
      ${col((p) => flags.get(p.code)!.paidOnline)}::boolean[], ${col((p) => flags.get(p.code)!.fullyOnline)}::boolean[],
      ${col((p) => p.state.version)}::int[], ${col(anchor)}::text[],
      ${col((p) => p.values.createdAt)}::timestamptz[], ${col((p) => p.values.updatedAt)}::timestamptz[]
    ) as t(code, secret, pcode, pver, pname, fcode, fname, ccode, channel, runit, cunit, applicant, aname, aidx, ridx, docs, fees, delivery, ptime,
      status, received, due, completed, returned, step, cur_unit, cur_staff, step_due, paused, involved, extended,
      digitised, result_digitised, paid_online, fully_online, version, chain_mac, created, updated)
    on conflict (code) do nothing
    returning id, code, created_at`.execute(trx);

  const ids = new Map(rows.rows.map((r) => [r.code, r.id]));
  const created = new Map(rows.rows.map((r) => [r.code, r.created_at]));
  const ev = { dossier: [] as string[], created: [] as Date[], seq: [] as number[], type: [] as string[], at: [] as string[], staff: [] as (number | null)[], name: [] as string[], unit: [] as (number | null)[], payload: [] as string[], prev: [] as string[], hash: [] as string[], mac: [] as string[] };
  for (const p of chunk) {
    const id = ids.get(p.code);
    if (!id) continue;
    for (const e of chains.get(p.code)!) {
      ev.dossier.push(id); ev.created.push(created.get(p.code)!); ev.seq.push(e.seq); ev.type.push(e.type); ev.at.push(e.at); ev.staff.push(e.actorStaffId); ev.name.push(e.actorName);
      ev.unit.push(e.unitId); ev.payload.push(JSON.stringify(e.payload)); ev.prev.push(e.prevHash); ev.hash.push(e.hash); ev.mac.push(e.mac!);
    }
  }
  if (ev.dossier.length) {
    await sql`
      insert into dossier_events (dossier_id, seq, type, at, actor_staff_id, actor_name, unit_id, payload, request_id, prev_hash, hash, hash_version, mac, dossier_created_at)
      select dossier_id, seq, type, at, staff, name, unit, payload::jsonb, ${runId}, prev, hash, ${HASH_VERSION}, mac, created
      from unnest(${ev.dossier}::bigint[], ${ev.seq}::int[], ${ev.type}::text[], ${ev.at}::timestamptz[], ${ev.staff}::int[], ${ev.name}::text[],
        ${ev.unit}::int[], ${ev.payload}::text[], ${ev.prev}::text[], ${ev.hash}::text[], ${ev.mac}::text[], ${ev.created}::timestamptz[])
        as t(dossier_id, seq, type, at, staff, name, unit, payload, prev, hash, mac, created)`.execute(trx);
  }

  // Read models of other modules (reports) follow in the same transaction, as for live events.
  await publishDossierEvents(trx, chunk.filter((p) => ids.has(p.code)).map((p) => ({
    fromStart: true, events: p.events, history: async () => p.events,
    dossier: {
      id: String(ids.get(p.code)!), code: p.code, procedureCode: p.values.procedureCode, procedureName: p.values.procedureName, fieldCode: p.values.fieldCode,
      fieldName: p.values.fieldName, channel: p.values.channel, receivingUnitId: p.values.receivingUnitId, competentUnitId: p.values.competentUnitId,
    },
  })));

  // Live intake numbers on from the highest imported code of each agency and day, never over it.
  const counters = new Map<string, { agency: string; day: string; last: number }>();
  for (const p of chunk) {
    if (!ids.has(p.code)) continue;
    const key = `${p.agencyCode}|${p.day}`;
    const c = counters.get(key);
    if (!c) counters.set(key, { agency: p.agencyCode, day: p.day, last: p.sequence });
    else c.last = Math.max(c.last, p.sequence);
  }
  if (counters.size) {
    const cs = [...counters.values()];
    await sql`
      insert into dossier_daily_counters (agency_code, day, last_value)
      select * from unnest(${cs.map((c) => c.agency)}::text[], ${cs.map((c) => c.day)}::date[], ${cs.map((c) => c.last)}::int[])
      on conflict (agency_code, day) do update set last_value = greatest(dossier_daily_counters.last_value, excluded.last_value)`.execute(trx);
  }
  if (ids.size) {
    const written = chunk.filter((p) => ids.has(p.code));
    await recordAudit(trx, ctx, {
      action: 'dossier.imported', entity: 'dossier_import', entityId: runId,
      after: { lines, dossiers: ids.size, events: ev.dossier.length, firstCode: written[0]!.code, lastCode: written[written.length - 1]!.code },
    });
  }
  return { inserted: new Set(ids.keys()), events: ev.dossier.length };
}

/** A prepared dossier's events as `insertEvent` would chain and sign them (the run id is their request id). */
function chainOf(signer: ChainSigner, p: PreparedDossier, runId: string): ChainedEvent[] {
  const out: ChainedEvent[] = [];
  let prev = GENESIS;
  for (const e of p.events) {
    const { seq, type, at, actor, unitId, ...payload } = e;
    const base = { seq, type, at, actorStaffId: actor.staffId, actorName: actor.name, unitId, payload, requestId: runId, hashVersion: HASH_VERSION, prevHash: prev };
    const hash = eventHash(p.code, base);
    out.push({ ...base, hash, mac: signer.eventMac(hash) });
    prev = hash;
  }
  return out;
}

/** Of `codes`, those already in the database, live or archived (an archived dossier is not imported again). */
export async function existingCodes(db: Db, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await sql<{ code: string }>`select code from dossier_records where code = any(${codes}::text[])`.execute(db);
  return new Set(rows.rows.map((r) => r.code));
}

/**
 * Staff by badge number (số thẻ), the key an old system and this one share. This reads the org
 * module's staff table directly — a read-only lookup for import only, because the org service has no
 * bulk "by badge" query yet; move it there when it does.
 */
export async function staffByBadge(db: Db): Promise<Map<string, StaffRef>> {
  const rows = await db.selectFrom('org_staff').select(['id', 'full_name', 'unit_id', 'badge_number']).where('badge_number', 'is not', null).execute();
  return new Map(rows.map((r) => [r.badge_number!, { id: r.id, fullName: r.full_name, unitId: r.unit_id }]));
}

/**
 * After a bulk load the planner's statistics still describe the small table it was: measured on
 * 300,000 imported dossiers, loading one dossier's events then chose a parallel scan (9 ms instead of
 * 0.1 ms), which made verifying every chain take most of an hour. Refreshing them takes a second.
 */
export async function refreshStatistics(db: Db): Promise<void> {
  await sql`analyze dossiers`.execute(db);
  await sql`analyze dossier_events`.execute(db);
}
