import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config.js';
import { loadClusterSettings } from './cluster-settings.js';

describe('WEB_CONCURRENCY', () => {
  it('defaults to one process per core on PostgreSQL and takes a number asked for', () => {
    expect(loadClusterSettings({}, 'postgresql', 4)).toEqual({ workers: 4 });
    expect(loadClusterSettings({ WEB_CONCURRENCY: '3' }, 'postgresql', 4)).toEqual({ workers: 3 });
    expect(loadClusterSettings({ WEB_CONCURRENCY: '1' }, 'postgresql', 8)).toEqual({ workers: 1 });
  });

  it('stays one process on the embedded database and says why when more were asked', () => {
    expect(loadClusterSettings({}, 'pglite', 4)).toEqual({ workers: 1 });
    const s = loadClusterSettings({ WEB_CONCURRENCY: '4' }, 'pglite', 4);
    expect(s.workers).toBe(1);
    expect(s.note).toContain('PGlite');
  });

  it('refuses a value that is not a whole number from 1 to 64, naming the setting', () => {
    for (const bad of ['0', '-2', 'two', '1.5', '65']) {
      expect(() => loadClusterSettings({ WEB_CONCURRENCY: bad }, 'postgresql', 2), bad).toThrow(ConfigError);
      expect(() => loadClusterSettings({ WEB_CONCURRENCY: bad }, 'postgresql', 2), bad).toThrow(/WEB_CONCURRENCY/);
    }
  });
});
