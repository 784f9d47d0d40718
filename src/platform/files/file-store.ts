import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Content-addressed file storage under `<data dir>/files`. Keys are SHA-256 hashes, so the same
 * upload is stored once and a key cannot be guessed from a name.
 */
export type FileStore = {
  put(content: Buffer): Promise<string>;
  get(key: string): Promise<Buffer | undefined>;
};

export function createFileStore(root: string): FileStore {
  const pathOf = (key: string) => join(root, key.slice(0, 2), key);
  return {
    async put(content) {
      const key = createHash('sha256').update(content).digest('hex');
      await mkdir(join(root, key.slice(0, 2)), { recursive: true });
      await writeFile(pathOf(key), content);
      return key;
    },
    async get(key) {
      if (!/^[0-9a-f]{64}$/.test(key)) return undefined;
      try {
        return await readFile(pathOf(key));
      } catch {
        return undefined;
      }
    },
  };
}
