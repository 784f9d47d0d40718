import type { DossierState } from './reducer.js';
import { STATUS } from './statuses.js';

/** A received document as the dossiers row lists it; a scan given at intake may sit in `fileKey`. */
export type ListedDocument = { name: string; fileKey?: string | null };

/** Whether the document at `index` of the dossier's list has an electronic copy: a scan attached to it, or a file given with it at intake. */
export function documentDigitised(s: Pick<DossierState, 'scans'>, documents: readonly ListedDocument[], index: number): boolean {
  return Boolean(documents[index]?.fileKey) || s.scans.some((x) => x.documentIndex === index);
}

/**
 * Every received document has an electronic copy (Decree 118 art. 17(1)(c), Circular 01/2023 art. 8;
 * a Decision 766 indicator). A dossier whose list is empty has nothing digitised.
 */
export function isDigitised(s: Pick<DossierState, 'scans'>, documents: readonly ListedDocument[]): boolean {
  return documents.length > 0 && documents.every((_d, i) => documentDigitised(s, documents, i));
}

/** Some fee was paid online (a `confirm_payment` with method online). */
export const isPaidOnline = (s: Pick<DossierState, 'paidOnline'>): boolean => s.paidOnline > 0;

/**
 * A dossier "processed fully online" (DOMAIN §4, Decree 307/2025 appendix item 12; Decree 42/2022
 * art. 11 "toàn trình"), as motcua records it — all of:
 * 1. submitted online: its history starts with a `submitted` event of the online channel;
 * 2. paid online or no fee: nothing was asked (no `payment_requested`), or everything asked was
 *    confirmed paid and every confirmation was an online payment (one cash payment spoils it);
 * 3. processed: every step is worked in this system, so a dossier with a recorded result was
 *    processed online; motcua has no paper path to rule out;
 * 4. the result returned online as an electronic document: the result was recorded with its file
 *    and `return_result` used the online method.
 * A paper copy later sent by post on request is a second delivery and is not modelled here. An
 * on-site inspection is not recorded either: a procedure that needs one is not offered online.
 */
export function isFullyOnline(s: Pick<DossierState, 'submittedOnline' | 'paymentDue' | 'paidOnline' | 'paidOffline' | 'status' | 'returnMethod' | 'resultFile'>): boolean {
  const paidOnlineOrFree = s.paymentDue === 0 || (s.paidOffline === 0 && s.paidOnline >= s.paymentDue);
  return s.submittedOnline && paidOnlineOrFree && s.status === STATUS.RETURNED && s.returnMethod === 'online' && s.resultFile !== null;
}

export type DigitalFlags = { digitised: boolean; resultDigitised: boolean; paidOnline: boolean; fullyOnline: boolean };

/** The four flags the statistics count (projection columns of migration 0017). */
export function digitalFlags(s: DossierState, documents: readonly ListedDocument[]): DigitalFlags {
  return { digitised: isDigitised(s, documents), resultDigitised: s.resultFile !== null, paidOnline: isPaidOnline(s), fullyOnline: isFullyOnline(s) };
}
