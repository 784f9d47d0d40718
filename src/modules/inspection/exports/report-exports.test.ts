import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfToText } from '../../../platform/documents/pdf-text.js';
import { CASE_KIND_LABELS, CASE_KIND_ORDER, zeroForms, type CaseFigures, type InspectionReport } from '../reports-labels.js';
import { emptyCaseFigures, emptyDisciplineFigures } from '../reports-rules.js';
import { reportFile } from './report-file.js';
import { columnWidths } from './report-pdf.js';
import { FIRST_TABLE_ROW } from './report-xlsx.js';

/** Distinct figures in every cell, so that a figure in the wrong column shows. */
function figures(seed: number): CaseFigures {
  return {
    carriedOver: seed + 1, received: seed + 2, accepted: seed + 3, refused: seed + 4, acceptance: { onTime: seed + 5, late: seed + 6 }, resolved: seed + 7,
    resolution: { onTime: seed + 8, late: seed + 9 }, outcomes: { founded: seed + 10, partly_founded: seed + 11, unfounded: seed + 12, withdrawn: seed + 13 },
    published: seed + 14, open: { total: seed + 15, awaitingAcceptance: seed + 16, inResolution: seed + 17, overdue: seed + 18 },
  };
}

const report: InspectionReport = {
  period: { code: '2026-Q1', kind: 'quarter', label: 'Quý I năm 2026', from: '2025-12-15', to: '2026-03-14', asOf: '2026-03-14' },
  scope: { unitId: 1, unitName: 'Tỉnh Lai Châu', province: true },
  cases: {
    byKind: CASE_KIND_ORDER.map((kind, i) => ({ kind, label: CASE_KIND_LABELS[kind], ...figures(100 * (i + 1)) })),
    total: figures(1000),
    byStatus: { received: 21, accepted: 22, verifying: 23, concluded: 24, refused: 25 },
  },
  discipline: {
    ...emptyDisciplineFigures(), carriedOver: 31, opened: 32, decided: 5, decidedByForm: { ...zeroForms(), khien_trach: 3, canh_cao: 2 }, closedWithoutDiscipline: 34,
    timeLimitMissed: { finishedLate: 35, openOverdue: 36 }, limitationExpired: 37, open: { total: 38, deferred: 39 }, inForce: { total: 4, byForm: { ...zeroForms(), khien_trach: 1, cach_chuc: 3 } },
  },
  inspections: { planned: 41, done: { planned: 42, surprise: 43 }, findingsByKind: { working_hours: 44, procedure_not_posted: 45 }, recommendations: { total: 46, closedOnTime: 47, closedLate: 48, overdue: 49, open: 50 } },
  byUnit: [
    { unitId: 2, unitName: 'Thanh tra tỉnh', cases: { ...emptyCaseFigures(), received: 61, resolved: 62, resolution: { onTime: 63, late: 64 }, open: { total: 0, awaitingAcceptance: 0, inResolution: 0, overdue: 65 } }, discipline: { ...emptyDisciplineFigures(), decided: 66 } },
  ],
  generatedAt: '2026-03-20T02:00:00.000Z',
};
const agency = { managingBody: 'Ủy ban nhân dân tỉnh Lai Châu', name: 'Thanh tra tỉnh', place: 'Lai Châu' };

describe('the report workbook', () => {
  let book: ExcelJS.Workbook;
  let name: string;
  beforeAll(async () => {
    const file = await reportFile(report, agency, '2026-03-20', 'xlsx');
    name = file.name;
    book = new ExcelJS.Workbook();
    await book.xlsx.load(file.content as unknown as ArrayBuffer);
  });
  const sheet = (n: string) => book.getWorksheet(n)!;
  const rowOf = (s: ExcelJS.Worksheet, col: number, value: unknown, after = 0) => {
    let found = 0;
    s.eachRow((row, n) => { if (!found && n > after && row.getCell(col).value === value) found = n; });
    if (!found) throw new Error(`no row with ${String(value)}`);
    return found;
  };
  const values = (s: ExcelJS.Worksheet, row: number, from: number, to: number) => Array.from({ length: to - from + 1 }, (_v, i) => s.getCell(row, from + i).value);

  it('is named after the period and has a sheet per section with the Decree 30 heading', () => {
    expect(name).toBe('bao-cao-thanh-tra-2026-Q1.xlsx');
    expect(book.worksheets.map((s) => s.name)).toEqual(['Khiếu nại, tố cáo', 'Kỷ luật', 'Thanh tra, kiểm tra', 'Theo đơn vị']);
    const s = sheet('Khiếu nại, tố cáo');
    expect(s.getCell(1, 1).value).toBe('UBND TỈNH LAI CHÂU');
    expect(s.getCell(2, 1).value).toBe('THANH TRA TỈNH');
    expect(s.getCell(5, 1).value).toBe('BÁO CÁO');
    expect(s.getCell(7, 1).value).toBe('Quý I năm 2026');
    expect(s.getCell(8, 1).value).toBe('(Số liệu từ ngày 15/12/2025 đến ngày 14/03/2026)');
    expect(s.getCell(3, 9).value).toBe('Lai Châu, ngày 20 tháng 3 năm 2026');
    expect(s.getCell(5, 1).font.name).toBe('Times New Roman');
  });

  it('writes table 01 with its grouped Vietnamese headings and each kind\'s figures in its columns', () => {
    const s = sheet('Khiếu nại, tố cáo');
    const head = FIRST_TABLE_ROW + 1;
    expect(values(s, head, 1, 6)).toEqual(['STT', 'Loại đơn', 'Kỳ trước chuyển sang', 'Tiếp nhận trong kỳ', 'Thụ lý', 'Không thụ lý']);
    expect(values(s, head, 7, 9)).toEqual(['Đã giải quyết', 'Đã giải quyết', 'Đã giải quyết']);
    expect(values(s, head + 1, 7, 9)).toEqual(['Tổng số', 'Trong hạn', 'Quá hạn']);
    expect(values(s, head + 1, 10, 13)).toEqual(['Đúng', 'Đúng một phần', 'Sai', 'Rút đơn']);
    expect(values(s, head, 15, 16)).toEqual(['Chưa giải quyết xong cuối kỳ', 'Chưa giải quyết xong cuối kỳ']);
    const denunciation = rowOf(s, 2, 'Tố cáo');
    // Seed 300: carried 301, received 302, accepted 303, refused 304, resolved 307 (in time 308, late 309), outcomes 310–313, published 314, open 315, overdue 318.
    expect(values(s, denunciation, 1, 16)).toEqual([3, 'Tố cáo', 301, 302, 303, 304, 307, 308, 309, 310, 311, 312, 313, 314, 315, 318]);
    const total = rowOf(s, 2, 'Tổng cộng');
    expect(values(s, total, 3, 16)).toEqual([1001, 1002, 1003, 1004, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 1015, 1018]);
    expect(s.getCell(total, 3).font.bold).toBe(true);
    const status = rowOf(s, 2, 'Đang xác minh');
    expect(s.getCell(status, 3).value).toBe(23);
    expect(s.getCell(rowOf(s, 2, 'Tổng cộng', total), 3).value).toBe(21 + 22 + 23 + 24 + 25);
  });

  it('writes the discipline figures and the decisions by form', () => {
    const s = sheet('Kỷ luật');
    expect(s.getCell(rowOf(s, 2, 'Đã quyết định kỷ luật'), 3).value).toBe(5);
    expect(s.getCell(rowOf(s, 2, '- Trong đó đã hết thời hiệu (điều 5 khoản 1)'), 3).value).toBe(37);
    expect(s.getCell(rowOf(s, 2, 'Xử lý quá thời hạn (điều 5 khoản 5)'), 3).value).toBe(35);
    const warning = rowOf(s, 2, 'Cảnh cáo');
    expect(values(s, warning, 2, 4)).toEqual(['Cảnh cáo', 2, 0]);
    expect(values(s, rowOf(s, 2, 'Cách chức'), 3, 4)).toEqual([0, 3]);
    expect(values(s, rowOf(s, 2, 'Tổng cộng'), 3, 4)).toEqual([5, 4]);
  });

  it('writes the inspections, the findings by kind and the units', () => {
    const s = sheet('Thanh tra, kiểm tra');
    expect(s.getCell(rowOf(s, 2, 'Đã ban hành kết luận'), 3).value).toBe(85);
    expect(s.getCell(rowOf(s, 2, '- Quá hạn chưa thực hiện'), 3).value).toBe(49);
    // Named as the findings are entered, in their list's order: procedures not posted before working hours.
    const posted = rowOf(s, 2, 'Không niêm yết, công khai thủ tục hành chính');
    expect(s.getCell(posted, 3).value).toBe(45);
    expect(rowOf(s, 2, 'Vi phạm thời giờ làm việc')).toBe(posted + 1);
    expect(s.getCell(posted + 1, 3).value).toBe(44);
    const u = sheet('Theo đơn vị');
    expect(values(u, rowOf(u, 2, 'Thanh tra tỉnh'), 3, 9)).toEqual([61, 62, 63, 64, 65, 66, 0]);
    expect(values(u, rowOf(u, 2, 'Tổng cộng'), 3, 9)).toEqual([1002, 1007, 1008, 1009, 1018, 5, 71]);
  });
});

describe('the report PDF', () => {
  let text: string;
  /** Each printed line left to right, as the eye reads a table's row. */
  let rows: string;
  beforeAll(async () => {
    const file = await reportFile(report, agency, '2026-03-20', 'pdf');
    expect(file.content.subarray(0, 5).toString()).toBe('%PDF-');
    text = (await pdfToText(file.content)).replace(/\s+/g, ' ');
    rows = (await pdfToText(file.content, 'layout')).split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).join('\n');
  });

  it('prints the heading, the period, every section and the figures of the tables', () => {
    for (const s of ['UBND TỈNH LAI CHÂU', 'THANH TRA TỈNH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Lai Châu, ngày 20 tháng 3 năm 2026', 'BÁO CÁO', 'Quý I năm 2026',
      '(Số liệu từ ngày 15/12/2025 đến ngày 14/03/2026)', 'I. TIẾP NHẬN, GIẢI QUYẾT ĐƠN KHIẾU NẠI, TỐ CÁO', 'II. XỬ LÝ KỶ LUẬT CÁN BỘ, CÔNG CHỨC',
      'III. THANH TRA, KIỂM TRA CÔNG VỤ', 'IV. KẾT QUẢ THEO ĐƠN VỊ', 'Kỳ trước chuyển sang', 'Chưa giải quyết xong cuối kỳ', 'THỦ TRƯỞNG ĐƠN VỊ']) {
      expect(text, s).toContain(s);
    }
    // A row reads left to right: the kind, then its figures in the columns' order.
    expect(rows).toContain('\n3 Tố cáo 301 302 303 304 307 308 309 310 311 312 313 314 315 318\n');
    expect(rows).toContain('\nTổng cộng 1.001 1.002 1.003 1.004 1.007 1.008 1.009 1.010 1.011 1.012 1.013 1.014 1.015 1.018\n');
    expect(rows).toContain('\n3 Cách chức 0 3\n');
    expect(rows).toContain('\n- Trong đó đã hết thời hiệu (điều 5 khoản 1) 37\n');
    expect(rows).toContain('\n1 Thanh tra tỉnh 61 62 63 64 65 66 0\n');
  });

  it('says so when no finding was made', async () => {
    const none = (await pdfToText((await reportFile({ ...report, inspections: { ...report.inspections, findingsByKind: {} } }, agency, '2026-03-20', 'pdf')).content)).replace(/\s+/g, ' ');
    expect(none).toContain('Không có phát hiện nào trong kỳ.');
    expect(text).not.toContain('Không có phát hiện nào trong kỳ.');
  });
});

describe('the PDF tables\' column widths', () => {
  it('fill the page exactly, with no column narrower than "STT"', () => {
    const widths = columnWidths([5, 22, ...Array(14).fill(8)], 714);
    expect(widths.reduce((a, b) => a + b, 0) + 16 * 9).toBeCloseTo(714, 6);
    expect(widths[0]).toBe(22);
    expect(Math.min(...widths.slice(2))).toBeCloseTo(Math.max(...widths.slice(2)), 6);
    expect(widths[1]! / widths[2]!).toBeCloseTo(22 / 8, 6);
  });
});
