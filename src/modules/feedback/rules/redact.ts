/**
 * Personal data removed from texts proposed for publication (Decree 20/2008 art. 19 publishes
 * results; Decree 13/2023 and Law 91/2025 on personal data forbid publishing who asked). Pure.
 *
 * Removed: what the submitter gave about themselves (name, organisation, address, phone, e-mail —
 * wherever it appears), any e-mail address, any phone number (10–11 digits from 0 or +84), any
 * ID number (9 digits: old identity card; 12 digits: citizen identity card), and a person named
 * after a form of address ("ông Nguyễn Văn A", "bà Lò Thị B"). The approver reads the result and may
 * edit it; this is a floor, not a judgement.
 */
export type KnownPersonalData = { name?: string | null; organisation?: string | null; address?: string | null; phone?: string | null; email?: string | null; otherNames?: string[] };
export type RedactionKind = 'name' | 'organisation' | 'address' | 'phone' | 'email' | 'id_number';

export const REDACTED: Record<RedactionKind, string> = {
  name: '[họ tên]',
  organisation: '[tên tổ chức]',
  address: '[địa chỉ]',
  phone: '[số điện thoại]',
  email: '[thư điện tử]',
  id_number: '[số định danh]',
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A known value matched with any run of spaces between its words, ignoring case. */
const known = (value: string) => new RegExp(value.trim().split(/\s+/).map(escape).join('\\s+'), 'giu');

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** A run of digits, possibly grouped by spaces, dots or dashes, possibly after +84. */
const DIGITS = /(?<![\p{L}\p{N}])(?:\+84[\s.-]?)?\d(?:[\s.-]?\d){7,13}(?![\p{L}\p{N}])/gu;
const HONORIFIC = /(?<![\p{L}])(ông|bà|anh|chị|cô|chú|bác|em|cháu)\s+((?:\p{Lu}[\p{Ll}]*\s+){1,4}\p{Lu}[\p{Ll}]*)/gu;

export function redact(text: string, person: KnownPersonalData = {}): { text: string; removed: RedactionKind[] } {
  const removed = new Set<RedactionKind>();
  let out = text;
  const replace = (re: RegExp, kind: RedactionKind) => {
    out = out.replace(re, () => { removed.add(kind); return REDACTED[kind]; });
  };
  // Longest known values first, so an address containing the name goes as an address.
  const values: [string, RedactionKind][] = [];
  if (person.email) values.push([person.email, 'email']);
  if (person.address && person.address.trim().length >= 4) values.push([person.address, 'address']);
  if (person.organisation && person.organisation.trim().length >= 3) values.push([person.organisation, 'organisation']);
  if (person.name && person.name.trim().length >= 2) values.push([person.name, 'name']);
  for (const n of person.otherNames ?? []) if (n.trim().length >= 2) values.push([n, 'name']);
  values.sort((a, b) => b[0].length - a[0].length);
  for (const [v, kind] of values) replace(known(v), kind);
  replace(EMAIL, 'email');
  out = out.replace(DIGITS, (m) => {
    const digits = m.replace(/\D/g, '');
    const international = m.startsWith('+84');
    if (international || (m.startsWith('0') && (digits.length === 10 || digits.length === 11) && !/^\d{12}$/.test(digits))) {
      if (international || !(digits.length === 12 || digits.length === 9)) { removed.add('phone'); return REDACTED.phone; }
    }
    if (digits.length === 9 || digits.length === 12) { removed.add('id_number'); return REDACTED.id_number; }
    return m;
  });
  out = out.replace(HONORIFIC, (_m, title: string) => { removed.add('name'); return `${title} ${REDACTED.name}`; });
  return { text: out, removed: [...removed] };
}
