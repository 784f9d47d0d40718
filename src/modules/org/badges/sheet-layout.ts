import type { Content } from '../../../platform/documents/index.js';
import { mm } from '../../../platform/documents/index.js';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Vector = { type: 'line'; x1: number; y1: number; x2: number; y2: number; lineWidth: number; lineColor: string };

/**
 * Crop marks at the four corners of each box, drawn outside it with a small gap so that no mark shows on
 * a card that is cut exactly on the line.
 */
export function cropMarks(boxes: Box[], gap = mm(1), length = mm(3)): Content {
  const lines: Vector[] = [];
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    lines.push({ type: 'line', x1, y1, x2, y2, lineWidth: 0.4, lineColor: '#000000' });
  for (const { x, y, width, height } of boxes) {
    const right = x + width;
    const bottom = y + height;
    for (const [cx, cy, dx, dy] of [
      [x, y, -1, -1],
      [right, y, 1, -1],
      [x, bottom, -1, 1],
      [right, bottom, 1, 1],
    ] as const) {
      line(cx + dx * gap, cy, cx + dx * (gap + length), cy);
      line(cx, cy + dy * gap, cx, cy + dy * (gap + length));
    }
  }
  return { canvas: lines, absolutePosition: { x: 0, y: 0 } };
}

/** Splits a list into pages of `perPage`. */
export function pages<T>(items: readonly T[], perPage: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += perPage) result.push(items.slice(i, i + perPage));
  return result;
}

/** Wraps one page's absolutely placed nodes so that every page after the first starts on a new sheet. */
export function pageOf(nodes: Content[], index: number): Content {
  return { stack: nodes, ...(index > 0 ? { pageBreak: 'before' as const } : {}) };
}

/** A fixed-width block at an absolute position, so its text wraps inside the box. */
export function placed(x: number, y: number, width: number, stack: Content[]): Content {
  return { absolutePosition: { x, y }, columns: [{ width, stack }] };
}
