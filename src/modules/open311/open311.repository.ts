import { sql } from 'kysely';
import type { Db } from '../../platform/db/transaction.js';
import type { Open311App } from './schema.js';

/** SQL of the Open311 module: registered applications and what each posted request carried. */
export function createOpen311Repository(db: Db) {
  const appColumns = ['a.id', 'a.name', 'a.contact', 'a.key_prefix', 'a.created_at', 'a.revoked_at', 'a.last_used_at', 'a.version'] as const;
  const toApp = (r: { id: number; name: string; contact: string | null; key_prefix: string; created_at: Date; revoked_at: Date | null; last_used_at: Date | null; version: number; requests?: number | string | bigint | null }): Open311App => ({
    id: r.id, name: r.name, contact: r.contact, keyPrefix: r.key_prefix, createdAt: r.created_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null, lastUsedAt: r.last_used_at?.toISOString() ?? null, requests: Number(r.requests ?? 0), version: r.version,
  });
  const requestCount = sql<string>`(select count(*) from open311_requests q where q.app_id = a.id)`.as('requests');

  return {
    toApp,
    async listApps(): Promise<Open311App[]> {
      const rows = await db.selectFrom('open311_apps as a').select([...appColumns, requestCount]).orderBy('a.revoked_at', 'desc').orderBy('a.id', 'desc').execute();
      // Active first (revoked_at null sorts first with desc in PostgreSQL), newest first.
      return rows.map(toApp);
    },
    async findApp(dbOrTrx: Db, id: number) {
      const row = await dbOrTrx.selectFrom('open311_apps as a').select([...appColumns, requestCount]).where('a.id', '=', id).executeTakeFirst();
      return row ? toApp(row) : null;
    },
    async activeNameTaken(dbOrTrx: Db, name: string): Promise<boolean> {
      const row = await dbOrTrx.selectFrom('open311_apps').select('id').where(sql<string>`lower(name)`, '=', name.toLowerCase()).where('revoked_at', 'is', null).executeTakeFirst();
      return !!row;
    },
    /** The active application holding one of these key hashes (the key under each configured data key). */
    async activeByKeyHash(hashes: string[]) {
      if (!hashes.length) return null;
      return (await db.selectFrom('open311_apps').select(['id', 'name', 'key_hash', 'last_used_at']).where('key_hash', 'in', hashes).where('revoked_at', 'is', null).executeTakeFirst()) ?? null;
    },
    async touch(id: number, at: Date, rehash?: string): Promise<void> {
      await db.updateTable('open311_apps').set({ last_used_at: at, ...(rehash ? { key_hash: rehash } : {}) }).where('id', '=', id).execute();
    },
    async recordRequest(row: { feedback_code: string; app_id: number; lat: number | null; long: number | null; address_string: string | null; address_id: string | null; device_id: string | null; account_id: string | null; media_url: string | null; attributes: Record<string, string | string[]> }): Promise<void> {
      await db.insertInto('open311_requests').values({ ...row, attributes: JSON.stringify(row.attributes) }).execute();
    },
  };
}
export type Open311Repository = ReturnType<typeof createOpen311Repository>;
