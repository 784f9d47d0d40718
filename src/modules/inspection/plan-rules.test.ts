import { describe, expect, it } from 'vitest';
import type { Permission } from '../../platform/access/policy.js';
import { allowedPlanActions, isAmendment, itemPeriodProblem, planActionPermission, planRefusal } from './plan-rules.js';

const holding = (...ps: Permission[]) => (p: Permission) => ps.includes(p);

describe('a yearly plan: a draft, then a decision, then amendments with a reason', () => {
  it('lets the inspecting unit\'s staff draft and the head approve', () => {
    expect(allowedPlanActions('draft', holding('inspection.manage'))).toEqual(['edit', 'add_item', 'update_item', 'remove_item']);
    expect(allowedPlanActions('draft', holding('inspection.manage', 'inspection.conclude'))).toContain('approve');
    expect(allowedPlanActions('draft', holding('inspection.read'))).toEqual([]);
  });

  it('after approval, changes only its items, by the head, each an amendment', () => {
    expect(allowedPlanActions('approved', holding('inspection.manage'))).toEqual([]);
    expect(allowedPlanActions('approved', holding('inspection.manage', 'inspection.conclude'))).toEqual(['add_item', 'update_item', 'remove_item']);
    expect(planActionPermission('approved', 'add_item')).toBe('inspection.conclude');
    expect(planActionPermission('draft', 'add_item')).toBe('inspection.manage');
    expect(isAmendment('approved', 'remove_item')).toBe(true);
    expect(isAmendment('draft', 'remove_item')).toBe(false);
  });

  it('refuses an amendment without a reason, and editing or approving an approved plan', () => {
    expect(planRefusal('approved', 'update_item', undefined)?.code).toBe('AMENDMENT_REASON_REQUIRED');
    expect(planRefusal('approved', 'update_item', '  ok  ')?.code).toBe('AMENDMENT_REASON_REQUIRED');
    expect(planRefusal('approved', 'update_item', 'Đơn vị sáp nhập theo Nghị quyết')).toBeNull();
    expect(planRefusal('approved', 'approve', undefined)?.code).toBe('PLAN_APPROVED');
    expect(planRefusal('approved', 'edit', 'lý do bất kỳ')?.code).toBe('PLAN_APPROVED');
    expect(planRefusal('draft', 'remove_item', undefined)).toBeNull();
  });

  it('keeps each planned period within the plan\'s year and forward', () => {
    expect(itemPeriodProblem(2026, '2026-03-01', '2026-03-10')).toBeNull();
    expect(itemPeriodProblem(2026, '2026-12-20', '2027-01-05')?.path).toBe('plannedFrom');
    expect(itemPeriodProblem(2026, '2026-03-10', '2026-03-01')?.path).toBe('plannedTo');
  });
});
