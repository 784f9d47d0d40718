import type { ActionsProvider } from './documents.service.js';
import type { ExchangeHooks, RegistryDeps } from './registry.context.js';

/** Outgoing documents (issue 19 scope 1): being built; see API.md. */
export function createOutgoingService(_deps: RegistryDeps, _hooks: Pick<ExchangeHooks, 'onReleased'>) {
  const allowedActions: ActionsProvider = () => [];
  return { allowedActions };
}
export type OutgoingService = ReturnType<typeof createOutgoingService>;
