import { createInflateRaw } from 'node:zlib';
import { AppError } from '../http/app-error.js';

/**
 * Bounds what an XLSX (a zip of XML) costs before ExcelJS builds it in memory. The zip is small and
 * its XML is not: an 8 MB upload of 1,000,001 rows took 13 s and 435 MB to load. Each entry is
 * inflated here piece by piece, counting the bytes actually produced (a zip bomb cannot lie about
 * them, whatever sizes its directory declares) and the rows of every worksheet, so a file over
 * either limit is refused in a fraction of a second, before the real reader sees it.
 */
export type SpreadsheetLimits = { maxInflatedBytes: number; maxRows: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const unreadable = () => new AppError('FILE_UNREADABLE', 400, 'Không đọc được tệp XLSX (tệp hỏng hoặc không phải bảng tính Excel).', 'The XLSX file could not be read (damaged or not an Excel workbook).');

export function spreadsheetTooLarge(limits: SpreadsheetLimits): AppError {
  return new AppError('SPREADSHEET_TOO_LARGE', 413,
    `Bảng tính quá lớn: tối đa ${limits.maxRows.toLocaleString('vi-VN')} dòng và ${Math.round(limits.maxInflatedBytes / 1024 / 1024)} MB dữ liệu khi giải nén. Không dòng nào được nhập; hãy tách thành nhiều tệp nhỏ hơn.`,
    `The spreadsheet is too large: at most ${limits.maxRows} rows and ${Math.round(limits.maxInflatedBytes / 1024 / 1024)} MB uncompressed. Nothing was imported; split it into smaller files.`,
    undefined, { maxRows: limits.maxRows, maxInflatedBytes: limits.maxInflatedBytes });
}

/**
 * Counts `<row` opening tags (what ExcelJS reads as a row) in a stream of XML pieces. A tag may be
 * split between two pieces, so the last bytes of each piece are looked at again with the next.
 */
function rowCounter(): (piece: Buffer) => number {
  let carry = Buffer.alloc(0);
  return (piece) => {
    const xml = carry.length ? Buffer.concat([carry, piece]) : piece;
    let n = 0;
    // A match needs the 5 bytes "<row" + one more; the bytes it cannot judge yet are carried over.
    const last = xml.length - 5;
    let at = xml.indexOf('<row', 0, 'latin1');
    for (; at !== -1 && at <= last; at = xml.indexOf('<row', at + 4, 'latin1')) {
      const after = xml[at + 4];
      if (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d) n++;
    }
    carry = Buffer.from(xml.subarray(Math.max(0, last + 1)));
    return n;
  };
}

/**
 * Throws 413 when the workbook inflates past `maxInflatedBytes` or holds more than `maxRows` rows in
 * all, 400 when it is not a zip. Inflation is streamed and stops at the first limit crossed, so a
 * million-row sheet is refused after reading its first rows.
 */
export async function checkXlsxLimits(zip: Buffer, limits: SpreadsheetLimits): Promise<void> {
  const end = findEndOfCentralDirectory(zip);
  if (end < 0) throw unreadable();
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let inflated = 0;
  let rows = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw unreadable();
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) throw unreadable();
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    // 0xFFFFFFFF marks a zip64 size: no spreadsheet we accept comes near 4 GB.
    if (compressed === 0xffffffff) throw spreadsheetTooLarge(limits);
    if (start + compressed > zip.length) throw unreadable();
    if (method !== 0 && method !== 8) throw unreadable();
    const data = zip.subarray(start, start + compressed);
    const count = /^xl\/worksheets\/[^/]+\.xml$/i.test(name) ? rowCounter() : undefined;
    const pieces: AsyncIterable<Buffer> | Buffer[] = method === 0 ? [data] : inflating(data);
    try {
      for await (const piece of pieces) {
        inflated += piece.length;
        if (count) rows += count(piece);
        // Leaving the loop destroys the inflater: nothing past the limit is inflated.
        if (inflated > limits.maxInflatedBytes || rows > limits.maxRows) throw spreadsheetTooLarge(limits);
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw unreadable();
    }
  }
}

function inflating(data: Buffer): AsyncIterable<Buffer> {
  const stream = createInflateRaw({ chunkSize: 64 * 1024 });
  stream.end(data);
  return stream;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end of the file.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}
