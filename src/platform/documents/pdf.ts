/**
 * PDF rendering with pdfmake 0.3 on Node.
 *
 * pdfmake 0.3's Node entry is a shared instance (`pdfmake.createPdf(doc).getBuffer()`), no longer the
 * `new PdfPrinter(fonts)` of 0.2. The instance fetches any `http(s)://` image or font it is given and
 * reads any local path, unless access policies say otherwise. Documents here are built from user data
 * (names, addresses, uploaded photos), so both policies are closed: no URL is ever fetched, and the only
 * local files that may be read are the four Tinos font files. Images must come as data URLs.
 */
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';

export type { Content, TDocumentDefinitions as DocumentDefinition } from 'pdfmake/interfaces.js';

/**
 * Tinos is metric-compatible with Times New Roman, the typeface Decree 30/2020 (Appendix I, I.3)
 * prescribes for administrative documents, and it covers every Vietnamese letter with its diacritics.
 */
export const DOCUMENT_FONT = 'Tinos';

const require = createRequire(import.meta.url);

function tinosFile(style: string): string {
  return require.resolve(`@expo-google-fonts/tinos/${style}/Tinos_${style}.ttf`);
}

/** Absolute paths of the bundled Tinos files (resolved from node_modules, never downloaded). */
export const TINOS_FILES = Object.freeze({
  normal: tinosFile('400Regular'),
  bold: tinosFile('700Bold'),
  italics: tinosFile('400Regular_Italic'),
  bolditalics: tinosFile('700Bold_Italic'),
});

const readableFiles = new Set<string>(Object.values(TINOS_FILES));

let configured = false;

function configurePdfmake(): void {
  if (configured) return;
  const fonts: TFontDictionary = { [DOCUMENT_FONT]: { ...TINOS_FILES } };
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => readableFiles.has(path));
  configured = true;
}

/**
 * Renders a pdfmake document definition to PDF bytes, in Tinos unless the definition names another
 * registered font. Rejects if the definition refers to a URL or a local file.
 */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  configurePdfmake();
  guardSvgImages(definition.content);
  const withFont: TDocumentDefinitions = {
    pageSize: 'A4',
    ...definition,
    defaultStyle: { font: DOCUMENT_FONT, fontSize: 13, ...definition.defaultStyle },
  };
  return pdfmake.createPdf(withFont).getBuffer();
}

/** Only `data:` images may be drawn from inside an SVG. */
const svgImageLink = (link: string): string => (link.trim().startsWith('data:') ? link.replace(/\s+/g, '') : '');

/**
 * The SVG renderer bundled with pdfmake opens `<image href>` with PDFKit directly, past the local access
 * policy, so a path in an SVG would be read from disk. Every SVG node gets a link filter instead.
 */
function guardSvgImages(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) guardSvgImages(child);
    return;
  }
  if (node === null || typeof node !== 'object' || Buffer.isBuffer(node)) return;
  const record = node as Record<string, unknown>;
  if (typeof record.svg === 'string' || (record.svg !== null && typeof record.svg === 'object')) {
    const options = (record.options ?? {}) as Record<string, unknown>;
    record.options = { ...options, imageCallback: svgImageLink };
  }
  for (const [key, value] of Object.entries(record)) {
    if (key !== 'svg' && key !== 'options') guardSvgImages(value);
  }
}

/** `data:` URL of an image held in memory, the only image source `renderPdf` accepts. */
export function imageDataUrl(bytes: Uint8Array): string {
  const mime = detectImageType(bytes);
  if (!mime) throw new Error('Only PNG and JPEG images can be placed in a PDF');
  return `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
}

/** PDFKit embeds PNG and JPEG only; anything else must be refused before rendering starts. */
export function detectImageType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length > 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}
