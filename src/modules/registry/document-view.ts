import type { DocumentRow, IsoDay } from './registry.context.js';
import { CONFIDENTIALITY_LABELS, STATUS_LABELS, URGENCY_LABELS } from './registry-labels.js';
import type { Recipient } from './registry.tables.js';
import { documentTypeName } from './rules/document-types.js';

type Person = { id: number; fullName: string } | null;
export type ViewNames = { unit(id: number | null): string; staff(id: number | null): Person };

/** Whether an incoming document is past its deadline on `today` and still not handled. */
export const isOverdue = (doc: Pick<DocumentRow, 'direction' | 'due_on' | 'status'>, today: IsoDay): boolean =>
  doc.direction === 'in' && doc.due_on !== null && doc.status === 'routed' && doc.due_on < today;

/**
 * A document as every part of the API shows it (API.md "Document"): the same fields in lists and in
 * the detail, which adds assignments, attachments, events and the actions the caller may take.
 */
export function documentView(row: DocumentRow, names: ViewNames, today: IsoDay) {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: names.unit(row.unit_id),
    direction: row.direction,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    docType: row.doc_type,
    docTypeName: documentTypeName(row.doc_type),
    legal: row.legal,
    subject: row.subject,
    number: row.number,
    symbol: row.symbol,
    issuedOn: row.issued_on,
    issuerName: row.issuer_name,
    signerName: row.signer_name,
    signerTitle: row.signer_title,
    signingPrefix: row.signing_prefix,
    urgency: row.urgency,
    urgencyLabel: URGENCY_LABELS[row.urgency],
    confidentiality: row.confidentiality,
    confidentialityLabel: CONFIDENTIALITY_LABELS[row.confidentiality],
    pages: row.pages,
    copies: row.copies,
    recipients: (row.recipients as Recipient[]).map((r) => ({ unitId: r.unitId ?? null, name: r.unitId ? names.unit(r.unitId) || r.name || '' : r.name ?? '' })),
    draftingUnitId: row.drafting_unit_id,
    draftingUnitName: row.drafting_unit_id ? names.unit(row.drafting_unit_id) : null,
    draftedBy: names.staff(row.drafted_by_staff_id),
    approver: names.staff(row.approver_staff_id),
    approvedAt: row.approved_at?.toISOString() ?? null,
    releasedAt: row.released_at?.toISOString() ?? null,
    arrivalNumber: row.arrival_number,
    arrivalOn: row.arrival_on,
    channel: row.channel,
    senderUnitId: row.sender_unit_id,
    senderUnitName: row.sender_unit_id ? names.unit(row.sender_unit_id) : null,
    dueOn: row.due_on,
    overdue: isOverdue(row, today),
    instructions: row.instructions,
    routedBy: names.staff(row.routed_by_staff_id),
    routedAt: row.routed_at?.toISOString() ?? null,
    doneAt: row.done_at?.toISOString() ?? null,
    replyDocumentId: row.reply_document_id,
    hasFile: row.file_key !== null,
    fileSha256: row.file_sha256,
    note: row.note,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
export type DocumentView = ReturnType<typeof documentView>;

/** Unit and staff names for a set of rows, read once per request (before any transaction). */
export async function loadViewNames(org: { allUnits(): Promise<{ id: number; name: string }[]>; staffNamesByIds(ids: number[]): Promise<{ id: number; fullName: string }[]> }, rows: DocumentRow[], extraStaff: (number | null)[] = []): Promise<ViewNames> {
  const units = new Map((await org.allUnits()).map((u) => [u.id, u.name]));
  const ids = [...new Set([...rows.flatMap((r) => [r.drafted_by_staff_id, r.approver_staff_id, r.routed_by_staff_id]), ...extraStaff].filter((s): s is number => s !== null))];
  const staff = new Map((await org.staffNamesByIds(ids)).map((s) => [s.id, { id: s.id, fullName: s.fullName }]));
  return { unit: (id) => (id === null ? '' : units.get(id) ?? ''), staff: (id) => (id === null ? null : staff.get(id) ?? null) };
}
