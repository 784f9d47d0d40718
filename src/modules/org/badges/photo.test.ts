import { describe, expect, it } from 'vitest';
import { initials, photoDataUrl } from './photo.js';

const PNG_HEADER = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG_HEADER = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

describe('initials', () => {
  it('takes the family name and the given name', () => {
    expect(initials('Nguyễn Thị Hồng Nhung')).toBe('NN');
    expect(initials('Đặng Quốc Việt')).toBe('ĐV');
    expect(initials('  ông   ích khiêm ')).toBe('ÔK');
  });

  it('copes with one word and with nothing', () => {
    expect(initials('Páo')).toBe('P');
    expect(initials('   ')).toBe('?');
  });

  it('keeps a decomposed letter whole', () => {
    expect(initials('Ưng Đạt'.normalize('NFD'))).toBe('ƯĐ');
  });
});

describe('photoDataUrl', () => {
  it('wraps PNG and JPEG bytes in a data URL of the right type', () => {
    expect(photoDataUrl(PNG_HEADER)).toBe(`data:image/png;base64,${PNG_HEADER.toString('base64')}`);
    expect(photoDataUrl(JPEG_HEADER)?.startsWith('data:image/jpeg;base64,')).toBe(true);
  });

  it('accepts a PNG/JPEG data URL whose bytes match', () => {
    const url = `data:image/png;base64,${PNG_HEADER.toString('base64')}`;
    expect(photoDataUrl(url)).toBe(url);
    expect(photoDataUrl(`data:image/png;base64,${Buffer.from('GIF89a').toString('base64')}`)).toBeNull();
  });

  it('refuses anything else, including addresses that would have to be fetched', () => {
    expect(photoDataUrl(null)).toBeNull();
    expect(photoDataUrl(undefined)).toBeNull();
    expect(photoDataUrl(Buffer.from('GIF89a'))).toBeNull();
    expect(photoDataUrl('https://example.invalid/a.png')).toBeNull();
    expect(photoDataUrl('/etc/passwd')).toBeNull();
    expect(photoDataUrl('data:image/svg+xml;base64,PHN2Zz4=')).toBeNull();
  });
});
