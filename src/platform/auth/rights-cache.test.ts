import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/policy.js';
import { createRightsCache } from './rights-cache.js';

const actor = (accountId: number, fullName = 'A'): Actor => ({ accountId, staffId: accountId, username: `u${accountId}`, fullName, unitId: 1, unitName: 'U', grants: [], reach: new Map() });

describe('rights cache', () => {
  it('loads once per account and revision, again when the revision moves, and never keeps a refusal', async () => {
    const cache = createRightsCache(2);
    let loads = 0;
    const load = (a: Actor | undefined) => async () => { loads++; return a; };
    expect(await cache.get(1, '7', load(actor(1, 'first')))).toMatchObject({ fullName: 'first' });
    expect(await cache.get(1, '7', load(actor(1, 'ignored')))).toMatchObject({ fullName: 'first' });
    expect(loads).toBe(1);
    expect(await cache.get(1, '8', load(actor(1, 'second')))).toMatchObject({ fullName: 'second' });
    expect(loads).toBe(2);
    expect(await cache.get(1, '9', load(undefined))).toBeUndefined();
    expect(await cache.get(1, '9', load(actor(1, 'back')))).toMatchObject({ fullName: 'back' });
    expect(loads).toBe(4);
  });

  it('holds at most its bound, dropping the entry stored longest ago', async () => {
    const cache = createRightsCache(2);
    for (const id of [1, 2, 3]) await cache.get(id, '1', async () => actor(id));
    expect(cache.size).toBe(2);
    let reloaded = 0;
    await cache.get(1, '1', async () => { reloaded++; return actor(1); });
    await cache.get(3, '1', async () => { reloaded++; return actor(3); });
    expect(reloaded).toBe(1);
  });
});
