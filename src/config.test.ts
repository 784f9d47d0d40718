import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has defaults that serve the embedded demo', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '0.0.0.0', databaseUrl: undefined, env: 'development' });
    expect(c.dataDir).toMatch(/data$/);
  });
  it.each([
    [{ PORT: 'ba nghìn' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ MOTCUA_ENV: 'prod' }, 'MOTCUA_ENV'],
    [{ SMTP_URL: 'mail.example' }, 'SMTP_URL'],
  ])('stops with a message naming the wrong setting %o', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });
});
