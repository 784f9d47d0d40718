import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SignatureCheck } from '../registry.tables.js';
import { findSignatureDictionaries, pdfDate, type SignatureDictionary } from './pdf-signatures.js';

/**
 * Checks the digital signatures of a PDF (Decree 30 art. 5: an electronic document has legal value when
 * digitally signed; Appendix VI asks the system to check authenticity and integrity on receipt). For each
 * PAdES / PDF signature: the CMS SignedData in /Contents is parsed, the digest of the bytes its /ByteRange
 * names is compared with the signed messageDigest, and the signature over the signed attributes is
 * checked with the public key of the signer's certificate (RSA, RSA-PSS, ECDSA).
 *
 * NOT checked: the certificate chain up to the national root CA (Root CA of the Government / the
 * National Electronic Authentication Centre), nor revocation (CRL/OCSP). "valid" therefore means "these
 * bytes were signed by the holder of the key in this certificate and not changed since", not "this
 * certificate was issued by a licensed provider". Checking chains needs the roots as configuration and
 * network access for revocation; until then the person reading the result sees the signer's name and
 * organisation as the certificate states them.
 *
 * Pure: no I/O. Asynchronous only because WebCrypto is. Never throws: a signature that cannot be read
 * is reported as invalid with the reason.
 */

export const PROBLEMS = {
  unreadable: 'Không đọc được chữ ký',
  tampered: 'Nội dung đã bị thay đổi sau khi ký',
  mismatch: 'Chữ ký không khớp với chứng thư',
  tamperedOrMismatch: 'Nội dung đã bị thay đổi sau khi ký hoặc chữ ký không khớp với chứng thư',
  noCertificate: 'Không tìm thấy chứng thư số của người ký trong chữ ký',
  byteRange: 'Vùng dữ liệu được ký (ByteRange) không hợp lệ hoặc không khớp với vị trí chữ ký',
  unsupported: 'Kiểu chữ ký hoặc thuật toán chưa được hỗ trợ kiểm tra',
  notInValidity: 'Chứng thư số không có hiệu lực tại thời điểm ký',
} as const;

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signatureTimeStamp: '1.2.840.113549.1.9.16.2.14',
  commonName: '2.5.4.3',
  organisation: '2.5.4.10',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecPublicKey: '1.2.840.10045.2.1',
} as const;

const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA-1', '2.16.840.1.101.3.4.2.1': 'SHA-256', '2.16.840.1.101.3.4.2.2': 'SHA-384', '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

type Signature = SignatureCheck['signatures'][number];

/** One engine over the platform's WebCrypto (Node 20's globalThis.crypto), passed explicitly: no global pkijs state. */
const engine = new pkijs.CryptoEngine({ name: 'webcrypto', crypto: globalThis.crypto as unknown as pkijs.CryptoEngineParameters['crypto'] });

export async function verifyPdfSignatures(bytes: Uint8Array): Promise<SignatureCheck> {
  let dictionaries: SignatureDictionary[];
  try {
    dictionaries = findSignatureDictionaries(bytes);
  } catch {
    dictionaries = [];
  }
  if (dictionaries.length === 0) return { status: 'none', signatures: [] };
  const signatures: Signature[] = [];
  for (const d of dictionaries) signatures.push(await checkOne(bytes, d));
  return { status: signatures.every((s) => s.valid) ? 'valid' : 'invalid', signatures };
}

const PDF_WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);

/** Where the signed bytes are, and whether they are everything but the signature itself. */
function rangeOf(d: SignatureDictionary, pdf: Uint8Array): { parts: [number, number][]; whole: boolean } | null {
  const r = d.byteRange;
  if (!r || !d.contentsAt) return null;
  const [a, b, c, e] = r as [number, number, number, number];
  if (a + b > c || c + e > pdf.length) return null;
  // The hole must be exactly this dictionary's /Contents string: else the signed bytes and the blob checked are not the pair the signer made.
  if (a + b !== d.contentsAt.start || c !== d.contentsAt.end) return null;
  // Bytes after the signed range are a later incremental update (ISO 32000-1 §7.5.6); trailing whitespace changes nothing.
  let whole = a === 0;
  for (let i = c + e; whole && i < pdf.length; i++) whole = PDF_WHITESPACE.has(pdf[i]!);
  return { parts: [[a, b], [c, e]], whole };
}

async function checkOne(pdf: Uint8Array, d: SignatureDictionary): Promise<Signature> {
  const result: Signature = { signer: null, organisation: null, signedAt: pdfDate(d.signingTime), valid: false, coversWholeFile: false, problem: null };
  const fail = (problem: string): Signature => ({ ...result, valid: false, problem });
  const range = rangeOf(d, pdf);
  if (range) result.coversWholeFile = range.whole;
  if (!d.contents || d.contents.length === 0) return fail(PROBLEMS.unreadable);

  let signedData: pkijs.SignedData;
  try {
    const der = asn1js.fromBER(d.contents);
    if (der.offset === -1) return fail(PROBLEMS.unreadable);
    const info = new pkijs.ContentInfo({ schema: der.result });
    if (info.contentType !== OID.signedData) return fail(PROBLEMS.unreadable);
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch {
    return fail(PROBLEMS.unreadable);
  }
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) return fail(PROBLEMS.unreadable);

  try {
    const certificate = await signerCertificate(signedData, signerInfo);
    if (!certificate) return fail(PROBLEMS.noCertificate);
    result.signer = subjectField(certificate, OID.commonName);
    result.organisation = subjectField(certificate, OID.organisation);
    result.signedAt = signingTimeOf(signerInfo) ?? result.signedAt;
    if (!range) return fail(PROBLEMS.byteRange);

    const digestName = DIGESTS[signerInfo.digestAlgorithm.algorithmId];
    if (!digestName) return fail(PROBLEMS.unsupported);
    const signedBytes = concat(range.parts.map(([at, len]) => pdf.subarray(at, at + len)));

    // What the messageDigest covers: the document itself (detached: adbe.pkcs7.detached, ETSI.CAdES.detached),
    // or an embedded content that in turn names the document — a time-stamp token (ETSI.RFC3161) or the
    // SHA-1 of the document (adbe.pkcs7.sha1).
    let content = signedBytes;
    const eContent = signedData.encapContentInfo.eContent;
    if (eContent) {
      content = new Uint8Array(eContent.getValue());
      const type = signedData.encapContentInfo.eContentType;
      if (type === OID.tstInfo) {
        const tst = pkijs.TSTInfo.fromBER(bytesOf(content));
        const algorithm = DIGESTS[tst.messageImprint.hashAlgorithm.algorithmId];
        if (!algorithm) return fail(PROBLEMS.unsupported);
        const imprint = await digest(algorithm, signedBytes);
        if (!equal(imprint, new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView))) return fail(PROBLEMS.tampered);
        result.signedAt = tst.genTime.toISOString();
      } else if (type === OID.data && d.subFilter === 'adbe.pkcs7.sha1') {
        if (!equal(content, await digest('SHA-1', signedBytes))) return fail(PROBLEMS.tampered);
      } else {
        return fail(PROBLEMS.unsupported);
      }
    } else if (d.subFilter !== null && !['adbe.pkcs7.detached', 'ETSI.CAdES.detached'].includes(d.subFilter)) {
      return fail(PROBLEMS.unsupported);
    }

    const attrs = signerInfo.signedAttrs;
    let toVerify: Uint8Array = content;
    if (attrs) {
      const md = attrs.attributes.find((a) => a.type === OID.messageDigest)?.values[0] as asn1js.OctetString | undefined;
      if (!md) return fail(PROBLEMS.unreadable);
      if (!equal(await digest(digestName, content), new Uint8Array(md.valueBlock.valueHexView))) return fail(PROBLEMS.tampered);
      toVerify = new Uint8Array(attrs.encodedValue);
    }
    const sigAlg = signerInfo.signatureAlgorithm.algorithmId;
    // Some signers name the key's algorithm instead of "x-with-SHA256": the hash is then the digest algorithm's.
    const hash = sigAlg === OID.rsaEncryption || sigAlg === OID.ecPublicKey ? digestName : undefined;
    let ok: boolean;
    try {
      ok = await engine.verifyWithPublicKey(bytesOf(toVerify), signerInfo.signature, certificate.subjectPublicKeyInfo, signerInfo.signatureAlgorithm, hash);
    } catch {
      return fail(PROBLEMS.unsupported);
    }
    if (!ok) return fail(attrs ? PROBLEMS.mismatch : PROBLEMS.tamperedOrMismatch);

    if (result.signedAt) {
      const at = new Date(result.signedAt);
      if (at < certificate.notBefore.value || at > certificate.notAfter.value) return fail(PROBLEMS.notInValidity);
    }
    return { ...result, valid: true, problem: null };
  } catch {
    return fail(PROBLEMS.unreadable);
  }
}

/** The certificate the SignerInfo names, by issuer and serial number or by subject key identifier. */
async function signerCertificate(sd: pkijs.SignedData, si: pkijs.SignerInfo): Promise<pkijs.Certificate | null> {
  const certificates = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  if (si.sid instanceof pkijs.IssuerAndSerialNumber) {
    const sid = si.sid;
    return certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null;
  }
  const sid = si.sid as asn1js.Constructed | asn1js.Primitive;
  const keyId = sid.idBlock.isConstructed
    ? new Uint8Array(((sid as asn1js.Constructed).valueBlock.value[0] as asn1js.Primitive).valueBlock.valueHexView)
    : new Uint8Array((sid as asn1js.Primitive).valueBlock.valueHexView);
  for (const c of certificates) {
    if (equal(await digest('SHA-1', new Uint8Array(c.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)), keyId)) return c;
  }
  return null;
}

function subjectField(c: pkijs.Certificate, type: string): string | null {
  const v = c.subject.typesAndValues.find((t) => t.type === type)?.value;
  const text = v && typeof (v.valueBlock as { value?: unknown }).value === 'string' ? (v.valueBlock as { value: string }).value : null;
  return text?.trim() || null;
}

/** The time-stamp token's time (attested by a time-stamp authority), else the signing-time attribute; /M is the caller's fallback. */
function signingTimeOf(si: pkijs.SignerInfo): string | null {
  const token = si.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStamp)?.values[0];
  if (token) {
    try {
      const e = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: token }).content }).encapContentInfo.eContent;
      if (e) return pkijs.TSTInfo.fromBER(e.getValue()).genTime.toISOString();
    } catch {
      // An unreadable token is no time at all; the signature itself is judged on its own.
    }
  }
  const attr = si.signedAttrs?.attributes.find((a) => a.type === OID.signingTime)?.values[0] as asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
  return attr && typeof attr.toDate === 'function' ? attr.toDate().toISOString() : null;
}

async function digest(name: string, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest(name, bytesOf(data)));
}

/** Our bytes are never shared memory: say so to WebCrypto's types. */
const bytesOf = (u: Uint8Array) => u as Uint8Array<ArrayBuffer>;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
