import type { FastifyRequest } from 'fastify';
import { errors } from '../http/app-error.js';
import { hasAnywhere, requireActor, type Permission } from './policy.js';

/**
 * A route `onRequest` hook that decides who may send the body before a byte of it is read. Fastify
 * parses a JSON body before `preValidation` and a handler may start parsing a spreadsheet before its
 * service checks access, so an anonymous 50 MB upload used to be read and parsed in full just to be
 * answered 401. Route-level `onRequest` hooks run after the session hook (`auth.plugin.ts`), so the
 * actor is known here. The service still checks the exact unit; this is the coarse gate.
 */
export function beforeBody(check: Permission[] | ((req: FastifyRequest) => void | Promise<void>)) {
  return async (req: FastifyRequest): Promise<void> => {
    if (typeof check === 'function') return check(req);
    const actor = requireActor(req.ctx.actor);
    if (!check.some((p) => hasAnywhere(actor, p))) throw errors.forbidden();
  };
}
