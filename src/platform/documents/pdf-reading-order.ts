/**
 * Reading order of the text on a page, by recursive X-Y cuts: split the runs wherever a band of white
 * space crosses the whole group — across the page (rows) or down it (columns) — taking the wider band
 * first, until no band is left. A two-column heading ("ỦY BAN NHÂN DÂN…" beside "CỘNG HÒA XÃ HỘI…")
 * comes out as two blocks, one after the other, as a person reads it; ordinary lines stay in order.
 */
export type TextRun = {
  text: string;
  /** Left edge and top of the glyph box, in points from the page's top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Distance of the baseline from the top of the page. */
  baseline: number;
  /** Font size in points. */
  size: number;
  /** Drawn turned round (right to left, upside down). */
  reversed?: boolean;
};

type Band = { at: number; width: number; axis: 'rows' | 'columns' };

const bottom = (r: TextRun) => r.y + r.height;

/** The widest gap between the intervals [start, end) of the runs along one axis, if any. */
function widestGap(runs: TextRun[], start: (r: TextRun) => number, end: (r: TextRun) => number): { at: number; width: number } | undefined {
  const sorted = [...runs].sort((a, b) => start(a) - start(b));
  let reach = end(sorted[0]!);
  let best: { at: number; width: number } | undefined;
  for (const r of sorted.slice(1)) {
    const gap = start(r) - reach;
    if (gap > 0 && (!best || gap > best.width)) best = { at: reach + gap / 2, width: gap };
    reach = Math.max(reach, end(r));
  }
  return best;
}

function bestBand(runs: TextRun[]): Band | undefined {
  const size = Math.min(...runs.map((r) => r.size));
  const rows = widestGap(runs, (r) => r.y, bottom);
  const columns = widestGap(runs, (r) => r.x, (r) => r.x + r.width);
  // A gap between words of one line is not a column: a column gap is wider than a couple of spaces.
  const column = columns && columns.width >= size * 1.2 ? { ...columns, axis: 'columns' as const } : undefined;
  const row = rows ? { ...rows, axis: 'rows' as const } : undefined;
  if (column && (!row || column.width > row.width)) return column;
  return row;
}

/** The runs of a page as blocks in reading order (top to bottom, then left to right). */
export function readingOrder(runs: TextRun[]): TextRun[][] {
  if (runs.length <= 1) return runs.length ? [runs] : [];
  const band = bestBand(runs);
  if (!band) return [runs];
  const before = band.axis === 'rows' ? runs.filter((r) => bottom(r) <= band.at) : runs.filter((r) => r.x + r.width <= band.at);
  const after = runs.filter((r) => !before.includes(r));
  if (!before.length || !after.length) return [runs];
  const merged = [...readingOrder(before), ...readingOrder(after)];
  // Consecutive single-line row blocks are one paragraph: keep them together so lines are joined by \n.
  return band.axis === 'rows' ? mergeRows(merged) : merged;
}

function mergeRows(blocks: TextRun[][]): TextRun[][] {
  const out: TextRun[][] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    const lastBottom = last ? Math.max(...last.map(bottom)) : 0;
    const top = Math.min(...b.map((r) => r.y));
    if (last && sameColumn(last, b) && top >= lastBottom - 0.5) last.push(...b);
    else out.push([...b]);
  }
  return out;
}

function sameColumn(a: TextRun[], b: TextRun[]): boolean {
  const span = (x: TextRun[]) => [Math.min(...x.map((r) => r.x)), Math.max(...x.map((r) => r.x + r.width))] as const;
  const [a0, a1] = span(a);
  const [b0, b1] = span(b);
  return b0 < a1 && a0 < b1;
}
