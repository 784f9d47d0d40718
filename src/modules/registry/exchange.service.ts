import type { ActionsProvider } from './documents.service.js';
import type { ExchangeHooks, RegistryDeps } from './registry.context.js';

/** Electronic exchange between units (issue 19 scope 3): being built; see API.md. */
export function createExchangeService(_deps: RegistryDeps) {
  const hooks: ExchangeHooks = { onReleased: async () => {}, onRegistered: async () => {} };
  const allowedActions: ActionsProvider = () => [];
  return { ...hooks, allowedActions };
}
export type ExchangeService = ReturnType<typeof createExchangeService>;
