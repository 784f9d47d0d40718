import type { Actor } from '../access/policy.js';

/** What every service call knows about the request it serves: who, from where, under which id. */
export type RequestContext = {
  requestId: string;
  ip: string | null;
  actor: Actor | null;
  locale: 'vi' | 'en';
  /** A citizen signed in to the online public services (never together with a staff actor). */
  citizen?: { id: number; fullName: string };
  /** True only for the CLI, the demo seeder and jobs — never for an HTTP request. */
  system?: boolean;
};

/** For the CLI, seeding and jobs: work done by the system itself, audited as such. */
export function systemContext(requestId = 'system'): RequestContext {
  return { requestId, ip: null, actor: null, locale: 'vi', system: true };
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}
