/**
 * "Did you mean": a word of a search that starts no word of the catalogue is matched against the
 * catalogue's own words by edit distance (insertions, deletions, substitutions and swaps of two
 * neighbouring letters — the typing slips "sihn", "hno", "dnag", "karaoek"). Trigram similarity misses
 * these in short words (Vietnamese words are short: "sihn" and "sinh" share two trigrams of eight), and
 * comparing against a few thousand distinct words costs less than a similarity per procedure.
 */

/** Edit distance with swaps (optimal string alignment), or `max + 1` as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** How far a word of this length may be from a catalogue word: none under 3 letters, 2 from 8. */
export const allowedDistance = (length: number): number => (length < 3 ? 0 : length < 8 ? 1 : 2);

export type Vocabulary = {
  /** Distinct words of letters (codes and numbers are searched as typed), by length, with how many texts hold each. */
  byLength: Map<number, [string, number][]>;
  /** Every distinct word, sorted, to tell quickly whether a typed word starts one of them. */
  sorted: string[];
};

export function vocabularyOf(texts: Iterable<string>): Vocabulary {
  const words = new Map<string, number>();
  for (const t of texts) for (const w of new Set(t.split(' '))) if (w) words.set(w, (words.get(w) ?? 0) + 1);
  const byLength = new Map<number, [string, number][]>();
  for (const [w, n] of words) {
    if (/\d/.test(w)) continue;
    const list = byLength.get(w.length) ?? [];
    list.push([w, n]);
    byLength.set(w.length, list);
  }
  return { byLength, sorted: [...words.keys()].sort() };
}

/** Whether some catalogue word starts with `w` (the exact pass would find it). */
export function startsSomeWord(v: Vocabulary, w: string): boolean {
  let lo = 0;
  let hi = v.sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.sorted[mid]! < w) lo = mid + 1;
    else hi = mid;
  }
  return lo < v.sorted.length && v.sorted[lo]!.startsWith(w);
}

/**
 * The words to search for instead of a query's: each word the catalogue knows stays as it is; each it
 * does not know becomes the nearest catalogue words (those at the smallest distance, the most used
 * first; at most `limit`). Null when no word needed correcting, or one could not be corrected (the later passes try).
 */
export function corrections(words: string[], v: Vocabulary, limit = 6): string[][] | null {
  let corrected = false;
  const out: string[][] = [];
  for (const w of words) {
    if (startsSomeWord(v, w)) { out.push([w]); continue; }
    const max = allowedDistance(w.length);
    if (max === 0) return null;
    const near: { word: string; d: number; n: number }[] = [];
    for (let len = w.length - max; len <= w.length + max; len++) {
      for (const [word, n] of v.byLength.get(len) ?? []) {
        const d = editDistance(w, word, max);
        if (d <= max) near.push({ word, d, n });
      }
    }
    if (!near.length) return null;
    // Only the nearest: a farther word would bring in what the typist did not mean.
    const nearest = Math.min(...near.map((x) => x.d));
    out.push(near.filter((x) => x.d === nearest).sort((a, b) => b.n - a.n || (a.word < b.word ? -1 : 1)).slice(0, limit).map((x) => x.word));
    corrected = true;
  }
  return corrected ? out : null;
}
