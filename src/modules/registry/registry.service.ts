import { createAttachmentsService } from './attachments.service.js';
import { createDocumentsService } from './documents.service.js';
import { createExchangeService } from './exchange.service.js';
import { createFilesService } from './files.service.js';
import { createIncomingService } from './incoming.service.js';
import { createOutgoingService } from './outgoing.service.js';
import type { RegistryDeps } from './registry.context.js';
import { dossierDraft, type FromDossierInput } from './from-dossier.js';
import type { RequestContext } from '../../platform/http/context.js';
import { errors } from '../../platform/http/app-error.js';

/**
 * Official documents and records (issue 19, Decree 30/2020): one service composed of its parts. The
 * exchange is told of releases and registrations inside their transactions through ExchangeHooks, so
 * the outgoing and incoming parts never import it; each part offers its actions to the document view.
 */
export function createRegistryService(deps: RegistryDeps) {
  const exchange = createExchangeService(deps);
  const outgoing = createOutgoingService(deps, { onReleased: exchange.onReleased });
  const incoming = createIncomingService(deps, { onRegistered: exchange.onRegistered });
  const documents = createDocumentsService(deps, () => [outgoing.allowedActions, incoming.allowedActions, exchange.allowedActions, attachments.allowedActions]);
  const attachments = createAttachmentsService(deps);
  const files = createFilesService(deps);
  /** Scope 5: a dossier's result drafted as an outgoing document addressed to the applicant. */
  async function draftFromDossier(ctx: RequestContext, input: FromDossierInput) {
    if (!deps.dossiers) throw errors.notFound('hồ sơ', 'dossier');
    const draft = await dossierDraft(ctx, deps.dossiers, input);
    return outgoing.create(ctx, draft, { kind: 'dossier', ref: input.dossierCode });
  }
  return { documents, outgoing, incoming, exchange, attachments, files, draftFromDossier };
}
export type RegistryService = ReturnType<typeof createRegistryService>;
