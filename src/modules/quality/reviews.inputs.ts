import type { Db } from '../../platform/db/transaction.js';
import type { IsoDay, SystemRow } from './quality.context.js';
import type { AuditStatus, NcSourceColumn, NcStatusColumn } from './quality.tables.js';

/** The objectives' readings of a year (Part A's `objectives.readingsOf`), handed in by quality.service.ts. */
export type ObjectiveReadings = (system: SystemRow, year: number) => Promise<unknown[]>;

const NC_STATUSES: readonly NcStatusColumn[] = ['open', 'action_planned', 'actions_done', 'verified_effective', 'closed'];
const NC_SOURCES: readonly NcSourceColumn[] = ['manual', 'audit', 'overdue', 'apology', 'supplement', 'complaint', 'inspection', 'objective'];
export const AUDIT_STATUS_LABELS: Record<AuditStatus, string> = { planned: 'Đã lập kế hoạch', in_progress: 'Đang đánh giá', reported: 'Đã báo cáo', cancelled: 'Đã hủy' };

export type ReviewInputs = {
  year: number;
  objectives: unknown[];
  audits: { id: number; title: string; status: AuditStatus; statusLabel: string; reportedOn: IsoDay | null; nonconformities: number; observations: number }[];
  nonconformities: { byStatus: Record<NcStatusColumn, number>; bySource: Record<NcSourceColumn, number>; open: number; closedInYear: number };
  asOf: IsoDay;
  frozen: boolean;
};

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * ISO 9001 §9.3.2's inputs as the system's data says them today: the year's objectives with their
 * readings, its internal audits with their findings, and the nonconformities — by status and source
 * those raised in the year, `open` those not yet closed whatever their year (what the meeting must
 * still act on), `closedInYear` those closed during it. Read from this module's own tables and before
 * any transaction; the caller freezes the result when the review is held.
 */
export async function assembleInputs(db: Db, readings: ObjectiveReadings, system: SystemRow, year: number, asOf: IsoDay): Promise<ReviewInputs> {
  const objectives = await readings(system, year);
  const audits = await db.selectFrom('qms_audits').select(['id', 'title', 'status', 'reported_on', 'planned_from'])
    .where('qms_id', '=', system.id).where('year', '=', year).orderBy('planned_from').orderBy('id').execute();
  const findings = audits.length === 0 ? [] : await db.selectFrom('qms_findings').select(['audit_id', 'kind']).where('audit_id', 'in', audits.map((a) => a.id)).execute();
  const ncs = await db.selectFrom('qms_nonconformities').select(['year', 'status', 'source', 'closed_on']).where('qms_id', '=', system.id).execute();

  const byStatus = zeros(NC_STATUSES);
  const bySource = zeros(NC_SOURCES);
  let open = 0;
  let closedInYear = 0;
  for (const nc of ncs) {
    if (nc.year === year) { byStatus[nc.status] += 1; bySource[nc.source] += 1; }
    if (nc.status !== 'closed') open += 1;
    if (nc.closed_on && nc.closed_on.startsWith(`${year}-`)) closedInYear += 1;
  }
  const count = (auditId: number, kind: string) => findings.filter((f) => f.audit_id === auditId && f.kind === kind).length;
  return {
    year, objectives,
    audits: audits.map((a) => ({
      id: a.id, title: a.title, status: a.status, statusLabel: AUDIT_STATUS_LABELS[a.status], reportedOn: a.reported_on,
      nonconformities: count(a.id, 'nonconformity'), observations: count(a.id, 'observation'),
    })),
    nonconformities: { byStatus, bySource, open, closedInYear },
    asOf, frozen: false,
  };
}
