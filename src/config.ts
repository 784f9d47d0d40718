import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Every setting, validated once at start-up. A wrong value stops the process with a message that
 * names the setting (STYLE: configuration read lazily lets a typo surface in production).
 */
const port = z.coerce.number().int().min(0).max(65_535);

const settingsSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_REPLICA_URL: z.string().optional(),
  MOTCUA_DATA_DIR: z.string().min(1).default('./data'),
  MOTCUA_ENV: z.enum(['development', 'production', 'test']).default('development'),
  MOTCUA_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  MOTCUA_PUBLIC_URL: z.url().optional(),
  MOTCUA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MOTCUA_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  MOTCUA_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  MOTCUA_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  MOTCUA_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  replicaUrls: string[];
  dataDir: string;
  env: 'development' | 'production' | 'test';
  demo: 'auto' | 'on' | 'off';
  publicUrl: string;
  logLevel: string;
  sessionHours: number;
  loginMaxFailures: number;
  lockoutMinutes: number;
  loginRatePerMinute: number;
  smtpUrl: string | undefined;
  version: string;
};

export class ConfigError extends Error {}

type Interfaces = ReturnType<typeof networkInterfaces>;

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[?::1\]?|0\.0\.0\.0|\[?::\]?)$/i;

/** True for an address only this machine can open (a QR code on paper must never carry one). */
export function isLoopbackUrl(url: string): boolean {
  return LOOPBACK.test(new URL(url).hostname);
}

/**
 * The address printed in QR codes when MOTCUA_PUBLIC_URL is not set (development and the demo only):
 * the one a phone on the same network can open — the listening address if it is a specific one, else
 * the machine's first network (IPv4) address. `localhost` only when nothing else reaches the server.
 */
export function defaultPublicUrl(host: string, port: number, interfaces: Interfaces): string {
  const listening = host.replace(/^\[|\]$/g, '');
  if (!LOOPBACK.test(listening)) return `http://${listening.includes(':') ? `[${listening}]` : listening}:${port}`;
  if (listening === '0.0.0.0' || listening === '::') {
    const lan = Object.values(interfaces).flat().find((i): i is NetworkInterfaceInfo => !!i && i.family === 'IPv4' && !i.internal);
    if (lan) return `http://${lan.address}:${port}`;
  }
  return `http://localhost:${port}`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, version = '0.0.0', interfaces: Interfaces = networkInterfaces()): Config {
  const parsed = settingsSchema.safeParse(emptyToUndefined(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ / invalid configuration:\n${lines.join('\n')}`);
  }
  const s = parsed.data;
  if (s.MOTCUA_ENV === 'production' && (!s.MOTCUA_PUBLIC_URL || isLoopbackUrl(s.MOTCUA_PUBLIC_URL))) {
    throw new ConfigError(
      'Cấu hình không hợp lệ / invalid configuration:\n  MOTCUA_PUBLIC_URL: ở chế độ production phải là địa chỉ công khai của cổng (vd. https://dichvucong.example.gov.vn), không phải localhost: mã QR trên thẻ, phiếu và bản niêm yết dẫn đến địa chỉ này / in production it must be the public address of the site, not localhost: QR codes on badges, slips and posting sheets lead there',
    );
  }
  return {
    port: s.PORT,
    host: s.HOST,
    databaseUrl: s.DATABASE_URL,
    replicaUrls: s.DATABASE_REPLICA_URL ? s.DATABASE_REPLICA_URL.split(',').map((u) => u.trim()) : [],
    dataDir: resolve(s.MOTCUA_DATA_DIR),
    env: s.MOTCUA_ENV,
    demo: s.MOTCUA_DEMO,
    publicUrl: (s.MOTCUA_PUBLIC_URL ?? defaultPublicUrl(s.HOST, s.PORT, interfaces)).replace(/\/$/, ''),
    logLevel: s.MOTCUA_LOG_LEVEL,
    sessionHours: s.MOTCUA_SESSION_HOURS,
    loginMaxFailures: s.MOTCUA_LOGIN_MAX_FAILURES,
    lockoutMinutes: s.MOTCUA_LOCKOUT_MINUTES,
    loginRatePerMinute: s.MOTCUA_LOGIN_RATE_PER_MINUTE,
    smtpUrl: s.SMTP_URL,
    version,
  };
}

/** An exported-but-empty variable (`PORT=`) means "use the default", as shells make that easy to do by accident. */
function emptyToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) out[k] = v === '' ? undefined : v;
  return out;
}
