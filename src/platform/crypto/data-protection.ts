import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption at rest of personal data (Personal Data Protection Law 2025, Decree 356/2025: identity
 * numbers and images of identity documents are sensitive data). AES-256-GCM with a key from the
 * configuration; every ciphertext names the key that sealed it (a key id derived from the key), so a
 * new key can be introduced while the previous one still opens older data (`MOTCUA_DATA_KEY_PREVIOUS`)
 * and `npx motcua rotate-data-key` re-seals everything under the new one.
 *
 * Exact search of a sealed value goes through a blind index: HMAC-SHA256 of the normalised value
 * with a key derived from the data key (never the encryption key itself), so the database can answer
 * "which rows carry this number" without holding the number.
 */

/** Development and tests only: a fixed key, named as such so nobody mistakes it for a secret. */
export const DEVELOPMENT_DATA_KEY = createHash('sha256').update('motcua DEVELOPMENT data key - not secret - never use in production').digest();

export type DataKey = { id: string; encryption: Buffer; blindIndex: Buffer };

export function deriveDataKey(raw: Buffer): DataKey {
  if (raw.length !== 32) throw new Error('a data key is 32 bytes');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), info, 32));
  return {
    // The id names the key without revealing it: a truncated hash of a derived value.
    id: createHash('sha256').update(derive('motcua/key-id/v1')).digest('hex').slice(0, 8),
    encryption: derive('motcua/encryption/v1'),
    blindIndex: derive('motcua/blind-index/v1'),
  };
}

/** Text values: `enc1:<key id>:<base64url of iv ‖ tag ‖ ciphertext>`. */
const TEXT_PREFIX = 'enc1:';
/** File contents: a magic header, the key id (8 ASCII bytes), iv (12), tag (16), ciphertext. */
const FILE_MAGIC = Buffer.from('MOTCUA-ENC1\n', 'latin1');

export class DataKeyMissingError extends Error {
  constructor(readonly keyId: string) {
    super(`Dữ liệu được mã hóa bằng khóa ${keyId} không còn trong cấu hình (MOTCUA_DATA_KEY / MOTCUA_DATA_KEY_PREVIOUS) / data sealed with key ${keyId}, which is not configured`);
  }
}

export type DataProtection = {
  readonly currentKeyId: string;
  readonly keyIds: readonly string[];
  sealText(plain: string): string;
  /** Opens a sealed value; a value never sealed (written before encryption) is returned as it is. */
  openText(value: string): string;
  isSealed(value: string): boolean;
  /** The id of the key that sealed a value, or null for a value never sealed. */
  keyIdOfText(value: string): string | null;
  sealBytes(plain: Buffer): Buffer;
  openBytes(stored: Buffer): Buffer;
  keyIdOfBytes(stored: Buffer): string | null;
  /** The blind index of a normalised value under the current key. */
  blindIndex(normalised: string): string;
  /** Under every configured key (current first): a search during a rotation finds rows not yet re-indexed. */
  blindIndexes(normalised: string): string[];
};

export function createDataProtection(current: Buffer, previous: Buffer[] = []): DataProtection {
  const cur = deriveDataKey(current);
  const all = [cur, ...previous.map(deriveDataKey).filter((k) => k.id !== cur.id)];
  const byId = new Map(all.map((k) => [k.id, k]));
  const keyFor = (id: string) => {
    const k = byId.get(id);
    if (!k) throw new DataKeyMissingError(id);
    return k;
  };
  const seal = (plain: Buffer) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', cur.encryption, iv);
    const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
    return { iv, tag: cipher.getAuthTag(), ct };
  };
  const open = (key: DataKey, iv: Buffer, tag: Buffer, ct: Buffer) => {
    const decipher = createDecipheriv('aes-256-gcm', key.encryption, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ct), decipher.final()]);
  };
  const hmac = (key: DataKey, v: string) => createHmac('sha256', key.blindIndex).update(v, 'utf8').digest('hex');

  return {
    currentKeyId: cur.id,
    keyIds: all.map((k) => k.id),
    sealText(plain) {
      const { iv, tag, ct } = seal(Buffer.from(plain, 'utf8'));
      return `${TEXT_PREFIX}${cur.id}:${Buffer.concat([iv, tag, ct]).toString('base64url')}`;
    },
    openText(value) {
      if (!value.startsWith(TEXT_PREFIX)) return value;
      const [id, body] = value.slice(TEXT_PREFIX.length).split(':');
      const raw = Buffer.from(body ?? '', 'base64url');
      return open(keyFor(id ?? ''), raw.subarray(0, 12), raw.subarray(12, 28), raw.subarray(28)).toString('utf8');
    },
    isSealed: (value) => value.startsWith(TEXT_PREFIX),
    keyIdOfText: (value) => (value.startsWith(TEXT_PREFIX) ? value.slice(TEXT_PREFIX.length, TEXT_PREFIX.length + 8) : null),
    sealBytes(plain) {
      const { iv, tag, ct } = seal(plain);
      return Buffer.concat([FILE_MAGIC, Buffer.from(cur.id, 'latin1'), iv, tag, ct]);
    },
    openBytes(stored) {
      if (!isSealedBytes(stored)) return stored;
      const at = FILE_MAGIC.length;
      const id = stored.subarray(at, at + 8).toString('latin1');
      return open(keyFor(id), stored.subarray(at + 8, at + 20), stored.subarray(at + 20, at + 36), stored.subarray(at + 36));
    },
    keyIdOfBytes: (stored) => (isSealedBytes(stored) ? stored.subarray(FILE_MAGIC.length, FILE_MAGIC.length + 8).toString('latin1') : null),
    blindIndex: (normalised) => hmac(cur, normalised),
    blindIndexes: (normalised) => all.map((k) => hmac(k, normalised)),
  };
}

function isSealedBytes(b: Buffer): boolean {
  return b.length >= FILE_MAGIC.length + 36 && b.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC);
}
