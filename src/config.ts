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

export function loadConfig(env: NodeJS.ProcessEnv = process.env, version = '0.0.0'): Config {
  const parsed = settingsSchema.safeParse(emptyToUndefined(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ / invalid configuration:\n${lines.join('\n')}`);
  }
  const s = parsed.data;
  return {
    port: s.PORT,
    host: s.HOST,
    databaseUrl: s.DATABASE_URL,
    replicaUrls: s.DATABASE_REPLICA_URL ? s.DATABASE_REPLICA_URL.split(',').map((u) => u.trim()) : [],
    dataDir: resolve(s.MOTCUA_DATA_DIR),
    env: s.MOTCUA_ENV,
    demo: s.MOTCUA_DEMO,
    publicUrl: (s.MOTCUA_PUBLIC_URL ?? `http://localhost:${s.PORT}`).replace(/\/$/, ''),
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
