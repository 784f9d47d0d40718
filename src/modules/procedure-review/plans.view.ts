import type { Selectable } from 'kysely';
import type { ProcedureContent } from '../catalog/schema.js';
import type { AgencyAccess } from './agency-access.js';
import type { PlanStatus, PrPlansTable } from './procedure-review.tables.js';
import type { CostSheet, PlanChanges, Saving } from './rules/types.js';

export type PlanRow = Selectable<PrPlansTable>;

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: 'Dự thảo',
  proposed: 'Đã trình, chờ phê duyệt',
  approved: 'Đã phê duyệt',
  rejected: 'Không phê duyệt',
};

/** The changes as stored (older rows may lack a list the schema now defaults). */
export function changesOf(row: Pick<PlanRow, 'changes'>): PlanChanges {
  const c = (typeof row.changes === 'string' ? JSON.parse(row.changes) : row.changes) as Partial<PlanChanges>;
  return { ...c, removeDocuments: c.removeDocuments ?? [], reuseDocuments: c.reuseDocuments ?? [], fees: c.fees ?? [] };
}

export const sheetOf = (snapshot: unknown): CostSheet => (typeof snapshot === 'string' ? JSON.parse(snapshot) : snapshot) as CostSheet;

type TimeLimit = { amount: number; unit: 'working_days' | 'calendar_days' | 'working_hours' };

/** The time limit a citizen is told: the desk channel's, else the first channel's (Decree 63/2010 art. 8(2)(d)). */
export function timeLimitOf(content: ProcedureContent): TimeLimit | null {
  const channel = content.channels.find((c) => c.kind === 'desk') ?? content.channels[0];
  return channel ? { amount: channel.time.amount, unit: channel.time.unit } : null;
}

/** What a plan changes in the version's text: the time limit, each document, each fee and the online mode, before and after. */
export function changedContent(content: ProcedureContent, changes: PlanChanges) {
  const before = timeLimitOf(content);
  const removed = new Set(changes.removeDocuments);
  const reused = new Set(changes.reuseDocuments);
  const newFee = new Map(changes.fees.map((f) => [f.name, f.amountVnd]));
  return {
    timeLimit: { before, after: changes.timeLimit ?? before },
    documents: content.documents.map((d) => ({ name: d.name, optional: d.optional, removed: removed.has(d.name), reused: reused.has(d.name) })),
    fees: content.fees.map((f) => ({ name: f.name, beforeVnd: f.amount ?? null, afterVnd: newFee.has(f.name) ? newFee.get(f.name)! : f.amount ?? null })),
    onlineMode: { before: content.onlineMode, after: changes.onlineMode ?? content.onlineMode },
  };
}

/** What the caller may do with a plan in its status (API.md Part E). */
export function allowedOf(status: PlanStatus, access: AgencyAccess) {
  const draft = status === 'draft';
  const proposed = status === 'proposed';
  return { edit: draft && access.manage, propose: draft && access.manage, approve: proposed && access.approve, reject: proposed && access.approve, return: proposed && access.approve };
}

export function summaryOf(row: PlanRow, agencyUnitName: string, saving: Saving) {
  return {
    id: row.id, procedureCode: row.procedure_code, procedureName: row.procedure_name, agencyUnitId: row.agency_unit_id, agencyUnitName,
    year: row.year, title: row.title, status: row.status, statusLabel: PLAN_STATUS_LABELS[row.status], saving,
  };
}
