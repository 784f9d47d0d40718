import { randomBytes } from 'node:crypto';
import type { TestApp } from '../support/test-app.js';

/** Open311 applications for the matrix: a fresh active one per request that revokes it. */
export type Open311Fixture = { freshApp(): Promise<{ id: number; version: number }> };

export function open311Fixture(t: TestApp): Open311Fixture {
  let n = 0;
  return {
    async freshApp() {
      const row = await t.db.insertInto('open311_apps').values({
        name: `Ứng dụng ma trận ${++n}`, contact: null, key_prefix: 'o311_mtrx', key_hash: randomBytes(32).toString('hex'),
      }).returning(['id', 'version']).executeTakeFirstOrThrow();
      return row;
    },
  };
}
