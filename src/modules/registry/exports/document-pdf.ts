import { officialPlaceDate, renderPdf, type Content, type DocumentDefinition } from '../../../platform/documents/index.js';
import { mm, officialDocument, officialHeading, officialTitle, signatureBlock } from '../../../platform/documents/official-style.js';
import { CONFIDENTIALITY_LABELS, PREFIX_LABELS, URGENCY_LABELS } from '../registry-labels.js';
import type { Confidentiality, SigningPrefix, Urgency } from '../registry.tables.js';
import { documentType } from '../rules/document-types.js';

/**
 * The electronic copy of an outgoing document in Decree 30's layout (Appendix I): the agency block and
 * the national name, "Số: …" and the place and date, the type and subject (a công văn's subject as
 * "V/v …" under its number instead), the body, the signing block, "Nơi nhận:". Before release the
 * number and date are left blank and the page carries "DỰ THẢO" across it (Appendix VI: watermarking).
 * Pure rendering: the caller reads everything first (the release renders inside its transaction).
 */
export type DocumentPdfInput = {
  managingBody: string | null;
  agencyName: string;
  placeName: string;
  docType: string;
  /** `05/KH-SNV` once numbered; before release only what follows the number (`KH-SNV`). */
  symbol: string | null;
  symbolTail: string;
  /** 'YYYY-MM-DD' of issue; null for a draft. */
  issuedOn: string | null;
  /** The year a draft's date line shows. */
  year: number;
  subject: string;
  body: string | null;
  urgency: Urgency;
  confidentiality: Confidentiality;
  signingPrefix: SigningPrefix | null;
  signerTitle: string | null;
  signerName: string | null;
  recipients: string[];
  /** Who keeps the file copy besides the records office (VT), e.g. the drafting section. */
  archiveCopy: string | null;
  draft: boolean;
};

const BLANK = '\u00a0'.repeat(6);

/**
 * The line above the signer's title (Appendix I, quyền hạn ký): "TM." names the collective body (the agency);
 * "KT.", "Q.", "TL.", "TUQ." name the head the signer stands for, read from the signer's own title
 * without "Phó"/"Quyền" (a "Phó Giám đốc" signs "KT. GIÁM ĐỐC"). Kept simple on purpose: an agency
 * whose head is titled otherwise writes the prefix line into the title.
 */
export function authorityLine(prefix: SigningPrefix | null, signerTitle: string | null, agencyName: string): string | undefined {
  if (!prefix) return undefined;
  const head = prefix === 'TM' ? agencyName : (signerTitle ?? '').replace(/^\s*(phó|quyền)\s+/iu, '');
  return `${PREFIX_LABELS[prefix]} ${head.toLocaleUpperCase('vi')}`.trim();
}

function paragraphs(body: string | null): Content[] {
  return (body ?? '').split(/\r?\n/).map((p) => p.trim()).filter(Boolean)
    .map((p) => ({ text: p, alignment: 'justify', leadingIndent: mm(10), margin: [0, 0, 0, 6] }) as Content);
}

export function documentDefinition(d: DocumentPdfInput): DocumentDefinition {
  const type = documentType(d.docType);
  const isLetter = type?.code === 'CV';
  const number = d.symbol ? `Số: ${d.symbol}` : `Số:${BLANK}/${d.symbolTail}`;
  const placeDate = d.issuedOn ? officialPlaceDate(d.placeName, d.issuedOn) : `${d.placeName.trim()}, ngày${BLANK}tháng${BLANK}năm ${d.year}`;
  const content: Content[] = [officialHeading({ managingBody: d.managingBody ?? undefined, issuingUnit: d.agencyName, number, placeDate })];
  // A công văn has no title: its subject goes under the number as "V/v …" (Appendix I).
  if (isLetter) content.push({ columns: [{ width: '40%', text: `V/v ${d.subject}`, fontSize: 12, alignment: 'center' }, { width: '*', text: '' }], margin: [0, -8, 0, 10] });
  // Marks of confidentiality and urgency stand under the number (Appendix I).
  const marks = [d.confidentiality !== 'normal' ? CONFIDENTIALITY_LABELS[d.confidentiality] : null, d.urgency !== 'normal' ? URGENCY_LABELS[d.urgency] : null].filter((m): m is string => !!m);
  if (marks.length) content.push({ columns: [{ width: '40%', stack: marks.map((m) => ({ text: m.toLocaleUpperCase('vi'), bold: true })), alignment: 'center' }, { width: '*', text: '' }], margin: [0, 0, 0, 8] });
  if (!isLetter) content.push(officialTitle(type?.name ?? d.docType, d.subject));
  content.push(...paragraphs(d.body));

  const recipients: Content[] = [{ text: 'Nơi nhận:', bold: true, italics: true, fontSize: 12 }];
  for (const r of d.recipients) recipients.push({ text: `- ${r};`, fontSize: 11 });
  recipients.push({ text: `- Lưu: VT${d.archiveCopy ? `, ${d.archiveCopy}` : ''}.`, fontSize: 11 });
  const signing = signatureBlock({
    authority: authorityLine(d.signingPrefix, d.signerTitle, d.agencyName),
    title: d.signerTitle ?? '',
    name: d.signerName ?? undefined,
    space: 56,
  });
  content.push({ columns: [{ width: '45%', stack: recipients }, { width: '55%', stack: [signing] }], columnGap: 8, margin: [0, 12, 0, 0], unbreakable: true });

  const def = officialDocument(content, { title: `${d.symbol ?? 'Dự thảo'} ${d.subject}` });
  if (d.draft) def.watermark = { text: 'DỰ THẢO', color: '#b00000', opacity: 0.12, bold: true };
  return def;
}

export const documentPdf = (d: DocumentPdfInput): Promise<Buffer> => renderPdf(documentDefinition(d));
