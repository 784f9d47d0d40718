/**
 * The annual rating of a civil servant (pure): Law 80/2025 Art. 25–27 gives the four ratings; a
 * province's rule (DOMAIN-MANAGEMENT §C4, Hải Phòng QĐ 212/2025) gives the points and the conditions
 * that go with each band. The bands, conditions and the quota for "excellent" are the province's data
 * (`EvaluationRule`), never constants: the default below is Hải Phòng's, marked as such.
 */

export const RATINGS = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, { vi: string; en: string }> = {
  excellent: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent' },
  good: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good' },
  completed: { vi: 'Hoàn thành nhiệm vụ', en: 'Completed' },
  not_completed: { vi: 'Không hoàn thành nhiệm vụ', en: 'Not completed' },
};

export type EvaluationRule = {
  /** Points of the general criteria (politics, ethics, style, discipline) and of the task results; they sum to the scale. */
  generalMax: number;
  tasksMax: number;
  /** A band is reached strictly above `above` (Hải Phòng: "> 90", "> 80") or at/above `atLeast` ("≥ 50"). */
  excellent: { above: number; allTasksDone: boolean; minShareExceeded: number };
  good: { above: number; allTasksDone: boolean };
  completed: { atLeast: number; maxShareWeak: number };
  /** More than this share of criteria failed means "not completed", whatever the points. */
  notCompletedShareFailed: number;
  /**
   * The cap on "excellent" in a unit, if the province has one: at most `share` of the people counted
   * (`of`: everyone rated, or those rated good or better). null: no cap.
   */
  excellentQuota: { share: number; of: 'all' | 'good_or_better' } | null;
};

/** Hải Phòng QĐ 212/2025/QĐ-UBND for non-leaders (§C4); it names no quota, so none here. */
export const HAI_PHONG_2025: EvaluationRule = {
  generalMax: 20,
  tasksMax: 80,
  excellent: { above: 90, allTasksDone: true, minShareExceeded: 0.5 },
  good: { above: 80, allTasksDone: true },
  completed: { atLeast: 50, maxShareWeak: 0.2 },
  notCompletedShareFailed: 0.5,
  excellentQuota: null,
};

export type EvaluationFacts = {
  generalPoints: number;
  taskPoints: number;
  /** Tasks of the year and how they ended (from the directives module and the person's own list). */
  tasks: { total: number; done: number; exceeded: number };
  /** Criteria judged weak and failed, out of how many. */
  criteria: { total: number; weak: number; failed: number };
  /** Disciplined during the year (the discipline module's flag). */
  disciplined: boolean;
};

export type EvaluationResult = { ok: true; points: number; rating: Rating; reasons: string[] } | { ok: false; message: string };

const share = (n: number, d: number) => (d > 0 ? n / d : 0);
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The rating the points and conditions give, before any quota, with the sentences that explain it. */
export function rate(rule: EvaluationRule, f: EvaluationFacts): EvaluationResult {
  if (!(f.generalPoints >= 0 && f.generalPoints <= rule.generalMax)) return { ok: false, message: `Điểm tiêu chí chung phải từ 0 đến ${rule.generalMax}` };
  if (!(f.taskPoints >= 0 && f.taskPoints <= rule.tasksMax)) return { ok: false, message: `Điểm kết quả thực hiện nhiệm vụ phải từ 0 đến ${rule.tasksMax}` };
  if (f.tasks.done > f.tasks.total || f.tasks.exceeded > f.tasks.done) return { ok: false, message: 'Số nhiệm vụ hoàn thành, vượt mức không được lớn hơn số nhiệm vụ được giao' };
  if (f.criteria.weak + f.criteria.failed > f.criteria.total) return { ok: false, message: 'Số tiêu chí yếu, không đạt không được lớn hơn số tiêu chí' };
  const points = Math.round((f.generalPoints + f.taskPoints) * 100) / 100;
  const reasons: string[] = [];
  if (f.disciplined) return { ok: true, points, rating: 'not_completed', reasons: ['Bị kỷ luật trong năm đánh giá'] };
  const failed = share(f.criteria.failed, f.criteria.total);
  if (failed > rule.notCompletedShareFailed) return { ok: true, points, rating: 'not_completed', reasons: [`${pct(failed)} tiêu chí không đạt (quá ${pct(rule.notCompletedShareFailed)})`] };
  const allDone = f.tasks.done === f.tasks.total;
  const exceeded = share(f.tasks.exceeded, f.tasks.total);
  if (points > rule.excellent.above) {
    if ((!rule.excellent.allTasksDone || allDone) && exceeded >= rule.excellent.minShareExceeded) return { ok: true, points, rating: 'excellent', reasons: [`${points} điểm, hoàn thành ${f.tasks.done}/${f.tasks.total} nhiệm vụ, vượt mức ${pct(exceeded)}`] };
    reasons.push(allDone ? `Đủ điểm xuất sắc nhưng chỉ vượt mức ${pct(exceeded)} nhiệm vụ (cần ${pct(rule.excellent.minShareExceeded)})` : `Đủ điểm xuất sắc nhưng còn ${f.tasks.total - f.tasks.done} nhiệm vụ chưa hoàn thành`);
  }
  if (points > rule.good.above && (!rule.good.allTasksDone || allDone)) return { ok: true, points, rating: 'good', reasons: [...reasons, `${points} điểm, hoàn thành ${f.tasks.done}/${f.tasks.total} nhiệm vụ`] };
  if (points > rule.good.above) reasons.push(`Đủ điểm hoàn thành tốt nhưng còn ${f.tasks.total - f.tasks.done} nhiệm vụ chưa hoàn thành`);
  const weak = share(f.criteria.weak, f.criteria.total);
  if (points >= rule.completed.atLeast && weak <= rule.completed.maxShareWeak) return { ok: true, points, rating: 'completed', reasons: [...reasons, `${points} điểm`] };
  if (points >= rule.completed.atLeast) reasons.push(`${pct(weak)} tiêu chí yếu (tối đa ${pct(rule.completed.maxShareWeak)})`);
  else reasons.push(`${points} điểm, dưới ${rule.completed.atLeast}`);
  return { ok: true, points, rating: 'not_completed', reasons };
}

export type Rated = { personId: number; points: number; rating: Rating };
export type QuotaOutcome = Rated & { demoted: boolean };

/**
 * The quota on "excellent" in one unit: the excellent are kept in order of points up to the cap
 * (floor of share × base, at least 0); the rest are rated good and marked demoted, so the decision can
 * say why. At the boundary a tie is not broken by storage order: all the tied are demoted together,
 * since nothing in the rule tells them apart (the competent person may then decide by hand).
 */
export function applyExcellentQuota(rule: EvaluationRule, people: readonly Rated[]): QuotaOutcome[] {
  const q = rule.excellentQuota;
  if (!q) return people.map((p) => ({ ...p, demoted: false }));
  const base = q.of === 'all' ? people.length : people.filter((p) => p.rating === 'excellent' || p.rating === 'good').length;
  const cap = Math.floor(q.share * base + 1e-9);
  const excellent = people.filter((p) => p.rating === 'excellent').sort((a, b) => b.points - a.points);
  if (excellent.length <= cap) return people.map((p) => ({ ...p, demoted: false }));
  const kept = new Set<number>();
  // The points of the first person beyond the cap: everyone with those points or fewer is demoted.
  const cut = excellent[cap]!.points;
  for (const p of excellent) if (p.points > cut && kept.size < cap) kept.add(p.personId);
  return people.map((p) => (p.rating === 'excellent' && !kept.has(p.personId) ? { ...p, rating: 'good' as const, demoted: true } : { ...p, demoted: false }));
}
