import { describe, expect, it } from 'vitest';
import { buildReach, type Actor, type Role } from '../../platform/access/policy.js';
import { allowedOutgoingActions, mayTake, OUTGOING_ACTIONS, statusRefusal } from './outgoing-rules.js';
import type { DocumentStatus } from './registry.tables.js';

// An agency (10) with a section (11); another agency (20). The drafter is staff 1, the chosen approver 2.
const subtrees = new Map([[10, [10, 11]], [11, [11]], [20, [20]]]);
const actor = (staffId: number, grants: [Role, number][]): Actor => {
  const g = grants.map(([role, unitId]) => ({ role, unitId, unitName: '' }));
  return { accountId: staffId, staffId, username: `u${staffId}`, fullName: `Người ${staffId}`, unitId: 11, grants: g, reach: buildReach(g, subtrees) };
};
const drafter = actor(1, [['specialist', 10]]);
const approver = actor(2, [['specialist', 10]]); // chosen approver, without document.sign of their own
const head = actor(3, [['unit_head', 10]]);
const clerk = actor(4, [['clerk', 10]]);
const otherHead = actor(5, [['unit_head', 20]]);
const reader = actor(6, [['auditor', 10]]);
const doc = (status: DocumentStatus) => ({ direction: 'out' as const, status, unit_id: 10, drafted_by_staff_id: 1, approver_staff_id: 2 });

describe('what each person may do to an outgoing document, in each status', () => {
  const table: [DocumentStatus, Record<string, string[]>][] = [
    ['draft', { drafter: ['edit', 'submit', 'cancel'], approver: [], head: ['cancel'], clerk: [], otherHead: [], reader: [] }],
    ['submitted', { drafter: ['cancel'], approver: ['return', 'approve'], head: ['return', 'approve', 'cancel'], clerk: [], otherHead: [], reader: [] }],
    ['approved', { drafter: ['cancel'], approver: [], head: ['cancel'], clerk: ['release'], otherHead: [], reader: [] }],
    ['released', { drafter: [], approver: [], head: [], clerk: [], otherHead: [], reader: [] }],
    ['cancelled', { drafter: [], approver: [], head: [], clerk: [], otherHead: [], reader: [] }],
  ];
  const people: Record<string, Actor> = { drafter, approver, head, clerk, otherHead, reader };
  it.each(table)('%s', (status, expected) => {
    for (const [name, a] of Object.entries(people)) expect(allowedOutgoingActions(a, doc(status)), name).toEqual(expected[name]);
  });

  it('offers nothing on an incoming document', () => {
    expect(allowedOutgoingActions(head, { ...doc('submitted'), direction: 'in' })).toEqual([]);
  });

  it('decides who before the status: a drafter may never release, a clerk never sign', () => {
    expect(mayTake(drafter, doc('approved'), 'release')).toBe(false);
    expect(mayTake(clerk, doc('draft'), 'release')).toBe(true);
    expect(mayTake(clerk, doc('submitted'), 'approve')).toBe(false);
  });

  it('refuses the wrong status with a Vietnamese reason naming the status', () => {
    expect(statusRefusal('approved', 'release')).toBeNull();
    const r = statusRefusal('draft', 'release')!;
    expect(r.code).toBe('DOCUMENT_WRONG_STATUS');
    expect(r.vi).toContain('«Dự thảo»');
    expect(r.vi).toContain('phát hành');
    for (const a of OUTGOING_ACTIONS) expect(statusRefusal('released', a), a).not.toBeNull();
  });
});
