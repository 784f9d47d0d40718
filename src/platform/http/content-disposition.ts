/**
 * A Content-Disposition header for a file name that may come from a user (a form's stored name, a
 * procedure code, a date from the query). A CR or LF would split the header (Node refuses it with a
 * 500), a quote would end the quoted name early, and a Vietnamese letter is not a valid header byte:
 * the plain `filename` keeps printable ASCII only, and `filename*` (RFC 6266/8187) carries the real
 * name percent-encoded in UTF-8.
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const cleaned = fileName.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'tep';
  const ascii = cleaned.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(cleaned.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '_')).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
