/**
 * Document layouts as data. A template is a JSON object listing blocks top to bottom; each text field
 * may hold `{{placeholders}}` (see template-text.ts). A province can change a slip's wording, columns or
 * signatures by editing its template, without a code change.
 *
 *   { "blocks": [
 *       { "type": "heading", "managingBody": "{{agency.parent}}", "issuingUnit": "{{agency.name}}",
 *         "number": "Số: {{number}}", "placeDate": "{{agency.place}}, {{issuedAt | officialDate}}" },
 *       { "type": "title", "text": "Giấy tiếp nhận hồ sơ" },
 *       { "type": "paragraph", "text": "Tiếp nhận hồ sơ của: **{{applicant.fullName}}**" },
 *       { "type": "table", "rows": "documents", "columns": [
 *           { "header": "STT", "text": "{{#}}", "width": 30, "align": "center" },
 *           { "header": "Tên giấy tờ", "text": "{{name}}" } ] },
 *       { "type": "signatures", "blocks": [{ "title": "Người nhận", "name": "{{officer}}" }] },
 *       { "type": "qr", "text": "{{lookupUrl}}", "when": "lookupUrl" } ] }
 */
import { z } from 'zod';
import type { Column, Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { mm, officialDocument, officialHeading, officialTitle, signatureRow } from './official-style.js';
import { renderPdf } from './pdf.js';
import { qrContent } from './qr.js';
import { fillRuns, fillText, isPresent, lookup, placeholderProblems, type Scope } from './template-text.js';

const align = z.enum(['left', 'center', 'right', 'justify']);
/** A data path such as `applicant.documents`. */
const path = z.string().regex(/^[A-Za-z_][\w]*(\.[\w]+)*$/, 'a dotted path such as applicant.fullName');
const when = { when: path.optional() };

const columnWidth = z.union([
  z.number().positive(),
  z.literal('*'),
  z.literal('auto'),
  z.string().regex(/^\d+(\.\d+)?%$/),
]);

/** Blocks that stand alone; a `columns` block sets some of them side by side. */
const leafBlocks = [
  z.strictObject({
    type: z.literal('heading'),
    managingBody: z.string().optional(),
    issuingUnit: z.string(),
    number: z.string().optional(),
    placeDate: z.string().optional(),
    ...when,
  }),
  z.strictObject({ type: z.literal('title'), text: z.string(), subtitle: z.string().optional(), ...when }),
  z.strictObject({
    type: z.literal('paragraph'),
    text: z.string(),
    align: align.optional(),
    bold: z.boolean().optional(),
    italics: z.boolean().optional(),
    /** First-line indent, as Decree 30 sets body paragraphs (1–1.27 cm). */
    indent: z.boolean().optional(),
    fontSize: z.number().min(6).max(40).optional(),
    ...when,
  }),
  z.strictObject({
    type: z.literal('list'),
    items: path,
    text: z.string(),
    marker: z.enum(['number', 'dash', 'none']).optional(),
    ...when,
  }),
  z.strictObject({
    type: z.literal('table'),
    rows: path,
    columns: z
      .array(z.strictObject({ header: z.string(), text: z.string(), width: columnWidth.optional(), align: align.optional() }))
      .min(1),
    empty: z.string().optional(),
    fontSize: z.number().min(6).max(40).optional(),
    /** Space above and below the text of each cell, in points (2 when absent). */
    rowPadding: z.number().min(0).max(12).optional(),
    ...when,
  }),
  z.strictObject({
    type: z.literal('signatures'),
    blocks: z
      .array(
        z.strictObject({
          title: z.string(),
          authority: z.string().optional(),
          note: z.string().optional(),
          name: z.string().optional(),
        }),
      )
      .min(1)
      .max(4),
    /** Height left for the handwritten signature, in points (60 when absent). */
    space: z.number().min(20).max(120).optional(),
    ...when,
  }),
  z.strictObject({
    type: z.literal('qr'),
    text: z.string(),
    size: z.number().min(28).max(300).optional(),
    align: z.enum(['left', 'center', 'right']).optional(),
    caption: z.string().optional(),
    ...when,
  }),
  z.strictObject({ type: z.literal('spacer'), height: z.number().min(0).max(400), ...when }),
] as const;

const leafBlockSchema = z.discriminatedUnion('type', leafBlocks);

/**
 * Blocks side by side, e.g. the QR code between the two signatures of a receipt so that the
 * applicant's key shares the page with the signatures instead of taking its own lines.
 */
const columnsBlockSchema = z.strictObject({
  type: z.literal('columns'),
  columns: z
    .array(z.strictObject({ width: columnWidth.optional(), blocks: z.array(leafBlockSchema).min(1) }))
    .min(2)
    .max(4),
  /** Space between the columns, in points. */
  gap: z.number().min(0).max(60).optional(),
  ...when,
});

const blockSchema = z.discriminatedUnion('type', [...leafBlocks, columnsBlockSchema]);

type LeafBlock = z.infer<typeof leafBlockSchema>;
export type TemplateBlock = z.infer<typeof blockSchema>;

function blockTexts(block: TemplateBlock): string[] {
  switch (block.type) {
    case 'columns':
      return block.columns.flatMap((column) => column.blocks.flatMap(blockTexts));
    case 'heading':
      return [block.managingBody, block.issuingUnit, block.number, block.placeDate].filter((t) => t !== undefined);
    case 'title':
      return [block.text, block.subtitle ?? ''];
    case 'paragraph':
    case 'list':
      return [block.text];
    case 'table':
      return [...block.columns.flatMap((c) => [c.header, c.text]), block.empty ?? ''];
    case 'signatures':
      return block.blocks.flatMap((b) => [b.title, b.authority ?? '', b.note ?? '', b.name ?? '']);
    case 'qr':
      return [block.text, block.caption ?? ''];
    case 'spacer':
      return [];
  }
}

export const documentTemplateSchema = z
  .strictObject({
    name: z.string().optional(),
    pageSize: z.enum(['A4', 'A5']).optional(),
    orientation: z.enum(['portrait', 'landscape']).optional(),
    fontSize: z.number().min(8).max(20).optional(),
    /** [left, top, right, bottom] in millimetres; Decree 30's margins when absent. */
    marginsMm: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
    /** Line height as a multiple of the font size (1.1 when absent). */
    lineHeight: z.number().min(0.9).max(2).optional(),
    /** Space after each paragraph and list, in points (6 when absent). */
    paragraphSpacing: z.number().min(0).max(24).optional(),
    blocks: z.array(blockSchema).min(1),
  })
  .superRefine((template, ctx) => {
    template.blocks.forEach((block, index) => {
      for (const text of blockTexts(block)) {
        for (const problem of placeholderProblems(text)) {
          ctx.addIssue({ code: 'custom', path: ['blocks', index], message: `${problem} in "${text}"` });
        }
      }
    });
  });

export type DocumentTemplate = z.infer<typeof documentTemplateSchema>;

/** Validates a template read from JSON (a file, the database, the admin UI). Throws a ZodError. */
export function parseDocumentTemplate(input: unknown): DocumentTemplate {
  return documentTemplateSchema.parse(input);
}

export class TemplateDataError extends Error {
  constructor(readonly missing: string[]) {
    super(`Template data is missing: ${missing.join(', ')}`);
    this.name = 'TemplateDataError';
  }
}

export interface TemplateRenderOptions {
  /** Throw `TemplateDataError` when a placeholder has no value, instead of printing a dotted blank. */
  strict?: boolean;
}

export interface BuiltTemplate {
  definition: TDocumentDefinitions;
  /** Placeholders that had no value and were printed as blanks. */
  missing: string[];
}

function rows(scope: Scope, rowsPath: string, missing: Set<string>): Record<string, unknown>[] {
  const value = lookup(scope, rowsPath);
  if (value === undefined || value === null) {
    missing.add(rowsPath);
    return [];
  }
  if (!Array.isArray(value)) throw new TypeError(`"${rowsPath}" must be a list to fill a list or table`);
  return value.map((row, index) => ({
    ...(row !== null && typeof row === 'object' ? (row as Record<string, unknown>) : { value: row }),
    '#': index + 1,
  }));
}

/** pdfmake's default grid with another vertical cell padding. */
function rowPaddingLayout(padding: number): CustomTableLayout {
  return { paddingTop: () => padding, paddingBottom: () => padding };
}

/** What every block of one document is filled and spaced with. */
type BlockContext = { scope: Scope; missing: Set<string>; paragraphSpacing: number };

async function blockContent(block: TemplateBlock, context: BlockContext): Promise<Content | null> {
  const { scope, missing, paragraphSpacing: after } = context;
  if (block.when && !isPresent(scope, block.when)) return null;
  if (block.type === 'columns') return columnsContent(block, context);
  return leafContent(block, context, after);
}

async function columnsContent(block: Extract<TemplateBlock, { type: 'columns' }>, context: BlockContext): Promise<Content | null> {
  const columns: Column[] = [];
  for (const column of block.columns) {
    const stack: Content[] = [];
    for (const child of column.blocks) {
      const node = await blockContent(child, context);
      if (node !== null) stack.push(node);
    }
    columns.push({ width: column.width ?? '*', stack });
  }
  return { columns, columnGap: block.gap ?? 12, unbreakable: true };
}

async function leafContent(block: LeafBlock, { scope, missing }: BlockContext, after: number): Promise<Content | null> {
  const fill = (text: string | undefined) => (text === undefined ? undefined : fillText(text, scope, missing));
  switch (block.type) {
    case 'heading':
      return officialHeading({
        managingBody: fill(block.managingBody),
        issuingUnit: fill(block.issuingUnit) ?? '',
        number: fill(block.number),
        placeDate: fill(block.placeDate),
      });
    case 'title':
      return officialTitle(fill(block.text) ?? '', fill(block.subtitle));
    case 'paragraph':
      return {
        text: fillRuns(block.text, scope, missing),
        alignment: block.align ?? 'justify',
        bold: block.bold ?? false,
        italics: block.italics ?? false,
        ...(block.fontSize ? { fontSize: block.fontSize } : {}),
        leadingIndent: block.indent ? mm(10) : 0,
        margin: [0, 0, 0, after],
      };
    case 'list': {
      const marker = block.marker ?? 'dash';
      const items = rows(scope, block.items, missing).map((row) => {
        const runs = fillRuns(block.text, [...scope, row], missing);
        return { text: marker === 'dash' ? [{ text: '- ' }, ...runs] : runs };
      });
      if (items.length === 0) return null;
      if (marker === 'number') return { ol: items, margin: [mm(5), 0, 0, after] };
      return { stack: items, margin: [mm(5), 0, 0, after] };
    }
    case 'table': {
      const header: TableCell[] = block.columns.map((c) => ({ text: fill(c.header) ?? '', bold: true, alignment: 'center' }));
      const body: TableCell[][] = rows(scope, block.rows, missing).map((row) =>
        block.columns.map((c) => ({ text: fillRuns(c.text, [...scope, row], missing), alignment: c.align ?? 'left' })),
      );
      if (body.length === 0 && block.empty) {
        body.push([
          { text: fill(block.empty) ?? '', colSpan: block.columns.length, alignment: 'center', italics: true },
          ...block.columns.slice(1).map(() => ({ text: '' })),
        ]);
      }
      return {
        table: { headerRows: 1, widths: block.columns.map((c) => c.width ?? '*'), body: [header, ...body] },
        ...(block.rowPadding === undefined ? {} : { layout: rowPaddingLayout(block.rowPadding) }),
        fontSize: block.fontSize ?? 12,
        margin: [0, 2, 0, 8],
      };
    }
    case 'signatures':
      return signatureRow(
        block.blocks.map((b) => ({
          title: fill(b.title) ?? '', authority: fill(b.authority), note: fill(b.note), name: fill(b.name), space: block.space,
        })),
      );
    case 'qr': {
      const text = fillText(block.text, scope, missing);
      const size = block.size ?? 72;
      const stack: Content[] = [await qrContent(text, size)];
      if (block.caption) stack.push({ text: fill(block.caption) ?? '', fontSize: 9, margin: [0, 2, 0, 0] });
      return { stack, alignment: block.align ?? 'right', margin: [0, 4, 0, 4], unbreakable: true };
    }
    case 'spacer':
      return { text: '', margin: [0, block.height, 0, 0] };
  }
}

/** Turns a template and its data into a pdfmake definition, reporting placeholders left blank. */
export async function buildTemplateDocument(
  template: DocumentTemplate,
  data: Record<string, unknown>,
  options: TemplateRenderOptions = {},
): Promise<BuiltTemplate> {
  const missing = new Set<string>();
  const context: BlockContext = { scope: [data], missing, paragraphSpacing: template.paragraphSpacing ?? 6 };
  const content: Content[] = [];
  for (const block of template.blocks) {
    const node = await blockContent(block, context);
    if (node !== null) content.push(node);
  }
  if (options.strict && missing.size > 0) throw new TemplateDataError([...missing]);
  const definition = officialDocument(content, {
    title: template.name,
    pageSize: template.pageSize,
    pageOrientation: template.orientation,
    fontSize: template.fontSize,
    lineHeight: template.lineHeight,
    margins: template.marginsMm?.map(mm) as [number, number, number, number] | undefined,
  });
  return { definition, missing: [...missing] };
}

/** Builds and renders a template to PDF bytes. */
export async function renderTemplatePdf(
  template: DocumentTemplate,
  data: Record<string, unknown>,
  options: TemplateRenderOptions = {},
): Promise<Buffer> {
  const { definition } = await buildTemplateDocument(template, data, options);
  return renderPdf(definition);
}
