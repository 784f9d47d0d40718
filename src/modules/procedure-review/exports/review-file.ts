import type { Review } from '../reviews.view.js';
import { reviewDocument } from './review-content.js';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** Each builder is loaded when first asked for: the document libraries stay out of the server's start-up. */
const BUILDERS = {
  docx: async () => (await import('./review-docx.js')).reviewDocx,
  pdf: async () => (await import('./review-pdf.js')).reviewPdf,
} as const;

/** The form of one review in one format, named after the procedure and the year ("phieu-ra-soat-1.009972-2026.pdf"). */
export async function reviewFile(review: Review, units: Parameters<typeof reviewDocument>[1], printedOn: string, format: keyof typeof TYPES) {
  const build = await BUILDERS[format]();
  const name = `phieu-ra-soat-${review.procedureCode.replace(/[^\p{L}\p{N}.-]+/gu, '-')}-${review.year}.${format}`;
  return { name, type: TYPES[format], content: await build(reviewDocument(review, units, printedOn)) };
}
