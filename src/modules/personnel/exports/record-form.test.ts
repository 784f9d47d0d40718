import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfPageCount, pdfToText } from '../../../platform/documents/pdf-text.js';
import type { PersonRecord, RecordHeader } from '../record-fields.js';
import { recordDocx } from './record-docx.js';
import { BLANK_VALUE, entryText, itemText, recordFormSections, type RecordFormPart } from './record-form.js';
import { recordPdf } from './record-pdf.js';

// A 1×1 white PNG, and the start of a GIF (an upload neither PDF nor Word output here can embed).
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');

function header(overrides: Partial<RecordHeader> = {}): RecordHeader {
  return {
    fullName: 'Lò Thị Ngọc Huyền', civilServantNo: '12.345.678', managingBody: 'UBND tỉnh Lai Châu', employingUnit: 'Sở Nội vụ',
    position: 'Phó Trưởng phòng', gradeName: 'Chuyên viên', gradeCode: '01.003', recruitedOn: '2012-09-03', photo: null, ...overrides,
  };
}

function record(overrides: Partial<PersonRecord> = {}): PersonRecord {
  return {
    fullNameAtBirth: 'Lò Thị Ngọc Huyền', birthDate: '1990-01-05', sex: 'female', birthPlace: 'Xã Mường Kim, tỉnh Lai Châu',
    homeTown: 'Phường Tân Phong, tỉnh Lai Châu', ethnicity: 'Thái', permanentAddress: 'Tổ 5, phường Đông Phong, tỉnh Lai Châu',
    idNumber: '012345678901', idIssuedOn: '2021-04-12', recruitingBody: 'Sở Nội vụ tỉnh Lai Châu', partyJoinedOn: '2015-05-19', partyOfficialOn: '2016-05-19',
    training: [{ institution: 'Học viện Hành chính Quốc gia', major: 'Quản lý nhà nước', from: '2008-09', to: '2012-06', form: 'Chính quy', diploma: 'Cử nhân' }],
    career: [
      { from: '2012-09', to: '2019-12', post: 'Chuyên viên', unit: 'Phòng Tổ chức biên chế, Sở Nội vụ' },
      { from: '2020-01', to: null, post: 'Phó Trưởng phòng', unit: 'Phòng Công chức, viên chức, Sở Nội vụ' },
    ],
    family: [
      { side: 'own', relation: 'Bố', fullName: 'Lò Văn Thắng', birthYear: 1962, occupation: 'Nông dân', workplace: '', address: 'Bản Nà Ban, xã Mường Kim' },
      { side: 'spouse', relation: 'Mẹ vợ', fullName: 'Đặng Thị Hường', birthYear: 1965, occupation: 'Giáo viên nghỉ hưu', workplace: '', address: 'Phường Tân Phong' },
    ],
    salary: [
      { month: '2012-09', gradeCode: '01.003', gradeName: 'Chuyên viên', step: 1, coefficient: 2.34, positionAllowance: null, otherAllowances: '', nextStepOn: null },
      { month: '2015-09', gradeCode: '01.003', gradeName: 'Chuyên viên', step: 2, coefficient: 2.67, positionAllowance: 0.3, otherAllowances: 'Phụ cấp công vụ 25%', nextStepOn: '2018-09-01' },
    ],
    awards: [{ on: '2023-12-20', form: 'Bằng khen của Chủ tịch UBND tỉnh', decisionNo: '1234/QĐ-UBND' }],
    ...overrides,
  };
}

const OPTS = { printedOn: '2026-03-05' };
const item = (parts: RecordFormPart[], mark: string) => {
  const found = parts.find((p): p is Extract<RecordFormPart, { kind: 'item' }> => p.kind === 'item' && p.entries[0]?.mark === mark);
  if (!found) throw new Error(`no item ${mark}`);
  return itemText(found.entries);
};
const tables = (parts: RecordFormPart[]) => parts.filter((p): p is Extract<RecordFormPart, { kind: 'table' }> => p.kind === 'table');

describe('recordFormSections', () => {
  const parts = recordFormSections(header(), record(), OPTS);

  it('prints the name at birth in capitals, dates as dd/mm/yyyy and Vietnamese values with their diacritics', () => {
    expect(item(parts, '1)')).toBe('1) Họ và tên khai sinh (viết chữ in hoa): LÒ THỊ NGỌC HUYỀN');
    expect(item(parts, '3)')).toBe('3) Sinh ngày: 05/01/1990, Giới tính (nam, nữ): Nữ');
    expect(item(parts, '11)')).toBe('11) Ngày tuyển dụng: 03/09/2012, Cơ quan tuyển dụng: Sở Nội vụ tỉnh Lai Châu');
    expect(item(parts, '16)')).toBe('16) Ngày vào Đảng Cộng sản Việt Nam: 19/05/2015, Ngày chính thức: 19/05/2016');
    expect(item(parts, '25)')).toBe('25) Số căn cước công dân: 012345678901, Ngày cấp: 12/04/2021');
    expect(item(parts, '21)')).toBe('21) Khen thưởng: Bằng khen của Chủ tịch UBND tỉnh (Quyết định số 1234/QĐ-UBND ngày 20/12/2023)');
  });

  it('takes grade, step, coefficient and allowances of item 14 from the latest salary event, in any input order', () => {
    const shuffled = recordFormSections(header(), record({ salary: [...record().salary!].reverse() }), OPTS);
    const after14 = shuffled.slice(shuffled.findIndex((p) => p.kind === 'item' && p.entries[0]?.mark === '14)'), -1).slice(0, 3);
    const text = after14.map((p) => (p.kind === 'item' ? itemText(p.entries) : '')).join('\n');
    expect(text).toBe('14) Ngạch công chức: Chuyên viên, Mã ngạch: 01.003\nBậc lương: 2, Hệ số: 2,67, Ngày hưởng: 09/2015\nPhụ cấp chức vụ: 0,30, Phụ cấp khác: Phụ cấp công vụ 25%');
  });

  it('leaves missing fields dotted and never writes "Không" for a religion nobody declared', () => {
    const bare = recordFormSections(header({ civilServantNo: null, position: null }), {}, OPTS);
    expect(item(bare, '6)')).toBe(`6) Dân tộc: ${BLANK_VALUE}, 7) Tôn giáo: ${BLANK_VALUE}`);
    expect(item(bare, '1)')).toBe(`1) Họ và tên khai sinh (viết chữ in hoa): ${BLANK_VALUE}`);
    expect(item(bare, '12)')).toBe(`12) Chức vụ (chức danh) hiện tại: ${BLANK_VALUE}`);
    expect(JSON.stringify(bare)).not.toContain('Không');
    const agency = bare[0] as Extract<RecordFormPart, { kind: 'agency' }>;
    expect(agency.lines.map(entryText)).toContain(`Số hiệu cán bộ, công chức: ${BLANK_VALUE}`);
    // Empty tables keep ruled rows to write in; the salary grid keeps its three row labels.
    for (const t of tables(bare)) expect(t.rows.length).toBeGreaterThan(0);
    expect(tables(bare).at(-1)?.rows.map((r) => r[0])).toEqual(['Tháng/năm', 'Mã ngạch/bậc', 'Hệ số lương']);
  });

  it('fills the training, career, family and salary tables with months as mm/yyyy', () => {
    const [training, career, own, spouse, salary] = tables(parts);
    expect(training?.rows).toEqual([['Học viện Hành chính Quốc gia', 'Quản lý nhà nước', '09/2008 - 06/2012', 'Chính quy', 'Cử nhân']]);
    expect(career?.rows).toEqual([
      ['09/2012 - 12/2019', 'Chuyên viên, Phòng Tổ chức biên chế, Sở Nội vụ'],
      ['01/2020 - nay', 'Phó Trưởng phòng, Phòng Công chức, viên chức, Sở Nội vụ'],
    ]);
    expect(own?.rows).toEqual([['Bố', 'Lò Văn Thắng', '1962', 'Nông dân; nơi ở: Bản Nà Ban, xã Mường Kim']]);
    expect(spouse?.rows).toEqual([['Mẹ vợ', 'Đặng Thị Hường', '1965', 'Giáo viên nghỉ hưu; nơi ở: Phường Tân Phong']]);
    expect(salary?.rowLabels).toBe(true);
    expect(salary?.rows.map((r) => r.slice(0, 3))).toEqual([['Tháng/năm', '09/2012', '09/2015'], ['Mã ngạch/bậc', '01.003/1', '01.003/2'], ['Hệ số lương', '2,34', '2,67']]);
  });

  it('continues a long salary history in a second grid, oldest first', () => {
    const salary = Array.from({ length: 8 }, (_, i) => ({ ...record().salary![0]!, month: `20${String(10 + i)}-01`, step: i + 1 })).reverse();
    const grids = tables(recordFormSections(header(), record({ salary }), OPTS)).filter((t) => t.rowLabels);
    expect(grids).toHaveLength(2);
    expect(grids[0]?.rows[0]?.slice(1)).toEqual(['01/2010', '01/2011', '01/2012', '01/2013', '01/2014', '01/2015']);
    expect(grids[1]?.rows[1]?.slice(1)).toEqual(['01.003/7', '01.003/8', '', '', '', '']);
  });

  it('ends with the declarant and the head of the unit, the date in official wording', () => {
    const last = parts.at(-1);
    expect(last?.kind).toBe('signatures');
    if (last?.kind !== 'signatures') return;
    expect(last.blocks.map((b) => b.title)).toEqual(['Người khai', 'Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC']);
    expect(last.blocks[0]?.name).toBe('Lò Thị Ngọc Huyền');
    expect(last.blocks[1]?.above).toMatch(/^\.+, ngày 05 tháng 3 năm 2026$/);
  });
});

/** What both files must carry, worded as printed. */
const ESSENTIALS = [
  'SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC',
  'LÒ THỊ NGỌC HUYỀN',
  'Sinh ngày: 05/01/1990',
  'Số hiệu cán bộ, công chức: 12.345.678',
  '09/2008 - 06/2012',
  '01.003/2',
  '2,67',
  'a) Về bản thân',
  'Lò Văn Thắng',
  'b) Về bên vợ (hoặc chồng)',
  'Đặng Thị Hường',
  'Người khai',
  'Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC',
  'ngày 05 tháng 3 năm 2026',
];

describe('recordPdf', () => {
  let text: string;
  let layout: string;
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await recordPdf(header(), record(), OPTS);
    text = await pdfToText(pdf);
    layout = await pdfToText(pdf, 'layout');
  });

  it('prints the form with its values, both family sides and the salary grid', async () => {
    // Signature titles wrap in their half-page columns, as on the paper form.
    const flat = text.replace(/\s+/g, ' ');
    for (const s of ESSENTIALS) expect(flat, s).toContain(s);
    expect(text).toContain('Ảnh 4x6');
    // Rows read across the page's physical lines; a cell's text wraps within its column (the name's end beneath).
    expect(layout).toMatch(/ Học viện Hành chính +Quản lý nhà nước +09\/2008 - 06\/2012 +Chính quy +Cử nhân\n +Quốc gia\n/);
    expect(layout).toMatch(/ Bố +Lò Văn Thắng +1962 +Nông dân; nơi ở: Bản Nà Ban, xã Mường Kim/);
    expect(layout).toMatch(/ Mẹ vợ +Đặng Thị Hường +1965 +Giáo viên nghỉ hưu; nơi ở: Phường Tân Phong/);
    expect(layout).toMatch(/ 01\/2020 - nay +Phó Trưởng phòng, Phòng Công chức, viên chức, Sở Nội vụ/);
    expect(layout).toMatch(/ Tháng\/năm +09\/2012 +09\/2015\n/);
    expect(layout).toMatch(/ Mã ngạch\/bậc +01\.003\/1 +01\.003\/2\n/);
    expect(layout).toMatch(/ Hệ số lương +2,34 +2,67\n/);
    expect(text).not.toContain('2.67');
    expect(await pdfPageCount(pdf)).toBeGreaterThanOrEqual(2);
  });

  it('embeds the photo instead of the empty frame when there is one', async () => {
    const withPhoto = await recordPdf(header({ photo: PNG }), record(), OPTS);
    expect(await pdfToText(withPhoto)).not.toContain('Ảnh 4x6');
    expect(withPhoto.includes(Buffer.from('/Subtype /Image'))).toBe(true);
  });

  it('prints the empty frame for a photo it cannot embed rather than failing', async () => {
    const gif = await recordPdf(header({ photo: GIF }), record(), OPTS);
    expect(await pdfToText(gif)).toContain('Ảnh 4x6');
    expect(gif.includes(Buffer.from('/Subtype /Image'))).toBe(false);
  });

  it('prints an empty record as dotted lines rather than failing', async () => {
    const empty = await pdfToText(await recordPdf(header({ position: null, gradeName: null, gradeCode: null, recruitedOn: null }), {}, OPTS));
    expect(empty).toContain(`Tôn giáo: ${BLANK_VALUE}`);
    expect(empty).not.toContain('Không');
  });
});

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

async function docxParts(file: Buffer) {
  const zip = await JSZip.loadAsync(file);
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  const text = xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join('')).join('\n');
  return { xml, styles, text, files: Object.keys(zip.files) };
}

describe('recordDocx', () => {
  let docx: Awaited<ReturnType<typeof docxParts>>;
  beforeAll(async () => { docx = await docxParts(await recordDocx(header(), record(), OPTS)); });

  it('carries the same values as Word text, the salary grid read across', () => {
    for (const s of ESSENTIALS) expect(docx.text, s).toContain(s);
    expect(docx.text).toContain('Học viện Hành chính Quốc gia\nQuản lý nhà nước\n09/2008 - 06/2012\nChính quy\nCử nhân');
    expect(docx.text).toContain('1) Họ và tên khai sinh (viết chữ in hoa): LÒ THỊ NGỌC HUYỀN');
    expect(docx.text).toContain('Tháng/năm\n09/2012\n09/2015');
    expect(docx.text).toContain('Hệ số lương\n2,34\n2,67');
    expect(docx.text).toContain('Bố\nLò Văn Thắng\n1962\nNông dân; nơi ở: Bản Nà Ban, xã Mường Kim');
    expect(docx.text).toContain('Mẹ vợ\nĐặng Thị Hường\n1965');
  });

  it('is A4 in Times New Roman 13 pt with Decree 30 margins, and frames an empty 4×6 cm photo box', () => {
    expect(docx.styles).toContain('w:ascii="Times New Roman"');
    expect(docx.styles.match(/<w:docDefaults>.*?<\/w:docDefaults>/s)?.[0]).toMatch(/<w:sz w:val="26"\/>/);
    expect(docx.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(docx.xml).toMatch(/<w:pgMar [^>]*w:left="1701"/);
    expect(docx.text).toContain('Ảnh 4x6');
    expect(docx.xml).toMatch(/<w:trHeight w:val="3402" w:hRule="exact"\/>/);
    expect(docx.files.some((f) => f.startsWith('word/media/'))).toBe(false);
  });

  it('places the photo, sized within 4×6 cm, when there is one', async () => {
    const withPhoto = await docxParts(await recordDocx(header({ photo: PNG }), record(), OPTS));
    expect(withPhoto.files.some((f) => f.startsWith('word/media/'))).toBe(true);
    expect(withPhoto.text).not.toContain('Ảnh 4x6');
    // A square photo keeps its shape: 4 cm wide is 151 px of 9525 EMU.
    expect(withPhoto.xml).toMatch(/<wp:extent cx="1438275" cy="1438275"\/>/);
    // A portrait JPEG (header only: Word, not this code, decodes it) twice as tall as wide is bounded by the 6 cm.
    const jfif = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
    const sof0 = [0xff, 0xc0, 0, 17, 8, 0x02, 0x58, 0x01, 0x2c, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
    const jpeg = Buffer.from([0xff, 0xd8, ...jfif, ...sof0, 0xff, 0xd9]);
    const tall = await docxParts(await recordDocx(header({ photo: jpeg }), record(), OPTS));
    expect(tall.xml).toMatch(/<wp:extent cx="1085850" cy="2162175"\/>/);
    const gif = await docxParts(await recordDocx(header({ photo: GIF }), record(), OPTS));
    expect(gif.text).toContain('Ảnh 4x6');
    expect(gif.files.some((f) => f.startsWith('word/media/'))).toBe(false);
  });
});
