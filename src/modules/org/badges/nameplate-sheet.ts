/**
 * Desk nameplates (biển chức danh) for the one-stop desk: name, position and unit in large type so a
 * citizen at the counter can read who serves them (Decree 118 art. 11 and art. 13 on the desk's
 * equipment). Each plate is half of an A4 landscape page.
 *
 * pdfmake cannot rotate text, so each plate face is an SVG drawn with the same Tinos font; that is what
 * lets the back of a folded tent be printed upside down.
 */
import type { Content, DocumentDefinition } from '../../../platform/documents/index.js';
import { DOCUMENT_FONT, estimateTextWidth, fitFontSize, mm, renderPdf } from '../../../platform/documents/index.js';
import { pageOf, pages } from './sheet-layout.js';
import type { BadgeStaff, NameplateSheetOptions } from './types.js';

const PAGE = { width: mm(297), height: mm(210) };
const FACE_HEIGHT = PAGE.height / 2;
const SIDE_MARGIN = mm(15);
const TEXT_WIDTH = PAGE.width - 2 * SIDE_MARGIN;
const DEFAULT_ACCENT = '#9b1c1c';

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

interface Line {
  text: string;
  baseline: number;
  max: number;
  min: number;
  bold: boolean;
  color: string;
}

/** One centred line; squeezed to the face's width if even the smallest size would overflow. */
function svgLine(line: Line): string {
  const size = fitFontSize(line.text, TEXT_WIDTH, { max: line.max, min: line.min, bold: line.bold });
  const tooWide = estimateTextWidth(line.text, size, line.bold) > TEXT_WIDTH;
  const squeeze = tooWide ? ` textLength="${TEXT_WIDTH.toFixed(1)}" lengthAdjust="spacingAndGlyphs"` : '';
  return (
    `<text x="${(PAGE.width / 2).toFixed(1)}" y="${line.baseline.toFixed(1)}" text-anchor="middle" ` +
    `font-family="${DOCUMENT_FONT}" font-weight="${line.bold ? 'bold' : 'normal'}" font-size="${size}" ` +
    `fill="${line.color}"${squeeze}>${escapeXml(line.text)}</text>`
  );
}

/** One plate face, `FACE_HEIGHT` tall; upside down for the back of a tent. */
function faceSvg(person: BadgeStaff, accent: string, upsideDown: boolean): string {
  const lines: Line[] = [
    { text: person.unitName.toLocaleUpperCase('vi'), baseline: mm(21), max: 20, min: 10, bold: false, color: accent },
  ];
  const position = person.position.trim();
  if (position) {
    lines.push({ text: position.toLocaleUpperCase('vi'), baseline: mm(45), max: 32, min: 14, bold: true, color: '#1a1a1a' });
  }
  lines.push({ text: person.fullName, baseline: position ? mm(76) : mm(64), max: 60, min: 24, bold: true, color: '#000000' });

  const ruleHalf = mm(45);
  const centre = PAGE.width / 2;
  const body = [
    `<line x1="${(centre - ruleHalf).toFixed(1)}" y1="${mm(27).toFixed(1)}" x2="${(centre + ruleHalf).toFixed(1)}" y2="${mm(27).toFixed(1)}" stroke="${accent}" stroke-width="1.2"/>`,
    `<rect x="${SIDE_MARGIN.toFixed(1)}" y="${mm(93).toFixed(1)}" width="${TEXT_WIDTH.toFixed(1)}" height="${mm(1.5).toFixed(1)}" fill="${accent}"/>`,
    ...lines.map(svgLine),
  ].join('');
  const turned = upsideDown
    ? `<g transform="rotate(180 ${centre.toFixed(1)} ${(FACE_HEIGHT / 2).toFixed(1)})">${body}</g>`
    : body;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE.width.toFixed(1)}" height="${FACE_HEIGHT.toFixed(1)}" ` +
    `viewBox="0 0 ${PAGE.width.toFixed(1)} ${FACE_HEIGHT.toFixed(1)}">${turned}</svg>`
  );
}

function face(person: BadgeStaff, accent: string, top: number, upsideDown: boolean): Content {
  return {
    svg: faceSvg(person, accent, upsideDown),
    width: PAGE.width,
    height: FACE_HEIGHT,
    absolutePosition: { x: 0, y: top },
  };
}

/** The dashed line across the middle of the page, with a small note on what to do with it. */
function middleLine(note: string): Content[] {
  return [
    {
      canvas: [
        { type: 'line', x1: mm(5), y1: FACE_HEIGHT, x2: PAGE.width - mm(5), y2: FACE_HEIGHT, lineWidth: 0.5, lineColor: '#808080', dash: { length: 4, space: 3 } },
      ],
      absolutePosition: { x: 0, y: 0 },
    },
    { text: note, fontSize: 7, color: '#808080', absolutePosition: { x: mm(5), y: FACE_HEIGHT + 2 } },
  ];
}

/**
 * Renders nameplates for `staff`: by default one folding tent per page (both sides readable), or with
 * `layout: 'flat'` two plates per page to cut apart.
 */
export async function renderNameplateSheet(staff: readonly BadgeStaff[], options: NameplateSheetOptions = {}): Promise<Buffer> {
  if (staff.length === 0) throw new RangeError('A nameplate sheet needs at least one person');
  const accent = options.accentColor ?? DEFAULT_ACCENT;
  const layout = options.layout ?? 'tent';
  const content: Content[] =
    layout === 'tent'
      ? staff.map((person, index) =>
          pageOf([...middleLine('Gấp theo đường này'), face(person, accent, 0, true), face(person, accent, FACE_HEIGHT, false)], index),
        )
      : pages(staff, 2).map((pair, index) =>
          pageOf(
            [...middleLine('Cắt theo đường này'), ...pair.map((person, slot) => face(person, accent, slot * FACE_HEIGHT, false))],
            index,
          ),
        );
  const definition: DocumentDefinition = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: 0,
    info: { title: 'Biển chức danh' },
    content,
  };
  return renderPdf(definition);
}
