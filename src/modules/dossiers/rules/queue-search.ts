/**
 * What a queue search term is. A personal identifier — the applicant's ID number (CMND 9 digits,
 * CCCD 12 digits, a passport of letters and digits) or a phone number — is matched exactly and
 * never by a fragment, so the search cannot be used to list people by a partial number; every such
 * search is audited (personal data, Decree 356/2025). Anything else searches the dossier code and
 * the applicant's name.
 */
export type QueueSearch =
  | { kind: 'text'; text: string }
  | { kind: 'id_number'; idNumber: string }
  | { kind: 'phone'; phone: string };

/** Separators people type inside numbers: spaces, dots, dashes, brackets. */
const SEPARATORS = /[\s.()-]/g;

export function classifySearch(term: string): QueueSearch {
  const text = term.trim();
  const compact = text.replace(SEPARATORS, '');
  if (/^\+\d{8,14}$/.test(compact)) return { kind: 'phone', phone: compact };
  if (/^\d+$/.test(compact)) {
    if (compact.length === 9 || compact.length === 12) return { kind: 'id_number', idNumber: compact };
    if (compact.length === 10 || compact.length === 11) return { kind: 'phone', phone: compact };
    return { kind: 'text', text };
  }
  // A passport number: letters and digits together, as the intake form accepts them (9–12 characters).
  if (/^(?=.*\d)(?=.*[A-Z])[0-9A-Z]{9,12}$/i.test(compact) && !/[.-]/.test(text)) return { kind: 'id_number', idNumber: compact.toUpperCase() };
  return { kind: 'text', text };
}

/** The same key as the database's dossier_phone_key(): digits only, +84 written as 0. */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length === 11 ? `0${digits.slice(2)}` : digits;
}
