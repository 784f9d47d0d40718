import { describe, expect, it } from 'vitest';
import { costSheet } from './cost.js';
import { costLines, periodDays, yearlyDossiers } from './cost-model.js';
import { DEFAULTS, factsOf, landContent } from './cost.fixtures.js';

const byKey = (lines: ReturnType<typeof costLines>) => new Map(lines.map((l) => [l.key, l]));

describe('cost lines from the catalogue and the dossiers', () => {
  const lines = costLines({ content: landContent(), facts: factsOf(), defaults: DEFAULTS });
  const l = byKey(lines);

  it('has a line for finding out, each required document, copies, trips, supplements and fees, in that order', () => {
    expect(lines.map((x) => x.key)).toEqual([
      'information', 'document:0', 'document:1', 'certify:1', 'copy:1', 'document:3',
      'trip.submit', 'supplement.trip', 'supplement.online', 'trip.result', 'fee:0', 'fee:1',
    ]);
    expect(new Set(lines.map((x) => x.group))).toEqual(new Set(['information', 'documents', 'copies', 'submission', 'supplement', 'result', 'fees']));
  });

  it('costs a form at the form hours and another document at the document hours', () => {
    expect(l.get('information')).toMatchObject({ hours: 1, times: 1, cashVnd: 0, editable: { hours: true, times: false, cash: true } });
    expect(l.get('document:0')).toMatchObject({ hours: 0.5, times: 1, cashVnd: 0, sources: { hours: { kind: 'estimate' }, times: { kind: 'catalogue' } } });
    expect(l.get('document:1')).toMatchObject({ hours: 1.25, times: 1, label: 'Chuẩn bị giấy tờ: Giấy khai sinh' });
  });

  it('certifies and copies as many times as the catalogue asks', () => {
    expect(l.get('certify:1')).toMatchObject({ hours: 0.75, times: 2, cashVnd: 10_000, sources: { times: { kind: 'catalogue', label: 'Danh mục: 2 bản sao chứng thực' } } });
    expect(l.get('copy:1')).toMatchObject({ hours: 0, times: 1, cashVnd: 2_000 });
  });

  it('leaves an optional document out (art. 27(2)(a), lower average) with its certified copy', () => {
    expect(lines.some((x) => x.key.endsWith(':2'))).toBe(false);
  });

  it('keeps a document the state holds as a zero line nobody can edit, and no copies of it', () => {
    expect(l.get('document:3')).toMatchObject({ hours: 0, cashVnd: 0, editable: { hours: false, times: false, cash: false } });
    expect(l.get('document:3')!.note).toContain('Khai thác dữ liệu sẵn có');
    expect(l.has('certify:3')).toBe(false);
  });

  it('takes the trips and supplements from the dossiers, with a label saying so', () => {
    expect(l.get('trip.submit')).toMatchObject({ times: 300 / 412, hours: 2, cashVnd: 30_000, editable: { times: false } });
    expect(l.get('trip.submit')!.sources.times).toEqual({ kind: 'dossiers', label: 'Từ 412 hồ sơ: 300 hồ sơ nộp tại quầy' });
    expect(l.get('supplement.trip')).toMatchObject({ times: 37 / 412, hours: 3, cashVnd: 30_000 });
    expect(l.get('supplement.trip')!.sources.times.label).toBe('Từ 412 hồ sơ: 37 lượt bổ sung tại quầy');
    expect(l.get('supplement.online')).toMatchObject({ times: 8 / 412, hours: 1, cashVnd: 0 });
    expect(l.get('trip.result')).toMatchObject({ times: 250 / 400, hours: 2, cashVnd: 30_000 });
    expect(l.get('trip.result')!.sources.times.label).toBe('Từ 400 kết quả đã trả: 250 kết quả nhận tại quầy');
  });

  it('counts a fixed fee from the catalogue (noting its channels) and asks for an estimate of a computed one', () => {
    expect(l.get('fee:0')).toMatchObject({ cashVnd: 50_000, times: 1, hours: 0, editable: { hours: false, times: false, cash: false }, note: 'Chỉ thu khi nộp trực tiếp' });
    expect(l.get('fee:0')!.sources.cash).toEqual({ kind: 'catalogue', label: 'Danh mục: 50.000 đồng' });
    expect(l.get('fee:1')).toMatchObject({ cashVnd: 0, editable: { cash: true, hours: false, times: false } });
    expect(l.get('fee:1')!.note).toContain('nhập ước tính');
  });

  it('does not count waiting for the result (art. 27(2)(b), no opportunity cost): a longer time limit costs nothing more', () => {
    const slow = landContent({ channels: [{ kind: 'desk', time: { amount: 60, unit: 'working_days' } }, { kind: 'online', time: { amount: 60, unit: 'working_days' } }] });
    expect(costLines({ content: slow, facts: factsOf(), defaults: DEFAULTS })).toEqual(lines);
  });
});

describe('without dossiers', () => {
  it('takes one trip each way when the desk is a channel and filing is not full-online, and no supplement', () => {
    const l = byKey(costLines({ content: landContent(), facts: null, defaults: DEFAULTS }));
    expect(l.get('trip.submit')).toMatchObject({ times: 1, editable: { times: true }, sources: { times: { kind: 'catalogue' } } });
    expect(l.get('trip.result')!.times).toBe(1);
    expect(l.get('supplement.trip')).toMatchObject({ times: 0, editable: { times: true } });
    expect(l.get('supplement.trip')!.note).toContain('Chưa có hồ sơ');
    expect(byKey(costLines({ content: landContent(), facts: factsOf({ dossiers: 0, desk: 0, resultsReturned: 0 }), defaults: DEFAULTS })).get('trip.submit')!.times).toBe(1);
  });

  it('takes no trip for a full-online procedure or one without a desk', () => {
    const full = byKey(costLines({ content: landContent({ onlineMode: 'full' }), facts: null, defaults: DEFAULTS }));
    expect([full.get('trip.submit')!.times, full.get('trip.result')!.times]).toEqual([0, 0]);
    const postOnly = landContent({ onlineMode: 'none', channels: [{ kind: 'post', time: { amount: 5, unit: 'working_days' } }], fees: [] });
    expect(byKey(costLines({ content: postOnly, facts: null, defaults: DEFAULTS })).get('trip.submit')!.times).toBe(0);
  });

  it('falls back to the catalogue for the result trip while no result has been returned', () => {
    const l = byKey(costLines({ content: landContent(), facts: factsOf({ resultsReturned: 0, resultsAtDesk: 0 }), defaults: DEFAULTS }));
    expect(l.get('trip.result')).toMatchObject({ times: 1, sources: { times: { kind: 'catalogue' } } });
    expect(l.get('trip.submit')!.sources.times.kind).toBe('dossiers');
  });
});

describe("the reviewer's estimates", () => {
  const estimates = {
    information: { hours: 3, note: 'Thủ tục phức tạp' },
    'trip.submit': { times: 0.1, hours: 4 },
    'certify:1': { times: 5, cashVnd: 15_000 },
    'fee:0': { cashVnd: 1 },
    'fee:1': { cashVnd: 200_000, hours: 9 },
    'document:3': { hours: 2 },
    'no.such.line': { hours: 100 },
  };

  it('replace editable figures only, and say the reviewer gave them', () => {
    const base = byKey(costLines({ content: landContent(), facts: factsOf(), defaults: DEFAULTS }));
    const l = byKey(costLines({ content: landContent(), facts: factsOf(), defaults: DEFAULTS, estimates }));
    expect(l.get('information')).toMatchObject({ hours: 3, note: 'Thủ tục phức tạp', sources: { hours: { label: 'Ước tính của người rà soát' } } });
    expect(l.get('trip.submit')).toMatchObject({ hours: 4, times: 300 / 412 }); // the frequency comes from the dossiers
    expect(l.get('trip.submit')!.sources.times).toEqual(base.get('trip.submit')!.sources.times);
    expect(l.get('certify:1')).toMatchObject({ times: 2, cashVnd: 15_000 }); // the catalogue fixes the number of copies
    expect(l.get('fee:0')).toEqual(base.get('fee:0')); // a fixed fee is the catalogue's
    expect(l.get('fee:1')).toMatchObject({ cashVnd: 200_000, hours: 0 });
    expect(l.get('document:3')).toEqual(base.get('document:3'));
    expect(l.get('document:1')).toEqual(base.get('document:1'));
  });

  it('replace a frequency when no dossier gave one', () => {
    const l = byKey(costLines({ content: landContent(), facts: null, defaults: DEFAULTS, estimates: { 'trip.submit': { times: 0.5 }, 'supplement.trip': { times: 0.25 } } }));
    expect([l.get('trip.submit')!.times, l.get('supplement.trip')!.times]).toEqual([0.5, 0.25]);
  });

  it('change the sheet by exactly what they change', () => {
    const wage = { year: 2024, monthlyIncomeVnd: 1_760_000, workingDaysPerMonth: 22, hoursPerDay: 8, source: '10.000 đ/giờ' };
    const sheet = (e = {}) => costSheet(wage, costLines({ content: landContent(), facts: factsOf(), defaults: DEFAULTS, estimates: e }), 412);
    // information +2 h, fee:1 +200,000 đ; nothing else moves
    expect(sheet({ information: { hours: 3 }, 'fee:1': { cashVnd: 200_000 } }).perDossier.totalVnd - sheet().perDossier.totalVnd).toBe(20_000 + 200_000);
  });
});

describe('yearly dossiers', () => {
  it('counts the period inclusively', () => {
    expect(periodDays({ from: '2025-01-01', to: '2025-12-31' })).toBe(365);
    expect(periodDays({ from: '2024-01-01', to: '2024-12-31' })).toBe(366);
    expect(periodDays({ from: '2025-01-01', to: '2025-07-01' })).toBe(182);
    expect(periodDays({ from: '2025-03-01', to: '2025-02-28' })).toBe(0);
  });

  it('is the count over a year of 365 or 366 days', () => {
    expect(yearlyDossiers(factsOf(), { from: '2025-01-01', to: '2025-12-31' })).toBe(412);
    expect(yearlyDossiers(factsOf(), { from: '2024-01-01', to: '2024-12-31' })).toBe(412);
    expect(yearlyDossiers(factsOf(), { from: '2024-06-15', to: '2025-06-14' })).toBe(412);
  });

  it('scales another period to 365 days, half-up', () => {
    expect(yearlyDossiers(factsOf(), { from: '2025-01-01', to: '2025-07-01' })).toBe(826); // 412 × 365 / 182 = 826.26
    expect(yearlyDossiers(factsOf({ dossiers: 1 }), { from: '2025-01-01', to: '2025-01-02' })).toBe(183); // 182.5
    expect(yearlyDossiers(factsOf({ dossiers: 100 }), { from: '2024-01-01', to: '2025-12-31' })).toBe(50); // 731 days: 49.93
  });

  it('is 0 without facts or with an empty period', () => {
    expect(yearlyDossiers(null, { from: '2025-01-01', to: '2025-12-31' })).toBe(0);
    expect(yearlyDossiers(factsOf(), { from: '2025-02-01', to: '2025-01-01' })).toBe(0);
  });
});
