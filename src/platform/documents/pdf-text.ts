/**
 * Reads text back out of a PDF with poppler's `pdftotext`, the way the test suites check printed
 * documents. Needs poppler-utils on the machine (installed by `.ci/run`).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function withPdfFile<T>(pdf: Uint8Array, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * How pdftotext orders the text. `reading` (its default) rebuilds lines and columns from positions, but
 * joins runs of one-letter words ("a b c" comes out as "abc"), taking them for letter-spaced text;
 * `raw` keeps the order in which the text was drawn and every space.
 */
export type PdfTextMode = 'reading' | 'raw' | 'layout';

/** The text of every page; pages are separated by a form feed (\f). */
export async function pdfToText(pdf: Uint8Array, mode: PdfTextMode = 'reading'): Promise<string> {
  return withPdfFile(pdf, async (file) => {
    const args = [...(mode === 'reading' ? [] : [`-${mode}`]), '-enc', 'UTF-8', file, '-'];
    const { stdout } = await run('pdftotext', args, { maxBuffer: 64 * 1024 * 1024 });
    return stdout.normalize('NFC');
  });
}

/** The number of pages, from `pdfinfo`. */
export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', [file]);
    const match = /^Pages:\s+(\d+)/m.exec(stdout);
    if (!match) throw new Error('pdfinfo reported no page count');
    return Number(match[1]);
  });
}

export interface PdfWord {
  /** 1-based page number. */
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** Every word with its box in points from the top-left of its page (`pdftotext -bbox`), for layout checks. */
export async function pdfWords(pdf: Uint8Array): Promise<PdfWord[]> {
  const html = await withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  });
  const words: PdfWord[] = [];
  let page = 0;
  const pattern = /<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const match of html.matchAll(pattern)) {
    if (match[0] === '<page') {
      page++;
      continue;
    }
    words.push({
      page,
      text: (match[5] ?? '').replace(/&(amp|lt|gt|quot|apos|#39);/g, (_m, name: string) => ENTITIES[name] ?? '').normalize('NFC'),
      xMin: Number(match[1]),
      yMin: Number(match[2]),
      xMax: Number(match[3]),
      yMax: Number(match[4]),
    });
  }
  return words;
}
