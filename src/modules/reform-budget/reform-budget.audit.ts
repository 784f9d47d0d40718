import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

/** The audit log's words for the reform budget (issue 20 scope 5). */
export const reformBudgetAuditVocabulary: AuditVocabulary = {
  actions: {},
  entities: {
    reform_budget_line: { label: { vi: 'Dòng kinh phí cải cách hành chính', en: 'Reform budget line' } },
  },
};
