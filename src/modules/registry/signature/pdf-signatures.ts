/**
 * Finds the signature dictionaries of a PDF (ISO 32000-1 §12.8: a dictionary with /ByteRange and
 * /Contents, the value of a /Sig field) without a full PDF parser. We read only what a verifier needs:
 * where the signed bytes are, the CMS blob, the SubFilter and the claimed signing time /M. The file is
 * hostile input: every loop is bounded by the file's length, nesting by MAX_DEPTH, and anything we do
 * not understand ends the parse of that object, never the whole check.
 */

export type SignatureDictionary = {
  /** [offset1, length1, offset2, length2]: the two signed parts around the /Contents hole; null when absent or not 4 integers. */
  byteRange: number[] | null;
  /** The decoded /Contents hex string (DER of a CMS ContentInfo, zero-padded), null when absent. */
  contents: Uint8Array | null;
  /** Where the /Contents string lies in the file: offset of "<" and offset just after ">". */
  contentsAt: { start: number; end: number } | null;
  subFilter: string | null;
  /** /M as written (PDF date string), the signer's own claim of when it was signed. */
  signingTime: string | null;
  name: string | null;
};

type Str = { kind: 'string'; text: string; hex: boolean; start: number; end: number };
type Dict = { kind: 'dict'; entries: Map<string, Value> };
type Value = number | boolean | null | { kind: 'name'; name: string } | { kind: 'ref' } | { kind: 'keyword'; word: string } | Str | Dict | Value[];

const MAX_DEPTH = 32;
/** A signature's object is small but for its /Contents (a CMS blob, with revocation data a few hundred KB). */
const OBJECT_WINDOW = 4 * 1024 * 1024;
/** More /ByteRange keys than this is no real document: the rest are not looked at (bounded cost). */
const MAX_CANDIDATES = 50;
const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

class Parser {
  constructor(private readonly s: string, public at: number) {}

  private skip(): void {
    const { s } = this;
    while (this.at < s.length) {
      const c = s.charCodeAt(this.at);
      if (WHITESPACE.has(c)) this.at++;
      else if (c === 0x25) { // % comment to end of line
        while (this.at < s.length && s[this.at] !== '\n' && s[this.at] !== '\r') this.at++;
      } else return;
    }
  }

  private regular(): string {
    const start = this.at;
    while (this.at < this.s.length) {
      const c = this.s.charCodeAt(this.at);
      if (WHITESPACE.has(c) || DELIMITERS.has(c)) break;
      this.at++;
    }
    return this.s.slice(start, this.at);
  }

  value(depth = 0): Value {
    if (depth > MAX_DEPTH) throw new Error('nesting too deep');
    this.skip();
    const { s } = this;
    const c = s[this.at];
    if (c === undefined) throw new Error('end of file');
    if (s.startsWith('<<', this.at)) {
      this.at += 2;
      const entries = new Map<string, Value>();
      for (;;) {
        this.skip();
        if (s.startsWith('>>', this.at)) { this.at += 2; return { kind: 'dict', entries }; }
        const key = this.value(depth + 1);
        if (typeof key !== 'object' || key === null || !('kind' in key) || key.kind !== 'name') throw new Error('dictionary key is not a name');
        entries.set(key.name, this.withRef(depth));
      }
    }
    if (c === '[') {
      this.at++;
      const items: Value[] = [];
      for (;;) {
        this.skip();
        if (s[this.at] === ']') { this.at++; return items; }
        items.push(this.withRef(depth));
      }
    }
    if (c === '<') return this.hexString();
    if (c === '(') return this.literalString();
    if (c === '/') {
      this.at++;
      return { kind: 'name', name: this.regular().replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) };
    }
    const word = this.regular();
    if (word === '') throw new Error(`unexpected ${JSON.stringify(c)}`);
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return Number(word);
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    return { kind: 'keyword', word };
  }

  /** A value, where "n g R" (an indirect reference) counts as one value. */
  private withRef(depth: number): Value {
    const v = this.value(depth + 1);
    if (typeof v !== 'number' || !Number.isInteger(v)) return v;
    const back = this.at;
    this.skip();
    const gen = /^\d+/.exec(this.s.slice(this.at, this.at + 12));
    if (gen) {
      this.at += gen[0].length;
      this.skip();
      if (this.s[this.at] === 'R' && !/[^\s/<>[\]()%]/.test(this.s[this.at + 1] ?? ' ')) { this.at++; return { kind: 'ref' }; }
    }
    this.at = back;
    return v;
  }

  private hexString(): Str {
    const start = this.at;
    const end = this.s.indexOf('>', start);
    if (end < 0) throw new Error('unterminated hex string');
    this.at = end + 1;
    const digits = this.s.slice(start + 1, end).replace(/[\s\0]/g, '');
    if (!/^[0-9a-fA-F]*$/.test(digits)) throw new Error('bad hex string');
    const even = digits.length % 2 ? `${digits}0` : digits;
    return { kind: 'string', text: Buffer.from(even, 'hex').toString('latin1'), hex: true, start, end: end + 1 };
  }

  private literalString(): Str {
    const { s } = this;
    const start = this.at;
    let depth = 0;
    let out = '';
    for (this.at++; this.at < s.length; this.at++) {
      const c = s[this.at]!;
      if (c === '\\') {
        const n = s[++this.at] ?? '';
        const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
        if (n in simple) out += simple[n];
        else if (/[0-7]/.test(n)) {
          const oct = /^[0-7]{1,3}/.exec(s.slice(this.at, this.at + 3))![0];
          out += String.fromCharCode(parseInt(oct, 8) & 0xff);
          this.at += oct.length - 1;
        } else if (n === '\r' && s[this.at + 1] === '\n') this.at++;
        else if (n !== '\n' && n !== '\r') out += n;
      } else if (c === '(') { depth++; out += c; }
      else if (c === ')') {
        if (depth === 0) { this.at++; return { kind: 'string', text: out, hex: false, start, end: this.at }; }
        depth--;
        out += c;
      } else out += c;
    }
    throw new Error('unterminated string');
  }
}

/** A PDF text string: UTF-16BE with its byte-order mark, else (close enough) PDFDocEncoding as Latin-1. */
export function pdfText(raw: string): string {
  if (raw.startsWith('\xfe\xff')) return Buffer.from(raw.slice(2), 'latin1').swap16().toString('utf16le');
  if (raw.startsWith('\xef\xbb\xbf')) return Buffer.from(raw.slice(3), 'latin1').toString('utf8');
  return raw;
}

/** A PDF date (D:YYYYMMDDHHmmSSOHH'mm') as an ISO 8601 instant; null when it is not one. */
export function pdfDate(raw: string | null): string | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Z+-])(\d{2})?'?(\d{2})?'?)?/.exec(raw?.trim() ?? '');
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
  const offset = sign === '+' || sign === '-' ? (sign === '+' ? 1 : -1) * (Number(oh) * 60 + Number(om)) : 0;
  const at = new Date(utc - offset * 60_000);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

const isDict = (v: Value | undefined): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'dict';
const nameOf = (v: Value | undefined) => (typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'name' ? v.name : null);
const strOf = (v: Value | undefined) => (typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'string' ? v : null);

/** Every dictionary in a parsed value that carries a /ByteRange (a signature dictionary may sit inside its field). */
function* signatureDicts(v: Value, depth = 0): Generator<Dict> {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(v)) for (const item of v) yield* signatureDicts(item, depth + 1);
  else if (isDict(v)) {
    if (v.entries.has('ByteRange')) yield v;
    for (const item of v.entries.values()) yield* signatureDicts(item, depth + 1);
  }
}

function describe(d: Dict): SignatureDictionary {
  const range = d.entries.get('ByteRange');
  const byteRange = Array.isArray(range) && range.length === 4 && range.every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) ? (range as number[]) : null;
  const contents = strOf(d.entries.get('Contents'));
  const m = strOf(d.entries.get('M'));
  const name = strOf(d.entries.get('Name'));
  return {
    byteRange,
    contents: contents ? Uint8Array.from(Buffer.from(contents.text, 'latin1')) : null,
    contentsAt: contents?.hex ? { start: contents.start, end: contents.end } : null,
    subFilter: nameOf(d.entries.get('SubFilter')),
    signingTime: m ? pdfText(m.text) : null,
    name: name ? pdfText(name.text) : null,
  };
}

/** Whether the bytes are a PDF at all: the header may follow a little junk (ISO 32000-1 allows readers to look ahead). */
export const looksLikePdf = (bytes: Uint8Array): boolean => Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1').includes('%PDF-');

/**
 * The signature dictionaries of a PDF in file order. Each `/ByteRange` is traced back to the indirect
 * object around it ("n g obj"), which is parsed; a /ByteRange in a stream's data or a comment is
 * ignored because no dictionary of that object holds it.
 */
export function findSignatureDictionaries(bytes: Uint8Array): SignatureDictionary[] {
  if (!looksLikePdf(bytes)) return [];
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const found: SignatureDictionary[] = [];
  const parsedObjects = new Set<number>();
  const seen = new Set<string>();
  let candidates = 0;
  for (let at = s.indexOf('/ByteRange'); at >= 0 && candidates++ < MAX_CANDIDATES; at = s.indexOf('/ByteRange', at + 10)) {
    const objStart = objectStartBefore(s, at);
    if (objStart === null || parsedObjects.has(objStart)) continue;
    parsedObjects.add(objStart);
    let value: Value;
    try {
      value = new Parser(s, objStart).value();
    } catch {
      continue;
    }
    for (const d of signatureDicts(value)) {
      const sig = describe(d);
      // An incremental update may repeat an unchanged object: one signature is counted once.
      const key = `${sig.contentsAt?.start ?? 'x'}:${sig.byteRange?.join(',') ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(sig);
    }
  }
  return found;
}

/** Offset just after "n g obj" of the nearest object header before `at` (within OBJECT_WINDOW), or null. */
function objectStartBefore(s: string, at: number): number | null {
  const floor = Math.max(0, at - OBJECT_WINDOW);
  for (let i = s.lastIndexOf('obj', at); i >= floor; i = i > 0 ? s.lastIndexOf('obj', i - 1) : -1) {
    if (s.slice(Math.max(0, i - 3), i) === 'end') continue;
    if (/\d+\s+\d+\s+$/.test(s.slice(Math.max(0, i - 24), i))) return i + 3;
  }
  return null;
}
