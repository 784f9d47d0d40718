import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataProtection } from '../crypto/data-protection.js';
import { AppError } from '../http/app-error.js';

/**
 * Content-addressed file storage under `<data dir>/files`. Keys are SHA-256 hashes of the content,
 * so the same upload is stored once and a key cannot be guessed from a name. Every file is stored
 * sealed (AES-256-GCM, platform/crypto): scans of identity documents are sensitive personal data
 * (Decree 356/2025), and sealing every upload is simpler and safer than deciding which is which.
 * A file written before encryption is read as it is and sealed by `sealAll` (start-up, rotation).
 */
export type FileStore = {
  put(content: Buffer): Promise<string>;
  get(key: string): Promise<Buffer | undefined>;
  /** Whether a file with this key is stored (a dossier may only reference stored files). */
  has(key: string): Promise<boolean>;
  /** Replaces the content with nothing (retention): the key stays known, the bytes are gone. */
  erase(key: string): Promise<boolean>;
  /** Seals files stored in clear or under an older key; returns how many were rewritten. */
  sealAll(): Promise<number>;
};

const KEY = /^[0-9a-f]{64}$/;

/**
 * The store's disk refused the write: full, read-only, or its directory replaced or unreadable.
 * The person at the desk must learn that the scan was NOT saved (and that it is not their file's
 * fault), and the operator must learn why: 507 for a full disk, 503 otherwise.
 */
const STORE_ERRORS: Record<string, 503 | 507> = { ENOSPC: 507, EDQUOT: 507, EROFS: 503, ENOTDIR: 503, EACCES: 503, EPERM: 503, EIO: 503, EEXIST: 503, EISDIR: 503 };

export function fileStoreUnavailable(cause: NodeJS.ErrnoException): AppError {
  const status = STORE_ERRORS[cause.code ?? ''] ?? 503;
  const full = status === 507;
  return new AppError('FILE_STORE_UNAVAILABLE', status,
    full
      ? 'Kho lưu tệp đã đầy nên tệp chưa được lưu. Vui lòng báo quản trị hệ thống giải phóng dung lượng rồi tải lên lại.'
      : 'Kho lưu tệp hiện không ghi được nên tệp chưa được lưu. Vui lòng thử lại sau ít phút hoặc báo quản trị hệ thống.',
    full ? 'The file store is full; the file was not saved.' : 'The file store cannot be written right now; the file was not saved.',
    undefined, { cause: cause.code ?? 'unknown' });
}

export function createFileStore(root: string, keys: DataProtection): FileStore {
  const pathOf = (key: string) => join(root, key.slice(0, 2), key);
  /** Write to a temporary name, then rename: a crash never leaves half a ciphertext under the key. */
  // A disk that fills mid-write never leaves a truncated file under the key of the whole content
  // (a later `get` would serve it as whole); a refusal of the disk answers FILE_STORE_UNAVAILABLE.
  const writeAtomically = async (key: string, bytes: Buffer) => {
    const tmp = `${pathOf(key)}.${randomBytes(6).toString('hex')}.partial`;
    try {
      await mkdir(join(root, key.slice(0, 2)), { recursive: true });
      await writeFile(tmp, bytes, { flag: 'wx' });
      await rename(tmp, pathOf(key));
    } catch (err) {
      await rm(tmp, { force: true }).catch(() => undefined);
      const code = (err as NodeJS.ErrnoException).code;
      if (code && code in STORE_ERRORS) throw fileStoreUnavailable(err as NodeJS.ErrnoException);
      throw err;
    }
  };
  const read = async (key: string) => {
    if (!KEY.test(key)) return undefined;
    try {
      return await readFile(pathOf(key));
    } catch {
      return undefined;
    }
  };
  return {
    async put(content) {
      const key = createHash('sha256').update(content).digest('hex');
      await writeAtomically(key, keys.sealBytes(content));
      return key;
    },
    async get(key) {
      const stored = await read(key);
      if (!stored || stored.length === 0) return undefined;
      return keys.openBytes(stored);
    },
    async has(key) {
      if (!KEY.test(key)) return false;
      return access(pathOf(key)).then(() => true, () => false);
    },
    async erase(key) {
      const stored = await read(key);
      if (!stored) return false;
      await writeAtomically(key, Buffer.alloc(0));
      return true;
    },
    async sealAll() {
      let rewritten = 0;
      let dirs: string[];
      try {
        dirs = await readdir(root);
      } catch {
        return 0;
      }
      for (const d of dirs.filter((n) => /^[0-9a-f]{2}$/.test(n))) {
        for (const name of await readdir(join(root, d))) {
          if (!KEY.test(name)) continue;
          // The header tells the key; only files to rewrite are read whole.
          const fh = await open(join(root, d, name), 'r');
          const head = Buffer.alloc(64);
          const { bytesRead } = await fh.read(head, 0, 64, 0).finally(() => fh.close());
          if (bytesRead === 0 || keys.keyIdOfBytes(head.subarray(0, bytesRead)) === keys.currentKeyId) continue;
          const stored = await readFile(join(root, d, name));
          await writeAtomically(name, keys.sealBytes(keys.openBytes(stored)));
          rewritten++;
        }
      }
      return rewritten;
    },
  };
}
