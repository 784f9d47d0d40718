import { readFileSync } from 'node:fs';
import { createServices } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './platform/db/connection.js';
import { DataDirLockedError } from './platform/db/data-dir-lock.js';
import { migrate } from './platform/db/migrate.js';
import { seedDemoIfEmpty } from './seed/demo-seed.js';

const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

export type Command = (args: string[]) => Promise<number>;
const commands = new Map<string, Command>();
const descriptions = new Map<string, string>();

/** Modules add their own sub-commands (import, deadline, verify-audit …) here. */
export function registerCommand(name: string, run: Command, description = ''): void {
  commands.set(name, run);
  if (description) descriptions.set(name, description);
}

function help(): string {
  const lines = [...commands.keys()].sort().map((n) => `  npx motcua ${n.padEnd(28)} ${descriptions.get(n) ?? ''}`);
  return `motcua ${VERSION} — công cụ dòng lệnh / command line\n\n${lines.join('\n')}\n  npx motcua help                         trợ giúp / this help\n\n` +
    'Cấu hình qua biến môi trường như khi chạy máy chủ (DATABASE_URL, MOTCUA_DATA_DIR).';
}

async function withDatabase<T>(work: (services: ReturnType<typeof createServices>) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env, VERSION);
  const database = config.databaseUrl
    ? await openDatabase({ kind: 'postgresql', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  try {
    await migrate(database.db);
    return await work(createServices(config, database));
  } finally {
    await database.close();
  }
}

registerCommand('migrate', async () => {
  const config = loadConfig(process.env, VERSION);
  const database = config.databaseUrl
    ? await openDatabase({ kind: 'postgresql', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  try {
    const result = await migrate(database.db);
    console.log(result.applied.length ? `Đã áp dụng / applied: ${result.applied.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất / already up to date');
    return 0;
  } finally {
    await database.close();
  }
}, 'áp dụng migration / apply database migrations');

registerCommand('seed', () => withDatabase(async (services) => {
  const loaded = await seedDemoIfEmpty(services, { demo: 'on' }, console.log);
  console.log(loaded ? 'Đã nạp dữ liệu mẫu / demo data loaded' : 'CSDL đã có dữ liệu, không nạp dữ liệu mẫu / database not empty, nothing loaded');
  return 0;
}), 'nạp dữ liệu mẫu vào CSDL trống / load demo data into an empty database');

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help') {
    console.log(help());
    return 0;
  }
  const command = commands.get(name);
  if (!command) {
    console.error(`Lệnh không tồn tại / unknown command: ${name}\n\n${help()}`);
    return 2;
  }
  try {
    return await command(args);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DataDirLockedError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}

export { withDatabase };
