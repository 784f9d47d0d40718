import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costSheet } from './cost.js';
import { costLines } from './cost-model.js';
import { DEFAULTS, factsOf, landContent } from './cost.fixtures.js';
import { applyPlan, estimatesAfterPlan, planProblems } from './plan-changes.js';
import type { Defaults, PlanChanges, ProcedureFacts, WageRate } from './types.js';
import type { ProcedureContent } from '../../catalog/schema.js';

/** 10,000 đ an hour, so every line of the fixture is a whole number of đồng and the expected saving can be worked by hand. */
const WAGE: WageRate = { year: 2025, monthlyIncomeVnd: 1_760_000, workingDaysPerMonth: 22, hoursPerDay: 8, source: 'thử' };
const RATE = 10_000;
const FACTS = factsOf({ dossiers: 400, online: 90, post: 10, desk: 300, supplementTrips: 40, supplementOnline: 8, resultsReturned: 400, resultsAtDesk: 250 });
const changes = (c: Partial<PlanChanges> = {}): PlanChanges => ({ removeDocuments: [], reuseDocuments: [], fees: [], ...c });
const sheetOf = (content: ProcedureContent, facts: ProcedureFacts | null, defaults: Defaults = DEFAULTS) =>
  costSheet(WAGE, costLines({ content, facts, defaults }), 400);

describe('applying a plan', () => {
  it('lowers the sheet by exactly the removed document\'s lines plus the trips when filing goes fully online', () => {
    const content = landContent();
    const plan = applyPlan(content, FACTS, changes({ removeDocuments: ['Giấy khai sinh'], onlineMode: 'full' }));
    const d = DEFAULTS;
    const document = d.documentHours * RATE + 2 * (d.certifyHours * RATE + d.certifyVndPerCopy) + 1 * d.copyVndPerCopy; // preparation, 2 certified copies, 1 copy
    const trip = (d.travelHours + d.waitingHours) * RATE + d.travelVnd;
    const trips = (300 / 400) * trip + (250 / 400) * trip + (40 / 400) * trip; // filing, results and supplements at the desk; the supplements' preparation stays
    const before = sheetOf(content, FACTS);
    const after = sheetOf(plan.content, plan.facts);
    expect(before.perDossier.totalVnd - after.perDossier.totalVnd).toBe(document + trips);
    expect(before.yearly.totalVnd - after.yearly.totalVnd).toBe((document + trips) * 400);
    expect(after.lines.find((l) => l.key === 'supplement.online')!.times).toBe(48 / 400);
    expect(after.lines.filter((l) => l.key.startsWith('trip.')).map((l) => l.times)).toEqual([0, 0]);
  });

  it('moves the period\'s counts online without inventing any', () => {
    const { content, facts } = applyPlan(landContent(), FACTS, changes({ onlineMode: 'full' }));
    expect(facts).toEqual({ ...FACTS, online: 400, desk: 0, post: 0, supplementTrips: 0, supplementOnline: 48, resultsAtDesk: 0 });
    expect(content.onlineMode).toBe('full');
    expect(applyPlan(landContent(), null, changes({ onlineMode: 'full' })).facts).toBeNull();
  });

  it('opens an online channel with the desk\'s time when there is none', () => {
    const deskOnly = landContent({ onlineMode: 'none', channels: [{ kind: 'post', time: { amount: 9, unit: 'working_days' } }, { kind: 'desk', time: { amount: 7, unit: 'working_days', cutoff: '15:00' } }] });
    const { content } = applyPlan(deskOnly, null, changes({ onlineMode: 'full' }));
    expect(content.channels.map((c) => c.kind)).toEqual(['post', 'desk', 'online']);
    expect(content.channels[2]!.time).toEqual({ amount: 7, unit: 'working_days', cutoff: '15:00' });
    const partial = applyPlan(deskOnly, FACTS, changes({ onlineMode: 'partial' }));
    expect(partial.content.onlineMode).toBe('partial');
    expect(partial.facts).toEqual(FACTS); // who would file online is not known
  });

  it('marks reused documents as held by the state: no preparation, no copies', () => {
    const { content } = applyPlan(landContent(), FACTS, changes({ reuseDocuments: ['Giấy khai sinh'] }));
    expect(content.documents[1]).toMatchObject({ name: 'Giấy khai sinh', reusableFromNationalDb: true });
    const keys = costLines({ content, facts: FACTS, defaults: DEFAULTS }).map((l) => l.key);
    expect(keys).not.toContain('certify:1');
    expect(keys).not.toContain('copy:1');
  });

  it('applies the changes to the sub-cases too, and sets new fees by name', () => {
    const withCase = landContent({
      cases: [{ code: 'uy-quyen', name: 'Nộp qua người được ủy quyền', documents: [{ name: 'Giấy khai sinh', copies: 1 }, { name: 'Giấy ủy quyền', originals: 1 }], fees: [{ name: 'Lệ phí cấp giấy', kind: 'charge', amount: 50_000 }] }],
    });
    const { content } = applyPlan(withCase, FACTS, changes({ removeDocuments: ['Giấy ủy quyền'], fees: [{ name: 'Lệ phí cấp giấy', amountVnd: 0 }] }));
    expect(content.cases[0]!.documents!.map((d) => d.name)).toEqual(['Giấy khai sinh']);
    expect(content.cases[0]!.fees![0]!.amount).toBe(0);
    expect(content.fees.map((f) => f.amount)).toEqual([0, undefined]);
    expect(sheetOf(withCase, FACTS).perDossier.directVnd - sheetOf(content, FACTS).perDossier.directVnd).toBe(50_000);
  });

  it('shortens every channel\'s time limit, which costs nothing (art. 27(2)(b))', () => {
    const content = landContent();
    const plan = applyPlan(content, FACTS, changes({ timeLimit: { amount: 2, unit: 'working_days' } }));
    expect(plan.content.channels.map((c) => c.time)).toEqual([{ amount: 2, unit: 'working_days' }, { amount: 2, unit: 'working_days' }]);
    expect(sheetOf(plan.content, plan.facts)).toEqual(sheetOf(content, FACTS));
  });

  it('never changes its inputs', () => {
    const content = landContent();
    const facts = { ...FACTS };
    const [c0, f0] = [structuredClone(content), structuredClone(facts)];
    applyPlan(content, facts, changes({ removeDocuments: ['Đơn đề nghị'], reuseDocuments: ['Giấy khai sinh'], onlineMode: 'full', fees: [{ name: 'Phí thẩm định', amountVnd: 1 }], timeLimit: { amount: 1, unit: 'working_days' } }));
    expect([content, facts]).toEqual([c0, f0]);
  });

  it('never costs more after removing, reusing documents or going fully online (property)', () => {
    const doc = fc.record({
      copies: fc.nat(3), certifiedCopies: fc.nat(3), optional: fc.boolean(), form: fc.boolean(), reusable: fc.boolean(),
      remove: fc.boolean(), reuse: fc.boolean(),
    });
    const hours = fc.integer({ min: 0, max: 800 }).map((c) => c / 100);
    const defaults = fc.record({
      informationHours: hours, formHours: hours, documentHours: hours, certifyHours: hours, travelHours: hours, waitingHours: hours, supplementHours: hours,
      certifyVndPerCopy: fc.nat(100_000), copyVndPerCopy: fc.nat(10_000), travelVnd: fc.nat(200_000),
    });
    const facts = fc.tuple(fc.nat(500), fc.nat(500), fc.nat(500), fc.nat(500), fc.nat(500)).map(([dossiers, desk, trips, online, atDesk]) =>
      factsOf({ dossiers, desk: Math.min(desk, dossiers), online: dossiers - Math.min(desk, dossiers), post: 0, supplementTrips: trips, supplementOnline: online, resultsReturned: dossiers, resultsAtDesk: Math.min(atDesk, dossiers) }));
    fc.assert(fc.property(fc.array(doc, { minLength: 1, maxLength: 5 }), defaults, fc.option(facts), fc.boolean(), (docs, d, f, online) => {
      const content = landContent({
        documents: docs.map((x, i) => ({ name: `Giấy tờ ${i}`, originals: 1, copies: x.copies, certifiedCopies: x.certifiedCopies, optional: x.optional, reusableFromNationalDb: x.reusable, ...(x.form ? { formTemplate: 'mau.docx' } : {}) })),
      });
      const plan = changes({
        removeDocuments: docs.flatMap((x, i) => (x.remove ? [`Giấy tờ ${i}`] : [])),
        reuseDocuments: docs.flatMap((x, i) => (x.reuse && !x.remove ? [`Giấy tờ ${i}`] : [])),
        ...(online ? { onlineMode: 'full' as const } : {}),
      });
      const applied = applyPlan(content, f, plan);
      expect(sheetOf(applied.content, applied.facts, d).perDossier.totalVnd).toBeLessThanOrEqual(sheetOf(content, f, d).perDossier.totalVnd);
    }), { numRuns: 100 });
  });
});

describe("the reviewer's estimates after a plan", () => {
  it('follow their document when an earlier one is removed, and go with a removed one', () => {
    const content = landContent();
    const estimates = { 'document:0': { hours: 5 }, 'document:1': { hours: 3 }, 'certify:1': { cashVnd: 1 }, 'copy:1': { cashVnd: 2 }, 'document:3': { hours: 9 }, 'trip.submit': { hours: 4 }, 'fee:1': { cashVnd: 7 } };
    const plan = changes({ removeDocuments: ['Đơn đề nghị'] });
    const moved = estimatesAfterPlan(content, plan, estimates);
    expect(moved).toEqual({ 'document:0': { hours: 3 }, 'certify:0': { cashVnd: 1 }, 'copy:0': { cashVnd: 2 }, 'document:2': { hours: 9 }, 'trip.submit': { hours: 4 }, 'fee:1': { cashVnd: 7 } });
    const after = costLines({ content: applyPlan(content, FACTS, plan).content, facts: FACTS, defaults: DEFAULTS, estimates: moved });
    expect(after.find((l) => l.label === 'Chuẩn bị giấy tờ: Giấy khai sinh')!.hours).toBe(3);
    expect(after.find((l) => l.key === 'certify:0')!.cashVnd).toBe(1);
  });
});

describe('what does not fit the version', () => {
  const content = landContent(); // desk and online, 3 working days each, partly online

  it('accepts a plan that fits', () => {
    expect(planProblems(content, changes({ removeDocuments: ['Giấy ủy quyền'], reuseDocuments: ['Giấy khai sinh'], onlineMode: 'full', fees: [{ name: 'Lệ phí cấp giấy', amountVnd: 0 }], timeLimit: { amount: 2, unit: 'working_days' } }))).toEqual([]);
  });

  it('asks for at least one change', () => {
    expect(planProblems(content, changes())).toEqual([{ path: 'changes', vi: 'Phương án chưa có nội dung đơn giản hóa nào', en: 'The plan changes nothing yet' }]);
  });

  it('names documents and fees the version does not have, and a document both removed and reused', () => {
    const problems = planProblems(content, changes({
      removeDocuments: ['Giấy khai sinh', 'Sổ hộ khẩu'], reuseDocuments: ['Giấy khai sinh', 'Chứng minh nhân dân'], fees: [{ name: 'Phí không có', amountVnd: 0 }],
    }));
    expect(problems).toEqual([
      { path: 'changes.removeDocuments.1', vi: 'Thủ tục không có giấy tờ "Sổ hộ khẩu"', en: 'The procedure has no document "Sổ hộ khẩu"' },
      { path: 'changes.reuseDocuments.1', vi: 'Thủ tục không có giấy tờ "Chứng minh nhân dân"', en: 'The procedure has no document "Chứng minh nhân dân"' },
      { path: 'changes.reuseDocuments.0', vi: 'Giấy tờ "Giấy khai sinh" vừa được bãi bỏ vừa được khai thác lại', en: 'Document "Giấy khai sinh" is both removed and reused' },
      { path: 'changes.fees.0.name', vi: 'Thủ tục không có khoản phí, lệ phí "Phí không có"', en: 'The procedure has no fee or charge "Phí không có"' },
    ]);
  });

  it('wants a shorter time limit in the same unit', () => {
    expect(planProblems(content, changes({ timeLimit: { amount: 3, unit: 'working_days' } }))).toEqual([
      { path: 'changes.timeLimit.amount', vi: 'Thời hạn mới phải ngắn hơn thời hạn hiện tại (3 ngày làm việc)', en: 'The new time limit must be shorter than the current one (3)' },
    ]);
    const mixed = landContent({ channels: [{ kind: 'desk', time: { amount: 5, unit: 'working_days' } }, { kind: 'online', time: { amount: 3, unit: 'working_days' } }] });
    expect(planProblems(mixed, changes({ timeLimit: { amount: 4, unit: 'working_days' } }))[0]!.path).toBe('changes.timeLimit.amount'); // it would lengthen the online channel
    const [unit] = planProblems(content, changes({ timeLimit: { amount: 1, unit: 'calendar_days' } }));
    expect(unit).toMatchObject({ path: 'changes.timeLimit.unit' });
    expect(unit!.vi).toContain('đổi đơn vị thời hạn không được hỗ trợ');
  });

  it('refuses to make online what already is', () => {
    expect(planProblems(landContent({ onlineMode: 'full' }), changes({ onlineMode: 'full' }))).toEqual([
      { path: 'changes.onlineMode', vi: 'Thủ tục đã là dịch vụ công trực tuyến toàn trình', en: 'The procedure is already fully online' },
    ]);
    expect(planProblems(content, changes({ onlineMode: 'partial' }))[0]!.path).toBe('changes.onlineMode');
    expect(planProblems(content, changes({ onlineMode: 'full' }))).toEqual([]);
  });
});
