import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * For tests only: makes a self-signed certificate and signs a PDF the way a signing tool does — an
 * incremental update (ISO 32000-1 §7.5.6) adds a /Sig field whose /Contents is a zero-filled hole, the
 * /ByteRange names everything around the hole, and a detached CMS SignedData over those bytes (PAdES
 * baseline: contentType, messageDigest and optionally signingTime signed) fills it. Works on PDFs with a
 * classic cross-reference table, which is what pdfmake writes.
 */

export type TestSigner = { privateKey: CryptoKey; certificate: pkijs.Certificate };

const engine = new pkijs.CryptoEngine({ name: 'webcrypto', crypto: globalThis.crypto as unknown as pkijs.CryptoEngineParameters['crypto'] });
const subtle = globalThis.crypto.subtle;

let serial = 1000;

/** A self-signed certificate for "CN=commonName, O=organisation, C=VN", with an RSA-2048 or ECDSA P-256 key. */
export async function makeTestSigner(opts: { commonName: string; organisation?: string; key?: 'rsa' | 'ec'; notBefore?: Date; notAfter?: Date }): Promise<TestSigner> {
  const algorithm = opts.key === 'ec'
    ? { name: 'ECDSA', namedCurve: 'P-256' }
    : { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
  const keys = (await subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ value: serial++ });
  const attributes = [
    new pkijs.AttributeTypeAndValue({ type: '2.5.4.6', value: new asn1js.PrintableString({ value: 'VN' }) }),
    ...(opts.organisation ? [new pkijs.AttributeTypeAndValue({ type: '2.5.4.10', value: new asn1js.Utf8String({ value: opts.organisation }) })] : []),
    new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: opts.commonName }) }),
  ];
  // One attribute per RDN, as certificate authorities write names (pkijs alone would put them all in one SET).
  const name = () => pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: attributes.map((a) => new asn1js.Set({ value: [a.toSchema()] })) }).toBER(false));
  certificate.subject = name();
  certificate.issuer = name();
  certificate.notBefore.value = opts.notBefore ?? new Date('2025-01-01T00:00:00Z');
  certificate.notAfter.value = opts.notAfter ?? new Date('2028-12-31T00:00:00Z');
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey, engine);
  await certificate.sign(keys.privateKey, 'SHA-256', engine);
  return { privateKey: keys.privateKey, certificate };
}

const HOLE_BYTES = 8192;
const RANGE_WIDTH = 40;

/** A PDF text string: ASCII as a literal, anything else as UTF-16BE with its byte-order mark in hex. */
function pdfString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, '\\$&')})`;
  return `<feff${Buffer.from(text, 'utf16le').swap16().toString('hex')}>`;
}

const pdfDate = (d: Date) => `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

/**
 * Signs `pdf` with `signer`. The signature's /M and (unless `signingTimeAttribute` is false) the
 * signed signingTime attribute are `signingTime`. A second call adds a second signature field.
 * `cms` replaces our CMS maker (a fixture signed by another tool); SubFilter ETSI.RFC3161 makes a
 * document time-stamp (PAdES-LTA) by `signer` as the time-stamp authority; `timeStamp` adds a
 * signature time-stamp (PAdES-T).
 */
export async function signPdf(pdf: Uint8Array, signer: TestSigner | null, opts: { signingTime?: Date; subFilter?: 'adbe.pkcs7.detached' | 'ETSI.CAdES.detached' | 'ETSI.RFC3161'; signingTimeAttribute?: boolean; reason?: string; cms?: (signed: Buffer) => Promise<Buffer>; holeBytes?: number; timeStamp?: { by: TestSigner; at: Date } } = {}): Promise<Buffer> {
  const at = opts.signingTime ?? new Date('2026-03-02T02:00:00Z');
  const hole = opts.holeBytes ?? HOLE_BYTES;
  const base = Buffer.from(pdf);
  const text = base.toString('latin1');
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const root = /\/Root\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!root || !size || !startxref) throw new Error('test-signing: a PDF with a classic trailer is needed');
  const rootNo = Number(root[1]);
  const catalog = lastObject(text, rootNo);
  let next = Number(size[1]);
  const sigNo = next++;
  const fieldNo = next++;
  // A catalog that already has a form (an earlier signature) keeps its fields; else a new form.
  const formRef = /\/AcroForm\s+(\d+)\s+0\s+R/.exec(catalog);
  const formNo = formRef ? Number(formRef[1]) : next++;
  const fields = formRef ? (/\/Fields\s*\[([^\]]*)\]/.exec(lastObject(text, formNo))?.[1] ?? '').trim() : '';
  const catalogBody = catalog.replace(/\/AcroForm\s+\d+\s+0\s+R/, '').replace(/>>\s*$/, `/AcroForm ${formNo} 0 R\n>>`);

  const objects: [number, string][] = [
    [sigNo, `<<\n/Type /${opts.subFilter === 'ETSI.RFC3161' ? 'DocTimeStamp' : 'Sig'}\n/Filter /Adobe.PPKLite\n/SubFilter /${opts.subFilter ?? 'ETSI.CAdES.detached'}\n/ByteRange [${' '.repeat(RANGE_WIDTH)}]\n/Contents <${'0'.repeat(hole * 2)}>\n/M ${pdfString(pdfDate(at))}\n/Reason ${pdfString(opts.reason ?? 'Ký ban hành')}\n>>`],
    [fieldNo, `<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T ${pdfString(`Chu ky ${sigNo}`)}\n/V ${sigNo} 0 R\n/F 132\n/Rect [0 0 0 0]\n>>`],
    [formNo, `<<\n/Fields [${fields ? `${fields} ` : ''}${fieldNo} 0 R]\n/SigFlags 3\n>>`],
    [rootNo, catalogBody],
  ];
  let update = '\n';
  const offsets = new Map<number, number>();
  for (const [no, body] of objects) {
    offsets.set(no, base.length + update.length);
    update += `${no} 0 obj\n${body}\nendobj\n`;
  }
  const xrefAt = base.length + update.length;
  update += `xref\n${[...offsets].sort((a, b) => a[0] - b[0]).map(([no, off]) => `${no} 1\n${String(off).padStart(10, '0')} 00000 n \n`).join('')}`;
  const info = /\/Info\s+\d+\s+\d+\s+R/.exec(trailer)?.[0] ?? '';
  update += `trailer\n<<\n/Size ${next}\n/Root ${rootNo} 0 R\n${info}\n/Prev ${startxref[1]}\n>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const out = Buffer.concat([base, Buffer.from(update, 'latin1')]);

  const sigAt = offsets.get(sigNo)!;
  const holeStart = out.indexOf('/Contents <', sigAt, 'latin1') + '/Contents '.length;
  const holeEnd = holeStart + hole * 2 + 2;
  const range = `0 ${holeStart} ${holeEnd} ${out.length - holeEnd}`;
  const rangeAt = out.indexOf('/ByteRange [', sigAt, 'latin1') + '/ByteRange ['.length;
  out.write(range.padEnd(RANGE_WIDTH, ' '), rangeAt, 'latin1');

  const signed = Buffer.concat([out.subarray(0, holeStart), out.subarray(holeEnd)]);
  const cms = opts.cms ? await opts.cms(signed)
    : opts.subFilter === 'ETSI.RFC3161' ? await timeStampToken(signed, signer!, at)
      : await detachedCms(signed, signer!, opts.signingTimeAttribute === false ? null : at, opts.timeStamp);
  if (cms.length > hole) throw new Error('test-signing: the signature does not fit its hole');
  out.write(cms.toString('hex').padEnd(hole * 2, '0'), holeStart + 1, 'latin1');
  return out;
}

/** The text of the newest "n 0 obj … endobj" of an object, without the header and "endobj". */
function lastObject(text: string, no: number): string {
  const at = [...text.matchAll(new RegExp(`(?:^|\\s)${no}\\s+0\\s+obj`, 'g'))].at(-1);
  if (!at) throw new Error(`test-signing: object ${no} not found`);
  const start = at.index + at[0].length;
  return text.slice(start, text.indexOf('endobj', start)).trim();
}

const OID_DATA = '1.2.840.113549.1.7.1';
const OID_TST_INFO = '1.2.840.113549.1.9.16.1.4';
const OID_SHA256 = '2.16.840.1.101.3.4.2.1';
const sha256 = async (data: Uint8Array) => subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);

/** CMS SignedData (RFC 5652) by `signer` with SHA-256 and its certificate: detached over `detached`, or carrying `eContent`. */
async function signedData(signer: TestSigner, content: { detached: Uint8Array } | { eContentType: string; eContent: ArrayBuffer }, extra: pkijs.Attribute[], unsigned?: (signature: ArrayBuffer) => Promise<pkijs.Attribute[]>): Promise<Buffer> {
  const eContentType = 'detached' in content ? OID_DATA : content.eContentType;
  const digest = await sha256('detached' in content ? content.detached : new Uint8Array(content.eContent));
  const { certificate } = signer;
  const sd = new pkijs.SignedData({
    version: 'detached' in content ? 1 : 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType, ...('eContent' in content ? { eContent: new asn1js.OctetString({ valueHex: content.eContent }) } : {}) }),
    signerInfos: [new pkijs.SignerInfo({
      version: 1,
      sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
      signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: [
        new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: eContentType })] }),
        new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: digest })] }),
        ...extra,
      ] }),
    })],
    certificates: [certificate],
  });
  await sd.sign(signer.privateKey, 0, 'SHA-256', undefined, engine);
  const si = sd.signerInfos[0]!;
  const more = unsigned ? await unsigned(si.signature.valueBlock.valueHexView.slice().buffer) : [];
  if (more.length) si.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 1, attributes: more });
  const info = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: sd.toSchema(true) });
  return Buffer.from(info.toSchema().toBER(false));
}

/**
 * A detached CMS over `data` (PAdES: what fills /Contents). With `timeStampBy`, a time-stamp token
 * over the signature value as the unsigned signatureTimeStampToken attribute (PAdES-T), at `timeStampAt`.
 */
export async function detachedCms(data: Uint8Array, signer: TestSigner, signingTime: Date | null, stamp?: { by: TestSigner; at: Date }): Promise<Buffer> {
  const extra = signingTime ? [new pkijs.Attribute({ type: '1.2.840.113549.1.9.5', values: [new asn1js.UTCTime({ valueDate: signingTime })] })] : [];
  return signedData(signer, { detached: data }, extra, stamp
    ? async (signature) => [new pkijs.Attribute({ type: '1.2.840.113549.1.9.16.2.14', values: [asn1js.fromBER(await timeStampToken(new Uint8Array(signature), stamp.by, stamp.at)).result] })]
    : undefined);
}

/** An RFC 3161 time-stamp token (a SignedData carrying TSTInfo) over `data`, as a time-stamp authority answers. */
export async function timeStampToken(data: Uint8Array, tsa: TestSigner, genTime: Date): Promise<Buffer> {
  const tst = new pkijs.TSTInfo({
    version: 1,
    policy: '1.3.6.1.4.1.99999.1',
    messageImprint: new pkijs.MessageImprint({ hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID_SHA256 }), hashedMessage: new asn1js.OctetString({ valueHex: await sha256(data) }) }),
    serialNumber: new asn1js.Integer({ value: serial++ }),
    genTime,
  });
  return signedData(tsa, { eContentType: OID_TST_INFO, eContent: tst.toSchema().toBER(false) }, []);
}

/** Appends an incremental update after the last signature (a new document information dictionary), as an editor saving the file would. */
export function appendUpdate(pdf: Uint8Array, title = 'Đã sửa sau khi ký'): Buffer {
  const base = Buffer.from(pdf);
  const text = base.toString('latin1');
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)![1];
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)![1]);
  const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1];
  const objAt = base.length + 1;
  let update = `\n${size} 0 obj\n<< /Title ${pdfString(title)} >>\nendobj\n`;
  const xrefAt = base.length + update.length;
  update += `xref\n${size} 1\n${String(objAt).padStart(10, '0')} 00000 n \ntrailer\n<<\n/Size ${size + 1}\n/Root ${root}\n/Info ${size} 0 R\n/Prev ${prev}\n>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([base, Buffer.from(update, 'latin1')]);
}
