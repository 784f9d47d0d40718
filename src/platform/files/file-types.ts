/**
 * The kinds of file a scan may be (Circular 01/2023 digitisation: PDF or images), each recognised by
 * its first bytes, never by the name or the type a browser claims: a renamed executable is not a PDF.
 */
export const SCAN_TYPES = {
  'application/pdf': (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/jpeg': (b: Buffer) => b[0] === 0xff && b[1] === 0xd8,
  'image/png': (b: Buffer) => b[0] === 0x89 && b.subarray(1, 4).toString('latin1') === 'PNG',
} as const;
export type ScanType = keyof typeof SCAN_TYPES;

/** The type the content really is, or undefined when it is none of the accepted kinds. */
export function sniffScanType(content: Buffer): ScanType | undefined {
  return (Object.keys(SCAN_TYPES) as ScanType[]).find((t) => SCAN_TYPES[t](content));
}

/** The usual file-name extension of a type (a download named after a document gets one). */
export const SCAN_EXTENSIONS: Record<ScanType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };
