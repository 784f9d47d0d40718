/**
 * The search key of a document: every searchable field, lower-case, without diacritics (đ → d), runs of
 * other characters to one space. The same fold is applied to the query, so "ke hoach cai cach" finds
 * "Kế hoạch cải cách" and "05/kh-snv" finds "05/KH-SNV" (Decree 30 Appendix VI: full-text search).
 */
export function fold(text: string | null | undefined): string {
  return (text ?? '')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim();
}

export function searchKey(fields: (string | number | null | undefined)[]): string {
  return fields.map((f) => (typeof f === 'number' ? String(f) : fold(f))).filter(Boolean).join(' ');
}
