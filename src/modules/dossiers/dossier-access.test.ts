import { describe, expect, it } from 'vitest';
import { buildReach, type Actor, type Role } from '../../platform/access/policy.js';
import type { RequestContext } from '../../platform/http/context.js';
import { authorizeAction, canActOn } from './dossier-access.js';
import type { DossierRow } from './dossiers.repository.js';
import type { DossierEvent, EventPayload, RouteStep } from './rules/events.js';
import { reduce } from './rules/reducer.js';
import { refusal, type Action } from './rules/transitions.js';

// A commune (28) with its people's committee (29, where the head signs), its desk (30) and a section (31).
const SUBTREES = new Map<number, number[]>([[28, [28, 29, 30, 31]], [29, [29]], [30, [30]], [31, [31]], [40, [40]]]);
const route: RouteStep[] = [
  { order: 1, name: 'Tiếp nhận', unitId: 30, unitName: 'Trung tâm PVHCC', role: 'desk_officer', budgetHours: 4, interAgency: false, external: false },
  { order: 2, name: 'Thẩm định', unitId: 31, unitName: 'Phòng VH-XH', role: 'specialist', budgetHours: 16, interAgency: false, external: false },
  { order: 3, name: 'Ký duyệt', unitId: 29, unitName: 'UBND phường', role: 'unit_head', budgetHours: 4, interAgency: false, external: false },
  { order: 4, name: 'Trả kết quả', unitId: 30, unitName: 'Trung tâm PVHCC', role: 'desk_officer', budgetHours: 4, interAgency: false, external: false },
];
const row = { receiving_unit_id: 30, competent_unit_id: 28, involved_unit_ids: [30, 28, 31, 29] } as DossierRow;

function person(staffId: number, unitId: number, grants: [Role, number][]): RequestContext {
  const g = grants.map(([role, u]) => ({ role, unitId: u, unitName: String(u) }));
  const actor: Actor = { accountId: staffId, staffId, username: `u${staffId}`, fullName: `Staff ${staffId}`, unitId, grants: g, reach: buildReach(g, SUBTREES) };
  return { requestId: 'test', ip: null, actor, locale: 'vi' };
}
const desk = person(1, 30, [['desk_officer', 28]]);
const specialist = person(2, 31, [['specialist', 31]]);
const otherSpecialist = person(5, 31, [['specialist', 31]]);
const head = person(3, 29, [['unit_head', 28]]);
const auditor = person(4, 1, [['auditor', 28]]);
const stranger = person(6, 40, [['unit_head', 40]]);

let seq = 0;
const ev = (p: EventPayload): DossierEvent => ({ ...p, seq: ++seq, at: '2026-03-02T02:00:00.000Z', actor: { staffId: 1, name: 'Desk' }, unitId: 30 });
const received = ev({ type: 'received', receivedAt: '2026-03-02T02:00:00.000Z', dueAt: '2026-03-05T02:00:00.000Z', route, deskStaff: { staffId: 1, name: 'Desk' }, stepDueAt: '2026-03-02T06:00:00.000Z' });
const toStep = (order: number, toStaff: { staffId: number; name: string } | null = null) =>
  ev({ type: 'transferred', toStep: order, toUnitId: route[order - 1]!.unitId, toUnitName: route[order - 1]!.unitName, toStaff, stepDueAt: '2026-03-04T02:00:00.000Z' });

/** Status first (transitions.ts), then the caller's right (dossier-access.ts), as actions.ts checks them. */
function may(ctx: RequestContext, events: DossierEvent[], action: Action): boolean {
  const state = reduce(events);
  if (refusal(state, action)) return false;
  try {
    authorizeAction(ctx, row, state, action);
    return true;
  } catch {
    return false;
  }
}

describe('who may act on a step ("rõ người, rõ việc")', () => {
  it('a unit head signs a step of their unit without taking it first, whether nobody or someone else holds it', () => {
    const atSigning = [received, toStep(2), toStep(3)];
    expect(reduce(atSigning).assignee).toBeNull();
    for (const action of ['record_result', 'request_supplement', 'return_to_step'] as const) expect(may(head, atSigning, action)).toBe(true);
    // The signing step decides: handing the dossier on to the desk without a recorded result is refused.
    expect(refusal(reduce(atSigning), 'transfer')?.code).toBe('INVALID_TRANSITION');
    // Handed to a deputy by name: the head may still sign in their place, and reassign.
    const toDeputy = [received, toStep(2), toStep(3, { staffId: 7, name: 'Phó Chủ tịch' })];
    expect(may(head, toDeputy, 'record_result')).toBe(true);
    expect(may(head, toDeputy, 'assign')).toBe(true);
    // Taking is never the only way: it is refused once someone holds the step, the head's actions are not.
    expect(may(head, toDeputy, 'take')).toBe(false);
  });

  it('a head assigns work in a section of their unit, and acts there without taking it', () => {
    const atSection = [received, toStep(2)];
    expect(may(head, atSection, 'assign')).toBe(true);
    expect(may(head, atSection, 'transfer')).toBe(true);
    expect(may(head, [...atSection, ev({ type: 'taken', staff: { staffId: 2, name: 'Specialist' } })], 'transfer')).toBe(true);
  });

  it('others act on a held step only if it is theirs; nobody but a head assigns', () => {
    const held = [received, toStep(2), ev({ type: 'taken', staff: { staffId: 2, name: 'Specialist' } })];
    expect(may(specialist, held, 'transfer')).toBe(true);
    expect(may(otherSpecialist, held, 'transfer')).toBe(false);
    expect(may(specialist, held, 'assign')).toBe(false);
    // An unheld step is open to whoever processes at the unit, without a take.
    expect(may(otherSpecialist, [received, toStep(2)], 'transfer')).toBe(true);
    // At the head's step, the section's specialist has nothing to do.
    expect(may(specialist, [received, toStep(2), toStep(3)], 'record_result')).toBe(false);
  });

  it('records the result only at the last step of the competent agency, and only a holder of the approving permission (issue 11 item 7)', () => {
    // At the specialist's step the rule refuses it for everyone, the head included: a draft is attached instead.
    const atSection = [received, toStep(2)];
    expect(refusal(reduce(atSection), 'record_result')).toMatchObject({ code: 'NOT_RESULT_STEP', vi: expect.stringContaining('bước 3: Ký duyệt') });
    expect(may(head, atSection, 'record_result')).toBe(false);
    expect(may(specialist, atSection, 'attach_draft')).toBe(true);
    // At the signing step, a desk officer of the commune (who processes there) is told why, with 403 NOT_APPROVER.
    const atSigning = [received, toStep(2), toStep(3)];
    expect(() => authorizeAction(desk, row, reduce(atSigning), 'record_result')).toThrow(expect.objectContaining({ code: 'NOT_APPROVER', status: 403 }));
    expect(may(head, atSigning, 'record_result')).toBe(true);
    // Imported history keeps what the old system recorded.
    expect(refusal(reduce(atSection), 'record_result', { history: true })).toBeNull();
  });

  it('reading is not acting: the auditor and another unit may not move the dossier on', () => {
    const state = reduce([received, toStep(2)]);
    expect(canActOn(auditor.actor!, row, state)).toBe(false);
    expect(canActOn(stranger.actor!, row, state)).toBe(false);
    expect(canActOn(desk.actor!, row, state)).toBe(true);
    expect(canActOn(head.actor!, row, state)).toBe(true);
    expect(may(auditor, [received, toStep(2)], 'transfer')).toBe(false);
  });
});
