import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

/** The audit log's words for the quality module (issue 20). Each part adds its actions here. */
export const qualityAuditVocabulary: AuditVocabulary = {
  actions: {
    // systems + objectives
    // processes + documents
    // audits + nonconformities + proposals
    // reviews
  },
  entities: {
    qms_system: { label: { vi: 'Hệ thống quản lý chất lượng', en: 'Quality management system' } },
    qms_objective: { label: { vi: 'Mục tiêu chất lượng', en: 'Quality objective' } },
    qms_process: { label: { vi: 'Quy trình ISO', en: 'QMS process' } },
    qms_document: { label: { vi: 'Tài liệu HTQLCL', en: 'QMS document' } },
    qms_audit: { label: { vi: 'Đánh giá nội bộ', en: 'Internal audit' } },
    qms_nonconformity: { label: { vi: 'Sự không phù hợp', en: 'Nonconformity' } },
    qms_review: { label: { vi: 'Xem xét của lãnh đạo', en: 'Management review' } },
  },
};
