import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLDS, EVIDENCE_CODES_MAX, crossesThreshold, hasWorsened, proposeNonconformities, sourceKey, type ProcedureSignals,
} from './nonconformity-proposals.js';

const q2 = { from: '2026-04-01', to: '2026-06-30' };
const base: ProcedureSignals = {
  procedureCode: '1.001234', procedureName: 'Cấp giấy phép xây dựng', period: q2, asOf: '2026-07-01',
  dossiers: 0, dossiersDone: 0, overdue: 0, apologies: 0, supplementsRequested: 0,
};
const sig = (over: Partial<ProcedureSignals>): ProcedureSignals => ({ ...base, ...over });

describe('overdue dossiers of one procedure (≥ 3 and ≥ 10 %)', () => {
  it('proposes one nonconformity with exactly that procedure\'s codes and figures; a procedure under the threshold gives none', () => {
    const late = ['H30.12-260401-0003', 'H30.12-260415-0011', 'H30.12-260502-0007', 'H30.12-260610-0002'];
    const signals = [
      sig({ dossiers: 30, dossiersDone: 26, overdue: 4, codes: { overdue: late } }),
      sig({ procedureCode: '2.000111', procedureName: 'Chứng thực bản sao', dossiers: 40, dossiersDone: 40, overdue: 3, codes: { overdue: ['X-1', 'X-2', 'X-3'] } }), // 7,5 %
    ];
    const out = proposeNonconformities(signals);
    expect(out).toHaveLength(1);
    expect(out[0]).toEqual({
      source: 'overdue',
      sourceKey: 'overdue:1.001234:2026-04-01..2026-06-30',
      procedureCode: '1.001234',
      title: '4/30 hồ sơ quá hạn (13,3%) của thủ tục 1.001234 (Cấp giấy phép xây dựng) từ 01/04/2026 đến 30/06/2026',
      figure: 4,
      evidence: {
        procedureCode: '1.001234', procedureName: 'Cấp giấy phép xây dựng', period: q2, asOf: '2026-07-01',
        figures: { dossiers: 30, dossiersDone: 26, overdue: 4, apologies: 0, supplementsRequested: 0 },
        count: 4, total: 30, percent: 13.3, dossierCodes: late, dossierCodesTotal: 4,
      },
    });
  });

  it.each([
    // dossiers, overdue, proposed
    [30, 3, true],   // exactly 10 %, exactly 3
    [31, 3, false],  // 9,68 %
    [20, 2, false],  // 10 % but only 2
    [3, 3, true],
    [0, 0, false],
  ])('%i dossiers with %i overdue → %s', (dossiers, overdue, proposed) => {
    expect(crossesThreshold('overdue', sig({ dossiers, overdue }))).toBe(proposed);
  });

  it('follows the agency\'s own thresholds', () => {
    const strict = { ...DEFAULT_THRESHOLDS, overdue: { minCount: 1, minSharePercent: 2.5 } };
    expect(crossesThreshold('overdue', sig({ dossiers: 40, overdue: 1 }), strict)).toBe(true);
    expect(crossesThreshold('overdue', sig({ dossiers: 41, overdue: 1 }), strict)).toBe(false);
  });

  it('copies at most 50 distinct codes into the evidence and says how many were given', () => {
    const codes = Array.from({ length: 60 }, (_v, i) => `D-${i}`);
    const [p] = proposeNonconformities([sig({ dossiers: 100, overdue: 60, codes: { overdue: [...codes, 'D-0'] } })]);
    expect(p!.evidence.dossierCodes).toHaveLength(EVIDENCE_CODES_MAX);
    expect(p!.evidence.dossierCodes[0]).toBe('D-0');
    expect(p!.evidence.dossierCodesTotal).toBe(60);
  });
});

describe('apology slips (≥ 2) and supplements (≥ 30 % of at least 5 dossiers)', () => {
  it('proposes each signal under its own key, in a fixed order', () => {
    const out = proposeNonconformities([sig({ dossiers: 10, dossiersDone: 10, overdue: 3, apologies: 2, supplementsRequested: 3, codes: { apology: ['A-1', 'A-2'], supplement: ['S-1', 'S-2', 'S-3'] } })]);
    expect(out.map((p) => p.sourceKey)).toEqual([
      'overdue:1.001234:2026-04-01..2026-06-30',
      'apology:1.001234:2026-04-01..2026-06-30',
      'supplement:1.001234:2026-04-01..2026-06-30',
    ]);
    expect(out[1]).toMatchObject({ figure: 2, title: expect.stringMatching(/^2 phiếu xin lỗi/), evidence: { percent: null, dossierCodes: ['A-1', 'A-2'] } });
    expect(out[2]).toMatchObject({ figure: 3, title: expect.stringContaining('3/10 hồ sơ phải bổ sung (30,0%)'), evidence: { dossierCodes: ['S-1', 'S-2', 'S-3'] } });
  });

  it.each([
    // dossiers, supplements, proposed
    [5, 2, true],   // 40 %
    [4, 4, false],  // too few dossiers to judge
    [10, 3, true],  // exactly 30 %
    [10, 2, false],
  ])('supplements: %i dossiers, %i with a request → %s', (dossiers, supplementsRequested, proposed) => {
    expect(crossesThreshold('supplement', sig({ dossiers, supplementsRequested }))).toBe(proposed);
  });

  it('counts slips, not a share: one slip is not enough, two are, even on many dossiers', () => {
    expect(crossesThreshold('apology', sig({ dossiers: 500, apologies: 1 }))).toBe(false);
    expect(crossesThreshold('apology', sig({ dossiers: 500, apologies: 2 }))).toBe(true);
    expect(proposeNonconformities([sig({ dossiers: 1, apologies: 3 })])).toMatchObject([{ source: 'apology', figure: 3 }]);
  });
});

describe('open and dismissed proposals', () => {
  const s = sig({ dossiers: 30, overdue: 4 });
  const key = sourceKey('overdue', '1.001234', q2);

  it('skips a key that is already an open nonconformity; another period is another key', () => {
    expect(proposeNonconformities([s], DEFAULT_THRESHOLDS, new Set([key]))).toEqual([]);
    expect(proposeNonconformities([{ ...s, period: { from: '2026-07-01', to: '2026-09-30' } }], DEFAULT_THRESHOLDS, new Set([key]))).toHaveLength(1);
  });

  it('brings a dismissed proposal back only when its count has worsened by the factor', () => {
    const dismissed = [{ sourceKey: key, figureAtDismissal: 4 }];
    expect(proposeNonconformities([s], DEFAULT_THRESHOLDS, new Set(), dismissed)).toEqual([]);
    expect(proposeNonconformities([{ ...s, dossiers: 40, overdue: 5 }], DEFAULT_THRESHOLDS, new Set(), dismissed)).toEqual([]);
    expect(proposeNonconformities([{ ...s, dossiers: 40, overdue: 6 }], DEFAULT_THRESHOLDS, new Set(), dismissed)).toMatchObject([{ sourceKey: key, figure: 6 }]);
  });

  it.each([
    // now, at dismissal, factor, worse
    [5, 3, 1.5, true],
    [4, 3, 1.5, false],
    [3, 3, 1, false],
    [4, 3, 1, true],
    [1, 0, 1.5, true],
  ])('%i now against %i dismissed (factor %d) → %s', (now, before, factor, worse) => {
    expect(hasWorsened(now, before, factor)).toBe(worse);
  });
});

it('refuses figures that cannot be true', () => {
  expect(() => proposeNonconformities([sig({ dossiers: 2, overdue: 3 })])).toThrow(RangeError);
  expect(() => proposeNonconformities([sig({ dossiers: 2, apologies: -1 })])).toThrow(RangeError);
});
