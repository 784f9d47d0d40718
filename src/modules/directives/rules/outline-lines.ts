import { fold } from './agency-match.js';

/**
 * The lines of a pasted document and what each one opens. Texts come from Word, PDFs and legal
 * websites: hard-wrapped, with markdown bold, table borders ("|") of the website's two-column
 * heading, decorative "-------" rules, non-breaking and zero-width spaces.
 */
export type Line =
  | { kind: 'blank' }
  | { kind: 'part'; numeral: string; title: string }
  | { kind: 'item'; n: number; rest: string }
  | { kind: 'dotted'; n: number; m: number; rest: string }
  | { kind: 'letter'; letter: string; rest: string }
  | { kind: 'bullet'; text: string }
  | { kind: 'text'; text: string };

/** Vietnamese lettered lists: a b c d đ e g h i k l m n o p q r s t u v x y (no f, j, w, z). */
export const LETTERS = 'abcdđeghiklmnopqrstuvxy';

const ROMAN = /^(?=[IVXL])(L?X{0,3})(IX|IV|V?I{0,3})$/;
const ORDINAL: Record<string, string> = { nhat: 'I', hai: 'II', ba: 'III', tu: 'IV', bon: 'IV', nam: 'V', sau: 'VI', bay: 'VII', tam: 'VIII', chin: 'IX', muoi: 'X' };

export function romanValue(numeral: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const a = v[numeral[i]!] ?? 0;
    const b = v[numeral[i + 1] ?? ''] ?? 0;
    total += a < b ? -a : a;
  }
  return total;
}

export function cleanLine(raw: string): string {
  return raw
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/^[\s|]+|[\s|]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function classify(line: string): Line {
  if (!line || /^[-–—_=*.]{3,}$/.test(line)) return { kind: 'blank' };
  // "Phần I", "PHẦN II: …", "Phần thứ nhất"
  const phan = /^ph[aầ]n\s+(?:th[uứ]\s+)?([IVXL]+|\d{1,2}|[\p{L}]+)(?![\p{L}\d])\s*[.:\-–)]?\s*(.*)$/iu.exec(line);
  if (phan) {
    const raw = phan[1]!;
    const numeral = ROMAN.test(raw.toUpperCase()) ? raw.toUpperCase() : /^\d+$/.test(raw) ? raw : ORDINAL[fold(raw)];
    if (numeral) return { kind: 'part', numeral, title: phan[2]!.trim() };
  }
  const roman = /^([IVXL]{1,6})\s*[.):\-–]\s*(.*)$/.exec(line);
  if (roman && ROMAN.test(roman[1]!)) return { kind: 'part', numeral: roman[1]!, title: roman[2]!.trim() };
  const dotted = /^(\d{1,2})\.(\d{1,2})\.?(?!\d)\s*(.+)$/.exec(line);
  if (dotted) return { kind: 'dotted', n: Number(dotted[1]), m: Number(dotted[2]), rest: dotted[3]! };
  const item = /^(\d{1,2})\s*[.)](?![\d/])\s*(.+)$/.exec(line);
  if (item) return { kind: 'item', n: Number(item[1]), rest: item[2]! };
  const letter = /^([a-zđ])\s*(?:\)|\.(?![\p{L}\d]))\s*(.+)$/u.exec(line);
  if (letter) return { kind: 'letter', letter: letter[1]!, rest: letter[2]! };
  if (/^[-–+•*·]\s*\S/.test(line)) return { kind: 'bullet', text: line.replace(/^[-–+•*·]\s*/, '- ') };
  return { kind: 'text', text: line };
}

/** The recipients list, the signature block: nothing after it is the document's body. */
export function isSignature(line: string): boolean {
  return /^(?:noi nhan|tm\.|t\/m|kt\.|tl\.|tuq\.|q\. chu tich)|^(?:pho )?chu tich$|^giam doc$/.test(fold(line));
}

/** The closing request after the last item ("Căn cứ nội dung Chỉ thị, yêu cầu…", "Trên đây là Kế hoạch…"). */
export function isClosing(line: string): boolean {
  return /^(?:can cu (?:vao )?noi dung|tren day la|chi thi nay co hieu luc|ke hoach nay co hieu luc|(?:ubnd|uy ban nhan dan|chu tich ubnd) tinh yeu cau .*nghiem tuc)/.test(fold(line));
}

/**
 * Lines hard-wrapped inside a sentence are one line again: a line goes on the one above unless that
 * ended a sentence (., :, ; …) or the line is a bullet; a blank line always ends a paragraph.
 */
export function appendLine(text: string, line: string, paragraph: boolean): string {
  if (!text) return line;
  if (paragraph || /^- /.test(line) || /[.:;!?]["”)]?$/.test(text)) return `${text}\n${line}`;
  return `${text} ${line}`;
}
