import type { Confidentiality } from '../registry.tables.js';
import { documentType } from './document-types.js';

/**
 * Number and symbol of an outgoing document (Decree 30/2020 art. 15 and Appendix I §II.3; DOMAIN §9).
 * Pure: the release takes the next number of `seriesKey` from the agency's counter and prints
 * `formatSymbol`.
 */

/** How an agency numbers its administrative documents: the head decides (art. 15(1)(b)). */
export type Numbering = 'per_type' | 'single';

export type SeriesInput = { docType: string; legal: boolean; confidentiality: Confidentiality };

/**
 * The series a document takes its number from, per agency and year:
 * - a legal normative document: one series per type (art. 15(1)(a)), whatever the agency's setting;
 * - an administrative document: one series per type, or one for all, as the agency decided (art. 15(1)(b));
 * - a confidential document (mật, tối mật, tuyệt mật): a series of its own beside the open one (art. 15(2)),
 *   split the same way as the open documents.
 * Prefixed `out:` because the counters table also holds the arrival series of incoming documents.
 */
export function seriesKey(doc: SeriesInput, numbering: Numbering): string {
  const type = documentType(doc.docType);
  if (!type) throw new RangeError(`Unknown document type: ${doc.docType}`);
  if (doc.legal && !type.legal) throw new RangeError(`${doc.docType} is not issued as a legal normative document`);
  const base = doc.legal ? `legal:${type.code}` : numbering === 'per_type' ? type.code : 'all';
  return doc.confidentiality === 'normal' ? `out:${base}` : `out:mat:${base}`;
}

/** Numbers below 10 are written with a leading zero (Appendix I §II.3: "05", "12", "123"). */
export function formatNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Not a document number: ${n}`);
  return n < 10 ? `0${n}` : String(n);
}

/**
 * The second group of a công văn's symbol: the drafting unit's (or field's) abbreviation. Org units carry
 * no separate abbreviation, so it is read from the unit's `short_name` when that looks like one: folded
 * to capitals without diacritics (Đ stays: it is a letter of its own, as in QĐ, HĐ), letters and digits
 * only, at most 10 characters — "cchc" gives "CCHC"; "P.VH", "UBND tỉnh" or a missing short name give
 * none, and the symbol is then the agency's alone (`12/SNV`). Appendix I §II.3 prints no spaces or dots
 * inside the groups, so a name that needs them is not an abbreviation.
 */
export function unitAbbreviation(shortName: string | null | undefined): string | null {
  const folded = (shortName ?? '').trim().normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLocaleUpperCase('vi');
  return /^[A-ZĐ0-9]{1,10}$/u.test(folded) ? folded : null;
}

export type SymbolInput = {
  type: string;
  legal: boolean;
  /** The year the number belongs to (the issuing day's); printed only for a legal normative document. */
  year: number;
  agencySymbol: string;
  /** A công văn's second group (see unitAbbreviation); ignored for the other types. */
  draftingUnitSymbol?: string | null | undefined;
};

/**
 * What follows the number after the slash: `KH-SNV`, `2025/QĐ-UBND` (legal normative: the year, art.
 * 15(1)(a)), `SNV-CCHC` (công văn: agency, then drafting unit), `SNV` (a công văn with no drafting-unit
 * abbreviation, and a thư công, for which Appendix III lists no abbreviation). A draft prints this
 * after an empty number.
 */
export function symbolTail(input: SymbolInput): string {
  const type = documentType(input.type);
  if (!type) throw new RangeError(`Unknown document type: ${input.type}`);
  if (input.legal && !type.legal) throw new RangeError(`${input.type} is not issued as a legal normative document`);
  if (type.abbreviation === null) {
    const unit = type.code === 'CV' ? input.draftingUnitSymbol : null;
    return unit ? `${input.agencySymbol}-${unit}` : input.agencySymbol;
  }
  const typed = `${type.abbreviation}-${input.agencySymbol}`;
  return input.legal ? `${input.year}/${typed}` : typed;
}

/** The whole number and symbol as printed after "Số: ", e.g. `05/KH-SNV`, `88/2025/QĐ-UBND`, `12/SNV-CCHC`. */
export function formatSymbol(input: SymbolInput & { number: number }): string {
  return `${formatNumber(input.number)}/${symbolTail(input)}`;
}
