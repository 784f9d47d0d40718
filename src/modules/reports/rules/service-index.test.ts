import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { definitionSchema, pointsFor, scoreIndex, versionInForce, type IndexDefinition } from './service-index.js';

const demo = JSON.parse(readFileSync(new URL('../../../../demo/service-index/qd766-tinh.json', import.meta.url), 'utf8')) as { effectiveFrom: string } & Record<string, unknown>;

describe('service index: thresholds to points', () => {
  it('ratio: value × max, rounded to 2 decimals', () => {
    expect(pointsFor(0.8333, 20, { kind: 'ratio' })).toBe(16.67);
    expect(pointsFor(1, 6, { kind: 'ratio' })).toBe(6);
    expect(pointsFor(0, 6, { kind: 'ratio' })).toBe(0);
  });
  it('step: the full points at or above the threshold, the lower points below it', () => {
    expect(pointsFor(0.8, 2, { kind: 'step', threshold: 0.8, below: 1.6 })).toBe(2);
    expect(pointsFor(0.7999, 2, { kind: 'step', threshold: 0.8, below: 1.6 })).toBe(1.6);
    expect(pointsFor(0.49, 6, { kind: 'step', threshold: 0.5, below: 3 })).toBe(3);
  });
  it('target: the full points at or above the target, else proportional to it', () => {
    expect(pointsFor(0.15, 6, { kind: 'target', target: 0.3 })).toBe(3);
    expect(pointsFor(0.45, 6, { kind: 'target', target: 0.3 })).toBe(6);
    expect(pointsFor(0.81, 6, { kind: 'target', target: 0.9 })).toBe(5.4);
  });
  it('no figure: 0 points, never a made-up value', () => {
    expect(pointsFor(null, 6, { kind: 'ratio' })).toBe(0);
    expect(pointsFor(null, 2, { kind: 'step', threshold: 0.8, below: 1.6 })).toBe(0);
  });
});

describe('service index: the version in force', () => {
  const vs = [{ effectiveFrom: '2022-06-23', n: 1 }, { effectiveFrom: '2026-01-01', n: 2 }, { effectiveFrom: '2025-07-01', n: 3 }];
  it('is the latest effective on or before the day, whatever the order stored', () => {
    expect(versionInForce(vs, '2025-06-30')?.n).toBe(1);
    expect(versionInForce(vs, '2025-07-01')?.n).toBe(3);
    expect(versionInForce(vs, '2025-12-31')?.n).toBe(3);
    expect(versionInForce(vs, '2026-01-01')?.n).toBe(2);
    expect(versionInForce(vs, '2022-06-22')).toBeUndefined();
  });
});

describe('service index: the definition', () => {
  const { effectiveFrom: _e, ...raw } = demo;
  const def = definitionSchema.parse(raw);

  it('the shipped default is valid, adds up to 100 and says it is the provincial reading', () => {
    expect(def.groups.reduce((a, g) => a + g.max, 0)).toBe(100);
    expect(def.groups.map((g) => g.max)).toEqual([18, 20, 12, 10, 18, 22]);
    expect(def.note).toMatch(/CÓ THỂ KHÁC phụ lục chính thức/);
  });

  it('refuses sums that do not add up, duplicates and a bad threshold, with Vietnamese messages', () => {
    const bad = structuredClone(raw) as unknown as IndexDefinition;
    bad.groups[0]!.max = 17;
    bad.groups[1]!.indicators[0]!.code = '1.1';
    (bad.groups[2]!.indicators[0]!.scoring as { threshold: number }).threshold = 1.5;
    const r = definitionSchema.safeParse(bad);
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toContain('Nhóm "Công khai, minh bạch": điểm tối đa 17 khác tổng điểm các chỉ tiêu (18)');
    expect(messages).toContain('Mã "1.1" bị trùng');
    expect(messages).toContain('Ngưỡng không được lớn hơn 1 (100%)');
    expect(messages.some((m) => m.startsWith('Tổng điểm tối đa của các nhóm phải là 100'))).toBe(true);
  });

  it('scores: a measure without a source is null with 0 points and a note; an empty denominator too', () => {
    const s = scoreIndex(def, new Map([['on_time_rate', { numerator: 45, denominator: 60 }], ['online_submission_rate', { numerator: 0, denominator: 0 }]]));
    const ind = (c: string) => s.groups.flatMap((g) => g.indicators).find((i) => i.code === c)!;
    expect(ind('2.1')).toMatchObject({ value: 75, points: 15, max: 20, numerator: 45, denominator: 60, note: null, dossiers: true });
    expect(ind('3.3')).toMatchObject({ value: null, points: 0, note: 'Không phát sinh trong kỳ' });
    expect(ind('1.1')).toMatchObject({ value: null, points: 0, note: 'Chưa có dữ liệu', dossiers: false });
    expect(s.total).toBe(15);
    expect(s.max).toBe(100);
  });
});
