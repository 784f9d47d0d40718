import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { ConfigError } from '../config.js';

/**
 * How many server processes share the port (issue 14 item 3). `WEB_CONCURRENCY` (the name hosting
 * platforms set), default one per core on PostgreSQL. The embedded PGlite is one database inside one
 * process, so there it is always 1 — and asking for more says so at start instead of failing.
 */
const schema = z.object({ WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional() });

export type ClusterSettings = { workers: number; note?: string };

export function loadClusterSettings(env: NodeJS.ProcessEnv, database: 'pglite' | 'postgresql', cores = availableParallelism()): ClusterSettings {
  const parsed = schema.safeParse({ WEB_CONCURRENCY: env.WEB_CONCURRENCY || undefined });
  if (!parsed.success) {
    throw new ConfigError(`Cấu hình không hợp lệ / invalid configuration:\n  WEB_CONCURRENCY: phải là số nguyên từ 1 đến 64 / must be a whole number from 1 to 64`);
  }
  const asked = parsed.data.WEB_CONCURRENCY;
  if (database === 'pglite') {
    return asked && asked > 1
      ? { workers: 1, note: `WEB_CONCURRENCY=${asked} bỏ qua: CSDL nhúng (PGlite) chỉ chạy trong một tiến trình / ignored: the embedded database (PGlite) runs in one process` }
      : { workers: 1 };
  }
  return { workers: asked ?? Math.max(1, cores) };
}
