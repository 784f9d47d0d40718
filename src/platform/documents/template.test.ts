import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { pdfPageCount, pdfToText, pdfWords } from './pdf-text.js';
import { BLANK, fillRuns, fillText } from './template-text.js';
import {
  TemplateDataError,
  buildTemplateDocument,
  parseDocumentTemplate,
  renderTemplatePdf,
  type DocumentTemplate,
} from './template.js';

/** Stored as JSON, as a province's edited layout would be. */
const RECEIPT_JSON = JSON.stringify({
  name: 'Giấy tiếp nhận (thử)',
  blocks: [
    {
      type: 'heading',
      managingBody: '{{agency.parent}}',
      issuingUnit: '{{agency.name}}',
      number: 'Mã hồ sơ: {{code}}',
      placeDate: '{{agency.place}}, {{issuedAt | officialDate}}',
    },
    { type: 'title', text: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' },
    { type: 'paragraph', text: 'Tiếp nhận hồ sơ của: **{{applicant.fullName}}**' },
    { type: 'paragraph', text: 'Thời gian nhận hồ sơ: {{receivedAt | datetime}}' },
    { type: 'paragraph', text: 'Lệ phí: {{fee | money}}' },
    {
      type: 'table',
      rows: 'documents',
      columns: [
        { header: 'STT', text: '{{#}}', width: 30, align: 'center' },
        { header: 'Tên giấy tờ', text: '{{name}}' },
        { header: 'Số bản', text: '{{copies}}', width: 50, align: 'center' },
        { header: 'Mã hồ sơ', text: '{{code}}', width: 150 },
      ],
    },
    { type: 'list', items: 'notes', text: '{{value}}', marker: 'dash' },
    { type: 'paragraph', text: 'Ghi chú bổ sung: {{supplement}}', when: 'supplement' },
    {
      type: 'signatures',
      blocks: [
        { title: 'Người nộp hồ sơ', note: '(Ký và ghi rõ họ tên)', name: '{{applicant.fullName}}' },
        { title: 'Người tiếp nhận', note: '(Ký và ghi rõ họ tên)', name: '{{officer}}' },
      ],
    },
    { type: 'qr', text: '{{lookupUrl}}', caption: 'Tra cứu hồ sơ', when: 'lookupUrl' },
  ],
});

const DATA = {
  agency: { parent: 'UBND tỉnh Lai Châu', name: 'Trung tâm Phục vụ hành chính công', place: 'Lai Châu' },
  code: '000.00.01.H33-260105-0007',
  issuedAt: '2026-01-05',
  receivedAt: new Date('2026-02-13T02:10:00Z'),
  fee: 50000,
  applicant: { fullName: 'Nguyễn Thị Hồng Nhung' },
  officer: 'Đặng Quốc Việt',
  documents: [
    { name: 'Tờ khai đăng ký khai sinh', copies: 1 },
    { name: 'Giấy chứng sinh (bản chính)', copies: 2 },
  ],
  notes: ['Mang theo giấy này khi đến nhận kết quả', 'Ủy quyền phải có văn bản'],
  lookupUrl: 'https://motcua.example/tra-cuu?ma=000.00.01.H33-260105-0007',
};

describe('placeholders', () => {
  it('fills paths, formatters and row numbers, searching the row first', () => {
    const scope = [{ unit: 'Sở Tư pháp', name: 'gốc' }, { name: 'Hàng một', '#': 1 }];
    expect(fillText('{{#}}. {{ name }} — {{unit | upper}}', scope)).toBe('1. Hàng một — SỞ TƯ PHÁP');
  });

  it('leaves a dotted blank for a missing value and records it', () => {
    const missing = new Set<string>();
    expect(fillText('Điện thoại: {{applicant.phone}}', [{ applicant: {} }], missing)).toBe(`Điện thoại: ${BLANK}`);
    expect([...missing]).toEqual(['applicant.phone']);
  });

  it('takes bold markers from the template only, never from the data', () => {
    expect(fillRuns('Họ tên: **{{name}}**', [{ name: 'A **B**' }])).toEqual([
      { text: 'Họ tên: ' },
      { text: 'A **B**', bold: true },
    ]);
  });

  it('prints an optional [[part]] only when every placeholder in it has a value', () => {
    const line = 'Điện thoại: {{phone}}[[. Thư điện tử: {{email}}]]';
    expect(fillText(line, [{ phone: '0912', email: 'a@b.vn' }])).toBe('Điện thoại: 0912. Thư điện tử: a@b.vn');
    const missing = new Set<string>();
    expect(fillText(line, [{ phone: '0912' }], missing)).toBe('Điện thoại: 0912');
    // A dropped part is not a blank to fill by hand, so it is not reported as missing.
    expect([...missing]).toEqual([]);
    expect(fillRuns('**{{name}}**[[; số định danh: {{id}}]]', [{ name: 'A', id: '0123' }])).toEqual([
      { text: 'A', bold: true },
      { text: '; số định danh: 0123' },
    ]);
  });

  it('refuses to print an object and names an unknown formatter', () => {
    expect(() => fillText('{{applicant}}', [{ applicant: { a: 1 } }])).toThrow(/cannot be printed/);
    expect(() => fillText('{{a | nope}}', [{ a: 1 }])).toThrow(/Unknown formatter "nope"/);
  });
});

describe('parseDocumentTemplate', () => {
  it('accepts the JSON layout', () => {
    expect(parseDocumentTemplate(JSON.parse(RECEIPT_JSON)).blocks).toHaveLength(10);
  });

  it.each([
    ['an unknown block type', { blocks: [{ type: 'marquee', text: 'x' }] }],
    ['an unknown field', { blocks: [{ type: 'title', text: 'x', colour: 'red' }] }],
    ['an unknown formatter', { blocks: [{ type: 'paragraph', text: '{{fee | euro}}' }] }],
    ['unbalanced braces', { blocks: [{ type: 'paragraph', text: 'Họ tên: {{name' }] }],
    ['a bad data path', { blocks: [{ type: 'table', rows: 'a..b', columns: [{ header: 'x', text: 'y' }] }] }],
    ['no blocks', { blocks: [] }],
    ['an optional part without a placeholder', { blocks: [{ type: 'paragraph', text: 'Ghi chú[[ thêm]]' }] }],
    ['nested optional parts', { blocks: [{ type: 'paragraph', text: '[[a {{x}} [[b {{y}}]]]]' }] }],
    ['a column that is itself columns', { blocks: [{ type: 'columns', columns: [{ blocks: [{ type: 'columns', columns: [] }] }, { blocks: [{ type: 'spacer', height: 1 }] }] }] }],
  ])('rejects %s', (_label, input) => {
    expect(() => parseDocumentTemplate(input)).toThrow(ZodError);
  });
});

describe('buildTemplateDocument', () => {
  const template = parseDocumentTemplate(JSON.parse(RECEIPT_JSON));

  it('reports missing values, and in strict mode refuses them', async () => {
    const { missing } = await buildTemplateDocument(template, { ...DATA, officer: undefined, documents: undefined });
    expect(missing.sort()).toEqual(['documents', 'officer']);
    await expect(buildTemplateDocument(template, { ...DATA, officer: '' }, { strict: true })).rejects.toThrow(
      TemplateDataError,
    );
    await expect(buildTemplateDocument(template, DATA, { strict: true })).resolves.toMatchObject({ missing: [] });
  });

  it('omits a block whose `when` value is absent', async () => {
    const without = await pdfToText(await renderTemplatePdf(template, DATA));
    expect(without).not.toContain('Ghi chú bổ sung');
    const withIt = await pdfToText(await renderTemplatePdf(template, { ...DATA, supplement: 'Bổ sung bản sao CCCD' }));
    expect(withIt).toContain('Ghi chú bổ sung: Bổ sung bản sao CCCD');
  });

  it('renders the bound values into the PDF', async () => {
    const pdf = await renderTemplatePdf(template, DATA);
    expect(await pdfPageCount(pdf)).toBe(1);
    const text = await pdfToText(pdf);
    const lines = text.split('\n').map((line) => line.trim());
    expect(lines).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(lines).toContain('Lai Châu, ngày 05 tháng 01 năm 2026');
    // The code is too long for the agency column and wraps there, as it would on paper.
    expect(text.replace(/\s+/g, ' ')).toContain('CHÍNH CÔNG Mã hồ sơ: 000.00.01.H33-260105-0007');
    expect(lines).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('Tiếp nhận hồ sơ của: Nguyễn Thị Hồng Nhung');
    expect(text).toContain('Thời gian nhận hồ sơ: 09 giờ 10 phút, ngày 13 tháng 02 năm 2026');
    expect(text).toContain('Lệ phí: 50.000 đồng');
    expect(text).toContain('- Mang theo giấy này khi đến nhận kết quả');
    expect(text).toContain('Đặng Quốc Việt');
    expect(text).toContain('Tra cứu hồ sơ');
  });

  it('binds one table row per array element, with the row number and document-wide values', async () => {
    const raw = await pdfToText(await renderTemplatePdf(template, DATA), 'raw');
    const rowLines = raw.split('\n').filter((line) => line.includes('000.00.01.H33-260105-0007') && /^\d /.test(line));
    expect(rowLines).toEqual([
      '1 Tờ khai đăng ký khai sinh 1 000.00.01.H33-260105-0007',
      '2 Giấy chứng sinh (bản chính) 2 000.00.01.H33-260105-0007',
    ]);
  });

  it('prints the empty text when the table has no rows', async () => {
    const table: DocumentTemplate = parseDocumentTemplate({
      blocks: [
        {
          type: 'table',
          rows: 'items',
          empty: 'Không có giấy tờ nào',
          columns: [{ header: 'STT', text: '{{#}}' }, { header: 'Tên', text: '{{name}}' }],
        },
      ],
    });
    const text = await pdfToText(await renderTemplatePdf(table, { items: [] }));
    expect(text).toContain('Không có giấy tờ nào');
  });

  it('sets blocks side by side in a columns block, with their own placeholders checked', async () => {
    const sideBySide = parseDocumentTemplate({
      blocks: [
        {
          type: 'columns',
          columns: [
            { blocks: [{ type: 'signatures', space: 30, blocks: [{ title: 'Người nộp', name: '{{applicant.fullName}}' }] }] },
            { width: 80, blocks: [{ type: 'qr', text: '{{lookupUrl}}', size: 60, caption: 'Mã tra cứu: {{secret}}' }] },
            { blocks: [{ type: 'signatures', blocks: [{ title: 'Người tiếp nhận', name: '{{officer}}' }] }] },
          ],
        },
      ],
    });
    expect(() => parseDocumentTemplate({ blocks: [{ type: 'columns', columns: [{ blocks: [{ type: 'paragraph', text: '{{a | euro}}' }] }, { blocks: [{ type: 'spacer', height: 1 }] }] }] })).toThrow(/euro/);
    const { missing } = await buildTemplateDocument(sideBySide, DATA);
    expect(missing).toEqual(['secret']);
    const words = await pdfWords(await renderTemplatePdf(sideBySide, { ...DATA, secret: 'K7Q2MX' }));
    const top = (text: string) => words.find((w) => w.text === text)!.yMin;
    // The two titles and the QR code with its caption share one band of the page, not three.
    expect(top('NỘP')).toBe(top('TIẾP'));
    expect(top('K7Q2MX')).toBeGreaterThan(top('NỘP'));
    expect(top('K7Q2MX')).toBeLessThan(top('Nhung') + 12);
  });

  it('refuses a value that is not a list where rows are expected', async () => {
    await expect(buildTemplateDocument(template, { ...DATA, documents: 'một' })).rejects.toThrow(/must be a list/);
  });
});
