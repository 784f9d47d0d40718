/**
 * Changes to a civil-servant record (pure): Law 80/2025 Art. 42 — the person updates their record and the
 * competent body approves the change (DOMAIN-MANAGEMENT §C3). A proposed change is kept beside the record
 * and changes nothing until it is approved; approved changes apply in the order they were approved.
 */

export type RecordFields = Readonly<Record<string, unknown>>;
export type ChangeStatus = 'proposed' | 'approved' | 'rejected' | 'withdrawn';
export type RecordChange = {
  id: number;
  /** The fields the change sets; a field set to null is cleared. */
  set: RecordFields;
  status: ChangeStatus;
  /** When it was decided (approved or rejected), ISO instant; null while proposed. */
  decidedAt: string | null;
};

/** The record as it stands: the base with every approved change applied in approval order (then id). */
export function currentRecord(base: RecordFields, changes: readonly RecordChange[]): Record<string, unknown> {
  const approved = changes.filter((c) => c.status === 'approved').sort((a, b) => (a.decidedAt ?? '').localeCompare(b.decidedAt ?? '') || a.id - b.id);
  const out: Record<string, unknown> = { ...base };
  for (const c of approved) for (const [k, v] of Object.entries(c.set)) out[k] = v;
  return out;
}

/** JSON with object keys sorted: the database hands rows back with their keys in its own order. */
export function canonical(v: unknown): string {
  return JSON.stringify(v ?? null, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));
}

/** What a pending change would change, field by field, as the approver sees it. */
export function changeDiff(current: RecordFields, change: Pick<RecordChange, 'set'>): { field: string; before: unknown; after: unknown }[] {
  return Object.entries(change.set)
    .filter(([k, v]) => canonical(current[k]) !== canonical(v))
    .map(([field, after]) => ({ field, before: current[field] ?? null, after }));
}

export type Decision = 'approve' | 'reject' | 'withdraw';

/** Who may move a change: only a proposed change moves; the person withdraws their own, HR approves or rejects. */
export function mayDecide(change: Pick<RecordChange, 'status'>, decision: Decision, by: { isOwner: boolean; isHr: boolean }): { ok: true } | { ok: false; message: string } {
  if (change.status !== 'proposed') return { ok: false, message: 'Đề nghị thay đổi này đã được xử lý' };
  if (decision === 'withdraw') return by.isOwner ? { ok: true } : { ok: false, message: 'Chỉ người đề nghị được rút đề nghị' };
  return by.isHr ? { ok: true } : { ok: false, message: 'Chỉ bộ phận tổ chức cán bộ được phê duyệt hoặc từ chối thay đổi hồ sơ' };
}

/** An account is active only while its person holds a post: leaving (retired, resigned, moved out) ends it that day. */
export function accountActiveOn(movements: readonly { kind: 'appointed' | 'transferred_in' | 'left'; on: string }[], day: string): boolean {
  const past = movements.filter((m) => m.on <= day).sort((a, b) => a.on.localeCompare(b.on));
  const last = past[past.length - 1];
  return !!last && last.kind !== 'left';
}
