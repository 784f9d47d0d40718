/**
 * Text normalisation for the catalogue search ("dang ky khai sinh" finds "Đăng ký khai sinh").
 *
 * It must give the same string as the database's expression, so that a query normalised here
 * matches the trigram/full-text index built in SQL:
 *
 *     btrim(regexp_replace(lower(unaccent('unaccent', txt)), '[^a-z0-9]+', ' ', 'g'))
 *
 * Steps: strip Vietnamese marks (Đ/đ is a letter of its own, not a d with a mark, so it is mapped
 * explicitly), lowercase, and turn every run of other characters — spaces, punctuation — into one
 * space. Punctuation goes too because unaccent rewrites some of it (— → -, “ → ") and PostgreSQL's
 * `\s` does not match a non-breaking space, so keeping it would make the two sides disagree; a code
 * such as 1.000948 becomes "1 000948" on both sides and is still found.
 *
 * Order matters on the SQL side: `unaccent` first, then `lower`. Under the C collation PostgreSQL
 * 15 lowercases only ASCII, and unaccent has already turned every Vietnamese letter into ASCII.
 * search.sql.test.ts checks both sides against each other on PGlite for the whole Vietnamese
 * alphabet, precomposed (NFC) and decomposed (NFD).
 *
 * Deliberately simple: no stop words, no syllable handling, nothing beyond the Vietnamese alphabet
 * (letters of other scripts and symbols are dropped here, while unaccent spells some out:
 * æ → ae, © → (C), ½ → 1/2).
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The SQL expression equivalent to `normalizeForSearch`, with `$1` as its argument. */
export const NORMALIZE_FOR_SEARCH_SQL = "btrim(regexp_replace(lower(unaccent('unaccent', $1)), '[^a-z0-9]+', ' ', 'g'))";

/** The text a procedure is found by: code, name, field and keywords, normalised. */
export function procedureSearchText(p: {
  code: string;
  name: string;
  field: { name: string };
  keywords?: readonly string[];
}): string {
  return normalizeForSearch([p.code, p.name, p.field.name, ...(p.keywords ?? [])].join(' '));
}
