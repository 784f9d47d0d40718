import { z } from 'zod';
import { ConfigError } from '../../config.js';

/**
 * The worker's own settings, validated at start-up like every other setting (a bad value stops
 * the process with a message naming it). `MOTCUA_JOBS_POLL_MS=0` runs no worker in this process —
 * for deployments that dedicate one process to background work.
 */
const schema = z.object({
  MOTCUA_JOBS_POLL_MS: z.coerce.number().int().refine((n) => n === 0 || (n >= 100 && n <= 3_600_000), 'must be 0 (no worker) or 100–3600000').default(5_000),
});

export type WorkerSettings = { pollMs: number };

export function loadWorkerSettings(env: NodeJS.ProcessEnv = process.env): WorkerSettings {
  const parsed = schema.safeParse({ MOTCUA_JOBS_POLL_MS: env.MOTCUA_JOBS_POLL_MS || undefined });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ / invalid configuration:\n${lines.join('\n')}`);
  }
  return { pollMs: parsed.data.MOTCUA_JOBS_POLL_MS };
}
