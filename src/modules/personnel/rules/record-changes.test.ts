import { describe, expect, it } from 'vitest';
import { accountActiveOn, canonical, changeDiff, currentRecord, mayDecide, type RecordChange } from './record-changes.js';

const base = { fullName: 'Lò Văn Minh', ethnicity: 'Thái', foreignLanguage: 'Tiếng Anh B1', itLevel: null };

describe('changes to a record', () => {
  it('changes nothing before approval, and applies approved changes in the order they were approved', () => {
    const changes: RecordChange[] = [
      { id: 1, set: { foreignLanguage: 'Tiếng Anh B2' }, status: 'proposed', decidedAt: null },
      { id: 2, set: { itLevel: 'Cơ bản' }, status: 'rejected', decidedAt: '2026-03-01T02:00:00Z' },
      { id: 3, set: { itLevel: 'Nâng cao' }, status: 'approved', decidedAt: '2026-03-05T02:00:00Z' },
      { id: 4, set: { itLevel: 'Cơ bản' }, status: 'approved', decidedAt: '2026-03-02T02:00:00Z' },
    ];
    expect(currentRecord(base, changes)).toEqual({ ...base, itLevel: 'Nâng cao' });
    expect(currentRecord(base, [])).toEqual(base);
  });

  it('shows the approver only the fields a change really changes', () => {
    expect(changeDiff(base, { set: { foreignLanguage: 'Tiếng Anh B2', ethnicity: 'Thái' } })).toEqual([{ field: 'foreignLanguage', before: 'Tiếng Anh B1', after: 'Tiếng Anh B2' }]);
  });

  it('lets the person withdraw and HR decide, once', () => {
    expect(mayDecide({ status: 'proposed' }, 'approve', { isOwner: true, isHr: false })).toMatchObject({ ok: false });
    expect(mayDecide({ status: 'proposed' }, 'approve', { isOwner: false, isHr: true })).toEqual({ ok: true });
    expect(mayDecide({ status: 'proposed' }, 'withdraw', { isOwner: true, isHr: false })).toEqual({ ok: true });
    expect(mayDecide({ status: 'approved' }, 'reject', { isOwner: false, isHr: true })).toMatchObject({ ok: false });
  });
});

describe('the account of a person who leaves', () => {
  it('is active from the appointment and disabled on the day they leave', () => {
    const moves = [{ kind: 'appointed' as const, on: '2020-01-02' }, { kind: 'left' as const, on: '2026-12-31' }];
    expect(accountActiveOn(moves, '2019-12-31')).toBe(false);
    expect(accountActiveOn(moves, '2026-12-30')).toBe(true);
    expect(accountActiveOn(moves, '2026-12-31')).toBe(false);
    expect(accountActiveOn([...moves, { kind: 'transferred_in', on: '2027-03-01' }], '2027-03-01')).toBe(true);
  });

  it('does not see a table whose rows come back with their keys in another order as a change', () => {
    const stored = { training: [{ to: '2010-06', from: '2006-09', major: 'Luật', institution: 'Đại học Luật Hà Nội' }] };
    const sent = { training: [{ institution: 'Đại học Luật Hà Nội', major: 'Luật', from: '2006-09', to: '2010-06' }], itSkill: 'Nâng cao' };
    expect(changeDiff(stored, { set: sent }).map((d) => d.field)).toEqual(['itSkill']);
    expect(canonical({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });
});
