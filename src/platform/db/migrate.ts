import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

// Any constant works; it only keeps two app processes from migrating the same server at once.
const MIGRATION_LOCK_KEY = 7_160_114;

export type MigrationResult = { applied: string[]; alreadyApplied: number };

/**
 * Applies `migrations/NNNN_name.sql` in order, each in its own transaction. Forward-only: an
 * applied file whose content changed is an error, because the database no longer matches the code.
 */
export async function migrate(db: Kysely<any>, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(db);
  try {
    await sql`create table if not exists schema_migrations (
      version text primary key, name text not null, checksum text not null,
      applied_at timestamptz not null default now())`.execute(db);
    const done = await sql<{ version: string; checksum: string }>`select version, checksum from schema_migrations`.execute(db);
    const known = new Map(done.rows.map((r) => [r.version, r.checksum]));
    const applied: string[] = [];
    for (const file of files) {
      const version = file.slice(0, 4);
      const text = await readFile(join(dir, file), 'utf8');
      const checksum = createHash('sha256').update(text).digest('hex');
      const previous = known.get(version);
      if (previous) {
        if (previous !== checksum) throw new Error(`migration ${file} was changed after it was applied; add a new migration instead`);
        continue;
      }
      await db.transaction().execute(async (trx) => {
        await sql.raw(text).execute(trx);
        await sql`insert into schema_migrations (version, name, checksum) values (${version}, ${file}, ${checksum})`.execute(trx);
      });
      applied.push(file);
    }
    return { applied, alreadyApplied: known.size };
  } finally {
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(db);
  }
}
