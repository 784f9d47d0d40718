/**
 * Reads the slips need beyond one dossier's row and log: its place in the desk's register, and the
 * register (form 07) itself. Only the dossier module's own tables, live and archived (dossier_records).
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/transaction.js';
import type { DossierRow } from '../dossiers.repository.js';

const VN_OFFSET_MS = 7 * 3_600_000;

/** The instant Vietnamese civil date `day` (YYYY-MM-DD) begins. */
export function vnDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS);
}

/**
 * Quyển số and số thứ tự of a received dossier (Form 01's "Vào Sổ theo dõi hồ sơ"): one book per
 * desk and calendar year, numbered in order of receipt. The same count gives the order of the
 * dossier in the desk's form 07 printed from 1 January.
 */
export async function registerNumber(db: Db, row: Pick<DossierRow, 'id' | 'receiving_unit_id' | 'received_at'>): Promise<{ book: string; number: number } | undefined> {
  if (!row.received_at) return undefined;
  const year = new Date(row.received_at.getTime() + VN_OFFSET_MS).getUTCFullYear();
  const at = row.received_at;
  // Archived dossiers keep their place: a receipt printed again after the archive shows the same number.
  const result = await db.selectFrom('dossier_records')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('receiving_unit_id', '=', row.receiving_unit_id)
    .where('received_at', '>=', vnDayStart(`${year}-01-01`))
    .where((eb) => eb.or([eb('received_at', '<', at), eb.and([eb('received_at', '=', at), eb('id', '<=', row.id)])]))
    .executeTakeFirstOrThrow();
  return { book: String(year), number: Number(result.n) };
}

export type RegisterDossier = Pick<DossierRow,
  'id' | 'code' | 'procedure_name' | 'applicant' | 'applicant_name' | 'processing_time' | 'competent_unit_id' | 'receiving_unit_id'
  | 'status' | 'received_at' | 'due_at' | 'completed_at' | 'returned_at' | 'extended'> & Partial<Pick<DossierRow, 'paused_at'>> & {
  transferredAt: Date | null;
  resultAt: Date | null;
  receiverName: string | null;
};

/**
 * Dossiers received in [from, to) that were received by or passed through any of `unitIds`, in
 * order of receipt, with the dates the register records from their logs. Reads at most `limit + 1`
 * rows so the caller can tell the period is too large.
 */
export async function registerDossiers(db: Db, unitIds: number[], from: Date, to: Date, limit: number): Promise<RegisterDossier[]> {
  // Live and archived (migration 0030): a register of an old period lists what it listed before.
  const rows = await db.selectFrom('dossier_records')
    .select(['id', 'code', 'procedure_name', 'applicant', 'applicant_name', 'processing_time', 'competent_unit_id', 'receiving_unit_id',
      'status', 'received_at', 'due_at', 'completed_at', 'returned_at', 'extended', 'paused_at'])
    .where(sql<boolean>`involved_unit_ids && ${sql.val(unitIds.length ? unitIds : [-1])}::int[]`)
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .orderBy('received_at').orderBy('id')
    .limit(limit + 1)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, { ...r, transferredAt: null as Date | null, resultAt: null as Date | null, receiverName: null as string | null }]));
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += 1000) {
    const events = await db.selectFrom('dossier_history')
      .select(['dossier_id', 'type', 'at', 'payload'])
      .where('dossier_id', 'in', ids.slice(i, i + 1000))
      .where('type', 'in', ['transferred', 'result_recorded', 'result_returned'])
      .orderBy('dossier_id').orderBy('seq')
      .execute();
    for (const e of events) {
      const d = byId.get(e.dossier_id)!;
      // The first transfer is the hand-over from the desk to the agency that decides.
      if (e.type === 'transferred' && !d.transferredAt) d.transferredAt = e.at;
      if (e.type === 'result_recorded') d.resultAt = e.at;
      if (e.type === 'result_returned') d.receiverName = String((e.payload as { receiverName?: unknown }).receiverName ?? '') || null;
    }
  }
  return [...byId.values()];
}
