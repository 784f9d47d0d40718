import type { RouteStep } from './events.js';

/**
 * The step at which the decision is recorded (issue 11 item 7): the competent agency's last internal
 * step. A route usually ends with the one-stop desk handing the result back (a `desk_officer` step
 * after the others); that closing step is not a step of decision, so the result step is the one
 * before it. A route without such a closing step decides at its last step, and a route of one step
 * (the desk receives and settles) at that step.
 *
 * When the result step is held by a body outside the province's tree (a tax office, the provincial
 * police issuing a judicial record), the competent agency takes the result back from it at that step:
 * who may record it is then decided at the competent unit (see dossier-access.ts).
 */
export function resultStep(route: readonly RouteStep[]): RouteStep | null {
  if (!route.length) return null;
  const sorted = [...route].sort((a, b) => a.order - b.order);
  const last = sorted[sorted.length - 1]!;
  const closesAtDesk = sorted.length > 1 && last.role === 'desk_officer';
  return closesAtDesk ? sorted[sorted.length - 2]! : last;
}

/** Why a result may not be recorded at `step` of `route`, or null when it may. */
export function notAtResultStep(route: readonly RouteStep[], step: number): { vi: string; en: string } | null {
  const at = resultStep(route);
  if (!at || step === at.order) return null;
  return {
    vi: `Chỉ ghi nhận kết quả giải quyết ở bước cuối của cơ quan giải quyết (bước ${at.order}: ${at.name} — ${at.unitName}), do người có thẩm quyền phê duyệt thực hiện. Ở bước hiện tại chỉ đính kèm dự thảo rồi chuyển tiếp.`,
    en: `The result is recorded only at the competent agency's last step (step ${at.order}: ${at.name}), by a holder of the approving permission there. At this step, attach a draft and hand the dossier on.`,
  };
}
