import { describe, expect, it } from 'vitest';
import { dossierTimeliness, openTimeliness, STATUS, TIMELINESS_LABELS, TIMELINESS_TAGS } from './statuses.js';

// Due Thursday 05/03/2026 09:00 (+07:00).
const due = new Date('2026-03-05T09:00:00+07:00');
const at = (iso: string) => new Date(iso);
const facts = (over: Partial<Parameters<typeof dossierTimeliness>[0]>) => ({ status: STATUS.PROCESSING, dueAt: due, completedAt: null, pausedAt: null, ...over });

describe('derived timeliness (DOMAIN §2.3: completed trước hạn/đúng hạn/quá hạn; open trong hạn/quá hạn)', () => {
  it.each([
    ['open before the deadline', facts({}), '2026-03-05T08:59:00+07:00', 'within'],
    ['open past the deadline', facts({}), '2026-03-05T09:01:00+07:00', 'overdue'],
    ['awaiting payment past the deadline', facts({ status: STATUS.AWAITING_PAYMENT }), '2026-03-06T09:00:00+07:00', 'overdue'],
    ['decided on an earlier day', facts({ status: STATUS.RESULT_READY, completedAt: at('2026-03-04T16:00:00+07:00') }), '2026-03-20T09:00:00+07:00', 'early'],
    ['decided after the deadline, long ago', facts({ status: STATUS.RETURNED, completedAt: at('2026-03-06T10:00:00+07:00') }), '2026-04-20T09:00:00+07:00', 'late'],
    ['stopped after the deadline', facts({ status: STATUS.STOPPED, completedAt: at('2026-03-06T10:00:00+07:00') }), '2026-03-20T09:00:00+07:00', 'late'],
    ['refused (no decision on the merits)', facts({ status: STATUS.REFUSED, completedAt: at('2026-03-06T10:00:00+07:00') }), '2026-03-20T09:00:00+07:00', null],
    ['withdrawn', facts({ status: STATUS.WITHDRAWN, completedAt: at('2026-03-03T10:00:00+07:00') }), '2026-03-20T09:00:00+07:00', null],
    ['without a due date', facts({ status: STATUS.SUBMITTED, dueAt: null }), '2026-03-20T09:00:00+07:00', null],
  ] as const)('%s', (_name, d, now, expected) => {
    expect(dossierTimeliness(d, at(now))).toBe(expected);
  });

  it('a pause before the deadline stops the clock: paused, however long the wait', () => {
    const d = facts({ status: STATUS.SUPPLEMENT_REQUESTED, pausedAt: at('2026-03-03T09:00:00+07:00') });
    expect(dossierTimeliness(d, at('2026-03-04T09:00:00+07:00'))).toBe('paused');
    expect(dossierTimeliness(d, at('2026-05-04T09:00:00+07:00'))).toBe('paused');
  });

  it('a pause after the deadline does not make late work timely', () => {
    const d = facts({ status: STATUS.SUPPLEMENT_REQUESTED, pausedAt: at('2026-03-09T10:00:00+07:00') });
    expect(dossierTimeliness(d, at('2026-03-10T09:00:00+07:00'))).toBe('overdue');
    expect(openTimeliness(at('2026-03-10T09:00:00+07:00'), due, at('2026-03-04T09:00:00+07:00'))).toBe('paused');
  });

  it('on screen, finished late and still open past the deadline read differently', () => {
    expect(TIMELINESS_TAGS.late.vi).not.toBe(TIMELINESS_TAGS.overdue.vi);
    expect(TIMELINESS_TAGS.late.en).not.toBe(TIMELINESS_TAGS.overdue.en);
    expect(TIMELINESS_TAGS.late.vi).toBe('Hoàn thành quá hạn');
    expect(TIMELINESS_TAGS.overdue.vi).toBe('Đang quá hạn');
    // Every on-screen label is distinct, so no two states can be mistaken for each other.
    expect(new Set(Object.values(TIMELINESS_TAGS).map((l) => l.vi)).size).toBe(Object.keys(TIMELINESS_TAGS).length);
    // The printed forms keep the statutory words of form 06's column.
    expect([TIMELINESS_LABELS.early.vi, TIMELINESS_LABELS.on_time.vi, TIMELINESS_LABELS.late.vi]).toEqual(['Trước hạn', 'Đúng hạn', 'Quá hạn']);
  });
});
