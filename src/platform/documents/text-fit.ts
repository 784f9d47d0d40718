/**
 * Width estimates for fitting single lines of Tinos text into fixed boxes (badges, nameplates), where
 * pdfmake cannot shrink text by itself. The per-letter widths are deliberately a little generous, so a
 * line judged to fit does fit; tests hold them against widths measured from the font.
 */

const NARROW = new Set([...'fijlrtI.,:;\'!|()[]-']);
const WIDE_LOWER = new Set([...'mw']);
const WIDE_UPPER = new Set([...'MW']);

function letterWidth(ch: string): number {
  if (ch === ' ') return 0.26;
  const base = ch.normalize('NFD')[0] ?? ch;
  if (NARROW.has(base)) return 0.33;
  if (WIDE_UPPER.has(base)) return 0.96;
  if (WIDE_LOWER.has(base)) return 0.8;
  if (/\d/.test(base)) return 0.5;
  if (base === 'Đ' || base === 'đ') return ch === 'Đ' ? 0.74 : 0.52;
  if (base !== base.toLowerCase()) return 0.74;
  return 0.52;
}

/** Estimated width in points of `text` set on one line at `fontSize`. */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const ch of text.normalize('NFC')) ems += letterWidth(ch);
  return ems * fontSize * (bold ? 1.05 : 1);
}

export interface FitOptions {
  max: number;
  min: number;
  bold?: boolean;
  /** How many lines the text may wrap to before the size is reduced. */
  lines?: number;
}

/**
 * The largest font size between `min` and `max` (in half-point steps) at which `text` fits in `width`
 * points on at most `lines` lines. Wrapped lines are assumed to break evenly, less 15 % for where the
 * word breaks actually fall. Returns `min` when nothing larger fits.
 */
export function fitFontSize(text: string, width: number, options: FitOptions): number {
  const lines = options.lines ?? 1;
  const capacity = lines === 1 ? width : width * lines * 0.85;
  for (let size = options.max; size > options.min; size -= 0.5) {
    if (estimateTextWidth(text, size, options.bold) <= capacity) return size;
  }
  return options.min;
}
