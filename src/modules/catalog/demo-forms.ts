/**
 * Blank application forms for the demo catalogue. The demo files name a form template for most
 * documents (to-khai-dang-ky-khai-sinh.docx…) but ship no files; so that a visitor of the demo can
 * download one, the seeder writes a plain DOCX per name: the document's title, a notice that it is
 * demo data, and lines to fill in. A province uploads its real forms instead.
 *
 * A DOCX is a ZIP of three XML parts; the parts are tiny, so they are stored uncompressed.
 */
import { crc32 } from 'node:zlib';

function zip(files: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00, a fixed time keeps the bytes reproducible
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(f.data.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(f.data.length, 20);
    central.writeUInt32LE(f.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, f.data);
    centrals.push(central, name);
    offset += local.length + name.length + f.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (s: string) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

function paragraph(text: string, opts: { bold?: boolean; size?: number; center?: boolean; italic?: boolean } = {}): string {
  const props = [opts.bold ? '<w:b/>' : '', opts.italic ? '<w:i/>' : '', `<w:sz w:val="${(opts.size ?? 13) * 2}"/>`].join('');
  return `<w:p>${opts.center ? '<w:pPr><w:jc w:val="center"/></w:pPr>' : ''}<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>${props}</w:rPr><w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;
}

/** A one-page DOCX form with the national heading, the form's title and lines to fill in. */
export function demoFormDocx(title: string, procedureName: string): Buffer {
  const dots = '.'.repeat(90);
  const body = [
    paragraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, center: true, size: 12 }),
    paragraph('Độc lập - Tự do - Hạnh phúc', { bold: true, center: true }),
    paragraph(''),
    paragraph(title.toLocaleUpperCase('vi'), { bold: true, center: true, size: 14 }),
    paragraph(`(Thủ tục: ${procedureName})`, { italic: true, center: true }),
    paragraph('Mẫu minh họa trong dữ liệu mẫu của motcua — không phải biểu mẫu chính thức.', { italic: true, center: true, size: 11 }),
    paragraph(''),
    ...['Họ, chữ đệm, tên người yêu cầu', 'Ngày, tháng, năm sinh', 'Số định danh cá nhân', 'Nơi cư trú', 'Số điện thoại', 'Nội dung đề nghị']
      .map((label) => paragraph(`${label}: ${dots.slice(label.length)}`)),
    paragraph(dots + '.'.repeat(30)),
    paragraph(''),
    paragraph('Tôi cam đoan nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.'),
    paragraph(''),
    paragraph('Làm tại ..............., ngày ..... tháng ..... năm ........', { italic: true, center: true }),
    paragraph('NGƯỜI YÊU CẦU', { bold: true, center: true }),
    paragraph('(Ký, ghi rõ họ, chữ đệm, tên)', { italic: true, center: true, size: 11 }),
  ].join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>') },
    { name: '_rels/.rels', data: Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>') },
    { name: 'word/document.xml', data: Buffer.from(document, 'utf8') },
  ]);
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
