/**
 * A4 sheets of staff badges. Decree 118/2025 art. 11 requires officials at the one-stop desk to wear a
 * badge (thẻ công chức, viên chức, nhân viên); the card carries the photo, full name, position, unit and
 * badge number, the agency and the province (a section's name repeats in every commune), and a QR code
 * to the public page where citizens see who served them (Directive 16, item 2).
 *
 * Cards are ID-1 size (85.6 × 54 mm, the size of badge holders and laminating pouches), upright, nine
 * to a page with crop marks.
 */
import type { Content, DocumentDefinition } from '../../../platform/documents/index.js';
import { estimateTextWidth, fitFontSize, mm, qrSvg, renderPdf } from '../../../platform/documents/index.js';
import { initials, photoDataUrl } from './photo.js';
import { cropMarks, pageOf, pages, placed, type Box } from './sheet-layout.js';
import type { BadgeSheetOptions, BadgeStaff } from './types.js';

const CARD_WIDTH = mm(54);
const CARD_HEIGHT = mm(85.6);
const COLUMNS = 3;
const ROWS = 3;
export const BADGES_PER_PAGE = COLUMNS * ROWS;
const GAP = mm(8);
const A4 = { width: mm(210), height: mm(297) };
const LEFT = (A4.width - COLUMNS * CARD_WIDTH - (COLUMNS - 1) * GAP) / 2;
const TOP = (A4.height - ROWS * CARD_HEIGHT - (ROWS - 1) * GAP) / 2;

const HEADER_HEIGHT = mm(14);
const PHOTO = { x: mm(4), y: mm(17), width: mm(24), height: mm(32) };
// The QR code and its caption sit level with the middle of the photo.
const QR = { x: mm(31), y: mm(20), size: mm(19) };
const TEXT = { x: mm(3), y: mm(52), width: CARD_WIDTH - mm(6) };
const NUMBER_Y = mm(77.5);
const FOOTER_HEIGHT = mm(2.5);

const DEFAULTS = {
  cardTitle: 'THẺ CÔNG CHỨC',
  qrCaption: 'Quét mã để xác minh thông tin cán bộ',
  accentColor: '#9b1c1c',
};

/** Where the `index`-th card of a page lies, in points from the page's top-left corner. */
export function badgeCardBox(index: number): Box {
  const column = index % COLUMNS;
  const row = Math.floor(index / COLUMNS);
  return { x: LEFT + column * (CARD_WIDTH + GAP), y: TOP + row * (CARD_HEIGHT + GAP), width: CARD_WIDTH, height: CARD_HEIGHT };
}

/** Name on one line when it fits at a readable size, otherwise on two. */
function nameSize(name: string): number {
  const oneLine = fitFontSize(name, TEXT.width, { max: 13, min: 10, bold: true });
  if (estimateTextWidth(name, oneLine, true) <= TEXT.width) return oneLine;
  return fitFontSize(name, TEXT.width, { max: 11, min: 8, bold: true, lines: 2 });
}

interface CardOptions {
  organization: string | null;
  cardTitle: string;
  qrCaption: string;
  accentColor: string;
}

async function card(person: BadgeStaff, box: Box, options: CardOptions, withPhoto: boolean): Promise<Content[]> {
  const { x, y } = box;
  const photo = withPhoto ? photoDataUrl(person.photo) : null;
  const headerWidth = CARD_WIDTH - mm(4);
  const header: Content[] = [];
  const organization = person.provinceName?.trim() ? person.provinceName.trim().toLocaleUpperCase('vi') : options.organization;
  if (organization) {
    header.push({ text: organization, fontSize: fitFontSize(organization, headerWidth, { max: 7.5, min: 5.5 }) });
  }
  header.push({
    text: options.cardTitle,
    bold: true,
    fontSize: fitFontSize(options.cardTitle, headerWidth, { max: 10, min: 7, bold: true }),
  });

  const nodes: Content[] = [
    {
      canvas: [
        { type: 'rect', x: 0, y: 0, w: CARD_WIDTH, h: HEADER_HEIGHT, color: options.accentColor },
        { type: 'rect', x: 0, y: CARD_HEIGHT - FOOTER_HEIGHT, w: CARD_WIDTH, h: FOOTER_HEIGHT, color: options.accentColor },
        { type: 'rect', x: 0, y: 0, w: CARD_WIDTH, h: CARD_HEIGHT, lineColor: '#b8b8b8', lineWidth: 0.5 },
        ...(photo
          ? []
          : [{ type: 'rect' as const, x: PHOTO.x, y: PHOTO.y, w: PHOTO.width, h: PHOTO.height, color: '#e6e6e6', lineColor: '#c4c4c4', lineWidth: 0.5 }]),
      ],
      absolutePosition: { x, y },
    },
    placed(x + mm(2), y + (organization ? mm(3) : mm(4.6)), headerWidth, [
      { stack: header, alignment: 'center', color: '#ffffff', lineHeight: 1.05 },
    ]),
  ];

  if (photo) {
    nodes.push({ image: photo, cover: { width: PHOTO.width, height: PHOTO.height }, absolutePosition: { x: x + PHOTO.x, y: y + PHOTO.y } });
  } else {
    const letters = initials(person.fullName);
    nodes.push(
      placed(x + PHOTO.x, y + PHOTO.y + PHOTO.height / 2 - 15, PHOTO.width, [
        { text: letters, fontSize: 26, bold: true, color: '#8c8c8c', alignment: 'center' },
      ]),
    );
  }

  nodes.push(
    { svg: await qrSvg(person.qrUrl, { margin: 1 }), width: QR.size, height: QR.size, absolutePosition: { x: x + QR.x, y: y + QR.y } },
    placed(x + QR.x - mm(1), y + QR.y + QR.size + mm(1), QR.size + mm(2), [
      { text: options.qrCaption, fontSize: 5.5, alignment: 'center', lineHeight: 1, color: '#333333' },
    ]),
  );

  const details: Content[] = [
    { text: person.fullName, bold: true, fontSize: nameSize(person.fullName), lineHeight: 1, margin: [0, 0, 0, 3] },
  ];
  const position = person.position.trim();
  if (position) {
    details.push({ text: position, fontSize: fitFontSize(position, TEXT.width, { max: 9.5, min: 7, lines: 2 }), margin: [0, 0, 0, 2] });
  }
  // The unit and its agency share one size so that the pair reads as one address, on up to three lines.
  const agency = person.agencyName?.trim() && person.agencyName.trim() !== person.unitName.trim() ? person.agencyName.trim() : null;
  const affiliationSize = fitFontSize(agency ? `${person.unitName} ${agency}` : person.unitName, TEXT.width, { max: 8.5, min: 6, lines: agency ? 3 : 2 });
  details.push({ text: person.unitName, italics: true, fontSize: affiliationSize });
  if (agency) details.push({ text: agency, bold: true, fontSize: affiliationSize });
  nodes.push(placed(x + TEXT.x, y + TEXT.y, TEXT.width, [{ stack: details, alignment: 'center', lineHeight: 1.05, color: '#111111' }]));

  const badgeNumber = person.badgeNumber.trim() || '……………';
  nodes.push(
    placed(x + TEXT.x, y + NUMBER_Y, TEXT.width, [
      { text: [{ text: 'Số thẻ: ' }, { text: badgeNumber, bold: true }], fontSize: 8.5, alignment: 'center' },
    ]),
  );
  return nodes;
}

async function sheetDefinition(staff: readonly BadgeStaff[], options: BadgeSheetOptions, withPhoto: (i: number) => boolean): Promise<DocumentDefinition> {
  const cardOptions: CardOptions = {
    organization: options.organizationName?.trim() ? options.organizationName.trim().toLocaleUpperCase('vi') : null,
    cardTitle: (options.cardTitle ?? DEFAULTS.cardTitle).toLocaleUpperCase('vi'),
    qrCaption: options.qrCaption ?? DEFAULTS.qrCaption,
    accentColor: options.accentColor ?? DEFAULTS.accentColor,
  };
  const content: Content[] = [];
  let personIndex = 0;
  for (const [pageIndex, people] of pages(staff, BADGES_PER_PAGE).entries()) {
    const boxes = people.map((_, i) => badgeCardBox(i));
    const nodes: Content[] = [cropMarks(boxes)];
    for (const [i, person] of people.entries()) {
      nodes.push(...(await card(person, boxes[i] as Box, cardOptions, withPhoto(personIndex++))));
    }
    content.push(pageOf(nodes, pageIndex));
  }
  return {
    pageSize: 'A4',
    pageMargins: 0,
    info: { title: 'Thẻ cán bộ, công chức' },
    defaultStyle: { fontSize: 9 },
    content,
  };
}

/** Whether PDFKit can embed this person's photo (a PNG/JPEG header can hide a damaged file). */
async function photoRenders(person: BadgeStaff): Promise<boolean> {
  const photo = photoDataUrl(person.photo);
  if (!photo) return true;
  try {
    await renderPdf({ content: [{ image: photo, width: 10 }] });
    return true;
  } catch {
    return false;
  }
}

/**
 * Renders badges for `staff`, nine to an A4 page, in the given order. A person without a usable photo
 * gets a placeholder with their initials; a damaged photo is replaced the same way rather than stopping
 * the whole sheet.
 */
export async function renderBadgeSheet(staff: readonly BadgeStaff[], options: BadgeSheetOptions = {}): Promise<Buffer> {
  if (staff.length === 0) throw new RangeError('A badge sheet needs at least one person');
  try {
    return await renderPdf(await sheetDefinition(staff, options, () => true));
  } catch (error) {
    const usable = await Promise.all(staff.map(photoRenders));
    if (usable.every(Boolean)) throw error;
    return renderPdf(await sheetDefinition(staff, options, (i) => usable[i] ?? false));
  }
}
