import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfPageCount, pdfToText } from '../../../platform/documents/pdf-text.js';
import type { ConsolidatedReport } from './consolidated.js';
import { consolidatedDocx } from './consolidated-docx.js';
import { consolidatedPdf } from './consolidated-pdf.js';
import { consolidatedXlsx } from './consolidated-xlsx.js';

type Task = ConsolidatedReport['tasks'][number];
const task = (t: Partial<Task> & Pick<Task, 'ref' | 'content' | 'leadUnitName'>): Task =>
  ({ assigneeName: null, dueOn: null, statusLabel: 'Đang thực hiện', progress: 0, deadlineLabel: '', result: '', ...t });

/** Two lead units (one reported with an empty narrative, one not), an overdue task and a cancelled one. */
function report(overrides: Partial<ConsolidatedReport> = {}): ConsolidatedReport {
  const justice = 'Sở Tư pháp';
  const home = 'Sở Nội vụ';
  return {
    agency: { managingBody: 'Ủy ban nhân dân tỉnh Lai Châu', name: home, place: 'Lai Châu' },
    agencyCode: 'SNV',
    issuedAt: new Date('2026-07-03T02:00:00Z'),
    document: { docType: 'CT', docTypeLabel: 'Chỉ thị', number: '16/CT-UBND', issuer: 'Ủy ban nhân dân tỉnh Lai Châu', signedOn: '2014-12-31',
      subject: 'Về việc tăng cường thực hiện công tác cải cách hành chính trên địa bàn tỉnh Lai Châu' },
    period: { code: '2026-H1', label: '6 tháng đầu năm 2026', startsOn: '2026-01-01', endsOn: '2026-06-30', dueOn: '2026-07-10' },
    totals: { tasks: 5, completed: 2, completedOnTime: 1, completedLate: 1, open: 1, overdue: 1, notAssigned: 1, cancelled: 1, completionRate: 50, unitsResponsible: 2, unitsReported: 1 },
    units: [
      { unitName: justice, reported: true, submittedAt: new Date('2026-06-20T03:00:00Z'), tasks: 3, completed: 2, open: 1, overdue: 1, completionRate: 66.7,
        narrative: '', difficulties: 'Thiếu công chức có chuyên môn về kiểm soát thủ tục hành chính.', proposals: 'Đề nghị bố trí kinh phí kiểm tra.' },
      { unitName: home, reported: false, submittedAt: null, tasks: 2, completed: 0, open: 0, overdue: 0, completionRate: 0, narrative: '', difficulties: '', proposals: '' },
    ],
    tasks: [
      task({ ref: '1', content: 'Rà soát, đơn giản hóa thủ tục hành chính', leadUnitName: justice, assigneeName: 'Nguyễn Thị Hằng', dueOn: '2026-03-31',
        statusLabel: 'Hoàn thành', progress: 100, deadlineLabel: 'Đúng hạn', result: 'Đã rà soát 45 thủ tục.' }),
      task({ ref: '2', content: 'Công khai thủ tục tại Bộ phận Một cửa', leadUnitName: justice, assigneeName: 'Lò Văn Thắng', dueOn: '2026-04-15',
        statusLabel: 'Hoàn thành', progress: 100, deadlineLabel: 'Trễ hạn 3 ngày làm việc' }),
      task({ ref: '7b', content: 'Xây dựng kế hoạch kiểm tra cải cách hành chính năm 2026', leadUnitName: justice, assigneeName: 'Lò Văn Thắng', dueOn: '2026-05-29',
        progress: 30, deadlineLabel: 'Quá hạn 5 ngày làm việc' }),
      task({ ref: '7a', content: 'Tổng hợp báo cáo cải cách hành chính 6 tháng', leadUnitName: home, dueOn: '2026-06-30', statusLabel: 'Chưa phân công', deadlineLabel: 'Chưa đến hạn' }),
      task({ ref: '8', content: 'Tổ chức hội nghị sơ kết', leadUnitName: home, statusLabel: 'Đã hủy' }),
    ],
    overdue: [{ ref: '7b', content: 'Xây dựng kế hoạch kiểm tra cải cách hành chính năm 2026', leadUnitName: justice, assigneeName: 'Lò Văn Thắng', dueOn: '2026-05-29', workingDaysLate: 5 }],
    ...overrides,
  };
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

async function docxParts(file: Buffer) {
  const zip = await JSZip.loadAsync(file);
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  // A paragraph's text is its runs' text; paragraphs one per line, as Word shows them.
  const text = xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join('')).join('\n');
  return { xml, styles, text, files: Object.keys(zip.files) };
}

/** What every format must say, worded as the documents word it. */
function essentials(r: ConsolidatedReport): string[] {
  return [
    'BÁO CÁO',
    `Kết quả thực hiện ${r.document.docTypeLabel} số ${r.document.number} ngày 31/12/2014 của UBND tỉnh Lai Châu về việc tăng cường`,
    r.period.label,
    '/BC-SNV',
    'Lai Châu, ngày 03 tháng 7 năm 2026',
    `Tổng số nhiệm vụ: ${r.totals.tasks}, trong đó ${r.totals.cancelled} nhiệm vụ đã hủy.`,
    `Đã hoàn thành: ${r.totals.completed} nhiệm vụ (đúng hạn: ${r.totals.completedOnTime}; trễ hạn: ${r.totals.completedLate}).`,
    `trong đó quá hạn: ${r.totals.overdue}.`,
    'Tỷ lệ hoàn thành: 50% (không tính nhiệm vụ đã hủy).',
    `Số đơn vị chủ trì đã gửi báo cáo: ${r.totals.unitsReported}/${r.totals.unitsResponsible}.`,
    ...r.units.map((u) => u.unitName),
    'Đã gửi báo cáo ngày 20/06/2026.',
    'Đơn vị chưa gửi báo cáo trong kỳ.',
    'Không có nội dung.',
    r.units[0]!.difficulties,
    'Rà soát, đơn giản hóa thủ tục hành chính',
    '29/05/2026',
    'Quá hạn 5 ngày làm việc',
    'Đã hủy',
    'Nơi nhận:',
    '- Như trên;',
    'THỦ TRƯỞNG ĐƠN VỊ',
  ];
}

describe('consolidated report DOCX', () => {
  const r = report();
  let docx: Awaited<ReturnType<typeof docxParts>>;
  beforeAll(async () => { docx = await docxParts(await consolidatedDocx(r)); });

  it('carries the heading, the title, the figures, the units, the tasks and the closing as Word text', () => {
    for (const s of essentials(r)) expect(docx.text, s).toContain(s);
    expect(docx.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(docx.text).toContain('UBND TỈNH LAI CHÂU\nSỞ NỘI VỤ');
    expect(docx.text).toMatch(/^Số:\s+\/BC-SNV$/m);
    expect(docx.text).not.toMatch(/[Uu]ỷ/);
  });

  it('is editable: real tables with the by-unit, task and overdue columns, no pictures', () => {
    expect(docx.xml).not.toMatch(/<w:drawing|<w:pict/);
    // The heading, the three data tables and the closing.
    expect(docx.xml.match(/<w:tbl>/g)).toHaveLength(5);
    expect(docx.text).toContain('STT\nĐơn vị chủ trì\nSố nhiệm vụ\nHoàn thành\nĐang thực hiện\nQuá hạn\nTỷ lệ hoàn thành\nĐã báo cáo');
    expect(docx.text).toContain('Tổng cộng\n5\n2\n1\n1\n50%\n1/2');
    expect(docx.text).toContain('3\n7b\nXây dựng kế hoạch kiểm tra cải cách hành chính năm 2026\nSở Tư pháp\nLò Văn Thắng\n29/05/2026\nĐang thực hiện (Quá hạn 5 ngày làm việc)\n30');
    expect(docx.xml).toContain('<w:tblHeader/>');
  });

  it('sets the Decree 30 page and type: A4 portrait, 20/20/30/15 mm, Times New Roman 14 pt', () => {
    // Portrait, then a landscape section for the task table and the overdue list, then portrait again.
    const sizes = [...docx.xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]);
    expect(sizes).toEqual(['w:w="11906" w:h="16838" w:orient="portrait"', 'w:w="16838" w:h="11906" w:orient="landscape"', 'w:w="11906" w:h="16838" w:orient="portrait"']);
    const tasksAt = docx.xml.indexOf('III. KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ');
    expect(docx.xml.slice(tasksAt).match(/<w:pgSz [^>]*>/)?.[0]).toContain('landscape');
    expect(docx.xml.slice(0, tasksAt).match(/<w:pgSz [^>]*>/g)).toHaveLength(1);
    for (const margin of docx.xml.match(/<w:pgMar [^>]*>/g)!) {
      for (const [side, twips] of [['top', 1134], ['bottom', 1134], ['left', 1701], ['right', 850]] as const) expect(margin).toMatch(new RegExp(`w:${side}="${twips}"`));
    }
    expect(docx.styles).toContain('w:ascii="Times New Roman"');
    expect(docx.styles.match(/<w:docDefaults>.*?<\/w:docDefaults>/s)?.[0]).toMatch(/<w:sz w:val="28"\/>/);
  });

  it('says so when a list is empty', async () => {
    const { text } = await docxParts(await consolidatedDocx(report({ overdue: [], units: [] })));
    expect(text).toContain('IV. DANH SÁCH NHIỆM VỤ QUÁ HẠN\nKhông có nhiệm vụ quá hạn.');
    expect(text).toContain('Không có đơn vị chủ trì nào trong kỳ báo cáo.');
  });
});

describe('consolidated report PDF', () => {
  const r = report();
  let text: string;
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await consolidatedPdf(r);
    text = (await pdfToText(pdf)).replace(/\s+/g, ' ');
  });

  it('says what the DOCX says', async () => {
    for (const s of essentials(r)) expect(text, s).toContain(s.replace(/\s+/g, ' '));
    expect(text).toContain('III. KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ');
    expect(text).toContain('V. ĐỀ XUẤT, KIẾN NGHỊ');
    expect(text).not.toMatch(/[Uu]ỷ/);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfPageCount(pdf)).toBeGreaterThanOrEqual(3);
  });

  it('says so when the overdue list is empty', async () => {
    const empty = (await pdfToText(await consolidatedPdf(report({ overdue: [] })))).replace(/\s+/g, ' ');
    expect(empty).toContain('Không có nhiệm vụ quá hạn.');
    expect(text).not.toContain('Không có nhiệm vụ quá hạn.');
  });
});

describe('consolidated report XLSX', () => {
  const r = report();
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = new ExcelJS.Workbook();
    await book.xlsx.load((await consolidatedXlsx(r)) as unknown as ArrayBuffer);
  });
  const values = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
  const rowOf = (sheet: ExcelJS.Worksheet, col: number, value: unknown) => {
    let found = 0;
    sheet.eachRow((row, n) => { if (!found && row.getCell(col).value === value) found = n; });
    return found;
  };

  it('has the summary, task and overdue sheets', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Nhiệm vụ', 'Quá hạn']);
  });

  it('puts the heading, the totals and the by-unit table on the summary sheet', () => {
    const sheet = book.getWorksheet('Tổng hợp')!;
    expect(sheet.getCell('A2').value).toBe('SỞ NỘI VỤ');
    expect(sheet.getCell('A3').value).toMatch(/^Số:\s+\/BC-SNV$/);
    expect(sheet.getCell('A5').value).toBe('BÁO CÁO');
    const total = rowOf(sheet, 1, 'Tổng số nhiệm vụ');
    expect(sheet.getCell(total, 3).value).toBe(r.totals.tasks);
    const rate = sheet.getCell(rowOf(sheet, 1, 'Tỷ lệ hoàn thành (không tính nhiệm vụ đã hủy)'), 3);
    expect(rate.value).toBe(0.5);
    expect(rate.numFmt).toBe('0.0%');
    const justice = rowOf(sheet, 2, 'Sở Tư pháp');
    expect(values(sheet, justice)).toEqual([1, 'Sở Tư pháp', 3, 2, 1, 1, 0.667, 'Đã báo cáo (20/06/2026)']);
    expect(values(sheet, justice + 1)[7]).toBe('Chưa báo cáo');
    expect(values(sheet, justice + 2).slice(1)).toEqual(['Tổng cộng', 5, 2, 1, 1, 0.5, '1/2']);
    expect(sheet.getCell(justice - 1, 1).font.bold).toBe(true);
    expect(sheet.getCell(justice, 2).font.name).toBe('Times New Roman');
    expect(sheet.getCell(justice, 2).border.left?.style).toBe('thin');
  });

  it('lists every task with its day as a date, frozen under its header', () => {
    const sheet = book.getWorksheet('Nhiệm vụ')!;
    expect(values(sheet, 1)).toEqual(['STT', 'Mục', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Người phụ trách', 'Hạn', 'Tình trạng', 'Tiến độ (%)', 'Kết quả']);
    expect(sheet.rowCount).toBe(1 + r.tasks.length);
    const row = values(sheet, rowOf(sheet, 2, '7b'));
    expect(row.slice(0, 5)).toEqual([3, '7b', r.tasks[2]!.content, 'Sở Tư pháp', 'Lò Văn Thắng']);
    expect((row[5] as Date).toISOString().slice(0, 10)).toBe('2026-05-29');
    expect(sheet.getCell(rowOf(sheet, 2, '7b'), 6).numFmt).toBe('dd/mm/yyyy');
    expect(row[7]).toBe(30);
    expect(values(sheet, rowOf(sheet, 2, '8'))[6]).toBe('Đã hủy');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('A1').font.bold).toBe(true);
    expect(sheet.getCell('C2').alignment.wrapText).toBe(true);
  });

  it('lists the overdue tasks, or says there are none', async () => {
    const sheet = book.getWorksheet('Quá hạn')!;
    expect(values(sheet, 2)).toEqual([1, '7b', r.overdue[0]!.content, 'Sở Tư pháp', 'Lò Văn Thắng', expect.any(Date), 5]);
    const empty = new ExcelJS.Workbook();
    await empty.xlsx.load((await consolidatedXlsx(report({ overdue: [] }))) as unknown as ArrayBuffer);
    expect(empty.getWorksheet('Quá hạn')!.getCell('A2').value).toBe('Không có nhiệm vụ quá hạn.');
  });
});
