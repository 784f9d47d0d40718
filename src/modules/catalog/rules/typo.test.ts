import { describe, expect, it } from 'vitest';
import { corrections, editDistance, startsSomeWord, vocabularyOf } from './typo.js';

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one each', () => {
    expect(editDistance('sihn', 'sinh', 2)).toBe(1);
    expect(editDistance('karaoek', 'karaoke', 2)).toBe(1);
    expect(editDistance('sinhh', 'sinh', 2)).toBe(1);
    expect(editDistance('snh', 'sinh', 2)).toBe(1);
    expect(editDistance('sanh', 'sinh', 2)).toBe(1);
    expect(editDistance('sinh', 'sinh', 2)).toBe(0);
    expect(editDistance('dnga', 'dang', 2)).toBe(2);
  });

  it('gives up past the bound', () => {
    expect(editDistance('khai', 'xyzw', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('corrections from the catalogue’s own words', () => {
  const v = vocabularyOf(['dang ky khai sinh', 'dang ky khai tu', 'dang ky ket hon', 'giay phep kinh doanh karaoke', 'chung thuc di chuc', 'hon nhan']);

  it('keeps the words the catalogue knows, also as the start of a word', () => {
    expect(startsSomeWord(v, 'kar')).toBe(true);
    expect(startsSomeWord(v, 'sinh')).toBe(true);
    expect(startsSomeWord(v, 'sihn')).toBe(false);
    expect(corrections(['dang', 'ky', 'khai', 'sinh'], v)).toBeNull();
  });

  it('replaces each unknown word by the nearest known ones, the most used first', () => {
    expect(corrections(['khai', 'sihn'], v)).toEqual([['khai'], ['sinh']]);
    expect(corrections(['dnag', 'ky', 'khai', 'tu'], v)).toEqual([['dang'], ['ky'], ['khai'], ['tu']]);
    expect(corrections(['ket', 'hno'], v)).toEqual([['ket'], ['hon']]);
    expect(corrections(['giay', 'phep', 'karaoek'], v)).toEqual([['giay'], ['phep'], ['karaoke']]);
  });

  it('gives up when a word is too short to correct or nothing is near (the later passes try)', () => {
    expect(corrections(['khai', 'xq'], v)).toBeNull();
    expect(corrections(['khai', 'zzzzzz'], v)).toBeNull();
  });
});
