import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { createDataProtection, DataKeyMissingError, DEVELOPMENT_DATA_KEY } from './data-protection.js';

const KEY_A = Buffer.alloc(32, 1);
const KEY_B = Buffer.alloc(32, 2);

describe('data protection (AES-256-GCM, key id per ciphertext, blind index)', () => {
  it('seals text and bytes so that only the right key opens them, and detects tampering', () => {
    const a = createDataProtection(KEY_A);
    const sealed = a.sealText('012345678901');
    expect(sealed).toMatch(new RegExp(`^enc1:${a.currentKeyId}:`));
    expect(sealed).not.toContain('012345678901');
    expect(a.sealText('012345678901')).not.toBe(sealed); // a fresh IV each time
    expect(a.openText(sealed)).toBe('012345678901');
    expect(a.openText('012345678901')).toBe('012345678901'); // written before encryption
    expect(() => createDataProtection(KEY_B).openText(sealed)).toThrow(DataKeyMissingError);
    // Flip one bit of the ciphertext itself: editing base64 characters may only touch ignored padding bits.
    const [prefix, id, body] = [sealed.slice(0, sealed.lastIndexOf(':') - a.currentKeyId.length), a.currentKeyId, sealed.slice(sealed.lastIndexOf(':') + 1)];
    const raw = Buffer.from(body, 'base64url');
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 0x01, raw.length - 1);
    const tampered = `${prefix}${id}:${raw.toString('base64url')}`;
    expect(tampered).not.toBe(sealed);
    expect(() => a.openText(tampered)).toThrow();
    const bytes = a.sealBytes(Buffer.from('scan'));
    expect(a.keyIdOfBytes(bytes)).toBe(a.currentKeyId);
    expect(a.openBytes(bytes).toString()).toBe('scan');
  });

  it('rotates: the new key seals, the previous one still opens, both indexes are searched', () => {
    const old = createDataProtection(KEY_A);
    const rotated = createDataProtection(KEY_B, [KEY_A]);
    expect(rotated.keyIds).toEqual([rotated.currentKeyId, old.currentKeyId]);
    expect(rotated.openText(old.sealText('x'))).toBe('x');
    expect(rotated.keyIdOfText(rotated.sealText('x'))).toBe(rotated.currentKeyId);
    expect(rotated.blindIndexes('001')).toEqual([rotated.blindIndex('001'), old.blindIndex('001')]);
    // The index is keyed: another key, another index; no key, no way to compute it.
    expect(old.blindIndex('001')).not.toBe(rotated.blindIndex('001'));
  });
});

describe('MOTCUA_DATA_KEY', () => {
  const prod = { MOTCUA_ENV: 'production', MOTCUA_PUBLIC_URL: 'https://dichvucong.example.gov.vn', MOTCUA_CHAIN_KEY: 'data-protection-test-key-0123456789abcdef' };
  it('is required in production, and the development key is refused there', () => {
    expect(() => loadConfig(prod)).toThrow(ConfigError);
    expect(() => loadConfig(prod)).toThrow('MOTCUA_DATA_KEY');
    expect(() => loadConfig({ ...prod, MOTCUA_DATA_KEY: DEVELOPMENT_DATA_KEY.toString('base64') })).toThrow('MOTCUA_DATA_KEY');
    expect(loadConfig({ ...prod, MOTCUA_DATA_KEY: KEY_A.toString('base64'), MOTCUA_DATA_KEY_PREVIOUS: KEY_B.toString('base64') }).previousDataKeys).toEqual([KEY_B]);
  });
  it('must be 32 bytes of base64; development falls back to the labelled development key', () => {
    expect(() => loadConfig({ MOTCUA_DATA_KEY: 'c2hvcnQ=' })).toThrow('MOTCUA_DATA_KEY');
    expect(() => loadConfig({ MOTCUA_DATA_KEY_PREVIOUS: 'nope' })).toThrow('MOTCUA_DATA_KEY_PREVIOUS');
    expect(loadConfig({}).dataKey.equals(DEVELOPMENT_DATA_KEY)).toBe(true);
  });
});
