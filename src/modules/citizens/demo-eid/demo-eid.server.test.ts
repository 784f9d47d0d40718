import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.js';
import { demoEidWanted, DemoEidRefused, startDemoEid } from './demo-eid.server.js';

// The local e-ID provider lets anyone who reads the README sign in as a demo citizen: it must never
// run in production, whatever else is set.
describe('demo e-ID provider: never in production', () => {
  const base = { env: 'development' as const, demo: 'auto' as const, oidc: undefined };

  it('runs for the demo only: not in production, not with demo data off, not when a real provider is set', () => {
    expect(demoEidWanted(base)).toBe(true);
    expect(demoEidWanted({ ...base, env: 'production' })).toBe(false);
    expect(demoEidWanted({ ...base, env: 'production', demo: 'on' })).toBe(false);
    expect(demoEidWanted({ ...base, demo: 'off' })).toBe(false);
    expect(demoEidWanted({ ...base, oidc: { issuer: 'https://id.example', clientId: 'a', clientSecret: 'b', scopes: 'openid', claims: {} as never } })).toBe(false);
  });

  it('refuses to start in production even when called directly', async () => {
    await expect(startDemoEid({ env: 'production', publicUrl: 'https://dvc.example', host: '127.0.0.1', port: 0 })).rejects.toBeInstanceOf(DemoEidRefused);
  });

  it('production needs an https provider with its client id and secret', () => {
    const prod = { MOTCUA_ENV: 'production', MOTCUA_PUBLIC_URL: 'https://dvc.example.gov.vn', MOTCUA_CHAIN_KEY: 'k'.repeat(40), MOTCUA_DATA_KEY: Buffer.alloc(32, 3).toString('base64') };
    expect(loadConfig(prod).oidc).toBeUndefined();
    expect(() => loadConfig({ ...prod, MOTCUA_OIDC_ISSUER: 'http://id.example', MOTCUA_OIDC_CLIENT_ID: 'a', MOTCUA_OIDC_CLIENT_SECRET: 'b' })).toThrow(/MOTCUA_OIDC_ISSUER/);
    expect(() => loadConfig({ ...prod, MOTCUA_OIDC_ISSUER: 'https://id.example' })).toThrow(/MOTCUA_OIDC_CLIENT_ID/);
    expect(() => loadConfig({ ...prod, MOTCUA_OIDC_CLAIMS: 'idNumber' })).toThrow(/MOTCUA_OIDC_CLAIMS/);
    const ok = loadConfig({ ...prod, MOTCUA_OIDC_ISSUER: 'https://id.example', MOTCUA_OIDC_CLIENT_ID: 'a', MOTCUA_OIDC_CLIENT_SECRET: 'b', MOTCUA_OIDC_CLAIMS: 'idNumber=pid' });
    expect(ok.oidc).toMatchObject({ issuer: 'https://id.example', scopes: 'openid profile email phone address', claims: { idNumber: 'pid', fullName: 'name' } });
    expect(demoEidWanted(ok)).toBe(false);
  });
});
