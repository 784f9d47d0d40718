import { describe, expect, it } from 'vitest';
import { sampleTree } from './factories.js';
import { appraisersOf, findNode, leafFigures, sheetFigures, type StoredLayer } from './sheet.js';

const tree = sampleTree();
const layer = (l: StoredLayer['layer'], points: number | null, reason: string | null = null): StoredLayer => ({ layer: l, points, reason, author: 'Cán bộ thẩm định' });

describe('a leaf\'s figures', () => {
  it('turns a survey result into the self layer, and lets a later appraisal layer count', () => {
    const node = findNode(tree, '3.1')!;
    const f = leafFigures(node, [], { surveyPercent: 80 });
    expect(f.counts).toEqual({ layer: 'self', points: 4.8 });
    expect(f.derived).toMatchObject({ ok: true });
    const adjusted = leafFigures(node, [layer('appraisal2', 4, 'Phiếu khảo sát thiếu')], { surveyPercent: 80 });
    expect(adjusted.counts).toEqual({ layer: 'appraisal2', points: 4 });
  });

  it('keeps a computed figure frozen at publication, whatever the feed says later', () => {
    const node = findNode(tree, '2.1')!;
    const live = leafFigures(node, [], { computed: { value: 0.4, inputs: '4/10 hồ sơ' } });
    expect(live.counts).toEqual({ layer: 'self', points: 4 });
    const frozen = leafFigures(node, [layer('self', 8, 'chốt khi công bố')], { computed: { value: 0.4, inputs: '4/10 hồ sơ' } });
    expect(frozen.counts).toEqual({ layer: 'self', points: 8 });
    expect(frozen.derived).toBeNull();
  });

  it('leaves a derived leaf without a figure unscored, with the reason', () => {
    const f = leafFigures(findNode(tree, '2.1')!, [], { computed: null });
    expect(f.counts).toBeNull();
    expect(f.derived).toMatchObject({ ok: false, code: 'MISSING_INPUT' });
  });
});

describe('a sheet', () => {
  it('drops the procedures area for a unit without procedures and rolls up the rest', () => {
    const stored = new Map<string, StoredLayer[]>([['1.1', [layer('self', 3)]], ['1.2', [layer('self', 4), layer('appraisal1', 2)]], ['1.3', [layer('self', 1.5)]]]);
    const s = sheetFigures(tree, { hasProcedures: false }, stored, { survey: new Map([['3.1', 50], ['3.2', 100]]), computed: new Map() });
    expect(s.excluded.has('2')).toBe(true);
    // Area 1: 3 + 2 + 1.5; area 3: 50% × 6 + 100% × 4 = 7; out of 10 + 10.
    expect(s.index.points).toBe(13.5);
    expect(s.index.applicableMax).toBe(20);
    expect(s.index.index).toBe(67.5);
  });

  it('names the department appraising each criterion, inherited from its parent', () => {
    const t = sampleTree();
    (t.areas[1] as { appraisingUnitId?: number }).appraisingUnitId = 7;
    const a = appraisersOf(t);
    expect(a.get('1.1')).toBe(1);
    expect(a.get('1.2')).toBeNull();
    expect(a.get('2.3.1')).toBe(7);
  });
});
