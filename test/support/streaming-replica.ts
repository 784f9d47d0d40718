/**
 * A PostgreSQL primary and a real streaming replica of it, both started by the test on loopback ports
 * in a temporary directory (the replica test: src/platform/db/replicas.api.test.ts).
 *
 * Why its own primary rather than the machine's server: a streaming replica needs a replication
 * connection, which pg_hba.conf must allow with the `replication` keyword (`all` does not cover it).
 * The machine's server allows none (here: `host all all 127.0.0.1/32 trust` only; Debian's default
 * asks for a password), and a test must not change a server's configuration. A cluster made with
 * initdb allows replication from loopback, so the test needs only the PostgreSQL binaries.
 * PostgreSQL refuses to run as root: as root, every server program runs as the `postgres` user.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The directory of the PostgreSQL programs: pg_config's, else the newest under /usr/lib/postgresql. */
export function postgresBinDir(): string {
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
    if (!versions.length) throw new Error('PostgreSQL programs not found (pg_config, /usr/lib/postgresql/*/bin): apt-get install postgresql');
    return `/usr/lib/postgresql/${versions[0]}/bin`;
  }
}

/** uid and gid to run server programs as: `postgres` when we are root, else ourselves. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export type PostgresInstance = {
  port: number;
  url(database: string): string;
  /** What the server wrote to stderr, one entry a line (its log: `log_line_prefix` is `%a|`). */
  log: string[];
  running(): boolean;
  /** Fast shutdown (SIGINT), SIGKILL after 10 s. */
  stop(): Promise<void>;
};

const started = new Set<ChildProcess>();
// A postmaster's backends leave when it dies, so killing the postmasters leaves nothing behind.
process.once('exit', () => { for (const c of started) c.kill('SIGKILL'); });

export type ReplicaPair = { dir: string; primary: PostgresInstance; replica: PostgresInstance; cleanup(): Promise<void> };

/**
 * initdb a primary, start it, let `prepare` fill it (database `motcua`), take a base backup with
 * pg_basebackup (`-R`: standby.signal and primary_conninfo) and start that as a hot standby that logs
 * every statement. `cleanup` stops both and removes the directory; call it even when this throws.
 */
export async function startReplicaPair(prepare: (primaryUrl: string) => Promise<void>, hold: { pair?: Partial<ReplicaPair> } = {}): Promise<ReplicaPair> {
  const bin = postgresBinDir();
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'motcua-replica-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const instances: PostgresInstance[] = [];
  const pair: Partial<ReplicaPair> = {
    dir,
    async cleanup() {
      for (const i of instances.reverse()) await i.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  hold.pair = pair;
  const tool = (name: string, args: string[]) => run(join(bin, name), args, { cwd: dir, ...user, env: { ...process.env, PGUSER: 'postgres' } });

  async function start(dataDir: string, settings: string[]): Promise<PostgresInstance> {
    const port = await freePort();
    const child = spawn(join(bin, 'postgres'), ['-D', dataDir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'log_line_prefix=%a|', ...settings.flatMap((s) => ['-c', s])], {
      cwd: dir, ...user, stdio: ['ignore', 'ignore', 'pipe'],
    });
    started.add(child);
    const exited = new Promise<void>((resolve) => child.once('exit', () => { started.delete(child); resolve(); }));
    const log: string[] = [];
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => log.push(...chunk.split('\n').filter(Boolean)));
    const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
    const instance: PostgresInstance = {
      port, url, log,
      running: () => child.exitCode === null && child.signalCode === null,
      async stop() {
        if (!instance.running()) return;
        child.kill('SIGINT');
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(force);
      },
    };
    instances.push(instance);
    for (let tries = 0; ; tries++) {
      if (!instance.running()) throw new Error(`postgres on port ${port} exited:\n${log.slice(-10).join('\n')}`);
      const client = new pg.Client({ connectionString: url('postgres'), application_name: 'replica-test' });
      try {
        await client.connect();
        await client.end();
        return instance;
      } catch {
        await client.end().catch(() => undefined);
        if (tries > 150) throw new Error(`postgres on port ${port} did not answer:\n${log.slice(-10).join('\n')}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  await tool('initdb', ['-D', join(dir, 'primary'), '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions']);
  const primary = await start(join(dir, 'primary'), ['max_connections=60', 'shared_buffers=32MB']);
  pair.primary = primary;
  const admin = new pg.Client({ connectionString: primary.url('postgres'), application_name: 'replica-test' });
  await admin.connect();
  await admin.query('create database motcua');
  await admin.end();
  await prepare(primary.url('motcua'));
  // -c fast: a spread checkpoint would wait minutes for a backup of a few megabytes.
  await tool('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', join(dir, 'replica'), '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
  pair.replica = await start(join(dir, 'replica'), ['max_connections=60', 'shared_buffers=32MB', 'hot_standby=on', 'log_statement=all']);
  return pair as ReplicaPair;
}
