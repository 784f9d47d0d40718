/**
 * What a yearly inspection plan may do next (pure). A draft is the inspecting unit's working paper:
 * its staff with inspection.manage edit it freely. Approval is a decision, signed by the head
 * (inspection.conclude); after it the plan changes only by amendment, which the head makes with a
 * reason that the plan's history keeps (an item removed then stays, cancelled, with that reason).
 */
import type { Permission } from '../../platform/access/policy.js';
import type { PlanStatus } from './inspection-labels.js';
import type { IsoDay } from './rules/calendar.js';

export const PLAN_ACTIONS = ['edit', 'add_item', 'update_item', 'remove_item', 'approve'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

const ITEM_ACTIONS: PlanAction[] = ['add_item', 'update_item', 'remove_item'];

type Refusal = { code: string; vi: string; en: string };

/** The permission an action needs at the inspecting unit, in the plan's state. */
export function planActionPermission(status: PlanStatus, action: PlanAction): Permission {
  if (action === 'approve') return 'inspection.conclude';
  return status === 'approved' ? 'inspection.conclude' : 'inspection.manage';
}

/** Whether an item action on an approved plan is an amendment (it then needs a reason). */
export const isAmendment = (status: PlanStatus, action: PlanAction): boolean => status === 'approved' && ITEM_ACTIONS.includes(action);

/** Why `action` cannot be taken on a plan in `status` (with the reason given, if any), or null. */
export function planRefusal(status: PlanStatus, action: PlanAction, reason: string | undefined): Refusal | null {
  if (status === 'approved' && (action === 'edit' || action === 'approve')) {
    return { code: 'PLAN_APPROVED', vi: 'Kế hoạch đã được phê duyệt: chỉ điều chỉnh được các cuộc thanh tra, kiểm tra trong kế hoạch, có nêu lý do.', en: 'The plan is approved: only its items may be amended, with a reason.' };
  }
  if (isAmendment(status, action) && (reason ?? '').trim().length < 5) {
    return { code: 'AMENDMENT_REASON_REQUIRED', vi: 'Điều chỉnh kế hoạch đã phê duyệt cần nêu lý do (ít nhất 5 ký tự).', en: 'Amending an approved plan needs a reason.' };
  }
  return null;
}

export function allowedPlanActions(status: PlanStatus, may: (p: Permission) => boolean): PlanAction[] {
  return PLAN_ACTIONS.filter((a) => !(status === 'approved' && (a === 'edit' || a === 'approve')) && may(planActionPermission(status, a)));
}

/** A planned period lies within the plan's year and does not end before it starts. */
export function itemPeriodProblem(year: number, from: IsoDay, to: IsoDay): { path: string; vi: string; en: string } | null {
  if (to < from) return { path: 'plannedTo', vi: 'Ngày kết thúc trước ngày bắt đầu.', en: 'The period ends before it starts.' };
  if (!from.startsWith(`${year}-`) || !to.startsWith(`${year}-`)) return { path: 'plannedFrom', vi: `Thời gian dự kiến phải trong năm ${year} của kế hoạch.`, en: `The period must lie within ${year}.` };
  return null;
}
