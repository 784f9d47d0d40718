/**
 * Process documents (quy trình nội bộ under TCVN ISO 9001:2015 §4.4 and §7.5, the QD 101/QĐ-BKHCN
 * model) linked to the catalogue's internal processes, so that a change to one shows in the other.
 * Design: iso-qms-design.md §2 (`qms_document_versions.catalog_fingerprint`) and §3.3.
 *
 * A document version pins a catalogue version and the fingerprint of its internal processes. The check
 * runs at read time, so the catalogue needs no hook: the document is `current` while the version in
 * force has the same fingerprint — a fee-only or document-list amendment leaves it current — and
 * `out_of_date` as soon as a step, a responsible unit or role, a time budget or a case's process changes.
 *
 * The shapes below mirror catalog/schema-parts.ts (internalProcessSchema, subCaseSchema) structurally;
 * this module imports nothing from the catalogue. Any field not read here (fees, documents, legal
 * basis, form names) is ignored by construction.
 */
import { createHash } from 'node:crypto';

export type StepLike = {
  readonly order: number;
  readonly name: string;
  readonly action?: string;
  readonly output?: string;
  readonly interAgency?: boolean;
  readonly responsible: {
    readonly unitCode?: string;
    readonly function?: string;
    readonly externalAgency?: { readonly code?: string; readonly name: string };
    readonly role: string;
  };
  readonly budget: { readonly amount: number; readonly unit: 'working_hours' | 'working_days' };
};
export type ProcessLike = { readonly channels?: readonly string[]; readonly steps: readonly StepLike[] };
export type ProcedureLike = {
  readonly internalProcesses?: readonly ProcessLike[];
  readonly cases?: readonly { readonly code: string; readonly internalProcesses?: readonly ProcessLike[] }[];
};

/** 1 working day = 8 working hours, as catalog/rules/internal-process.ts: "1 ngày" and "8 giờ" are the same budget. */
export const HOURS_PER_WORKING_DAY = 8;
/** Bumped when the canonical form changes; a document pinned under another scheme is compared by version id only. */
export const FINGERPRINT_SCHEME = 'qp1';

/** Unicode NFC, trimmed, inner whitespace collapsed: retyping a step's name the same way changes nothing. */
const text = (s: string | undefined): string | null => (s === undefined ? null : s.normalize('NFC').replace(/\s+/g, ' ').trim() || null);

function responsible(r: StepLike['responsible']): string {
  const where = r.unitCode !== undefined ? `unit:${r.unitCode}`
    : r.function !== undefined ? `function:${r.function}`
    : `external:${r.externalAgency?.code ?? text(r.externalAgency?.name) ?? ''}`;
  return `${where}/${r.role}`;
}

const hours = (b: StepLike['budget']) => (b.unit === 'working_days' ? b.amount * HOURS_PER_WORKING_DAY : b.amount);

/** Positional arrays, so key order in the stored JSON never matters. Steps by their `order`, channels sorted. */
function canonProcess(p: ProcessLike): unknown[] {
  const channels = p.channels === undefined ? ['*'] : [...new Set(p.channels)].sort();
  const steps = [...p.steps]
    .sort((a, b) => a.order - b.order)
    .map((s) => [s.order, text(s.name), text(s.action), text(s.output), responsible(s.responsible), hours(s.budget), s.interAgency === true]);
  return [channels, steps];
}

/** Processes of a procedure in a stable order: the array order of alternatives per channel carries no meaning. */
const canonProcesses = (ps: readonly ProcessLike[] | undefined): unknown[] =>
  (ps ?? []).map(canonProcess).map((c) => JSON.stringify(c)).sort().map((j) => JSON.parse(j) as unknown);

/**
 * The canonical JSON of the internal processes. Without `caseCode`: the procedure's processes and
 * every case's own ones (a case without its own runs the procedure's, so it adds nothing). With a
 * `caseCode`: the processes that case runs — its own, else the procedure's. Null when the case is gone.
 */
export function canonicalProcesses(p: ProcedureLike, caseCode?: string | null): string | null {
  if (caseCode) {
    const c = p.cases?.find((x) => x.code === caseCode);
    if (c === undefined) return null;
    const own = c.internalProcesses !== undefined && c.internalProcesses.length > 0;
    return JSON.stringify([FINGERPRINT_SCHEME, 'case', canonProcesses(own ? c.internalProcesses : p.internalProcesses)]);
  }
  const cases = [...(p.cases ?? [])]
    .filter((c) => c.internalProcesses !== undefined && c.internalProcesses.length > 0)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((c) => [c.code, canonProcesses(c.internalProcesses)]);
  return JSON.stringify([FINGERPRINT_SCHEME, 'procedure', canonProcesses(p.internalProcesses), cases]);
}

/** `qp1:` + sha256 hex of the canonical JSON; null when the case is gone. Deterministic, hence pure. */
export function processFingerprint(p: ProcedureLike, caseCode?: string | null): string | null {
  const canon = canonicalProcesses(p, caseCode);
  return canon === null ? null : `${FINGERPRINT_SCHEME}:${createHash('sha256').update(canon, 'utf8').digest('hex')}`;
}

export type DocumentStatus = 'current' | 'out_of_date' | 'catalog_withdrawn';
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  current: 'Khớp với quy trình nội bộ đang áp dụng',
  out_of_date: 'Quy trình nội bộ của thủ tục đã thay đổi, cần sửa đổi tài liệu',
  catalog_withdrawn: 'Thủ tục đã bị bãi bỏ hoặc thay thế, cần xem xét hủy bỏ tài liệu',
};

/** What a process-document version pinned when it was drafted from the catalogue. */
export type PinnedVersion = { readonly catalogVersionId: number; readonly catalogFingerprint: string; readonly caseCode?: string | null };
/** The catalogue version in force today, or null when the procedure was abolished or replaced. */
export type InForce = { readonly versionId: number; readonly content: ProcedureLike } | null;

export type ProcessDocumentState = {
  readonly status: DocumentStatus;
  readonly labelVi: string;
  readonly currentVersionId: number | null;
  readonly currentFingerprint: string | null;
  /** The case this document covers no longer exists in the version in force. */
  readonly caseRemoved: boolean;
};

/** Where a process-document version stands against the catalogue version in force. */
export function processDocumentStatus(pinned: PinnedVersion, inForce: InForce): ProcessDocumentState {
  if (inForce === null) {
    return { status: 'catalog_withdrawn', labelVi: DOCUMENT_STATUS_LABELS.catalog_withdrawn, currentVersionId: null, currentFingerprint: null, caseRemoved: false };
  }
  const fp = processFingerprint(inForce.content, pinned.caseCode);
  // A published version is never edited (catalog/rules/version-status.ts), so the pinned version itself is current by definition.
  const same = inForce.versionId === pinned.catalogVersionId || (fp !== null && fp === pinned.catalogFingerprint);
  const status: DocumentStatus = same ? 'current' : 'out_of_date';
  const caseRemoved = fp === null;
  const labelVi = caseRemoved && !same ? `Trường hợp "${pinned.caseCode}" không còn trong thủ tục, cần sửa đổi tài liệu` : DOCUMENT_STATUS_LABELS[status];
  return { status, labelVi, currentVersionId: inForce.versionId, currentFingerprint: fp, caseRemoved };
}
