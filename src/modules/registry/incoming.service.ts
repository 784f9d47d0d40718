import type { ActionsProvider } from './documents.service.js';
import type { ExchangeHooks, RegistryDeps } from './registry.context.js';

/** Incoming documents (issue 19 scope 2): being built; see API.md. */
export function createIncomingService(_deps: RegistryDeps, _hooks: Pick<ExchangeHooks, 'onRegistered'>) {
  const allowedActions: ActionsProvider = () => [];
  return { allowedActions };
}
export type IncomingService = ReturnType<typeof createIncomingService>;
