import { describe, expect, it } from 'vitest';

import { procedure } from '../testing.js';
import { diffVersions, formatPath } from './diff.js';

describe('diffVersions', () => {
  const v1 = procedure();

  it('finds nothing between identical versions, and ignores version metadata by default', () => {
    const v2 = procedure({ version: { number: 2, status: 'draft' } });
    expect(diffVersions(v1, v2)).toEqual([]);
    expect(diffVersions(v1, v2, { includeVersionMeta: true })).toEqual([
      expect.objectContaining({ kind: 'changed', path: 'version.number', before: 1, after: 2, label: 'Thông tin phiên bản' }),
    ]);
  });

  it('reports a changed scalar with its Vietnamese label', () => {
    const v2 = procedure({ name: 'Cấp Giấy xác nhận tình trạng hôn nhân (sửa)' });
    expect(diffVersions(v1, v2)).toEqual([
      {
        kind: 'changed',
        path: 'name',
        segments: ['name'],
        label: 'Tên thủ tục',
        before: 'Cấp Giấy xác nhận tình trạng hôn nhân',
        after: 'Cấp Giấy xác nhận tình trạng hôn nhân (sửa)',
      },
    ]);
  });

  it('matches channels by kind, so a shorter online time is one change', () => {
    const v2 = procedure({
      channels: [
        { kind: 'online', time: { amount: 2, unit: 'working_days' } },
        { kind: 'desk', time: { amount: 3, unit: 'working_days' } },
      ],
    });
    expect(diffVersions(v1, v2)).toEqual([
      expect.objectContaining({ kind: 'changed', path: 'channels[online].time.amount', before: 3, after: 2 }),
    ]);
  });

  it('matches documents by name: an inserted document is one addition', () => {
    const extra = { name: 'Giấy tờ chứng minh nơi cư trú', copies: 1 };
    const v2 = procedure({ documents: [extra, ...v1.documents] });
    const changes = diffVersions(v1, v2);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'added', path: 'documents[Giấy tờ chứng minh nơi cư trú]', label: 'Thành phần hồ sơ' });
  });

  it('reports added and removed keywords as a set, ignoring order', () => {
    const a = procedure({ keywords: ['hôn nhân', 'độc thân'] });
    const b = procedure({ keywords: ['độc thân', 'kết hôn'] });
    expect(diffVersions(a, b).map((c) => [c.kind, c.before ?? c.after])).toEqual([
      ['removed', 'hôn nhân'],
      ['added', 'kết hôn'],
    ]);
  });

  it('reports a fee that appears, and a step budget that changes, by their keys', () => {
    const v2 = procedure({
      fees: [{ name: 'Lệ phí', kind: 'charge', amount: 15000 }],
      internalProcesses: [
        {
          steps: v1.internalProcesses[0]!.steps.map((s) => (s.order === 2 ? { ...s, budget: { amount: 2, unit: 'working_days' } } : s)),
        },
      ],
    });
    expect(diffVersions(v1, v2).map((c) => `${c.kind} ${c.path}`)).toEqual([
      'added fees[Lệ phí]',
      'changed internalProcesses[0].steps[2].budget.amount',
      'changed internalProcesses[0].steps[2].budget.unit',
    ]);
  });

  it('formats paths readably', () => {
    expect(formatPath(['cases', 'can_xac_minh', 'channels', 'desk', 'time'])).toBe('cases[can_xac_minh].channels[desk].time');
    expect(formatPath(['field', 'code'])).toBe('field.code');
  });
});
