import { describe, expect, it } from 'vitest';
import { provinceInterAgencyProcedure } from '../../../../test/support/procedure-factory.js';
import { pdfToText } from '../../../platform/documents/pdf-text.js';
import type { Review } from '../reviews.view.js';
import { reviewForm } from '../rules/review-form.js';
import type { CostLineView, CostSheet } from '../rules/types.js';
import { reviewDocument } from './review-content.js';
import { reviewFile } from './review-file.js';

const units = [
  { id: 1, parentId: null, name: 'Tỉnh Lai Châu', kind: 'province' },
  { id: 2, parentId: 1, name: 'Ủy ban nhân dân tỉnh Lai Châu', kind: 'people_committee' },
  { id: 3, parentId: 1, name: 'Sở Xây dựng', kind: 'department' },
];
const content = provinceInterAgencyProcedure();
const source = { kind: 'estimate', label: 'Ước tính' } as const;
const line = (key: string, label: string, hours: number, times: number, cashVnd: number, totalVnd: number): CostLineView => ({
  key, group: 'documents', label, hours, times, cashVnd, sources: { hours: source, times: source, cash: source },
  editable: { hours: true, times: false, cash: true }, workVnd: totalVnd - Math.round(times * cashVnd), directVnd: Math.round(times * cashVnd), totalVnd,
});
const sheet: CostSheet = {
  wage: { year: 2026, monthlyIncomeVnd: 5_400_000, workingDaysPerMonth: 22, hoursPerDay: 8, source: 'GSO 2024', hourlyRateVnd: 30_681.82 },
  lines: [line('information', 'Tìm hiểu thủ tục', 1, 1, 0, 30_682), line('trips', 'Đi lại nộp hồ sơ', 1.5, 1.25, 30_000, 95_028)],
  perDossier: { hours: 2.875, workVnd: 88_210, directVnd: 37_500, totalVnd: 125_710 },
  yearlyDossiers: 1_234,
  yearly: { workVnd: 108_851_140, directVnd: 46_275_000, totalVnd: 155_126_140 },
};
const period = { from: '2025-03-02', to: '2026-03-01' };
const none = { numerator: 0, denominator: 0, value: null };

function sample(over: Partial<Review> = {}): Review {
  return {
    id: 7, procedureCode: content.code, procedureName: content.name, versionId: 11, versionNo: 2, agencyUnitId: 3, agencyUnitName: 'Sở Xây dựng', year: 2026,
    status: 'approved', statusLabel: 'Đã phê duyệt', form: reviewForm({ content, facts: null, sheet, period }),
    answers: { q1: { choice: 'yes', text: 'Quản lý trật tự xây dựng.\nBảo đảm an toàn.' }, q4: { choice: 'no' } }, estimates: {},
    recommendation: 'abolish', recommendationLabel: 'Bãi bỏ thủ tục', conclusion: 'Thủ tục không còn cần thiết.',
    cost: {
      procedureCode: content.code, procedureName: content.name, version: { id: 11, number: 2, effectiveFrom: '2025-07-01' }, unitId: 3, unitName: 'Sở Xây dựng', period,
      parameters: { year: 2026, hourlyRateVnd: 30_681.82, source: 'GSO 2024' },
      facts: { procedureCode: content.code, procedureName: content.name, dossiers: 0, online: 0, post: 0, desk: 0, supplementDossiers: 0, supplementTrips: 0, supplementOnline: 0, completed: 0, late: 0, resultsReturned: 0, resultsAtDesk: 0 },
      supplementShare: none, lateRate: none, onlineShare: none, sheet, timeLimit: null, documents: [], fees: [], onlineMode: 'none', reviews: [], plans: [],
    },
    frozen: true, reviewerName: 'Hoàng Thị Thu Hà', approvedByName: 'Trần Minh Đức', approvedAt: '2026-03-05T02:00:00.000Z', planItemId: null,
    history: [{ at: '2026-03-03T03:00:00.000Z', actorName: 'Hoàng Thị Thu Hà', action: 'review_submitted', label: 'Trình', note: null }],
    version: 4, allowed: { edit: false, submit: false, approve: false, return: false },
    ...over,
  };
}

describe('the review form as a document', () => {
  it('words the heading, the answers and the cost table the same for both files', () => {
    const d = reviewDocument(sample(), units, '2026-03-06');
    expect(d.agency).toEqual({ managingBody: 'Ủy ban nhân dân tỉnh Lai Châu', name: 'Sở Xây dựng', place: 'Lai Châu' });
    expect(d.placeDate).toBe('Lai Châu, ngày 05 tháng 3 năm 2026');
    expect(d.draftNote).toBeNull();
    const q = d.sections.flatMap((s) => s.questions);
    expect(q.find((x) => x.number === '1')).toMatchObject({ choice: { value: 'yes' }, answer: 'Quản lý trật tự xây dựng.\nBảo đảm an toàn.', skipped: false });
    // Question 4 said "not needed": parts II–IV are not answered.
    expect(q.find((x) => x.number === '4')!.skipped).toBe(false);
    expect(q.filter((x) => x.skipped).map((x) => x.number)[0]).toBe('5');
    expect(q.find((x) => x.number === '17')).toMatchObject({ choice: null, skipped: true });
    expect(d.costTable.rows).toEqual([['1', 'Tìm hiểu thủ tục', '1', '1', '0', '30.682'], ['2', 'Đi lại nộp hồ sơ', '1,5', '1,25', '30.000', '95.028']]);
    expect(d.costTable.total).toEqual(['', 'Cộng một hồ sơ', '2,88', '', '37.500', '125.710']);
    expect(d.costSummary).toEqual([
      'Chi phí tuân thủ một hồ sơ: 125.710 đồng (thời gian 88.210 đồng; chi phí trực tiếp 37.500 đồng).',
      'Số hồ sơ một năm: 1.234 (theo số hồ sơ tiếp nhận từ 02/03/2025 đến 01/03/2026).',
      'Chi phí tuân thủ một năm: 155.126.140 đồng.',
    ]);
    expect(d.wageLine).toContain('30.681,82 đồng = thu nhập bình quân 5.400.000 đồng/tháng ÷ (22 ngày × 8 giờ)');
    expect(d.recommendation.filter((r) => r.checked).map((r) => r.label)).toEqual(['Bãi bỏ thủ tục']);
    expect(d.signers).toEqual([
      { title: 'NGƯỜI RÀ SOÁT', name: 'Hoàng Thị Thu Hà', day: '03/03/2026' },
      { title: 'LÃNH ĐẠO CƠ QUAN PHÊ DUYỆT', name: 'Trần Minh Đức', day: '05/03/2026' },
    ]);
    const draft = reviewDocument(sample({ status: 'draft', statusLabel: 'Đang rà soát', approvedAt: null, approvedByName: null }), units, '2026-03-06');
    expect(draft.draftNote).toBe('(Bản đang rà soát, chưa được phê duyệt; số liệu tính đến ngày 06/03/2026)');
    expect(draft.placeDate).toBe('Lai Châu, ngày 06 tháng 3 năm 2026');
    expect(draft.signers[1]).toEqual({ title: 'LÃNH ĐẠO CƠ QUAN PHÊ DUYỆT', name: null, day: null });
  });

  it('renders a DOCX whose text has the ticks, the answers and the totals', async () => {
    const f = await reviewFile(sample(), units, '2026-03-06', 'docx');
    expect(f.name).toBe(`phieu-ra-soat-${content.code}-2026.docx`);
    const { default: JSZip } = await import('jszip');
    const text = (await (await JSZip.loadAsync(f.content)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const expected of ['SỞ XÂY DỰNG', 'PHIẾU RÀ SOÁT, ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH', content.name, '☒ Có', '☐ Không', '☒ Bãi bỏ thủ tục', 'Bảo đảm an toàn.', '(Không phải trả lời)', '155.126.140 đồng', 'Ngày 05/03/2026']) {
      expect(text, expected).toContain(expected);
    }
  });

  it('renders a PDF with the same text', async () => {
    const f = await reviewFile(sample(), units, '2026-03-06', 'pdf');
    expect(f.type).toBe('application/pdf');
    const text = (await pdfToText(f.content)).replace(/\s+/g, ' ');
    for (const expected of ['SỞ XÂY DỰNG', 'PHIẾU RÀ SOÁT, ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH', content.name, 'Quản lý trật tự xây dựng.', 'Chi phí tuân thủ một năm: 155.126.140 đồng.', 'Trần Minh Đức', 'Ngày 05/03/2026', '95.028']) {
      expect(text, expected).toContain(expected);
    }
  });
});
