/**
 * A tiny XML writer for the GeoReport v2 documents: the same value the JSON answer carries is written
 * as XML by the spec's convention (a JSON array becomes a wrapper element holding one element per item,
 * named by ITEM_NAMES; an object becomes an element per key). Text is escaped, and characters XML 1.0
 * cannot carry (control characters, lone surrogates) are dropped rather than sent broken.
 */
export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [key: string]: XmlValue };

/** The element of each item in a list, by the list's element name (GeoReport v2 and Service Discovery). */
export const ITEM_NAMES: Readonly<Record<string, string>> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// Not allowed in XML 1.0 documents: C0 controls except tab, LF, CR; U+FFFE/U+FFFF; unpaired surrogates.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(INVALID, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function element(name: string, value: XmlValue, out: string[]): void {
  if (!NAME.test(name) || /^xml/i.test(name)) throw new Error(`not an XML element name: ${JSON.stringify(name)}`);
  if (value === null || value === undefined) {
    out.push(`<${name}/>`);
  } else if (Array.isArray(value)) {
    const item = ITEM_NAMES[name];
    if (!item) throw new Error(`no item element for the list <${name}>`);
    out.push(`<${name}>`);
    for (const v of value) element(item, v, out);
    out.push(`</${name}>`);
  } else if (typeof value === 'object') {
    out.push(`<${name}>`);
    for (const [k, v] of Object.entries(value)) element(k, v, out);
    out.push(`</${name}>`);
  } else {
    const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
    out.push(text === '' ? `<${name}></${name}>` : `<${name}>${escapeXml(text)}</${name}>`);
  }
}

/** A whole document: the declaration with its encoding, then the root element. */
export function xmlDocument(root: string, value: XmlValue): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  element(root, value, out);
  return out.join('') + '\n';
}
