import { registerCommand } from '../../cli.js';
import { loadConfig } from '../../config.js';
import { backupEmbedded, BackupError, restoreEmbedded } from './backup.js';

const POSTGRES = 'DATABASE_URL trỏ tới PostgreSQL: dùng pg_dump / pg_restore (docs/OPERATIONS.md). / DATABASE_URL points to PostgreSQL: use pg_dump / pg_restore (docs/OPERATIONS.md).';

/** Runs a backup command, answering the operator's mistakes (no file, busy directory …) with a sentence and exit code 1. */
async function guarded(work: () => Promise<void>): Promise<number> {
  try {
    await work();
    return 0;
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    console.error(err.message);
    return 1;
  }
}

registerCommand('backup', ([file]) => guarded(async () => {
  if (!file) throw new BackupError('Cách dùng / usage: npx motcua backup <tệp.tar.gz>');
  const config = loadConfig(process.env);
  if (config.databaseUrl) throw new BackupError(POSTGRES);
  const started = performance.now();
  const { bytes } = await backupEmbedded(config.dataDir, file);
  console.log(`Đã sao lưu / backed up ${config.dataDir} → ${file} (${(bytes / 1e6).toFixed(1)} MB, ${Math.round(performance.now() - started)} ms). ` +
    'Sao lưu riêng thư mục files/ và khóa MOTCUA_CHAIN_KEY. / Back up the files/ folder and MOTCUA_CHAIN_KEY separately.');
}), 'sao lưu CSDL nhúng (máy chủ phải dừng) / back up the embedded database (server stopped)');

registerCommand('restore', (args) => guarded(async () => {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new BackupError('Cách dùng / usage: npx motcua restore <tệp.tar.gz> [--force]');
  const config = loadConfig(process.env);
  if (config.databaseUrl) throw new BackupError(POSTGRES);
  const { movedAside } = await restoreEmbedded(config.dataDir, file, { force: args.includes('--force') });
  console.log(`Đã khôi phục / restored ${file} → ${config.dataDir}.` + (movedAside ? ` CSDL cũ / previous database: ${movedAside}` : '') +
    ' Kiểm tra bằng / check with: npx motcua verify-audit');
}), 'khôi phục CSDL nhúng từ bản sao lưu [--force] / restore the embedded database from a backup');
