import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../../platform/documents/pdf.js';
import { findSignatureDictionaries, pdfDate } from './pdf-signatures.js';
import { appendUpdate, makeTestSigner, signPdf, type TestSigner } from './test-signing.js';
import { PROBLEMS, verifyPdfSignatures } from './verify.js';

// Every PDF here is signed in the test with self-made certificates (test-signing.ts); one fixture was
// signed by OpenSSL (fixtures/README.md). Signing times are fixed instants, never today.
const SIGNED_AT = new Date('2026-03-02T02:00:00Z');
let pdf: Buffer;
let an: TestSigner;
let binh: TestSigner;
let signed: Buffer;

beforeAll(async () => {
  pdf = await renderPdf({ content: [{ text: 'SỞ NỘI VỤ TỈNH LAI CHÂU', bold: true }, 'Kế hoạch cải cách hành chính năm 2026'] });
  an = await makeTestSigner({ commonName: 'Nguyễn Văn An', organisation: 'Sở Nội vụ tỉnh Lai Châu' });
  binh = await makeTestSigner({ commonName: 'Trần Thị Bình', organisation: 'Văn phòng UBND tỉnh Lai Châu', key: 'ec' });
  signed = await signPdf(pdf, an, { signingTime: SIGNED_AT });
});

/** The offsets of the first signature's two signed parts. */
const signedParts = (bytes: Buffer) => {
  const [a, b, c, d] = findSignatureDictionaries(bytes)[0]!.byteRange!;
  return { first: [a!, a! + b!], second: [c!, c! + d!] };
};

describe('a PDF with a valid PAdES signature', () => {
  it('shows the signer\'s name and organisation from the certificate and the signing time', async () => {
    const check = await verifyPdfSignatures(signed);
    expect(check).toEqual({
      status: 'valid',
      signatures: [{ signer: 'Nguyễn Văn An', organisation: 'Sở Nội vụ tỉnh Lai Châu', signedAt: '2026-03-02T02:00:00.000Z', valid: true, coversWholeFile: true, problem: null }],
    });
  });

  it('checks ECDSA and adbe.pkcs7.detached too, taking the time from /M when no signing-time attribute is signed', async () => {
    const at = new Date('2026-03-03T08:15:30Z');
    const check = await verifyPdfSignatures(await signPdf(pdf, binh, { subFilter: 'adbe.pkcs7.detached', signingTime: at, signingTimeAttribute: false }));
    expect(check.status).toBe('valid');
    expect(check.signatures[0]).toMatchObject({ signer: 'Trần Thị Bình', organisation: 'Văn phòng UBND tỉnh Lai Châu', signedAt: at.toISOString(), valid: true });
  });

  it('accepts a signature whose CMS was made by another tool (OpenSSL, ECDSA P-256)', async () => {
    const fixture = readFileSync(join(import.meta.dirname, 'fixtures', 'openssl-ecdsa-signed.pdf'));
    expect(await verifyPdfSignatures(fixture)).toEqual({
      status: 'valid',
      signatures: [{ signer: 'Trần Thị Bình', organisation: 'Văn phòng UBND tỉnh Lai Châu', signedAt: '2026-12-06T06:20:04.000Z', valid: true, coversWholeFile: true, problem: null }],
    });
    const changed = Buffer.from(fixture);
    changed[changed.indexOf('0 0 1 rg')] = 0x31; // the blue square becomes another colour
    expect((await verifyPdfSignatures(changed)).signatures[0]).toMatchObject({ valid: false, problem: PROBLEMS.tampered });
  });

  it('takes the time of a signature time-stamp (PAdES-T) over the signer\'s own claim', async () => {
    const tsa = await makeTestSigner({ commonName: 'Dịch vụ cấp dấu thời gian', key: 'ec' });
    const stampedAt = new Date('2026-03-02T02:00:07Z');
    const check = await verifyPdfSignatures(await signPdf(pdf, an, { signingTime: SIGNED_AT, timeStamp: { by: tsa, at: stampedAt } }));
    expect(check.signatures[0]).toMatchObject({ valid: true, signedAt: stampedAt.toISOString() });
  });

  it('checks a document time-stamp (ETSI.RFC3161) against the bytes it covers', async () => {
    const tsa = await makeTestSigner({ commonName: 'Dịch vụ cấp dấu thời gian', organisation: 'Trung tâm Chứng thực điện tử' });
    const at = new Date('2026-03-02T03:00:00Z');
    const stamped = await signPdf(signed, tsa, { subFilter: 'ETSI.RFC3161', signingTime: at });
    const check = await verifyPdfSignatures(stamped);
    expect(check.status).toBe('valid');
    expect(check.signatures.map((s) => [s.signer, s.signedAt, s.coversWholeFile])).toEqual([
      ['Nguyễn Văn An', SIGNED_AT.toISOString(), false], ['Dịch vụ cấp dấu thời gian', at.toISOString(), true],
    ]);
    const changed = Buffer.from(stamped);
    changed[10] = changed[10]! ^ 0x01;
    expect((await verifyPdfSignatures(changed)).signatures.map((s) => s.problem)).toEqual([PROBLEMS.tampered, PROBLEMS.tampered]);
  });
});

describe('a signed PDF changed afterwards', () => {
  it('a byte changed inside the signed range: invalid, "Nội dung đã bị thay đổi sau khi ký"', async () => {
    const { first, second } = signedParts(signed);
    for (const at of [first[0]! + 100, second[1]! - 20]) {
      const tampered = Buffer.from(signed);
      tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
      const check = await verifyPdfSignatures(tampered);
      expect(check.status).toBe('invalid');
      expect(check.signatures[0]).toMatchObject({ signer: 'Nguyễn Văn An', valid: false, problem: 'Nội dung đã bị thay đổi sau khi ký' });
    }
  });

  it('any single byte changed in the signed ranges is caught', async () => {
    const { first, second } = signedParts(signed);
    const positions = [...Array.from({ length: first[1]! - first[0]! }, (_, i) => first[0]! + i), ...Array.from({ length: second[1]! - second[0]! }, (_, i) => second[0]! + i)];
    await fc.assert(fc.asyncProperty(fc.constantFrom(...positions), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
      const tampered = Buffer.from(signed);
      tampered[at] = tampered[at]! ^ xor;
      const check = await verifyPdfSignatures(tampered);
      expect(check.status).not.toBe('valid');
    }), { numRuns: 40 });
  });

  it('an incremental update appended after signing: the signature still holds but no longer covers the whole file', async () => {
    const check = await verifyPdfSignatures(appendUpdate(signed));
    expect(check.signatures).toEqual([expect.objectContaining({ valid: true, coversWholeFile: false, problem: null })]);
  });

  it('a second signature (the agency after the signer, Decree 30 art. 5): the first covers its revision, the last the whole file', async () => {
    const twice = await signPdf(signed, binh, { signingTime: new Date('2026-03-02T04:00:00Z') });
    const check = await verifyPdfSignatures(twice);
    expect(check.status).toBe('valid');
    expect(check.signatures.map((s) => [s.signer, s.coversWholeFile])).toEqual([['Nguyễn Văn An', false], ['Trần Thị Bình', true]]);
  });

  it('a whitespace byte appended after %%EOF changes nothing', async () => {
    expect((await verifyPdfSignatures(Buffer.concat([signed, Buffer.from('\r\n')]))).signatures[0]!.coversWholeFile).toBe(true);
  });
});

describe('signatures that do not hold', () => {
  it('signed with one key, carrying another\'s certificate: "Chữ ký không khớp với chứng thư"', async () => {
    const other = await makeTestSigner({ commonName: 'Nguyễn Văn An', organisation: 'Sở Nội vụ tỉnh Lai Châu' });
    const forged = await signPdf(pdf, { privateKey: other.privateKey, certificate: an.certificate });
    const check = await verifyPdfSignatures(forged);
    expect(check.status).toBe('invalid');
    expect(check.signatures[0]).toMatchObject({ signer: 'Nguyễn Văn An', valid: false, problem: 'Chữ ký không khớp với chứng thư' });
  });

  it('signed outside the certificate\'s validity', async () => {
    const expired = await makeTestSigner({ commonName: 'Lò Văn Cường', notBefore: new Date('2023-01-01T00:00:00Z'), notAfter: new Date('2025-12-31T00:00:00Z') });
    const check = await verifyPdfSignatures(await signPdf(pdf, expired, { signingTime: SIGNED_AT }));
    expect(check.signatures[0]).toMatchObject({ signer: 'Lò Văn Cường', valid: false, problem: PROBLEMS.notInValidity });
  });

  it('garbage in /Contents: invalid with "Không đọc được chữ ký", never a throw', async () => {
    const garbage = Buffer.from(signed);
    const d = findSignatureDictionaries(signed)[0]!;
    garbage.write('3082ffff0a0b0c0d'.repeat(64), d.contentsAt!.start + 1, 'latin1');
    const check = await verifyPdfSignatures(garbage);
    expect(check).toEqual({ status: 'invalid', signatures: [expect.objectContaining({ valid: false, problem: 'Không đọc được chữ ký' })] });
    const zeros = Buffer.from(signed);
    zeros.write('0'.repeat((d.contentsAt!.end - d.contentsAt!.start) - 2), d.contentsAt!.start + 1, 'latin1');
    expect((await verifyPdfSignatures(zeros)).signatures[0]!.problem).toBe(PROBLEMS.unreadable);
  });

  it('a /ByteRange that does not frame its own /Contents is refused', async () => {
    const text = signed.toString('latin1');
    const [a, b, c, d] = findSignatureDictionaries(signed)[0]!.byteRange!;
    const shifted = Buffer.from(text.replace(`[0 ${b} ${c} ${d}`, `[0 ${b! - 10} ${c} ${d}`.padEnd(`[0 ${b} ${c} ${d}`.length, ' ')), 'latin1');
    expect(a).toBe(0);
    const check = await verifyPdfSignatures(shifted);
    expect(check.signatures[0]).toMatchObject({ valid: false, problem: PROBLEMS.byteRange });
  });
});

describe('files without a signature', () => {
  it('a PDF without a signature: none', async () => {
    expect(await verifyPdfSignatures(pdf)).toEqual({ status: 'none', signatures: [] });
  });

  it('non-PDF bytes, an empty file, or a PDF that only mentions /ByteRange in a stream: none, never a throw', async () => {
    expect(await verifyPdfSignatures(new Uint8Array(0))).toEqual({ status: 'none', signatures: [] });
    expect(await verifyPdfSignatures(Buffer.from('PK\x03\x04 /ByteRange [0 1 2 3] /Contents <00>', 'latin1'))).toEqual({ status: 'none', signatures: [] });
    const streamOnly = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Length 40 >>\nstream\n/ByteRange [0 1 2 3] /Contents <3082>\nendstream\nendobj\n%%EOF\n', 'latin1');
    expect(await verifyPdfSignatures(streamOnly)).toEqual({ status: 'none', signatures: [] });
  });

  it('hostile structure (deep nesting, unterminated strings) ends the parse, not the check', async () => {
    const deep = Buffer.from(`%PDF-1.7\n1 0 obj\n${'<< /A '.repeat(5000)}/ByteRange [0 1 2 3] /Contents <00>`, 'latin1');
    const open = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Sig /Name (never closed /ByteRange [0 1 2 3] /Contents <00', 'latin1');
    for (const bytes of [deep, open]) expect(await verifyPdfSignatures(bytes)).toEqual({ status: 'none', signatures: [] });
  });
});

describe('PDF dates', () => {
  it('reads D:YYYYMMDDHHmmSS with its offset from UTC', () => {
    expect(pdfDate("D:20260302090000+07'00'")).toBe('2026-03-02T02:00:00.000Z');
    expect(pdfDate('D:20260302020000Z')).toBe('2026-03-02T02:00:00.000Z');
    expect(pdfDate('D:2026')).toBe('2026-01-01T00:00:00.000Z');
    expect(pdfDate('hôm qua')).toBeNull();
  });
});
