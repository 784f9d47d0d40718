import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type Services } from '../../src/app.js';
import type { App } from '../../src/platform/http/types.js';
import type { VerifiedIdentity } from '../../src/modules/citizens/identity.js';
import { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from './test-db.js';

export type Session = { cookie: string; csrf: string };

export type TestApp = TestDatabase & {
  app: App;
  login(username: string, password?: string): Promise<Session>;
  request(method: string, url: string, opts?: { session?: Session; body?: unknown; headers?: Record<string, string>; csrf?: boolean }): Promise<LightMyRequestResponse>;
  unitId(code: string): Promise<number>;
  /**
   * A citizen session for the person with this identity, as a verified e-ID sign-in creates it. Tests
   * of online filing start here; the OpenID Connect protocol itself is tested in modules/citizens/oidc.
   */
  citizenSession(identity?: Partial<VerifiedIdentity>): Promise<Session>;
};

export const TEST_CITIZEN: VerifiedIdentity = {
  issuer: 'https://dinh-danh.test', subject: 'cd-001', fullName: 'Lò Thị Mai', idNumber: '012345678901',
  birthDate: '1990-05-17', address: 'Bản Hon, xã Tân Phong, tỉnh Lai Châu', phone: '0912345678', email: 'mai.lo@example.vn',
};

/** A real app on a real database, driven through HTTP with `inject` (no socket, same pipeline). */
export async function createTestApp(opts: TestDatabaseOptions & { override?: (services: Services) => Partial<Services> } = {}): Promise<TestApp> {
  const database = await createTestDatabase(opts);
  if (opts.override) Object.assign(database.services, opts.override(database.services));
  const app = await buildApp({ config: database.config, database, services: database.services, logger: false, serveWeb: false });
  await app.ready();
  const request: TestApp['request'] = (method, url, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.session) {
      headers.cookie = o.session.cookie;
      if (o.csrf !== false) headers['x-csrf-token'] = o.session.csrf;
    }
    return app.inject({ method: method as never, url, headers, ...(o.body !== undefined ? { payload: o.body as never } : {}) });
  };
  return {
    ...database,
    app,
    request,
    async login(username, password = 'motcua') {
      const res = await request('POST', '/api/v1/auth/login', { body: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookies = res.cookies as { name: string; value: string }[];
      const sid = cookies.find((c) => c.name === 'motcua_sid')!.value;
      const csrf = cookies.find((c) => c.name === 'motcua_csrf')!.value;
      return { cookie: `motcua_sid=${sid}; motcua_csrf=${csrf}`, csrf };
    },
    async citizenSession(identity = {}) {
      const { session } = await database.services.citizens.signIn({ requestId: 'test', ip: '127.0.0.1', actor: null, locale: 'vi' }, { ...TEST_CITIZEN, ...identity }, 'vitest');
      return { cookie: `motcua_citizen_sid=${session.token}; motcua_citizen_csrf=${session.csrfToken}`, csrf: session.csrfToken };
    },
    async unitId(code) {
      const row = await database.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow();
      return row.id;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
