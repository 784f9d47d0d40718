/**
 * Reads a PDF back the way a person reads the printout — its text, its pages, where each word sits — so
 * the suites can check printed documents. In-process with Mozilla's pdf.js (`pdfjs-dist`): no system
 * tool is needed, so `npm test` runs on a machine with nothing but Node and Chromium.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readingOrder, type TextRun } from './pdf-reading-order.js';

/**
 * How the text is ordered. `reading` rebuilds lines and columns from positions (blocks of a two-column
 * heading come out one after the other); `raw` keeps the order in which the text was drawn; `layout`
 * keeps each physical line, left to right, with the gaps between runs as runs of spaces.
 */
export type PdfTextMode = 'reading' | 'raw' | 'layout';

export interface PdfWord {
  /** 1-based page number. */
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

type PageRuns = { width: number; height: number; runs: TextRun[] };

/** Every text run of every page, in points from the page's top-left corner. */
async function readPages(pdf: Uint8Array): Promise<PageRuns[]> {
  // pdf.js may transfer (detach) the buffer it is given: hand it a copy so the caller's stays usable.
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  try {
    const pages: PageRuns[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str) continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        const size = Math.hypot(a!, b!) || item.height || 1;
        // The run starts at (e, f) and advances along (a, b); its glyphs rise along (c, d). A run turned
        // round (the back of a folded nameplate) advances leftwards and hangs below its baseline.
        const along = [a! / size, b! / size] as const;
        const up = [c! / size, d! / size] as const;
        const corners = [[0, -0.2], [0, 0.8], [item.width, -0.2], [item.width, 0.8]].map(([s, h]) => [e! + along[0] * s! + up[0] * h! * size, f! + along[1] * s! + up[1] * h! * size] as const);
        const xs = corners.map(([x]) => x);
        const ys = corners.map(([, y]) => height - y);
        const x = Math.min(...xs);
        const top = Math.min(...ys);
        runs.push({ text: item.str.normalize('NFC'), x, y: top, width: Math.max(...xs) - x, height: Math.max(...ys) - top, baseline: height - f!, size, reversed: along[0] < 0 });
      }
      pages.push({ width, height, runs });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** The text of every page; pages are separated by a form feed (\f). */
export async function pdfToText(pdf: Uint8Array, mode: PdfTextMode = 'reading'): Promise<string> {
  const pages = await readPages(pdf);
  return pages.map((p) => pageText(p, mode)).join('\f') + (pages.length ? '\f' : '');
}

function pageText(page: PageRuns, mode: PdfTextMode): string {
  const runs = page.runs.filter((r) => r.text.trim() || mode === 'raw');
  if (mode === 'raw') return joinRaw(runs);
  if (mode === 'layout') return lines(runs).map((line) => layoutLine(line)).join('\n') + '\n';
  return readingOrder(runs).map((block) => lines(block).map((line) => plainLine(line)).join('\n')).join('\n\n') + '\n';
}

/** Runs in drawing order; a new line wherever the baseline moves. */
function joinRaw(runs: TextRun[]): string {
  let out = '';
  let prev: TextRun | undefined;
  for (const r of runs) {
    if (prev) out += Math.abs(r.baseline - prev.baseline) > prev.size * 0.5 ? '\n' : gapText(prev, r, false);
    out += r.text;
    prev = r;
  }
  return `${out}\n`;
}

/** Runs grouped into physical lines (same baseline, within half a font size), each left to right. */
export function lines(runs: TextRun[]): TextRun[][] {
  const sorted = [...runs].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const out: TextRun[][] = [];
  for (const r of sorted) {
    const line = out[out.length - 1];
    if (line && Math.abs(line[0]!.baseline - r.baseline) <= Math.min(line[0]!.size, r.size) * 0.5) line.push(r);
    else out.push([r]);
  }
  return out.map((line) => line.sort((a, b) => a.x - b.x));
}

function gapText(prev: TextRun, next: TextRun, layout: boolean): string {
  const gap = next.x - (prev.x + prev.width);
  if (prev.text.endsWith(' ') || next.text.startsWith(' ')) return '';
  if (gap < prev.size * 0.12) return '';
  return layout ? ' '.repeat(Math.max(1, Math.round(gap / (prev.size * 0.5)))) : ' ';
}

function plainLine(line: TextRun[]): string {
  return line.map((r, i) => (i ? gapText(line[i - 1]!, r, false) : '') + r.text).join('').replace(/\s+$/, '');
}

function layoutLine(line: TextRun[]): string {
  return line.map((r, i) => (i ? gapText(line[i - 1]!, r, true) : ' '.repeat(Math.max(0, Math.round(r.x / (r.size * 0.5))))) + r.text).join('').replace(/\s+$/, '');
}

/** The number of pages. */
export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  try {
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}

/**
 * Every word with its box in points from the top-left of its page, for layout checks. A run drawn in one
 * piece is split at its spaces; each word's share of the run's width is its share of the characters
 * (Tinos is proportional, so a box is accurate to a character or so — enough to tell inside from outside
 * a card, or two words drawn over each other).
 */
export async function pdfWords(pdf: Uint8Array): Promise<PdfWord[]> {
  const pages = await readPages(pdf);
  const words: PdfWord[] = [];
  pages.forEach((p, i) => {
    for (const r of p.runs) {
      const perChar = r.text.length ? r.width / r.text.length : 0;
      for (const m of r.text.matchAll(/\S+/g)) {
        // A reversed run is drawn right to left: its first character sits at the right edge.
        const from = r.reversed ? r.x + r.width - perChar * (m.index + m[0].length) : r.x + perChar * m.index;
        words.push({ page: i + 1, text: m[0], xMin: from, xMax: from + perChar * m[0].length, yMin: r.y, yMax: r.y + r.height });
      }
    }
  });
  return words;
}
