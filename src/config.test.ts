import { describe, expect, it } from 'vitest';
import type { NetworkInterfaceInfo } from 'node:os';
import { ConfigError, DEMO_CHAIN_KEY, defaultPublicUrl, loadConfig } from './config.js';

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

  describe('read replicas', () => {
    const primary = 'postgres://app@db1/motcua';
    it('takes one or more replica URLs beside DATABASE_URL, and a lag limit (10 s by default)', () => {
      expect(loadConfig({ DATABASE_URL: primary }).replicaUrls).toEqual([]);
      const c = loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URL: 'postgres://app@db2/motcua, postgresql://app@db3/motcua' });
      expect(c).toMatchObject({ replicaUrls: ['postgres://app@db2/motcua', 'postgresql://app@db3/motcua'], replicaMaxLagMs: 10_000, notes: [] });
      expect(loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URL: 'postgres://app@db2/motcua', DATABASE_REPLICA_MAX_LAG_SECONDS: '3' }).replicaMaxLagMs).toBe(3_000);
    });
    it('stops on a URL that is not PostgreSQL\'s or a lag limit out of range', () => {
      for (const env of [{ DATABASE_REPLICA_URL: 'postgres://app@db2/motcua,mysql://db3' }, { DATABASE_REPLICA_MAX_LAG_SECONDS: '0' }]) {
        expect(() => loadConfig({ DATABASE_URL: primary, ...env })).toThrow(Object.keys(env)[0]);
      }
    });
    it('on the embedded database, says at start that they are ignored', () => {
      const c = loadConfig({ DATABASE_REPLICA_URL: 'postgres://app@db2/motcua' });
      expect(c.replicaUrls).toEqual([]);
      expect(c.notes).toEqual([expect.stringMatching(/^DATABASE_REPLICA_URL bỏ qua: .* \/ ignored: the embedded database \(PGlite\) has no replicas/)]);
    });
  });

  describe('the public address printed in QR codes', () => {
    const nic = (address: string, internal: boolean): NetworkInterfaceInfo =>
      ({ address, internal, family: 'IPv4', netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null });
    const wifi = { lo: [nic('127.0.0.1', true)], wlan0: [nic('192.168.1.20', false)] };

    it('is MOTCUA_PUBLIC_URL when set, without a trailing slash', () => {
      expect(loadConfig({ MOTCUA_PUBLIC_URL: 'https://dichvucong.example.gov.vn/' }, '0', wifi).publicUrl).toBe('https://dichvucong.example.gov.vn');
    });

    it('otherwise, in development, is an address a phone on the same network can open, not localhost', () => {
      expect(loadConfig({}, '0', wifi).publicUrl).toBe('http://192.168.1.20:3000');
      expect(loadConfig({ HOST: '10.0.0.5', PORT: '8080' }, '0', wifi).publicUrl).toBe('http://10.0.0.5:8080');
      // A server that only listens on the loopback can be reached from nowhere else.
      expect(defaultPublicUrl('127.0.0.1', 3000, wifi)).toBe('http://localhost:3000');
      expect(defaultPublicUrl('0.0.0.0', 3000, { lo: [nic('127.0.0.1', true)] })).toBe('http://localhost:3000');
    });

    it('must be set, and not to localhost, in production', () => {
      for (const url of [undefined, 'http://localhost:3000', 'http://127.0.0.1', 'http://[::1]:3000']) {
        const env = { MOTCUA_ENV: 'production', ...(url ? { MOTCUA_PUBLIC_URL: url } : {}) };
        expect(() => loadConfig(env, '0', wifi), url).toThrow(ConfigError);
        expect(() => loadConfig(env, '0', wifi), url).toThrow('MOTCUA_PUBLIC_URL');
      }
      expect(loadConfig({ MOTCUA_ENV: 'production', MOTCUA_PUBLIC_URL: 'https://dichvucong.example.gov.vn', MOTCUA_CHAIN_KEY: CHAIN_KEY, MOTCUA_DATA_KEY: 'q0C0tY7m0m2zXhBpQhS1g7u3A0l9Q2z1cJb3Yd5Xk8E=' }, '0', wifi).publicUrl).toBe('https://dichvucong.example.gov.vn');
    });
  });

  describe('MOTCUA_CHAIN_KEY (signs dossier history chains)', () => {
    const prod = { MOTCUA_ENV: 'production', MOTCUA_PUBLIC_URL: 'https://dichvucong.example.gov.vn', MOTCUA_DATA_KEY: 'q0C0tY7m0m2zXhBpQhS1g7u3A0l9Q2z1cJb3Yd5Xk8E=' };
    it('is required in production, and at least 32 characters', () => {
      expect(() => loadConfig(prod, '0', {})).toThrow(ConfigError);
      expect(() => loadConfig(prod, '0', {})).toThrow('MOTCUA_CHAIN_KEY');
      expect(() => loadConfig({ ...prod, MOTCUA_CHAIN_KEY: 'short' }, '0', {})).toThrow('MOTCUA_CHAIN_KEY');
      expect(loadConfig({ ...prod, MOTCUA_CHAIN_KEY: CHAIN_KEY }, '0', {}).chainKey).toBe(CHAIN_KEY);
    });
    it('is the public demo key elsewhere', () => {
      expect(loadConfig({}, '0', {}).chainKey).toBe(DEMO_CHAIN_KEY);
    });
  });
});

const CHAIN_KEY = '3f1c0d9e8b7a6f5e4d3c2b1a09182736';
