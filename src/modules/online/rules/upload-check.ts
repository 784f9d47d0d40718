import { inflateSync } from 'node:zlib';

/**
 * What a citizen may upload (issue 11 item 2): PDF, JPEG or PNG, recognised from the content alone —
 * the name and the declared type are the sender's word, not evidence. Pure checks, run before a byte
 * is stored. Each refusal carries its own Vietnamese message.
 */
export type AcceptedType = 'application/pdf' | 'image/jpeg' | 'image/png';
export type UploadProblem = { code: string; vi: string; en: string };

export const EXTENSIONS: Record<AcceptedType, string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type the bytes show, or null: a PDF starts with "%PDF-", a JPEG with FF D8 FF, a PNG with its 8-byte signature. */
export function sniffType(b: Buffer): AcceptedType | null {
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  return null;
}

/** What the bytes look like when they are not accepted, to say so plainly (a ZIP named .pdf, a program). */
function disguise(b: Buffer): string | null {
  if (b.length >= 2 && b[0] === 0x4d && b[1] === 0x5a) return 'chương trình máy tính (EXE)';
  if (b.length >= 4 && b[0] === 0x7f && b.subarray(1, 4).toString('latin1') === 'ELF') return 'chương trình máy tính (ELF)';
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b) return 'tệp nén ZIP';
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return 'tệp nén GZIP';
  if (b.length >= 2 && b[0] === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(b[1]!)) return 'dữ liệu nén (deflate)';
  if (b.length >= 6 && b.subarray(0, 6).toString('latin1') === '7z\xbc\xaf\x27\x1c') return 'tệp nén 7z';
  if (b.length >= 4 && b.subarray(0, 4).toString('latin1') === 'Rar!') return 'tệp nén RAR';
  return null;
}

const NAME_MAX = 200;

/**
 * A file name is only a label shown back to its owner, but one that tries to climb directories
 * (`../../etc/passwd.pdf`, `..\\..\\x.pdf`), names a path, or hides control characters is a probe or
 * a broken client: refused rather than cleaned, so nobody wonders which file they sent.
 */
export function nameProblem(name: string): UploadProblem | null {
  const bad = (vi: string, en: string): UploadProblem => ({ code: 'FILE_NAME_REJECTED', vi, en });
  if (!name.trim()) return bad('Tệp không có tên. Hãy đặt tên cho tệp (ví dụ giay-khai-sinh.pdf) rồi tải lên lại.', 'The file has no name.');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return bad('Tên tệp chứa ký tự điều khiển không hợp lệ. Hãy đổi tên tệp rồi tải lên lại.', 'The file name contains control characters.');
  if (/[\\/]/.test(name) || name.split(/[\\/]/).some((p) => p === '..' || p === '.') || name.startsWith('..')) {
    return bad('Tên tệp không được chứa đường dẫn thư mục (“/”, “\\” hoặc “..”). Hãy đổi tên tệp rồi tải lên lại.', 'The file name must not contain a path ("/", "\\" or "..").');
  }
  if ([...name].length > NAME_MAX) return bad(`Tên tệp dài quá ${NAME_MAX} ký tự. Hãy đặt tên ngắn hơn.`, `The file name is longer than ${NAME_MAX} characters.`);
  return null;
}

/** PDF streams inflate to at most this much in total; past it the file is refused (decompression bomb). */
export const PDF_INFLATE_BUDGET = 256 * 1024 * 1024;
/** An image of more pixels than this would take gigabytes to open: refused from its header. */
export const MAX_PIXELS = 100_000_000;

/**
 * Decompression bombs. A PDF's Flate streams are inflated with a total output budget: inflating stops
 * at the budget, so the check itself costs a bounded amount however hostile the file, and a real scan
 * (a few hundred MB of pixels at most for a 20 MB file) passes. Streams that are not zlib data (JPEG
 * images, broken streams) are not inflated — a viewer would not inflate them either. PNG and JPEG
 * bombs are caught from the dimensions in their headers, without decoding a pixel.
 */
export function bombProblem(type: AcceptedType, b: Buffer): UploadProblem | null {
  const bomb: UploadProblem = {
    code: 'FILE_DECOMPRESSION_BOMB',
    vi: 'Tệp bị từ chối: nội dung nén bên trong sẽ bung ra dung lượng bất thường (nghi là “bom giải nén”). Hãy quét hoặc xuất lại tài liệu thành tệp PDF/ảnh thông thường.',
    en: 'Refused: its compressed content would expand to an absurd size (a decompression bomb).',
  };
  if (type === 'application/pdf') {
    let budget = PDF_INFLATE_BUDGET;
    for (const stream of pdfStreams(b)) {
      if (stream[0] !== 0x78) continue;
      try {
        budget -= inflateSync(stream, { maxOutputLength: budget + 1 }).length;
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) return bomb;
        continue;
      }
      if (budget < 0) return bomb;
    }
    return null;
  }
  const size = type === 'image/png' ? pngSize(b) : jpegSize(b);
  if (size && size.width * size.height > MAX_PIXELS) return bomb;
  return null;
}

/** The raw bytes between each `stream` keyword and its `endstream` (no parsing of lengths: a bomb may lie about them). */
function* pdfStreams(b: Buffer): Generator<Buffer> {
  let at = 0;
  for (;;) {
    const start = b.indexOf('stream', at, 'latin1');
    if (start < 0) return;
    // "endstream" contains "stream": skip it.
    if (start >= 3 && b.subarray(start - 3, start).toString('latin1') === 'end') { at = start + 6; continue; }
    let data = start + 6;
    if (b[data] === 0x0d) data++;
    if (b[data] === 0x0a) data++;
    const end = b.indexOf('endstream', data, 'latin1');
    if (end < 0) return;
    yield b.subarray(data, end);
    at = end + 9;
  }
}

function pngSize(b: Buffer): { width: number; height: number } | null {
  if (b.length < 24 || b.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The frame header (SOF0–SOF15 but DHT/JPG/DAC) gives the size; markers are walked by their lengths. */
function jpegSize(b: Buffer): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) { i += marker === 0xff ? 1 : 2; continue; }
    const length = b.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    if (marker === 0xda) return null;
    i += 2 + length;
  }
  return null;
}

/** Every check on one upload: its name, its real type (and that the name's extension agrees), bombs. */
export function checkUpload(name: string, content: Buffer): { type: AcceptedType } | UploadProblem {
  const n = nameProblem(name);
  if (n) return n;
  const type = sniffType(content);
  if (!type) {
    const what = disguise(content);
    return {
      code: 'FILE_TYPE_REJECTED',
      vi: `Chỉ nhận tệp PDF, JPEG hoặc PNG (nhận biết theo nội dung tệp, không theo tên)${what ? `; tệp này là ${what}` : ''}. Tệp chưa được lưu.`,
      en: `Only PDF, JPEG or PNG files are accepted (recognised by their content, not their name)${what ? '; this file is something else' : ''}. Nothing was stored.`,
    };
  }
  const ext = name.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  if (!EXTENSIONS[type].includes(ext)) {
    return {
      code: 'FILE_TYPE_REJECTED',
      vi: `Đuôi tên tệp (“${ext || 'không có'}”) không khớp với nội dung tệp (${type === 'application/pdf' ? 'PDF' : type === 'image/png' ? 'PNG' : 'JPEG'}). Hãy đổi tên tệp cho đúng rồi tải lên lại.`,
      en: `The file name's extension does not match its content (${type}).`,
    };
  }
  return bombProblem(type, content) ?? { type };
}
