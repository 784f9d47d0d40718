import { describe, expect, it } from 'vitest';
import { emptyFacts, type ReportFacts } from './facts.js';
import { contributions, CountsDelta, dayStart, halfOf, halfOnOrAfter, isMidnight, noFlags, spanOf, stateAt, vnDay } from './counts.js';

const at = (s: string) => new Date(s).toISOString();

describe('days and half months', () => {
  it('reads days in Vietnamese time and finds their half month', () => {
    expect(vnDay(Date.parse('2026-03-14T16:59:59Z'))).toBe('2026-03-14');
    expect(vnDay(Date.parse('2026-03-14T17:00:00Z'))).toBe('2026-03-15');
    expect(isMidnight(dayStart('2026-03-15'))).toBe(true);
    expect(isMidnight(dayStart('2026-03-15') + 1)).toBe(false);
    expect([halfOf('2026-03-14'), halfOf('2026-03-15'), halfOf('2026-03-31')]).toEqual(['2026-03-01', '2026-03-15', '2026-03-15']);
    expect([halfOnOrAfter('2026-03-01'), halfOnOrAfter('2026-03-02'), halfOnOrAfter('2026-03-16'), halfOnOrAfter('2026-12-31')]).toEqual(['2026-03-01', '2026-03-15', '2026-04-01', '2027-01-01']);
  });

  it('cuts a range into whole half months and the days around them', () => {
    expect(spanOf('2025-12-15', '2026-12-15')).toEqual({ halves: ['2025-12-15', '2026-12-15'], days: [] });
    expect(spanOf('2026-02-03', '2026-04-20')).toEqual({ halves: ['2026-02-15', '2026-04-15'], days: [['2026-02-03', '2026-02-15'], ['2026-04-15', '2026-04-20']] });
    expect(spanOf('2026-02-03', '2026-02-10')).toEqual({ halves: null, days: [['2026-02-03', '2026-02-10']] });
    expect(spanOf('2026-02-03', '2026-02-15')).toEqual({ halves: null, days: [['2026-02-03', '2026-02-15']] });
    expect(spanOf('2026-02-10', '2026-02-10')).toEqual({ halves: null, days: [] });
  });
});

/** Dossiers with every kind of history the stocks depend on. */
const CASES: Record<string, ReportFacts> = {
  open: { ...emptyFacts(), receivedAt: at('2026-03-02T09:00:00+07:00'), originalDueAt: at('2026-03-09T17:00:00+07:00'), dueAt: at('2026-03-09T17:00:00+07:00') },
  lateCompleted: {
    ...emptyFacts(), receivedAt: at('2026-03-02T09:00:00+07:00'), originalDueAt: at('2026-03-04T17:00:00+07:00'), dueAt: at('2026-03-04T17:00:00+07:00'),
    completedAt: at('2026-03-10T10:00:00+07:00'), outcome: 'result', timeliness: 'late', returnedAt: at('2026-03-11T08:00:00+07:00'),
  },
  pausedThenResumedThenExtended: {
    ...emptyFacts(), receivedAt: at('2026-03-02T09:00:00+07:00'), originalDueAt: at('2026-03-06T17:00:00+07:00'),
    pauseStartedAt: at('2026-03-03T10:00:00+07:00'), pauseEndedAt: at('2026-03-12T10:00:00+07:00'), dueAfterPause: at('2026-03-16T17:00:00+07:00'),
    extendedAt: at('2026-03-16T09:00:00+07:00'), dueAfterExtension: at('2026-03-20T17:00:00+07:00'), dueAt: at('2026-03-20T17:00:00+07:00'),
  },
  extendedBeforeResume: {
    ...emptyFacts(), receivedAt: at('2026-03-02T09:00:00+07:00'), originalDueAt: at('2026-03-06T17:00:00+07:00'),
    pauseStartedAt: at('2026-03-03T10:00:00+07:00'), extendedAt: at('2026-03-04T10:00:00+07:00'), dueAfterExtension: at('2026-03-10T17:00:00+07:00'),
    pauseEndedAt: at('2026-03-12T10:00:00+07:00'), dueAfterPause: at('2026-03-18T17:00:00+07:00'), dueAt: at('2026-03-18T17:00:00+07:00'),
  },
  pausedWhenLate: {
    ...emptyFacts(), receivedAt: at('2026-03-02T09:00:00+07:00'), originalDueAt: at('2026-03-03T17:00:00+07:00'), dueAt: at('2026-03-03T17:00:00+07:00'),
    pauseStartedAt: at('2026-03-05T10:00:00+07:00'), pausedWhenOverdue: true,
  },
  withdrawn: {
    ...emptyFacts(), receivedAt: at('2026-03-02T09:00:00+07:00'), originalDueAt: at('2026-03-09T17:00:00+07:00'), dueAt: at('2026-03-09T17:00:00+07:00'),
    completedAt: at('2026-03-05T09:00:00+07:00'), outcome: 'withdrawn',
  },
  neverReceived: { ...emptyFacts(), completedAt: at('2026-03-05T09:00:00+07:00'), outcome: 'refused' },
};

describe('a dossier’s per-day contributions', () => {
  it('sum, over the days before any midnight, to its stocks at that midnight', () => {
    for (const [name, f] of Object.entries(CASES)) {
      const perDay = contributions(f, 'online', noFlags);
      for (let d = dayStart('2026-02-28'); d <= dayStart('2026-03-25'); d += 86_400_000) {
        const sum = { open: 0, overdue: 0, awaiting: 0 };
        for (const [day, c] of perDay) {
          if (day >= vnDay(d)) continue;
          sum.open += c.d_open ?? 0; sum.overdue += c.d_overdue ?? 0; sum.awaiting += c.d_awaiting ?? 0;
        }
        const s = stateAt(f, d);
        expect(sum, `${name} at ${vnDay(d)}`).toEqual({ open: Number(s.open), overdue: Number(s.overdue), awaiting: Number(s.awaiting) });
      }
    }
  });

  it('judges the stocks as the form does: pause, the due date in force, late when the clock stopped', () => {
    const p = CASES.pausedThenResumedThenExtended!;
    expect(stateAt(p, dayStart('2026-03-10'))).toEqual({ open: true, overdue: false, awaiting: true });
    expect(stateAt(p, dayStart('2026-03-17'))).toEqual({ open: true, overdue: false, awaiting: false }); // extended to 20/03
    expect(stateAt(p, dayStart('2026-03-21'))).toEqual({ open: true, overdue: true, awaiting: false });
    const e = CASES.extendedBeforeResume!;
    expect(stateAt(e, dayStart('2026-03-13')).overdue).toBe(false); // the resumption's date (18/03) replaces the earlier extension
    expect(stateAt(e, dayStart('2026-03-19')).overdue).toBe(true);
    expect(stateAt(CASES.pausedWhenLate!, dayStart('2026-03-20'))).toEqual({ open: true, overdue: true, awaiting: true });
    expect(stateAt(CASES.lateCompleted!, dayStart('2026-03-10'))).toEqual({ open: true, overdue: true, awaiting: false });
    expect(stateAt(CASES.lateCompleted!, dayStart('2026-03-11')).open).toBe(false);
  });

  it('counts flows on their day with the index flags, and nothing for a dossier never received', () => {
    const flags = { feeCharged: true, paidOnline: true, digitised: true, resultDigitised: true, fullyOnline: true };
    const c = contributions(CASES.lateCompleted!, 'desk', flags);
    expect(c.get('2026-03-02')).toMatchObject({ recv_direct: 1, recv_digitised: 1, recv_fee: 1, recv_fee_paid: 1, d_open: 1 });
    expect(c.get('2026-03-10')).toMatchObject({ completed: 1, late: 1, result: 1, result_digitised: 1, d_open: -1, d_overdue: -1 });
    expect(c.get('2026-03-11')).toMatchObject({ returned: 1, returned_fully_online: 1 });
    expect(contributions(CASES.withdrawn!, 'online', noFlags).get('2026-03-05')).toMatchObject({ completed: 1, withdrawn: 1, d_open: -1 });
    expect(contributions(CASES.neverReceived!, 'online', noFlags).size).toBe(0);
  });

  it('a new version of a dossier replaces the old one’s counts, in day and half-month rows', () => {
    const dims = { unitId: 7, procedureCode: 'P', procedureName: 'Thủ tục', fieldCode: '', fieldName: '' };
    const delta = new CountsDelta();
    delta.add(dims, contributions(CASES.open!, 'online', noFlags), -1);
    delta.add(dims, contributions(CASES.lateCompleted!, 'online', noFlags), 1);
    const rows = delta.changed().map((r) => `${r.grain} ${r.bucket} ${Object.entries(r.counts).filter(([, n]) => n).map(([k, n]) => `${k}=${n}`).join(',')}`);
    // Both were received on 02/03 (nothing changes there); the completion on 10/03 and the return on 11/03 are new,
    // the open dossier's becoming overdue after 09/03 17:00 is taken back, the late one's after 04/03 added.
    expect(rows).toEqual([
      'day 2026-03-04 d_overdue=1',
      'day 2026-03-09 d_overdue=-1',
      'day 2026-03-10 completed=1,late=1,result=1,d_open=-1,d_overdue=-1',
      'day 2026-03-11 returned=1',
      'half 2026-03-01 completed=1,late=1,result=1,returned=1,d_open=-1,d_overdue=-1',
    ]);
  });
});
