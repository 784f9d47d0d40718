import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

/** The audit log's words for the registry's exchange part (issue 19). */
export const registryExchangeAuditVocabulary: AuditVocabulary = {
  actions: {},
  entities: {},
};
