import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../directives/rules/deadlines.js';
import type { CaseRow } from './cases.repository.js';
import type { DisciplineRow } from './discipline-rules.js';
import { CASE_KIND_ORDER, CASE_STATUS_ORDER, FORM_ORDER, OUTCOME_ORDER } from './reports-labels.js';
import { caseReport, disciplineReport, unitGroups, type CaseRecord, type DisciplineRecord } from './reports-rules.js';
import { isWorking } from './rules/test-calendar.js';

// The first quarter of 2027 on the rule tests' calendar (weekends and Tết Đinh Mùi 5–11/2/2027 off). Every
// expected figure below was worked out by hand from the periods in RULES.md, in the comment beside it.
const Q = { from: '2027-01-01', to: '2027-03-31', asOf: '2027-03-31' };
let nextId = 1;

function petition(over: Partial<CaseRow> & Pick<CaseRow, 'kind' | 'received_on'>, extra: Partial<Omit<CaseRecord, 'row'>> = {}): CaseRecord {
  const row = {
    id: nextId++, handling_unit_id: 1, channel: 'desk', source_ref: null, subject_unit_id: 2, subject_staff_id: null, summary: 'Đơn', learned_on: null,
    status: 'received', refused_on: null, refusal_reason: null, accepted_on: null, remote_area: false, complexity: 'normal', several_places: false,
    extension_days: [], outcome: null, conclusion: null, concluded_on: null, decision_no: null, decision_date: null, published: false, published_on: null,
    created_by_staff_id: null, version: 1, created_at: new Date(), updated_at: new Date(), ...over,
  } as CaseRow;
  if (row.concluded_on) Object.assign(row, { status: 'concluded', decision_date: row.concluded_on, decision_no: '1/KL' });
  else if (row.refused_on) row.status = 'refused';
  else if (row.accepted_on) row.status = 'accepted';
  return { row, extensionsDecidedOn: [], verifyingFrom: null, ...extra };
}

const cases: Record<string, CaseRecord> = {
  // Carried over: accepted 28/12/2026, 30 days → Wed 27/1/2027, still open on 31/3: overdue.
  A: petition({ kind: 'complaint_first', received_on: '2026-12-20', accepted_on: '2026-12-28' }),
  // Acceptance due 14/1 (10 days), accepted 8/1; resolution 30 days from 8/1 end Sunday 7/2 → Monday 8/2; concluded 1/2: in time.
  B: petition({ kind: 'complaint_first', received_on: '2027-01-04', accepted_on: '2027-01-08', concluded_on: '2027-02-01', outcome: 'founded' }),
  // Intake 7 working days from Mon 4/1 → Wed 13/1, accepted 20/1: late; 30 days → Fri 19/2, concluded 1/3: late; published 5/3.
  C: petition({ kind: 'denunciation', received_on: '2027-01-04', accepted_on: '2027-01-20', concluded_on: '2027-03-01', outcome: 'unfounded', published: true, published_on: '2027-03-05' }),
  // Intake from Thu 25/3: 26, 29, 30, 31/3, 1, 2, 5/4 → running on 31/3.
  D: petition({ kind: 'denunciation', received_on: '2027-03-25' }),
  // Not eligible: refused on receipt; no clock.
  E: petition({ kind: 'not_eligible', received_on: '2027-02-10', refused_on: '2027-02-10' }),
  // Concluded before the period, published in it: only the publication counts.
  F: petition({ kind: 'complaint_second', received_on: '2026-11-01', accepted_on: '2026-11-05', concluded_on: '2026-12-15', outcome: 'partly_founded', published: true, published_on: '2027-01-10' }),
  // Accepted 2/3 (due 11/3 for acceptance), resolution 30 days → Thu 1/4; concluded 10/4, after the period: open and running on 31/3.
  G: petition({ kind: 'complaint_first', received_on: '2027-03-01', accepted_on: '2027-03-02', concluded_on: '2027-04-10', outcome: 'founded' }),
  // Complex, extended by 30 days on 1/3: 60 days from 2/2 end Saturday 3/4 → Monday 5/4: running.
  H: petition({ kind: 'denunciation', received_on: '2027-02-01', accepted_on: '2027-02-02', complexity: 'complex', extension_days: [30] }, { extensionsDecidedOn: ['2027-03-01'] }),
  // The same, but the extension was decided on 2/4: on 31/3 only 30 days ran, to Thursday 4/3: overdue.
  H2: petition({ kind: 'denunciation', received_on: '2027-02-01', accepted_on: '2027-02-02', complexity: 'complex', extension_days: [30] }, { extensionsDecidedOn: ['2027-04-02'] }),
  // Verifying since 20/2; 30 days from 16/2 → Thu 18/3: overdue.
  I: petition({ kind: 'complaint_first', received_on: '2027-02-15', accepted_on: '2027-02-16' }, { verifyingFrom: '2027-02-20' }),
  // Received after the period: nowhere.
  J: petition({ kind: 'complaint_first', received_on: '2027-04-02' }),
};

describe('complaint and denunciation figures of a period', () => {
  const r = caseReport(Object.values(cases), Q, isWorking);

  it('counts each case on the days it was received, accepted, refused, decided and published', () => {
    expect(r.total).toMatchObject({ carriedOver: 1, received: 8, accepted: 6, refused: 1, resolved: 2, published: 2 });
    expect(r.total.acceptance).toEqual({ onTime: 5, late: 1 });
    expect(r.total.resolution).toEqual({ onTime: 1, late: 1 });
    expect(r.total.outcomes).toEqual({ founded: 1, partly_founded: 0, unfounded: 1, withdrawn: 0 });
  });

  it('judges open cases on the last day, with the extensions known by then', () => {
    expect(r.total.open).toEqual({ total: 6, awaitingAcceptance: 1, inResolution: 5, overdue: 3 });
    // Nothing gets lost: what was carried over or received is decided, refused, or still open.
    expect(r.total.carriedOver + r.total.received).toBe(r.total.resolved + r.total.refused + r.total.open.total);
  });

  it('splits by kind, the not-eligible petitions in their own row', () => {
    const kind = (k: string) => r.byKind.find((x) => x.kind === k)!;
    expect(kind('complaint_first')).toMatchObject({ label: 'Khiếu nại lần đầu', carriedOver: 1, received: 3, resolved: 1, open: { total: 3, overdue: 2 } });
    expect(kind('complaint_second')).toMatchObject({ received: 0, resolved: 0, published: 1 });
    expect(kind('denunciation')).toMatchObject({ received: 4, accepted: 3, resolved: 1, resolution: { onTime: 0, late: 1 }, acceptance: { onTime: 2, late: 1 }, open: { total: 3, overdue: 1 } });
    expect(kind('not_eligible')).toMatchObject({ received: 1, refused: 1, acceptance: { onTime: 0, late: 0 } });
  });

  it('gives the status on the last day of every case the period handled', () => {
    expect(r.byStatus).toEqual({ received: 1, accepted: 4, verifying: 1, concluded: 2, refused: 1 });
  });

  it('reads a period still running as of today: a later decision is not known yet', () => {
    const early = caseReport(Object.values(cases), { from: '2027-01-01', to: '2027-03-31', asOf: '2027-02-15' }, isWorking);
    // C was concluded on 1/3: on 15/2 it is open, its resolution (to 19/2) still running; I, accepted on 16/2, awaits acceptance.
    expect(early.total).toMatchObject({ received: 6, resolved: 1, published: 1 });
    expect(early.total.open).toEqual({ total: 5, awaitingAcceptance: 1, inResolution: 4, overdue: 1 });
    expect(early.byStatus.verifying).toBe(0);
  });
});

let staff = 100;
function discipline(over: Partial<DisciplineRow> & Pick<DisciplineRow, 'discovered_on'>, deferrals: DisciplineRecord['deferrals'] = []): DisciplineRecord {
  const row = {
    id: nextId++, unit_id: 1, subject_staff_id: staff++, person_kind: 'cong_chuc', holds_post: false, offence_summary: 'Vi phạm', offence_ended_on: '2026-08-01',
    offence_concluded_on: null, later_offences: [], limitation_class: 'reprimand_level', complex: false, notice_on: null, review_meeting_on: null,
    review_report_on: null, council_set_up_on: null, summons_on: null, council_meeting_on: null, recommendation_on: null, ballot: null, council_minutes: null,
    recommended_form: null, status: 'open', closed_on: null, closed_reason: null, decision_form: null, decision_no: null, decision_date: null, effective_on: null,
    party_decision_effective_on: null, source_case_id: null, created_by_staff_id: null, version: 1, created_at: new Date(), updated_at: new Date(), ...over,
  } as DisciplineRow;
  if (row.decision_date) Object.assign(row, { status: 'decided', decision_no: '1/QĐ', effective_on: row.effective_on ?? row.decision_date, notice_on: row.notice_on ?? row.discovered_on });
  if (row.closed_on) row.status = 'closed';
  return { row, deferrals };
}

describe('discipline figures of a period', () => {
  const same = 1;
  const d: Record<string, DisciplineRecord> = {
    // 90 days from 2/11/2026 end Sunday 31/1 → 1/2; decided 15/1: in time; superseded by Y on 1/3.
    P: discipline({ discovered_on: '2026-11-02', decision_date: '2027-01-15', decision_form: 'khien_trach', subject_staff_id: same }),
    Q: discipline({ discovered_on: '2027-01-05', notice_on: '2027-01-10' }),
    // 90 days from 1/9/2026 → 30/11/2026: open and overdue.
    R: discipline({ discovered_on: '2026-09-01' }),
    S: discipline({ discovered_on: '2027-02-01', closed_on: '2027-03-10', closed_reason: 'Miễn kỷ luật' }),
    // Decided a year before: lapsed on 10/1/2027.
    T: discipline({ discovered_on: '2025-10-01', decision_date: '2026-01-10', decision_form: 'canh_cao' }),
    // In force to 20/6/2027.
    U: discipline({ discovered_on: '2026-03-01', decision_date: '2026-06-20', decision_form: 'canh_cao' }),
    // Offence ended 1/6/2021: five years ran out on 1/6/2026, before any notice.
    V: discipline({ discovered_on: '2027-01-04', offence_ended_on: '2021-06-01' }),
    W: discipline({ discovered_on: '2027-02-15' }, [{ from: '2027-03-01', to: null }]),
    // 90 days from 1/10/2026 → 30/12/2026; decided 20/1/2027: late.
    X: discipline({ discovered_on: '2026-10-01', decision_date: '2027-01-20', decision_form: 'khien_trach' }),
    Y: discipline({ discovered_on: '2027-02-01', decision_date: '2027-03-01', decision_form: 'canh_cao', subject_staff_id: same }),
  };
  const bySubject = new Map<number, DisciplineRow[]>();
  for (const x of Object.values(d)) if (x.row.status === 'decided') bySubject.set(x.row.subject_staff_id, [...(bySubject.get(x.row.subject_staff_id) ?? []), x.row]);
  const r = disciplineReport(Object.values(d), bySubject, Q, isWorking);

  it('counts cases opened, decided by form, closed, and those past their time limit or limitation', () => {
    expect(r).toMatchObject({ carriedOver: 3, opened: 5, decided: 3, closedWithoutDiscipline: 1, limitationExpired: 1 });
    expect(r.decidedByForm).toEqual({ khien_trach: 2, canh_cao: 1, cach_chuc: 0, buoc_thoi_viec: 0, bai_nhiem: 0 });
    expect(r.timeLimitMissed).toEqual({ finishedLate: 1, openOverdue: 1 });
    expect(r.open).toEqual({ total: 4, deferred: 1 });
    expect(r.carriedOver + r.opened).toBe(r.decided + r.closedWithoutDiscipline + r.open.total);
  });

  it('counts the decisions in force on the last day: not one lapsed, not one a later decision ended', () => {
    expect(r.inForce).toEqual({ total: 3, byForm: { khien_trach: 1, canh_cao: 2, cach_chuc: 0, buoc_thoi_viec: 0, bai_nhiem: 0 } });
    // On 20/2, before Y: P is still in force.
    const before = disciplineReport(Object.values(d), bySubject, { ...Q, asOf: '2027-02-20' }, isWorking);
    expect(before.inForce.byForm).toMatchObject({ khien_trach: 2, canh_cao: 1 });
    // Q, R, S (closed 10/3), V, W and Y (decided 1/3) were all still open on 20/2.
    expect(before).toMatchObject({ decided: 2, closedWithoutDiscipline: 0, open: { total: 6 } });
  });
});

describe('figures against an independent count (random cases)', () => {
  const day = (n: number) => addDays('2026-10-01', n);
  const arbCase = fc.record({
    kind: fc.constantFrom(...CASE_KIND_ORDER), received: fc.integer({ min: 0, max: 200 }), acceptAfter: fc.option(fc.integer({ min: 0, max: 20 })),
    concludeAfter: fc.option(fc.integer({ min: 1, max: 90 })), refuseAfter: fc.option(fc.integer({ min: 0, max: 20 })), outcome: fc.constantFrom(...OUTCOME_ORDER),
    publishAfter: fc.option(fc.integer({ min: 0, max: 30 })), remote: fc.boolean(),
  }).map((c) => {
    const received = day(c.received);
    const refused = c.kind === 'not_eligible' ? received : c.acceptAfter === null && c.refuseAfter !== null ? addDays(received, c.refuseAfter) : null;
    const accepted = !refused && c.acceptAfter !== null ? addDays(received, c.acceptAfter) : null;
    const concluded = accepted && c.concludeAfter !== null ? addDays(accepted, c.concludeAfter) : null;
    const published = concluded && c.publishAfter !== null ? addDays(concluded, c.publishAfter) : null;
    return petition({ kind: c.kind, received_on: received, refused_on: refused, accepted_on: accepted, concluded_on: concluded, outcome: concluded ? c.outcome : null, published: !!published, published_on: published, remote_area: c.remote });
  });

  it('keeps every case accounted for and matches a plain count of dates', () => {
    fc.assert(fc.property(fc.array(arbCase, { maxLength: 40 }), fc.integer({ min: 30, max: 150 }), fc.integer({ min: 0, max: 120 }), (recs, start, length) => {
      const p = { from: day(start), to: day(start + length), asOf: day(start + length) };
      const r = caseReport(recs, p, isWorking);
      const inP = (d: string | null) => !!d && d >= p.from && d <= p.asOf;
      const rows = recs.map((c) => c.row);
      expect(r.total.received).toBe(rows.filter((c) => inP(c.received_on)).length);
      expect(r.total.accepted).toBe(rows.filter((c) => inP(c.accepted_on)).length);
      expect(r.total.refused).toBe(rows.filter((c) => inP(c.refused_on)).length);
      expect(r.total.resolved).toBe(rows.filter((c) => inP(c.concluded_on)).length);
      expect(r.total.published).toBe(rows.filter((c) => inP(c.published_on)).length);
      const before = addDays(p.from, -1);
      const openOn = (c: CaseRow, dd: string) => c.received_on <= dd && !(c.concluded_on && c.concluded_on <= dd) && !(c.refused_on && c.refused_on <= dd);
      expect(r.total.carriedOver).toBe(rows.filter((c) => c.received_on < p.from && openOn(c, before)).length);
      expect(r.total.open.total).toBe(rows.filter((c) => openOn(c, p.asOf)).length);
      expect(r.total.carriedOver + r.total.received).toBe(r.total.resolved + r.total.refused + r.total.open.total);
      expect(r.total.resolution.onTime + r.total.resolution.late).toBe(r.total.resolved);
      expect(OUTCOME_ORDER.reduce((a, o) => a + r.total.outcomes[o], 0)).toBe(r.total.resolved);
      expect(CASE_STATUS_ORDER.reduce((a, s) => a + r.byStatus[s], 0)).toBe(r.total.carriedOver + r.total.received);
      for (const key of ['carriedOver', 'received', 'accepted', 'refused', 'resolved', 'published'] as const) {
        expect(r.byKind.reduce((a, k) => a + k[key], 0)).toBe(r.total[key]);
      }
      expect(r.total.open.overdue).toBeLessThanOrEqual(r.total.open.total);
    }), { numRuns: 150 });
  });

  it('keeps every discipline case accounted for', () => {
    const arb = fc.record({ discovered: fc.integer({ min: 0, max: 200 }), finishAfter: fc.option(fc.integer({ min: 1, max: 150 })), closed: fc.boolean(), form: fc.constantFrom(...FORM_ORDER.slice(0, 2)) })
      .map((c) => {
        const discovered = day(c.discovered);
        const end = c.finishAfter === null ? null : addDays(discovered, c.finishAfter);
        return discipline({ discovered_on: discovered, ...(end && c.closed ? { closed_on: end } : {}), ...(end && !c.closed ? { decision_date: end, decision_form: c.form } : {}) });
      });
    fc.assert(fc.property(fc.array(arb, { maxLength: 30 }), fc.integer({ min: 30, max: 150 }), fc.integer({ min: 0, max: 120 }), (recs, start, length) => {
      const p = { from: day(start), to: day(start + length), asOf: day(start + length) };
      const r = disciplineReport(recs, new Map(recs.filter((x) => x.row.status === 'decided').map((x) => [x.row.subject_staff_id, [x.row]])), p, isWorking);
      const inP = (dd: string | null) => !!dd && dd >= p.from && dd <= p.asOf;
      expect(r.opened).toBe(recs.filter((x) => inP(x.row.discovered_on)).length);
      expect(r.decided).toBe(recs.filter((x) => x.row.status === 'decided' && inP(x.row.decision_date)).length);
      expect(r.carriedOver + r.opened).toBe(r.decided + r.closedWithoutDiscipline + r.open.total);
      expect(FORM_ORDER.reduce((a, f) => a + r.decidedByForm[f], 0)).toBe(r.decided);
    }), { numRuns: 150 });
  });
});

describe('the rows of a report by unit', () => {
  it('counts each unit under the root\'s direct child it lies under, the root\'s own cases on its own row', () => {
    const units = [
      { id: 1, parentId: null, code: 'H30', name: 'Tỉnh' }, { id: 2, parentId: 1, code: 'H30.2', name: 'Sở B' }, { id: 3, parentId: 1, code: 'H30.1', name: 'Sở A' },
      { id: 4, parentId: 3, code: 'H30.1.1', name: 'Phòng A1' }, { id: 5, parentId: 4, code: 'H30.1.1.1', name: 'Tổ' },
    ];
    const { rows, groupOf } = unitGroups(units[0]!, units);
    expect(rows.map((u) => u.name)).toEqual(['Tỉnh', 'Sở A', 'Sở B']);
    expect(Object.fromEntries(groupOf)).toEqual({ 1: 1, 2: 2, 3: 3, 4: 3, 5: 3 });
    expect(unitGroups(units[2]!, units).groupOf.has(2)).toBe(false);
  });
});
