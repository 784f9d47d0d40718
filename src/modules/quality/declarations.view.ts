import type { Selectable } from 'kysely';
import type { QmsDeclarationsTable } from './quality.tables.js';

export type DeclarationRow = Selectable<QmsDeclarationsTable>;

export type DeclarationView = {
  id: number; decisionNo: string; decisionDate: string; signerName: string; standard: string;
  /** The process codes in scope when it was announced. */
  scope: string[];
  status: 'valid' | 'stale'; staleReason: string | null;
  recordedAt: string; recordedByName: string | null;
};

const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const listed = (codes: string[]) => codes.join(', ');

/**
 * Why an announcement of conformity (Decision 19/2014 art. 4) no longer describes the QMS: the
 * processes in scope or the standard changed since, or a later decision replaced it. Null when valid.
 */
export function staleReason(
  declared: { standard: string; scope: readonly string[] },
  now: { standard: string; activeCodes: readonly string[] },
  newer?: { decisionNo: string; decisionDate: string },
): string | null {
  if (newer) return `Đã được thay thế bởi Quyết định số ${newer.decisionNo} ngày ${dmy(newer.decisionDate)}.`;
  const reasons: string[] = [];
  if (declared.standard !== now.standard) reasons.push(`Tiêu chuẩn áp dụng đã đổi từ "${declared.standard}" sang "${now.standard}".`);
  const before = new Set(declared.scope);
  const current = new Set(now.activeCodes);
  const added = [...current].filter((c) => !before.has(c)).sort();
  const removed = [...before].filter((c) => !current.has(c)).sort();
  if (added.length || removed.length) {
    const parts = [added.length ? `thêm quy trình ${listed(added)}` : '', removed.length ? `bỏ quy trình ${listed(removed)}` : ''].filter(Boolean);
    reasons.push(`Phạm vi áp dụng đã thay đổi so với khi công bố: ${parts.join('; ')}.`);
  }
  return reasons.length ? reasons.join(' ') : null;
}

/** Declarations newest first (by decision date); only the newest can still be valid. */
export function declarationViews(
  rows: readonly DeclarationRow[],
  now: { standard: string; activeCodes: readonly string[] },
  staffName: (id: number | null) => string | null,
): DeclarationView[] {
  const sorted = [...rows].sort((a, b) => (a.decision_date === b.decision_date ? b.id - a.id : a.decision_date < b.decision_date ? 1 : -1));
  return sorted.map((r, i) => {
    const newer = i > 0 ? { decisionNo: sorted[0]!.decision_no, decisionDate: sorted[0]!.decision_date } : undefined;
    const scope = [...r.scope_snapshot];
    const reason = staleReason({ standard: r.standard, scope }, now, newer);
    return {
      id: r.id, decisionNo: r.decision_no, decisionDate: r.decision_date, signerName: r.signer_name, standard: r.standard, scope,
      status: reason ? 'stale' : 'valid', staleReason: reason,
      recordedAt: r.recorded_at.toISOString(), recordedByName: staffName(r.recorded_by),
    };
  });
}
