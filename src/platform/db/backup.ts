import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openDatabase } from './connection.js';
import { lockDataDir } from './data-dir-lock.js';

/**
 * Backup and restore of the embedded database (PGlite): its whole data directory as one gzipped
 * tarball, made by PGlite itself (`dumpDataDir`), so the copy is consistent. Both take the data
 * directory's lock: the server must be stopped, as two processes on one PGlite directory lose data.
 * PostgreSQL is backed up with its own tools (docs/OPERATIONS.md). Uploaded files (`files/`) and the
 * configuration (MOTCUA_CHAIN_KEY) are not in the database and are copied separately.
 */
export class BackupError extends Error {}

/** The directory PGlite keeps its files in, under MOTCUA_DATA_DIR (connection.ts). */
export const pgliteDir = (dataDir: string) => join(dataDir, 'pglite');

export async function backupEmbedded(dataDir: string, file: string): Promise<{ bytes: number }> {
  if (!hasDatabase(dataDir)) {
    throw new BackupError(`Không có cơ sở dữ liệu nhúng trong ${dataDir} để sao lưu. / There is no embedded database in ${dataDir} to back up.`);
  }
  const target = resolve(file);
  if (!existsSync(dirname(target))) throw new BackupError(`Thư mục ${dirname(target)} không tồn tại. / The folder ${dirname(target)} does not exist.`);
  const handle = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const dump = Buffer.from(await (await handle.pglite!.dumpDataDir('gzip')).arrayBuffer());
    // Written beside the target and renamed: a crash never leaves a half backup under the real name.
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, dump);
    renameSync(tmp, target);
    return { bytes: dump.length };
  } finally {
    await handle.close();
  }
}

/**
 * Restores a backup into MOTCUA_DATA_DIR. A directory that already holds a database is refused
 * unless `force`; then the old database is moved aside (never deleted) and its place named.
 */
export async function restoreEmbedded(dataDir: string, file: string, opts: { force?: boolean; now?: Date } = {}): Promise<{ movedAside: string | null }> {
  const source = resolve(file);
  if (!existsSync(source)) throw new BackupError(`Không tìm thấy tệp sao lưu ${source}. / Backup file ${source} not found.`);
  const bytes = readFileSync(source);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    throw new BackupError(`Tệp ${source} không phải bản sao lưu của motcua (tar.gz do "npx motcua backup" tạo). / ${source} is not a motcua backup (a tar.gz made by "npx motcua backup").`);
  }
  // Held from the check to the end: a server started meanwhile cannot open the half-restored directory.
  const lock = lockDataDir(dataDir);
  let movedAside: string | null = null;
  try {
    if (hasDatabase(dataDir)) {
      if (!opts.force) {
        throw new BackupError(
          `Thư mục ${dataDir} đã có cơ sở dữ liệu; thêm --force để thay (CSDL cũ được giữ lại bên cạnh). / ${dataDir} already holds a database; add --force to replace it (the old one is kept aside).`,
        );
      }
      movedAside = `${pgliteDir(dataDir)}.before-restore-${(opts.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
      renameSync(pgliteDir(dataDir), movedAside);
    }
    try {
      const handle = await openDatabase({ kind: 'pglite', dataDir, loadDataDir: new Blob([new Uint8Array(bytes)]), lockHeld: true });
      try {
        await handle.pglite!.query('select count(*) from schema_migrations');
      } finally {
        await handle.close();
      }
    } catch (err) {
      rmSync(pgliteDir(dataDir), { recursive: true, force: true });
      if (movedAside) renameSync(movedAside, pgliteDir(dataDir));
      const why = err instanceof Error ? err.message : String(err);
      throw new BackupError(`Không khôi phục được từ ${source}: ${why}. Dữ liệu cũ giữ nguyên. / Could not restore from ${source}: ${why}. The previous data is unchanged.`);
    }
    return { movedAside };
  } finally {
    lock.release();
  }
}

function hasDatabase(dataDir: string): boolean {
  const dir = pgliteDir(dataDir);
  return existsSync(dir) && readdirSync(dir).length > 0;
}
