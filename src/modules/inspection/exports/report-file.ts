import type { InspectionReport } from '../reports-labels.js';
import { reportContent, type Agency } from './report-content.js';

export const FILE_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type ReportFormat = keyof typeof FILE_TYPES;

/** Each writer is loaded when first asked for: the document libraries stay out of the server's start-up. */
const WRITERS: Record<ReportFormat, () => Promise<(c: ReturnType<typeof reportContent>) => Promise<Buffer>>> = {
  pdf: async () => (await import('./report-pdf.js')).reportPdf,
  xlsx: async () => (await import('./report-xlsx.js')).reportXlsx,
};

/** The report as a file, named after its period ("bao-cao-thanh-tra-2026-Q1.xlsx", or the days of a custom period). */
export async function reportFile(r: InspectionReport, agency: Agency, issuedOn: string, format: ReportFormat) {
  const write = await WRITERS[format]();
  const code = r.period.code === 'custom' ? `${r.period.from}_${r.period.to}` : r.period.code;
  return { name: `bao-cao-thanh-tra-${code}.${format}`, type: FILE_TYPES[format], content: await write(reportContent(r, agency, issuedOn)) };
}
