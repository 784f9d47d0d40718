import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite takes no lock on its data directory, and a second process writing to it silently loses
 * data (measured; DESIGN.md). We take our own lock file, holding the owner's pid, and refuse to
 * open a directory whose owner is still alive. A lock left by a crashed process is taken over.
 */
export class DataDirLockedError extends Error {
  constructor(readonly dir: string, readonly pid: number) {
    super(
      `Thư mục dữ liệu ${dir} đang được tiến trình ${pid} sử dụng; chỉ một tiến trình được mở cơ sở dữ liệu nhúng. ` +
        `/ The data directory ${dir} is in use by process ${pid}; only one process may open the embedded database. ` +
        `Stop that process, or set MOTCUA_DATA_DIR to another directory, or use DATABASE_URL for PostgreSQL.`,
    );
  }
}

export type DataDirLock = { release(): void };

export function lockDataDir(dir: string): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'motcua.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        if (ownerOf(file) === process.pid) rmSync(file, { force: true });
      };
      process.once('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = ownerOf(file);
      if (owner !== null && owner !== process.pid && isAlive(owner)) throw new DataDirLockedError(dir, owner);
      if (owner === process.pid) throw new DataDirLockedError(dir, owner);
      rmSync(file, { force: true }); // stale lock from a process that no longer runs
    }
  }
  throw new Error(`could not take the lock ${file}`);
}

function ownerOf(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
