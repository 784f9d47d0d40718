/** Shared by the benchmark scripts: fresh databases, the seeded demo province, pgbench baselines. */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createServices, type Services } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/connection.js';
import { migrate } from '../src/platform/db/migrate.js';
import { seedDemoIfEmpty } from '../src/seed/demo-seed.js';

/** A maintenance connection to the server the benchmarks create their databases on. */
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function benchConfig(): Config {
  return loadConfig({ MOTCUA_ENV: 'test', MOTCUA_DATA_DIR: mkdtempSync(join(tmpdir(), 'motcua-bench-')), MOTCUA_LOG_LEVEL: 'silent', MOTCUA_LOGIN_RATE_PER_MINUTE: '100000' }, '0.0.0-bench');
}

export async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the PostgreSQL server; `drop` removes it. */
export async function freshPostgres(prefix: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name, url: url.toString(),
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

/** Migrated, with the demo province (org tree, staff, calendar, catalogue) but no demo dossiers. */
export async function seeded(handle: DatabaseHandle, config: Config): Promise<Services> {
  await migrate(handle.db);
  const services = createServices(config, handle);
  await seedDemoIfEmpty(services, { demo: 'on' }, () => undefined, { dossiers: false });
  return services;
}

export async function openPostgres(url: string, poolSize = 10): Promise<DatabaseHandle> {
  return openDatabase({ kind: 'postgresql', url, poolSize });
}

export type PgbenchResult = { tps: number; latencyMs: number; clients: number; seconds: number };

/** Runs pgbench with a custom script against `url`: the database's own limit, measured in the same run. */
export function pgbench(url: string, script: string, clients: number, seconds: number): PgbenchResult {
  const u = new URL(url);
  const file = join(mkdtempSync(join(tmpdir(), 'motcua-pgbench-')), 'script.sql');
  writeFileSync(file, script);
  const out = execFileSync('pgbench', ['-n', '-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres'),
    '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(seconds), '-f', file, u.pathname.slice(1)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
  const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1]);
  return { tps, latencyMs, clients, seconds };
}

export const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
export const n2 = (x: number) => x.toFixed(2);
