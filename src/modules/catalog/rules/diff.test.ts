import { describe, expect, it } from 'vitest';

import { procedure } from '../testing.js';
import { diffVersions, formatPath } from './diff.js';
import { describeLocation } from './diff-labels.js';

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
        where: 'Tên thủ tục',
        before: 'Cấp Giấy xác nhận tình trạng hôn nhân',
        beforeText: 'Cấp Giấy xác nhận tình trạng hôn nhân',
        after: 'Cấp Giấy xác nhận tình trạng hôn nhân (sửa)',
        afterText: 'Cấp Giấy xác nhận tình trạng hôn nhân (sửa)',
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

describe('diffVersions in words: where each change is and what the values were', () => {
  const v1 = procedure();
  const words = (v2: object) => diffVersions(v1, v2).map((c) => ({ where: c.where, before: c.beforeText, after: c.afterText }));

  it('names a nested field by its label and an element by its key', () => {
    const v2 = procedure({
      description: 'Mô tả mới',
      channels: [{ kind: 'desk', time: { amount: 3, unit: 'working_days' } }, { kind: 'online', time: { amount: 2, unit: 'working_days' } }],
      documents: [{ name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', originals: 1, copies: 2 }],
    });
    expect(words(v2)).toEqual([
      { where: 'Cách thức và thời hạn giải quyết › Cách thức trực tuyến › Thời hạn giải quyết › Thời hạn', before: '3', after: '2' },
      { where: 'Thành phần hồ sơ › «Tờ khai cấp Giấy xác nhận tình trạng hôn nhân» › Số bản sao', before: '0', after: '2' },
      { where: 'Mô tả', before: undefined, after: 'Mô tả mới' },
    ]);
  });

  it('writes enumerations, booleans, deadlines and money in words', () => {
    const v2 = procedure({
      onlineMode: 'partial',
      boundaryIndependent: true,
      levels: ['commune', 'province'],
      fees: [{ name: 'Lệ phí', kind: 'charge', amount: 15000 }],
      internalProcesses: [{ steps: v1.internalProcesses[0]!.steps.map((s) => (s.order === 2 ? { ...s, budget: { amount: 2, unit: 'working_days' } } : s)) }],
    });
    expect(words(v2)).toEqual([
      { where: 'Cấp thực hiện', before: undefined, after: 'Cấp tỉnh' },
      { where: 'Mức độ dịch vụ công trực tuyến', before: 'Dịch vụ công trực tuyến toàn trình', after: 'Dịch vụ công trực tuyến một phần' },
      { where: 'Tiếp nhận không phụ thuộc địa giới hành chính', before: 'Không', after: 'Có' },
      { where: 'Phí, lệ phí › «Lệ phí»', before: undefined, after: 'Tên phí, lệ phí: Lệ phí\nLoại: Lệ phí\nMức thu: 15.000 đồng' },
      { where: 'Quy trình nội bộ › Quy trình 1 › Các bước xử lý › Bước 2 › Thời gian của bước › Thời gian', before: '16', after: '2' },
      { where: 'Quy trình nội bộ › Quy trình 1 › Các bước xử lý › Bước 2 › Thời gian của bước › Đơn vị', before: 'giờ làm việc', after: 'ngày làm việc' },
    ]);
  });

  it('describes a whole added step with the labels of its own kind of record', () => {
    const added = { order: 5, name: 'Lưu hồ sơ', action: 'Lưu trữ', responsible: { function: 'one_stop', role: 'desk_officer' }, budget: { amount: 1, unit: 'working_hours' } };
    const v2 = procedure({ internalProcesses: [{ steps: [...v1.internalProcesses[0]!.steps, added] }] });
    const [change] = diffVersions(v1, v2);
    expect(change!.where).toBe('Quy trình nội bộ › Quy trình 1 › Các bước xử lý › Bước 5');
    expect(change!.afterText).toContain('Tên bước xử lý: Lưu hồ sơ');
    expect(change!.afterText).toContain('Thời gian của bước: 1 giờ làm việc');
    expect(change!.afterText).toContain('Nơi xử lý: Chức năng đơn vị: Bộ phận Một cửa; Vai trò: Công chức tiếp nhận và trả kết quả');
    expect(change!.afterText).toContain('Liên thông: Không');
  });

  it('leaves no field code in a location, for every field of the record', () => {
    const everyField = [
      ['description'], ['field', 'code'], ['field', 'name'], ['implementingAgency', 'name'], ['coordinatingAgencies', 'Sở Tư pháp', 'code'],
      ['channels', 'desk', 'time', 'cutoff'], ['channels', 'desk', 'note'], ['documents', 'Tờ khai', 'certifiedCopies'], ['documents', 'Tờ khai', 'presentOnly'],
      ['documents', 'Tờ khai', 'formTemplate'], ['documents', 'Tờ khai', 'reusableFromNationalDb'], ['fees', 'Lệ phí', 'exemptions'], ['fees', 'Lệ phí', 'per'],
      ['legalBasis', '60/2014/QH13', 'issuer'], ['steps', 1, 'recourse'], ['results', 'Giấy xác nhận', 'template'],
      ['cases', '1.004873.A', 'channels', 'online', 'time', 'unit'], ['cases', '1.004873.A', 'documents', 'Tờ khai', 'optional'],
      ['internalProcesses', 0, 'steps', 1, 'responsible', 'externalAgency', 'name'], ['internalProcesses', 0, 'steps', 1, 'interAgency'],
      ['internalProcesses', 0, 'channels'], ['version', 'decision', 'signer'], ['version', 'effectiveTo'],
    ];
    for (const path of everyField) {
      for (const part of describeLocation(path).split(' › ')) expect(part, path.join('.')).not.toMatch(/^[a-z][A-Za-z]*$/);
    }
  });
});
