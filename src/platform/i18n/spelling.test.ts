import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;
const DIRS = ['src', 'web/src', 'demo', 'docs', 'test'];
const SELF = new URL(import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : files(path);
    return /\.(ts|tsx|json|md|css|html)$/.test(e.name) ? [path] : [];
  });
}

/**
 * One way to place the tone mark. Vietnamese has two habits for the open syllables oa, oe and uy
 * ("xóa" and "xoá"); the code base uses the one of most official documents and of our own text —
 * on the first vowel: xóa, khóa, hóa, hủy, thủy. "quý" is not one of these (the u belongs to qu).
 */
const OLD_STYLE = /[\p{L}]*(?:o[áàảãạ]|o[éèẻẽẹ]|(?<![qQ])u[ýỳỷỹỵ])(?![\p{L}])/giu;

describe('one spelling of Vietnamese words', () => {
  it('writes "Xóa", "khóa", "hóa", "hủy" (the mark on the first vowel) everywhere in code, data and docs', () => {
    const found: string[] = [];
    for (const dir of DIRS) {
      for (const file of files(join(ROOT, dir))) {
        if (file === SELF) continue; // its examples spell the old way on purpose
        const lines = readFileSync(file, 'utf8').split('\n');
        lines.forEach((line, i) => {
          for (const m of line.matchAll(OLD_STYLE)) found.push(`${relative(ROOT, file)}:${i + 1} ${m[0]}`);
        });
      }
    }
    expect(found).toEqual([]);
  });

  it('recognises the old placement and leaves "quý" alone', () => {
    expect('Xoá dòng; tạm khoá; huỷ; hoà; quý; quỹ; Xóa; hoán đổi'.match(OLD_STYLE)).toEqual(['Xoá', 'khoá', 'huỷ', 'hoà']);
  });
});
