import { describe, expect, it } from 'vitest';
import { estimateTextWidth, fitFontSize } from './text-fit.js';

// Advance widths in em measured from the Tinos TTF files (regular, bold).
const MEASURED: [string, number, number][] = [
  ['Nguyễn Thị Hồng Nhung', 10.231, 10.736],
  ['Đặng Quốc Việt', 6.476, 6.778],
  ['Trung tâm Phục vụ hành chính công tỉnh Lai Châu', 20.267, 21.849],
  ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 19.769, 20.715],
  ['Giàng A Páo', 5.056, 5.334],
  ['Wu Minh', 3.821, 4.122],
];

describe('estimateTextWidth', () => {
  it.each(MEASURED)('never underestimates and stays within 15 %% of the font: %s', (text, regular, bold) => {
    for (const [measured, isBold] of [[regular, false], [bold, true]] as const) {
      const estimate = estimateTextWidth(text, 1, isBold);
      expect(estimate).toBeGreaterThanOrEqual(measured);
      expect(estimate).toBeLessThanOrEqual(measured * 1.15);
    }
  });

  it('treats decomposed and composed diacritics alike', () => {
    const composed = 'Nguyễn';
    expect(estimateTextWidth(composed.normalize('NFD'), 12)).toBeCloseTo(estimateTextWidth(composed, 12));
  });
});

describe('fitFontSize', () => {
  it('keeps the largest size when the text fits', () => {
    expect(fitFontSize('Đặng Quốc Việt', 200, { max: 14, min: 8, bold: true })).toBe(14);
  });

  it('shrinks a long line until it fits, and stops at the minimum', () => {
    const text = 'Trung tâm Phục vụ hành chính công tỉnh Lai Châu';
    const size = fitFontSize(text, 200, { max: 14, min: 6 });
    expect(size).toBeLessThan(14);
    expect(estimateTextWidth(text, size)).toBeLessThanOrEqual(200);
    expect(estimateTextWidth(text, size + 0.5)).toBeGreaterThan(200);
    expect(fitFontSize(text, 20, { max: 14, min: 6 })).toBe(6);
  });

  it('allows a larger size when the text may wrap to two lines', () => {
    const text = 'Trung tâm Phục vụ hành chính công tỉnh Lai Châu';
    expect(fitFontSize(text, 150, { max: 14, min: 6, lines: 2 })).toBeGreaterThan(fitFontSize(text, 150, { max: 14, min: 6 }));
  });
});
