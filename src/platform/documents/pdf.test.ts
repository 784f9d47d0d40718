import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { officialDocument, officialHeading, officialTitle, signatureRow } from './official-style.js';
import { pdfPageCount, pdfToText } from './pdf-text.js';
import { detectImageType, imageDataUrl, renderPdf } from './pdf.js';
import { qrContent, qrDataUrl, qrSvg } from './qr.js';
import { officialPlaceDate } from './vi-format.js';

const NAMES = ['Nguyễn Thị Hồng Nhung', 'Đặng Quốc Việt', 'Lò Thị Ngọc Huyền', 'Giàng A Páo'];
const EVERY_TONE = 'ỷ ữ ặ ẫ ộ ờ ậ ự ể ẵ Ỵ Ữ Ặ Ẫ Ộ ơ ư đ Đ';

// A 1×1 white PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
);

describe('renderPdf', () => {
  it('renders Vietnamese text in Tinos and pdftotext reads every diacritic back', async () => {
    const pdf = await renderPdf({ content: [...NAMES.map((name) => ({ text: name })), { text: EVERY_TONE, bold: true }] });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfToText(pdf);
    for (const name of NAMES) expect(text).toContain(name);
    // One-letter words need raw mode: pdftotext's reading order would join them.
    expect(await pdfToText(pdf, 'raw')).toContain(EVERY_TONE);
    expect(pdf.includes(Buffer.from('Tinos'))).toBe(true);
  });

  it('renders bold, italic and bold-italic faces with diacritics', async () => {
    const pdf = await renderPdf({
      content: [
        { text: 'Đặng Quốc Việt đậm', bold: true },
        { text: 'Đặng Quốc Việt nghiêng', italics: true },
        { text: 'Đặng Quốc Việt đậm nghiêng', bold: true, italics: true },
      ],
    });
    const text = await pdfToText(pdf);
    expect(text).toContain('Đặng Quốc Việt đậm\n');
    expect(text).toContain('Đặng Quốc Việt nghiêng');
    expect(text).toContain('Đặng Quốc Việt đậm nghiêng');
  });

  it('never fetches a URL: an image given by address is refused', async () => {
    await expect(
      renderPdf({ content: [{ image: 'remote' }], images: { remote: 'https://example.invalid/photo.png' } }),
    ).rejects.toThrow(/denied/i);
  });

  it('never reads local files other than the fonts', async () => {
    await expect(renderPdf({ content: [{ image: '/etc/hostname' }] })).rejects.toThrow(/denied/i);
  });

  it('never reads a local file named inside an SVG, but draws an embedded one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-svg-'));
    try {
      const file = join(dir, 'photo.png');
      await writeFile(file, PNG);
      const svg = (href: string) =>
        `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><image href="${href}" width="20" height="20"/></svg>`;
      const embedsImage = (pdf: Buffer) => pdf.includes(Buffer.from('/Subtype /Image'));
      const fromDisk = await renderPdf({ compress: false, content: [{ svg: svg(file), width: 20 }, { stack: [{ svg: svg(file) }] }] });
      expect(embedsImage(fromDisk)).toBe(false);
      const inline = await renderPdf({ compress: false, content: [{ stack: [{ svg: svg(imageDataUrl(PNG)), width: 20 }] }] });
      expect(embedsImage(inline)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('accepts an in-memory image as a data URL', async () => {
    const pdf = await renderPdf({ content: [{ image: imageDataUrl(PNG), width: 20 }, 'ảnh'] });
    expect(await pdfToText(pdf)).toContain('ảnh');
  });
});

describe('image types', () => {
  it('recognises PNG and JPEG and refuses the rest', () => {
    expect(detectImageType(PNG)).toBe('image/png');
    expect(detectImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(detectImageType(Buffer.from('RIFF0000WEBPVP8 '))).toBeNull();
    expect(() => imageDataUrl(Buffer.from('GIF89a'))).toThrow(/PNG and JPEG/);
  });
});

describe('official heading (Decree 30)', () => {
  it('prints the national name, the motto, the agencies in capitals and the exact place and date', async () => {
    const placeDate = officialPlaceDate('Lai Châu', '2026-01-05');
    const definition = officialDocument([
      officialHeading({
        managingBody: 'UBND tỉnh Lai Châu',
        issuingUnit: 'Trung tâm Phục vụ hành chính công',
        number: 'Số: 05/TB-TTPVHCC',
        placeDate,
      }),
      officialTitle('Thông báo', 'Về việc thử nghiệm in ấn'),
      signatureRow([{ title: 'Giám đốc', authority: 'KT.', note: '(Ký, ghi rõ họ tên)', name: 'Đặng Quốc Việt' }]),
    ]);
    const text = await pdfToText(await renderPdf(definition));
    const lines = text.split('\n').map((line) => line.trim());
    // Each on a line of its own: the heading must not wrap inside its column.
    expect(lines).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(lines).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(lines).toContain('Lai Châu, ngày 05 tháng 01 năm 2026');
    expect(lines).toContain('UBND TỈNH LAI CHÂU');
    // The issuing unit is long enough to wrap inside its 40 % column, as it does on paper.
    expect(text.replace(/\s+/g, ' ')).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG Số: 05/TB-TTPVHCC');
    expect(lines).toContain('Số: 05/TB-TTPVHCC');
    expect(lines).toContain('THÔNG BÁO');
    expect(lines).toContain('KT.');
    expect(lines).toContain('GIÁM ĐỐC');
    expect(lines).toContain('Đặng Quốc Việt');
  });
});

describe('QR codes', () => {
  it('encodes as SVG whose pattern depends on the text', async () => {
    const a = await qrSvg('https://motcua.example/can-bo/abc');
    const b = await qrSvg('https://motcua.example/can-bo/abd');
    expect(a).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"/);
    expect(a).not.toBe(b);
  });

  it('encodes as a PNG data URL', async () => {
    const url = await qrDataUrl('https://motcua.example/tra-cuu?ma=000.00.01.H33-260105-0001');
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    expect(detectImageType(Buffer.from(url.slice(22), 'base64'))).toBe('image/png');
  });

  it('draws into a PDF as vectors without adding text', async () => {
    const pdf = await renderPdf({ content: [await qrContent('https://motcua.example/x', 80), 'dưới mã'] });
    expect(await pdfPageCount(pdf)).toBe(1);
    expect((await pdfToText(pdf)).trim()).toBe('dưới mã');
  });
});
