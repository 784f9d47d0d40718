import type { ConsolidatedReport } from './consolidated.js';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Each builder is loaded when first asked for: the document libraries stay out of the server's start-up. */
const BUILDERS: Record<keyof typeof TYPES, () => Promise<(r: ConsolidatedReport) => Promise<Buffer>>> = {
  docx: async () => (await import('./consolidated-docx.js')).consolidatedDocx,
  pdf: async () => (await import('./consolidated-pdf.js')).consolidatedPdf,
  xlsx: async () => (await import('./consolidated-xlsx.js')).consolidatedXlsx,
};

/** The file of one format, named after the document and the period ("bao-cao-16-CT-UBND-2026-H1.docx"). */
export async function consolidatedFile(r: ConsolidatedReport, format: keyof typeof TYPES) {
  const build = await BUILDERS[format]();
  const name = `bao-cao-${r.document.number.replace(/[^\p{L}\p{N}-]+/gu, '-')}-${r.period.code}.${format}`;
  return { name, type: TYPES[format], content: await build(r) };
}
