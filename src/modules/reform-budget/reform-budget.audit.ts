import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

/** The audit log's words for the reform budget (issue 20 scope 5). */
export const reformBudgetAuditVocabulary: AuditVocabulary = {
  actions: {
    'reform_budget.line_created': { vi: 'Thêm dòng kinh phí cải cách hành chính', en: 'Add a reform budget line' },
    'reform_budget.line_updated': { vi: 'Sửa dòng kinh phí cải cách hành chính', en: 'Edit a reform budget line' },
  },
  entities: {
    reform_budget_line: { label: { vi: 'Dòng kinh phí cải cách hành chính', en: 'Reform budget line' } },
  },
};
