import { detectImageType } from '../../../platform/documents/index.js';

const DATA_URL = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/;

/**
 * The photo as a data URL PDFKit can embed, or null when there is none or it is not a PNG/JPEG (the
 * upload route trusts the browser's content type, so the bytes are checked here).
 */
export function photoDataUrl(photo: Buffer | string | null | undefined): string | null {
  if (photo === null || photo === undefined) return null;
  if (typeof photo === 'string') {
    if (!DATA_URL.test(photo)) return null;
    const bytes = Buffer.from(photo.slice(photo.indexOf(',') + 1), 'base64');
    return detectImageType(bytes) ? photo : null;
  }
  const type = detectImageType(photo);
  return type ? `data:${type};base64,${photo.toString('base64')}` : null;
}

/**
 * Initials for the photo placeholder: the family name and the given name, which in a Vietnamese name are
 * the first and the last word ("Nguyễn Thị Hồng Nhung" → "NN").
 */
export function initials(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (!first) return '?';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letter = (word: string) => [...word.normalize('NFC')][0] ?? '';
  return (letter(first) + (last ? letter(last) : '')).toLocaleUpperCase('vi');
}
