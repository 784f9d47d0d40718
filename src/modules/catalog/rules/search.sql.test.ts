import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { NORMALIZE_FOR_SEARCH_SQL, normalizeForSearch } from './search.js';

// The database layer indexes the SQL expression; a query normalised in TypeScript must land on the
// same string, or diacritic-free search silently misses. This runs the real unaccent rules.
const LOWER = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
const TONES = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const VOWELS = 'aăâeêioôơuưy';

function vietnameseAlphabet(): string[] {
  const letters = [...LOWER];
  for (const v of VOWELS) for (const t of TONES) letters.push((v + t).normalize('NFC'));
  return [...letters, ...letters.map((l) => l.toUpperCase())];
}

const SAMPLES = [
  'Đăng ký khai sinh',
  'CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN',
  '  Thủ tục   liên thông\tđăng ký thường trú ',
  'Cấp Phiếu lý lịch tư pháp số 1, số 2 (1.000948.H30)',
  'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
  'Ngữ văn; Hưởng ưu đãi; Nghỉ hưu — 15:00',
  'Cấp\u00a0phép karaoke',
  '“Hộ tịch” … ‘trích lục’ – «x»',
];

describe('normalizeForSearch agrees with the SQL expression on PGlite', () => {
  let db: PGlite;

  beforeAll(async () => {
    db = new PGlite({ extensions: { unaccent } });
    await db.exec('CREATE EXTENSION IF NOT EXISTS unaccent');
  });

  afterAll(async () => {
    await db.close();
  });

  async function sql(text: string): Promise<string> {
    const result = await db.query<{ n: string }>(`SELECT ${NORMALIZE_FOR_SEARCH_SQL} AS n`, [text]);
    return result.rows[0]!.n;
  }

  it('for every letter of the Vietnamese alphabet, precomposed and decomposed', async () => {
    for (const letter of vietnameseAlphabet()) {
      expect(await sql(letter), letter).toBe(normalizeForSearch(letter));
      const nfd = letter.normalize('NFD');
      expect(await sql(nfd), `${letter} (NFD)`).toBe(normalizeForSearch(nfd));
    }
  });

  it.each(SAMPLES)('for "%s"', async (text) => {
    expect(await sql(text)).toBe(normalizeForSearch(text));
    expect(await sql(text.normalize('NFD'))).toBe(normalizeForSearch(text));
  });
});
