/**
 * Reform budget lines (Directive 16/CT-UBND 2014 item 7e: the yearly estimate funds administrative
 * reform; QD 19/2014 art. 10 and the Ministry of Finance circular on QMS funding list the ISO items).
 * One line per unit, year and activity: planned (dự toán đề xuất), allocated (được giao), spent (đã
 * chi), in whole đồng. Design: iso-qms-design.md §2 (`reform_budget_lines`) and §3.9.
 *
 * Spending above the allocation is refused unless the line is flagged as an overspend with a reason:
 * a supplementary allocation may not be recorded yet, and the summary shows such lines apart.
 * Execution rate = spent / allocated, null (never 0) when nothing is allocated; rates may pass 100 %.
 */
export type ActivityKind = 'survey' | 'training' | 'digitisation' | 'iso' | 'other';
export const ACTIVITY_KINDS: readonly ActivityKind[] = ['survey', 'training', 'digitisation', 'iso', 'other'];
export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  survey: 'Khảo sát, đo lường sự hài lòng',
  training: 'Đào tạo, bồi dưỡng, tập huấn',
  digitisation: 'Số hóa, chuyển đổi số',
  iso: 'Xây dựng, duy trì HTQLCL theo TCVN ISO 9001',
  other: 'Hoạt động cải cách hành chính khác',
};

export type BudgetLine = {
  readonly unitId: number;
  readonly year: number;
  readonly activityKind: ActivityKind;
  readonly title: string;
  readonly plannedVnd: number;
  readonly allocatedVnd: number;
  readonly spentVnd: number;
  readonly overspend?: boolean;
  readonly overspendReason?: string | null;
};

export type FieldProblem = { path: string; vi: string };

/** 1234567 → "1.234.567 đồng", grouped the Vietnamese way without relying on the ICU data. */
export const formatVnd = (n: number): string => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;

const AMOUNTS = [['plannedVnd', 'Kinh phí dự kiến'], ['allocatedVnd', 'Kinh phí được giao'], ['spentVnd', 'Kinh phí đã chi']] as const;

export function budgetLineProblems(l: BudgetLine): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!Number.isSafeInteger(l.unitId) || l.unitId <= 0) out.push({ path: 'unitId', vi: 'Phải chọn đơn vị.' });
  if (!Number.isInteger(l.year) || l.year < 2000 || l.year > 2100) out.push({ path: 'year', vi: 'Năm ngân sách không hợp lệ.' });
  if (!ACTIVITY_KINDS.includes(l.activityKind)) out.push({ path: 'activityKind', vi: 'Loại hoạt động không hợp lệ.' });
  if (!l.title.trim()) out.push({ path: 'title', vi: 'Phải ghi nội dung hoạt động.' });
  for (const [key, label] of AMOUNTS) {
    const v = l[key];
    if (!Number.isSafeInteger(v) || v < 0) out.push({ path: key, vi: `${label} phải là số nguyên không âm, tính bằng đồng.` });
  }
  if (out.some((p) => p.path === 'allocatedVnd' || p.path === 'spentVnd')) return out;
  if (l.spentVnd > l.allocatedVnd && !l.overspend) {
    out.push({ path: 'spentVnd', vi: `Số đã chi (${formatVnd(l.spentVnd)}) vượt số được giao (${formatVnd(l.allocatedVnd)}); nếu đúng, hãy đánh dấu vượt chi và ghi lý do.` });
  }
  if (l.overspend && !l.overspendReason?.trim()) out.push({ path: 'overspendReason', vi: 'Phải ghi lý do vượt chi.' });
  return out;
}

export type Totals = {
  readonly lines: number;
  readonly plannedVnd: number;
  readonly allocatedVnd: number;
  readonly spentVnd: number;
  /** allocated / planned, % with one decimal; null when nothing was planned. */
  readonly allocationRate: number | null;
  /** spent / allocated, % with one decimal; null when nothing was allocated. */
  readonly executionRate: number | null;
  /** Lines whose spending passed their allocation. */
  readonly overspentLines: number;
};

/** n / d as a percentage, half-up to one decimal on integers; may pass 100. */
export function ratePercent(n: number, d: number): number | null {
  if (d === 0) return null;
  const tenths = (BigInt(n) * 2000n + BigInt(d)) / (2n * BigInt(d));
  return Number(tenths) / 10;
}

type Acc = { lines: number; plannedVnd: number; allocatedVnd: number; spentVnd: number; overspentLines: number };
const empty = (): Acc => ({ lines: 0, plannedVnd: 0, allocatedVnd: 0, spentVnd: 0, overspentLines: 0 });

function add(a: Acc, l: BudgetLine): void {
  a.lines += 1;
  a.plannedVnd += l.plannedVnd;
  a.allocatedVnd += l.allocatedVnd;
  a.spentVnd += l.spentVnd;
  if (l.spentVnd > l.allocatedVnd) a.overspentLines += 1;
  if (![a.plannedVnd, a.allocatedVnd, a.spentVnd].every(Number.isSafeInteger)) throw new RangeError('budget totals exceed the safe integer range');
}

const totals = (a: Acc): Totals => ({ ...a, allocationRate: ratePercent(a.allocatedVnd, a.plannedVnd), executionRate: ratePercent(a.spentVnd, a.allocatedVnd) });
const byKind = (m: Map<ActivityKind, Acc>) => Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, totals(m.get(k) ?? empty())])) as Record<ActivityKind, Totals>;

export type UnitSummary = { readonly unitId: number; readonly byKind: Record<ActivityKind, Totals>; readonly total: Totals };
export type YearSummary = {
  readonly year: number;
  /** Units with at least one line, by id. */
  readonly units: readonly UnitSummary[];
  readonly byKind: Record<ActivityKind, Totals>;
  readonly total: Totals;
  /** The ISO activity's share of the allocation, % one decimal; null when nothing is allocated. */
  readonly isoShareOfAllocated: number | null;
};

/** The yearly summary per unit and per activity kind; lines of other years are left out. Lines must be valid. */
export function yearSummary(lines: readonly BudgetLine[], year: number): YearSummary {
  const perUnit = new Map<number, Map<ActivityKind, Acc>>();
  const unitTotal = new Map<number, Acc>();
  const kinds = new Map<ActivityKind, Acc>();
  const all = empty();
  for (const l of lines) {
    if (l.year !== year) continue;
    if (budgetLineProblems(l).length > 0) throw new RangeError(`invalid budget line: ${l.title}`);
    if (!perUnit.has(l.unitId)) { perUnit.set(l.unitId, new Map()); unitTotal.set(l.unitId, empty()); }
    const u = perUnit.get(l.unitId)!;
    if (!u.has(l.activityKind)) u.set(l.activityKind, empty());
    if (!kinds.has(l.activityKind)) kinds.set(l.activityKind, empty());
    add(u.get(l.activityKind)!, l);
    add(unitTotal.get(l.unitId)!, l);
    add(kinds.get(l.activityKind)!, l);
    add(all, l);
  }
  const units = [...perUnit.keys()].sort((a, b) => a - b).map((unitId) => ({ unitId, byKind: byKind(perUnit.get(unitId)!), total: totals(unitTotal.get(unitId)!) }));
  return { year, units, byKind: byKind(kinds), total: totals(all), isoShareOfAllocated: ratePercent(kinds.get('iso')?.allocatedVnd ?? 0, all.allocatedVnd) };
}
