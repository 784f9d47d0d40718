import { describe, expect, it } from 'vitest';
import { applicable, type CriteriaTree } from './criteria.js';
import { group, leaf, sampleTree } from './factories.js';
import { applicableLeaves, bandOf, computeIndex, DEFAULT_BANDS, rankPerBlock, validateBands, type RankEntry } from './index.js';

const pts = (o: Record<string, number>) => new Map(Object.entries(o));
const full = { '1.1': 3, '1.2': 4, '1.3': 3, '2.1': 8, '2.2': 6, '2.3.1': 3, '2.3.2': 3, '3.1': 6, '3.2': 4 };

describe('PAR index: roll-up through the tree', () => {
  it('sums leaves into criteria and areas', () => {
    const t = sampleTree();
    const app = applicable(t, { hasProcedures: true }).applicable;
    const r = computeIndex(t, app, pts({ ...full, '1.2': 2, '2.3.1': 1.5, '2.2': 4.33 }));
    const a2 = r.areas[1]!;
    expect(a2.children[2]).toMatchObject({ code: '2.3', points: 4.5, max: 6 }); // 1.5 + 3
    expect(a2).toMatchObject({ points: 16.83, max: 20 }); // 8 + 4.33 + 4.5
    expect(r.areas[0]).toMatchObject({ points: 8, max: 10 }); // 3 + 2 + 3
    expect(r.points).toBe(34.83); // 8 + 16.83 + 10
    expect(r.applicableMax).toBe(40);
    expect(r.index).toBe(87.08); // 34.83 / 40 × 100 = 87.075 → half-up 87.08
    expect(r.unscored).toEqual([]);
  });

  it('leaves non-applicable criteria out of the denominator', () => {
    const t = sampleTree();
    const app = applicable(t, { hasProcedures: false }).applicable;
    const r = computeIndex(t, app, pts({ ...full, '1.3': 1, '2.1': 8 /* ignored: not applicable */ }));
    expect(r.areas[1]).toMatchObject({ applicable: false, points: 0, max: 0 });
    expect(r.applicableMax).toBe(20); // 10 + 10
    expect(r.points).toBe(18); // 3 + 4 + 1 + 6 + 4
    expect(r.index).toBe(90);
    expect(applicableLeaves(t, app).map((n) => n.code)).toEqual(['1.1', '1.2', '1.3', '3.1', '3.2', '9.1', '9.2', '9.3', '9.4']);
  });

  it('a single excluded leaf leaves only its own max', () => {
    const t = sampleTree();
    (t.areas[0]!.children![2] as { applicability?: unknown }).applicability = { kind: 'fact', fact: 'block', equals: 'xa' };
    const r = computeIndex(t, applicable(t, { block: 'so', hasProcedures: true }).applicable, pts(full));
    expect(r.areas[0]).toMatchObject({ points: 7, max: 7 });
    expect(r.applicableMax).toBe(37);
    expect(r.index).toBe(100);
  });

  it('lists applicable leaves without points and counts them 0', () => {
    const t = sampleTree();
    const { ['1.3']: _dropped, ...rest } = full;
    const r = computeIndex(t, applicable(t, { hasProcedures: true }).applicable, pts(rest));
    expect(r.unscored).toEqual(['1.3']); // bonus/penalty items without an entry are simply not awarded
    expect(r.points).toBe(37);
  });

  it('a parent marked "max is not the sum" caps earned and possible points', () => {
    const t: CriteriaTree = { caps: { bonus: 0, penalty: 0 }, areas: [
      group('1', 2, [leaf('1.1', 2, { kind: 'binary' }), leaf('1.2', 2, { kind: 'binary' })], { maxNotSumOfChildren: true }),
      group('2', 2, [leaf('2.1', 2, { kind: 'manual' })]),
    ] };
    const all = applicable(t, {}).applicable;
    expect(computeIndex(t, all, pts({ '1.1': 2, '1.2': 2, '2.1': 1 }))).toMatchObject({ points: 3, applicableMax: 4, index: 75 });
    expect(computeIndex(t, all, pts({ '1.1': 2, '1.2': 0, '2.1': 1 }))).toMatchObject({ points: 3, applicableMax: 4 });
    expect(computeIndex(t, all, pts({ '1.1': 0, '1.2': 1, '2.1': 1 }))).toMatchObject({ points: 2 });
  });

  it('no applicable criterion gives no index, not 0', () => {
    const t: CriteriaTree = { caps: { bonus: 0, penalty: 0 }, areas: [leaf('1', 1, { kind: 'binary' }, { applicability: { kind: 'fact', fact: 'x', equals: true } })] };
    expect(computeIndex(t, applicable(t, { x: false }).applicable, pts({})).index).toBeNull();
  });
});

describe('PAR index: bonus and penalty within their caps', () => {
  const t = sampleTree(); // caps: bonus 3, penalty 2
  const app = applicable(t, { hasProcedures: true }).applicable;
  const at = (extra: Record<string, number>, base: Record<string, number> = { ...full, '1.3': 0, '2.2': 0 }) => computeIndex(t, app, pts({ ...base, ...extra }));

  it('bonus below the cap counts in full, above it is capped; never in the denominator', () => {
    expect(at({ '9.1': 1, '9.2': 1 })).toMatchObject({ points: 31, bonus: { awarded: 2, counted: 2 }, total: 33, applicableMax: 40, index: 82.5 });
    expect(at({ '9.1': 2, '9.2': 2 })).toMatchObject({ bonus: { awarded: 4, counted: 3 }, total: 34, index: 85 });
    expect(at({ '9.1': 1.5, '9.2': 1.5 })).toMatchObject({ bonus: { awarded: 3, counted: 3 }, total: 34 }); // exactly at the cap
  });

  it('penalty below the cap is deducted in full, above it is capped', () => {
    expect(at({ '9.3': 1.5 })).toMatchObject({ penalty: { awarded: 1.5, counted: 1.5 }, total: 29.5 });
    expect(at({ '9.3': 2, '9.4': 1 })).toMatchObject({ penalty: { awarded: 3, counted: 2 }, total: 29, index: 72.5 });
  });

  it('bonus and penalty together; the total never goes below 0; bonus may pass 100', () => {
    expect(at({ '9.1': 2, '9.2': 2, '9.3': 2, '9.4': 1 })).toMatchObject({ total: 32 }); // 31 + 3 − 2
    const zero = Object.fromEntries(Object.keys(full).map((k) => [k, 0]));
    expect(at({ '9.3': 2 }, zero)).toMatchObject({ total: 0, index: 0 });
    expect(at({ '9.1': 2, '9.2': 1 }, full)).toMatchObject({ total: 43, index: 107.5 });
  });

  it('a bonus item that does not apply to the unit does not count', () => {
    const u = sampleTree();
    (u.areas[3]!.children![0] as { applicability?: unknown }).applicability = { kind: 'fact', fact: 'block', equals: 'xa' };
    const r = computeIndex(u, applicable(u, { block: 'so', hasProcedures: true }).applicable, pts({ ...full, '9.1': 2, '9.2': 0.5 }));
    expect(r.bonus).toEqual({ awarded: 0.5, counted: 0.5 });
  });
});

describe('PAR index: bands', () => {
  it('at a threshold the band is reached; just below it is not', () => {
    expect(bandOf(90, DEFAULT_BANDS)?.label).toBe('Xuất sắc');
    expect(bandOf(89.99, DEFAULT_BANDS)?.label).toBe('Tốt');
    expect(bandOf(80, DEFAULT_BANDS)?.label).toBe('Tốt');
    expect(bandOf(79.99, DEFAULT_BANDS)?.label).toBe('Khá');
    expect(bandOf(0, DEFAULT_BANDS)?.label).toBe('Yếu');
    expect(bandOf(107.5, DEFAULT_BANDS)?.label).toBe('Xuất sắc');
  });
  it('decides on the published (rounded) figure', () => {
    expect(bandOf(89.995, DEFAULT_BANDS)?.label).toBe('Xuất sắc'); // published as 90.00
    expect(bandOf(89.994, DEFAULT_BANDS)?.label).toBe('Tốt'); // published as 89.99
  });
  it('configurable bands in any order; below all or no index gives no band', () => {
    const nhom = [{ label: 'Nhóm II', min: 70 }, { label: 'Nhóm I', min: 80 }]; // Nam Định districts, §A4
    expect(bandOf(85, nhom)?.label).toBe('Nhóm I');
    expect(bandOf(70, nhom)?.label).toBe('Nhóm II');
    expect(bandOf(69.99, nhom)).toBeNull();
    expect(bandOf(null, nhom)).toBeNull();
  });
  it('validates bands', () => {
    expect(validateBands(DEFAULT_BANDS)).toEqual([]);
    expect(validateBands([])).toEqual(['Phải có ít nhất một mức xếp loại']);
    expect(validateBands([{ label: 'A', min: 90 }, { label: 'B', min: 90 }, { label: ' ', min: 120 }])).toEqual([
      'Ngưỡng 90 bị trùng', 'Tên mức xếp loại không được để trống', 'Ngưỡng của mức " " phải từ 0 đến 100',
    ]);
  });
});

describe('PAR index: ranking per block with ties', () => {
  const e = (unitId: number, name: string, block: string, index: number | null): RankEntry => ({ unitId, name, block, index });
  it('same index, same rank; the next rank skips (1, 2, 2, 4)', () => {
    const r = rankPerBlock([e(1, 'Sở Tư pháp', 'so', 88.1), e(2, 'Sở Nội vụ', 'so', 92.5), e(3, 'Sở Y tế', 'so', 88.1), e(4, 'Sở Tài chính', 'so', 70)]);
    expect(r.get('so')!.map((x) => [x.name, x.rank])).toEqual([['Sở Nội vụ', 1], ['Sở Tư pháp', 2], ['Sở Y tế', 2], ['Sở Tài chính', 4]]);
  });
  it('blocks are ranked separately', () => {
    const r = rankPerBlock([e(1, 'Phường A', 'phuong', 80), e(2, 'Xã B', 'xa', 70), e(3, 'Phường C', 'phuong', 90), e(4, 'Xã D', 'xa', 75)]);
    expect(r.get('phuong')!.map((x) => [x.unitId, x.rank])).toEqual([[3, 1], [1, 2]]);
    expect(r.get('xa')!.map((x) => [x.unitId, x.rank])).toEqual([[4, 1], [2, 2]]);
  });
  it('ties on the published figure; all tied; no index last without rank', () => {
    const r = rankPerBlock([e(1, 'B', 'xa', 90.001), e(2, 'A', 'xa', 89.999), e(3, 'C', 'xa', null), e(4, 'D', 'xa', 50)]);
    expect(r.get('xa')!.map((x) => [x.name, x.rank])).toEqual([['A', 1], ['B', 1], ['D', 3], ['C', null]]);
    const all = rankPerBlock([e(1, 'X', 'so', 75), e(2, 'Y', 'so', 75), e(3, 'Z', 'so', 75)]);
    expect(all.get('so')!.map((x) => x.rank)).toEqual([1, 1, 1]);
  });
});
