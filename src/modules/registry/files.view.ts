import type { DisposalRow, FileFacts, FileListRow, FileRow } from './files.repository.js';
import type { DisposalStatus, FileListStatus, FileStatus } from './files.tables.js';
import type { IsoDay } from './registry.context.js';
import { disposalRefusal, handoverState, retentionExpired, retentionExpiresOn, retentionLabel } from './rules/retention.js';

/** Words shown for the files part's codes (Vietnamese first; the web app has its own English). */
export const FILE_STATUS_LABELS: Record<FileStatus, string> = {
  open: 'Đang lập', closed: 'Đã kết thúc', handed_over: 'Đã nộp lưu', disposed: 'Đã hủy', removed: 'Đã bỏ khỏi danh mục',
};
export const LIST_STATUS_LABELS: Record<FileListStatus, string> = { draft: 'Dự thảo', approved: 'Đã ban hành' };
export const DISPOSAL_STATUS_LABELS: Record<DisposalStatus, string> = { draft: 'Dự thảo', approved: 'Đã phê duyệt, đã hủy', cancelled: 'Đã hủy bỏ' };

type Person = { id: number; fullName: string } | null;
export type FileNames = { unit(id: number | null): string; unitCode(id: number): string | null; staff(id: number | null): Person };
const NO_FACTS: FileFacts = { count: 0, pages: 0, firstDay: null, lastDay: null };

/**
 * A file as every answer shows it: Appendix VI Part II §III (FileCode = the agency's code, the year and
 * the file's notation; Title; Maintenance; Creator; StartDate; EndDate; DocTotal; PageTotal) and where it
 * stands — its handover to the agency archive and its retention, derived on `today`, never stored.
 */
export function fileView(row: FileRow, facts: FileFacts | undefined, names: FileNames, today: IsoDay) {
  const f = facts ?? NO_FACTS;
  const handover = handoverState({ status: row.status, retentionYears: row.retention_years, endedOn: row.ended_on, keptUntil: row.kept_until }, today);
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: names.unit(row.unit_id),
    year: row.year,
    listId: row.list_id,
    code: row.code,
    fileCode: { organId: names.unitCode(row.unit_id), year: row.year, notation: row.code },
    title: row.title,
    heading: row.heading,
    retention: row.retention_years === null ? ('permanent' as const) : row.retention_years,
    retentionLabel: retentionLabel(row.retention_years),
    responsible: names.staff(row.responsible_staff_id),
    responsibleUnitId: row.responsible_unit_id,
    responsibleUnitName: row.responsible_unit_id ? names.unit(row.responsible_unit_id) : null,
    status: row.status,
    statusLabel: FILE_STATUS_LABELS[row.status],
    addedAfterApproval: row.added_after_approval,
    documentCount: f.count,
    pageCount: f.pages,
    startDate: f.firstDay,
    endDate: row.ended_on,
    closedAt: row.closed_at?.toISOString() ?? null,
    handedOverOn: row.handed_over_on,
    handover,
    handoverDueOn: handover.deadline,
    handoverOverdue: handover.overdue,
    handoverDueSoon: handover.dueSoon,
    keptUntil: row.kept_until,
    keepReason: row.keep_reason,
    retentionExpiresOn: retentionExpiresOn(row.retention_years, row.ended_on),
    retentionExpired: retentionExpired(row.retention_years, row.ended_on, today),
    // Past its retention and not yet destroyed, whether or not a draft disposal list already holds it.
    disposable: disposalRefusal({ status: row.status, retentionYears: row.retention_years, endedOn: row.ended_on, disposalId: row.disposal_id }, today, row.disposal_id) === null,
    disposalId: row.disposal_id,
    disposedAt: row.disposed_at?.toISOString() ?? null,
    note: row.note,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
export type FileView = ReturnType<typeof fileView>;

export function listView(row: FileListRow, names: FileNames) {
  return {
    id: row.id, unitId: row.unit_id, year: row.year, status: row.status, statusLabel: LIST_STATUS_LABELS[row.status],
    decisionNo: row.decision_no, decisionDate: row.decision_date, approvedBy: names.staff(row.approved_by_staff_id), approvedAt: row.approved_at?.toISOString() ?? null,
    version: row.version,
  };
}

export function disposalView(row: DisposalRow, fileCount: number, names: FileNames) {
  return {
    id: row.id, unitId: row.unit_id, unitName: names.unit(row.unit_id), title: row.title, status: row.status, statusLabel: DISPOSAL_STATUS_LABELS[row.status],
    decisionNo: row.decision_no, decisionDate: row.decision_date, approvedBy: names.staff(row.approved_by_staff_id), approvedAt: row.approved_at?.toISOString() ?? null,
    cancelReason: row.cancel_reason, erasedFiles: row.erased_files, note: row.note, fileCount, version: row.version,
    createdBy: names.staff(row.created_by_staff_id), createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(),
  };
}

export const eventView = (e: { id: string; at: Date; action: string; actor_name: string; note: string | null; details: Record<string, unknown> }) =>
  ({ id: Number(e.id), at: e.at.toISOString(), action: e.action, actorName: e.actor_name, note: e.note, details: e.details });

/** Unit and staff names, read once per request before any transaction. */
export async function loadFileNames(org: { allUnits(): Promise<{ id: number; name: string; code: string | null }[]>; staffNamesByIds(ids: number[]): Promise<{ id: number; fullName: string }[]> }, staffIds: (number | null)[]): Promise<FileNames> {
  const units = new Map((await org.allUnits()).map((u) => [u.id, u]));
  const ids = [...new Set(staffIds.filter((s): s is number => s !== null))];
  const staff = new Map((await org.staffNamesByIds(ids)).map((s) => [s.id, { id: s.id, fullName: s.fullName }]));
  return {
    unit: (id) => (id === null ? '' : units.get(id)?.name ?? ''),
    unitCode: (id) => units.get(id)?.code ?? null,
    staff: (id) => (id === null ? null : staff.get(id) ?? null),
  };
}

export const staffOfFiles = (rows: FileRow[]) => rows.flatMap((r) => [r.responsible_staff_id, r.kept_by_staff_id]);
