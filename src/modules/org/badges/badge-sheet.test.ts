import { deflateSync, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pdfPageCount, pdfToText, pdfWords, type PdfWord } from '../../../platform/documents/pdf-text.js';
import { BADGES_PER_PAGE, badgeCardBox, renderBadgeSheet } from './badge-sheet.js';
import type { BadgeStaff } from './types.js';

/** A small RGB PNG (a gradient), standing in for a portrait photo. */
function portraitPng(width = 30, height = 40): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) rows.push((x * 8) % 256, (y * 6) % 256, 160);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const PEOPLE: BadgeStaff[] = [
  { fullName: 'Nguyễn Thị Hồng Nhung', position: 'Phó Giám đốc', unitName: 'Trung tâm Phục vụ hành chính công tỉnh Lai Châu', agencyName: 'UBND tỉnh Lai Châu', provinceName: 'Tỉnh Lai Châu', badgeNumber: 'LC-0001', photo: portraitPng(), qrUrl: 'https://motcua.example/can-bo/a1' },
  { fullName: 'Đặng Quốc Việt', position: 'Chuyên viên', unitName: 'Sở Tư pháp', provinceName: 'Tỉnh Lai Châu', badgeNumber: 'LC-0002', photo: null, qrUrl: 'https://motcua.example/can-bo/a2' },
  { fullName: 'Lò Thị Ngọc Huyền', position: 'Công chức Văn phòng - Thống kê', unitName: 'Phòng Văn hóa - Xã hội', agencyName: 'UBND xã Phong Thổ', provinceName: 'Tỉnh Lai Châu', badgeNumber: 'LC-0003', qrUrl: 'https://motcua.example/can-bo/a3' },
  { fullName: 'Giàng A Páo', position: '', unitName: 'UBND xã Sìn Hồ', badgeNumber: '', qrUrl: 'https://motcua.example/can-bo/a4' },
  { fullName: 'Tôn Nữ Hoàng Phương Thảo Nguyên', position: 'Chuyên viên Bộ phận Một cửa, phụ trách tiếp nhận và trả kết quả', unitName: 'Trung tâm Phục vụ hành chính công xã Phong Thổ (điểm tiếp nhận số 2)', agencyName: 'Ủy ban nhân dân xã Phong Thổ, tỉnh Lai Châu', provinceName: 'Tỉnh Lai Châu', badgeNumber: 'LC-0005', qrUrl: 'https://motcua.example/can-bo/a5' },
  { fullName: 'Hoàng Thị Minh Nguyệt', position: 'Trưởng phòng', unitName: 'Sở Khoa học và Công nghệ', badgeNumber: 'LC-0006', photo: `data:image/png;base64,${portraitPng().toString('base64')}`, qrUrl: 'https://motcua.example/can-bo/a6' },
  { fullName: 'Phạm Văn Ỷ', position: 'Kiểm soát viên', unitName: 'Phòng Văn hóa - Xã hội', agencyName: 'UBND phường Tân Phong', provinceName: 'Tỉnh Lai Châu', badgeNumber: 'LC-0007', qrUrl: 'https://motcua.example/can-bo/a7' },
  { fullName: 'Vũ Thị Ữa', position: 'Chuyên viên', unitName: 'Sở Xây dựng', badgeNumber: 'LC-0008', qrUrl: 'https://motcua.example/can-bo/a8' },
  { fullName: 'Trần Đức Mạnh', position: 'Phó Chánh Văn phòng', unitName: 'Văn phòng UBND tỉnh', badgeNumber: 'LC-0009', qrUrl: 'https://motcua.example/can-bo/a9' },
  { fullName: 'Bùi Thị Quỳnh Anh', position: 'Viên chức', unitName: 'Sở Giáo dục và Đào tạo', badgeNumber: 'LC-0010', qrUrl: 'https://motcua.example/can-bo/a10' },
];

const squash = (text: string) => text.replace(/\s+/g, ' ');

function overlaps(a: PdfWord, b: PdfWord): boolean {
  const tolerance = 0.5;
  return a.xMin < b.xMax - tolerance && b.xMin < a.xMax - tolerance && a.yMin < b.yMax - tolerance && b.yMin < a.yMax - tolerance;
}

describe('renderBadgeSheet', () => {
  it('puts ten people on two A4 pages, nine to a page, with every name, unit and number', async () => {
    const pdf = await renderBadgeSheet(PEOPLE, { organizationName: 'UBND tỉnh Lai Châu' });
    expect(BADGES_PER_PAGE).toBe(9);
    expect(await pdfPageCount(pdf)).toBe(2);
    const text = squash(await pdfToText(pdf));
    for (const person of PEOPLE) {
      expect(text).toContain(person.fullName);
      expect(text).toContain(squash(person.unitName));
      if (person.agencyName) expect(text).toContain(squash(person.agencyName));
      if (person.position) expect(text).toContain(squash(person.position));
      if (person.badgeNumber) expect(text).toContain(`Số thẻ: ${person.badgeNumber}`);
    }
    expect(text).toContain('UBND TỈNH LAI CHÂU');
    expect(text).toContain('THẺ CÔNG CHỨC');
    // The tenth person is alone on the second page.
    const secondPage = (await pdfToText(pdf)).split('\f')[1] ?? '';
    expect(secondPage).toContain('Bùi Thị Quỳnh Anh');
    expect(secondPage).not.toContain('Nguyễn Thị Hồng Nhung');
  });

  it('keeps every word inside its card and no two words on top of each other', async () => {
    const pdf = await renderBadgeSheet(PEOPLE.slice(0, 9));
    const words = await pdfWords(pdf);
    expect(words.length).toBeGreaterThan(100);
    const boxes = Array.from({ length: 9 }, (_, i) => badgeCardBox(i));
    const cardsWithText = new Set<number>();
    for (const word of words) {
      const card = boxes.findIndex(
        (b) => word.xMin >= b.x && word.xMax <= b.x + b.width && word.yMin >= b.y && word.yMax <= b.y + b.height,
      );
      expect(card, `"${word.text}" at ${word.xMin.toFixed(0)},${word.yMin.toFixed(0)} is outside every card`).toBeGreaterThanOrEqual(0);
      cardsWithText.add(card);
    }
    expect(cardsWithText.size).toBe(9);
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        const [a, b] = [words[i] as PdfWord, words[j] as PdfWord];
        expect(overlaps(a, b), `"${a.text}" overlaps "${b.text}"`).toBe(false);
      }
    }
  });

  it('prints the agency under a section found in every commune, and the person’s province in the header', async () => {
    const [huyen, ya] = [PEOPLE[2] as BadgeStaff, PEOPLE[6] as BadgeStaff];
    const words = await pdfWords(await renderBadgeSheet([huyen, ya, { ...(PEOPLE[1] as BadgeStaff), provinceName: null }], { organizationName: 'Tỉnh khác' }));
    const onCard = (i: number) => {
      const b = badgeCardBox(i);
      return squash(words.filter((w) => w.xMin >= b.x && w.xMax <= b.x + b.width && w.yMin >= b.y && w.yMax <= b.y + b.height).map((w) => w.text).join(' '));
    };
    expect(onCard(0)).toContain('Phòng Văn hóa - Xã hội UBND xã Phong Thổ');
    expect(onCard(1)).toContain('Phòng Văn hóa - Xã hội UBND phường Tân Phong');
    expect(onCard(0)).toContain('TỈNH LAI CHÂU');
    // Without a province of their own, the sheet's organisation line is used.
    expect(onCard(2)).toContain('TỈNH KHÁC');
    expect(onCard(2)).not.toContain('LAI CHÂU');
  });

  it('prints initials in place of a missing photo, and not over a real one', async () => {
    const text = await pdfToText(await renderBadgeSheet([PEOPLE[0] as BadgeStaff, PEOPLE[1] as BadgeStaff]));
    const lines = text.split('\n').map((line) => line.trim());
    expect(lines).toContain('ĐV');
    expect(lines).not.toContain('NN');
  });

  it('replaces an unreadable photo with initials instead of failing the sheet', async () => {
    const broken = Buffer.concat([portraitPng().subarray(0, 8), Buffer.from('this is not really a PNG')]);
    const notAnImage = Buffer.from('GIF89a…');
    const pdf = await renderBadgeSheet([
      { ...(PEOPLE[0] as BadgeStaff), photo: broken },
      { ...(PEOPLE[2] as BadgeStaff), photo: notAnImage },
      PEOPLE[5] as BadgeStaff,
    ]);
    const lines = (await pdfToText(pdf)).split('\n').map((line) => line.trim());
    expect(lines).toContain('NN');
    expect(lines).toContain('LH');
    expect(lines).not.toContain('HN');
  });

  it('prints a blank for a missing badge number and honours the card title', async () => {
    const text = squash(await pdfToText(await renderBadgeSheet([PEOPLE[3] as BadgeStaff], { cardTitle: 'Thẻ viên chức' })));
    expect(text).toContain('THẺ VIÊN CHỨC');
    expect(text).toMatch(/Số thẻ: …+/);
  });

  it('refuses an empty list', async () => {
    await expect(renderBadgeSheet([])).rejects.toThrow(RangeError);
  });
});
