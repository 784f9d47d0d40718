/**
 * A small, strict reader for the XML documents GeoReport v2 servers send (elements and text only:
 * the spec's XML has no attributes that matter, no namespaces, no mixed content). Enough to check
 * structure and values without a dependency, so a third party can run the suite with Node alone.
 * Throws on anything malformed: an unclosed or mismatched tag, an unknown entity, text outside the root.
 */
export type XmlElement = { name: string; children: XmlElement[]; text: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);|&/g, (whole, ent: string | undefined) => {
    if (!ent) throw new Error('a bare & in text');
    if (ent.startsWith('#x')) return String.fromCodePoint(parseInt(ent.slice(2), 16));
    if (ent.startsWith('#')) return String.fromCodePoint(parseInt(ent.slice(1), 10));
    const v = ENTITIES[ent];
    if (v === undefined) throw new Error(`unknown entity ${whole}`);
    return v;
  });
}

export function parseXml(source: string): { declaration: string | null; root: XmlElement } {
  let i = 0;
  let declaration: string | null = null;
  const decl = /^\uFEFF?<\?xml\s[^?]*\?>/.exec(source);
  if (decl) { declaration = decl[0]; i = decl[0].length; }
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
  while (i < source.length) {
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i);
      if (end < 0) throw new Error('unclosed comment');
      i = end + 3;
      continue;
    }
    if (source[i] === '<') {
      tag.lastIndex = i;
      const m = tag.exec(source);
      if (!m) throw new Error(`malformed tag at ${i}: ${source.slice(i, i + 40)}`);
      const [whole, closing, name, , selfClosing] = m;
      i += whole.length;
      if (closing) {
        const open = stack.pop();
        if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
        if (!stack.length) root = open;
        continue;
      }
      if (!stack.length && root) throw new Error('a second root element');
      const el: XmlElement = { name: name!, children: [], text: '' };
      if (stack.length) stack[stack.length - 1]!.children.push(el);
      if (selfClosing) { if (!stack.length) root = el; } else stack.push(el);
      continue;
    }
    const next = source.indexOf('<', i);
    const raw = source.slice(i, next < 0 ? source.length : next);
    i = next < 0 ? source.length : next;
    if (!stack.length) {
      if (raw.trim()) throw new Error('text outside the root element');
      continue;
    }
    stack[stack.length - 1]!.text += decode(raw);
  }
  if (stack.length) throw new Error(`<${stack[stack.length - 1]!.name}> is not closed`);
  if (!root) throw new Error('no root element');
  return { declaration, root };
}

/** The child elements named `name`. */
export const childrenNamed = (el: XmlElement, name: string): XmlElement[] => el.children.filter((c) => c.name === name);
/** The text of the first child named `name` (trimmed), or undefined when there is no such child. */
export const childText = (el: XmlElement, name: string): string | undefined => {
  const c = el.children.find((x) => x.name === name);
  return c ? c.text.trim() : undefined;
};
