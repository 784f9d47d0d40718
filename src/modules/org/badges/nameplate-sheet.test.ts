import { describe, expect, it } from 'vitest';
import { pdfPageCount, pdfToText, pdfWords } from '../../../platform/documents/pdf-text.js';
import { renderNameplateSheet } from './nameplate-sheet.js';
import type { BadgeStaff } from './types.js';

const A4_LANDSCAPE_WIDTH = 841.89;

const PEOPLE: BadgeStaff[] = [
  { fullName: 'Nguyễn Thị Hồng Nhung', position: 'Phó Giám đốc', unitName: 'Trung tâm Phục vụ hành chính công tỉnh Lai Châu', badgeNumber: 'LC-0001', qrUrl: 'https://motcua.example/can-bo/a1' },
  { fullName: 'Đặng Quốc Việt', position: 'Chuyên viên', unitName: 'Sở Tư pháp', badgeNumber: 'LC-0002', qrUrl: 'https://motcua.example/can-bo/a2' },
  { fullName: 'Giàng A Páo', position: '', unitName: 'UBND xã Sìn Hồ', badgeNumber: '', qrUrl: 'https://motcua.example/can-bo/a3' },
];

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('renderNameplateSheet', () => {
  it('folds one tent per page, with the name on both sides', async () => {
    const pdf = await renderNameplateSheet(PEOPLE);
    expect(await pdfPageCount(pdf)).toBe(3);
    const pages = (await pdfToText(pdf)).split('\f');
    for (const [index, person] of PEOPLE.entries()) {
      const page = pages[index] ?? '';
      expect(count(page, person.fullName)).toBe(2);
      expect(count(page, person.unitName.toLocaleUpperCase('vi'))).toBe(2);
      if (person.position) expect(count(page, person.position.toLocaleUpperCase('vi'))).toBe(2);
      expect(page).toContain('Gấp theo đường này');
    }
  });

  it('prints the back of the tent upside down', async () => {
    const words = (await pdfWords(await renderNameplateSheet([PEOPLE[1] as BadgeStaff]))).filter((w) => w.text === 'Việt');
    expect(words).toHaveLength(2);
    const [upper, lower] = [...words].sort((a, b) => a.yMin - b.yMin);
    // Read upright, "Việt" ends the name on the right; turned round, it lands on the left.
    expect(upper!.xMax).toBeLessThan(A4_LANDSCAPE_WIDTH / 2);
    expect(lower!.xMin).toBeGreaterThan(A4_LANDSCAPE_WIDTH / 2);
  });

  it('puts two flat plates on a page', async () => {
    const pdf = await renderNameplateSheet(PEOPLE, { layout: 'flat' });
    expect(await pdfPageCount(pdf)).toBe(2);
    const text = await pdfToText(pdf);
    for (const person of PEOPLE) expect(count(text, person.fullName)).toBe(1);
    expect(text).toContain('Cắt theo đường này');
  });

  it('squeezes a very long name into the width of the page', async () => {
    const fullName = 'Công Tằng Tôn Nữ Hoàng Phương Thảo Nguyên Bích Ngọc Thị Minh Khai Nguyệt Ánh Dương';
    const words = await pdfWords(await renderNameplateSheet([{ ...(PEOPLE[0] as BadgeStaff), fullName }], { layout: 'flat' }));
    const nameWords = words.filter((w) => fullName.split(' ').includes(w.text));
    expect(nameWords.length).toBeGreaterThanOrEqual(fullName.split(' ').length);
    for (const word of words) {
      expect(word.xMin).toBeGreaterThanOrEqual(0);
      expect(word.xMax).toBeLessThanOrEqual(A4_LANDSCAPE_WIDTH);
    }
  });

  it('refuses an empty list', async () => {
    await expect(renderNameplateSheet([])).rejects.toThrow(RangeError);
  });
});
